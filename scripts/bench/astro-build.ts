/**
 * One `astro build` in a child process, as the benchmark runs it: its own
 * output and cache folders, measured with every process it starts
 * (see `measure.ts`).
 */
import { join } from 'node:path';
import { runMeasured, type BuildMeasurement } from './measure';

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

/** Runs `astro build` as described by `options`. */
export function runAstroBuild(options: BuildOptions): Promise<BuildMeasurement> {
  return runMeasured({
    command: options.node,
    args: [
      join(options.cwd, 'node_modules', 'astro', 'bin', 'astro.mjs'),
      'build',
      '--root',
      options.root,
      '--outDir',
      options.outDir,
    ],
    cwd: options.cwd,
    env: {
      ...options.env,
      POSTMORTEMS_CACHE_DIR: options.cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
  });
}
