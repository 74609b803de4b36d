/** The command line of `npm run bench`. */
import { parseArgs } from 'node:util';
import type { SyntheticFormat } from './synthetic-corpus';

export const BENCH_USAGE = `Usage: npm run bench -- [--count 10000] [--format mdx|md] [--runs 3] [--compare hugo] [--keep] [--json <file>] [--no-scaling] [--no-search]

Builds a synthetic corpus with the site and with a bare-Astro floor (scripts/bench/floor-site/),
checks it, and prints each measurement against its target.
  --count <n>      postmortems in the corpus (default 10000)
  --format <f>     mdx (default) or md
  --runs <n>       builds per measurement; the median is reported (default 3)
  --compare hugo   also build the corpus with Hugo and a minimal layout, then Pagefind (scripts/bench/hugo-site/)
  --keep           keep the corpus and the built sites in the temporary folder
  --json <file>    where to write the results (default bench-results.json)
  --no-scaling     skip the builds at 1,000 and 4,000 postmortems that test per-page cost
  --no-search      skip measuring a search in Chromium`;

/** What the benchmark was asked to do. */
export interface BenchOptions {
  count: number;
  format: SyntheticFormat;
  runs: number;
  /** Other generators to build the same corpus with, in turn with the site. */
  compare: ComparedGenerator[];
  keep: boolean;
  json: string;
  scaling: boolean;
  search: boolean;
  help: boolean;
}

/** The generators `--compare` knows. */
const COMPARED_GENERATORS = ['hugo'] as const;
type ComparedGenerator = (typeof COMPARED_GENERATORS)[number];

const isComparedGenerator = (name: string): name is ComparedGenerator =>
  (COMPARED_GENERATORS as readonly string[]).includes(name);

/** A command line the benchmark cannot run. */
export class BenchUsageError extends Error {}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new BenchUsageError(`--${name} must be a whole number of at least 1, not \`${text}\``);
  return value;
}

/** Parses `npm run bench` arguments; throws `BenchUsageError` on a bad one. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowNegative: true,
      options: {
        count: { type: 'string', default: '10000' },
        format: { type: 'string', default: 'mdx' },
        runs: { type: 'string', default: '3' },
        compare: { type: 'string', multiple: true, default: [] },
        keep: { type: 'boolean', default: false },
        json: { type: 'string', default: 'bench-results.json' },
        scaling: { type: 'boolean', default: true },
        search: { type: 'boolean', default: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  if (values.format !== 'md' && values.format !== 'mdx')
    throw new BenchUsageError(`--format must be mdx or md, not \`${values.format}\``);
  const unknown = values.compare.find((name) => !isComparedGenerator(name));
  if (unknown !== undefined)
    throw new BenchUsageError(`--compare takes ${COMPARED_GENERATORS.join(', ')}, not \`${unknown}\``);
  return {
    count: positiveInteger('count', values.count),
    format: values.format,
    runs: positiveInteger('runs', values.runs),
    compare: [...new Set(values.compare.filter(isComparedGenerator))],
    keep: values.keep,
    json: values.json,
    scaling: values.scaling,
    search: values.search,
    help: values.help,
  };
}
