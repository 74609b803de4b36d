/**
 * Measures a reader's searches on a built site (`npm run build` first), the way
 * a reader meets them: in Chromium, on a cold cache, from a static server on
 * 127.0.0.1 that gzips text as GitHub Pages or Netlify do (Pagefind's index
 * files are gzipped already and go out as they are):
 *
 *   npm exec -- tsx scripts/bench/search.ts [dist] [first next misspelt]…
 *
 * For each trio of words it opens `/search/?q=<first>` in a fresh browser
 * context and counts every byte that visit transfers until ten results show
 * with their facet counts and the network is quiet (page, CSS, code, Pagefind,
 * index, filters, typo data, results); then it types `next`, a different word,
 * and `misspelt`, a word with a typo, into the box and counts what each of those
 * queries transfers, and the time from the last keystroke to the results
 * painted. Bytes are response bodies as sent (compressed), without HTTP headers.
 *
 * `npm run bench` uses `measureSearchTransfer` for its search targets.
 */
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { folderBytes, isUsedPagefindFile } from './site-weight';
import type { SearchFigures } from './targets';
import { collectErrors, launchChromium } from '../../tests/browser';
import { serveDirectory, type ServedFile, type StaticServer } from '../../tests/static-server';

/** Fresh visits per trio of words; the time reported is the median of every typed query. */
const RUNS = 3;
/** How long the network must stay idle before a search counts as settled. */
const QUIET_MS = 400;

/**
 * Words searched by default on the benchmark's synthetic corpus: the first of
 * each trio opens the page, the second is another known word, the third a misspelt one.
 */
const DEFAULT_TRIOS: readonly (readonly [string, string, string])[] = [
  ['certificate', 'checkout', 'certifcate'],
  ['redis', 'connection pool', 'chekcout'],
  ['timeout', 'database failover', 'conection'],
];

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (files: readonly ServedFile[]) => files.reduce((total, file) => total + file.bytes, 0);
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Marks the page sets while measuring. */
interface BenchMarks {
  typed?: number;
  painted?: number;
}

/** Waits until the results are on screen and the server has sent nothing for {@link QUIET_MS}. */
async function settle(page: Page, served: readonly ServedFile[]): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[data-results]')?.getAttribute('aria-busy') === 'false' &&
      !document.querySelector('[data-status]')?.textContent.startsWith('Loading'),
    undefined,
    { timeout: 60_000 },
  );
  let seen = -1;
  while (seen !== served.length) {
    seen = served.length;
    await page.waitForTimeout(QUIET_MS);
  }
}

/**
 * Enters `words` into the search box as one input, as a paste or a fast typist
 * would (typed key by key on a loaded machine, a pause between two keys would
 * search a part of a word too); returns the bytes the query transferred and the
 * ms from that input to its results painted.
 */
async function typeQuery(page: Page, served: ServedFile[], words: string): Promise<{ bytes: number; ms: number }> {
  // Stamp the input and the first frame painted with this query's results, in the page's own clock.
  await page.evaluate((expected) => {
    const marks: BenchMarks = ((window as unknown as { benchMarks: BenchMarks }).benchMarks = {});
    document.querySelector('#search-query')?.addEventListener('input', () => (marks.typed = performance.now()));
    const list = document.querySelector('[data-results]')!;
    const observer = new MutationObserver(() => {
      const showing = new URLSearchParams(location.search).get('q') === expected;
      if (showing && list.getAttribute('aria-busy') === 'false' && list.children.length > 0) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (marks.painted = performance.now())));
      }
    });
    observer.observe(list, { attributes: true, childList: true });
  }, words);
  served.length = 0;
  await page.locator('#search-query').fill(words);
  const handle = await page.waitForFunction(
    () => {
      const { typed, painted } = (window as unknown as { benchMarks: BenchMarks }).benchMarks;
      return painted !== undefined && typed !== undefined ? { typed, painted } : undefined;
    },
    undefined,
    { timeout: 60_000 },
  );
  const marks = await handle.jsonValue();
  if (!marks) throw new Error(`no results painted for “${words}”`);
  await settle(page, served);
  return { bytes: sum(served), ms: marks.painted - marks.typed };
}

/** One reader's visit: `/search/?q=<first>` on a cold cache, then two more queries typed. */
interface Visit {
  firstBytes: number;
  /** What the first visit fetched, by file, largest first. */
  firstFiles: ServedFile[];
  next: { bytes: number; ms: number };
  misspelt: { bytes: number; ms: number };
}

async function visit(
  browser: Browser,
  server: StaticServer,
  [first, next, misspelt]: readonly [string, string, string],
): Promise<Visit> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    server.served.length = 0;
    await page.goto(`${server.origin}/search/?${new URLSearchParams({ q: first }).toString()}`);
    await settle(page, server.served);
    const firstFiles = [...server.served].sort((a, b) => b.bytes - a.bytes);
    const figures = {
      firstBytes: sum(firstFiles),
      firstFiles,
      next: await typeQuery(page, server.served, next),
      misspelt: await typeQuery(page, server.served, misspelt),
    };
    if (errors.length > 0) throw new Error(errors.join('\n'));
    return figures;
  } finally {
    await context.close();
  }
}

/** Every visit of {@link RUNS} runs over `trios`, on the site in `dir`. */
async function visits(dir: string, trios: readonly (readonly [string, string, string])[]): Promise<Visit[]> {
  const server = await serveDirectory(dir, { compress: true });
  const browser = await launchChromium();
  try {
    const all: Visit[] = [];
    for (let run = 0; run < RUNS; run++) for (const trio of trios) all.push(await visit(browser, server, trio));
    return all;
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * What a reader's first and next searches transfer (the most over the words
 * tried) and how soon typed results show (the median of every typed query).
 */
export async function measureSearchTransfer(
  dir: string,
  trios: readonly (readonly [string, string, string])[] = DEFAULT_TRIOS,
): Promise<SearchFigures> {
  const all = await visits(dir, trios);
  return {
    firstSearchBytes: Math.max(...all.map((one) => one.firstBytes)),
    laterQueryBytes: Math.max(...all.flatMap((one) => [one.next.bytes, one.misspelt.bytes])),
    msToResults: median(all.flatMap((one) => [one.next.ms, one.misspelt.ms])),
  };
}

/** Groups a visit's files by folder, for the report: `pagefind/fragment/ 10 files 19.8 KB`. */
function byFolder(files: readonly ServedFile[]): string[] {
  const folders = new Map<string, { count: number; bytes: number }>();
  for (const file of files) {
    const folder = file.path.replace(/[^/]*$/, '');
    const entry = folders.get(folder) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += file.bytes;
    folders.set(folder, entry);
  }
  return [...folders]
    .sort(([, a], [, b]) => b.bytes - a.bytes)
    .map(([folder, { count, bytes }]) => `    ${folder} ${count} file${count === 1 ? '' : 's'} ${kB(bytes)}`);
}

async function main(): Promise<void> {
  const [dirArgument = 'dist', ...words] = process.argv.slice(2);
  const dir = resolve(dirArgument);
  if (words.length % 3 !== 0) throw new Error('Give words in threes: first, next, misspelt.');
  const trios =
    words.length > 0
      ? Array.from(
          { length: words.length / 3 },
          (_, index) => words.slice(index * 3, index * 3 + 3) as [string, string, string],
        )
      : DEFAULT_TRIOS;
  console.log(
    `Index on disk: ${kB(await folderBytes(join(dir, 'pagefind')))} in pagefind/, of which ${kB(await folderBytes(join(dir, 'pagefind'), isUsedPagefindFile))} is what search uses`,
  );
  const all = await visits(dir, trios);
  for (const [index, [first, next, misspelt]] of trios.entries()) {
    const mine = all.filter((_, position) => position % trios.length === index);
    const biggest = mine.reduce((top, one) => (one.firstBytes > top.firstBytes ? one : top));
    console.log(`/search/?q=${first} on a cold cache: ${kB(biggest.firstBytes)} in ${biggest.firstFiles.length} files`);
    for (const line of byFolder(biggest.firstFiles)) console.log(line);
    for (const [label, pick] of [
      [`then “${next}”`, (one: Visit) => one.next],
      [`then “${misspelt}”`, (one: Visit) => one.misspelt],
    ] as const) {
      console.log(
        `  ${label}: ${kB(Math.max(...mine.map((one) => pick(one).bytes)))}, results painted ${Math.round(median(mine.map((one) => pick(one).ms)))} ms after the last keystroke`,
      );
    }
  }
  console.log(
    `(gzip; response bodies as sent; bytes the most and times the median of ${RUNS} fresh visits; times include the search page's pause after typing)`,
  );
}

if (import.meta.main) await main();
