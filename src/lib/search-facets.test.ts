import { describe, expect, test } from 'vitest';
import { createPostmortemSchema } from '../schemas/postmortem';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { buildCorpus, type PostmortemRecord } from './corpus';
import {
  isCountedOnDemand,
  pagefindTags,
  postmortemFacets,
  postmortemSearchMeta,
  postmortemSearchText,
  searchFacetOptions,
} from './search-facets';

const schema = createPostmortemSchema({ severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC' });

function record(id: string, fields: Record<string, unknown>): PostmortemRecord {
  return {
    id,
    data: schema.parse({
      title: id,
      summary: 's',
      severity: 'SEV3',
      resolvedAt: '2024-06-01T12:00:00Z',
      services: ['api'],
      authors: ['a'],
      ...fields,
    }),
  };
}

const corpus = buildCorpus(
  [
    // 23:30 in New York on New Year's Eve is already 2024 in UTC: the incident's zone decides the year.
    record('new-year', {
      startedAt: '2023-12-31T23:30:00-05:00',
      resolvedAt: '2024-01-01T06:40:00Z',
      timezone: 'America/New_York',
      severity: 'sev1',
      services: ['Checkout', 'edge'],
      tags: ['nginx'],
      trigger: 'traffic-surge',
      detection: 'customer-report',
    }),
    record('spring', {
      startedAt: '2024-04-02T10:00:00Z',
      services: ['edge'],
      tags: ['nginx', 'tls'],
      trigger: 'config-change',
    }),
    record('summer', { startedAt: '2024-05-20T10:00:00Z', resolvedAt: '2024-05-20T10:45:00Z', services: ['search'] }),
  ],
  DEFAULT_SEVERITY_SCALE,
);
const newYear = corpus.byId.get('new-year')!;

describe('postmortemFacets', () => {
  test('gives severity, normalised services and tags, the year in the incident zone, trigger and detection', () => {
    expect(postmortemFacets(newYear)).toEqual({
      severity: ['SEV1'],
      service: ['checkout', 'edge'],
      tag: ['nginx'],
      year: ['2023'],
      trigger: ['traffic-surge'],
      detection: ['customer-report'],
    });
  });

  test('gives no trigger or detection value when the postmortem records none', () => {
    expect(postmortemFacets(corpus.byId.get('summer')!)).toMatchObject({ trigger: [], detection: [] });
  });
});

describe('postmortemSearchMeta', () => {
  test('gives what a result shows: severity and its label, start, local date, duration and summary', () => {
    expect(postmortemSearchMeta(newYear)).toEqual({
      severity: 'SEV1',
      severityLabel: 'Critical',
      startedAt: '2024-01-01T04:30:00.000Z',
      date: '31 December 2023',
      duration: '2 h 10 min',
      summary: 's',
    });
  });
});

describe('postmortemSearchText', () => {
  test('names the services, tags and trigger in words', () => {
    expect(postmortemSearchText(newYear)).toBe('Services: checkout, edge. Tags: nginx. Trigger: traffic surge.');
  });

  test('leaves out what the postmortem does not have', () => {
    expect(postmortemSearchText(corpus.byId.get('summer')!)).toBe('Services: search.');
  });
});

describe('pagefindTags', () => {
  test('tags one filter per value, the result metadata and the start date sort key', () => {
    expect(pagefindTags(newYear).map(({ kind, key, value }) => `${kind} ${key}:${value}`)).toMatchInlineSnapshot(`
      [
        "filter severity:SEV1",
        "filter service:checkout",
        "filter service:edge",
        "filter tag:nginx",
        "filter year:2023",
        "filter trigger:traffic-surge",
        "filter detection:customer-report",
        "meta severity:SEV1",
        "meta severityLabel:Critical",
        "meta startedAt:2024-01-01T04:30:00.000Z",
        "meta date:31 December 2023",
        "meta duration:2 h 10 min",
        "meta summary:s",
        "sort startedAt:2024-01-01T04:30:00.000Z",
      ]
    `);
  });
});

describe('searchFacetOptions', () => {
  test('lists every value with its count: the whole scale, services and tags by size, years newest first', () => {
    const options = searchFacetOptions(corpus);
    expect(options.severity.map(({ value, label, count }) => `${value} ${label} ${count}`)).toEqual([
      'SEV1 SEV1 Critical 1',
      'SEV2 SEV2 Major 0',
      'SEV3 SEV3 Moderate 2',
      'SEV4 SEV4 Minor 0',
      'SEV5 SEV5 Low 0',
    ]);
    expect(options.service.map(({ value, count }) => [value, count])).toEqual([
      ['edge', 2],
      ['checkout', 1],
      ['search', 1],
    ]);
    expect(options.tag.map(({ value, count }) => [value, count])).toEqual([
      ['nginx', 2],
      ['tls', 1],
    ]);
    expect(options.year).toEqual([
      { value: '2024', label: '2024', count: 2 },
      { value: '2023', label: '2023', count: 1 },
    ]);
  });

  test('lists the triggers and detection methods recorded, humanised, most common first', () => {
    const options = searchFacetOptions(corpus);
    expect(options.trigger).toEqual([
      { value: 'config-change', label: 'config change', count: 1 },
      { value: 'traffic-surge', label: 'traffic surge', count: 1 },
    ]);
    expect(options.detection).toEqual([{ value: 'customer-report', label: 'customer report', count: 1 }]);
  });
});

describe('isCountedOnDemand', () => {
  const options = (count: number) =>
    Array.from({ length: count }, (_, index) => ({ value: `v${index}`, label: `v${index}`, count: 1 }));

  test('counts a short list at once and leaves a list of more than eight values for when it is opened', () => {
    expect(isCountedOnDemand(options(5))).toBe(false);
    expect(isCountedOnDemand(options(8))).toBe(false);
    expect(isCountedOnDemand(options(9))).toBe(true);
  });
});
