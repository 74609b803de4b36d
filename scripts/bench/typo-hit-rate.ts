/**
 * Measures how well search finds a known postmortem from one misspelt word, on a built site:
 *
 *   npm exec -- tsx scripts/bench/typo-hit-rate.ts [dist] [--per-page 4] [--pages 60]
 *
 * For each indexed postmortem it takes words only it (or one other) uses, misspells
 * each once (a deletion, an insertion, a substitution or a swap of neighbours, in
 * turn), and searches /search/ in Chromium three ways: the exact word, the typo as
 * typed (`verbatim=1`, search as it was before typo correction) and the typo corrected.
 * It prints the share of queries that rank the postmortem in the top 3 for each.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { isCorrectable, searchWords } from '../../src/lib/typo-correction';
import { launchChromium } from '../../tests/browser';
import { serveDirectory } from '../../tests/static-server';

/** One known-item query: a word of one page, and a typo of it. */
export interface KnownItemQuery {
  url: string;
  word: string;
  typo: string;
}

const KINDS = ['deletion', 'insertion', 'substitution', 'transposition'] as const;

/** `word` with one typo of `kind`, placed in its middle so both of its ends stay recognisable in turn. */
export function misspell(word: string, kind: (typeof KINDS)[number]): string {
  const at = Math.floor(word.length / 2);
  const letter = word[at]!;
  const other = letter === 'e' ? 'a' : 'e';
  if (kind === 'deletion') return word.slice(0, at) + word.slice(at + 1);
  if (kind === 'insertion') return word.slice(0, at) + letter + word.slice(at);
  if (kind === 'substitution') return word.slice(0, at) + other + word.slice(at + 1);
  // A swap of two equal letters would change nothing: swap the pair before it instead.
  const from = word[at - 1] === letter ? at - 1 : at;
  return `${word.slice(0, from - 1)}${word.charAt(from)}${word.charAt(from - 1)}${word.slice(from + 1)}`;
}

/** Reads the indexed pages of the site in `dir` back from Pagefind's fragments. */
async function indexedPages(dir: string): Promise<{ url: string; content: string }[]> {
  const folder = join(dir, 'pagefind', 'fragment');
  const names = (await readdir(folder)).filter((name) => name.endsWith('.pf_fragment'));
  return Promise.all(
    names.map(async (name) => {
      const text = gunzipSync(await readFile(join(folder, name))).toString('utf8');
      return JSON.parse(text.slice('pagefind_dcd'.length)) as { url: string; content: string };
    }),
  );
}

/** Words of each page that at most one other page uses, `perPage` of them, misspelt in turn by each kind of typo. */
export function knownItemQueries(
  pages: readonly { url: string; content: string }[],
  perPage: number,
): KnownItemQuery[] {
  const pagesUsing = new Map<string, number>();
  const wordsOf = pages.map((page) => new Set(searchWords(page.content).filter(isCorrectable)));
  for (const words of wordsOf) for (const word of words) pagesUsing.set(word, (pagesUsing.get(word) ?? 0) + 1);
  let kind = 0;
  return pages.flatMap((page, index) =>
    [...wordsOf[index]!]
      .filter((word) => pagesUsing.get(word)! <= 2 && word.length <= 14)
      .sort()
      .filter((_, position, list) => position % Math.max(1, Math.floor(list.length / perPage)) === 0)
      .slice(0, perPage)
      .map((word) => ({ url: page.url, word, typo: misspell(word, KINDS[kind++ % KINDS.length]!) })),
  );
}

/** True when a search for `search` (a query string) ranks `url` in the top 3. */
async function inTopThree(page: Page, origin: string, search: string, url: string): Promise<boolean> {
  await page.goto(`${origin}/search/?${search}`);
  await page.waitForFunction(
    () =>
      document.querySelector('[data-results]')?.getAttribute('aria-busy') === 'false' &&
      !document.querySelector('[data-status]')?.textContent.startsWith('Loading'),
  );
  const hrefs = await page
    .locator('[data-results] h2 a')
    .evaluateAll((links) => links.slice(0, 3).map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  return hrefs.includes(url);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'per-page': { type: 'string', default: '4' }, pages: { type: 'string', default: '60' } },
  });
  const dir = resolve(positionals[0] ?? 'dist');
  // Rarity is judged over the whole site; queries are taken from its first pages only, to keep the run short.
  const all = await indexedPages(dir);
  const pages = all.slice(0, Number(values.pages));
  const sampled = new Set(pages.map((page) => page.url));
  const queries = knownItemQueries(all, Number(values['per-page'])).filter((query) => sampled.has(query.url));
  const server = await serveDirectory(dir);
  const browser = await launchChromium();
  const hits = { exact: 0, typed: 0, corrected: 0 };
  const misses: string[] = [];
  try {
    const page = await (await browser.newContext()).newPage();
    for (const query of queries) {
      const word = new URLSearchParams({ q: query.word }).toString();
      const typo = new URLSearchParams({ q: query.typo }).toString();
      if (await inTopThree(page, server.origin, word, query.url)) hits.exact++;
      if (await inTopThree(page, server.origin, `${typo}&verbatim=1`, query.url)) hits.typed++;
      if (await inTopThree(page, server.origin, typo, query.url)) hits.corrected++;
      else misses.push(`${query.typo} (${query.word})`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const share = (count: number) => `${((count / queries.length) * 100).toFixed(0)}% (${count}/${queries.length})`;
  console.log(`${queries.length} known-item queries over ${pages.length} postmortems, right one in the top 3:`);
  console.log(`  exact word:               ${share(hits.exact)}`);
  console.log(`  one typo, as typed:       ${share(hits.typed)}`);
  console.log(`  one typo, corrected:      ${share(hits.corrected)}`);
  if (misses.length > 0) console.log(`Missed when corrected: ${misses.join(', ')}`);
}

if (import.meta.main) await main();
