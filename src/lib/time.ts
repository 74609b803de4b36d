/**
 * Time handling for postmortems: parsing instants, resolving wall-clock timeline
 * times in an IANA zone, and formatting. Built on the Temporal API (polyfilled)
 * so that offsets and daylight-saving transitions follow the standard rules.
 */
import { Temporal } from 'temporal-polyfill';
import { quoteValue, SetupError } from './errors';

const canonicalZones = new Map<string, string | undefined>();

/**
 * Returns the IANA name of `zone` spelt as the database spells it (`europe/berlin` → `Europe/Berlin`),
 * or `undefined` when the runtime does not know it. The name the author chose is kept: `Asia/Kolkata`
 * stays `Asia/Kolkata`, where `Intl.DateTimeFormat#resolvedOptions()` would answer with ICU's outdated
 * `Asia/Calcutta` (https://tc39.es/proposal-canonical-tz/ explains the difference). Temporal keeps it.
 */
export function canonicalTimeZone(zone: string): string | undefined {
  // A corpus uses a handful of zones: ask once per zone.
  if (!canonicalZones.has(zone)) {
    try {
      canonicalZones.set(zone, Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone).timeZoneId);
    } catch {
      canonicalZones.set(zone, undefined);
    }
  }
  return canonicalZones.get(zone);
}

const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();

function zoneNameFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = zoneNameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
    zoneNameFormats.set(key, format);
  }
  return format;
}

/**
 * Parses an ISO 8601 date-time that carries an offset or `Z`.
 * A date-time without an offset is ambiguous (which zone?) and returns `undefined`.
 */
export function parseInstant(text: string): Date | undefined {
  try {
    return new Date(Temporal.Instant.from(text).epochMilliseconds);
  } catch {
    return undefined;
  }
}

/** True when `text` is a calendar date written `YYYY-MM-DD` that exists. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock time written `HH:MM` (24-hour). */
export const WALL_CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

function toZoned(instant: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
}

/** The calendar date (`YYYY-MM-DD`) of `instant` as seen in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  return toZoned(instant, timeZone).toPlainDate().toString();
}

/** A timeline time as written: `HH:MM` wall-clock or a full date-time with offset. */
export type TimelineTimeResult = { ok: true; at: Date } | { ok: false; reason: string };

/**
 * Resolves the `at` of every timeline entry to an instant.
 *
 * `HH:MM` entries are wall-clock times in `timeZone` on the local date of
 * `startedAt`; whenever one is earlier than the `HH:MM` entry before it, the
 * day rolls over (so an incident crossing midnight reads naturally).
 * Full date-times with an offset are taken as written and leave the day as it is.
 * Wall-clock times that fall in a DST gap or overlap are resolved the way
 * Temporal's `compatible` disambiguation does (later in a gap, earlier in an overlap).
 */
export function resolveTimelineTimes(
  times: readonly string[],
  startedAt: Date,
  timeZone: string,
): TimelineTimeResult[] {
  let day = toZoned(startedAt, timeZone).toPlainDate();
  let previousWallClock: Temporal.PlainTime | undefined;
  return times.map((text) => {
    const wallClock = WALL_CLOCK_PATTERN.exec(text);
    if (wallClock) {
      const time = new Temporal.PlainTime(Number(wallClock[1]), Number(wallClock[2]));
      if (previousWallClock && Temporal.PlainTime.compare(time, previousWallClock) < 0) {
        day = day.add({ days: 1 });
      }
      previousWallClock = time;
      const zoned = day.toPlainDateTime(time).toZonedDateTime(timeZone, { disambiguation: 'compatible' });
      return { ok: true, at: new Date(zoned.epochMilliseconds) };
    }
    const instant = parseInstant(text);
    if (!instant) {
      return {
        ok: false,
        reason: 'expected "HH:MM" (24-hour wall-clock) or a date-time with an offset such as "2024-03-14T09:12:00Z"',
      };
    }
    return { ok: true, at: instant };
  });
}

/** Whole minutes from `from` to `to` (rounded down), or `null` when either is unknown. */
export function minutesBetween(from: Date | undefined, to: Date | undefined): number | null {
  if (!from || !to) return null;
  return Math.floor((to.getTime() - from.getTime()) / 60_000);
}

/** Human-readable duration: `45 min`, `2 h 05 min`, `3 d 4 h`. */
export function formatDuration(minutes: number | null): string {
  if (minutes === null) return 'unknown';
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  return rest > 0 ? `${hours} h ${String(rest).padStart(2, '0')} min` : `${hours} h`;
}

/** The parts of an instant as shown to readers, in the incident's zone. */
export interface ZonedParts {
  /** `YYYY-MM-DD` in the zone. */
  date: string;
  /** `HH:MM` in the zone. */
  time: string;
  /** UTC offset in the zone at that instant, e.g. `+01:00`. */
  offset: string;
  /** The zone's short name when it has a conventional one (`CET`, `EST`), else the IANA id. */
  zoneName: string;
}

/**
 * English locales differ in which abbreviations they know (`en-US` has `EST`, `en-GB` `CET`,
 * `en-AU` `AEST`, `en-IN` `IST`): each is asked in turn.
 */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN'];

/**
 * Abbreviations already found, by zone, year and offset: one zone at one offset within a year has one name,
 * and asking four locales for it cost a 2,000-postmortem build 0.4 s of CPU.
 */
const abbreviations = new Map<string, string | undefined>();

/** The conventional abbreviation of the zone at `instant` (`CET`, `EDT`, `AEST`), if it has one. */
function abbreviation(instant: Date, timeZone: string, offset: string): string | undefined {
  const key = `${timeZone} ${instant.getUTCFullYear()} ${offset}`;
  if (abbreviations.has(key)) return abbreviations.get(key);
  let found: string | undefined;
  for (const locale of ABBREVIATION_LOCALES) {
    const name = zoneNameFormat(locale, timeZone)
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value;
    if (name && !/^(GMT|UTC)[+-]/.test(name)) {
      found = name;
      break;
    }
  }
  abbreviations.set(key, found);
  return found;
}

/** Date, time and offset of `instant` in `timeZone`: what a timeline row needs, without the zone's name (the costly part). */
function localParts(instant: Date, timeZone: string): Omit<ZonedParts, 'zoneName'> {
  const zoned = toZoned(instant, timeZone);
  return {
    date: zoned.toPlainDate().toString(),
    time: zoned.toPlainTime().toString({ smallestUnit: 'minute' }),
    offset: zoned.offset,
  };
}

/** Splits `instant` into date, time and offset as seen in `timeZone`. */
export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const parts = localParts(instant, timeZone);
  return { ...parts, zoneName: abbreviation(instant, timeZone, parts.offset) ?? timeZone };
}

/**
 * The one way a zone is labelled for readers: its abbreviation where it has one, else its IANA name,
 * with the UTC offset once: `CET (UTC+01:00)`, `Asia/Tokyo (UTC+09:00)`. A zone that is UTC reads `UTC`.
 */
export function zoneLabel(instant: Date, timeZone: string): string {
  const parts = zonedParts(instant, timeZone);
  // `UTC (UTC+00:00)` would say the same thing twice.
  if (parts.zoneName === 'UTC') return 'UTC';
  return `${parts.zoneName} (UTC${parts.offset})`;
}

/** `2024-03-14 09:12 CET (UTC+01:00)`: an instant for readers, never ambiguous. */
export function formatInstant(instant: Date, timeZone: string): string {
  const parts = localParts(instant, timeZone);
  return `${parts.date} ${parts.time} ${zoneLabel(instant, timeZone)}`;
}

/** `+7 min`, `+1 h 05 min`, `−12 min` (before the start): how long after the start something happened. */
export function formatElapsed(minutes: number): string {
  return minutes < 0 ? `\u2212${formatDuration(-minutes)}` : `+${formatDuration(minutes)}`;
}

/**
 * When an incident happened, start to end in its zone with the zone labelled once:
 * `2026-10-05 10:30–11:48 IST (UTC+05:30)`, or with both dates when it spans midnight.
 */
export function formatSpan(start: Date, end: Date, timeZone: string): string {
  const from = localParts(start, timeZone);
  const to = localParts(end, timeZone);
  const until = from.date === to.date ? to.time : `${to.date} ${to.time}`;
  return `${from.date} ${from.time}\u2013${until} ${zoneLabel(start, timeZone)}`;
}

const longDateFormats = new Map<string, Intl.DateTimeFormat>();

/** Long human date in the zone, e.g. `14 March 2024`. */
export function formatLongDate(instant: Date, timeZone: string): string {
  // Every list shows dates: building a formatter per call cost a 10,000-postmortem build tens of seconds.
  let format = longDateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
    longDateFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** A timeline entry as a row of the rendered timeline. */
export interface TimelineRow<T extends { at: Date }> {
  entry: T;
  /** The local date, present on the first row and whenever the date changes. */
  date: string | undefined;
  /** `HH:MM` in the zone. */
  time: string;
  /** UTC offset at that moment, e.g. `+01:00` (it can change within an incident at DST). */
  offset: string;
  /** `HH:MM` in UTC, for readers elsewhere. */
  utcTime: string;
  /** Whole minutes since `startedAt` (negative before it), when a start was given. */
  elapsedMinutes: number | undefined;
}

/** Lays out timeline entries for display in `timeZone`, showing the date only when it changes. */
export function timelineRows<T extends { at: Date }>(
  entries: readonly T[],
  timeZone: string,
  startedAt?: Date,
): TimelineRow<T>[] {
  let previousDate: string | undefined;
  return entries.map((entry) => {
    const parts = localParts(entry.at, timeZone);
    const date = parts.date === previousDate ? undefined : parts.date;
    previousDate = parts.date;
    const elapsedMinutes = startedAt ? Math.round((entry.at.getTime() - startedAt.getTime()) / 60_000) : undefined;
    return {
      entry,
      date,
      time: parts.time,
      offset: parts.offset,
      utcTime: entry.at.toISOString().slice(11, 16),
      elapsedMinutes,
    };
  });
}

/** The build's reference time from an optional ISO 8601 override; throws a clear error on a bad value. */
export function resolveBuildDate(override: string | undefined, now: () => Date = () => new Date()): Date {
  if (!override) return now();
  const instant =
    parseInstant(override) ?? (isCalendarDate(override) ? parseInstant(`${override}T00:00:00Z`) : undefined);
  if (!instant) {
    throw new SetupError(
      `POSTMORTEMS_BUILD_DATE is ${quoteValue(override, 80)}, which is not a date`,
      'Set it to a date such as 2024-06-01 or a date-time with an offset such as 2024-06-01T12:00:00Z, or unset it to use the current time.',
    );
  }
  return instant;
}
