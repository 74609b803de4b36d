/**
 * The names search shares between the build and the search page's script: facet
 * keys and the sort key. Kept apart from `search-facets.ts` on purpose: the
 * script imports this, and that module's imports (zod schemas, the time-zone
 * polyfill) would put some 150 kB into the browser.
 */

/**
 * The facets of the search page, in the order it shows them. Each key is both
 * the Pagefind filter name and the URL parameter (`/search/?severity=SEV1&service=checkout`).
 */
export const SEARCH_FACETS = [
  { key: 'severity', label: 'Severity' },
  { key: 'service', label: 'Service' },
  { key: 'tag', label: 'Tag' },
  { key: 'year', label: 'Year' },
  // Counted when opened whatever their length: few readers narrow by them first, and each file weighs
  // as much as severity's, which a first search loads (the /stats/ bars of triggers and detection link here).
  { key: 'trigger', label: 'Trigger', onDemand: true },
  { key: 'detection', label: 'Detected by', onDemand: true },
] as const;

/** A facet every site has. */
export type BuiltInFacetKey = (typeof SEARCH_FACETS)[number]['key'];
/** A facet's key: one of `SEARCH_FACETS`, or a custom field's with `facet` on. */
export type SearchFacetKey = string;

/** Values per facet: the values one postmortem carries, or the values a reader has selected. */
export type FacetValues = Record<BuiltInFacetKey, string[]> & Partial<Record<SearchFacetKey, string[]>>;

/** The Pagefind sort key: the incident's start as an ISO 8601 UTC string, which sorts correctly as text. */
export const SEARCH_SORT_KEY = 'startedAt';
