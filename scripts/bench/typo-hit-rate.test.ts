import { describe, expect, test } from 'vitest';
import { editDistance } from '../../src/lib/typo-correction';
import { knownItemQueries, misspell } from './typo-hit-rate';

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
