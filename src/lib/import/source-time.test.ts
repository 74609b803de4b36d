import { describe, expect, test } from 'vitest';
import { formatInZone, leadingSourceTime, parseSourceTime, resolveSourceTime, zoneInPhrase } from './source-time';

describe('parseSourceTime', () => {
  test('reads a date-time with an offset as an exact moment', () => {
    expect(parseSourceTime('2024-03-14T09:12:00+01:00')).toMatchObject({
      kind: 'instant',
      instant: new Date('2024-03-14T08:12:00Z'),
    });
  });

  test('keeps a date-time without a zone local until the zone is known', () => {
    expect(parseSourceTime('2024-02-20 14:02:00')).toEqual({
      kind: 'local',
      date: '2024-02-20',
      time: '14:02',
      text: '2024-02-20 14:02:00',
    });
  });

  test('reads zone words after a time as the zone they name', () => {
    const time = parseSourceTime('June 18, 2024 10:41 AM PDT');
    expect(time && resolveSourceTime(time, 'UTC')).toEqual(new Date('2024-06-18T17:41:00Z'));
  });

  test('keeps a date alone as a date, and rejects days that do not exist', () => {
    expect(parseSourceTime('14 March 2024')).toMatchObject({ kind: 'date', date: '2024-03-14' });
    expect(parseSourceTime('2024-02-30')).toBeUndefined();
  });

  test('returns undefined for text that is more than a time', () => {
    expect(parseSourceTime('after lunch')).toBeUndefined();
    expect(parseSourceTime('09:12 the alert fired')).toBeUndefined();
  });
});

describe('leadingSourceTime', () => {
  test('splits a timeline line into its time and its event', () => {
    expect(leadingSourceTime('14:06 - Alert paged the on-call.')).toEqual({
      time: { kind: 'wall-clock', time: '14:06', zone: undefined, text: '14:06' },
      rest: 'Alert paged the on-call.',
    });
    expect(leadingSourceTime('9:05pm: Deploy started')?.time).toMatchObject({ kind: 'wall-clock', time: '21:05' });
  });
});

describe('zoneInPhrase', () => {
  test('finds the zone a heading names', () => {
    expect(zoneInPhrase('Timeline (all times in Pacific Time)')).toBe('America/Los_Angeles');
    expect(zoneInPhrase('2024-05-07 (all times UTC)')).toBe('UTC');
    expect(zoneInPhrase('Timeline')).toBeUndefined();
  });
});

describe('formatInZone', () => {
  test('writes the moment with the offset its readers saw, and Z for UTC', () => {
    const instant = new Date('2024-03-14T08:12:00Z');
    expect(formatInZone(instant, 'Europe/Berlin')).toBe('2024-03-14T09:12:00+01:00');
    expect(formatInZone(instant, 'UTC')).toBe('2024-03-14T08:12:00Z');
  });
});
