/**
 * The cost of comparing every postmortem of a synthetic corpus (similar
 * incidents and repeats, `findSimilar`), in-process and without a build:
 * what each build and each `npm run check` pays on top of reading the files.
 * `npm run bench` reports it; `tsx scripts/bench/similarity.ts [count]` prints it alone.
 */
import { pathToFileURL } from 'node:url';
import { compareNewestFirst, type PostmortemRecord } from '../../src/lib/corpus';
import { rootCauseSection, similarityTerms } from '../../src/lib/similarity-terms';
import { findSimilar } from '../../src/lib/similarity';
import { validatePostmortemSource } from '../../src/lib/validate';
import { createPostmortemSchema } from '../../src/schemas/postmortem';
import { DEFAULT_SEVERITY_SCALE } from '../../src/schemas/severity';
import { SimilarityConfigSchema } from '../../src/schemas/similarity';
import { syntheticPostmortems } from './synthetic-corpus';

/** What comparing `count` synthetic postmortems cost and found. */
interface SimilarityMeasurement {
  count: number;
  /** Wall-clock milliseconds of reading the terms of every text and `findSimilar` over the whole corpus (median of `runs`). */
  milliseconds: number;
  /** Postmortems found to repeat an earlier one. */
  repeating: number;
}

/** Times `findSimilar` over a synthetic corpus of `count` postmortems, `runs` times; the median is kept. */
export function measureSimilarity(count: number, runs = 3): SimilarityMeasurement {
  const schema = createPostmortemSchema({ severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC' });
  const inputs: { record: PostmortemRecord; rootCause: string }[] = [];
  for (const { fileName, source } of syntheticPostmortems({ count })) {
    const file = validatePostmortemSource({ file: fileName, relativePath: fileName, source }, schema);
    if (file.data)
      inputs.push({
        record: { id: file.id, data: file.data },
        rootCause: rootCauseSection(file.body, { isMdx: fileName.endsWith('.mdx'), audience: 'internal' }),
      });
  }
  inputs.sort((a, b) => compareNewestFirst(a.record, b.record));
  const config = SimilarityConfigSchema.parse({});
  const times: number[] = [];
  let repeating = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    // The terms are read in the timed part: what a build pays, which reads them from every text.
    const results = findSimilar(
      inputs.map(({ record, rootCause }) => ({ record, terms: similarityTerms(record.data, rootCause) })),
      config,
    );
    times.push(performance.now() - started);
    repeating = results.filter((result) => result.repeats.length > 0).length;
  }
  times.sort((a, b) => a - b);
  return { count: inputs.length, milliseconds: Math.round(times[Math.floor(times.length / 2)]!), repeating };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 10_000);
  const { milliseconds, repeating } = measureSimilarity(count, Number(process.argv[3] ?? 3));
  process.stdout.write(
    `Similarity of ${count} postmortems: ${(milliseconds / 1000).toFixed(2)} s (median of 3); ${repeating} repeat an earlier one\n`,
  );
}
