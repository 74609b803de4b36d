import { describe, expect, test } from 'vitest';
import { postmortemRecord } from '../../tests/postmortem-record';
import { SimilarityConfigSchema } from '../schemas/similarity';
import { compareNewestFirst } from './corpus';
import { findSimilar, type SimilarityInput } from './similarity';
import { similarityTerms } from './similarity-terms';

const config = SimilarityConfigSchema.parse({});
const on = (day: string) => ({ startedAt: `2024-03-${day}T10:00:00Z`, resolvedAt: `2024-03-${day}T11:00:00Z` });

/** Inputs newest first, as the corpus gives them; `rootCause` from the fields' `rootCause`. */
function inputs(...records: [id: string, fields: Record<string, unknown>, rootCause?: string][]): SimilarityInput[] {
  const rootCauses = new Map(records.map(([id, , rootCause]) => [id, rootCause ?? '']));
  return records
    .map(([id, fields]) => postmortemRecord(id, fields))
    .sort(compareNewestFirst)
    .map((record) => ({ record, terms: similarityTerms(record.data, rootCauses.get(record.id)!) }));
}

/** Each input's related (`id:score`) by id. */
function relatedOf(list: SimilarityInput[], options = config) {
  const results = findSimilar(list, options);
  return Object.fromEntries(
    list.map(({ record }, position) => [
      record.id,
      results[position]!.related.map((match) => `${list[match.position]!.record.id}:${match.score}`),
    ]),
  );
}

const POOL =
  'A config change set max_connections to 50, so the connection pool of checkout-db was exhausted and requests failed with HikariPool timeouts.';

describe('findSimilar', () => {
  test('adds the weights of shared services, tags and trigger', () => {
    const list = inputs(
      ['x', { ...on('20'), services: ['checkout'], tags: ['postgres'], trigger: 'deploy' }],
      ['both', { ...on('01'), services: ['checkout'], tags: ['postgres'] }],
      ['service', { ...on('02'), services: ['checkout'] }],
      ['tag-trigger', { ...on('03'), services: ['other'], tags: ['postgres'], trigger: 'deploy' }],
      ['trigger', { ...on('05'), services: ['other'], trigger: 'deploy' }],
    );
    expect(relatedOf(list)['x']).toEqual(['both:5', 'tag-trigger:3', 'service:3']);
  });

  test('breaks ties by the newer incident, and by id when they started at once', () => {
    const list = inputs(
      ['z', { ...on('01'), services: ['db'] }],
      ['b', { ...on('01'), services: ['db'] }],
      ['a', { ...on('09'), services: ['db'] }],
      ['c', { ...on('02'), services: ['db'] }],
    );
    expect(relatedOf(list)['a']).toEqual(['c:3', 'b:3', 'z:3']);
    expect(relatedOf([...list].reverse().sort((x, y) => compareNewestFirst(x.record, y.record)))['a']).toEqual([
      'c:3',
      'b:3',
      'z:3',
    ]);
  });

  test('finds a match by text alone, above ones sharing only labels', () => {
    const list = inputs(
      ['new', { ...on('20'), title: 'Orders failing', services: ['orders'], tags: ['deploy'] }, POOL],
      ['same-words', { ...on('01'), title: 'Payments slow', services: ['payments'] }, POOL],
      ['same-tag', { ...on('02'), title: 'Search down', services: ['search'], tags: ['deploy'] }, 'A disk filled up.'],
    );
    const [first, second] = relatedOf(list)['new']!;
    expect(first).toMatch(/^same-words:/);
    expect(Number(first!.split(':')[1])).toBeGreaterThan(9);
    expect(second).toBe('same-tag:2');
  });

  test('compares short texts, and finds nothing in texts of stop words only', () => {
    const short = inputs(
      ['a', { ...on('02'), title: 'ECONNREFUSED', services: ['x'] }],
      ['b', { ...on('01'), title: 'ECONNREFUSED', services: ['y'] }],
    );
    expect(findSimilar(short, config)[0]!.related[0]).toMatchObject({ textSimilarity: 1, score: 10 });
    const empty = inputs(
      ['a', { ...on('02'), title: 'It was the one', summary: 'We had it.', services: ['x'] }],
      ['b', { ...on('01'), title: 'It was the one', summary: 'We had it.', services: ['y'] }],
    );
    expect(findSimilar(empty, config)[0]!.related).toEqual([]);
  });

  test('counts no text similarity for one shared word, and counts one shared identifier', () => {
    const word = inputs(
      ['a', { ...on('02'), title: 'Deploy of search', services: ['x'] }],
      ['b', { ...on('01'), title: 'Deploy of banners', services: ['y'] }],
    );
    expect(findSimilar(word, config)[0]!.related).toEqual([]);
  });

  test('names the heaviest shared terms as evidence, identifiers first and no word twice', () => {
    const list = inputs(
      ['new', { ...on('20'), title: 'Checkout errors', services: ['checkout'], trigger: 'config-change' }, POOL],
      ['old', { ...on('01'), title: 'Checkout errors', services: ['checkout'], trigger: 'config-change' }, POOL],
    );
    const [match] = findSimilar(list, config)[0]!.repeats;
    expect(match!.evidence).toMatchObject({ services: ['checkout'], trigger: 'config-change' });
    expect(match!.evidence.terms.slice(0, 2).sort()).toEqual(['hikaripool', 'max_connections']);
    expect(match!.evidence.terms).not.toContain('pool');
  });

  test('counts as repeats only earlier incidents over both thresholds and not marked notRepeatOf', () => {
    const list = inputs(
      [
        'new',
        { ...on('20'), services: ['checkout'], notRepeatOf: [{ id: 'marked', reason: 'A leak, not the size' }] },
        POOL,
      ],
      ['earlier', { ...on('01'), services: ['checkout'] }, POOL],
      ['marked', { ...on('02'), services: ['checkout'] }, POOL],
      ['later', { ...on('25'), services: ['checkout'] }, POOL],
      ['labels-only', { ...on('03'), services: ['checkout'], tags: ['a', 'b', 'c'] }, 'A disk filled up.'],
    );
    const results = findSimilar(list, config);
    const at = (id: string) => list.findIndex(({ record }) => record.id === id);
    expect(results[at('new')]!.repeats.map((match) => list[match.position]!.record.id)).toEqual(['earlier']);
    expect(findSimilar(list, { ...config, repeatMinScore: 100 })[at('new')]!.repeats).toEqual([]);
  });

  test('gives a linked incident that shares nothing a score of 0, whatever was compared before it', () => {
    const list = inputs(
      ['a', { ...on('03'), services: ['x'], tags: ['t'] }],
      ['b', { ...on('02'), services: ['y'], related: ['c'] }],
      ['c', { ...on('01'), services: ['x'], tags: ['t'] }],
    );
    const [, linking] = findSimilar(list, config);
    expect(linking!.explicit).toMatchObject([{ position: 2, score: 0, textSimilarity: 0 }]);
  });

  test('finds matches only for the positions asked for, against all the others', () => {
    const list = inputs(['a', { ...on('02'), services: ['x'] }], ['b', { ...on('01'), services: ['x'] }]);
    const [newer, older] = findSimilar(list, config, 3, (position) => position === 0);
    expect(newer!.related.map((match) => match.position)).toEqual([1]);
    expect(older).toEqual({ explicit: [], related: [], repeats: [] });
  });

  test('finds what scoring every pair would, in a corpus with many ties', () => {
    const pick = <T>(pool: readonly T[], seed: number, count: number) =>
      Array.from({ length: count }, (_, index) => pool[(seed * 7 + index * 13) % pool.length]!);
    const words = ['pool', 'dns', 'certificate', 'max_connections', 'disk', 'queue', 'ECONNRESET', 'cache'];
    const list = inputs(
      ...Array.from({ length: 200 }, (_, index): [string, Record<string, unknown>, string] => [
        `pm-${String(index).padStart(3, '0')}`,
        {
          ...on(String(1 + (index % 28)).padStart(2, '0')),
          services: pick(['api', 'db', 'edge', 'queue', 'search'], index, 1 + (index % 2)),
          tags: pick(['dns', 'tls', 'postgres', 'deploy', 'memory', 'disk'], index * 3, index % 3),
          trigger: pick(['deploy', 'config-change', 'unknown', 'traffic-surge'], index, 1)[0],
        },
        pick(words, index * 5, 2).join(' failed. '),
      ]),
    );
    const results = findSimilar(list, config);
    const all = findSimilar(list, { ...config, relatedMinScore: 0 }, list.length);
    list.forEach((_, position) => {
      const expected = all[position]!.related.filter((match) => match.score >= config.relatedMinScore).slice(0, 3);
      expect(results[position]!.related).toEqual(expected);
    });
  });
});
