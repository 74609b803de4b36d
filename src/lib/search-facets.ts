/**
 * What search knows about a postmortem: the facets a reader narrows results by,
 * the metadata a result shows and the key results sort by. The postmortem page
 * tags itself for Pagefind with these, and the search page lists the same
 * facets, so the index and the page can never disagree on a name or a value.
 */
import type { CustomField } from '../schemas/custom-fields';
import type { Corpus, CorpusItem } from './corpus';
import { facetFieldValues, facetValueLabel } from './custom-fields';
import { humanise } from './format';
import {
  SEARCH_FACETS,
  SEARCH_SORT_KEY,
  type BuiltInFacetKey,
  type FacetValues,
  type SearchFacetKey,
} from './search-keys';
import { formatDuration, formatLongDate, localDate } from './time';

/** The facets of the search page: the built-in ones, then the site's custom fields with `facet` on. */
export function searchFacetList(
  fields: readonly CustomField[],
): { key: SearchFacetKey; label: string; onDemand?: boolean }[] {
  return [
    ...SEARCH_FACETS,
    ...fields.filter((field) => field.facet).map((field) => ({ key: field.key, label: field.label })),
  ];
}

/** Metadata stored with each postmortem in the index, so a result can show it without loading the page. */
export interface SearchResultMeta {
  /** Severity id, e.g. `SEV1`. */
  severity: string;
  /** The severity's label, e.g. `Critical`. */
  severityLabel: string;
  /** Start of the incident, ISO 8601 in UTC (for `<time datetime>`). */
  startedAt: string;
  /** Start date as readers see it, in the incident's zone, e.g. `14 March 2024`. */
  date: string;
  /** How long the incident lasted, e.g. `1 h 10 min`. */
  duration: string;
  /** The postmortem's summary: what a result shows when there are no words to excerpt around. */
  summary: string;
}

/** The year a postmortem belongs to: that of `startedAt` in the incident's zone, as the file name's date is. */
function incidentYear(data: CorpusItem['record']['data']): string {
  return localDate(data.startedAt, data.timezone).slice(0, 4);
}

/** The facet values of one postmortem, from its already-normalised frontmatter. */
export function postmortemFacets({ record: { data } }: CorpusItem): FacetValues {
  return {
    severity: [data.severity],
    service: [...data.services],
    tag: [...data.tags],
    year: [incidentYear(data)],
    trigger: data.trigger ? [data.trigger] : [],
    detection: data.detection ? [data.detection] : [],
  };
}

/** The metadata a search result shows for one postmortem. */
export function postmortemSearchMeta({ record: { data }, severity, metrics }: CorpusItem): SearchResultMeta {
  // Pagefind reads a meta value to the end of its attribute, so a summary with commas or colons is safe.
  return {
    severity: severity.id,
    severityLabel: severity.label,
    startedAt: data.startedAt.toISOString(),
    date: formatLongDate(data.startedAt, data.timezone),
    duration: formatDuration(metrics.durationMinutes),
    summary: data.summary,
  };
}

/**
 * The labels of a postmortem as a sentence for the index, so that a search for
 * a service or a tag finds it even when the body never names it. The page's
 * facts list holds the same labels but is kept out of the index: as text, its
 * times and durations would only make noisy excerpts.
 */
export function postmortemSearchText({ record: { data } }: CorpusItem): string {
  const parts = [`Services: ${data.services.join(', ')}.`];
  if (data.tags.length > 0) parts.push(`Tags: ${data.tags.join(', ')}.`);
  if (data.trigger) parts.push(`Trigger: ${humanise(data.trigger)}.`);
  return parts.join(' ');
}

/** One `data-pagefind-filter|meta|sort="key:value"` attribute. */
export interface PagefindTag {
  kind: 'filter' | 'meta' | 'sort';
  key: string;
  value: string;
}

/**
 * Everything a postmortem page tells Pagefind besides its text, one tag per
 * value (a filter with several values needs one element each), the site's
 * custom fields with `facet` on among the filters, under their keys. Values are
 * written inline after the key, where Pagefind reads them to the end, so a
 * comma or colon in a value is safe.
 */
export function pagefindTags(item: CorpusItem, fields: readonly CustomField[] = []): PagefindTag[] {
  const facets = postmortemFacets(item);
  const meta = postmortemSearchMeta(item);
  return [
    ...SEARCH_FACETS.flatMap(({ key }) => facets[key].map((value) => ({ kind: 'filter' as const, key, value }))),
    ...fields
      .filter((field) => field.facet)
      .flatMap((field) =>
        facetFieldValues(field, item.record.data.fields).map((value) => ({
          kind: 'filter' as const,
          key: field.key,
          value,
        })),
      ),
    ...(Object.keys(meta) as (keyof SearchResultMeta)[]).map((key) => ({
      kind: 'meta' as const,
      key,
      value: meta[key],
    })),
    { kind: 'sort', key: SEARCH_SORT_KEY, value: meta.startedAt },
  ];
}

/**
 * Values a facet may have and still be counted from the first search. Pagefind
 * keeps each facet's data in a file of its own that grows with the corpus (at
 * 10,000 postmortems, the service and tag files are about 50 kB each): a facet
 * with few values (severity, year) is shown open and counted at once; a longer
 * list (services, tags) waits closed, and its file loads when a reader opens it.
 */
const FACET_VALUES_COUNTED_AT_ONCE = 8;

/** True when a facet with these values is listed closed and counted only when a reader opens it. */
export function isCountedOnDemand(options: readonly FacetOption[]): boolean {
  return options.length > FACET_VALUES_COUNTED_AT_ONCE;
}

/** One checkbox of a facet on the search page. */
export interface FacetOption {
  /** The value in the index and the URL, e.g. `SEV1` or `checkout`. */
  value: string;
  /** What readers see, e.g. `SEV1 Critical`. */
  label: string;
  /** Postmortems with this value in the whole corpus. */
  count: number;
}

/** Each value `valuesOf` gives over `items`, with how many items have it and its label: most common first, then by label. */
function countedValues(
  items: Corpus['items'],
  valuesOf: (data: CorpusItem['record']['data']) => readonly string[],
  labelOf: (value: string) => string,
): FacetOption[] {
  const counts = new Map<string, number>();
  for (const item of items)
    for (const value of valuesOf(item.record.data)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, label: labelOf(value), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * Every value of every facet in the corpus with its count, in the order the
 * site lists them elsewhere: severities by the scale (empty levels too, since
 * the scale is short and fixed), services and tags by size then name, years newest first; triggers,
 * detection methods and custom fields most common first.
 */
export function searchFacetOptions(
  corpus: Pick<Corpus, 'items' | 'severities' | 'services' | 'tags'>,
  fields: readonly CustomField[] = [],
): Record<BuiltInFacetKey, FacetOption[]> & Partial<Record<SearchFacetKey, FacetOption[]>> {
  const years = new Map<string, number>();
  for (const item of corpus.items) {
    const year = incidentYear(item.record.data);
    years.set(year, (years.get(year) ?? 0) + 1);
  }
  const fromGroups = (groups: Corpus['services']) =>
    groups.map((group) => ({ value: group.key, label: group.key, count: group.items.length }));
  return {
    severity: corpus.severities.map((group) => ({
      value: group.level.id,
      label: `${group.level.id} ${group.level.label}`,
      count: group.items.length,
    })),
    service: fromGroups(corpus.services),
    tag: fromGroups(corpus.tags),
    year: [...years]
      .sort(([a], [b]) => b.localeCompare(a))
      .map(([year, count]) => ({ value: year, label: year, count })),
    trigger: countedValues(corpus.items, (data) => (data.trigger ? [data.trigger] : []), humanise),
    detection: countedValues(corpus.items, (data) => (data.detection ? [data.detection] : []), humanise),
    ...Object.fromEntries(
      fields
        .filter((field) => field.facet)
        .map((field) => [
          field.key,
          countedValues(
            corpus.items,
            (data) => facetFieldValues(field, data.fields),
            (value) => facetValueLabel(field, value),
          ),
        ]),
    ),
  };
}
