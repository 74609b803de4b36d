/**
 * Statistics across incidents for the stats page and the home page: how many
 * and how severe, how long they lasted, how fast they were detected and
 * mitigated, what they had in common. Percentiles and grouping come from d3-array.
 */
import { ascending, quantileSorted, rollup } from 'd3-array';
import type { SeverityLevel } from '../schemas/severity';
import { localMonth, monthsEndingWith, quarterOfMonth, quartersEndingWith } from './calendar';
import type { Corpus, CorpusItem } from './corpus';
import type { CustomField } from '../schemas/custom-fields';
import { topFieldValues, type TopValue } from './custom-fields';

/** How many months the incidents-per-month chart covers, ending with the build date's month. */
export const STATS_MONTHS = 24;
/** How many quarters the response-time chart covers, ending with the build date's quarter. */
export const STATS_QUARTERS = 8;
/** How many services and tags the "top" lists show. */
export const TOP_LIMIT = 10;
/** The home page's "recent" window. */
const RECENT_DAYS = 90;

/**
 * The `p`-quantile (0–1) of `values`, interpolating linearly between the
 * closest ranks (the R-7 method of d3-array, NumPy and spreadsheets), or `null` for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  const value = quantileSorted([...values].sort(ascending), p);
  // Rounded to a thousandth so that interpolation noise (408.00000000000006) never reaches a page or a test.
  return value === undefined ? null : Math.round(value * 1000) / 1000;
}

/** The middle value (mean of the two middle ones for an even count), or `null` for no values. */
export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}

/** A distribution in brief: percentiles, not means, because incident durations have long tails. */
export interface DistributionSummary {
  count: number;
  median: number | null;
  p90: number | null;
  max: number | null;
}

/** Summarises `values`; every field but `count` is `null` when there are none. */
export function summariseDistribution(values: readonly number[]): DistributionSummary {
  return { count: values.length, median: median(values), p90: percentile(values, 0.9), max: percentile(values, 1) };
}

/** Incidents that started in one month (in each incident's own zone), by severity id. */
export interface MonthlyIncidents {
  /** `YYYY-MM`. */
  month: string;
  bySeverity: Record<string, number>;
  total: number;
}

/** Incidents per month for the `months` months ending with `lastMonth` (`YYYY-MM`), oldest first, empty months included. */
export function incidentsPerMonth(
  items: readonly CorpusItem[],
  severities: readonly SeverityLevel[],
  lastMonth: string,
  months = STATS_MONTHS,
): MonthlyIncidents[] {
  const rows = monthsEndingWith(lastMonth, months).map((month) => ({
    month,
    bySeverity: Object.fromEntries(severities.map((level) => [level.id, 0])),
    total: 0,
  }));
  const rowByMonth = new Map(rows.map((row) => [row.month, row]));
  for (const { record } of items) {
    const row = rowByMonth.get(localMonth(record.data.startedAt, record.data.timezone));
    if (!row) continue;
    row.bySeverity[record.data.severity] = (row.bySeverity[record.data.severity] ?? 0) + 1;
    row.total += 1;
  }
  return rows;
}

/** How long incidents of one severity lasted, in minutes. */
export interface SeverityDurations extends DistributionSummary {
  level: SeverityLevel;
}

/** Duration distribution per level of the scale, in scale order, empty levels included. */
export function durationsBySeverity(severities: Corpus['severities']): SeverityDurations[] {
  return severities.map((group) => ({
    level: group.level,
    ...summariseDistribution(group.items.map((item) => item.metrics.durationMinutes)),
  }));
}

/** Median response times of the incidents that started in one quarter. */
export interface QuarterlyResponse {
  /** `YYYY-Qn`. */
  quarter: string;
  incidents: number;
  /** `null` when no incident of the quarter recorded when it was detected. */
  medianTimeToDetectMinutes: number | null;
  /** `null` when no incident of the quarter recorded when it was mitigated. */
  medianTimeToMitigateMinutes: number | null;
  /** How many incidents the medians are taken over (the others did not record the moment). */
  detectSamples: number;
  mitigateSamples: number;
}

/** Median time to detect and to mitigate per quarter, for the `quarters` quarters ending with the one holding `lastMonth`. */
export function responseTimesPerQuarter(
  items: readonly CorpusItem[],
  lastMonth: string,
  quarters = STATS_QUARTERS,
): QuarterlyResponse[] {
  const byQuarter = rollup(
    items,
    (members) => members.map((item) => item.metrics),
    (item) => quarterOfMonth(localMonth(item.record.data.startedAt, item.record.data.timezone)),
  );
  return quartersEndingWith(lastMonth, quarters).map((quarter) => {
    const metrics = byQuarter.get(quarter) ?? [];
    const detect = metrics.flatMap((metric) => metric.timeToDetectMinutes ?? []);
    const mitigate = metrics.flatMap((metric) => metric.timeToMitigateMinutes ?? []);
    return {
      quarter,
      incidents: metrics.length,
      medianTimeToDetectMinutes: median(detect),
      medianTimeToMitigateMinutes: median(mitigate),
      detectSamples: detect.length,
      mitigateSamples: mitigate.length,
    };
  });
}

/** How often one value occurs. */
export interface ValueCount {
  key: string;
  count: number;
}

/** Counts of `keyOf` over `items`, most frequent first, then by key. */
export function countBy<T>(items: readonly T[], keyOf: (item: T) => string): ValueCount[] {
  return [...rollup(items, (members) => members.length, keyOf)]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Key used for incidents that leave an optional field (detection, trigger) empty. */
export const NOT_RECORDED = 'not-recorded';

/** Incidents of a recent window, by severity. */
export interface RecentIncidents {
  days: number;
  total: number;
  /** In scale order, zero counts included. */
  bySeverity: { level: SeverityLevel; count: number }[];
}

/** Incidents that started in the `days` days up to `until` (the build date), by severity. */
export function recentIncidents(corpus: Pick<Corpus, 'severities'>, until: Date, days = RECENT_DAYS): RecentIncidents {
  const since = until.getTime() - days * 24 * 60 * 60 * 1000;
  const isRecent = (item: CorpusItem) =>
    item.record.data.startedAt.getTime() > since && item.record.data.startedAt <= until;
  const bySeverity = corpus.severities.map((group) => ({
    level: group.level,
    count: group.items.filter(isRecent).length,
  }));
  return { days, total: bySeverity.reduce((sum, { count }) => sum + count, 0), bySeverity };
}

/** Everything the stats page shows. */
export interface CorpusStats {
  incidents: number;
  perMonth: MonthlyIncidents[];
  durations: SeverityDurations[];
  responseTimes: QuarterlyResponse[];
  topServices: ValueCount[];
  topTags: ValueCount[];
  detectionMethods: ValueCount[];
  triggers: ValueCount[];
  /** A top-values chart per custom field with `stats` on, in the config's order. */
  fieldValues: { field: CustomField; values: TopValue[] }[];
}

/** Computes the stats page's figures for `corpus`, with windows ending in `lastMonth` (the build date's month). */
export function buildCorpusStats(corpus: Corpus, lastMonth: string, fields: readonly CustomField[] = []): CorpusStats {
  const severities = corpus.severities.map((group) => group.level);
  const top = (groups: Corpus['tags']) =>
    groups.slice(0, TOP_LIMIT).map((group) => ({ key: group.key, count: group.items.length }));
  return {
    incidents: corpus.items.length,
    perMonth: incidentsPerMonth(corpus.items, severities, lastMonth),
    durations: durationsBySeverity(corpus.severities),
    responseTimes: responseTimesPerQuarter(corpus.items, lastMonth),
    topServices: top(corpus.services),
    topTags: top(corpus.tags),
    detectionMethods: countBy(corpus.items, (item) => item.record.data.detection ?? NOT_RECORDED),
    triggers: countBy(corpus.items, (item) => item.record.data.trigger ?? NOT_RECORDED),
    fieldValues: fields
      .filter((field) => field.stats)
      .map((field) => ({
        field,
        values: topFieldValues(
          field,
          corpus.items.map((item) => item.record.data.fields),
        ),
      }))
      // A chart of nothing would only say that no postmortem sets the field yet.
      .filter(({ values }) => values.length > 0),
  };
}
