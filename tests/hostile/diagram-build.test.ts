/**
 * A mermaid diagram is drawn by the build (in Chromium), so only a build can
 * find one that cannot be drawn: it must say which file and line, like every
 * other content error, with no stack trace.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite, projectRoot } from '../build-site';

test('a diagram that cannot be drawn fails the build at its fence, without a stack trace', async () => {
  const site = await buildSite(join(projectRoot, 'tests/fixtures/hostile-diagram'));
  expect(site.exitCode).not.toBe(0);
  expect(site.output).toMatch(
    /tests\/fixtures\/hostile-diagram\/2024-03-14-broken-diagram\.md:22:1 +error +this mermaid diagram cannot be drawn: .+\[diagram\]/,
  );
  expect(site.output).not.toMatch(/:17:1 +error/);
  expect(site.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}, 180_000);
