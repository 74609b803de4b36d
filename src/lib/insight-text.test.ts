import { describe, expect, test } from 'vitest';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import {
  describeCompletion,
  describeDurations,
  describeMonthlyIncidents,
  describeRanking,
  describeResponseTimes,
  formatMinutes,
  formatPercent,
} from './insight-text';

const [sev1, sev2] = DEFAULT_SEVERITY_SCALE;
const quarter = (name: string, detect: number | null, mitigate: number | null) => ({
  quarter: name,
  incidents: 1,
  medianTimeToDetectMinutes: detect,
  medianTimeToMitigateMinutes: mitigate,
  detectSamples: detect === null ? 0 : 1,
  mitigateSamples: mitigate === null ? 0 : 1,
});

describe('formatPercent', () => {
  test('rounds to a whole percent', () => {
    expect(formatPercent(0.625)).toBe('63%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBe('n/a');
  });
});

describe('formatMinutes', () => {
  test('rounds a fractional median to the minute', () => {
    expect(formatMinutes(82.5)).toBe('1 h 23 min');
    expect(formatMinutes(null)).toBe('unknown');
  });
});

describe('describeMonthlyIncidents', () => {
  const month = (name: string, total: number) => ({ month: name, bySeverity: {}, total });

  test('gives the total and the busiest month', () => {
    expect(describeMonthlyIncidents([month('2024-03', 1), month('2024-04', 0), month('2024-05', 3)])).toBe(
      '4 incidents from March 2024 to May 2024; the busiest month was May 2024 with 3.',
    );
    expect(describeMonthlyIncidents([month('2024-03', 0), month('2024-05', 0)])).toBe(
      'No incidents from March 2024 to May 2024.',
    );
  });

  test('names no busiest month when the months with incidents tie', () => {
    expect(describeMonthlyIncidents([month('2024-03', 1), month('2024-04', 0), month('2024-05', 1)])).toBe(
      '2 incidents from March 2024 to May 2024; no month stood out: each of the 2 months with incidents had 1 incident.',
    );
  });

  test('names the tied months, or counts them when there are many', () => {
    const rows = [month('2024-01', 2), month('2024-02', 1), month('2024-03', 2)];
    expect(describeMonthlyIncidents(rows)).toBe(
      '5 incidents from January 2024 to March 2024; the busiest months were January 2024 and March 2024, with 2 each.',
    );
    const many = ['01', '02', '03', '04', '05'].map((m) => month(`2024-${m}`, 2));
    expect(describeMonthlyIncidents([...many, month('2024-06', 1)])).toBe(
      '11 incidents from January 2024 to June 2024; 5 months tied as the busiest, with 2 incidents each.',
    );
  });
});

describe('describeDurations', () => {
  test('names median and p90 of each level with incidents', () => {
    const rows = [
      { level: sev1!, count: 0, median: null, p90: null, max: null },
      { level: sev2!, count: 5, median: 90, p90: 408, max: 600 },
    ];
    expect(describeDurations(rows)).toBe('SEV2: median 1 h 30 min, 90th percentile 6 h 48 min (5 incidents).');
  });
});

describe('describeResponseTimes', () => {
  test('compares the latest quarter with data against the first', () => {
    expect(
      describeResponseTimes([quarter('2024-Q1', 20, 60), quarter('2024-Q2', null, null), quarter('2024-Q3', 5, 30)]),
    ).toBe('In 2024-Q3 the median time to detect was 5 min and to mitigate 30 min, against 20 min and 1 h in 2024-Q1.');
  });

  test('says so when nothing was recorded', () => {
    expect(describeResponseTimes([quarter('2024-Q1', null, null)])).toBe(
      'No incident in these quarters recorded when it was detected or mitigated.',
    );
  });
});

describe('describeRanking', () => {
  test('names the three leaders', () => {
    const entries = [
      { key: 'monitoring-alert', count: 4 },
      { key: 'customer-report', count: 2 },
      { key: 'other', count: 1 },
      { key: 'automated-test', count: 1 },
    ];
    expect(describeRanking(entries, 'detection methods', (key) => key.replaceAll('-', ' '))).toBe(
      'Most frequent detection methods: monitoring alert (4), customer report (2); then other and automated test tied with 1 each.',
    );
    expect(describeRanking([], 'tags')).toBe('No tags yet.');
  });
});

describe('describeCompletion', () => {
  test('gives the rate with what it counts', () => {
    const summary = {
      total: 8,
      byStatus: { open: 2, 'in-progress': 1, done: 3, 'wont-do': 2 },
      outstanding: 3,
      overdue: 1,
      completionRate: 0.5,
    };
    expect(describeCompletion(summary)).toBe(
      "50% of action items are done (3 of 6, leaving out 2 won't do); 3 outstanding, 1 overdue.",
    );
  });
});
