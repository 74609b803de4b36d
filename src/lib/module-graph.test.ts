import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
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
