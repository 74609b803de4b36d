/**
 * Builds the Pagefind search index of a built site, through Pagefind's Node
 * API, into `<outDir>/pagefind/`, with the typo-correction data beside it.
 * `npm run build` calls it once `astro build` has exited (see `lib/site-build.ts`
 * for why not from a build hook).
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import * as pagefind from 'pagefind';
import { readProcessTable, waitForExit } from '../lib/process-table';
import { buildCorrectionFiles, vocabularyWeights, type IndexedPage } from '../lib/typo-correction';

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
 * Indexes the postmortem pages of the built site in `dir` and writes the bundle
 * to `dir/pagefind/`; resolves to `undefined`, writing nothing, when
 * `readyToWrite` says no.
 */
export async function buildSearchIndex({
  dir,
  logger,
  api = pagefind,
  readyToWrite = () => Promise.resolve(true),
}: {
  dir: URL;
  logger: Pick<AstroIntegrationLogger, 'info'>;
  api?: PagefindApi;
  /**
   * Awaited once the pages are read, before the index is written: `npm run build` reads
   * them while Astro finishes, and writes (Pagefind's costliest step in memory) once
   * Astro has exited, or nothing if its build failed.
   */
  readyToWrite?: () => Promise<boolean>;
}): Promise<SearchIndexResult | undefined> {
  const started = performance.now();
  const outputPath = fileURLToPath(new URL('pagefind/', dir));
  try {
    const created = await api.createIndex();
    assertNoErrors('create an index', created.errors);
    if (!created.index) throw new Error('Pagefind returned no index.');
    const { index } = created;
    const added = await index.addDirectory({ path: fileURLToPath(dir), glob: INDEXED_PAGES });
    assertNoErrors('read the built pages', added.errors);
    const read = performance.now();
    if (!(await readyToWrite())) return undefined;
    const ready = performance.now();
    const written = await index.writeFiles({ outputPath });
    assertNoErrors(`write ${outputPath}`, written.errors);
    await Promise.all(UNUSED_BUNDLE_FILES.map((file) => rm(join(outputPath, file), { force: true })));
    const wrote = performance.now();
    const vocabulary = await writeCorrectionData(outputPath);
    const done = performance.now();
    const seconds = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;
    const steps = [
      `Pagefind read them in ${seconds(started, read)}`,
      ...(ready - read >= 100 ? [`waited ${seconds(read, ready)} for the build to end`] : []),
      `wrote its index in ${seconds(ready, wrote)}`,
      `typo correction took ${seconds(wrote, done)} (${vocabulary.words} distinct words; ${(vocabulary.knownBytes / 1024).toFixed(1)} kB known-words filter)`,
    ];
    logger.info(
      `Indexed ${added.page_count} postmortem pages for search in ${seconds(started, done)}: ${steps.join(', ')}.`,
    );
    return { pageCount: added.page_count, outputPath };
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
