/**
 * The words beside the charts and lists of the insight pages: each chart's text
 * summary (what a reader who cannot see it needs first), and short labels.
 */
import { greatest } from 'd3-array';
import type { ActionSummary } from './action-items';
import { formatMonth } from './calendar';
import { humanise, plural } from './format';
import type { SharedTraits } from './related';
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

/** Summary of the incidents-per-month chart: the total and the busiest month. */
export function describeMonthlyIncidents(rows: readonly MonthlyIncidents[]): string {
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  const span = rows.length > 0 ? `from ${formatMonth(rows[0]!.month)} to ${formatMonth(rows.at(-1)!.month)}` : '';
  // `greatest` keeps the first of equal months, so ties go to the older month.
  const busiest = greatest(rows, (a, b) => a.total - b.total);
  if (total === 0 || !busiest) return `No incidents ${span}.`;
  return `${plural(total, 'incident')} ${span}; the busiest month was ${formatMonth(busiest.month)} with ${busiest.total}.`;
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

/** Summary of a ranking chart: its leaders. */
export function describeRanking(
  entries: readonly ValueCount[],
  what: string,
  labelOf: (key: string) => string = (key) => key,
): string {
  if (entries.length === 0) return `No ${what} yet.`;
  const leaders = entries.slice(0, 3).map((entry) => `${labelOf(entry.key)} (${entry.count})`);
  return `Most frequent ${what}: ${leaders.join(', ')}.`;
}

/** Summary of action-item progress. */
export function describeCompletion(summary: ActionSummary): string {
  if (summary.total === 0) return 'No action items yet.';
  return `${formatPercent(summary.completionRate)} of action items are done (${summary.byStatus.done} of ${summary.total - summary.byStatus['wont-do']}, leaving out ${summary.byStatus['wont-do']} won't do); ${summary.outstanding} outstanding, ${summary.overdue} overdue.`;
}

/** Why a computed related incident is related: `Shares checkout, payments-api · tags: postgres · trigger: deploy`. */
export function describeShared(shared: SharedTraits): string {
  const parts = [
    shared.services.length > 0 ? `services: ${shared.services.join(', ')}` : '',
    shared.tags.length > 0 ? `tags: ${shared.tags.join(', ')}` : '',
    shared.trigger ? `trigger: ${humanise(shared.trigger)}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `Shares ${parts.join('; ')}` : '';
}
