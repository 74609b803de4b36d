import { describe, expect, test } from 'vitest';
import { isIdentifier, rootCauseSection, termCounts } from './similarity-terms';

describe('isIdentifier', () => {
  test('returns true for names of things: _, inner dots, digits beside letters, CamelCase, long capitals', () => {
    expect(['max_connections', 'db.pool.size', 'http2', 'HikariPool', 'ECONNREFUSED'].map(isIdentifier)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  test('returns false for words, capitalised words and short acronyms', () => {
    expect(['pool', 'Checkout', 'DNS', '2024'].map(isIdentifier)).toEqual([false, false, false, false]);
  });
});

describe('termCounts', () => {
  test('drops stop words, numbers and short words, and pairs adjacent words within a clause', () => {
    expect(
      termCounts('The connection pool was exhausted in 47 minutes. Pools, again!').map(({ term }) => term),
    ).toEqual(['connection', 'pool', 'connection pool', 'exhausted']);
  });

  test('counts plurals as the singular and identifiers as written, lowercased', () => {
    expect(termCounts('Timeouts and a timeout: max_connections hit ECONNREFUSED')).toEqual([
      { term: 'timeout', count: 2, identifier: false },
      { term: 'max_connections', count: 1, identifier: true },
      { term: 'hit', count: 1, identifier: false },
      { term: 'econnrefused', count: 1, identifier: true },
    ]);
  });

  test('returns nothing for a text of stop words only', () => {
    expect(termCounts('It was the one that we had.')).toEqual([]);
  });
});

describe('rootCauseSection', () => {
  test('returns the text of the root-cause section, without its heading', () => {
    const body = '## Summary\n\nA.\n\n## Root cause and resolution\n\nThe pool.\n\n## Lessons learned\n\nB.\n';
    expect(rootCauseSection(body, { isMdx: false, audience: 'internal' })).toBe('The pool.');
  });

  test("returns '' when there is no such section", () => {
    expect(rootCauseSection('## Summary\n\nA.\n', { isMdx: false, audience: 'internal' })).toBe('');
  });

  test('reads only what the page publishes: no comments, and no <Internal> passage in the public build', () => {
    const body = [
      '## Root cause and resolution',
      '',
      'The pool was halved. {/* reviewer: canarynote */}',
      '',
      '<Internal>',
      'The canaryrunbook is in the wiki.',
      '</Internal>',
    ].join('\n');
    const published = rootCauseSection(body, { isMdx: true, audience: 'public' });
    expect(published).toContain('The pool was halved.');
    expect(published).not.toMatch(/canary/);
    expect(rootCauseSection(body, { isMdx: true, audience: 'internal' })).toContain('canaryrunbook');
    expect(
      rootCauseSection('## Root cause\n\nA.\n\n<!-- canarycomment -->\n', { isMdx: false, audience: 'internal' }),
    ).toBe('A.');
  });
});
