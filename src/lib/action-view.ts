/**
 * How an action item reads wherever it is shown: its state in words (overdue
 * before its status, as on `/actions/`), how far its due date is in words, and
 * the one-line tally a postmortem's key facts give.
 */
import type { ActionStatus } from './action-items';
import { daysBetween } from './due-dates';
import { plural } from './format';

/** What a reader needs to know of an item's state: an overdue item is overdue first, whatever its status. */
export type ActionState = ActionStatus | 'overdue';

/** How each state reads. */
export const ACTION_STATE_LABELS: Record<ActionState, string> = {
  overdue: 'Overdue',
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  'wont-do': "Won't do",
};

/** The part of a ledger entry these helpers read. */
export interface ActionFacts {
  action: { status: ActionStatus };
  due: { date: string };
  overdue: boolean;
}

/** The state to show: `overdue` for an outstanding item past its due date, else its status. */
export function actionState(entry: ActionFacts): ActionState {
  return entry.overdue ? 'overdue' : entry.action.status;
}

/**
 * The due date relative to `today` in words: `due today`, `due tomorrow`, `due in 3 days`,
 * `1 day overdue`, `11 days overdue`. Nothing for an item that is done or will not be done.
 */
export function relativeDue(entry: ActionFacts, today: string): string | undefined {
  if (entry.action.status === 'done' || entry.action.status === 'wont-do') return undefined;
  const days = daysBetween(today, entry.due.date);
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  if (days > 1) return `due in ${days} days`;
  return `${plural(-days, 'day')} overdue`;
}

/** The order states are counted in: what needs attention first. */
const TALLY_ORDER: readonly ActionState[] = ['overdue', 'open', 'in-progress', 'done', 'wont-do'];

/**
 * `3 action items: 2 overdue, 1 done`: every item counted once, by the state shown for it,
 * overdue first. `No action items` when there are none.
 */
export function actionTally(entries: readonly ActionFacts[]): string {
  if (entries.length === 0) return 'No action items';
  const counts = new Map<ActionState, number>();
  for (const entry of entries) counts.set(actionState(entry), (counts.get(actionState(entry)) ?? 0) + 1);
  const parts = TALLY_ORDER.filter((state) => counts.has(state)).map(
    (state) => `${counts.get(state)} ${ACTION_STATE_LABELS[state].toLowerCase()}`,
  );
  return `${plural(entries.length, 'action item')}: ${parts.join(', ')}`;
}
