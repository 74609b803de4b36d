import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { filesToValidate, previouslyExcluded, rememberValidation, type StoreContext } from './changed-files';

const digest = (text: unknown) => createHash('sha256').update(String(text)).digest('hex');

/** A content folder and a store as an earlier build under key `k1` left them, with one file edited since. */
async function afterOneEdit() {
  const dir = await mkdtemp(join(tmpdir(), 'changed-files-'));
  const texts: Record<string, string> = {
    '2024-01-01-a.md': 'a',
    '2024-01-02-b.md': 'b',
    '2024-01-03-c.md': 'c',
  };
  for (const [file, text] of Object.entries(texts)) await writeFile(join(dir, file), text);
  const entries = new Map<string, { digest: string; data: { related?: string[] } }>([
    ['2024-01-01-a', { digest: digest('a'), data: {} }],
    ['2024-01-02-b', { digest: digest('b, before the edit'), data: {} }],
    ['2024-01-03-c', { digest: digest('c'), data: { related: ['2024-01-01-a'] } }],
  ]);
  const meta = new Map<string, string>();
  const context = {
    store: { get: (id: string) => entries.get(id) },
    meta: {
      get: (key: string) => meta.get(key),
      set: (key: string, value: string) => meta.set(key, value),
    },
    generateDigest: digest,
  } as unknown as StoreContext;
  rememberValidation(context, 'k1', new Map());
  return { dir, context, files: Object.keys(texts) };
}

describe('filesToValidate', () => {
  test('selects only the files whose text changed since the build under the same key', async () => {
    const { dir, context, files } = await afterOneEdit();
    expect(await filesToValidate(context, dir, files, 'k1', new Map())).toEqual(['2024-01-02-b.md']);
  });

  test('selects every file when the rules or settings changed since', async () => {
    const { dir, context, files } = await afterOneEdit();
    expect(await filesToValidate(context, dir, files, 'k2', new Map())).toBeUndefined();
  });

  test('selects an unchanged file again when a postmortem it relates to is gone', async () => {
    const { dir, context, files } = await afterOneEdit();
    const withoutA = files.filter((file) => file !== '2024-01-01-a.md');
    expect(await filesToValidate(context, dir, withoutA, 'k1', new Map())).toEqual([
      '2024-01-02-b.md',
      '2024-01-03-c.md',
    ]);
  });

  test("passes over another audience's file that is unchanged since it was left out", async () => {
    const { dir, context, files } = await afterOneEdit();
    const excluded = new Map([['2024-01-02-b.md', digest('b')]]);
    expect(await filesToValidate(context, dir, files, 'k1', excluded)).toEqual([]);
  });
});

describe('previouslyExcluded', () => {
  test('gives back the files left out under the same key, and none under another', async () => {
    const { context } = await afterOneEdit();
    rememberValidation(context, 'k1', new Map([['internal.md', 'd1']]));
    expect(previouslyExcluded(context, 'k1')).toEqual(new Map([['internal.md', 'd1']]));
    expect(previouslyExcluded(context, 'k2')).toEqual(new Map());
  });
});
