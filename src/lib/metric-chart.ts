/**
 * A `<MetricChart>` as the page draws it: geometry from d3 scales and shapes in
 * SVG user units, the incident window and its instants on the time axis, a
 * sentence that says what the chart shows, and the rows of its table. Times on
 * the axis and in the table are read in the incident's zone. Nothing here knows
 * about markup or colours: `src/components/mdx/MetricChart.astro` draws it.
 */
import { extent, max, min } from 'd3-array';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { CHART_WIDTH, type AxisTick, type ChartFrame } from './charts';
import type { MetricData } from './metric-data';
import type { IncidentInstants } from './phase-bar';
import { formatDuration, minutesBetween, timelineRows, zonedParts, zoneLabel } from './time';

/** An instant of the incident marked on the time axis. */
type MarkerKind = 'detected' | 'mitigated' | 'resolved';

const MARKER_WORDS: Record<MarkerKind, string> = { detected: 'Detected', mitigated: 'Mitigated', resolved: 'Resolved' };

/** A marked instant: a vertical line at `x`, its label on its own row above the plot. */
interface Marker {
  kind: MarkerKind;
  x: number;
  /** `Detected 09:15`. */
  label: string;
  /** Baseline of the label's row. */
  labelY: number;
  /** Where the label is anchored, so it never runs off the chart. */
  anchor: 'start' | 'middle' | 'end';
}

/** One drawn line. */
interface SeriesLine {
  column: string;
  path: string;
}

/** One row of the table: the time (with its date when the date changes) and each series' value. */
interface TableRow {
  date: string | undefined;
  time: string;
  values: (number | null)[];
}

/** Everything the component needs to draw the chart. */
export interface MetricChartView {
  frame: ChartFrame;
  lines: SeriesLine[];
  xTicks: AxisTick[];
  yTicks: AxisTick[];
  /** The shaded incident, from `startedAt` to `resolvedAt`. */
  window: { x: number; width: number; top: number; height: number };
  markers: Marker[];
  /** A sentence for every reader: each series' peak and when, relative to the incident. */
  summary: string;
  /** `Asia/Tokyo (UTC+09:00)`: the zone of every time shown. */
  zone: string;
  /** The incident, `09:12–09:59`, for the legend of the shaded band. */
  windowLabel: string;
  rows: TableRow[];
}

/** Coordinates to a hundredth of a unit: finer is invisible and only makes the markup longer. */
const round = (value: number) => Math.round(value * 100) / 100;

/** Height of a marker label's row above the plot. */
const LABEL_ROW = 18;

/** Roughly how wide a label of `text` is in the charts' 14.5-unit text (see `.chart-svg`), to keep it inside the chart. */
const labelWidth = (text: string) => text.length * 8;

/** `1,234.5 ms`: a value as the summary and the table show it. */
export function formatValue(value: number, unit: string | undefined): string {
  const text = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  return unit ? `${text} ${unit}` : text;
}

/** The marked instants of `incident`, in order, those known. */
function markedInstants(incident: IncidentInstants): { kind: MarkerKind; at: Date }[] {
  return (['detected', 'mitigated', 'resolved'] as const).flatMap((kind) => {
    const at = incident[`${kind}At`];
    return at ? [{ kind, at }] : [];
  });
}

/** `HH:MM` in the zone, with the local date before it when `withDate`. */
function localTime(instant: Date, timeZone: string, withDate = false): string {
  const parts = zonedParts(instant, timeZone);
  return withDate ? `${parts.date} ${parts.time}` : parts.time;
}

/**
 * The time axis: a UTC scale over times shifted by the zone's offset at the
 * start, so d3's round ticks fall on round local times; each tick is labelled
 * with its real local time (right across a daylight-saving change too).
 */
function timeAxis(domain: [Date, Date], range: [number, number], timeZone: string) {
  const offset = domain[0].getTime() - Date.parse(`${localTime(domain[0], timeZone, true).replace(' ', 'T')}:00Z`);
  const shifted = (instant: Date) => new Date(instant.getTime() - offset);
  const scale = scaleUtc().domain(domain.map(shifted)).range(range);
  const position = (instant: Date) => round(scale(shifted(instant)));
  const spansDays = domain[1].getTime() - domain[0].getTime() > 86_400_000;
  const ticks = scale.ticks(4).map((tick) => {
    const instant = new Date(tick.getTime() + offset);
    return { position: round(scale(tick)), label: localTime(instant, timeZone, spansDays).slice(spansDays ? 5 : 0) };
  });
  return { position, ticks };
}

/** The sentence under the chart: for each series, its peak, when, and when it was back. */
function describe(
  data: MetricData,
  {
    label,
    unit,
    incident,
    timeZone,
  }: { label: string; unit: string | undefined; incident: IncidentInstants; timeZone: string },
): string {
  const clauses = data.series.map((series) => {
    let peak = -1;
    series.values.forEach((value, index) => {
      if (value !== null && (peak === -1 || value > series.values[peak]!)) peak = index;
    });
    const at = data.times[peak]!;
    const after = minutesBetween(incident.startedAt, at) ?? 0;
    const relative =
      after >= 0
        ? `${formatDuration(after)} after the incident started`
        : `${formatDuration(-after)} before the incident started`;
    const name = data.series.length > 1 ? `${series.column} ` : '';
    return `${name}peaked at ${formatValue(series.values[peak]!, unit)} at ${localTime(at, timeZone)} (${relative})`;
  });
  const first = data.times[0]!;
  const last = data.times.at(-1)!;
  return `${label}, ${localTime(first, timeZone)} to ${localTime(last, timeZone)} ${zoneLabel(first, timeZone)}: ${clauses.join('; ')}.`;
}

/** Lays out the chart of `data` across `incident`, times in `timeZone`. */
export function metricChartView({
  data,
  label,
  unit,
  incident,
  timeZone,
}: {
  data: MetricData;
  label: string;
  unit?: string | undefined;
  incident: IncidentInstants;
  timeZone: string;
}): MetricChartView {
  const markers = markedInstants(incident);
  const top = 8 + LABEL_ROW * markers.length;
  const bottom = 28;
  const height = top + 170 + bottom;
  const values = data.series.flatMap((series) => series.values.filter((value) => value !== null));
  const y = scaleLinear()
    .domain([Math.min(0, min(values) ?? 0), max(values) ?? 1])
    .range([height - bottom, top])
    .nice(4);
  const format = y.tickFormat(4);
  // The unit once, on the highest tick (`5,000 ms`), as a reader scanning the axis looks there first.
  const yTicks = y.ticks(4).map((value, index, ticks) => ({
    position: round(y(value)),
    label: index === ticks.length - 1 && unit ? `${format(value)} ${unit}` : format(value),
  }));
  const margin = { top, right: 24, bottom, left: Math.max(50, ...yTicks.map(({ label }) => labelWidth(label) + 8)) };
  const frame: ChartFrame = { width: CHART_WIDTH, height, margin };
  const [first, last] = extent([...data.times, incident.startedAt, incident.resolvedAt]) as [Date, Date];
  const x = timeAxis([first, last], [margin.left, frame.width - margin.right], timeZone);
  const path = line<number | null>()
    .digits(2)
    .defined((value) => value !== null)
    .x((_, index) => x.position(data.times[index]!))
    .y((value) => y(value!));
  const start = x.position(incident.startedAt);
  return {
    frame,
    lines: data.series.map((series) => ({ column: series.column, path: path(series.values) ?? '' })),
    xTicks: x.ticks,
    yTicks,
    window: {
      x: start,
      width: Math.max(round(x.position(incident.resolvedAt) - start), 1),
      top: margin.top,
      height: frame.height - margin.top - margin.bottom,
    },
    markers: markers.map((marker, index) => {
      const position = x.position(marker.at);
      const text = `${MARKER_WORDS[marker.kind]} ${localTime(marker.at, timeZone)}`;
      const half = labelWidth(text) / 2;
      const anchor = position - half < 0 ? 'start' : position + half > frame.width ? 'end' : ('middle' as const);
      return { kind: marker.kind, x: position, label: text, labelY: 8 + LABEL_ROW * (index + 1) - 4, anchor };
    }),
    summary: describe(data, { label, unit, incident, timeZone }),
    zone: zoneLabel(first, timeZone),
    windowLabel: `${localTime(incident.startedAt, timeZone)}–${localTime(incident.resolvedAt, timeZone)}`,
    rows: timelineRows(
      data.times.map((at) => ({ at })),
      timeZone,
    ).map((row, index) => ({
      date: row.date,
      time: row.time,
      values: data.series.map((series) => series.values[index] ?? null),
    })),
  };
}
