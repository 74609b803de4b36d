import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { validationModules } from '../loaders/postmortems';
import { localModules, relativeSpecifiers } from './module-graph';

describe('relativeSpecifiers', () => {
  test('finds imports over several lines, re-exports, side-effect and dynamic imports, not packages', () => {
    const source = `import { a,\n  b } from './a';\nimport type { C } from '../c';\nexport { d } from './d/index';\nimport './e';\nconst f = await import('./f');\nimport { z } from 'astro/zod';`;
    expect(relativeSpecifiers(source)).toEqual(['./a', '../c', './d/index', './e', './f']);
  });
});

describe('localModules', () => {
  test('follows relative imports to .ts files and index modules, once each, and nothing unreachable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'module-graph-'));
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'entry.ts'), "import { a } from './a';\nimport { lib } from './lib';\n");
    writeFileSync(join(dir, 'a.ts'), "import { entry } from './entry';\nexport const a = 1;\n");
    writeFileSync(join(dir, 'lib', 'index.ts'), "export { a } from '../a';\n");
    writeFileSync(join(dir, 'unrelated.ts'), "import { a } from './a';\n");
    expect(await localModules([join(dir, 'entry.ts')])).toEqual(
      ['a.ts', 'entry.ts', 'lib/index.ts'].map((path) => join(dir, path)),
    );
  });
});

describe('validationModules', () => {
  test('hashes the loader, validation, lint rules, schemas and plain MDX, and no charts, benchmark or client code', async () => {
    const src = fileURLToPath(new URL('..', import.meta.url));
    const modules = (await validationModules()).map((path) => path.slice(src.length).replaceAll('\\', '/'));
    expect(modules).toEqual(
      expect.arrayContaining([
        'loaders/postmortems.ts',
        'lib/validate.ts',
        'lib/lint/index.ts',
        'lib/plain-mdx.ts',
        'lib/content-folder-worker.ts',
        'schemas/postmortem.ts',
        'site.config.ts',
      ]),
    );
    expect(modules.filter((path) => /^lib\/bench\/|^lib\/charts|^client\/|\.test\.ts$/.test(path))).toEqual([]);
  });
});
