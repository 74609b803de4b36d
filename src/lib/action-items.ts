/**
 * The action-item ledger: every follow-up of every published postmortem in one
 * place, with what is overdue on the build date, grouped by status and by owner.
 */
import { group } from 'd3-array';
import { slug } from 'github-slugger';
import { ACTION_ITEM_STATUSES, type ActionItem } from '../schemas/postmortem';
import type { CorpusItem, PostmortemRecord } from './corpus';
import { daysBetween, resolveDueDate, type DueDate, type DuePolicy } from './due-dates';

/** Where an action item stands: `open`, `in-progress`, `done` or `wont-do`. */
export type ActionStatus = ActionItem['status'];

/** How each status reads on a page. */
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  'wont-do': "Won't do",
};

/** True while there is still work to do: `open` or `in-progress`. */
export function isOutstanding(action: Pick<ActionItem, 'status'>): boolean {
  return action.status === 'open' || action.status === 'in-progress';
}

/**
 * Days an outstanding item is past its `due` date (`YYYY-MM-DD`, written or by
 * policy) on `today` (the site's date, see `siteToday`); 0 when it is not overdue.
 * An item due today is not overdue yet. The one place overdue is decided: the
 * ledger, `check`, `npm run actions` and the calendars all ask it.
 */
export function daysOverdue(action: Pick<ActionItem, 'status'>, due: string, today: string): number {
  return isOutstanding(action) && due < today ? daysBetween(due, today) : 0;
}

/** True when an outstanding item's `due` date is before `today` (see `daysOverdue`). */
export function isOverdue(action: Pick<ActionItem, 'status'>, due: string, today: string): boolean {
  return daysOverdue(action, due, today) > 0;
}

/** Counts of a set of action items. */
export interface ActionSummary {
  total: number;
  byStatus: Record<ActionStatus, number>;
  /** Open or in progress. */
  outstanding: number;
  overdue: number;
  /**
   * Share of items done, from 0 to 1, counting only items that were meant to be
   * done: `wont-do` items are decisions not to, so they are left out of both sides.
   * `null` when no item counts.
   */
  completionRate: number | null;
}

/** Done ÷ (all − won't do), or `null` when nothing is left to count. */
export function completionRate(byStatus: Record<ActionStatus, number>): number | null {
  const meant = byStatus.open + byStatus['in-progress'] + byStatus.done;
  return meant === 0 ? null : byStatus.done / meant;
}

/** Counts `entries` by status, outstanding and overdue. */
export function summariseActions(
  entries: readonly { action: Pick<ActionItem, 'status'>; overdue: boolean }[],
): ActionSummary {
  const byStatus = Object.fromEntries(ACTION_ITEM_STATUSES.map((status) => [status, 0])) as Record<
    ActionStatus,
    number
  >;
  for (const { action } of entries) byStatus[action.status] += 1;
  return {
    total: entries.length,
    byStatus,
    outstanding: byStatus.open + byStatus['in-progress'],
    overdue: entries.filter((entry) => entry.overdue).length,
    completionRate: completionRate(byStatus),
  };
}

/** One action item in the ledger, with the postmortem it belongs to. */
export interface LedgerEntry<T extends PostmortemRecord = PostmortemRecord> {
  action: ActionItem;
  source: CorpusItem<T>;
  /** The owner as it appears in URLs: `Payments Platform team` → `payments-platform-team`. */
  ownerSlug: string;
  /** Where in the postmortem's `actionItems` the item is (0-based): with the id, it names the item. */
  index: number;
  /** The item's due date, written or by policy. */
  due: DueDate;
  overdue: boolean;
  /** Days past due on the ledger's date; 0 unless overdue. */
  daysOverdue: number;
}

/** Entries of one status, soonest due first. */
interface LedgerStatusGroup<T extends PostmortemRecord = PostmortemRecord> {
  status: ActionStatus;
  entries: LedgerEntry<T>[];
}

/** A set of action items as a page shows it: counts, then groups by status. */
export interface LedgerView<T extends PostmortemRecord = PostmortemRecord> {
  summary: ActionSummary;
  /** One group per status in the schema's order (open, in progress, done, won't do), empty ones included. */
  groups: LedgerStatusGroup<T>[];
}

/** The items of one owner. Owners whose names differ only in case or punctuation are one owner. */
export interface OwnerLedger<T extends PostmortemRecord = PostmortemRecord> extends LedgerView<T> {
  slug: string;
  /** The spelling met first (newest postmortem first). */
  name: string;
}

/** Every action item of the corpus. */
export interface ActionLedger<T extends PostmortemRecord = PostmortemRecord> extends LedgerView<T> {
  /** The ledger's date (`YYYY-MM-DD`, the site's today): what overdue is judged against. */
  today: string;
  /** All entries, soonest due first. */
  entries: LedgerEntry<T>[];
  /** The entries of each postmortem, by id, in the order written. */
  byPostmortem: Map<string, LedgerEntry<T>[]>;
  /** Sorted by name. */
  owners: OwnerLedger<T>[];
}

/**
 * Soonest due first (written or by policy). The sort is stable, so equal dates
 * keep corpus order (newest postmortem first, then as written).
 */
export function compareByDue(a: { due: Pick<DueDate, 'date'> }, b: { due: Pick<DueDate, 'date'> }): number {
  if (a.due.date === b.due.date) return 0;
  return a.due.date < b.due.date ? -1 : 1;
}

function viewOf<T extends PostmortemRecord>(entries: LedgerEntry<T>[]): LedgerView<T> {
  return {
    summary: summariseActions(entries),
    groups: ACTION_ITEM_STATUSES.map((status) => ({
      status,
      entries: entries.filter((entry) => entry.action.status === status),
    })),
  };
}

/**
 * Gathers the action items of `items` (newest first), giving undated ones the
 * `policy`'s date and judging overdue against `today` (`YYYY-MM-DD`, see `siteToday`).
 */
export function buildActionLedger<T extends PostmortemRecord>(
  items: readonly CorpusItem<T>[],
  { today, policy }: { today: string; policy: DuePolicy },
): ActionLedger<T> {
  const byPostmortem = new Map<string, LedgerEntry<T>[]>();
  const inCorpusOrder: LedgerEntry<T>[] = items.flatMap((source) => {
    const entries = source.record.data.actionItems.map((action, index) => {
      const due = resolveDueDate(action, source.record.data, policy);
      const days = daysOverdue(action, due.date, today);
      return {
        action,
        source,
        ownerSlug: slug(action.owner) || 'unnamed',
        index,
        due,
        overdue: days > 0,
        daysOverdue: days,
      };
    });
    byPostmortem.set(source.record.id, entries);
    return entries;
  });
  // An owner's name is the spelling of the newest postmortem, so it is read before sorting by due date.
  const names = new Map<string, string>();
  for (const entry of inCorpusOrder) if (!names.has(entry.ownerSlug)) names.set(entry.ownerSlug, entry.action.owner);
  const entries = [...inCorpusOrder].sort(compareByDue);
  const owners = [...group(entries, (entry) => entry.ownerSlug)]
    .map(([ownerSlug, list]) => ({ slug: ownerSlug, name: names.get(ownerSlug)!, ...viewOf(list) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.slug.localeCompare(b.slug));
  return { today, entries, byPostmortem, owners, ...viewOf(entries) };
}
