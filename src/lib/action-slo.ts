/**
 * Completion within the due-date policy, per owner and per service: how long
 * action items took to close and what share closed on time. Counted from the
 * `closed` date of done items, so it measures what was written down.
 */
import { type ActionLedger, type LedgerEntry } from './action-items';
import type { PostmortemRecord } from './corpus';
import { daysBetween } from './due-dates';
import { median } from './stats';
import { localDate } from './time';

/** How one owner or service keeps to its due dates. */
export interface SloRow {
  /** Owner slug or service name. */
  key: string;
  /** Owner name or service name, for display. */
  label: string;
  /** Items done with a `closed` date. */
  closed: number;
  /** Median of the days from the incident's resolution to `closed`; `null` when none closed. */
  medianDaysToClose: number | null;
  /** Items closed on or before their due date (written or by policy). */
  closedOnTime: number;
  /** Open or in-progress items already past due: missed, though not yet closed. */
  overdue: number;
  /**
   * Closed on time ÷ (closed + overdue), from 0 to 1: an item still open past its
   * due date counts as missed. `null` when there is nothing to count.
   */
  onTimeShare: number | null;
}

/** Completion within the policy, by owner and by service, each sorted by label. */
export interface FollowThroughStats {
  byOwner: SloRow[];
  byService: SloRow[];
  /** Done items without a `closed` date: left out, since when they closed is unknown. */
  doneWithoutClosedDate: number;
}

function rowOf(key: string, label: string, entries: readonly LedgerEntry[], timeZone: string): SloRow | undefined {
  const closed = entries.filter((entry) => entry.action.status === 'done' && entry.action.closed !== undefined);
  const overdue = entries.filter((entry) => entry.overdue).length;
  if (closed.length + overdue === 0) return undefined;
  const closedOnTime = closed.filter((entry) => entry.action.closed! <= entry.due.date).length;
  return {
    key,
    label,
    closed: closed.length,
    medianDaysToClose: median(
      closed.map((entry) =>
        daysBetween(localDate(entry.source.record.data.resolvedAt, timeZone), entry.action.closed!),
      ),
    ),
    closedOnTime,
    overdue,
    onTimeShare: closedOnTime / (closed.length + overdue),
  };
}

function rowsBy(
  entries: readonly LedgerEntry[],
  keysOf: (entry: LedgerEntry) => readonly (readonly [key: string, label: string])[],
  timeZone: string,
): SloRow[] {
  const groups = new Map<string, { label: string; entries: LedgerEntry[] }>();
  for (const entry of entries) {
    for (const [key, label] of keysOf(entry)) {
      const group = groups.get(key) ?? { label, entries: [] };
      group.entries.push(entry);
      groups.set(key, group);
    }
  }
  return [...groups]
    .flatMap(([key, group]) => rowOf(key, group.label, group.entries, timeZone) ?? [])
    .sort((a, b) => a.label.localeCompare(b.label, 'en') || a.key.localeCompare(b.key));
}

/** Completion within the policy of every item of `ledger`; days are counted in `timeZone` (the site's). */
export function buildFollowThroughStats<T extends PostmortemRecord>(
  ledger: Pick<ActionLedger<T>, 'entries' | 'owners'>,
  timeZone: string,
): FollowThroughStats {
  const ownerNames = new Map(ledger.owners.map((owner) => [owner.slug, owner.name]));
  return {
    byOwner: rowsBy(ledger.entries, (entry) => [[entry.ownerSlug, ownerNames.get(entry.ownerSlug)!]], timeZone),
    byService: rowsBy(
      ledger.entries,
      (entry) => entry.source.record.data.services.map((service) => [service, service] as const),
      timeZone,
    ),
    doneWithoutClosedDate: ledger.entries.filter(
      (entry) => entry.action.status === 'done' && entry.action.closed === undefined,
    ).length,
  };
}
