/**
 * The state of the search page and its two encodings: the URL a reader can
 * share or bookmark (`/search/?q=nginx&severity=SEV1&service=checkout`) and the
 * request Pagefind runs. Facet values within one facet are alternatives (SEV1
 * or SEV2); different facets narrow each other (SEV1 and checkout).
 */
import { plural } from './format';
import { SEARCH_FACETS, SEARCH_SORT_KEY, type FacetValues, type SearchFacetKey } from './search-keys';

/** How results are ordered: `best` is relevance for a query, newest first when only facets are set. */
export const SEARCH_ORDERS = ['best', 'newest', 'oldest'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

/** URL parameter of the search words. Facets use their own keys (`severity`, `service`, `tag`, `year`). */
export const QUERY_PARAM = 'q';
/** URL parameter of the order; left out when it is `best`. */
export const ORDER_PARAM = 'sort';
/** URL parameter (`verbatim=1`) asking for the words as typed, without typo correction. */
const VERBATIM_PARAM = 'verbatim';

/** What a reader asked for. */
export interface SearchState {
  /** The words, with runs of white space collapsed; empty when none. */
  query: string;
  /** Selected values per facet, in the order selected, without duplicates. */
  facets: FacetValues;
  order: SearchOrder;
  /** True to search the words as typed: the "search for … instead" link after a correction. */
  verbatim: boolean;
}

/** Known values per facet, used to read URLs leniently (`severity=sev1` means `SEV1`). */
export type KnownFacetValues = Partial<Record<SearchFacetKey, readonly string[]>>;

function emptyFacets(): FacetValues {
  return { severity: [], service: [], tag: [], year: [], trigger: [], detection: [] };
}

/** The facets of a state, in page order: the built-in ones, then custom fields'. */
const facetEntries = (state: SearchState) =>
  Object.entries(state.facets).filter((entry): entry is [string, string[]] => entry[1] !== undefined);

/**
 * Reads the state from a URL's query string. Unknown parameters are ignored.
 * With `known`, a facet value is matched to a known one ignoring case, and a
 * value the site does not have (a renamed service in an old bookmark) is dropped,
 * since no checkbox could clear it. Custom fields' facets are those `known` names besides the built-in ones.
 */
export function parseSearchState(params: URLSearchParams, known: KnownFacetValues = {}): SearchState {
  const facets = emptyFacets();
  const keys = new Set([...SEARCH_FACETS.map(({ key }) => key), ...Object.keys(known)]);
  for (const key of keys) {
    const candidates = known[key];
    const selected = (facets[key] ??= []);
    for (const raw of params.getAll(key)) {
      const text = raw.trim();
      const value = candidates
        ? candidates.find((candidate) => candidate.toLowerCase() === text.toLowerCase())
        : text || undefined;
      if (value !== undefined && !selected.includes(value)) selected.push(value);
    }
  }
  const order = params.get(ORDER_PARAM);
  return {
    query: (params.get(QUERY_PARAM) ?? '').replace(/\s+/g, ' ').trim(),
    facets,
    order: SEARCH_ORDERS.find((candidate) => candidate === order) ?? 'best',
    verbatim: params.get(VERBATIM_PARAM) === '1',
  };
}

/**
 * The query string of `state` for a shareable URL (`paths.search(searchParams(state).toString())`):
 * the words first, then facets in page order; defaults are left out.
 */
export function searchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.append(QUERY_PARAM, state.query);
  if (state.query && state.verbatim) params.append(VERBATIM_PARAM, '1');
  for (const [key, values] of facetEntries(state)) {
    for (const value of values) params.append(key, value);
  }
  if (state.order !== 'best') params.append(ORDER_PARAM, state.order);
  return params;
}

/** True when the reader asked for anything: words or at least one facet value. */
export function hasCriteria(state: SearchState): boolean {
  return state.query !== '' || facetEntries(state).some(([, values]) => values.length > 0);
}

/** A Pagefind filter: any of the values. */
interface AnyOf {
  any: string[];
}

/** The arguments of `pagefind.search(term, { filters, sort })`. */
export interface PagefindRequest {
  /** `null` searches by filters alone. */
  term: string | null;
  filters: Partial<Record<SearchFacetKey, AnyOf>>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/**
 * The Pagefind search for `state`. With `ignoring`, that facet's selection is
 * left out: the search whose counts tell how many results each of its other
 * values would add.
 */
export function pagefindRequest(state: SearchState, { ignoring }: { ignoring?: SearchFacetKey } = {}): PagefindRequest {
  const filters: PagefindRequest['filters'] = {};
  for (const [key, values] of facetEntries(state)) {
    if (key !== ignoring && values.length > 0) filters[key] = { any: [...values] };
  }
  const request: PagefindRequest = { term: state.query || null, filters };
  // Relevance means nothing without words, so facet-only searches list newest first.
  const direction = state.order === 'oldest' ? 'asc' : state.order === 'newest' || !state.query ? 'desc' : undefined;
  if (direction) request.sort = { [SEARCH_SORT_KEY]: direction };
  return request;
}

/** Counts per filter value, as Pagefind returns them: `{ severity: { SEV1: 2 } }`. */
export type FilterCounts = Partial<Record<string, Record<string, number>>>;

/**
 * Facets that need a search of their own for their counts: those with a
 * selection. Their counts must come from a search without their own filter,
 * or every unselected value would show 0 although ticking it adds results.
 */
export function facetsCountedSeparately(state: SearchState): SearchFacetKey[] {
  return facetEntries(state)
    .filter(([, values]) => values.length > 0)
    .map(([key]) => key);
}

/**
 * The count to show beside every facet value: how many postmortems match the
 * words and the other facets' selections and have that value. `main` holds the
 * counts of the search for `state`; `separately` those of the searches from
 * {@link facetsCountedSeparately}. A value missing from the counts has 0; a
 * facet missing from them (its data not loaded, so Pagefind did not count it) is left out.
 */
export function facetCounts(
  state: SearchState,
  main: FilterCounts,
  separately: Partial<Record<SearchFacetKey, FilterCounts>>,
): FilterCounts {
  const counts: FilterCounts = {};
  for (const [key, values] of facetEntries(state)) {
    const counted = (values.length > 0 ? separately[key] : main)?.[key];
    if (counted) counts[key] = { ...counted };
  }
  return counts;
}

/** What the status line says about the results of `state`, for eyes and screen readers alike. */
export function resultSummary(state: SearchState, total: number): string {
  if (!hasCriteria(state))
    return `All ${plural(total, 'postmortem')}, newest first. Type words or tick a filter to narrow them.`;
  const words = state.query ? ` “${state.query}”` : '';
  const filtered = facetsCountedSeparately(state).length > 0 ? ' with the ticked filters' : '';
  if (total === 0) return `No postmortem matches${words}${filtered}. Try other words or fewer filters.`;
  return `${plural(total, 'postmortem')} ${total === 1 ? 'matches' : 'match'}${words}${filtered}.`;
}
