/**
 * One build in a child process, as the benchmark runs it: the product's
 * `npm run build` (`astro build`, then the search index) or the floor's
 * `astro build`, with its own output and cache folders, measured with every
 * process it starts (see `measure.ts`).
 */
import { join } from 'node:path';
import { runMeasured, type BuildMeasurement } from './measure';

/** One build to run. */
export interface BuildOptions {
  /** The Astro project: the product or the floor fixture. */
  root: string;
  /** What builds it: the product's `npm run build` entry point (`scripts/build.ts`), or `astro build` alone. */
  command: 'npm run build' | 'astro build';
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

/** Runs the build described by `options`. */
export function runBenchBuild(options: BuildOptions): Promise<BuildMeasurement> {
  const entry =
    options.command === 'npm run build'
      ? ['--import', 'tsx', join(options.root, 'scripts', 'build.ts')]
      : [join(options.cwd, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'];
  return runMeasured({
    command: options.node,
    args: [...entry, '--root', options.root, '--outDir', options.outDir],
    cwd: options.cwd,
    env: {
      ...options.env,
      POSTMORTEMS_CACHE_DIR: options.cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
  });
}
