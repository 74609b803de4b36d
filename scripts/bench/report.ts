/** The benchmark's report: Markdown tables, readable in a terminal and ready for the README. */
import type { BenchResults, TargetResult } from './targets';

/** A Markdown table with columns padded to line up in a terminal. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

const seconds = (value: number) => `${value.toFixed(1)} s`;
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mib = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MiB`;
const verdict = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL');

const thousands = (value: number) => value.toLocaleString('en-US');
const warm = (value: number | null | undefined, cold: number) =>
  value === null || value === undefined ? 'n/a' : `${seconds(value)} (${Math.round((value / cold) * 100)}% of cold)`;

/**
 * The comparison the README shows: each generator's cold build with its search
 * index, its rebuild after one edit, and its peak memory.
 */
export function formatComparison(results: BenchResults): string {
  const { product, floor, corpus } = results;
  const hugo = results.hugo ?? null;
  const memory = (build: { peakRssBytes: number; peakTotalRssBytes: number }) =>
    `${mib(build.peakRssBytes)} / ${mib(build.peakTotalRssBytes)}`;
  return markdownTable(
    [
      `${thousands(corpus.count)} postmortems`,
      'Cold build incl. search index',
      'Warm rebuild after one edit',
      'Peak memory, largest process / all processes',
    ],
    [
      [
        `this project (${thousands(corpus.pagesBuilt)} pages)`,
        seconds(product.seconds),
        warm(product.warmSeconds, product.seconds),
        memory(product),
      ],
      ['bare Astro + Pagefind', seconds(floor.seconds), warm(floor.warmSeconds, floor.seconds), memory(floor)],
      hugo === null
        ? ['Hugo + Pagefind', results.hugoSkipped ?? 'not compared', '', '']
        : ['Hugo + Pagefind', seconds(hugo.seconds), warm(hugo.warmSeconds, hugo.seconds), memory(hugo)],
    ],
  );
}

/** The comparison, the measurements, then the targets with PASS or FAIL. */
export function formatBenchReport(results: BenchResults, targets: readonly TargetResult[]): string {
  const { product, floor, corpus, machine } = results;
  const cpu = (value: number | null) => (value === null ? 'n/a' : seconds(value));
  const measurements = markdownTable(
    ['Measurement', 'Postmortems site', 'Bare Astro floor'],
    [
      ['Cold build (median)', seconds(product.seconds), seconds(floor.seconds)],
      ['CPU time of the build', cpu(product.cpuSeconds), cpu(floor.cpuSeconds)],
      ['ms per postmortem', product.msPerPostmortem.toFixed(1), ((floor.seconds * 1000) / corpus.count).toFixed(1)],
      ['Peak memory (largest process)', mib(product.peakRssBytes), mib(floor.peakRssBytes)],
      ['Peak memory (all processes)', mib(product.peakTotalRssBytes), mib(floor.peakTotalRssBytes)],
      [
        'Warm rebuild after one edit',
        seconds(product.warmSeconds),
        floor.warmSeconds ? seconds(floor.warmSeconds) : '',
      ],
      ...(results.scaling?.points ?? []).map((point) => [
        `Cold build of ${point.count}`,
        `${seconds(point.seconds)}, ${point.marginalMsPerPostmortem.toFixed(1)} ms per extra postmortem`,
        '',
      ]),
      ['`npm run check`, whole corpus', results.check ? seconds(results.check.wholeSeconds) : 'failed', ''],
      ['`npm run check`, one file', results.check ? `${results.check.oneFileSeconds.toFixed(2)} s` : 'failed', ''],
      ...(results.similarity
        ? [
            [
              'Similarity and repeats, in-process',
              `${results.similarity.seconds.toFixed(2)} s (${results.similarity.repeating} repeats found)`,
              '',
            ],
          ]
        : []),
      [
        'Postmortem page, gzipped',
        `median ${kB(results.weight.pageGzipMedianBytes)}, largest ${kB(results.weight.pageGzipMaxBytes)}`,
        '',
      ],
      ['CSS, gzipped', kB(results.weight.cssGzipBytes), ''],
      ['Pagefind index', kB(results.weight.searchIndexBytes), ''],
      [
        'First search / a later misspelt one transfers',
        results.search === null
          ? 'not measured'
          : `${kB(results.search.firstSearchBytes)} / ${kB(results.search.laterQueryBytes)}, results in ${Math.round(results.search.msToResults)} ms`,
        '',
      ],
    ],
  );
  const verdicts = markdownTable(
    ['Target', 'Measured', 'Result'],
    targets.map((target) => [target.description, target.measured, verdict(target.pass)]),
  );
  const heading =
    `${corpus.count} synthetic postmortems (${corpus.format}, ${corpus.pagesBuilt} pages built), median of ${results.runs} runs, ` +
    `on ${machine.cores} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node} (load average at start ${machine.loadAverageAtStart.map((load) => load.toFixed(1)).join(', ')})`;
  return `${heading}\n\n${formatComparison(results)}\n\n${measurements}\n\n${verdicts}\n`;
}
