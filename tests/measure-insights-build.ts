/**
 * Measures what the insight pages cost a build: `astro build` of a synthetic
 * corpus (1,000 postmortems by default) with the committed site, and with the
 * same site minus the insight pages (/stats/, /actions/, /archive/, the owner
 * pages and the severity and service feeds; links to them lead home instead). What the other pages gained (related
 * incidents, the home overview, service history) rests on the derived data, so
 * that is timed on its own: the corpus with and without related incidents, and
 * every insight, as pure functions over the same postmortems.
 *
 *   npm exec -- tsx tests/measure-insights-build.ts [--count 1000] [--runs 3]
 *
 * Each variant is the committed tree (`git archive`), so uncommitted work does
 * not leak in; builds are cold (a fresh cache each) and alternate between
 * variants so that drift in the machine's speed hits both alike. Not part of
 * `npm test`: timings belong in a report, not in an assertion.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContentFolder } from '../src/lib/content-folder';
import { buildCorpus, compareNewestFirst } from '../src/lib/corpus';
import { duePolicyOf } from '../src/lib/due-dates';
import { buildInsights } from '../src/lib/insights';
import { relatedLinks } from '../src/lib/related';
import { defineSiteConfig } from '../src/lib/site-config';
import { DEFAULT_SEVERITY_SCALE } from '../src/schemas/severity';
import { writeSyntheticCorpus } from '../src/lib/bench/synthetic-corpus';

/** The routes issue 5 added as pages of their own; removing them gives the build "without the insight pages". */
const INSIGHT_PAGES = [
  'src/pages/stats',
  'src/pages/actions',
  'src/pages/archive',
  'src/pages/severity/[severity]/rss.xml.ts',
  'src/pages/services/[service]/rss.xml.ts',
];

const projectRoot = join(import.meta.dirname, '..');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The path helpers of those routes: pointed at the home page when the routes are gone, so the build's link check still passes. */
const INSIGHT_PATHS = ['severityFeed', 'serviceFeed', 'stats', 'actions', 'actionsOwner', 'archive'];

/** Unpacks `commit` into a fresh folder that shares the project's node_modules. */
async function checkout(commit: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'postmortems-variant-'));
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], { cwd: projectRoot });
  await symlink(join(projectRoot, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** Takes the insight pages out of the tree in `dir`, and every link to them with them. */
async function removeInsightPages(dir: string): Promise<string> {
  await Promise.all(INSIGHT_PAGES.map((path) => rm(join(dir, path), { recursive: true, force: true })));
  const pathsFile = join(dir, 'src/lib/paths.ts');
  let source = await readFile(pathsFile, 'utf8');
  for (const name of INSIGHT_PATHS) {
    const helper = new RegExp(`(\\n\\s*${name}: \\([^)]*\\) => )at\\([^\\n]*\\),`);
    if (!helper.test(source)) throw new Error(`no path helper ${name} in src/lib/paths.ts`);
    source = source.replace(helper, '$1root,');
  }
  await writeFile(pathsFile, source);
  return dir;
}

/** Median milliseconds of `runs` calls of `work`. */
function timeMilliseconds(work: () => unknown, runs = 9): number {
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  });
  return median(times);
}

/** Times the derived data of the insights over the postmortems of `contentDir`, as a build computes it once. */
async function timeDerivedData(contentDir: string): Promise<void> {
  const { files } = await checkContentFolder({
    root: projectRoot,
    contentDir,
    schema: { severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC' },
  });
  const records = files.flatMap((file) => (file.data ? [{ id: file.id, data: file.data }] : []));
  const buildDate = new Date('2024-06-01T00:00:00Z');
  const corpus = buildCorpus(records, DEFAULT_SEVERITY_SCALE);
  const sorted = [...records].sort(compareNewestFirst);
  console.log(
    `derived data for ${records.length} postmortems: buildCorpus ${timeMilliseconds(() => buildCorpus(records, DEFAULT_SEVERITY_SCALE)).toFixed(1)} ms, ` +
      `of which relatedLinks ${timeMilliseconds(() => relatedLinks(sorted)).toFixed(1)} ms; ` +
      `buildInsights ${timeMilliseconds(() => buildInsights(corpus, { buildDate, policy: duePolicyOf(defineSiteConfig({})) })).toFixed(1)} ms`,
  );
}

/** Seconds in bash's `times` notation, `1m2.500s`. */
function parseShellTime(text: string): number {
  const [, minutes, seconds] = /(\d+)m([\d.]+)s/.exec(text) ?? [];
  return Number(minutes) * 60 + Number(seconds);
}

/** How long one build took: wall clock, and CPU time of all its processes (less sensitive to other load on the machine). */
interface BuildTime {
  wallSeconds: number;
  cpuSeconds: number;
  pages: string;
}

/** One cold `astro build` of `contentDir` in `root`. */
async function timeBuild(root: string, contentDir: string): Promise<BuildTime> {
  const outDir = await mkdtemp(join(tmpdir(), 'postmortems-bench-dist-'));
  const cacheDir = await mkdtemp(join(tmpdir(), 'postmortems-bench-cache-'));
  const started = performance.now();
  // bash's `times` reports the user and system CPU time of the build and every process it started.
  const script = '"$0" "$@"; code=$?; times; exit $code';
  const child = spawn(
    'bash',
    ['-c', script, process.execPath, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    {
      cwd: root,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        POSTMORTEMS_DIR: contentDir,
        POSTMORTEMS_CACHE_DIR: cacheDir,
        POSTMORTEMS_BUILD_DATE: '2024-06-01T00:00:00Z',
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number>((done) => child.on('close', (exit) => done(exit ?? 1)));
  const wallSeconds = (performance.now() - started) / 1000;
  await Promise.all([rm(outDir, { recursive: true, force: true }), rm(cacheDir, { recursive: true, force: true })]);
  if (code !== 0) throw new Error(`build in ${root} failed:\n${output}`);
  // The last line of `times` is the children's: user and system time.
  const [user = '', system = ''] = output.trim().split('\n').at(-1)!.split(/\s+/);
  return {
    wallSeconds,
    cpuSeconds: parseShellTime(user) + parseShellTime(system),
    pages: /(\d+) page\(s\) built/.exec(output)?.[1] ?? '?',
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } },
  });
  const corpus = await mkdtemp(join(tmpdir(), 'postmortems-bench-corpus-'));
  await writeSyntheticCorpus({ dir: corpus, count: Number(values.count) });
  await timeDerivedData(corpus);
  const variants = [
    { name: 'with the insight pages', root: await checkout('HEAD') },
    { name: 'without the insight pages', root: await removeInsightPages(await checkout('HEAD')) },
  ];
  const times = new Map(variants.map((variant) => [variant.name, [] as BuildTime[]]));
  // A first build warms the file-system cache and Vite's dependency scan for everyone.
  await timeBuild(variants[0]!.root, corpus);
  for (let run = 1; run <= Math.max(1, Number(values.runs)); run++) {
    for (const variant of run % 2 === 1 ? variants : [...variants].reverse()) {
      const time = await timeBuild(variant.root, corpus);
      times.get(variant.name)!.push(time);
      console.log(
        `run ${run}: ${variant.name}: ${time.wallSeconds.toFixed(1)} s wall, ${time.cpuSeconds.toFixed(1)} s CPU (${time.pages} pages)`,
      );
    }
  }
  // Other work on the machine only ever adds time, so the fastest run is the truest; the median is given too.
  const summary = (list: BuildTime[], of: (time: BuildTime) => number) => ({
    fastest: Math.min(...list.map(of)),
    median: median(list.map(of)),
  });
  const reference = times.get('without the insight pages')!;
  const referenceWall = summary(reference, (time) => time.wallSeconds);
  const referenceCpu = summary(reference, (time) => time.cpuSeconds);
  const change = (value: number, base: number) =>
    `${value >= base ? '+' : ''}${((value / base - 1) * 100).toFixed(1)}%`;
  for (const [name, list] of times) {
    const wall = summary(list, (time) => time.wallSeconds);
    const cpu = summary(list, (time) => time.cpuSeconds);
    console.log(
      `${name}: wall fastest ${wall.fastest.toFixed(1)} s (${change(wall.fastest, referenceWall.fastest)}), median ${wall.median.toFixed(1)} s (${change(wall.median, referenceWall.median)}); ` +
        `CPU fastest ${cpu.fastest.toFixed(1)} s (${change(cpu.fastest, referenceCpu.fastest)}), median ${cpu.median.toFixed(1)} s (${change(cpu.median, referenceCpu.median)}); ${list.length} runs`,
    );
  }
  await Promise.all(
    [corpus, ...variants.map((variant) => variant.root)].map((dir) => rm(dir, { recursive: true, force: true })),
  );
}

await main();
