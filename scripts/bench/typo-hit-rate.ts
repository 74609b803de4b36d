/**
 * Measures how well search finds a known postmortem, on any built site (the
 * sample, the benchmark's synthetic corpus, or real postmortems imported with
 * `npm run import` and built with `POSTMORTEMS_DIR`):
 *
 *   npm exec -- tsx scripts/bench/typo-hit-rate.ts [dist] [--per-page 4] [--pages 60]
 *
 * For each indexed postmortem it takes words only it (or one other) uses and
 * misspells each once (a deletion, an insertion, a substitution or a swap of
 * neighbours, in turn). It searches /search/ in Chromium with two of them at a
 * time, exact and with the second misspelt, and with each alone, exact and
 * misspelt; each both as typed (`verbatim=1`: Pagefind alone, as before typo
 * correction) and as the page searches by default. It prints, for each kind of
 * query, how often the postmortem ranks first and in the top 3, and the mean
 * reciprocal rank (0 when it is not in the first ten).
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

/** Top-1 and top-3 shares and the mean reciprocal rank of a set of queries, from the rank of the right postmortem in each (1 is first; `undefined` when not in the first ten). */
export function rankSummary(ranks: readonly (number | undefined)[]): { top1: number; top3: number; mrr: number } {
  const share = (hit: (rank: number) => boolean) =>
    ranks.filter((rank) => rank !== undefined && hit(rank)).length / Math.max(1, ranks.length);
  return {
    top1: share((rank) => rank === 1),
    top3: share((rank) => rank <= 3),
    mrr:
      ranks.reduce<number>((total, rank) => total + (rank === undefined ? 0 : 1 / rank), 0) / Math.max(1, ranks.length),
  };
}

/**
 * Two-word queries: the words of a page's queries taken two by two, exact, and
 * with the second misspelt.
 */
export function knownItemPairs(queries: readonly KnownItemQuery[]): { url: string; exact: string; typo: string }[] {
  const pairs: { url: string; exact: string; typo: string }[] = [];
  for (let index = 0; index + 1 < queries.length; index += 2) {
    const [first, second] = [queries[index]!, queries[index + 1]!];
    if (first.url === second.url)
      pairs.push({ url: first.url, exact: `${first.word} ${second.word}`, typo: `${first.word} ${second.typo}` });
  }
  return pairs;
}

/**
 * The rank of `url` among the first ten results of a search for `search` (a
 * query string), run on the open search page as the back button would run it.
 */
async function rankOf(page: Page, search: string, url: string): Promise<number | undefined> {
  await page.evaluate((query) => {
    history.pushState(null, '', `${location.pathname}?${query}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, search);
  await page.waitForFunction(
    () =>
      document.querySelector('[data-results]')?.getAttribute('aria-busy') === 'false' &&
      !document.querySelector('[data-status]')?.textContent.startsWith('Loading'),
  );
  const hrefs = await page
    .locator('[data-results] h2 a')
    .evaluateAll((links) => links.slice(0, 10).map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  const at = hrefs.indexOf(url);
  return at === -1 ? undefined : at + 1;
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
  const pairs = knownItemPairs(queries);
  const server = await serveDirectory(dir);
  const browser = await launchChromium();
  const ranks: Record<string, (number | undefined)[]> = {};
  const misses: string[] = [];
  let searched = 0;
  const rank = async (page: Page, kind: string, words: string, url: string, verbatim: boolean) => {
    const params = new URLSearchParams({ q: words });
    if (verbatim) params.set('verbatim', '1');
    const found = await rankOf(page, params.toString(), url);
    (ranks[kind] ??= []).push(found);
    if (++searched % 100 === 0) process.stderr.write(`${searched} searches\n`);
    return found;
  };
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.origin}/search/`);
    for (const pair of pairs) {
      await rank(page, 'two exact words, Pagefind alone', pair.exact, pair.url, true);
      await rank(page, 'two exact words, with correction', pair.exact, pair.url, false);
      await rank(page, 'two words, one misspelt, as typed', pair.typo, pair.url, true);
      await rank(page, 'two words, one misspelt, corrected', pair.typo, pair.url, false);
    }
    for (const query of queries) {
      await rank(page, 'one exact word', query.word, query.url, false);
      await rank(page, 'one misspelt word, as typed', query.typo, query.url, true);
      const found = await rank(page, 'one misspelt word, corrected', query.typo, query.url, false);
      if (found === undefined || found > 3) misses.push(`${query.typo} (${query.word})`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const percent = (share: number) => `${(share * 100).toFixed(0)}%`.padStart(5);
  console.log(
    `Known-item queries over ${pages.length} postmortems (${pairs.length} two-word, ${queries.length} one-word), the right postmortem's rank:`,
  );
  console.log(`${''.padEnd(38)} top 1  top 3   MRR`);
  for (const [kind, list] of Object.entries(ranks)) {
    const { top1, top3, mrr } = rankSummary(list);
    console.log(`  ${kind.padEnd(36)} ${percent(top1)}  ${percent(top3)}  ${mrr.toFixed(2)}`);
  }
  if (misses.length > 0) console.log(`One misspelt word, not in the top 3 when corrected: ${misses.join(', ')}`);
}

if (import.meta.main) await main();
