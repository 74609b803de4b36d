import { describe, expect, test } from 'vitest';
import {
  canonicalTimeZone,
  formatDuration,
  formatElapsed,
  formatInstant,
  formatSpan,
  localDate,
  minutesBetween,
  parseInstant,
  resolveBuildDate,
  resolveTimelineTimes,
  timelineRows,
  zoneLabel,
} from './time';

const iso = (results: ReturnType<typeof resolveTimelineTimes>) =>
  results.map((result) => (result.ok ? result.at.toISOString() : `error: ${result.reason}`));

describe('parseInstant', () => {
  test('accepts Z and numeric offsets', () => {
    expect(parseInstant('2024-03-14T09:12:00Z')?.toISOString()).toBe('2024-03-14T09:12:00.000Z');
    expect(parseInstant('2024-03-14T09:12:00+05:30')?.toISOString()).toBe('2024-03-14T03:42:00.000Z');
    expect(parseInstant('2024-03-14T09:12:00-08:00')?.toISOString()).toBe('2024-03-14T17:12:00.000Z');
  });

  test('rejects a date-time without an offset, a bare date and garbage', () => {
    expect(parseInstant('2024-03-14T09:12:00')).toBeUndefined();
    expect(parseInstant('2024-03-14')).toBeUndefined();
    expect(parseInstant('yesterday')).toBeUndefined();
    expect(parseInstant('2024-02-30T10:00:00Z')).toBeUndefined();
  });
});

describe('canonicalTimeZone', () => {
  test('returns the canonical spelling of a known zone', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  test('keeps the current name of a renamed zone rather than the outdated one ICU resolves it to', () => {
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('asia/kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Europe/Kyiv')).toBe('Europe/Kyiv');
  });

  test('returns undefined for an unknown zone', () => {
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeUndefined();
  });
});

describe('localDate', () => {
  test('is the calendar date in the zone, not in UTC', () => {
    const instant = new Date('2024-03-14T23:30:00Z');
    expect(localDate(instant, 'UTC')).toBe('2024-03-14');
    expect(localDate(instant, 'Asia/Tokyo')).toBe('2024-03-15');
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2024-03-14');
  });
});

describe('resolveTimelineTimes', () => {
  test('places HH:MM on the local date of startedAt in the zone', () => {
    const startedAt = new Date('2024-03-14T08:12:00Z'); // 09:12 in Berlin (UTC+1)
    expect(iso(resolveTimelineTimes(['09:12', '09:40'], startedAt, 'Europe/Berlin'))).toEqual([
      '2024-03-14T08:12:00.000Z',
      '2024-03-14T08:40:00.000Z',
    ]);
  });

  test('rolls over to the next day when a time goes backwards (midnight)', () => {
    const startedAt = new Date('2024-03-20T23:30:00Z');
    expect(iso(resolveTimelineTimes(['23:30', '23:55', '00:20', '01:05'], startedAt, 'UTC'))).toEqual([
      '2024-03-20T23:30:00.000Z',
      '2024-03-20T23:55:00.000Z',
      '2024-03-21T00:20:00.000Z',
      '2024-03-21T01:05:00.000Z',
    ]);
  });

  test('rolls over as many days as the times wrap', () => {
    const startedAt = new Date('2024-01-01T22:00:00Z');
    expect(iso(resolveTimelineTimes(['22:00', '08:00', '07:00'], startedAt, 'UTC'))).toEqual([
      '2024-01-01T22:00:00.000Z',
      '2024-01-02T08:00:00.000Z',
      '2024-01-03T07:00:00.000Z',
    ]);
  });

  test('uses the local date of startedAt, which can differ from its UTC date', () => {
    // 2024-03-14T16:00Z is 01:00 on 15 March in Tokyo.
    const startedAt = new Date('2024-03-14T16:00:00Z');
    expect(iso(resolveTimelineTimes(['01:00', '02:30'], startedAt, 'Asia/Tokyo'))).toEqual([
      '2024-03-14T16:00:00.000Z',
      '2024-03-14T17:30:00.000Z',
    ]);
  });

  test('follows the offset change across a spring-forward DST transition', () => {
    // Europe/Berlin jumps from 02:00 CET to 03:00 CEST on 2024-03-31.
    const startedAt = new Date('2024-03-31T00:30:00Z'); // 01:30 CET
    expect(iso(resolveTimelineTimes(['01:30', '03:30'], startedAt, 'Europe/Berlin'))).toEqual([
      '2024-03-31T00:30:00.000Z',
      '2024-03-31T01:30:00.000Z', // one real hour later, not two
    ]);
  });

  test('moves a wall-clock time inside the DST gap forward', () => {
    const startedAt = new Date('2024-03-31T00:30:00Z');
    expect(iso(resolveTimelineTimes(['02:30'], startedAt, 'Europe/Berlin'))).toEqual(['2024-03-31T01:30:00.000Z']);
  });

  test('takes the earlier instant for a wall-clock time repeated at fall-back', () => {
    // America/New_York repeats 01:00–02:00 on 2024-11-03; 01:30 EDT is 05:30Z.
    const startedAt = new Date('2024-11-03T04:00:00Z'); // 00:00 EDT
    expect(iso(resolveTimelineTimes(['00:00', '01:30', '02:30'], startedAt, 'America/New_York'))).toEqual([
      '2024-11-03T04:00:00.000Z',
      '2024-11-03T05:30:00.000Z',
      '2024-11-03T07:30:00.000Z', // 02:30 EST
    ]);
  });

  test('takes full date-times with offsets as written', () => {
    const startedAt = new Date('2024-03-14T09:00:00Z');
    expect(iso(resolveTimelineTimes(['2024-03-14T07:55:00-01:00', '09:30'], startedAt, 'UTC'))).toEqual([
      '2024-03-14T08:55:00.000Z',
      '2024-03-14T09:30:00.000Z',
    ]);
  });

  test('reports a time that is neither HH:MM nor a date-time with offset', () => {
    const [result] = resolveTimelineTimes(['9:5'], new Date('2024-03-14T09:00:00Z'), 'UTC');
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('"HH:MM"') });
    expect(resolveTimelineTimes(['24:00'], new Date(), 'UTC')[0]!.ok).toBe(false);
    expect(resolveTimelineTimes(['2024-03-14T09:30:00'], new Date(), 'UTC')[0]!.ok).toBe(false);
  });
});

describe('minutesBetween', () => {
  test('counts whole minutes and returns null when an end is unknown', () => {
    expect(minutesBetween(new Date('2024-01-01T00:00:00Z'), new Date('2024-01-01T01:30:59Z'))).toBe(90);
    expect(minutesBetween(new Date('2024-01-01T00:00:00Z'), undefined)).toBeNull();
  });
});

describe('formatDuration', () => {
  test.each([
    [0, '0 min'],
    [45, '45 min'],
    [60, '1 h'],
    [125, '2 h 05 min'],
    [1440, '1 d'],
    [1440 * 3 + 240 + 7, '3 d 4 h'],
    [null, 'unknown'],
  ])('formats %s minutes as %s', (minutes, expected) => {
    expect(formatDuration(minutes)).toBe(expected);
  });
});

describe('formatInstant', () => {
  test('shows the local time with the zone and its UTC offset', () => {
    expect(formatInstant(new Date('2024-03-14T08:12:00Z'), 'Europe/Berlin')).toBe('2024-03-14 09:12 CET (UTC+01:00)');
    expect(formatInstant(new Date('2024-03-14T08:12:00Z'), 'Asia/Kolkata')).toBe('2024-03-14 13:42 IST (UTC+05:30)');
    expect(formatInstant(new Date('2024-07-04T16:00:00Z'), 'America/New_York')).toBe(
      '2024-07-04 12:00 EDT (UTC-04:00)',
    );
    expect(formatInstant(new Date('2024-07-04T16:00:00Z'), 'UTC')).toBe('2024-07-04 16:00 UTC');
  });
});

describe('formatSpan', () => {
  test('gives the date once for an incident within a day, and both when it spans midnight', () => {
    const start = new Date('2026-10-05T05:00:00Z');
    expect(formatSpan(start, new Date('2026-10-05T06:18:00Z'), 'Asia/Kolkata')).toBe(
      '2026-10-05 10:30\u201311:48 IST (UTC+05:30)',
    );
    expect(formatSpan(start, new Date('2026-10-05T19:00:00Z'), 'Asia/Kolkata')).toBe(
      '2026-10-05 10:30\u20132026-10-06 00:30 IST (UTC+05:30)',
    );
    expect(formatSpan(start, new Date('2026-10-05T06:18:00Z'), 'UTC')).toBe('2026-10-05 05:00\u201306:18 UTC');
  });
});

describe('zoneLabel', () => {
  test('gives the abbreviation and the offset once, the IANA name where there is no abbreviation', () => {
    const summer = new Date('2024-07-04T16:00:00Z');
    expect(zoneLabel(summer, 'Europe/Berlin')).toBe('CEST (UTC+02:00)');
    expect(zoneLabel(summer, 'Australia/Sydney')).toBe('AEST (UTC+10:00)');
    expect(zoneLabel(summer, 'Asia/Tokyo')).toBe('Asia/Tokyo (UTC+09:00)');
    expect(zoneLabel(summer, 'Asia/Kolkata')).toBe('IST (UTC+05:30)');
  });

  test('says UTC once for UTC', () => {
    expect(zoneLabel(new Date('2024-07-04T16:00:00Z'), 'UTC')).toBe('UTC');
  });
});

describe('formatElapsed', () => {
  test.each([
    [7, '+7 min'],
    [65, '+1 h 05 min'],
    [0, '+0 min'],
    [-12, '\u221212 min'],
  ])('writes %s minutes as %s', (minutes, expected) => {
    expect(formatElapsed(minutes)).toBe(expected);
  });
});

describe('timelineRows', () => {
  test('shows the date on the first row and whenever it changes', () => {
    const rows = timelineRows(
      [
        { at: new Date('2024-03-20T23:30:00Z') },
        { at: new Date('2024-03-20T23:55:00Z') },
        { at: new Date('2024-03-21T00:20:00Z') },
      ],
      'UTC',
    );
    expect(rows.map((row) => [row.date, row.time])).toEqual([
      ['2024-03-20', '23:30'],
      [undefined, '23:55'],
      ['2024-03-21', '00:20'],
    ]);
  });

  test('reports the offset in force at each entry', () => {
    const rows = timelineRows(
      [{ at: new Date('2024-03-31T00:30:00Z') }, { at: new Date('2024-03-31T01:30:00Z') }],
      'Europe/Berlin',
    );
    expect(rows.map((row) => row.offset)).toEqual(['+01:00', '+02:00']);
  });

  test('gives each row its time in UTC and the minutes since the start', () => {
    const start = new Date('2024-03-14T08:00:00Z');
    const rows = timelineRows(
      [{ at: new Date('2024-03-14T07:55:00Z') }, { at: new Date('2024-03-14T09:07:00Z') }],
      'Asia/Kolkata',
      start,
    );
    expect(rows.map((row) => [row.time, row.utcTime, row.elapsedMinutes])).toEqual([
      ['13:25', '07:55', -5],
      ['14:37', '09:07', 67],
    ]);
  });
});

describe('resolveBuildDate', () => {
  test('uses the override when given and the clock otherwise', () => {
    expect(resolveBuildDate('2024-06-01').toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(resolveBuildDate('2024-06-01T12:00:00+02:00').toISOString()).toBe('2024-06-01T10:00:00.000Z');
    expect(resolveBuildDate(undefined, () => new Date(0)).getTime()).toBe(0);
  });

  test('names the variable and the expected format on a bad value', () => {
    expect(() => resolveBuildDate('tomorrow')).toThrow(/POSTMORTEMS_BUILD_DATE is `tomorrow`/);
  });
});
