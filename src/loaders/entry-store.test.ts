import type { DataStore } from 'astro/loaders';
import { describe, expect, test } from 'vitest';
import { audienceStore } from './entry-store';

type Entry = Parameters<DataStore['set']>[0];

function fakeStore() {
  const entries = new Map<string, Entry>();
  const store = {
    set: (entry: Entry) => {
      entries.set(entry.id, entry);
      return true;
    },
    delete: (id: string) => {
      entries.delete(id);
    },
  } as unknown as DataStore;
  return { store, entries };
}

const where = {
  root: '/site',
  contentDir: '/site/postmortems',
  audience: { audience: 'public', includeDrafts: false },
} as const;
const entry = (id: string, data: object, more: Partial<Entry> = {}): Entry => ({
  id,
  data: { status: 'published', visibility: 'public', ...data },
  filePath: `postmortems/${id}.mdx`,
  digest: `digest-of-${id}`,
  ...more,
});

describe('audienceStore', () => {
  test("keeps another audience's postmortem out of the store, and remembers it by path and digest", () => {
    const { store, entries } = fakeStore();
    const excluded = new Map<string, string>();
    const filtered = audienceStore(store, where, new Map(), excluded);
    expect(filtered.set(entry('secret', { visibility: 'internal' }))).toBe(false);
    expect(filtered.set(entry('draft', { status: 'draft' }))).toBe(false);
    expect(filtered.set(entry('open', {}))).toBe(true);
    expect([...entries.keys()]).toEqual(['open']);
    expect(excluded).toEqual(
      new Map([
        ['secret.mdx', 'digest-of-secret'],
        ['draft.mdx', 'digest-of-draft'],
      ]),
    );
  });

  test('stores an MDX entry rendered while syncing with its HTML instead of a module to compile', () => {
    const { store, entries } = fakeStore();
    const html = { html: '<p>Plain.</p>', metadata: { headings: [] } };
    const filtered = audienceStore(store, where, new Map([['/site/postmortems/plain.mdx', html]]), new Map());
    filtered.set(entry('plain', {}, { deferredRender: true }));
    filtered.set(entry('jsx', {}, { deferredRender: true }));
    expect(entries.get('plain')).toMatchObject({ rendered: html });
    expect(entries.get('plain')).not.toHaveProperty('deferredRender');
    expect(entries.get('jsx')).toMatchObject({ deferredRender: true });
    expect(entries.get('jsx')).not.toHaveProperty('rendered');
  });

  test('lets a postmortem back in, and forgets it was left out, once it is for this audience', () => {
    const { store, entries } = fakeStore();
    const excluded = new Map([['secret.mdx', 'old digest']]);
    audienceStore(store, where, new Map(), excluded).set(entry('secret', { visibility: 'public' }));
    expect(entries.has('secret')).toBe(true);
    expect(excluded.size).toBe(0);
  });
});
