/**
 * Vitest's settings (`npm test` points at this file; the project's top level
 * holds no more files than it needs). Three projects, told apart by file name:
 *
 * - `unit`: in-process tests, beside the code in `src/` and `scripts/`, and
 *   `tests/**\/*.unit.test.ts` (the hostile-input catalogue, the README and workflow
 *   contracts). Seconds: `npm run test:unit`.
 * - `build`: tests that build a fixture site with `npm run build` and read its output.
 * - `browser`: `*.browser.test.ts`, which also drive Debian's Chromium through playwright-core.
 */
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const UNIT = ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.unit.test.ts'];
const BROWSER = ['tests/**/*.browser.test.ts'];

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    globalSetup: [fileURLToPath(new URL('./temporary-folder.ts', import.meta.url))],
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...UNIT, ...BROWSER],
        },
      },
      { extends: true, test: { name: 'browser', include: BROWSER } },
    ],
  },
});
