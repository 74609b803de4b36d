/**
 * One `astro build` in a child process, as the benchmark runs it: its own
 * output and cache folders, timed, with the peak memory and CPU time of the
 * build and the processes it waited for (Pagefind's binary among them).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** GNU time: reports the peak resident memory of a command and its waited-for children. */
const GNU_TIME = '/usr/bin/time';

/** What one build cost. */
export interface BuildMeasurement {
  exitCode: number;
  /** Everything the build printed, for errors and Astro's own timings. */
  output: string;
  wallSeconds: number;
  /** User plus system CPU time of the build and its children; `null` without GNU time. */
  cpuSeconds: number | null;
  /**
   * Peak resident memory in bytes: with GNU time, of the largest single process
   * (the Node build or Pagefind's indexer, whichever peaked higher); otherwise
   * of the Node process alone, from `process.resourceUsage()`.
   */
  peakRssBytes: number;
}

/** One build to run. */
export interface BuildOptions {
  /** The Astro project: the product or the floor fixture. */
  root: string;
  /**
   * Where the build runs: a folder holding `outDir` and a `node_modules` with
   * Astro. Astro writes its prerender bundle next to the output when that lies
   * under the working directory, else into `<cwd>/.astro/`, so builds from
   * different folders never trip over each other's bundles.
   */
  cwd: string;
  /** Node binary to run Astro with. */
  node: string;
  /** Astro's cache folder; reuse one for a warm rebuild. */
  cacheDir: string;
  /** Output folder, inside `cwd`. */
  outDir: string;
  env: Record<string, string>;
}

/** Reports the Node process's own peak memory where GNU time is missing. */
const RSS_REPORTER = `import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024)));`;

/** Parses GNU time's `-f '%e %U %S %M'` line: wall, user, system seconds and peak KB. */
export function parseGnuTime(
  line: string,
): { wallSeconds: number; cpuSeconds: number; peakRssBytes: number } | undefined {
  const match = /^BENCH-TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/m.exec(line);
  if (!match) return undefined;
  return {
    wallSeconds: Number(match[1]),
    cpuSeconds: Number(match[2]) + Number(match[3]),
    peakRssBytes: Number(match[4]) * 1024,
  };
}

/** Runs `astro build` as described by `options`. */
export async function runAstroBuild(options: BuildOptions): Promise<BuildMeasurement> {
  const astroArgs = [
    join(options.cwd, 'node_modules', 'astro', 'bin', 'astro.mjs'),
    'build',
    '--root',
    options.root,
    '--outDir',
    options.outDir,
  ];
  const useGnuTime = existsSync(GNU_TIME);
  const rssFile = `${options.outDir}.peak-rss`;
  const [command, args] = useGnuTime
    ? [GNU_TIME, ['-f', 'BENCH-TIME %e %U %S %M', options.node, ...astroArgs]]
    : [options.node, ['--import', `data:text/javascript,${encodeURIComponent(RSS_REPORTER)}`, ...astroArgs]];
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: {
      ...options.env,
      POSTMORTEMS_CACHE_DIR: options.cacheDir,
      BENCH_RSS_FILE: rssFile,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number>((done) =>
    child.on('close', (code) => {
      done(code ?? 1);
    }),
  );
  const wallSeconds = (performance.now() - started) / 1000;
  const timed = useGnuTime ? parseGnuTime(output) : undefined;
  const peakRssBytes = timed?.peakRssBytes ?? Number(await readFile(rssFile, 'utf8').catch(() => '0'));
  await rm(rssFile, { force: true });
  return { exitCode, output, wallSeconds, cpuSeconds: timed?.cpuSeconds ?? null, peakRssBytes };
}
