/**
 * How often incidents repeat, for `/stats/`: the share of incidents that repeat
 * an earlier one (see `findSimilar`) started within the year before, per
 * quarter and per service, and the chains with the most repeats.
 */
import { localMonth, quarterOfMonth, quartersEndingWith } from './calendar';
import type { Corpus, CorpusItem, PostmortemRecord } from './corpus';
import type { RepeatChain } from './repeats';
import { STATS_QUARTERS, TOP_LIMIT } from './stats';

/** A repeat counts for the figures when the earlier incident started at most this long before. */
export const REPEAT_WINDOW_DAYS = 365;

/** Chains listed on `/stats/`. */
const CHAINS_LISTED = 5;

/** Incidents of one quarter or service and how many of them repeat an earlier one. */
export interface RecurrenceRow {
  key: string;
  incidents: number;
  repeating: number;
  /** `repeating / incidents`; `null` without incidents. */
  share: number | null;
}

/** What the recurrence figures of `/stats/` show. */
export interface Recurrence<T extends PostmortemRecord = PostmortemRecord> {
  /** All incidents and those repeating one of the year before. */
  incidents: number;
  repeating: number;
  /** The `STATS_QUARTERS` quarters ending with the build's. */
  perQuarter: RecurrenceRow[];
  /** Services, most repeats first (then the higher share, then the most incidents, then the name), at most `TOP_LIMIT`. */
  perService: RecurrenceRow[];
  /** The longest chains (then the most recent), at most `CHAINS_LISTED`. */
  chains: RepeatChain<T>[];
}

/** Whether `item` repeats an earlier incident that started within `REPEAT_WINDOW_DAYS` before it. */
function repeatsWithinWindow(item: CorpusItem): boolean {
  const started = item.record.data.startedAt.getTime();
  return item.repeats.some(
    (repeat) => started - repeat.item.record.data.startedAt.getTime() <= REPEAT_WINDOW_DAYS * 86_400_000,
  );
}

function row(key: string, items: readonly CorpusItem[]): RecurrenceRow {
  const repeating = items.filter(repeatsWithinWindow).length;
  return { key, incidents: items.length, repeating, share: items.length > 0 ? repeating / items.length : null };
}

/** The recurrence figures of `corpus`, with quarters ending with the one holding `lastMonth`. */
export function buildRecurrence<T extends PostmortemRecord>(corpus: Corpus<T>, lastMonth: string): Recurrence<T> {
  const quarterOf = (item: CorpusItem) =>
    quarterOfMonth(localMonth(item.record.data.startedAt, item.record.data.timezone));
  const chains = [...new Set(corpus.items.flatMap((item) => (item.chain ? [item.chain] : [])))];
  const latest = (chain: RepeatChain<T>) => chain.items.at(-1)!.record.data.startedAt.getTime();
  return {
    incidents: corpus.items.length,
    repeating: corpus.items.filter(repeatsWithinWindow).length,
    perQuarter: quartersEndingWith(lastMonth, STATS_QUARTERS).map((quarter) =>
      row(
        quarter,
        corpus.items.filter((item) => quarterOf(item) === quarter),
      ),
    ),
    perService: corpus.services
      .map((group) => row(group.key, group.items))
      .sort(
        (a, b) =>
          b.repeating - a.repeating || b.share! - a.share! || b.incidents - a.incidents || a.key.localeCompare(b.key),
      )
      .slice(0, TOP_LIMIT),
    chains: chains.sort((a, b) => b.items.length - a.items.length || latest(b) - latest(a)).slice(0, CHAINS_LISTED),
  };
}
