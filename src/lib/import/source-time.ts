/**
 * Times as other tools and templates write them (`2024-03-14 09:12:00`, `09:12 PST`,
 * `March 14, 2024`), read without guessing what they leave out: a time without a
 * zone stays local until the incident's zone is known, a date stays a date.
 */
import { Temporal } from 'temporal-polyfill';
import { canonicalTimeZone, parseInstant } from '../time';

/** A time as a source wrote it. */
export type SourceTime =
  /** An exact moment: written with an offset or a zone. */
  | { kind: 'instant'; instant: Date; text: string }
  /** A date and a time with no zone: the incident's zone decides the moment. */
  | { kind: 'local'; date: string; time: string; text: string }
  /** A date alone: the day is known, the time is not. */
  | { kind: 'date'; date: string; text: string }
  /** A time of day alone (`HH:MM`), with its zone when one was written. */
  | { kind: 'wall-clock'; time: string; zone?: string | undefined; text: string };

/**
 * Zone abbreviations and names templates write after times, and the IANA zone each
 * stands for. Summer and winter spellings name the same zone: `PST` in July is read as
 * Pacific time, which is what its writer meant.
 */
const ZONE_WORDS: Record<string, string> = {
  utc: 'UTC',
  gmt: 'UTC',
  z: 'UTC',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  pt: 'America/Los_Angeles',
  pacific: 'America/Los_Angeles',
  mst: 'America/Denver',
  mdt: 'America/Denver',
  mountain: 'America/Denver',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  central: 'America/Chicago',
  est: 'America/New_York',
  edt: 'America/New_York',
  et: 'America/New_York',
  eastern: 'America/New_York',
  bst: 'Europe/London',
  cet: 'Europe/Berlin',
  cest: 'Europe/Berlin',
  jst: 'Asia/Tokyo',
  aest: 'Australia/Sydney',
  aedt: 'Australia/Sydney',
};

/** The IANA zone a word stands for (`PDT`, `utc`, `Pacific`, `Europe/Berlin`), if any. */
function zoneFromWord(word: string): string | undefined {
  const known = ZONE_WORDS[word.toLowerCase()];
  if (known) return known;
  return word.includes('/') ? canonicalTimeZone(word) : undefined;
}

/** The zone a phrase such as "all times in Pacific Time" or "(UTC)" names, if any. */
export function zoneInPhrase(phrase: string): string | undefined {
  for (const word of phrase.split(/[^A-Za-z_/]+/)) {
    if (word.length < 2) continue;
    const zone = zoneFromWord(word);
    if (zone) return zone;
  }
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `YYYY-MM-DD` from numbers, when that day exists. */
function calendarDate(year: number, month: number, day: number): string | undefined {
  try {
    return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' }).toString();
  } catch {
    return undefined;
  }
}

/** `HH:MM[:SS]` from a clock reading with an optional am/pm. */
function clockTime(hours: number, minutes: number, seconds: number, meridiem: string | undefined): string | undefined {
  let hour = hours;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.toLowerCase().startsWith('p') ? 12 : 0);
  }
  if (hour > 23 || minutes > 59 || seconds > 59) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(hour)}:${pad(minutes)}${seconds ? `:${pad(seconds)}` : ''}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
/** `March 14, 2024`, `Mar 14 2024`, `Thursday, 14 March 2024`. */
const WORDED_DATE =
  /^(?:[A-Za-z]+,?\s+)?(?:([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}))/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?/i;
const ZONE_TOKEN = /^\(?([A-Za-z]{1,9}(?:\/[A-Za-z_]+)*|[+-]\d{2}:?\d{2})\)?/;

/** A date at the start of `text`: its value and how many characters it took. */
function leadingDate(text: string): { date: string; length: number } | undefined {
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const date = calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date ? { date, length: iso[0].length } : undefined;
  }
  const worded = WORDED_DATE.exec(text);
  if (!worded) return undefined;
  const monthName = (worded[1] ?? worded[5])!.slice(0, 3).toLowerCase();
  const month = MONTHS.indexOf(monthName) + 1;
  if (month === 0) return undefined;
  const date = calendarDate(Number(worded[3] ?? worded[6]), month, Number(worded[2] ?? worded[4]));
  return date ? { date, length: worded[0].length } : undefined;
}

/** Reads a zone or offset written right after a time: an IANA zone name or `+01:00`. */
function trailingZone(text: string): { zone: string; length: number } | undefined {
  const match = ZONE_TOKEN.exec(text);
  if (!match) return undefined;
  const token = match[1]!;
  if (/^[+-]/.test(token)) {
    const offset = token.includes(':') ? token : `${token.slice(0, 3)}:${token.slice(3)}`;
    return { zone: offset, length: match[0].length };
  }
  const zone = zoneFromWord(token);
  return zone ? { zone, length: match[0].length } : undefined;
}

/** The moment a local date and time name in a zone (an IANA name or an offset such as `+01:00`). */
function instantIn(date: string, time: string, zone: string): Date {
  const local = Temporal.PlainDateTime.from(`${date}T${time}`);
  const zoned = local.toZonedDateTime(zone, { disambiguation: 'compatible' });
  return new Date(zoned.epochMilliseconds);
}

/**
 * A time at the start of `text` and the rest of the text after it, or `undefined`
 * when `text` does not start with one. Separators after the time (`-`, `:`, `|`, `—`) are skipped.
 */
export function leadingSourceTime(text: string): { time: SourceTime; rest: string } | undefined {
  const trimmed = text.trim();
  const exact = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/i.exec(trimmed);
  if (exact) {
    const instant = parseInstant(exact[0].toUpperCase());
    if (instant)
      return {
        time: { kind: 'instant', instant, text: exact[0] },
        rest: afterSeparator(trimmed.slice(exact[0].length)),
      };
  }
  let position = 0;
  const date = leadingDate(trimmed);
  if (date) position = date.length;
  const afterDate = trimmed.slice(position).replace(/^(?:,|\s+at\b|T|\s)+/i, '');
  const clock = CLOCK.exec(afterDate);
  if (!clock) {
    if (!date) return undefined;
    return {
      time: { kind: 'date', date: date.date, text: trimmed.slice(0, position) },
      rest: afterSeparator(trimmed.slice(position)),
    };
  }
  const time = clockTime(Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0), clock[4]);
  if (!time) return undefined;
  position = trimmed.length - afterDate.length + clock[0].length;
  const zoneText = trimmed.slice(position).replace(/^\s+/, '');
  const zone = trailingZone(zoneText);
  if (zone) position = trimmed.length - zoneText.length + zone.length;
  const written = trimmed.slice(0, position).trimEnd();
  const rest = afterSeparator(trimmed.slice(position));
  if (!date) return { time: { kind: 'wall-clock', time: time.slice(0, 5), zone: zone?.zone, text: written }, rest };
  if (zone) return { time: { kind: 'instant', instant: instantIn(date.date, time, zone.zone), text: written }, rest };
  return { time: { kind: 'local', date: date.date, time, text: written }, rest };
}

function afterSeparator(text: string): string {
  return text.replace(/^[\s)\]*_]*(?:[-–—:|.,]\s*)?/, '').trim();
}

/** `text` as a time when it is nothing else (a frontmatter value), or `undefined`. */
export function parseSourceTime(text: string): SourceTime | undefined {
  const found = leadingSourceTime(text);
  return found && found.rest === '' ? found.time : undefined;
}

/** The moment a source time names in `zone`, or `undefined` when it names a day or a time of day only. */
export function resolveSourceTime(time: SourceTime, zone: string): Date | undefined {
  if (time.kind === 'instant') return time.instant;
  if (time.kind === 'local') return instantIn(time.date, time.time, zone);
  return undefined;
}

/** `2024-03-14T09:12:00+01:00` (or `…Z` in UTC): the moment as its readers in `zone` saw it. */
export function formatInZone(instant: Date, zone: string): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone);
  const text = zoned.toString({ timeZoneName: 'never', smallestUnit: 'second' });
  return text.endsWith('+00:00') ? `${text.slice(0, -6)}Z` : text;
}

/** The first moment of `date` in `zone`: a day's stand-in where only the day is known. */
export function startOfDay(date: string, zone: string): Date {
  return new Date(Temporal.PlainDate.from(date).toZonedDateTime(zone).epochMilliseconds);
}
