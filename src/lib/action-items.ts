/**
 * The action-item ledger: every follow-up of every published postmortem in one
 * place, with what is overdue on the build date, grouped by status and by owner.
 */
import { group } from 'd3-array';
import { slug } from 'github-slugger';
import { ACTION_ITEM_STATUSES, type ActionItem } from '../schemas/postmortem';
import type { CorpusItem, PostmortemRecord } from './corpus';

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
 * True when an outstanding item's due date is before `today` (`YYYY-MM-DD`, the
 * build date in the site's zone). An item due today is not overdue yet; one
 * without a due date never is.
 */
export function isOverdue(action: Pick<ActionItem, 'status' | 'due'>, today: string): boolean {
  return isOutstanding(action) && action.due !== undefined && action.due < today;
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
  overdue: boolean;
}

/** Entries of one status, soonest due first. */
export interface LedgerStatusGroup<T extends PostmortemRecord = PostmortemRecord> {
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
  /** All entries, soonest due first; items without a due date last. */
  entries: LedgerEntry<T>[];
  /** Sorted by name. */
  owners: OwnerLedger<T>[];
}

/**
 * Soonest due first, items without a due date last. The sort is stable, so
 * equal dates keep corpus order (newest postmortem first, then as written).
 */
export function compareByDue(a: { action: Pick<ActionItem, 'due'> }, b: { action: Pick<ActionItem, 'due'> }): number {
  if (a.action.due === b.action.due) return 0;
  if (a.action.due === undefined) return 1;
  if (b.action.due === undefined) return -1;
  return a.action.due < b.action.due ? -1 : 1;
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

/** Gathers the action items of `items` (newest first), judging overdue against `today` (`YYYY-MM-DD`). */
export function buildActionLedger<T extends PostmortemRecord>(
  items: readonly CorpusItem<T>[],
  today: string,
): ActionLedger<T> {
  const inCorpusOrder: LedgerEntry<T>[] = items.flatMap((source) =>
    source.record.data.actionItems.map((action) => ({
      action,
      source,
      ownerSlug: slug(action.owner) || 'unnamed',
      overdue: isOverdue(action, today),
    })),
  );
  // An owner's name is the spelling of the newest postmortem, so it is read before sorting by due date.
  const names = new Map<string, string>();
  for (const entry of inCorpusOrder) if (!names.has(entry.ownerSlug)) names.set(entry.ownerSlug, entry.action.owner);
  const entries = [...inCorpusOrder].sort(compareByDue);
  const owners = [...group(entries, (entry) => entry.ownerSlug)]
    .map(([ownerSlug, list]) => ({ slug: ownerSlug, name: names.get(ownerSlug)!, ...viewOf(list) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.slug.localeCompare(b.slug));
  return { entries, owners, ...viewOf(entries) };
}
