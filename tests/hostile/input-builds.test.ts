/**
 * What only a build can show of the input half of the catalogue: set-up mistakes
 * stop `astro build` with their message and no stack trace, instead of publishing
 * an empty site (a mistyped `POSTMORTEMS_DIR`) or crashing while pages render
 * (an unknown `POSTMORTEMS_AUDIENCE`). Two builds; the rest is in-process in
 * `input.unit.test.ts`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, projectRoot } from '../build-site';

/** A stack frame as Node prints one. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

describe('a build with a set-up mistake', () => {
  test('stops on a content folder that does not exist, instead of publishing an empty site', async () => {
    const site = await buildSite(join(projectRoot, 'tests/fixtures/no-such-folder'));
    expect(site.exitCode).not.toBe(0);
    expect(site.output).toMatch(/the content folder `.*tests\/fixtures\/no-such-folder` does not exist/);
    expect(site.output).toContain('set POSTMORTEMS_DIR to the folder holding the postmortems');
    expect(site.output).not.toMatch(STACK_FRAME);
    expect(existsSync(join(site.outDir, 'index.html'))).toBe(false);
  }, 180_000);

  test('stops on an unknown audience with the value, escaped, and the two it may be', async () => {
    const site = await buildSite(join(projectRoot, 'tests/fixtures/accepted'), {
      POSTMORTEMS_AUDIENCE: 'publik\u001b[2K',
    });
    expect(site.exitCode).not.toBe(0);
    expect(site.output).toContain('POSTMORTEMS_AUDIENCE is `publik\\x1b[2K`; use "internal"');
    expect(site.output).not.toContain('\u001b[2K');
    expect(site.output).not.toMatch(STACK_FRAME);
    expect(existsSync(join(site.outDir, 'index.html'))).toBe(false);
  }, 180_000);
});
