/**
 * `npm run bench`: builds a synthetic corpus with the site, with the
 * bare-Astro floor (scripts/bench/floor-site/) and, with `--compare hugo`, with
 * Hugo + Pagefind (scripts/bench/hugo-site/), rebuilds each after one edit,
 * checks it, weighs the pages and a search, and prints every measurement
 * against its target (see `TARGETS`). Timings are medians of several runs,
 * and the generators take turns so that other load on the machine hits them
 * alike.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { median } from '../../src/lib/stats';
import { BENCH_USAGE, BenchUsageError, parseBenchArgs, type BenchOptions } from './args';
import { runBenchBuild } from './astro-build';
import { findHugo, hugoMissingMessage, prepareHugoContent, runHugoBuild } from './hugo-build';
import type { BuildMeasurement } from './measure';
import { formatBenchReport } from './report';
import { weighSite } from './site-weight';
import { measureSimilarity } from './similarity';
import { writeSyntheticCorpus } from './synthetic-corpus';
import { evaluateTargets, type BenchResults, type ColdBuild, type ScalingPoint, type SearchFigures } from './targets';

/** Measures what a reader's searches transfer on the site in `dir`, and how soon results show; the worst over a few words. */
type SearchMeasurer = (dir: string) => Promise<SearchFigures>;

/** Everything the benchmark touches, so that it can be driven from a test or a script. */
export interface BenchContext {
  /** The project: its source is copied, its node_modules used. */
  root: string;
  /** Node to build with (the project's own). */
  node: string;
  argv: readonly string[];
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Runs a search in a browser; the search figure is skipped without one. */
  measureSearch?: SearchMeasurer | undefined;
  now: Date;
}

/** The floor fixture, relative to the project root. */
const FLOOR_FIXTURE = 'scripts/bench/floor-site';
/** Corpus sizes whose per-page cost must match (issue 7), and the tiny corpus that gives a build's fixed cost. */
const SCALING_COUNTS = [1000, 4000] as const;
const FIXED_COST_COUNT = 10;

/** What the copy of the project needs to build: everything but content, output and tests other than the floor. */
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts'];

/**
 * Copies the project into `dir`, with a link to its node_modules. Builds of the
 * copy never share `<root>/.astro/` with builds elsewhere on the machine, and
 * edits made while the benchmark runs do not leak into it.
 */
async function copyProject(root: string, dir: string): Promise<void> {
  for (const path of PROJECT_FILES) await cp(join(root, path), join(dir, path), { recursive: true });
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
}

/**
 * Times `npm run check -- --format json …` in `cwd`; rejects unless it checked
 * `expectedFiles` files (warnings and errors are the corpus's business, not the timing's).
 */
async function timeCheck(
  cwd: string,
  args: readonly string[],
  env: Record<string, string>,
  expectedFiles: number,
): Promise<number> {
  const started = performance.now();
  const child = spawn(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    ['run', '--silent', 'check', '--', '--format', 'json', ...args],
    { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise((done) => child.on('close', done));
  const seconds = (performance.now() - started) / 1000;
  let files: unknown;
  try {
    files = (JSON.parse(output) as { files?: unknown }).files;
  } catch {
    files = undefined;
  }
  if (files !== expectedFiles)
    throw new Error(
      `npm run check -- ${args.join(' ')} checked ${String(files)} files, expected ${expectedFiles}:\n${errors.slice(0, 4000)}`,
    );
  return seconds;
}

/** The environment of a build or check: the user's PATH and HOME, the corpus, a fixed build date, no diagrams drawn in a browser. */
function benchEnvironment(contentDir: string, buildDate: Date): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG'];
  return {
    ...Object.fromEntries(keep.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]]))),
    POSTMORTEMS_DIR: contentDir,
    POSTMORTEMS_BUILD_DATE: buildDate.toISOString(),
    POSTMORTEMS_CHROMIUM: 'none',
  };
}

const medianOf = (values: readonly number[]) => median(values) ?? 0;

function summarise(builds: readonly BuildMeasurement[]): ColdBuild {
  const cpu = builds.map((build) => build.cpuSeconds).filter((value): value is number => value !== null);
  return {
    seconds: medianOf(builds.map((build) => build.wallSeconds)),
    cpuSeconds: cpu.length > 0 ? medianOf(cpu) : null,
    peakRssBytes: medianOf(builds.map((build) => build.peakRssBytes)),
    peakTotalRssBytes: medianOf(builds.map((build) => build.peakTotalRssBytes)),
  };
}

/** Each run starts with the next generator, so that drift in the machine's speed hits them alike. */
function runOrder<T>(generators: readonly T[], run: number): T[] {
  const shift = (run - 1) % generators.length;
  return [...generators.slice(shift), ...generators.slice(0, shift)];
}

/** Runs the benchmark; resolves to the exit code (0 every target met, 1 some missed, 2 usage). */
export async function runBench(context: BenchContext): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(context.argv);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    context.stderr.write(`bench: ${error.message}\n\n${BENCH_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    context.stdout.write(`${BENCH_USAGE}\n`);
    return 0;
  }

  const log = (message: string) =>
    context.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
  const machine = {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.versions.node,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg(),
  };
  const work = await mkdtemp(join(tmpdir(), 'postmortems-bench-'));
  log(`working in ${work}${options.keep ? ' (kept)' : ''}`);
  try {
    const site = join(work, 'site');
    await copyProject(context.root, site);
    const floor = join(site, FLOOR_FIXTURE);
    // Incidents up to the day before the run, built as of the run's day: action items fall due as in a live corpus.
    const buildDate = new Date(`${context.now.toISOString().slice(0, 10)}T00:00:00Z`);

    const writeCorpus = async (count: number): Promise<string> => {
      const dir = join(work, `corpus-${count}`);
      const bar = new SingleBar({
        format: `corpus of ${count} ${options.format} postmortems [{bar}] {value}/{total}`,
        stream: context.stderr as NodeJS.WritableStream,
        noTTYOutput: false,
        hideCursor: true,
      });
      bar.start(count, 0);
      await writeSyntheticCorpus({
        dir,
        count,
        format: options.format,
        end: buildDate,
        onProgress: ({ written }) => {
          bar.update(written);
        },
      });
      bar.stop();
      return dir;
    };

    let buildNumber = 0;
    const leftoverProcesses: string[] = [];
    const finished = <T extends BuildMeasurement>(result: T, what: string): T => {
      leftoverProcesses.push(...result.leftoverProcesses.map((process) => `${process} after ${what}`));
      if (result.exitCode !== 0) throw new Error(`${what} failed:\n${result.output.slice(-4000)}`);
      return result;
    };
    const build = async (
      root: string,
      contentDir: string,
      /** The cache of an earlier build, for a warm rebuild. */
      keptCache?: string,
    ): Promise<BuildMeasurement & { outDir: string; cacheDir: string }> => {
      const cacheDir = keptCache ?? join(work, `cache-${++buildNumber}`);
      const outDir = join(site, `dist-${++buildNumber}`);
      const result = await runBenchBuild({
        root,
        command: root === floor ? 'astro build' : 'npm run build',
        cwd: site,
        node: context.node,
        outDir,
        cacheDir,
        env: benchEnvironment(contentDir, buildDate),
      });
      // Astro's own timings, for a look at where the time went (kept with --keep).
      await writeFile(`${outDir}.log`, result.output);
      const what = `${root === floor ? 'the floor' : 'the site'}'s ${keptCache === undefined ? 'cold build' : 'warm rebuild'}`;
      return { ...finished(result, what), outDir, cacheDir };
    };
    const discard = (dir: string) => (options.keep ? Promise.resolve() : rm(dir, { recursive: true, force: true }));

    const corpus = await writeCorpus(options.count);
    // The postmortem edited before each warm rebuild: one from the middle of the corpus.
    const edited = join(corpus, (await readdir(corpus)).sort()[Math.floor(options.count / 2)]!);
    const withEdit = async <T>(run: number, rebuild: () => Promise<T>): Promise<T> => {
      const original = await readFile(edited, 'utf8');
      await writeFile(edited, `${original}\nEdited for warm rebuild ${run}: one more sentence of lessons learned.\n`);
      try {
        return await rebuild();
      } finally {
        await writeFile(edited, original);
      }
    };

    let hugoVersion: string | null = null;
    let hugoSkipped: string | undefined;
    let hugoContent = '';
    if (options.compare.includes('hugo')) {
      hugoVersion = await findHugo(benchEnvironment(corpus, buildDate));
      if (hugoVersion === null) {
        hugoSkipped = 'skipped: Hugo is not installed';
        context.stderr.write(`${hugoMissingMessage(process.platform)}\n`);
      } else {
        hugoContent = join(work, 'hugo-content');
        await prepareHugoContent(corpus, hugoContent);
      }
    }
    const generators = ['product', 'floor', ...(hugoVersion === null ? [] : ['hugo' as const])] as const;
    const names = { product: 'the site', floor: 'the floor', hugo: 'Hugo + Pagefind' };

    const productBuilds: BuildMeasurement[] = [];
    const floorBuilds: BuildMeasurement[] = [];
    const hugoBuilds: BuildMeasurement[] = [];
    const warmBuilds: Record<(typeof generators)[number], BuildMeasurement[]> = { product: [], floor: [], hugo: [] };
    let measuredOutDir = '';
    let pagesBuilt = 0;
    for (let run = 1; run <= options.runs; run++) {
      for (const which of runOrder(generators, run)) {
        log(`run ${run}/${options.runs}: cold build and warm rebuild of ${names[which]}`);
        if (which === 'hugo') {
          const hugoBuild = async (cacheDir: string) => {
            const outDir = join(work, `hugo-${++buildNumber}`);
            const env = benchEnvironment(corpus, buildDate);
            const result = await runHugoBuild({ root: site, contentDir: hugoContent, outDir, cacheDir, env });
            await discard(outDir);
            return finished(result, 'Hugo + Pagefind');
          };
          const cacheDir = join(work, `hugo-cache-${run}`);
          hugoBuilds.push(await hugoBuild(cacheDir));
          warmBuilds.hugo.push(await withEdit(run, () => hugoBuild(cacheDir)));
          await discard(cacheDir);
          continue;
        }
        const root = which === 'floor' ? floor : site;
        const cold = await build(root, corpus);
        (which === 'floor' ? floorBuilds : productBuilds).push(cold);
        if (which === 'product') pagesBuilt = Number(/(\d+) page\(s\) built/.exec(cold.output)?.[1] ?? 0);
        // A warm rebuild as CI does it: the cache kept from the last build, a fresh output folder, one postmortem edited.
        const warm = await withEdit(run, () => build(root, corpus, cold.cacheDir));
        warmBuilds[which].push(warm);
        await discard(warm.outDir);
        if (which === 'product' && run === 1) measuredOutDir = cold.outDir;
        else await discard(cold.outDir);
        await discard(cold.cacheDir);
      }
    }

    log('weighing pages, CSS and the search index');
    const weight = await weighSite(measuredOutDir);
    let search: SearchFigures | null = null;
    if (options.search && context.measureSearch) {
      log('measuring searches in Chromium');
      search = await context.measureSearch(measuredOutDir);
    }
    await discard(measuredOutDir);

    log('timing npm run check');
    const checkEnv = benchEnvironment(corpus, buildDate);
    const wholeChecks: number[] = [];
    const oneFileChecks: number[] = [];
    let check: BenchResults['check'] = null;
    try {
      for (let run = 1; run <= options.runs; run++) {
        wholeChecks.push(await timeCheck(site, [], checkEnv, options.count));
        oneFileChecks.push(await timeCheck(site, [edited], checkEnv, 1));
      }
      check = { wholeSeconds: medianOf(wholeChecks), oneFileSeconds: medianOf(oneFileChecks) };
    } catch (error) {
      // The builds' figures are worth keeping when check breaks: its targets are reported as not measured.
      context.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    }

    log('timing the similarity of every postmortem (related incidents and repeats)');
    const similarity = measureSimilarity(options.count, options.runs);

    let scaling: BenchResults['scaling'] = null;
    const product = summarise(productBuilds);
    if (options.scaling) {
      const timeColdBuilds = async (count: number): Promise<number> => {
        if (count === options.count) return product.seconds;
        const dir = await writeCorpus(count);
        const times: number[] = [];
        for (let run = 1; run <= options.runs; run++) {
          log(`run ${run}/${options.runs}: cold build of the site with ${count} postmortems`);
          const result = await build(site, dir);
          times.push(result.wallSeconds);
          await Promise.all([discard(result.outDir), discard(result.cacheDir)]);
        }
        return medianOf(times);
      };
      const fixedSeconds = await timeColdBuilds(FIXED_COST_COUNT);
      const points: ScalingPoint[] = [];
      for (const count of SCALING_COUNTS.filter((size) => size <= options.count)) {
        const seconds = await timeColdBuilds(count);
        points.push({
          count,
          seconds,
          marginalMsPerPostmortem: ((seconds - fixedSeconds) * 1000) / (count - FIXED_COST_COUNT),
        });
      }
      scaling = { fixedCount: FIXED_COST_COUNT, fixedSeconds, points };
    }

    const results: BenchResults = {
      machine,
      date: context.now.toISOString(),
      corpus: { count: options.count, format: options.format, pagesBuilt },
      runs: options.runs,
      product: {
        ...product,
        msPerPostmortem: (product.seconds * 1000) / options.count,
        warmSeconds: medianOf(warmBuilds.product.map((warm) => warm.wallSeconds)),
      },
      floor: { ...summarise(floorBuilds), warmSeconds: medianOf(warmBuilds.floor.map((warm) => warm.wallSeconds)) },
      hugo:
        hugoVersion === null
          ? null
          : {
              ...summarise(hugoBuilds),
              warmSeconds: medianOf(warmBuilds.hugo.map((warm) => warm.wallSeconds)),
              version: hugoVersion,
            },
      hugoSkipped,
      leftoverProcesses,
      scaling,
      check,
      similarity: { seconds: similarity.milliseconds / 1000, repeating: similarity.repeating },
      weight: {
        pageGzipMedianBytes: weight.pageGzipBytes.median,
        pageGzipMaxBytes: weight.pageGzipBytes.max,
        cssGzipBytes: weight.cssGzipBytes,
        searchIndexBytes: weight.searchIndexBytes,
        pagesWithScripts: weight.pagesWithScripts,
      },
      search,
    };
    const targets = evaluateTargets(results);
    context.stdout.write(formatBenchReport(results, targets));
    const jsonPath = resolve(options.json);
    await mkdir(resolve(jsonPath, '..'), { recursive: true });
    await writeFile(jsonPath, `${JSON.stringify({ ...results, targets }, null, 2)}\n`);
    log(`results written to ${jsonPath}`);
    return targets.some((target) => target.pass === false) ? 1 : 0;
  } finally {
    if (!options.keep) await rm(work, { recursive: true, force: true });
  }
}
