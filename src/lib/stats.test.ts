import { describe, expect, test } from 'vitest';
import { postmortemRecord } from '../../tests/postmortem-record';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { buildCorpus } from './corpus';
import {
  countBy,
  durationsBySeverity,
  incidentsPerMonth,
  median,
  NOT_RECORDED,
  percentile,
  recentIncidents,
  responseTimesPerQuarter,
  summariseDistribution,
} from './stats';

/** An incident starting at `startedAt` (UTC) and lasting `minutes`. */
function lasting(id: string, startedAt: string, minutes: number, fields: Record<string, unknown> = {}) {
  const resolvedAt = new Date(new Date(startedAt).getTime() + minutes * 60_000).toISOString();
  return postmortemRecord(id, { startedAt, resolvedAt, ...fields });
}

describe('percentile', () => {
  test('interpolates between the closest ranks', () => {
    // Ranks 0..4; p90 sits at rank 3.6: 120 + 0.6 × (600 − 120) = 408.
    expect(percentile([600, 30, 120, 60, 90], 0.9)).toBe(408);
    // Rank 2.7 of four values: 30 + 0.7 × (40 − 30) = 37.
    expect(percentile([10, 20, 30, 40], 0.9)).toBe(37);
    expect(percentile([10, 20, 30, 40], 1)).toBe(40);
  });

  test('returns null for no values and the value itself for one', () => {
    expect(percentile([], 0.9)).toBeNull();
    expect(percentile([42], 0.9)).toBe(42);
  });

  test('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('median', () => {
  test('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([30, 600, 90, 60, 120])).toBe(90);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([])).toBeNull();
  });
});

describe('summariseDistribution', () => {
  test('gives count, median, p90 and max', () => {
    expect(summariseDistribution([30, 60, 90, 120, 600])).toEqual({ count: 5, median: 90, p90: 408, max: 600 });
    expect(summariseDistribution([])).toEqual({ count: 0, median: null, p90: null, max: null });
  });
});

describe('incidentsPerMonth', () => {
  const records = [
    // 23:30 on 31 March in Chicago is 1 April in UTC: it counts for March.
    lasting('chicago', '2024-04-01T04:30:00Z', 30, { timezone: 'America/Chicago', severity: 'SEV1' }),
    lasting('march', '2024-03-10T10:00:00Z', 30, { severity: 'SEV3' }),
    lasting('may', '2024-05-31T10:00:00Z', 30, { severity: 'SEV3' }),
    lasting('too-old', '2024-02-29T10:00:00Z', 30),
    lasting('future', '2024-06-01T10:00:00Z', 30),
  ];
  const { items } = buildCorpus(records, DEFAULT_SEVERITY_SCALE);

  test('counts by month in each incident’s zone and by severity, empty months included', () => {
    const rows = incidentsPerMonth(items, DEFAULT_SEVERITY_SCALE, '2024-05', 3);
    expect(rows.map((row) => [row.month, row.total, row.bySeverity['SEV1'], row.bySeverity['SEV3']])).toEqual([
      ['2024-03', 2, 1, 1],
      ['2024-04', 0, 0, 0],
      ['2024-05', 1, 0, 1],
    ]);
    expect(Object.keys(rows[0]!.bySeverity)).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5']);
  });

  test('covers 24 months by default', () => {
    const rows = incidentsPerMonth(items, DEFAULT_SEVERITY_SCALE, '2024-05');
    expect(rows).toHaveLength(24);
    expect(rows[0]!.month).toBe('2022-06');
    expect(rows.reduce((sum, row) => sum + row.total, 0)).toBe(4);
  });
});

describe('durationsBySeverity', () => {
  test('gives median and p90 per level, in scale order, empty levels included', () => {
    const corpus = buildCorpus(
      [
        ...[30, 60, 90, 120, 600].map((minutes, index) =>
          lasting(`sev2-${index}`, `2024-03-0${index + 1}T10:00:00Z`, minutes, { severity: 'SEV2' }),
        ),
        lasting('sev4', '2024-03-09T10:00:00Z', 45, { severity: 'SEV4' }),
      ],
      DEFAULT_SEVERITY_SCALE,
    );
    expect(durationsBySeverity(corpus.severities).map((row) => [row.level.id, row.count, row.median, row.p90])).toEqual(
      [
        ['SEV1', 0, null, null],
        ['SEV2', 5, 90, 408],
        ['SEV3', 0, null, null],
        ['SEV4', 1, 45, 45],
        ['SEV5', 0, null, null],
      ],
    );
  });
});

describe('responseTimesPerQuarter', () => {
  test('takes medians over the incidents that recorded the moment, null where none did', () => {
    const { items } = buildCorpus(
      [
        lasting('q1-a', '2024-01-10T10:00:00Z', 120, {
          detectedAt: '2024-01-10T10:10:00Z',
          mitigatedAt: '2024-01-10T11:00:00Z',
        }),
        lasting('q1-b', '2024-02-10T10:00:00Z', 120, { detectedAt: '2024-02-10T10:30:00Z' }),
        lasting('q1-c', '2024-03-10T10:00:00Z', 120),
        lasting('q2', '2024-04-10T10:00:00Z', 120, { mitigatedAt: '2024-04-10T10:05:00Z' }),
      ],
      DEFAULT_SEVERITY_SCALE,
    );
    expect(responseTimesPerQuarter(items, '2024-05', 3)).toEqual([
      {
        quarter: '2023-Q4',
        incidents: 0,
        medianTimeToDetectMinutes: null,
        medianTimeToMitigateMinutes: null,
        detectSamples: 0,
        mitigateSamples: 0,
      },
      {
        quarter: '2024-Q1',
        incidents: 3,
        medianTimeToDetectMinutes: 20,
        medianTimeToMitigateMinutes: 60,
        detectSamples: 2,
        mitigateSamples: 1,
      },
      {
        quarter: '2024-Q2',
        incidents: 1,
        medianTimeToDetectMinutes: null,
        medianTimeToMitigateMinutes: 5,
        detectSamples: 0,
        mitigateSamples: 1,
      },
    ]);
  });
});

describe('countBy', () => {
  test('counts values, most frequent first, then by name', () => {
    const values = ['deploy', 'config-change', NOT_RECORDED, 'deploy', 'config-change', 'traffic-surge', 'deploy'];
    expect(countBy(values, (value) => value)).toEqual([
      { key: 'deploy', count: 3 },
      { key: 'config-change', count: 2 },
      { key: NOT_RECORDED, count: 1 },
      { key: 'traffic-surge', count: 1 },
    ]);
  });
});

describe('recentIncidents', () => {
  test('counts incidents of the 90 days up to the build date, by severity', () => {
    const corpus = buildCorpus(
      [
        // 90 days before 2024-06-01T00:00Z is 2024-03-03T00:00Z, which is outside the window.
        lasting('edge', '2024-03-03T00:00:00Z', 10, { severity: 'SEV1' }),
        lasting('inside', '2024-03-03T00:01:00Z', 10, { severity: 'SEV1' }),
        lasting('recent', '2024-05-31T23:00:00Z', 10, { severity: 'SEV4' }),
        lasting('after', '2024-06-01T00:01:00Z', 10, { severity: 'SEV4' }),
      ],
      DEFAULT_SEVERITY_SCALE,
    );
    const recent = recentIncidents(corpus, new Date('2024-06-01T00:00:00Z'));
    expect(recent.total).toBe(2);
    expect(recent.bySeverity.map(({ level, count }) => [level.id, count])).toEqual([
      ['SEV1', 1],
      ['SEV2', 0],
      ['SEV3', 0],
      ['SEV4', 1],
      ['SEV5', 0],
    ]);
  });
});
