/**
 * Builds the Pagefind search index when `astro build` is done, through
 * Pagefind's Node API, into `<outDir>/pagefind/`. Running inside the build
 * (rather than as a second command) means every build, including the test
 * suite's, ships an index that matches its pages; it is also no slower: on the
 * sample site it adds a median 72 ms, against 85 ms for `pagefind --site dist`
 * run after the build (which starts Node a second time).
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import * as pagefind from 'pagefind';
import { glob } from 'tinyglobby';
import { readProcessTable, waitForExit } from '../lib/process-table';
import { buildCorrectionFiles, vocabularyWeights, type IndexedPage } from '../lib/typo-correction';
import { pageUrlOf, RenderTimeFeed, type PagefindIndex } from './render-time-index';

/**
 * The pages that enter the index: postmortem pages, and within them only the
 * element marked `data-pagefind-body`. Listing them here keeps every other
 * page out even when the site has no postmortem yet (Pagefind would then index
 * whole pages, since none carries `data-pagefind-body`).
 */
const INDEXED_PAGES = 'postmortems/**/*.html';

/**
 * Pagefind's ready-made search interfaces, written with every index. /search/
 * talks to `pagefind.js` directly, so these 430 kB would only be deployed, never loaded.
 */
export const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** Folder of the typo-correction data inside the Pagefind bundle (see `lib/typo-correction.ts`). */
export const TYPO_FOLDER = 'typos';

/** What opens every Pagefind fragment once decompressed, before its JSON. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** The filters whose values count as a service's or tag's words. */
const FACET_WORD_FILTERS = ['service', 'tag'];

/**
 * Reads back the pages Pagefind wrote: each fragment holds the exact text it
 * indexed (after `data-pagefind-ignore`) and the page's filters. Building the
 * vocabulary from them means correction knows exactly the words search can find.
 */
async function readIndexedPages(outputPath: string): Promise<IndexedPage[]> {
  const folder = join(outputPath, 'fragment');
  const names = (await readdir(folder)).filter((name) => name.endsWith('.pf_fragment'));
  return Promise.all(
    names.map(async (name) => {
      const text = gunzipSync(await readFile(join(folder, name))).toString('utf8');
      const fragment = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as {
        content: string;
        filters?: Record<string, string[]>;
      };
      return {
        content: fragment.content,
        facetWords: FACET_WORD_FILTERS.flatMap((key) => fragment.filters?.[key] ?? []),
      };
    }),
  );
}

/** Writes the typo-correction data for the index in `outputPath` into its `typos/` folder; returns its size in bytes. */
async function writeCorrectionData(outputPath: string): Promise<{ words: number; knownBytes: number }> {
  const weights = vocabularyWeights(await readIndexedPages(outputPath));
  const files = buildCorrectionFiles(weights);
  const folder = join(outputPath, TYPO_FOLDER);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await Promise.all([
    ...files.known.map((shard, index) => writeFile(join(folder, `known-${index}.bin`), shard)),
    ...files.buckets.map((bucket, index) => writeFile(join(folder, `${index}.txt`), bucket)),
  ]);
  return { words: weights.size, knownBytes: files.known.reduce((total, shard) => total + shard.byteLength, 0) };
}

/** The parts of Pagefind's Node API the build uses; tests pass a stand-in. */
export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

/** What one indexing run did. */
export interface SearchIndexResult {
  /** Postmortem pages indexed. */
  pageCount: number;
  /** Where the bundle was written. */
  outputPath: string;
}

function assertNoErrors(step: string, errors: readonly string[]): void {
  if (errors.length > 0)
    throw new Error(`Pagefind could not ${step}:\n${errors.map((error) => `  - ${error}`).join('\n')}`);
}

/**
 * Adds the postmortem pages of the built site in `dir` to an index. Pages
 * handed over while they rendered (`feed`) are in it already; the others
 * (restored from the incremental-build cache, or rewritten after rendering)
 * are read from disk. When most pages are still to be read (a warm rebuild),
 * a fresh index reads them all at once, which Pagefind does faster than
 * taking them one by one. Resolves to the index and its page count.
 */
async function addBuiltPages(
  api: PagefindApi,
  dir: string,
  feed: RenderTimeFeed | undefined,
): Promise<{ index: PagefindIndex; pageCount: number }> {
  if (feed && feed.fed.size > 0) {
    const index = await feed.index;
    assertNoErrors('read the rendered pages', await feed.settled());
    const files = await glob(INDEXED_PAGES, { cwd: dir });
    const rest = files.filter((file) => !feed.fed.has(file));
    if (rest.length <= files.length / 2) {
      for (const file of rest) {
        const added = await index.addHTMLFile({
          url: pageUrlOf(file),
          content: await readFile(join(dir, file), 'utf8'),
        });
        assertNoErrors(`read ${file}`, added.errors);
      }
      return { index, pageCount: files.length };
    }
    await index.deleteIndex();
  }
  const created = await api.createIndex();
  assertNoErrors('create an index', created.errors);
  if (!created.index) throw new Error('Pagefind returned no index.');
  const added = await created.index.addDirectory({ path: dir, glob: INDEXED_PAGES });
  assertNoErrors('read the built pages', added.errors);
  return { index: created.index, pageCount: added.page_count };
}

/** Indexes the postmortem pages of the built site in `dir` and writes the bundle to `dir/pagefind/`. */
export async function buildSearchIndex({
  dir,
  logger,
  api = pagefind,
  feed,
}: {
  dir: URL;
  logger: Pick<AstroIntegrationLogger, 'info'>;
  api?: PagefindApi;
  /** Pages handed to Pagefind while they rendered, in an index of `api`'s. */
  feed?: RenderTimeFeed | undefined;
}): Promise<SearchIndexResult> {
  const started = performance.now();
  const outputPath = fileURLToPath(new URL('pagefind/', dir));
  try {
    const { index, pageCount } = await addBuiltPages(api, fileURLToPath(dir), feed);
    const read = performance.now();
    const written = await index.writeFiles({ outputPath });
    assertNoErrors(`write ${outputPath}`, written.errors);
    await Promise.all(UNUSED_BUNDLE_FILES.map((file) => rm(join(outputPath, file), { force: true })));
    const wrote = performance.now();
    const vocabulary = await writeCorrectionData(outputPath);
    const seconds = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;
    logger.info(
      `Indexed ${pageCount} postmortem pages for search in ${seconds(started, performance.now())}: Pagefind read them in ${seconds(started, read)} and wrote its index in ${seconds(read, wrote)}, typo correction took ${seconds(wrote, performance.now())} (${vocabulary.words} distinct words; ${(vocabulary.knownBytes / 1024).toFixed(1)} kB known-words filter).`,
    );
    if (feed && feed.fed.size > 0) logger.info(`${feed.fed.size} of them were indexed as they rendered.`);
    return { pageCount, outputPath };
  } catch (cause) {
    const error = new AstroError(
      `Building the search index failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      'Pagefind runs a binary from the @pagefind/<platform> package; run `npm ci` so the one for this platform is installed, then build again.',
    );
    error.cause = cause;
    throw error;
  } finally {
    await closePagefind(api);
  }
}

/**
 * Stops Pagefind's service and waits until its process is gone. `close()` only
 * signals the process (`PagefindService.close` in https://unpkg.com/pagefind@1.6.0/lib/service.js):
 * a build that exits before the process has ended leaves it behind, re-parented
 * and, under an init that reaps nothing (a container's), a zombie for good.
 * Node reaps its children as they end, so waiting for the process to vanish is
 * waiting for it to be reaped.
 */
async function closePagefind(api: PagefindApi): Promise<void> {
  const isPagefind = (name: string) => name.startsWith('pagefind');
  const children = (await readProcessTable()).filter((entry) => entry.ppid === process.pid && isPagefind(entry.name));
  await api.close();
  const stuck = await waitForExit(children);
  for (const entry of stuck) process.kill(entry.pid, 'SIGKILL');
  await waitForExit(stuck);
}

/** The integration, and a way to wait for an index built in the background. */
export type SearchIndexIntegration = AstroIntegration & {
  /** Resolves when this build's index is written (at once when the build has not started one); rejects with its error. */
  indexed(): Promise<void>;
};

/**
 * The Astro integration: writes the index once the build has written every
 * page. With `background`, the `astro:build:done` hook starts the work and
 * returns, so the integrations after it work meanwhile; one of them must then
 * `await indexed()` before it writes pages or finishes. With
 * `indexWhileRendering`, postmortem pages go to Pagefind as they render (see
 * render-time-index.ts): off by default, since it makes the build slower, not
 * faster. At 10,000 postmortems (2026-11-29, quiet machine) Pagefind took 12 s to
 * read the pages from disk and 33 s to write its index; handed the pages as they
 * rendered, it held page generation back (94 s -> 137 s) and still wrote its
 * index after the last page: 250 s for the build against 210 s.
 */
export default function searchIndex({
  background = false,
  indexWhileRendering = false,
}: { background?: boolean; indexWhileRendering?: boolean } = {}): SearchIndexIntegration {
  let running: Promise<void> = Promise.resolve();
  let base = '/';
  let feed: RenderTimeFeed | undefined;
  return {
    name: 'postmortems:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:start': ({ setPrerenderer }) => {
        if (!indexWhileRendering) return;
        const created = pagefind.createIndex().then(({ errors, index }) => {
          assertNoErrors('create an index', errors);
          if (!index) throw new Error('Pagefind returned no index.');
          return index;
        });
        created.catch(() => {}); // Reported when the build is done.
        feed = new RenderTimeFeed(created, base);
        const current = feed;
        setPrerenderer((prerenderer) => current.wrap(prerenderer));
      },
      'astro:build:done': async ({ dir, logger }) => {
        running = buildSearchIndex({ dir, logger, feed }).then(() => undefined);
        if (background)
          running.catch(() => {}); // Reported where it is awaited.
        else await running;
      },
    },
    indexed: () => running,
  };
}
