/**
 * `npm run build`: `astro build`, then the search index over the pages it wrote.
 *
 * The index is built here, once Astro's process has exited, rather than in an
 * `astro:build:done` hook: Pagefind's service needs 2.8 GB to write the index of
 * 10,000 postmortems, and a hook runs while Astro still holds 1.3–2.0 GB, so the
 * build peaked at 4.8 GB across its processes; one after the other, it peaks at
 * the larger of the two. Only postmortem pages are indexed, and `astro build`
 * has already checked every link and written every page by then.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { escapeControl } from './errors';

/** What a site build needs from the outside world; the script passes the real ones, tests stand-ins. */
export interface SiteBuildContext {
  /** Arguments after `npm run build --`, handed to `astro build` as they are. */
  argv: readonly string[];
  /** The folder the command runs in: a relative `--root` is read from it. */
  cwd: string;
  /** Runs `astro build` with these arguments; resolves to its exit code. */
  runAstroBuild(argv: readonly string[]): Promise<number>;
  /** Indexes the built site in `outDir` for search; rejects with an error saying what went wrong. */
  indexSite(outDir: string): Promise<void>;
  stderr: { write(text: string): unknown };
}

/**
 * The output folder `astro build` writes for `argv`, resolved as Astro does:
 * `--root` against the working folder, `--outDir` (default `dist`, which this
 * project's config keeps) against the root.
 */
export function builtSiteFolder(argv: readonly string[], cwd: string): string {
  const { values } = parseArgs({
    args: [...argv],
    options: { root: { type: 'string' }, outDir: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const root = resolve(cwd, typeof values.root === 'string' ? values.root : '.');
  return resolve(root, typeof values.outDir === 'string' ? values.outDir : 'dist');
}

/** Builds the site, then its search index; resolves to the exit code of the whole. */
export async function runSiteBuild(context: SiteBuildContext): Promise<number> {
  const exitCode = await context.runAstroBuild(context.argv);
  // A failed build has said why; `--help` builds nothing to index.
  if (exitCode !== 0 || context.argv.includes('--help') || context.argv.includes('-h')) return exitCode;
  try {
    await context.indexSite(builtSiteFolder(context.argv, context.cwd));
    return 0;
  } catch (error) {
    const { message = String(error), hint } = error as { message?: string; hint?: string };
    // Line by line: a message may list several problems, one per line, and a line may quote a page's text.
    const lines = [...message.split('\n'), ...(hint ? hint.split('\n') : [])].map(escapeControl);
    context.stderr.write(`build: ${lines.join('\n')}\n`);
    return 1;
  }
}
