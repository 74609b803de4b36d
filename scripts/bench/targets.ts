/**
 * What the benchmark measures and the targets it holds the site to (issues 7
 * and 16): builds within 20% of bare Astro and within 2× of Hugo + Pagefind,
 * memory of all the build's processes bounded, no process left behind, no
 * per-page cost that grows with the corpus, fast warm rebuilds and checks,
 * light pages and light searches.
 */

/** Median figures of one site's cold builds of the corpus. */
export interface ColdBuild {
  seconds: number;
  cpuSeconds: number | null;
  /** The largest single process of the build (Node, Pagefind, Hugo). */
  peakRssBytes: number;
  /** All the build's processes at once. */
  peakTotalRssBytes: number;
}

/** Cold builds of the product at one corpus size, for the per-page cost. */
export interface ScalingPoint {
  count: number;
  seconds: number;
  /** (build − build of `fixedCount` postmortems) ÷ (count − fixedCount): the cost of one more postmortem. */
  marginalMsPerPostmortem: number;
}

/** Everything one benchmark run measured. */
export interface BenchResults {
  /** When and where it ran. */
  machine: {
    cpuModel: string;
    cores: number;
    memoryGiB: number;
    node: string;
    platform: string;
    loadAverageAtStart: number[];
  };
  date: string;
  corpus: { count: number; format: 'md' | 'mdx'; pagesBuilt: number };
  runs: number;
  product: ColdBuild & { msPerPostmortem: number; warmSeconds: number };
  /** The floor's cold builds, and its rebuild after the same edit (`null` in older results). */
  floor: ColdBuild & { warmSeconds?: number | null | undefined };
  /** Hugo + Pagefind on the same corpus (`--compare hugo`); `null` when not compared. */
  hugo?: (ColdBuild & { warmSeconds: number; version: string }) | null | undefined;
  /** Why Hugo was not compared though asked for (it is not installed). */
  hugoSkipped?: string | undefined;
  /** Processes of any build still there after it exited, as `name (pid)`. */
  leftoverProcesses?: string[] | undefined;
  /** Fixed cost (a build of a tiny corpus) and the per-page cost at other sizes; `null` when skipped. */
  scaling: { fixedCount: number; fixedSeconds: number; points: ScalingPoint[] } | null;
  /** `npm run check` timings; `null` when check failed. */
  check: { wholeSeconds: number; oneFileSeconds: number } | null;
  /** Comparing every postmortem with the others (related incidents and repeats), in-process; absent in older results. */
  similarity?: { seconds: number; repeating: number } | undefined;
  weight: {
    pageGzipMedianBytes: number;
    pageGzipMaxBytes: number;
    cssGzipBytes: number;
    searchIndexBytes: number;
    pagesWithScripts: string[];
  };
  /** What a reader's first and later searches transfer and how soon results show, the worst over the words tried; `null` when skipped. */
  search: SearchFigures | null;
}

/** What a reader's searches cost on the built site. */
export interface SearchFigures {
  /** Opening /search/ on a cold cache and searching once: page, code, index, known-words filter, results. */
  firstSearchBytes: number;
  /** One more query on the same page, misspelt, so its typo-correction data counts. */
  laterQueryBytes: number;
  /** Milliseconds from the last keystroke to the results painted. */
  msToResults: number;
}

/** One target and whether the run met it. */
export interface TargetResult {
  id: string;
  /** The target in words, with its limit. */
  description: string;
  /** The measured figure, formatted. */
  measured: string;
  /** `null` when it was not measured in this run. */
  pass: boolean | null;
}

const KB = 1024;
const TARGETS = {
  buildTimeRatio: 1.2,
  buildMemoryRatio: 1.2,
  hugoTimeRatio: 2,
  totalMemoryBytes: 3.5 * 1024 ** 3,
  perPageGrowth: 0.15,
  warmShare: 0.25,
  checkWholeSeconds: 10,
  checkOneFileSeconds: 1,
  pageGzipBytes: 20 * KB,
  cssGzipBytes: 10 * KB,
  searchFirstBytes: 200 * KB,
  searchLaterBytes: 50 * KB,
  searchMs: 300,
} as const;

const percent = (share: number) => `${(share * 100).toFixed(0)}%`;
const kB = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const gib = (bytes: number) => `${(bytes / KB ** 3).toFixed(2)} GiB`;

/** Evaluates every target against `results`. */
export function evaluateTargets(results: BenchResults): TargetResult[] {
  const timeRatio = results.product.seconds / results.floor.seconds;
  const memoryRatio = results.product.peakTotalRssBytes / results.floor.peakTotalRssBytes;
  const hugo = results.hugo ?? null;
  const hugoRatio = hugo === null ? undefined : results.product.seconds / hugo.seconds;
  const leftovers = results.leftoverProcesses ?? [];
  const [small, large] = results.scaling?.points ?? [];
  const growth = small && large ? large.marginalMsPerPostmortem / small.marginalMsPerPostmortem - 1 : undefined;
  const warmShare = results.product.warmSeconds / results.product.seconds;
  return [
    {
      id: 'build-time',
      description: `full build ≤ ${TARGETS.buildTimeRatio}× the floor's time`,
      measured: `${timeRatio.toFixed(2)}× (${results.product.seconds.toFixed(1)} s vs ${results.floor.seconds.toFixed(1)} s)`,
      pass: timeRatio <= TARGETS.buildTimeRatio,
    },
    {
      id: 'build-memory',
      description: `full build ≤ ${TARGETS.buildMemoryRatio}× the floor's peak memory, all processes`,
      measured: `${memoryRatio.toFixed(2)}× (${gib(results.product.peakTotalRssBytes)} vs ${gib(results.floor.peakTotalRssBytes)})`,
      pass: memoryRatio <= TARGETS.buildMemoryRatio,
    },
    {
      id: 'build-vs-hugo',
      description: `full build ≤ ${TARGETS.hugoTimeRatio}× Hugo + Pagefind's time`,
      measured:
        hugo === null || hugoRatio === undefined
          ? (results.hugoSkipped ?? 'not compared (--compare hugo)')
          : `${hugoRatio.toFixed(2)}× (${results.product.seconds.toFixed(1)} s vs ${hugo.seconds.toFixed(1)} s)`,
      pass: hugoRatio === undefined ? null : hugoRatio <= TARGETS.hugoTimeRatio,
    },
    {
      id: 'memory-all-processes',
      description: `peak memory of all the build's processes ≤ ${gib(TARGETS.totalMemoryBytes)}`,
      measured: `${gib(results.product.peakTotalRssBytes)} (largest process ${gib(results.product.peakRssBytes)})`,
      pass: results.product.peakTotalRssBytes <= TARGETS.totalMemoryBytes,
    },
    {
      id: 'no-leftover-processes',
      description: 'no process left behind after any build',
      measured: leftovers.length === 0 ? 'none' : leftovers.join(', '),
      pass: leftovers.length === 0,
    },
    {
      id: 'per-page-cost',
      description: `ms per postmortem at ${large?.count ?? 4000} within ${percent(TARGETS.perPageGrowth)} of that at ${small?.count ?? 1000}`,
      measured:
        small && large && growth !== undefined
          ? `${large.marginalMsPerPostmortem.toFixed(1)} vs ${small.marginalMsPerPostmortem.toFixed(1)} ms (${growth >= 0 ? '+' : ''}${percent(growth)})`
          : 'not measured',
      pass: growth === undefined ? null : Math.abs(growth) <= TARGETS.perPageGrowth,
    },
    {
      id: 'warm-rebuild',
      description: `rebuild after one edit ≤ ${percent(TARGETS.warmShare)} of the cold build`,
      measured: `${percent(warmShare)} (${results.product.warmSeconds.toFixed(1)} s)`,
      pass: warmShare <= TARGETS.warmShare,
    },
    {
      id: 'check-whole',
      description: `npm run check on the corpus ≤ ${TARGETS.checkWholeSeconds} s`,
      measured: results.check ? `${results.check.wholeSeconds.toFixed(2)} s` : 'not measured: check failed',
      pass: results.check ? results.check.wholeSeconds <= TARGETS.checkWholeSeconds : null,
    },
    {
      id: 'check-one-file',
      description: `npm run check on one changed file ≤ ${TARGETS.checkOneFileSeconds} s`,
      measured: results.check ? `${results.check.oneFileSeconds.toFixed(2)} s` : 'not measured: check failed',
      pass: results.check ? results.check.oneFileSeconds <= TARGETS.checkOneFileSeconds : null,
    },
    {
      id: 'page-weight',
      description: `postmortem page ≤ ${kB(TARGETS.pageGzipBytes)} HTML gzipped`,
      measured: `largest ${kB(results.weight.pageGzipMaxBytes)}, median ${kB(results.weight.pageGzipMedianBytes)}`,
      pass: results.weight.pageGzipMaxBytes <= TARGETS.pageGzipBytes,
    },
    {
      id: 'css-weight',
      description: `CSS ≤ ${kB(TARGETS.cssGzipBytes)} gzipped`,
      measured: kB(results.weight.cssGzipBytes),
      pass: results.weight.cssGzipBytes <= TARGETS.cssGzipBytes,
    },
    {
      id: 'no-client-js',
      description: 'no client JavaScript outside /search/',
      measured:
        results.weight.pagesWithScripts.length === 0
          ? 'none'
          : `${results.weight.pagesWithScripts.length} pages, e.g. ${results.weight.pagesWithScripts[0]}`,
      pass: results.weight.pagesWithScripts.length === 0,
    },
    {
      id: 'search-first',
      description: `a first search on a cold cache transfers ≤ ${kB(TARGETS.searchFirstBytes)} in all`,
      measured: results.search === null ? 'not measured' : kB(results.search.firstSearchBytes),
      pass: results.search === null ? null : results.search.firstSearchBytes <= TARGETS.searchFirstBytes,
    },
    {
      id: 'search-later',
      description: `each later query, typo correction included, transfers ≤ ${kB(TARGETS.searchLaterBytes)}`,
      measured: results.search === null ? 'not measured' : kB(results.search.laterQueryBytes),
      pass: results.search === null ? null : results.search.laterQueryBytes <= TARGETS.searchLaterBytes,
    },
    {
      id: 'search-time',
      description: `results painted ≤ ${TARGETS.searchMs} ms after the last keystroke`,
      measured: results.search === null ? 'not measured' : `${Math.round(results.search.msToResults)} ms`,
      pass: results.search === null ? null : results.search.msToResults <= TARGETS.searchMs,
    },
  ];
}
