import { describe, expect, test } from 'vitest';
import {
  facetCounts,
  facetsCountedSeparately,
  hasCriteria,
  pagefindRequest,
  parseSearchState,
  resultSummary,
  searchParams,
  type SearchState,
} from './search-state';

function state(
  fields: {
    query?: string;
    facets?: Partial<SearchState['facets']>;
    order?: SearchState['order'];
    verbatim?: boolean;
  } = {},
): SearchState {
  return {
    query: fields.query ?? '',
    facets: { severity: [], service: [], tag: [], year: [], trigger: [], detection: [], ...fields.facets },
    order: fields.order ?? 'best',
    verbatim: fields.verbatim ?? false,
  };
}

const parse = (query: string, known?: Parameters<typeof parseSearchState>[1]) =>
  parseSearchState(new URLSearchParams(query), known);

describe('parseSearchState', () => {
  test('reads verbatim=1 as the words as typed, and writes it back only with words', () => {
    expect(parse('q=postgers&verbatim=1')).toEqual(state({ query: 'postgers', verbatim: true }));
    expect(searchParams(state({ query: 'postgers', verbatim: true })).toString()).toBe('q=postgers&verbatim=1');
    expect(searchParams(state({ verbatim: true })).toString()).toBe('');
  });

  test('reads the words, every facet and the order', () => {
    expect(parse('q=nginx&severity=SEV1&service=checkout&service=edge&tag=tls&year=2024&sort=newest')).toEqual(
      state({
        query: 'nginx',
        facets: { severity: ['SEV1'], service: ['checkout', 'edge'], tag: ['tls'], year: ['2024'] },
        order: 'newest',
      }),
    );
  });

  test('collapses white space in the words and drops empty and repeated values', () => {
    expect(parse('q=%20%20connection%20%20reset%20&service=&service=edge&service=edge')).toEqual(
      state({ query: 'connection reset', facets: { service: ['edge'] } }),
    );
  });

  test('ignores unknown parameters and orders', () => {
    expect(parse('utm_source=chat&page=2&sort=random')).toEqual(state());
  });

  test('matches known facet values ignoring case and drops values the site does not have', () => {
    const known = { severity: ['SEV1', 'SEV2'], service: ['checkout'] };
    expect(parse('severity=sev1&severity=SEV9&service=Checkout&service=renamed&tag=anything', known).facets).toEqual({
      severity: ['SEV1'],
      service: ['checkout'],
      tag: ['anything'],
      year: [],
      trigger: [],
      detection: [],
    });
  });
});

describe('searchParams', () => {
  test('writes the words first, then facets in page order, leaving the default order out', () => {
    const params = searchParams(state({ query: 'nginx', facets: { service: ['checkout'], severity: ['SEV1'] } }));
    expect(params.toString()).toBe('q=nginx&severity=SEV1&service=checkout');
  });

  test('writes nothing for an empty state', () => {
    expect(searchParams(state()).toString()).toBe('');
  });

  test('round-trips through the URL', () => {
    const original = state({
      query: 'dns & "tls"',
      facets: { severity: ['SEV2', 'SEV1'], tag: ['postgres'], year: ['2023'] },
      order: 'oldest',
    });
    expect(parseSearchState(new URLSearchParams(searchParams(original).toString()))).toEqual(original);
  });
});

describe('hasCriteria', () => {
  test('is false for an empty state and true with words or any facet', () => {
    expect(hasCriteria(state({ order: 'newest' }))).toBe(false);
    expect(hasCriteria(state({ query: 'dns' }))).toBe(true);
    expect(hasCriteria(state({ facets: { year: ['2024'] } }))).toBe(true);
  });
});

describe('pagefindRequest', () => {
  test('searches the words, any of the values within a facet, all facets together, by relevance', () => {
    expect(
      pagefindRequest(state({ query: 'nginx', facets: { severity: ['SEV1', 'SEV2'], service: ['checkout'] } })),
    ).toEqual({
      term: 'nginx',
      filters: { severity: { any: ['SEV1', 'SEV2'] }, service: { any: ['checkout'] } },
    });
  });

  test('lists newest first when only facets are set', () => {
    expect(pagefindRequest(state({ facets: { tag: ['dns'] } }))).toEqual({
      term: null,
      filters: { tag: { any: ['dns'] } },
      sort: { startedAt: 'desc' },
    });
  });

  test('sorts by start date when the reader asks', () => {
    expect(pagefindRequest(state({ query: 'dns', order: 'oldest' })).sort).toEqual({ startedAt: 'asc' });
    expect(pagefindRequest(state({ query: 'dns', order: 'newest' })).sort).toEqual({ startedAt: 'desc' });
  });

  test('leaves out the facet being counted', () => {
    const request = pagefindRequest(state({ query: 'dns', facets: { severity: ['SEV1'], year: ['2024'] } }), {
      ignoring: 'severity',
    });
    expect(request.filters).toEqual({ year: { any: ['2024'] } });
  });
});

describe('facetCounts', () => {
  test('counts unselected facets from the main search and selected ones from a search without their own filter', () => {
    const selected = state({ query: 'nginx', facets: { severity: ['SEV1'] } });
    expect(facetsCountedSeparately(selected)).toEqual(['severity']);
    const main = { severity: { SEV1: 2, SEV2: 0 }, service: { checkout: 1, edge: 2 } };
    const withoutSeverity = { severity: { SEV1: 2, SEV2: 1 }, service: { checkout: 1, edge: 2, search: 1 } };
    expect(facetCounts(selected, main, { severity: withoutSeverity })).toEqual({
      severity: { SEV1: 2, SEV2: 1 },
      service: { checkout: 1, edge: 2 },
    });
  });

  test('leaves out a facet Pagefind did not count, its data not yet loaded', () => {
    const selected = state({ query: 'nginx', facets: { tag: ['tls'] } });
    expect(facetCounts(selected, { severity: { SEV1: 2 } }, { tag: { severity: { SEV1: 3 } } })).toEqual({
      severity: { SEV1: 2 },
    });
  });
});

describe('resultSummary', () => {
  test('lists every postmortem, newest first, when there are neither words nor filters', () => {
    expect(resultSummary(state(), 14)).toBe(
      'All 14 postmortems, newest first. Type words or tick a filter to narrow them.',
    );
  });

  test('counts the matches, quoting the words and mentioning filters', () => {
    expect(resultSummary(state({ query: 'nginx' }), 1)).toBe('1 postmortem matches “nginx”.');
    expect(resultSummary(state({ query: 'nginx', facets: { severity: ['SEV1'] } }), 2)).toBe(
      '2 postmortems match “nginx” with the ticked filters.',
    );
    expect(resultSummary(state({ facets: { tag: ['dns'] } }), 3)).toBe('3 postmortems match with the ticked filters.');
  });

  test('suggests a way out when nothing matches', () => {
    expect(resultSummary(state({ query: 'zzz' }), 0)).toBe(
      'No postmortem matches “zzz”. Try other words or fewer filters.',
    );
  });
});
