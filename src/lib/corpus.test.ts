import { describe, expect, test } from 'vitest';
import { postmortemRecord } from '../../tests/postmortem-record';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { buildCorpus, incidentMetrics } from './corpus';

const record = postmortemRecord;

const records = [
  record('b', {
    startedAt: '2024-02-01T10:00:00Z',
    resolvedAt: '2024-02-01T10:30:00Z',
    severity: 'SEV1',
    services: ['api', 'db'],
    tags: ['postgres'],
    related: ['a', 'gone'],
  }),
  record('a', { tags: ['postgres', 'deploy'] }),
  record('c', { startedAt: '2024-03-01T10:00:00Z', resolvedAt: '2024-03-01T12:00:00Z', services: ['db'] }),
  record('d', { startedAt: '2024-03-01T10:00:00Z', resolvedAt: '2024-03-01T10:05:00Z', services: ['db'] }),
];
const corpus = buildCorpus(records, DEFAULT_SEVERITY_SCALE);

describe('incidentMetrics', () => {
  test('measures duration, time to detect and time to mitigate in minutes', () => {
    const data = record('x', { detectedAt: '2024-01-01T10:07:00Z', mitigatedAt: '2024-01-01T10:45:00Z' }).data;
    expect(incidentMetrics(data)).toEqual({ durationMinutes: 60, timeToDetectMinutes: 7, timeToMitigateMinutes: 45 });
  });

  test('leaves detection and mitigation unknown when not recorded', () => {
    expect(incidentMetrics(record('x', {}).data)).toMatchObject({
      timeToDetectMinutes: null,
      timeToMitigateMinutes: null,
    });
  });
});

describe('buildCorpus', () => {
  test('orders newest first, breaking ties by id', () => {
    expect(corpus.items.map((item) => item.record.id)).toEqual(['c', 'd', 'b', 'a']);
  });

  test('links each postmortem to its older and newer neighbours', () => {
    const b = corpus.byId.get('b')!;
    expect(b.newer?.id).toBe('d');
    expect(b.older?.id).toBe('a');
    expect(corpus.byId.get('c')!.newer).toBeUndefined();
    expect(corpus.byId.get('a')!.older).toBeUndefined();
  });

  test('resolves explicit related ids first, skipping ones not in this build, then computed ones', () => {
    // b links a explicitly; of the rest, c and d share its service db (3 each) and start together, so id order breaks the tie.
    expect(corpus.byId.get('b')!.related.map(({ item, explicit }) => [item.record.id, explicit])).toEqual([
      ['a', true],
      ['c', false],
      ['d', false],
    ]);
  });

  test('computes related incidents for postmortems that list none, with what they share', () => {
    // a shares service api and tag postgres with b: 3 + 2.
    expect(corpus.byId.get('a')!.related.map(({ item, shared, score }) => [item.record.id, shared, score])).toEqual([
      ['b', { services: ['api'], tags: ['postgres'], trigger: undefined, terms: [] }, 5],
    ]);
  });

  test('groups by service with counts and total downtime, largest first', () => {
    expect(
      corpus.services.map((group) => [
        group.key,
        group.items.map((item) => item.record.id),
        group.totalDurationMinutes,
      ]),
    ).toEqual([
      ['db', ['c', 'd', 'b'], 120 + 5 + 30],
      ['api', ['b', 'a'], 30 + 60],
    ]);
  });

  test('groups by tag', () => {
    expect(corpus.tags.map((group) => [group.key, group.items.length])).toEqual([
      ['postgres', 2],
      ['deploy', 1],
    ]);
  });

  test('has one severity group per level of the scale, in scale order', () => {
    expect(corpus.severities.map((group) => [group.level.id, group.items.length])).toEqual([
      ['SEV1', 1],
      ['SEV2', 0],
      ['SEV3', 3],
      ['SEV4', 0],
      ['SEV5', 0],
    ]);
  });
});
