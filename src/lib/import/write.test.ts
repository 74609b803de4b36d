import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createFileWriter, importedFileName, importedSources, renderPostmortem } from './write';

describe('importedFileName', () => {
  test('dates the file by the start in the incident’s zone, and needs a date', () => {
    const mapped = { title: 'Search: empty results!', frontmatter: { timezone: 'Europe/Berlin' } };
    expect(importedFileName({ ...mapped, startDate: '2024-05-07' })).toBe('2024-05-07-search-empty-results.md');
    expect(importedFileName({ ...mapped, startDate: undefined })).toBeUndefined();
  });
});

describe('createFileWriter and importedSources', () => {
  test('never writes over a file, and finds the sources recorded in a folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'import-write-'));
    await writeFile(join(dir, '2024-01-01-a.md'), '---\ntitle: mine\n---\n');
    const writer = await createFileWriter(dir);
    const text = renderPostmortem({ frontmatter: { title: 'A', source: 'cstate:a.md' }, body: 'Body.' });
    const names = await Promise.all([writer.write('2024-01-01-a.md', text), writer.write('2024-01-01-a.md', text)]);
    expect(names).toEqual(['2024-01-01-a-2.md', '2024-01-01-a-3.md']);
    expect((await readdir(dir)).sort()).toEqual(['2024-01-01-a-2.md', '2024-01-01-a-3.md', '2024-01-01-a.md']);
    expect(await importedSources(dir)).toEqual(new Map([['cstate:a.md', '2024-01-01-a-3.md']]));
  });
});
