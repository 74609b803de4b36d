/**
 * Typo correction for a static search: the site's vocabulary, built once per
 * build from the text Pagefind indexed, split so the browser loads only what
 * one misspelt word needs.
 *
 * - A Bloom filter of the known words, split into {@link KNOWN_WORD_SHARDS}
 *   files (`known-<n>.bin`, each word in one picked by its hash). A query
 *   fetches the piece of each of its words (under 1 kB each at 10,000
 *   postmortems, cached for later queries); a query whose words it knows
 *   fetches nothing more.
 * - Every word is filed twice, under its first two letters and under its last
 *   two, each with its length (`<po8`, `>es8`). One edit (a deletion, an
 *   insertion, a substitution or a swap of neighbours) leaves one of those ends
 *   intact, so the candidates for a misspelt word of length L are in the files of
 *   its own two ends at lengths L − d … L + d. The keys are hashed into a fixed
 *   number of bucket files (`<n>.txt`), so every file the browser asks for exists.
 *
 * Pure functions: the search-index integration writes the files, the search page reads them.
 */

/** Words shorter than this are never corrected (too many neighbours to guess well). */
const MIN_CORRECTED_LENGTH = 5;
/** Shortest word kept as a candidate: a 5-letter typo may have lost a letter of a 4-letter word. */
const MIN_CANDIDATE_LENGTH = MIN_CORRECTED_LENGTH - 1;
/** Longer words are identifiers or pasted junk, not words to correct. */
const MAX_WORD_LENGTH = 32;
/** Entries per bucket file the build aims for: about 0.8 kB each, so the ten files of a long misspelt word stay under 10 kB. */
const ENTRIES_PER_BUCKET = 64;
/** Bloom filter bits per known word: about 2% false positives with 6 hashes. */
const BITS_PER_WORD = 8;
const BLOOM_HASHES = 6;
/** The fewest bits of one piece of the filter, so a small site's pieces still say no to most unknown words. */
const MIN_SHARD_BITS = 256;
/**
 * Pieces of the known-words filter. Fixed, so the search page can name the
 * piece a word is in without first asking how many there are: 64 pieces keep
 * each under 1 kB up to about 60,000 correctable words (10,000 postmortems of
 * the benchmark's corpus have 32,000), and a query of a few words fetches a few.
 */
const KNOWN_WORD_SHARDS = 64;
/** Seeds the hash that picks a word's piece, apart from the Bloom filter's own hashes. */
const SHARD_SEED = 0x5bd1e995;
/** Bytes before the Bloom filter's bits in each `known-<n>.bin`: bit count, hash count, bucket count (uint32 each). */
const HEADER_BYTES = 12;

/** The edits a word of `length` letters may be corrected by: none below 5 letters, 1 up to 8, then 2. */
export function maxEdits(length: number): number {
  if (length < MIN_CORRECTED_LENGTH) return 0;
  return length <= 8 ? 1 : 2;
}

/**
 * The optimal-string-alignment (restricted Damerau–Levenshtein) distance between
 * `a` and `b`: insertions, deletions, substitutions and swaps of two neighbouring
 * letters each count as one edit. Returns `limit + 1` as soon as the distance is
 * known to exceed `limit`, so comparing a word with many candidates stays cheap.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, index) => index);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/**
 * The words of `text` as search matches them: lower case, split at anything
 * that is not a letter or a digit (so `api-gateway` gives `api` and `gateway`).
 */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** True for a word typo correction looks at: letters only, 5 to 32 of them. Numbers and identifiers with digits are taken as typed. */
export function isCorrectable(word: string): boolean {
  return word.length >= MIN_CORRECTED_LENGTH && word.length <= MAX_WORD_LENGTH && /^\p{L}+$/u.test(word);
}

/** 32-bit FNV-1a over UTF-16 code units, with a seed: fast, and the same in Node and the browser. */
function hash(text: string, seed: number): number {
  let value = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** The bucket keys a word of `length` letters starting with `word`'s first two and ending with its last two is filed under. */
function keysAt(word: string, length: number): string[] {
  return [`<${word.slice(0, 2)}${length}`, `>${word.slice(-2)}${length}`];
}

/** The bucket holding `key`. */
function bucketOf(key: string, bucketCount: number): number {
  return hash(key, 0) % bucketCount;
}

/** The buckets a correction of `word` may be in: both ends, every length within its edit budget. */
export function candidateBuckets(word: string, bucketCount: number): number[] {
  const edits = maxEdits(word.length);
  const buckets = new Set<number>();
  for (let length = word.length - edits; length <= word.length + edits; length++) {
    for (const key of keysAt(word, length)) buckets.add(bucketOf(key, bucketCount));
  }
  return [...buckets].sort((a, b) => a - b);
}

/** What the index holds of one page: its indexed text, and the words of its services and tags. */
export interface IndexedPage {
  content: string;
  facetWords: readonly string[];
}

/**
 * Each word's weight: the number of pages using it, plus the number of pages
 * for words of a service or tag name, so those rank first among corrections
 * as far from the typo.
 */
export function vocabularyWeights(pages: readonly IndexedPage[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const page of pages) {
    for (const word of new Set(searchWords(page.content))) weights.set(word, (weights.get(word) ?? 0) + 1);
  }
  const facetWords = new Set(pages.flatMap((page) => page.facetWords.flatMap(searchWords)));
  for (const word of facetWords) weights.set(word, (weights.get(word) ?? 0) + pages.length);
  return weights;
}

/** The piece of the known-words filter (`known-<n>.bin`) that holds `word`. */
export function knownWordsShard(word: string): number {
  return hash(word, SHARD_SEED) % KNOWN_WORD_SHARDS;
}

/** The site's vocabulary as the build writes it: the pieces of the known-words filter and the bucket files, by number. */
export interface CorrectionFiles {
  /** The pieces of the Bloom filter of correctable known words (`known-<n>.bin`), each after a 12-byte header. */
  known: Uint8Array[];
  /** Bucket files, each `word count` lines, index = file number. */
  buckets: string[];
}

/**
 * Builds the correction files from each word's weight (how many postmortems use
 * it, more for services and tags). Words that are not worth keeping (numbers,
 * identifiers with digits, very short or long words) are left out.
 */
export function buildCorrectionFiles(weights: ReadonlyMap<string, number>): CorrectionFiles {
  const words = [...weights.keys()].filter(
    (word) => word.length >= MIN_CANDIDATE_LENGTH && word.length <= MAX_WORD_LENGTH && /^\p{L}+$/u.test(word),
  );
  const correctable = words.filter(isCorrectable);
  const bucketCount = Math.max(1, Math.ceil((words.length * 2) / ENTRIES_PER_BUCKET));
  const lines: string[][] = Array.from({ length: bucketCount }, () => []);
  for (const word of words.toSorted()) {
    for (const bucket of new Set(keysAt(word, word.length).map((key) => bucketOf(key, bucketCount))))
      lines[bucket]!.push(`${word} ${weights.get(word)}`);
  }
  const shards: string[][] = Array.from({ length: KNOWN_WORD_SHARDS }, () => []);
  for (const word of correctable) shards[knownWordsShard(word)]!.push(word);
  const known = shards.map((shard) => {
    const bits = Math.max(MIN_SHARD_BITS, Math.ceil((shard.length * BITS_PER_WORD) / 8) * 8);
    const data = new Uint8Array(HEADER_BYTES + bits / 8);
    const header = new DataView(data.buffer);
    header.setUint32(0, bits);
    header.setUint32(4, BLOOM_HASHES);
    header.setUint32(8, bucketCount);
    for (const word of shard) {
      for (const bit of bloomBits(word, bits, BLOOM_HASHES)) data[HEADER_BYTES + (bit >>> 3)]! |= 1 << (bit & 7);
    }
    return data;
  });
  return { known, buckets: lines.map((bucket) => bucket.join('\n')) };
}

function bloomBits(word: string, bits: number, hashes: number): number[] {
  const first = hash(word, 0);
  const second = hash(word, 0x9e3779b9) | 1;
  return Array.from({ length: hashes }, (_, index) => (first + Math.imul(index, second)) >>> 0).map(
    (value) => value % bits,
  );
}

/** One piece of the known-words filter as the browser reads it from `known-<n>.bin`: it answers for the words {@link knownWordsShard} files there. */
export interface KnownWords {
  /** False when `word` is certainly not in the vocabulary; true when it is (or, rarely, looks so). */
  has(word: string): boolean;
  /** How many bucket files there are, to name the ones a word needs. */
  bucketCount: number;
}

/** Reads one `known-<n>.bin`. */
export function readKnownWords(data: Uint8Array): KnownWords {
  const header = new DataView(data.buffer, data.byteOffset, HEADER_BYTES);
  const bits = header.getUint32(0);
  const hashes = header.getUint32(4);
  return {
    bucketCount: header.getUint32(8),
    has: (word) =>
      bloomBits(word, bits, hashes).every((bit) => (data[HEADER_BYTES + (bit >>> 3)]! & (1 << (bit & 7))) !== 0),
  };
}

/** The words of a query typo correction looks at, each once. */
export function correctableWords(query: string): string[] {
  return [...new Set(searchWords(query).filter(isCorrectable))];
}

/** Reads one bucket file into `[word, weight]` pairs. */
export function parseBucket(text: string): [string, number][] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [word = '', weight = '0'] = line.split(' ');
      return [word, Number(weight)];
    });
}

/**
 * The best correction of `word` among `candidates` (`[word, weight]` pairs): the
 * fewest edits within {@link maxEdits}, then the heaviest (most used, services
 * and tags first), then the first alphabetically; `undefined` when none is close enough.
 */
export function bestCorrection(word: string, candidates: Iterable<readonly [string, number]>): string | undefined {
  const limit = maxEdits(word.length);
  let best: { word: string; distance: number; weight: number } | undefined;
  for (const [candidate, weight] of candidates) {
    if (candidate === word) return undefined;
    const distance = editDistance(word, candidate, limit);
    if (distance > limit) continue;
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance && (weight > best.weight || (weight === best.weight && candidate < best.word)))
    )
      best = { word: candidate, distance, weight };
  }
  return best?.word;
}

/**
 * `query` with each corrected word replaced (`corrections` maps a lower-case
 * word to its correction); words without one stay as typed.
 */
export function correctQuery(query: string, corrections: ReadonlyMap<string, string>): string {
  return query.replace(/[\p{L}\p{N}]+/gu, (word) => corrections.get(word.toLowerCase()) ?? word);
}
