/**
 * Typo correction in the browser: for each word of a query, fetches the piece of
 * the known-words filter that holds it, and for a word it does not know, only the
 * few bucket files that can hold its corrections. Everything fetched is cached
 * for later queries. The rules and the file format live in `lib/typo-correction.ts`.
 */
import {
  bestCorrection,
  candidateBuckets,
  correctableWords,
  correctQuery,
  knownWordsShard,
  parseBucket,
  readKnownWords,
  type KnownWords,
} from '../lib/typo-correction';

/** Corrects queries against the site's vocabulary. */
export interface Corrector {
  /**
   * `query` with its unknown words corrected, or `undefined` when nothing needed or could be corrected
   * (or the site has no correction data, as in `astro dev`). With `evenKnown`, for a query that found
   * nothing, every correctable word is looked up, since the known-words filter mistakes about 2% of
   * unknown words for known ones.
   */
  correct(query: string, options?: { evenKnown?: boolean }): Promise<string | undefined>;
}

/** Fetches `url` once, however often it is asked for; `undefined` when it is missing. */
function cachedFetch<T>(read: (response: Response) => Promise<T>): (url: string) => Promise<T | undefined> {
  const cache = new Map<string, Promise<T | undefined>>();
  return (url) => {
    let loaded = cache.get(url);
    if (!loaded) {
      loaded = fetch(url).then(
        (response) => (response.ok ? read(response) : undefined),
        () => undefined,
      );
      cache.set(url, loaded);
    }
    return loaded;
  };
}

/** A corrector for the vocabulary in `folder` (ending in `/`); it fetches nothing until a query has a correctable word. */
export function createCorrector(folder: string): Corrector {
  const shard = cachedFetch(async (response) => readKnownWords(new Uint8Array(await response.arrayBuffer())));
  const bucket = cachedFetch(async (response) => parseBucket(await response.text()));
  return {
    async correct(query, { evenKnown = false } = {}) {
      const words = correctableWords(query);
      const pieces = await Promise.all(words.map((word) => shard(`${folder}known-${knownWordsShard(word)}.bin`)));
      const loaded = pieces.filter((piece): piece is KnownWords => piece !== undefined);
      if (loaded.length < words.length) return undefined;
      const unknown = evenKnown ? words : words.filter((word, index) => !loaded[index]!.has(word));
      const corrections = new Map<string, string>();
      await Promise.all(
        unknown.map(async (word) => {
          const files = candidateBuckets(word, loaded[0]!.bucketCount).map((index) => bucket(`${folder}${index}.txt`));
          const correction = bestCorrection(
            word,
            (await Promise.all(files)).flatMap((candidates) => candidates ?? []),
          );
          if (correction) corrections.set(word, correction);
        }),
      );
      if (corrections.size === 0) return undefined;
      return correctQuery(query, corrections);
    },
  };
}
