/**
 * The words beside the charts and lists of the insight pages: each chart's text
 * summary (what a reader who cannot see it needs first), and short labels.
 */
import type { ActionSummary } from './action-items';
import { formatMonth } from './calendar';
import { plural } from './format';
import type { MonthlyIncidents, QuarterlyResponse, SeverityDurations, ValueCount } from './stats';
import { formatDuration } from './time';

/** `0.625` → `63%`; `null` → `n/a`. */
export function formatPercent(share: number | null): string {
  return share === null ? 'n/a' : `${Math.round(share * 100)}%`;
}

/** A duration in minutes that may be fractional (a median of two values), rounded to the minute for reading. */
export function formatMinutes(minutes: number | null): string {
  return formatDuration(minutes === null ? null : Math.round(minutes));
}

/** `A`, `A and B`, `A, B and C`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/**
 * Summary of the incidents-per-month chart: the total and the busiest month, said truthfully
 * when months tie: two or three are named, more are counted, and when every month with
 * incidents had as many, no month is called the busiest.
 */
export function describeMonthlyIncidents(rows: readonly MonthlyIncidents[]): string {
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  const span = rows.length > 0 ? `from ${formatMonth(rows[0]!.month)} to ${formatMonth(rows.at(-1)!.month)}` : '';
  if (total === 0) return `No incidents ${span}.`;
  const most = Math.max(...rows.map((row) => row.total));
  const busiest = rows.filter((row) => row.total === most);
  const withIncidents = rows.filter((row) => row.total > 0).length;
  const each = plural(most, 'incident');
  let busiestText: string;
  if (busiest.length === 1) busiestText = `the busiest month was ${formatMonth(busiest[0]!.month)} with ${most}`;
  else if (busiest.length === withIncidents)
    busiestText = `no month stood out: each of the ${busiest.length} months with incidents had ${each}`;
  else if (busiest.length <= 3)
    busiestText = `the busiest months were ${listed(busiest.map((row) => formatMonth(row.month)))}, with ${most} each`;
  else busiestText = `${busiest.length} months tied as the busiest, with ${each} each`;
  return `${plural(total, 'incident')} ${span}; ${busiestText}.`;
}

/** Summary of the duration chart: median and p90 of each level that had incidents. */
export function describeDurations(rows: readonly SeverityDurations[]): string {
  const parts = rows
    .filter((row) => row.count > 0)
    .map(
      (row) =>
        `${row.level.id}: median ${formatMinutes(row.median)}, 90th percentile ${formatMinutes(row.p90)} (${plural(row.count, 'incident')})`,
    );
  return parts.length > 0 ? `${parts.join('; ')}.` : 'No incidents yet.';
}

/** Summary of the response-time chart: the latest quarter with data against the first. */
export function describeResponseTimes(rows: readonly QuarterlyResponse[]): string {
  const known = rows.filter(
    (row) => row.medianTimeToDetectMinutes !== null || row.medianTimeToMitigateMinutes !== null,
  );
  if (known.length === 0) return 'No incident in these quarters recorded when it was detected or mitigated.';
  const describe = (row: QuarterlyResponse) =>
    `in ${row.quarter} the median time to detect was ${formatMinutes(row.medianTimeToDetectMinutes)} and to mitigate ${formatMinutes(row.medianTimeToMitigateMinutes)}`;
  const first = known[0]!;
  const last = known.at(-1)!;
  const text =
    first === last
      ? describe(last)
      : `${describe(last)}, against ${formatMinutes(first.medianTimeToDetectMinutes)} and ${formatMinutes(first.medianTimeToMitigateMinutes)} in ${first.quarter}`;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * Summary of a ranking chart: its three leaders, or fewer and the tie that follows them
 * when the third place is shared (`then 4 tied with 1`), so no tied entry is singled out.
 */
export function describeRanking(
  entries: readonly ValueCount[],
  what: string,
  labelOf: (key: string) => string = (key) => key,
): string {
  if (entries.length === 0) return `No ${what} yet.`;
  const cut = entries[2]?.count;
  const tiedAtCut = cut === undefined ? [] : entries.filter((entry) => entry.count === cut);
  if (cut === undefined || tiedAtCut.length === 1 || entries.length <= 3) {
    return `Most frequent ${what}: ${entries
      .slice(0, 3)
      .map((entry) => `${labelOf(entry.key)} (${entry.count})`)
      .join(', ')}.`;
  }
  const ahead = entries.filter((entry) => entry.count > cut).map((entry) => `${labelOf(entry.key)} (${entry.count})`);
  const tie =
    tiedAtCut.length <= 3
      ? `${listed(tiedAtCut.map((entry) => labelOf(entry.key)))} tied with ${cut} each`
      : `${tiedAtCut.length} tied with ${cut} each`;
  return ahead.length > 0
    ? `Most frequent ${what}: ${ahead.join(', ')}; then ${tie}.`
    : `Most frequent ${what}: ${tie}.`;
}

/** Summary of action-item progress. */
export function describeCompletion(summary: ActionSummary): string {
  if (summary.total === 0) return 'No action items yet.';
  return `${formatPercent(summary.completionRate)} of action items are done (${summary.byStatus.done} of ${summary.total - summary.byStatus['wont-do']}, leaving out ${summary.byStatus['wont-do']} won't do); ${summary.outstanding} outstanding, ${summary.overdue} overdue.`;
}
