/**
 * `npm run build`: `astro build`, then the search index over the pages it wrote.
 *
 * The index is written here, once Astro's process has exited, rather than in an
 * `astro:build:done` hook: Pagefind needs 2.8 GB to write the index of 10,000
 * postmortems, and a hook runs while Astro still holds 1.3–2.0 GB, so the build
 * peaked at 4.8 GB across its processes. Reading the pages costs Pagefind far
 * less (0.8 GB), so it starts as soon as Astro says its pages are final
 * (`integrations/pages-written.ts`), while Astro checks the links, and only the
 * writing waits for Astro to exit.
 */
import { escapeControl } from './errors';

/** An `astro build` under way. */
interface AstroBuildRun {
  /** The output folder, once every page is written in its final form; `undefined` if the build ends without saying. */
  pagesWritten: Promise<string | undefined>;
  /** Its exit code. */
  exited: Promise<number>;
}

/** What a site build needs from the outside world; the script passes the real ones, tests stand-ins. */
export interface SiteBuildContext {
  /** Arguments after `npm run build --`, handed to `astro build` as they are. */
  argv: readonly string[];
  /** Starts `astro build` with these arguments. */
  startAstroBuild(argv: readonly string[]): AstroBuildRun;
  /**
   * Indexes the built site in `outDir` for search, writing the index only once
   * `buildSucceeded` resolves to true; rejects with an error saying what went wrong.
   */
  indexSite(outDir: string, buildSucceeded: Promise<boolean>): Promise<void>;
  stderr: { write(text: string): unknown };
}

/** Writes `error` to `stderr` as `build: message`, then its hint, line by line with controls escaped: no stack trace. */
function reportError(error: unknown, stderr: SiteBuildContext['stderr']): void {
  const { message = String(error), hint } = error as { message?: string; hint?: string };
  // Line by line: a message may list several problems, one per line, and a line may quote a page's text.
  const lines = [...message.split('\n'), ...(hint ? hint.split('\n') : [])].map(escapeControl);
  stderr.write(`build: ${lines.join('\n')}\n`);
}

/** Builds the site and its search index; resolves to the exit code of the whole. */
export async function runSiteBuild(context: SiteBuildContext): Promise<number> {
  const astro = context.startAstroBuild(context.argv);
  const outDir = await astro.pagesWritten;
  if (outDir === undefined) {
    const exitCode = await astro.exited;
    // A failed build has said why; `astro build --help` builds nothing to index.
    if (exitCode !== 0 || context.argv.includes('--help') || context.argv.includes('-h')) return exitCode;
    context.stderr.write(
      'build: astro build ended without saying where its pages are, so the site has no search index.\nKeep pagesWritten() among the integrations in astro.config.mjs.\n',
    );
    return 1;
  }
  // Its failure is caught at once (it may come before Astro's exit) and reported after it.
  const indexing = context
    .indexSite(
      outDir,
      astro.exited.then((code) => code === 0),
    )
    .then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
  const exitCode = await astro.exited;
  const failed = await indexing;
  // A failed Astro build has reported its own error; the index's is news only after a good one.
  if (exitCode !== 0) return exitCode;
  if (failed) {
    reportError(failed.error, context.stderr);
    return 1;
  }
  return 0;
}
