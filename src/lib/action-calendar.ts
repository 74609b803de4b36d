/**
 * Action items as an iCalendar feed (RFC 5545), so that an owner subscribes
 * once and sees their deadlines in their own calendar: one all-day VEVENT per
 * open or in-progress item, on its due date (written or by policy).
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { ACTION_STATUS_LABELS, isOutstanding, type LedgerEntry } from './action-items';
import type { PostmortemRecord } from './corpus';

/** What a calendar needs beyond its items. */
export interface ActionCalendarOptions {
  /** The calendar's name in the subscriber's app, e.g. "Larkspur postmortems: action items". */
  name: string;
  /** The deployed site (Astro's `site`): links are absolute, and its host makes UIDs unique worldwide. */
  site: URL;
  /** Path of a postmortem's page, by id (`paths.postmortem`). */
  postmortemPath: (id: string) => string;
  /**
   * When the calendar was made (the build date): every event's DTSTAMP, so two
   * builds of the same content give the same file.
   */
  stamp: Date;
}

/**
 * A stable UID for an item: its postmortem and its place in `actionItems`, so
 * that a calendar app updates the event (new date, new title) instead of adding another.
 */
function actionUid(entry: Pick<LedgerEntry, 'index' | 'source'>, host: string): string {
  return `${entry.source.record.id}/action-${entry.index + 1}@${host}`;
}

function description(entry: LedgerEntry, url: string): string {
  const { action, source, due } = entry;
  return [
    `Owner: ${action.owner}`,
    `Type: ${action.type}`,
    `Status: ${ACTION_STATUS_LABELS[action.status]}`,
    `Due: ${due.date}${due.byPolicy ? ' (by policy)' : ''}`,
    `Postmortem: ${source.record.data.title} (${source.severity.id}) ${url}`,
    ...(action.ticket ? [`Ticket: ${action.ticket}`] : []),
  ].join('\n');
}

/** The `.ics` text of the outstanding items among `entries`. */
export function actionCalendar<T extends PostmortemRecord>(
  entries: readonly LedgerEntry<T>[],
  options: ActionCalendarOptions,
): string {
  const host = options.site.host;
  const calendar = ical({ name: options.name, prodId: { company: host, product: 'Postmortems' } });
  for (const entry of entries) {
    if (!isOutstanding(entry.action)) continue;
    const url = new URL(options.postmortemPath(entry.source.record.id), options.site).href;
    const day = Temporal.PlainDate.from(entry.due.date);
    calendar.createEvent({
      id: actionUid(entry, host),
      start: day,
      end: day.add({ days: 1 }),
      allDay: true,
      stamp: options.stamp,
      summary: `${entry.action.title} (${entry.action.owner})`,
      description: description(entry, url),
      url,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
