/**
 * Typo correction in the browser: loads the known-words filter once, and for a
 * query with words it does not know, fetches only the few bucket files that can
 * hold their corrections (cached for later queries). The rules and the file
 * format live in `lib/typo-correction.ts`.
 */
import {
  bestCorrection,
  candidateBuckets,
  correctQuery,
  parseBucket,
  readKnownWords,
  unknownWords,
  type KnownWords,
} from '../lib/typo-correction';

/** Corrects queries against the site's vocabulary. */
export interface Corrector {
  /**
   * `query` with its unknown words corrected, or `undefined` when nothing needed or could be corrected.
   * With `evenKnown`, for a query that found nothing, every correctable word is looked up, since the
   * known-words filter mistakes about 2% of unknown words for known ones.
   */
  correct(query: string, options?: { evenKnown?: boolean }): Promise<string | undefined>;
}

/** Loads the vocabulary's known-words filter from `folder` (ending in `/`); `undefined` when it is missing. */
export async function loadCorrector(folder: string): Promise<Corrector | undefined> {
  let known: KnownWords;
  try {
    const response = await fetch(`${folder}known.bin`);
    if (!response.ok) return undefined;
    known = readKnownWords(new Uint8Array(await response.arrayBuffer()));
  } catch {
    return undefined;
  }
  const buckets = new Map<number, Promise<[string, number][]>>();
  const bucket = (index: number) => {
    let loaded = buckets.get(index);
    if (!loaded) {
      loaded = fetch(`${folder}${index}.txt`)
        .then((response) => (response.ok ? response.text() : ''))
        .then(parseBucket, () => []);
      buckets.set(index, loaded);
    }
    return loaded;
  };
  return {
    async correct(query, { evenKnown = false } = {}) {
      const corrections = new Map<string, string>();
      await Promise.all(
        unknownWords(query, evenKnown ? { has: () => false } : known).map(async (word) => {
          const candidates = await Promise.all(candidateBuckets(word, known.bucketCount).map(bucket));
          const correction = bestCorrection(word, candidates.flat());
          if (correction) corrections.set(word, correction);
        }),
      );
      if (corrections.size === 0) return undefined;
      return correctQuery(query, corrections);
    },
  };
}
