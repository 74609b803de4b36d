import { describe, expect, test } from 'vitest';
import { editDistance } from '../../src/lib/typo-correction';
import { knownItemPairs, knownItemQueries, misspell, rankSummary } from './typo-hit-rate';

describe('misspell', () => {
  test('makes one typo of each kind in the middle of the word', () => {
    expect(
      ['deletion', 'insertion', 'substitution', 'transposition'].map((kind) => misspell('postgres', kind as never)),
    ).toEqual(['postres', 'postggres', 'posteres', 'posgtres']);
  });

  test('swaps two different letters even when the middle one is doubled', () => {
    expect(misspell('rollback', 'transposition')).not.toBe('rollback');
    expect(editDistance(misspell('rollback', 'transposition'), 'rollback')).toBe(1);
  });
});

describe('knownItemQueries', () => {
  test('takes words one or two pages use, never the common ones', () => {
    const queries = knownItemQueries(
      [
        { url: '/a/', content: 'Postgres primary refused connections' },
        { url: '/b/', content: 'Primary resolver timeouts' },
        { url: '/c/', content: 'Primary certificate expired' },
      ],
      4,
    );
    expect(queries.map((query) => query.word)).not.toContain('primary');
    expect(queries.filter((query) => query.url === '/a/').map((query) => query.word)).toEqual([
      'connections',
      'postgres',
      'refused',
    ]);
  });
});

describe('knownItemPairs', () => {
  test('pairs two words of one page, exact and with the second misspelt, never words of two pages', () => {
    expect(
      knownItemPairs([
        { url: '/a/', word: 'postgres', typo: 'postgers' },
        { url: '/a/', word: 'refused', typo: 'refsued' },
        { url: '/a/', word: 'primary', typo: 'primry' },
        { url: '/b/', word: 'resolver', typo: 'resolvr' },
      ]),
    ).toEqual([{ url: '/a/', exact: 'postgres refused', typo: 'postgres refsued' }]);
  });
});

describe('rankSummary', () => {
  test('counts first places, top-3 places and the mean reciprocal rank, a miss counting 0', () => {
    expect(rankSummary([1, 2, 3, undefined])).toEqual({ top1: 0.25, top3: 0.75, mrr: (1 + 1 / 2 + 1 / 3) / 4 });
  });
});
