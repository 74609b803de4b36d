import { describe, expect, test } from 'vitest';
import { CustomFieldsSchema } from '../schemas/custom-fields';
import { createPostmortemSchema } from '../schemas/postmortem';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { toApiDocument } from './api';
import { buildCorpus } from './corpus';
import { apiFieldValues, pageFieldFacts, topFieldValues } from './custom-fields';
import { pagefindTags, searchFacetList, searchFacetOptions } from './search-facets';
import { pagefindRequest, parseSearchState, searchParams } from './search-state';
import { postmortemRecord } from '../../tests/postmortem-record';
import { buildCorpusStats } from './stats';

const fields = CustomFieldsSchema.parse([
  {
    key: 'region',
    type: 'enum',
    label: 'Region',
    values: { 'eu-west-1': 'EU West', 'us-east-1': 'US East', 'ap-south-1': 'Mumbai' },
    facet: true,
    stats: true,
  },
  { key: 'incidentCommander', type: 'text', label: 'Incident commander' },
  { key: 'revenueLoss', type: 'number', label: 'Revenue lost', unit: 'EUR', api: false },
  { key: 'pagedAt', type: 'date-time', label: 'Paged at' },
  { key: 'dataLoss', type: 'boolean', label: 'Data lost', facet: true },
  { key: 'epic', type: 'url', label: 'Epic', page: false },
  { key: 'zones', type: 'list', of: 'enum', label: 'Zones', values: ['a', 'b'], facet: true },
]);
const schema = createPostmortemSchema({ severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC', fields });

const record = (id: string, values: Record<string, unknown>) =>
  postmortemRecord(
    id,
    {
      startedAt: '2024-06-01T10:00:00Z',
      resolvedAt: '2024-06-01T12:00:00Z',
      timezone: 'Europe/Berlin',
      fields: values,
    },
    schema,
  );

const corpus = buildCorpus(
  [
    record('2024-06-01-a', {
      region: 'eu-west-1',
      incidentCommander: 'Grace',
      revenueLoss: 1200,
      pagedAt: '2024-06-01T10:05:00Z',
      dataLoss: true,
      epic: 'https://jira.example.com/browse/OPS-1',
      zones: ['a', 'b'],
    }),
    record('2024-06-02-b', { region: 'us-east-1' }),
    record('2024-06-03-c', { region: 'us-east-1' }),
    record('2024-06-04-d', {}),
  ],
  DEFAULT_SEVERITY_SCALE,
);
const first = corpus.items.find((item) => item.record.id === '2024-06-01-a')!;

describe('apiFieldValues', () => {
  test('gives every field with api on, null when not set and date-times in UTC', () => {
    expect(apiFieldValues(fields, first.record.data.fields)).toEqual({
      region: 'eu-west-1',
      incidentCommander: 'Grace',
      pagedAt: '2024-06-01T10:05:00.000Z',
      dataLoss: true,
      epic: 'https://jira.example.com/browse/OPS-1',
      zones: ['a', 'b'],
    });
    const document = toApiDocument(corpus.items, (id) => id, new Date(0), fields);
    expect(document.postmortems.find((entry) => entry.id === '2024-06-04-d')?.fields).toMatchObject({
      region: null,
      incidentCommander: null,
    });
  });
});

describe('pageFieldFacts', () => {
  test("shows the set fields with page on, in the config's order and as readers read them", () => {
    expect(pageFieldFacts(fields, first.record.data.fields, 'Europe/Berlin')).toEqual([
      { key: 'region', label: 'Region', text: 'EU West' },
      { key: 'incidentCommander', label: 'Incident commander', text: 'Grace' },
      { key: 'revenueLoss', label: 'Revenue lost', text: '1200 EUR' },
      { key: 'pagedAt', label: 'Paged at', text: expect.stringContaining('12:05') },
      { key: 'dataLoss', label: 'Data lost', text: 'Yes' },
      { key: 'zones', label: 'Zones', text: 'a, b' },
    ]);
  });
});

describe('pagefindTags with custom fields', () => {
  test('files a postmortem under each value of its facet fields', () => {
    const filters = pagefindTags(first, fields)
      .filter((tag) => tag.kind === 'filter' && !['severity', 'service', 'tag', 'year'].includes(tag.key))
      .map((tag) => `${tag.key}:${tag.value}`);
    expect(filters).toEqual(['region:eu-west-1', 'dataLoss:yes', 'zones:a', 'zones:b']);
  });
});

describe('custom facets on the search page', () => {
  test('list each facet field after the built-in facets, its values with labels and counts', () => {
    expect(searchFacetList(fields).map((facet) => facet.key)).toEqual([
      'severity',
      'service',
      'tag',
      'year',
      'trigger',
      'detection',
      'region',
      'dataLoss',
      'zones',
    ]);
    const options = searchFacetOptions(corpus, fields);
    expect(options['region']).toEqual([
      { value: 'us-east-1', label: 'US East', count: 2 },
      { value: 'eu-west-1', label: 'EU West', count: 1 },
    ]);
    expect(options['dataLoss']).toEqual([{ value: 'yes', label: 'Yes', count: 1 }]);
  });

  test('read a custom facet from the URL, filter Pagefind by it and keep it in the shared URL', () => {
    const state = parseSearchState(new URLSearchParams('region=US-EAST-1&region=mars'), {
      region: ['us-east-1', 'eu-west-1'],
    });
    expect(state.facets['region']).toEqual(['us-east-1']);
    expect(pagefindRequest(state).filters).toEqual({ region: { any: ['us-east-1'] } });
    expect(searchParams(state).toString()).toBe('region=us-east-1');
  });
});

describe('topFieldValues', () => {
  test('counts each value most first, leaving out values no postmortem has', () => {
    const values = corpus.items.map((item) => item.record.data.fields);
    expect(topFieldValues(fields[0]!, values)).toEqual([
      { value: 'us-east-1', label: 'US East', count: 2 },
      { value: 'eu-west-1', label: 'EU West', count: 1 },
    ]);
  });

  test('is on the stats page for the fields with stats on only', () => {
    const stats = buildCorpusStats(corpus, '2024-06', fields);
    expect(stats.fieldValues.map(({ field, values }) => [field.key, values.length])).toEqual([['region', 2]]);
  });

  test('leaves out a field that no postmortem sets yet', () => {
    const unset = { ...fields[0]!, key: 'cloud' };
    expect(buildCorpusStats(corpus, '2024-06', [unset]).fieldValues).toEqual([]);
  });
});
