/**
 * The build rejects what `check` rejects, from the loader, before anything is
 * compiled: one real build of a folder of hostile files proves the wiring that
 * the in-process catalogue (`content.unit.test.ts`) cannot. Every file is named with
 * its line and rule, no stack trace is printed, nothing is written to `dist/`,
 * and the secret the MDX asks for is never read.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, projectRoot, type SiteBuild } from '../build-site';

const SECRET = 'canary-hostile-build-secret-5e2c';

describe('a build of hostile postmortems', () => {
  let site: SiteBuild;
  beforeAll(async () => {
    site = await buildSite(join(projectRoot, 'tests/fixtures/hostile-build'), { HOSTILE_BUILD_SECRET: SECRET });
  }, 180_000);

  test('fails, naming every file with its line and rule', () => {
    expect(site.exitCode).not.toBe(0);
    for (const expected of [
      /2024-03-14-expression\.mdx:13:\d+ +error .*\[mdx-expressions\]/,
      /2024-03-15-meta-refresh\.md:13:1 +error .*\[safe-html\]/,
      /2024-03-16-image-outside\.md:13:1 +error .*\[image-exists\]/,
      /2024-03-17-unknown-component\.mdx:13:1 +error .*\[mdx-components\]/,
      /2024-03-18-lowercase-internal\.md:13:1 +error .*\[internal-passages\]/,
      /2024-03-19-spread\.mdx:13:1 +error .*\[mdx-expressions\]/,
      /2024-03-20-chart-data-outside\.mdx:13:1 +error .*is outside the content folder.*\[metric-chart\]/,
    ]) {
      expect(site.output).toMatch(expected);
    }
  });

  test('prints no stack trace, never reads the secret and writes no page', () => {
    expect(site.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(site.output).not.toContain(SECRET);
    expect(existsSync(join(site.outDir, 'index.html'))).toBe(false);
  });
});
