import { describe, expect, test } from 'vitest';
import { postmortemRecord } from '../../tests/postmortem-record';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { buildCorpus } from './corpus';
import { listPageKey, postmortemPageKey, type KeyedRecord } from './page-keys';

const corpusOf = (records: KeyedRecord[]) => buildCorpus(records, DEFAULT_SEVERITY_SCALE);
const base = (): KeyedRecord[] => [
  {
    ...postmortemRecord('a', {
      startedAt: '2024-01-01T10:00:00Z',
      resolvedAt: '2024-01-01T11:00:00Z',
      services: ['api'],
    }),
    digest: 'a1',
  },
  {
    ...postmortemRecord('b', {
      startedAt: '2024-02-01T10:00:00Z',
      resolvedAt: '2024-02-01T11:00:00Z',
      services: ['db'],
    }),
    digest: 'b1',
  },
  {
    ...postmortemRecord('c', {
      startedAt: '2024-03-01T10:00:00Z',
      resolvedAt: '2024-03-01T11:00:00Z',
      services: ['web'],
    }),
    digest: 'c1',
  },
  {
    ...postmortemRecord('d', {
      startedAt: '2024-04-01T10:00:00Z',
      resolvedAt: '2024-04-01T11:00:00Z',
      services: ['queue'],
    }),
    digest: 'd1',
  },
];
const keyOf = (records: KeyedRecord[], id: string, context: unknown = 'internal') =>
  postmortemPageKey(corpusOf(records).byId.get(id)!, context);

describe('postmortemPageKey', () => {
  test('stays the same when nothing the page shows changed', () => {
    expect(keyOf(base(), 'b')).toBe(keyOf(base(), 'b'));
  });

  test('changes with the postmortem itself and with the audience', () => {
    const edited = base().map((record) => (record.id === 'b' ? { ...record, digest: 'b2' } : record));
    expect(keyOf(edited, 'b')).not.toBe(keyOf(base(), 'b'));
    expect(keyOf(base(), 'b', 'public')).not.toBe(keyOf(base(), 'b'));
  });

  test('changes when a neighbour is renamed, but not when a postmortem further away is edited', () => {
    const renamed = base().map((record) =>
      record.id === 'c' ? { ...record, data: { ...record.data, title: 'Renamed' } } : record,
    );
    expect(keyOf(renamed, 'b')).not.toBe(keyOf(base(), 'b'));
    const farEdit = base().map((record) => (record.id === 'd' ? { ...record, digest: 'd2' } : record));
    expect(keyOf(farEdit, 'b')).toBe(keyOf(base(), 'b'));
  });
});

describe('listPageKey', () => {
  const page = (records: KeyedRecord[]) => ({
    currentPage: 2,
    lastPage: 3,
    total: records.length,
    data: corpusOf(records).items,
  });

  test('changes with what a list shows of an item, not with its body', () => {
    const retitled = base().map((record) =>
      record.id === 'a' ? { ...record, data: { ...record.data, title: 'New title' } } : record,
    );
    const rewritten = base().map((record) =>
      record.id === 'a' ? { ...record, digest: 'a2', body: 'A new body.' } : record,
    );
    expect(listPageKey(page(retitled), 'all')).not.toBe(listPageKey(page(base()), 'all'));
    expect(listPageKey(page(rewritten), 'all')).toBe(listPageKey(page(base()), 'all'));
  });

  test('changes with the page context, such as a group total', () => {
    expect(listPageKey(page(base()), ['service', 'api', 60])).not.toBe(
      listPageKey(page(base()), ['service', 'api', 61]),
    );
  });
});
