import { describe, expect, test } from 'vitest';
import {
  bestCorrection,
  buildCorrectionFiles,
  candidateBuckets,
  correctableWords,
  correctQuery,
  editDistance,
  knownWordsShard,
  maxEdits,
  parseBucket,
  readKnownWords,
  searchWords,
  vocabularyWeights,
  type CorrectionFiles,
} from './typo-correction';

describe('editDistance', () => {
  test.each([
    ['postgres', 'postgres', 0],
    ['postgers', 'postgres', 1], // swap of neighbours
    ['timout', 'timeout', 1], // deletion
    ['timeoutt', 'timeout', 1], // insertion
    ['timeaut', 'timeout', 1], // substitution
    ['resolvr', 'resolver', 1],
    ['certifcate', 'certificate', 1],
    ['certifcaet', 'certificate', 2],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3], // optimal string alignment: no edit of a swapped pair
  ])('counts %s → %s as %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  test('stops at the limit plus one', () => {
    expect(editDistance('postgres', 'kubernetes', 1)).toBe(2);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
  });
});

describe('maxEdits', () => {
  test('allows none below 5 letters, 1 from 5 to 8, 2 from 9', () => {
    expect([4, 5, 8, 9, 14].map(maxEdits)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe('searchWords', () => {
  test('lower-cases and splits at anything but letters and digits', () => {
    expect(searchWords('Checkout’s api-gateway: 5xx on db-03.eu-west!')).toEqual([
      'checkout',
      's',
      'api',
      'gateway',
      '5xx',
      'on',
      'db',
      '03',
      'eu',
      'west',
    ]);
  });
});

const weights = new Map([
  ['postgres', 40],
  ['posters', 2],
  ['timeout', 12],
  ['timeouts', 5],
  ['certificate', 9],
  ['resolver', 7],
  ['checkout', 30],
  ['pool', 8],
  ['db03', 3],
]);

/** Whether the known-words filter in `files` knows `word`, read the way the search page does: from the word's own piece. */
function knows(files: CorrectionFiles, word: string): boolean {
  return readKnownWords(files.known[knownWordsShard(word)]!).has(word);
}

/** Corrects `word` the way the search page does: the word's piece of the known-words filter, then the buckets it names. */
function correct(word: string): string | undefined {
  const files = buildCorrectionFiles(weights);
  const known = readKnownWords(files.known[knownWordsShard(word)]!);
  if (known.has(word)) return undefined;
  return bestCorrection(
    word,
    candidateBuckets(word, known.bucketCount).flatMap((bucket) => parseBucket(files.buckets[bucket]!)),
  );
}

describe('buildCorrectionFiles', () => {
  test('knows every correctable word, and few others', () => {
    const files = buildCorrectionFiles(weights);
    expect(['postgres', 'timeout', 'certificate', 'checkout'].every((word) => knows(files, word))).toBe(true);
    expect(['postgers', 'timout', 'certifcate', 'chekcout'].filter((word) => knows(files, word))).toEqual([]);
  });

  test('leaves numbers and identifiers with digits out', () => {
    expect(buildCorrectionFiles(weights).buckets.join('\n')).not.toContain('db03');
  });

  test('holds a vocabulary of 50,000 words in about a byte per word, in pieces under 1 kB, and buckets of about 1 kB', () => {
    const many = new Map(
      Array.from({ length: 50_000 }, (_, index) => [
        `word${index.toString(26)}`.replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!),
        1,
      ]),
    );
    const files = buildCorrectionFiles(many);
    const pieces = files.known.map((piece) => piece.byteLength);
    expect(pieces.reduce((total, bytes) => total + bytes)).toBeLessThan(52_000);
    expect(Math.max(...pieces)).toBeLessThan(1024);
    expect([...many.keys()].filter((word) => !knows(files, word))).toEqual([]);
    const sizes = files.buckets.map((bucket) => bucket.length).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThan(1500);
  });
});

describe('bestCorrection', () => {
  test.each([
    ['postgers', 'postgres', 'a swap'],
    ['postgrs', 'postgres', 'a deletion'],
    ['postgress', 'postgres', 'an insertion'],
    ['postgbes', 'postgres', 'a substitution'],
    ['ostgres', 'postgres', 'a lost first letter'],
    ['timout', 'timeout', 'a lost letter in a short word'],
    ['certifcaet', 'certificate', 'two edits in a long word'],
    ['chekcout', 'checkout', 'a swap in the middle'],
  ])('corrects %s to %s (%s)', (typo, word) => {
    expect(correct(typo)).toBe(word);
  });

  test('prefers the more used word at the same distance', () => {
    expect(
      bestCorrection('postres', [
        ['posters', 2],
        ['postgres', 40],
      ]),
    ).toBe('postgres');
  });

  test('prefers fewer edits to more use', () => {
    expect(
      bestCorrection('certificat', [
        ['certificate', 1],
        ['certificates', 100],
      ]),
    ).toBe('certificate');
  });

  test('corrects nothing that is too far, known or short', () => {
    expect(correct('kubernetes')).toBeUndefined();
    expect(correct('postgres')).toBeUndefined();
    expect(bestCorrection('pol', [['pool', 8]])).toBeUndefined();
    expect(bestCorrection('timeuot', [['timeout', 8]])).toBe('timeout');
  });
});

describe('correctableWords', () => {
  test('lists the words of five letters or more without digits, lower-cased, once', () => {
    expect(correctableWords('Postgers pool postgers 10.0.3.4 db03 timeout tls')).toEqual(['postgers', 'timeout']);
  });
});

describe('correctQuery', () => {
  test('replaces corrected words and keeps the rest as typed', () => {
    expect(correctQuery('Postgers,  pool', new Map([['postgers', 'postgres']]))).toBe('postgres,  pool');
  });
});

describe('vocabularyWeights', () => {
  test('counts the pages using a word, and ranks service and tag words above any prose word', () => {
    const weights = vocabularyWeights([
      { content: 'Postgres pool exhausted. Postgres restarted.', facetWords: ['orders-db'] },
      { content: 'The pool of workers ran out.', facetWords: ['edge'] },
    ]);
    expect(weights.get('postgres')).toBe(1);
    expect(weights.get('pool')).toBe(2);
    expect(weights.get('orders')).toBe(2);
    expect(weights.get('edge')).toBe(2);
  });
});
