import { describe, expect, test } from 'vitest';
import { postmortemRecord } from '../../tests/postmortem-record';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { buildArchive, onThisDay } from './archive';
import { buildCorpus } from './corpus';

const at = (id: string, startedAt: string, timezone = 'UTC') =>
  postmortemRecord(id, {
    startedAt,
    resolvedAt: new Date(new Date(startedAt).getTime() + 3_600_000).toISOString(),
    timezone,
  });

const { items } = buildCorpus(
  [
    at('2022-06-01-a', '2022-06-01T12:00:00Z'),
    at('2023-06-01-b', '2023-06-01T12:00:00Z'),
    // 1 June 2023 in Tokyo, still 31 May in UTC.
    at('2023-06-01-tokyo', '2023-05-31T20:00:00Z', 'Asia/Tokyo'),
    at('2023-12-31-c', '2023-12-31T12:00:00Z'),
    at('2024-01-15-d', '2024-01-15T12:00:00Z'),
    at('2024-06-01-today', '2024-06-01T08:00:00Z'),
  ],
  DEFAULT_SEVERITY_SCALE,
);

describe('buildArchive', () => {
  test('groups by year and month in each incident’s zone, newest first', () => {
    expect(
      buildArchive(items).map((year) => [
        year.year,
        year.count,
        year.months.map((month) => [month.month, month.items.map((item) => item.record.id)]),
      ]),
    ).toEqual([
      [
        '2024',
        2,
        [
          ['2024-06', ['2024-06-01-today']],
          ['2024-01', ['2024-01-15-d']],
        ],
      ],
      [
        '2023',
        3,
        [
          ['2023-12', ['2023-12-31-c']],
          ['2023-06', ['2023-06-01-b', '2023-06-01-tokyo']],
        ],
      ],
      ['2022', 1, [['2022-06', ['2022-06-01-a']]]],
    ]);
  });

  test('is empty for no postmortems', () => {
    expect(buildArchive([])).toEqual([]);
  });
});

describe('onThisDay', () => {
  test('lists earlier years’ incidents on the same local month and day, newest first', () => {
    expect(onThisDay(items, '2024-06-01').map((item) => item.record.id)).toEqual([
      '2023-06-01-b',
      '2023-06-01-tokyo',
      '2022-06-01-a',
    ]);
  });

  test('is empty on a day with no anniversaries', () => {
    expect(onThisDay(items, '2024-06-02')).toEqual([]);
  });
});
