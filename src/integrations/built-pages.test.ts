import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { builtPages } from './built-pages';

test('builtPages yields every page with its path and HTML, in the order given, across many reads', async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'postmortems-built-'));
  const pages = Array.from({ length: 150 }, (_, index) => `postmortems/p-${149 - index}/index.html`);
  for (const page of pages) {
    await mkdir(join(outDir, page, '..'), { recursive: true });
    await writeFile(join(outDir, page), `<h1>${page}</h1>`);
  }

  const read = [];
  for await (const entry of builtPages(outDir, pages)) read.push(entry);

  expect(read).toEqual(pages.map((page) => ({ page, path: join(outDir, page), html: `<h1>${page}</h1>` })));
});
