/**
 * Calendar buckets for statistics and the archive: months (`2024-03`) and
 * quarters (`2024-Q1`) as seen in a time zone, and runs of consecutive ones.
 * Built on Temporal so that month lengths and leap years follow the calendar.
 */
import { Temporal } from 'temporal-polyfill';
import { localDate } from './time';

/** The month (`YYYY-MM`) of `instant` as seen in `timeZone`. */
export function localMonth(instant: Date, timeZone: string): string {
  return localDate(instant, timeZone).slice(0, 7);
}

/** The quarter (`YYYY-Qn`) a month (`YYYY-MM`) belongs to. */
export function quarterOfMonth(month: string): string {
  const { year, month: number } = Temporal.PlainYearMonth.from(month);
  return `${year}-Q${Math.ceil(number / 3)}`;
}

/** `count` consecutive months ending with `last` (`YYYY-MM`), oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  const end = Temporal.PlainYearMonth.from(last);
  return Array.from({ length: count }, (_, index) => end.subtract({ months: count - 1 - index }).toString());
}

/** `count` consecutive quarters ending with the one holding `lastMonth` (`YYYY-MM`), oldest first. */
export function quartersEndingWith(lastMonth: string, count: number): string[] {
  const end = Temporal.PlainYearMonth.from(lastMonth);
  // Step back from the quarter's first month so that every step lands in the previous quarter.
  const firstOfQuarter = end.subtract({ months: (end.month - 1) % 3 });
  return Array.from({ length: count }, (_, index) =>
    quarterOfMonth(firstOfQuarter.subtract({ months: 3 * (count - 1 - index) }).toString()),
  );
}

// Made once: a formatter per call cost a 2,000-postmortem build 1.1 s of CPU (every postmortem page names a month).
const longMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `March 2024` for `2024-03`. */
export function formatMonth(month: string): string {
  return longMonth.format(new Date(`${month}-01T00:00:00Z`));
}

/** `Mar 2024` for `2024-03`: for chart axes, where space is short. */
export function formatShortMonth(month: string): string {
  return shortMonth.format(new Date(`${month}-01T00:00:00Z`));
}

/** `Q1 ’25` for `2025-Q1`: for chart axes, where eight quarters share a narrow width. */
export function formatShortQuarter(quarter: string): string {
  return `${quarter.slice(5)} ’${quarter.slice(2, 4)}`;
}

/** True when `date` (`YYYY-MM-DD`) is in a leap year. */
function inLeapYear(date: string): boolean {
  return Temporal.PlainDate.from(date).inLeapYear;
}

/**
 * Whether an anniversary falling on `candidate` (`YYYY-MM-DD`) is remembered on `today`:
 * the same month and day in an earlier year. An incident of 29 February is
 * remembered on 28 February in common years, so that it is not skipped three years in four.
 */
export function isAnniversary(candidate: string, today: string): boolean {
  if (candidate.slice(0, 4) >= today.slice(0, 4)) return false;
  const monthDay = candidate.slice(5);
  const todayMonthDay = today.slice(5);
  if (monthDay === todayMonthDay) return true;
  return monthDay === '02-29' && todayMonthDay === '02-28' && !inLeapYear(today);
}
