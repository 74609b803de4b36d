/**
 * The search page in the browser: runs Pagefind for the state in the URL,
 * shows results and facet counts, and keeps the URL in step so a search can be
 * shared, bookmarked and walked back with the back button. The markup lives in
 * `components/Search.astro`; the rules (URL encoding, Pagefind requests, counts)
 * live in `lib/search-state.ts`. This file only connects the two.
 */
import { createSitePaths, severitySlug } from '../lib/paths';
import { createCorrector, type Corrector } from './corrections';
import type { SearchResultMeta } from '../lib/search-facets';
import {
  facetCounts,
  facetsCountedSeparately,
  hasCriteria,
  pagefindRequest,
  parseSearchState,
  resultSummary,
  searchParams,
  type FilterCounts,
  type PagefindRequest,
  type SearchState,
} from '../lib/search-state';

/** What a result's `data()` resolves to (the parts used here). */
interface PagefindResultData {
  url: string;
  /** Text around the matched words, `<` and `>` escaped, matches wrapped in `<mark>`. */
  excerpt: string;
  meta: Partial<SearchResultMeta> & { title?: string };
  /** The page's sections that match, each with its URL (with `#anchor`), excerpt and matched word positions. */
  sub_results?: { url: string; excerpt: string; locations: number[] }[];
}

interface PagefindResponse {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  filters: FilterCounts;
}

/** Pagefind's browser API, `/pagefind/pagefind.js`, as far as this page uses it. */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  /** Loads what a search would need without running it; with a `null` term, only the data of the filters named. */
  preload(term: string | null, options: { filters: Record<string, string[]> }): Promise<void>;
  search(term: string | null, options: Omit<PagefindRequest, 'term'>): Promise<PagefindResponse>;
}

/** Results rendered per step; "Show more results" renders the next ones. */
const PAGE_SIZE = 10;
/** Pause after the last keystroke before searching, so each word is searched once, not each letter. */
const TYPING_DELAY_MS = 120;
const EXCERPT_WORDS = 30;

/** The section of a result to link to: the one with the most matches, when it has an anchor. */
function bestSection(data: PagefindResultData): { url: string; excerpt: string } {
  const sections = (data.sub_results ?? []).filter((section) => section.url.includes('#'));
  const best = sections.reduce<(typeof sections)[number] | undefined>(
    (top, section) => (!top || section.locations.length > top.locations.length ? section : top),
    undefined,
  );
  return best ?? data;
}

function required<T extends Element>(root: ParentNode, selector: string, type: abstract new () => T): T {
  const element = root.querySelector(selector);
  if (!(element instanceof type)) throw new Error(`The search page has no ${selector}.`);
  return element;
}

/** Turns Pagefind's excerpt into text and `<mark>` nodes only, whatever markup it might contain. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = document.createElement('template');
  parsed.innerHTML = excerpt;
  return [...parsed.content.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

/** Makes Pagefind count the values of `facets` in every search from now on, by loading their data. */
function countFacets(pagefind: Pagefind, facets: readonly string[]): Promise<void> {
  return pagefind.preload(null, { filters: Object.fromEntries(facets.map((facet) => [facet, []])) });
}

/**
 * Loads Pagefind, the data of the facets counted at once and the typo corrector,
 * or `undefined` when the index is missing (as in `astro dev`).
 */
async function loadIndex(
  bundle: string,
  baseUrl: string,
  typos: string,
  countedAtOnce: readonly string[],
): Promise<{ pagefind: Pagefind; corrector: Corrector } | undefined> {
  const corrector = createCorrector(typos);
  try {
    const pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
    await pagefind.options({ baseUrl, excerptLength: EXCERPT_WORDS });
    // Searches return counts for the facets whose data is loaded, and only for those.
    await countFacets(pagefind, countedAtOnce);
    return { pagefind, corrector };
  } catch {
    return undefined;
  }
}

/** Starts search on the page's form (`components/Search.astro`). */
export async function mountSearch(form: HTMLFormElement): Promise<void> {
  const paths = createSitePaths(form.dataset['base'] ?? '/');
  const input = required(form, 'input[type="search"]', HTMLInputElement);
  const status = required(form, '[data-status]', HTMLElement);
  const list = required(form, '[data-results]', HTMLOListElement);
  const more = required(form, '[data-more]', HTMLButtonElement);
  const template = required(form, 'template[data-result]', HTMLTemplateElement);
  const correction = required(form, '[data-correction]', HTMLElement);
  const filters = required(form, 'details[data-filters]', HTMLDetailsElement);
  const activeFilters = required(filters, '[data-active]', HTMLElement);
  const checkboxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const order = required(form, 'select', HTMLSelectElement);
  const known: Record<string, string[]> = {};
  for (const box of checkboxes) (known[box.name] ??= []).push(box.value);
  /** Facets listed closed, counted once opened (`lib/search-facets.ts`), each with its disclosure. */
  const onDemand = new Map(
    [...form.querySelectorAll<HTMLElement>('fieldset[data-facet]')].flatMap((fieldset) => {
      const details = fieldset.querySelector('details[data-on-demand]');
      return details instanceof HTMLDetailsElement ? [[fieldset.dataset['facet'] ?? '', details] as const] : [];
    }),
  );
  const countedAtOnce = Object.keys(known).filter((facet) => !onDemand.has(facet));

  form.hidden = false;
  status.textContent = 'Loading the search index…';
  // Listening starts at once; searches wait for the index, so nothing typed meanwhile is lost.
  const index = loadIndex(form.dataset['bundle'] ?? '', paths.home(), form.dataset['typos'] ?? '', countedAtOnce);

  const readUrl = () => parseSearchState(new URLSearchParams(location.search), known);
  const readForm = () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.append(name, value);
    return parseSearchState(params, known);
  };
  const writeForm = (state: SearchState) => {
    input.value = state.query;
    order.value = state.order;
    for (const box of checkboxes) {
      box.checked = state.facets[box.name]?.includes(box.value) ?? false;
      // A value ticked through the URL must be visible, even when it sits in a facet's "more" list.
      const details = box.closest('fieldset details');
      if (box.checked && details instanceof HTMLDetailsElement) details.open = true;
    }
  };
  /** Says on the closed filters disclosure (phones) how many values are ticked. */
  const showActiveFilters = () => {
    const active = checkboxes.filter((box) => box.checked).length;
    activeFilters.textContent = active > 0 ? `(${active} active)` : '';
  };
  // The filters stand open beside the results on a wide screen, and closed below them on a narrow one.
  const wide = matchMedia('(min-width: 48rem)');
  filters.open = wide.matches;
  wide.addEventListener('change', () => (filters.open = wide.matches));

  /**
   * Shows the counts of the facets Pagefind counted (those whose data is loaded);
   * a facet not yet counted shows none rather than the whole site's.
   */
  const showCounts = (counts: FilterCounts) => {
    for (const box of checkboxes) {
      const facet = counts[box.name];
      const count = facet?.[box.value] ?? 0;
      const label = box.closest('label');
      const text = label?.querySelector('[data-count]');
      if (text) text.textContent = facet ? `(${count})` : '';
      label?.classList.toggle('is-empty', facet !== undefined && count === 0 && !box.checked);
    }
  };

  /** Says which words were searched instead of the typed ones, with a link to the typed ones. */
  const showCorrection = (state: SearchState, corrected: string | undefined) => {
    correction.hidden = corrected === undefined;
    if (corrected === undefined) return;
    required(correction, '[data-corrected]', HTMLElement).textContent = corrected;
    required(correction, '[data-typed]', HTMLElement).textContent = state.query;
    required(correction, 'a', HTMLAnchorElement).href = paths.search(
      searchParams({ ...state, verbatim: true }).toString(),
    );
  };

  const renderResult = (data: PagefindResultData): Node => {
    const item = template.content.cloneNode(true) as DocumentFragment;
    const field = <T extends HTMLElement>(name: string, type: abstract new () => T) =>
      required(item, `[data-field="${name}"]`, type);
    const { meta } = data;
    field('severity', HTMLElement).textContent = meta.severity ?? '';
    field('severityLabel', HTMLElement).textContent = meta.severityLabel ?? '';
    if (meta.severity)
      field('severity', HTMLElement).parentElement?.classList.add(`severity-${severitySlug(meta.severity)}`);
    const date = field('date', HTMLTimeElement);
    date.textContent = meta.date ?? '';
    date.dateTime = meta.startedAt ?? '';
    field('duration', HTMLElement).textContent = meta.duration ?? 'unknown';
    const link = field('title', HTMLAnchorElement);
    const section = bestSection(data);
    link.href = section.url;
    link.textContent = meta.title ?? data.url;
    // Without words there is nothing to excerpt around: the summary says what the postmortem is about.
    const excerpt = field('excerpt', HTMLElement);
    if (browsing && meta.summary) excerpt.textContent = meta.summary;
    else excerpt.replaceChildren(...excerptNodes(section.excerpt));
    return item;
  };

  /** The search for `searched`, and those its facet counts need (`lib/search-state.ts`). */
  const searchWithCounts = async (pagefind: Pagefind, searched: SearchState) => {
    const search = (request: PagefindRequest) =>
      pagefind.search(request.term, { filters: request.filters, ...(request.sort && { sort: request.sort }) });
    const [main, separately] = await Promise.all([
      search(pagefindRequest(searched)),
      Promise.all(
        facetsCountedSeparately(searched).map(
          async (key) => [key, (await search(pagefindRequest(searched, { ignoring: key }))).filters] as const,
        ),
      ),
    ]);
    return { searched, main, separately, counts: facetCounts(searched, main.filters, Object.fromEntries(separately)) };
  };

  let searchId = 0;
  /** What the results on screen were searched for (the corrected words, when corrected). */
  let searchedLast: SearchState | undefined;
  let pending: PagefindResponse['results'] = [];
  /** True while the results are a list by filters alone, without words. */
  let browsing = false;

  /** Renders the next results; returns the first new link, to move focus to it. */
  const showNext = async (id: number): Promise<HTMLAnchorElement | undefined> => {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (id !== searchId) return undefined;
    const nodes = data.map(renderResult);
    const first = (nodes[0] as DocumentFragment | undefined)?.querySelector('a') ?? undefined;
    list.append(...nodes);
    more.hidden = pending.length === 0;
    return first;
  };

  const run = async (state: SearchState) => {
    const id = ++searchId;
    list.setAttribute('aria-busy', 'true');
    try {
      const loaded = await index;
      if (id !== searchId) return;
      if (!loaded) {
        status.textContent = import.meta.env.DEV
          ? 'The search index is made by `npm run build`; try search with `npm run build && npm run preview`.'
          : 'Search is unavailable: its index could not be loaded. Browse by severity, service or tag instead.';
        return;
      }
      const { pagefind, corrector } = loaded;
      const correctable = state.query !== '' && !state.verbatim;
      let corrected = correctable ? await corrector.correct(state.query) : undefined;
      let { searched, main, counts } = await searchWithCounts(
        pagefind,
        corrected ? { ...state, query: corrected } : state,
      );
      if (correctable && !corrected && main.results.length === 0) {
        // Nothing found although every word looked known: the filter may have been wrong, so look them all up.
        corrected = await corrector.correct(state.query, { evenKnown: true });
        if (corrected) ({ searched, main, counts } = await searchWithCounts(pagefind, { ...state, query: corrected }));
      }
      if (id !== searchId) return;
      showCorrection(state, corrected);
      showCounts(counts);
      searchedLast = searched;
      pending = main.results;
      browsing = searched.query === '';
      const total = pending.length;
      list.replaceChildren();
      await showNext(id);
      if (id !== searchId) return;
      status.textContent = resultSummary(searched, total);
    } finally {
      if (id === searchId) list.setAttribute('aria-busy', 'false');
    }
  };

  /** The latest search, so counting again waits for it. */
  let running: Promise<void> = Promise.resolve();
  const start = (state: SearchState) => {
    running = run(state);
    return running;
  };

  // A facet listed closed loads its data when first opened; the results on screen are then counted again with it.
  for (const [facet, details] of onDemand) {
    let requested = false;
    details.addEventListener('toggle', () => {
      if (!details.open || requested) return;
      requested = true;
      void (async () => {
        const loaded = await index;
        if (!loaded) return;
        await countFacets(loaded.pagefind, [facet]);
        await running;
        const id = searchId;
        if (!searchedLast) return;
        const { counts } = await searchWithCounts(loaded.pagefind, searchedLast);
        if (id === searchId) showCounts(counts);
      })();
    });
  }

  let current = readUrl();
  /** Makes the form's state the page's: a new history entry for a deliberate step, a replaced one while typing. */
  const commit = (history: 'push' | 'replace') => {
    const next = readForm();
    showActiveFilters();
    if (searchParams(next).toString() === searchParams(current).toString()) return;
    current = next;
    const url = paths.search(searchParams(next).toString());
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    void start(next);
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      commit('replace');
    }, TYPING_DELAY_MS);
  });
  form.addEventListener('change', (event) => {
    if (event.target !== input) commit('push');
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    commit('push');
  });
  required(form, '[data-clear]', HTMLButtonElement).addEventListener('click', () => {
    for (const box of checkboxes) box.checked = false;
    commit('push');
  });
  more.addEventListener('click', () => {
    void showNext(searchId).then((first) => first?.focus());
  });
  window.addEventListener('popstate', () => {
    current = readUrl();
    writeForm(current);
    showActiveFilters();
    void start(current);
  });
  // Arrow keys move from the box through the result links and back (`/` and Ctrl+K come from the theme script).
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('h2 a')];
    const at = event.target === input ? -1 : links.indexOf(event.target as HTMLAnchorElement);
    if (event.target !== input && at === -1) return;
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next >= links.length || (next < 0 && event.target === input)) return;
    event.preventDefault();
    (next < 0 ? input : links[next]!).focus();
  });

  writeForm(current);
  showActiveFilters();
  // Show the canonical form of a hand-written URL (`severity=sev1` → `severity=SEV1`).
  window.history.replaceState(null, '', paths.search(searchParams(current).toString()));
  if (!hasCriteria(current)) input.focus();
  await start(current);
}
