/**
 * The archive by year and month, and "On this day": postmortems from earlier
 * years on the build date's month and day. Dates are read in each incident's
 * own zone, as its readers saw them.
 */
import { group } from 'd3-array';
import { isAnniversary, localMonth } from './calendar';
import type { CorpusItem, PostmortemRecord } from './corpus';
import { localDate } from './time';

/** The postmortems of one month. */
interface ArchiveMonth<T extends PostmortemRecord = PostmortemRecord> {
  /** `YYYY-MM`. */
  month: string;
  /** Newest first. */
  items: CorpusItem<T>[];
}

/** The postmortems of one year, by month. */
export interface ArchiveYear<T extends PostmortemRecord = PostmortemRecord> {
  /** `YYYY`. */
  year: string;
  count: number;
  /** Newest first; months without incidents are left out. */
  months: ArchiveMonth<T>[];
}

const newestKeyFirst = <V>([a]: [string, V], [b]: [string, V]) => (a < b ? 1 : a > b ? -1 : 0);

/** Groups `items` (newest first) by year and month, newest first. */
export function buildArchive<T extends PostmortemRecord>(items: readonly CorpusItem<T>[]): ArchiveYear<T>[] {
  const byMonth = [...group(items, (item) => localMonth(item.record.data.startedAt, item.record.data.timezone))].sort(
    newestKeyFirst,
  );
  const byYear = group(byMonth, ([month]) => month.slice(0, 4));
  return [...byYear].map(([year, months]) => ({
    year,
    count: months.reduce((sum, [, members]) => sum + members.length, 0),
    months: months.map(([month, members]) => ({ month, items: members })),
  }));
}

/** Postmortems of earlier years that started on `today`'s month and day (`YYYY-MM-DD`), newest first. */
export function onThisDay<T extends PostmortemRecord>(items: readonly CorpusItem<T>[], today: string): CorpusItem<T>[] {
  return items.filter((item) => isAnniversary(localDate(item.record.data.startedAt, item.record.data.timezone), today));
}
