import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readFiles } from './read-files';

test('readFiles yields every file with its path and text, in the order given, across many reads', async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'postmortems-built-'));
  const pages = Array.from({ length: 150 }, (_, index) => `postmortems/p-${149 - index}/index.html`);
  for (const page of pages) {
    await mkdir(join(outDir, page, '..'), { recursive: true });
    await writeFile(join(outDir, page), `<h1>${page}</h1>`);
  }

  const read = [];
  for await (const entry of readFiles(outDir, pages)) read.push(entry);

  expect(read).toEqual(pages.map((page) => ({ file: page, path: join(outDir, page), text: `<h1>${page}</h1>` })));
});
