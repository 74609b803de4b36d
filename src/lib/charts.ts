/**
 * Geometry of the build-time charts: positions, sizes, paths and axis ticks in
 * SVG user units, from d3 scales and shapes. Components turn the result into
 * inline SVG; nothing here knows about markup, colours or the page.
 */
import { max } from 'd3-array';
import { scaleBand, scaleLinear, scalePoint, scaleUtc } from 'd3-scale';
import { line, stack } from 'd3-shape';

/** The viewBox width of every chart: narrow enough that text stays legible when a phone scales it to 360 px. */
export const CHART_WIDTH = 440;

/** Units between the centres of two labelled categories: a label like `Q1 '25` is about 50 units wide at the charts' text size. */
const MIN_CATEGORY_LABEL_GAP = 56;

/** The drawing area: a viewBox of `width` × `height`, with room for axes in `margin`. */
export interface ChartFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** A labelled tick on an axis, at `position` along it. */
export interface AxisTick {
  position: number;
  label: string;
}

/** Coordinates to a hundredth of a unit: finer is invisible and only makes the markup longer. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A linear axis from zero to at least `maxValue`, rounded to nice numbers. */
function zeroBasedScale(maxValue: number, range: [number, number]) {
  return scaleLinear()
    .domain([0, maxValue > 0 ? maxValue : 1])
    .range(range)
    .nice();
}

/** Ticks of a count axis: whole numbers only, since half an incident means nothing. */
function countTicks(scale: ReturnType<typeof scaleLinear<number, number>>, count: number): AxisTick[] {
  return scale
    .ticks(count)
    .filter(Number.isInteger)
    .map((value) => ({ position: round(scale(value)), label: String(value) }));
}

/**
 * The unit a duration axis is drawn in: hours once the longest value reaches
 * three hours (so ticks read `2 h`, not `120 min`), else minutes.
 */
export function durationUnit(maxMinutes: number): { minutesPerUnit: number; suffix: string } {
  return maxMinutes >= 180 ? { minutesPerUnit: 60, suffix: 'h' } : { minutesPerUnit: 1, suffix: 'min' };
}

/** A zero-based duration axis over `range` for values up to `maxMinutes`, in the unit `durationUnit` picks. */
function durationScale(maxMinutes: number, range: [number, number], tickCount: number) {
  const unit = durationUnit(maxMinutes);
  const scale = zeroBasedScale(maxMinutes / unit.minutesPerUnit, range);
  const format = scale.tickFormat(tickCount);
  const ticks = scale
    .ticks(tickCount)
    .map((value) => ({ position: round(scale(value)), label: `${format(value)} ${unit.suffix}` }));
  return { position: (minutes: number) => round(scale(minutes / unit.minutesPerUnit)), ticks };
}

/** One coloured part of a stacked column. */
interface ColumnSegment {
  key: string;
  value: number;
  y: number;
  height: number;
}

/** One column of a stacked column chart. */
interface Column {
  category: string;
  x: number;
  width: number;
  total: number;
  /** Bottom to top, in the order of `keys`; zero values are left out. */
  segments: ColumnSegment[];
}

/** A stacked column chart: one column per category, one segment per key. */
export interface StackedColumnsLayout {
  frame: ChartFrame;
  columns: Column[];
  /** Category labels; only every `labelEvery`-th one, counted back from the last, so they never overlap. */
  xTicks: AxisTick[];
  yTicks: AxisTick[];
  /** The y of the baseline. */
  baseline: number;
}

/**
 * Lays out stacked columns for `rows` (one per category, in order), stacking
 * `keys` bottom to top. `label` gives the text of a category on the axis.
 */
export function stackedColumns({
  rows,
  keys,
  frame,
  label = (category) => category,
  labelEvery = 1,
}: {
  rows: readonly { category: string; values: Readonly<Record<string, number>> }[];
  keys: readonly string[];
  frame: ChartFrame;
  label?: (category: string) => string;
  labelEvery?: number;
}): StackedColumnsLayout {
  const { width, height, margin } = frame;
  const x = scaleBand()
    .domain(rows.map((row) => row.category))
    .range([margin.left, width - margin.right])
    .padding(0.2);
  const series = stack<(typeof rows)[number], string>()
    .keys(keys)
    .value((row, key) => row.values[key] ?? 0)(rows);
  const y = zeroBasedScale(max(series.at(-1) ?? [], (point) => point[1]) ?? 0, [height - margin.bottom, margin.top]);
  const columns = rows.map((row, index) => ({
    category: row.category,
    x: round(x(row.category)!),
    width: round(x.bandwidth()),
    total: keys.reduce((sum, key) => sum + (row.values[key] ?? 0), 0),
    segments: series.flatMap((layer) => {
      const [from, to] = layer[index]!;
      return to > from ? [{ key: layer.key, value: to - from, y: round(y(to)), height: round(y(from) - y(to)) }] : [];
    }),
  }));
  return {
    frame,
    columns,
    xTicks: rows
      .filter((_, index) => (rows.length - 1 - index) % labelEvery === 0)
      .map((row) => ({ position: round(x(row.category)! + x.bandwidth() / 2), label: label(row.category) })),
    yTicks: countTicks(y, 4),
    baseline: round(y(0)),
  };
}

/** One row of a median/p90 range chart. */
interface RangeRow {
  key: string;
  y: number;
  height: number;
  /** Bar widths from the axis origin; `null` when the row has no data. */
  medianWidth: number | null;
  p90Width: number | null;
}

/** Horizontal bars showing the median inside the 90th percentile, one row per key. */
export interface RangeBarsLayout {
  frame: ChartFrame;
  /** Where bars start. */
  origin: number;
  rows: RangeRow[];
  xTicks: AxisTick[];
}

/** Lays out median and p90 bars (values in minutes) for `rows`, in order, top to bottom. */
export function rangeBars({
  rows,
  frame,
}: {
  rows: readonly { key: string; median: number | null; p90: number | null }[];
  frame: ChartFrame;
}): RangeBarsLayout {
  const { width, height, margin } = frame;
  const y = scaleBand()
    .domain(rows.map((row) => row.key))
    .range([margin.top, height - margin.bottom])
    .paddingInner(0.15)
    .paddingOuter(0.05);
  const x = durationScale(max(rows, (row) => row.p90) ?? 0, [margin.left, width - margin.right], 4);
  const widthOf = (minutes: number | null) => (minutes === null ? null : round(x.position(minutes) - margin.left));
  return {
    frame,
    origin: margin.left,
    rows: rows.map((row) => ({
      key: row.key,
      y: round(y(row.key)!),
      height: round(y.bandwidth()),
      medianWidth: widthOf(row.median),
      p90Width: widthOf(row.p90),
    })),
    xTicks: x.ticks,
  };
}

/** A point of a line series; `value` is `null` where there is no data. */
interface LinePoint {
  category: string;
  x: number;
  y: number | null;
  value: number | null;
}

/** One line of a line chart: an SVG path (broken where data is missing) and its points. */
interface LineSeries {
  key: string;
  path: string;
  points: LinePoint[];
}

/** Lines of durations over ordered categories (quarters). */
export interface DurationLinesLayout {
  frame: ChartFrame;
  series: LineSeries[];
  xTicks: AxisTick[];
  yTicks: AxisTick[];
  baseline: number;
}

/** Lays out one line per series over `categories`; values are minutes, `null` where unknown. */
export function durationLines({
  categories,
  series,
  frame,
  label = (category) => category,
}: {
  categories: readonly string[];
  series: readonly { key: string; values: readonly (number | null)[] }[];
  frame: ChartFrame;
  /** The text of a category on the axis. */
  label?: (category: string) => string;
}): DurationLinesLayout {
  // Every category keeps its point; only every n-th is labelled when labels this far apart would run together.
  const { width, height, margin } = frame;
  const x = scalePoint()
    .domain(categories)
    .range([margin.left, width - margin.right])
    .padding(0.5);
  const maxMinutes =
    max(
      series.flatMap((one) => one.values),
      (value) => value ?? undefined,
    ) ?? 0;
  const y = durationScale(maxMinutes, [height - margin.bottom, margin.top], 4);
  const path = line<LinePoint>()
    .digits(2)
    .defined((point) => point.y !== null)
    .x((point) => point.x)
    .y((point) => point.y!);
  return {
    frame,
    series: series.map((one) => {
      const points = categories.map((category, index) => {
        const value = one.values[index] ?? null;
        return { category, x: round(x(category)!), y: value === null ? null : y.position(value), value };
      });
      return { key: one.key, path: path(points) ?? '', points };
    }),
    xTicks: categories
      .filter((_, index) => index % Math.ceil(MIN_CATEGORY_LABEL_GAP / x.step()) === 0)
      .map((category) => ({ position: round(x(category)!), label: label(category) })),
    yTicks: y.ticks,
    baseline: y.position(0),
  };
}

/** One bar of a horizontal bar chart. */
interface HorizontalBar {
  key: string;
  value: number;
  y: number;
  height: number;
  width: number;
}

/** Horizontal bars, one per entry, labels to the left of `origin`. */
export interface HorizontalBarsLayout {
  frame: ChartFrame;
  origin: number;
  bars: HorizontalBar[];
}

/** Lays out a bar per entry, top to bottom; the chart is as tall as its rows need (`rowHeight` each). */
export function horizontalBars({
  entries,
  width,
  labelWidth,
  rowHeight = 24,
}: {
  entries: readonly { key: string; value: number }[];
  width: number;
  /** Room to the left of the bars for their labels. */
  labelWidth: number;
  rowHeight?: number;
}): HorizontalBarsLayout {
  // Room to the right of the longest bar for its value.
  const margin = { top: 4, right: 40, bottom: 4, left: labelWidth };
  const frame = { width, height: margin.top + margin.bottom + rowHeight * Math.max(entries.length, 1), margin };
  const y = scaleBand()
    .domain(entries.map((entry) => entry.key))
    .range([margin.top, frame.height - margin.bottom])
    .padding(0.25);
  const x = zeroBasedScale(max(entries, (entry) => entry.value) ?? 0, [margin.left, width - margin.right]);
  return {
    frame,
    origin: margin.left,
    bars: entries.map((entry) => ({
      key: entry.key,
      value: entry.value,
      y: round(y(entry.key)!),
      height: round(y.bandwidth()),
      width: round(x(entry.value) - margin.left),
    })),
  };
}

/** A mark on a time strip. */
interface StripMark<K extends string = string> {
  key: K;
  x: number;
}

/** Events along a time axis. */
export interface TimeStripLayout<K extends string = string> {
  frame: ChartFrame;
  marks: StripMark<K>[];
  xTicks: AxisTick[];
  /** The ends of the axis line. */
  x0: number;
  x1: number;
}

/** Places `events` along a UTC time axis from `start` to `end`, with d3's calendar ticks. */
export function timeStrip<K extends string>({
  events,
  start,
  end,
  frame,
}: {
  events: readonly { key: K; at: Date }[];
  start: Date;
  end: Date;
  frame: ChartFrame;
}): TimeStripLayout<K> {
  const { width, margin } = frame;
  const x = scaleUtc()
    .domain([start, end > start ? end : new Date(start.getTime() + 24 * 60 * 60 * 1000)])
    .range([margin.left, width - margin.right]);
  const format = x.tickFormat(4);
  return {
    frame,
    marks: events.map((event) => ({ key: event.key, x: round(x(event.at)) })),
    xTicks: x.ticks(4).map((tick) => ({ position: round(x(tick)), label: format(tick) })),
    x0: margin.left,
    x1: width - margin.right,
  };
}
