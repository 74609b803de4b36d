import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataStore } from 'astro/loaders';
import { describe, expect, test } from 'vitest';
import { storeEntries, type StoreEntriesContext } from './store-entries';

type Entry = Parameters<DataStore['set']>[0];

/** A store as Astro hands loaders one, recording the modules and images it is told this build imports. */
function fakeStore(initial: Entry[] = []) {
  const entries = new Map(initial.map((entry) => [entry.id, entry]));
  const imports = { modules: [] as string[], assets: [] as [string[], string][] };
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => (entries.set(entry.id, entry), true),
    delete: (id: string) => entries.delete(id),
    keys: () => [...entries.keys()],
    addModuleImport: (file: string) => imports.modules.push(file),
    addAssetImports: (assets: string[], file: string) => imports.assets.push([assets, file]),
  } as unknown as DataStore;
  return { store, entries, imports };
}

async function contentFolder(files: Record<string, string>) {
  const root = await mkdtemp(join(tmpdir(), 'postmortems-store-'));
  const contentDir = join(root, 'postmortems');
  await mkdir(contentDir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(contentDir, name), text);
  return { root, contentDir };
}

const context = (store: DataStore, rendered: string[] = []): StoreEntriesContext => ({
  store,
  generateDigest: (text) => (typeof text === 'string' ? `digest of ${text}` : 'digest of data'),
  renderMarkdown: async (text) => {
    rendered.push(text);
    return { html: '<p>rendered</p>', metadata: { imagePaths: ['./queue.png'] } };
  },
  logger: { error() {} } as unknown as StoreEntriesContext['logger'],
});

describe('storeEntries', () => {
  test('stores changed files with their validated data, keeps unchanged entries with their imports, drops the rest', async () => {
    const { root, contentDir } = await contentFolder({
      'kept.mdx': '---\ntitle: Kept\n---\nBody',
      'kept-md.md': '---\ntitle: Kept\n---\n![Queue](./queue.png)',
      'edited.mdx': '---\ntitle: Edited\n---\nNew body',
      'new.md': '---\ntitle: New\n---\nText',
    });
    const { store, entries, imports } = fakeStore([
      { id: 'kept', data: { title: 'Kept' }, filePath: 'postmortems/kept.mdx', digest: 'd1', deferredRender: true },
      {
        id: 'kept-md',
        data: { title: 'Kept' },
        filePath: 'postmortems/kept-md.md',
        digest: 'd2',
        assetImports: ['./queue.png'],
      },
      { id: 'edited', data: { title: 'Old' }, filePath: 'postmortems/edited.mdx', digest: 'd3' },
      { id: 'deleted', data: { title: 'Gone' }, filePath: 'postmortems/deleted.mdx', digest: 'd4' },
    ]);
    const rendered: string[] = [];
    await storeEntries(context(store, rendered), {
      root,
      contentDir,
      files: ['kept.mdx', 'kept-md.md', 'edited.mdx', 'new.md'],
      changed: new Set(['edited.mdx', 'new.md']),
      dataOf: (file) => ({ title: `validated ${file}` }),
    });

    expect([...entries.keys()].sort()).toEqual(['edited', 'kept', 'kept-md', 'new']);
    expect(entries.get('kept')?.data).toEqual({ title: 'Kept' });
    expect(imports.modules).toEqual(['postmortems/kept.mdx']);
    expect(imports.assets).toEqual([[['./queue.png'], 'postmortems/kept-md.md']]);
    expect(entries.get('edited')).toEqual({
      id: 'edited',
      data: { title: 'validated edited.mdx' },
      filePath: 'postmortems/edited.mdx',
      digest: 'digest of ---\ntitle: Edited\n---\nNew body',
      deferredRender: true,
    });
    expect(entries.get('new')).toMatchObject({
      data: { title: 'validated new.md' },
      filePath: 'postmortems/new.md',
      rendered: { html: '<p>rendered</p>' },
      assetImports: ['./queue.png'],
    });
    expect(rendered).toEqual(['---\ntitle: New\n---\nText']);
  });

  test('stores every file when nothing is known to be unchanged', async () => {
    const { root, contentDir } = await contentFolder({ 'a.mdx': 'A', 'b.mdx': 'B' });
    const { store, entries } = fakeStore([{ id: 'a', data: { title: 'Old' }, filePath: 'postmortems/a.mdx' }]);
    await storeEntries(context(store), {
      root,
      contentDir,
      files: ['a.mdx', 'b.mdx'],
      changed: undefined,
      dataOf: (file) => ({ file }),
    });
    expect([...entries.values()].map((entry) => entry.data)).toEqual([{ file: 'a.mdx' }, { file: 'b.mdx' }]);
  });

  test('refuses to store a file that was not validated', async () => {
    const { root, contentDir } = await contentFolder({ 'a.mdx': 'A' });
    await expect(
      storeEntries(context(fakeStore().store), {
        root,
        contentDir,
        files: ['a.mdx'],
        changed: undefined,
        dataOf: () => undefined,
      }),
    ).rejects.toThrow('a.mdx was not validated before it was stored');
  });
});
