/**
 * Repeat chains: incidents of one kind, linked by "repeats an earlier one"
 * (see `findSimilar`), and how often incidents repeat, for the postmortem
 * page's notice and the recurrence figures of `/stats/`.
 */
import type { ActionItem } from '../schemas/postmortem';
import type { CorpusItem, PostmortemRecord } from './corpus';

/** Incidents of one kind: each but the first repeats an earlier one of them. */
export interface RepeatChain<T extends PostmortemRecord = PostmortemRecord> {
  /** Oldest first. */
  items: CorpusItem<T>[];
}

/**
 * The chains of a corpus: groups of incidents joined, directly or through
 * others, by repeats. Largest first, then the latest incident newest first.
 */
export function repeatChains<T extends PostmortemRecord>(
  newestFirst: readonly Pick<CorpusItem<T>, 'record' | 'repeats'>[],
): RepeatChain<T>[] {
  const positionById = new Map(newestFirst.map((item, position) => [item.record.id, position]));
  const parent = newestFirst.map((_, position) => position);
  const root = (position: number): number => {
    while (parent[position] !== position) position = parent[position] = parent[parent[position]!]!;
    return position;
  };
  newestFirst.forEach((item, position) => {
    for (const repeat of item.repeats) parent[root(positionById.get(repeat.item.record.id)!)] = root(position);
  });
  const members = new Map<number, CorpusItem<T>[]>();
  newestFirst.forEach((item, position) => {
    const key = root(position);
    members.set(key, [...(members.get(key) ?? []), item as CorpusItem<T>]);
  });
  return [...members.values()]
    .filter((items) => items.length > 1)
    .map((items) => ({ items: items.reverse() }))
    .sort((a, b) => b.items.length - a.items.length);
}

/** One incident's place in its chain: how many of this kind up to it (itself included), and the earlier ones, oldest first. */
export function placeInChain<T extends PostmortemRecord>(
  item: CorpusItem<T>,
): { ordinal: number; earlier: CorpusItem<T>[] } {
  const earlier = item.chain ? item.chain.items.slice(0, item.chain.items.indexOf(item)) : [];
  return { ordinal: earlier.length + 1, earlier };
}

/** Statuses of action items that did not happen: still open, in progress, or dropped. */
export const UNFINISHED_STATUSES: ReadonlySet<ActionItem['status']> = new Set(['open', 'in-progress', 'wont-do']);

/** The action items of `items` that did not happen (see `UNFINISHED_STATUSES`), each with its incident, in order. */
export function unfinishedActions<T extends PostmortemRecord>(
  items: readonly CorpusItem<T>[],
): { item: CorpusItem<T>; action: ActionItem }[] {
  return items.flatMap((item) =>
    item.record.data.actionItems
      .filter((action) => UNFINISHED_STATUSES.has(action.status))
      .map((action) => ({ item, action })),
  );
}
