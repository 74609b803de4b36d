/**
 * Measures search on a built site (`npm run build` first):
 *
 *   npm exec -- tsx scripts/bench/search.ts [dist] [word…]
 *
 * Prints the index size on disk, the bytes a first visit to /search/ loads,
 * and for each word: the bytes its search transferred and the time from the
 * last keystroke to the results being painted (median of several fresh visits).
 * The static server does not compress: Pagefind's index files are compressed
 * already, HTML, CSS and JavaScript would shrink further on a real host.
 *
 * `npm run bench` uses `measureSearchTransfer` for its search targets.
 */
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { folderBytes, UNUSED_PAGEFIND_FILE } from './site-weight';
import type { SearchFigures } from './targets';
import { collectErrors, launchChromium } from '../../tests/browser';
import { serveDirectory, type ServedFile } from '../../tests/static-server';

const RUNS = 5;
/** Searched before the "later search" of each word, on the same page. */
const WARM_UP = 'outage';

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const sum = (files: readonly ServedFile[]) => files.reduce((total, file) => total + file.bytes, 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Words searched by default: a rare one, a service and a technology. */
const DEFAULT_QUERIES = ['certificate', 'checkout', 'redis'];

/** The bytes served and the milliseconds from the last keystroke to the results painted, for typing `word`. */
async function measureQuery(page: Page, served: ServedFile[], word: string): Promise<{ bytes: number; ms: number }> {
  served.length = 0;
  // Stamp the last keystroke and the first frame painted after the results arrive, in the page's own clock.
  await page.evaluate(() => {
    const marks: BenchMarks = ((window as unknown as { benchMarks: BenchMarks }).benchMarks = {});
    document.addEventListener('keydown', () => (marks.typed = performance.now()));
    const list = document.querySelector('[data-results]')!;
    const observer = new MutationObserver(() => {
      if (marks.typed !== undefined && list.getAttribute('aria-busy') === 'false' && list.children.length > 0) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (marks.painted = performance.now())));
      }
    });
    observer.observe(list, { attributes: true, childList: true });
  });
  await page.locator('#search-query').fill('');
  await page.locator('#search-query').pressSequentially(word);
  const handle = await page.waitForFunction(() => {
    const { typed, painted } = (window as unknown as { benchMarks: BenchMarks }).benchMarks;
    return painted !== undefined && typed !== undefined ? { typed, painted } : undefined;
  });
  const marks = await handle.jsonValue();
  if (!marks) throw new Error(`no results painted for “${word}”`);
  return { bytes: sum(served), ms: marks.painted - marks.typed };
}

/** Marks the page sets while measuring. */
interface BenchMarks {
  typed?: number;
  painted?: number;
}

/** Opens /search/ in a fresh browser context and returns the page, the bytes its load transferred, and its errors. */
async function openSearchPage(browser: Browser, origin: string, served: ServedFile[]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectErrors(page);
  served.length = 0;
  await page.goto(`${origin}/search/`);
  await page.waitForFunction(() => document.querySelector('[data-results]')?.getAttribute('aria-busy') === 'false');
  return { context, page, errors, loadBytes: sum(served) };
}

/** Misspelt words searched after a first search, so later queries include typo correction. */
const LATER_QUERIES = ['certifcate', 'chekcout', 'conection'];

/**
 * What a reader's first and later searches transfer and how soon their results
 * show: for each of `queries`, a fresh /search/ (cold cache), the word typed,
 * then a misspelt word typed on the same page.
 */
export async function measureSearchTransfer(
  dir: string,
  queries: readonly string[] = DEFAULT_QUERIES,
): Promise<SearchFigures> {
  const server = await serveDirectory(dir);
  const browser = await launchChromium();
  try {
    const figures: SearchFigures = { firstSearchBytes: 0, laterQueryBytes: 0, msToResults: 0 };
    for (const [index, word] of queries.entries()) {
      const { context, page, errors, loadBytes } = await openSearchPage(browser, server.origin, server.served);
      const first = await measureQuery(page, server.served, word);
      const later = await measureQuery(page, server.served, LATER_QUERIES[index % LATER_QUERIES.length]!);
      figures.firstSearchBytes = Math.max(figures.firstSearchBytes, loadBytes + first.bytes);
      figures.laterQueryBytes = Math.max(figures.laterQueryBytes, later.bytes);
      figures.msToResults = Math.max(figures.msToResults, first.ms, later.ms);
      if (errors.length > 0) throw new Error(errors.join('\n'));
      await context.close();
    }
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const [dirArgument = 'dist', ...words] = process.argv.slice(2);
  const dir = resolve(dirArgument);
  const queries = words.length > 0 ? words : DEFAULT_QUERIES;
  console.log(
    `Index on disk: ${kB(await folderBytes(join(dir, 'pagefind')))} in pagefind/, of which ${kB(await folderBytes(join(dir, 'pagefind'), (name) => !UNUSED_PAGEFIND_FILE.test(name)))} is what search uses`,
  );
  const server = await serveDirectory(dir);
  const browser = await launchChromium();
  try {
    for (const word of queries) {
      const loads: number[] = [];
      const cold: { bytes: number; ms: number }[] = [];
      const warm: { bytes: number; ms: number }[] = [];
      for (let run = 0; run < RUNS; run++) {
        for (const warmUp of [undefined, WARM_UP]) {
          const { context, page, errors, loadBytes } = await openSearchPage(browser, server.origin, server.served);
          if (warmUp) {
            // Another word first: the index chunk is then loaded, and only this word's results remain to fetch.
            await measureQuery(page, server.served, warmUp);
            warm.push(await measureQuery(page, server.served, word));
          } else {
            loads.push(loadBytes);
            cold.push(await measureQuery(page, server.served, word));
          }
          if (errors.length > 0) throw new Error(errors.join('\n'));
          await context.close();
        }
      }
      const report = (runs: { bytes: number; ms: number }[]) =>
        `${kB(median(runs.map((run) => run.bytes)))} transferred, ${Math.round(median(runs.map((run) => run.ms)))} ms from last keystroke to results painted`;
      console.log(
        `“${word}”: page ${kB(median(loads))}; first search ${report(cold)}; after another search ${report(warm)}`,
      );
    }
    console.log(`(medians of ${RUNS} fresh visits; times include the search page's 120 ms pause after typing)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.main) await main();
