/**
 * Vitest's settings (`npm test` points at this file; the project's top level
 * holds no more files than it needs).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    globalSetup: [fileURLToPath(new URL('./temporary-folder.ts', import.meta.url))],
  },
});
