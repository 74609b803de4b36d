/**
 * The data behind a `<MetricChart>`: a CSV or JSON file next to the postmortem,
 * read and checked before anything is drawn. The file is untrusted like the
 * postmortem itself: it must stay inside the content folder, is size-bounded,
 * and every value must be what the chart needs: times are ISO 8601 date-times
 * with an offset (as in the frontmatter: a time without one is ambiguous), near
 * the incident; values are decimal numbers, an empty cell a gap in the line.
 *
 * Every problem is a sentence naming the file, its line (CSV) or item (JSON),
 * the column, the value and the fix; `check` and the build report it at the
 * component's line.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import type { MetricChartProps } from './content-policy';
import { quoteValue } from './errors';
import type { IncidentInstants } from './phase-bar';
import { parseInstant } from './time';

/** What a chart reads at most: a day at one-minute resolution, in a file a pull request can show. */
const METRIC_DATA_LIMITS = { bytes: 256 * 1024, rows: 1440, series: 4 } as const;

/** How far from the incident (before `startedAt`, after `resolvedAt`) a row's time may lie. */
const METRIC_DATA_MAX_DAYS_AWAY = 7;

/** One line of the chart: a column's values, `null` where a cell was empty. */
interface MetricSeries {
  column: string;
  values: (number | null)[];
}

/** A data file read and checked: the times of its rows, ascending, and the series to draw. */
export interface MetricData {
  /** The time column's name. */
  x: string;
  times: Date[];
  series: MetricSeries[];
}

/** The data, or every problem found in it (sentences; the caller adds the component's position). */
export type MetricDataResult = { ok: true; data: MetricData } | { ok: false; problems: string[] };

/** A table read from a file: column names, and rows with where each stands in the file (`line 4`, `item 3`). */
interface Table {
  columns: string[];
  rows: { where: string; cells: Map<string, unknown> }[];
}

/** The columns `y` names: comma-separated, blanks trimmed. */
export function yColumns(y: string): string[] {
  return y
    .split(',')
    .map((column) => column.trim())
    .filter((column) => column !== '');
}

/** True when `child` is `parent` or inside it. */
function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/**
 * The absolute path of the data file `src` names, relative to the postmortem at
 * `postmortemPath`, or why it cannot be read: not a relative path, not CSV or
 * JSON, outside `contentDir` (also through a symbolic link), missing, or too large.
 */
export function resolveMetricSource(
  src: string,
  { postmortemPath, contentDir }: { postmortemPath: string; contentDir: string },
): { ok: true; path: string } | { ok: false; problem: string } {
  const fail = (problem: string) => ({ ok: false as const, problem });
  const shown = quoteValue(src);
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || src.startsWith('\\') || isAbsolute(src)) {
    return fail(
      `${shown} is not a path relative to the postmortem; put the data file next to it and write \`./name.csv\``,
    );
  }
  const format = extname(src).toLowerCase();
  if (format !== '.csv' && format !== '.json') {
    return fail(`${shown} is not a \`.csv\` or \`.json\` file; export the metric as CSV with a header row`);
  }
  const path = resolve(dirname(postmortemPath), src);
  if (!isInside(contentDir, path)) {
    return fail(`${shown} is outside the content folder; put the data file next to the postmortem`);
  }
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return fail(`${shown} does not exist; put the data file next to the postmortem or fix the path`);
  }
  if (!isInside(realpathSync(contentDir), realpathSync(path))) {
    return fail(`${shown} is a link to a file outside the content folder; copy the file itself next to the postmortem`);
  }
  if (size > METRIC_DATA_LIMITS.bytes) {
    return fail(
      `${shown} is ${Math.ceil(size / 1024)} kB, over the ${METRIC_DATA_LIMITS.bytes / 1024} kB a chart reads; keep the incident's hours at a coarser step`,
    );
  }
  return { ok: true, path };
}

/** A CSV file as a table: the header row names the columns; line numbers count the lines a quoted cell spans. */
function csvTable(text: string): Table | string {
  const parsed = csvParseRows(text.replace(/^\uFEFF/, ''));
  let line = 1;
  const lines = parsed.map((cells) => {
    const at = line;
    line += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    return { at, cells };
  });
  const [header, ...body] = lines.filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  if (!header) return 'is empty; write a header row naming the columns, then one row per time';
  const columns = header.cells.map((cell) => cell.trim());
  return {
    columns,
    rows: body.map(({ at, cells }) => ({
      where: `line ${at}`,
      cells: new Map(columns.map((column, index) => [column, cells[index]?.trim() ?? ''])),
    })),
  };
}

/** A JSON file as a table: an array of objects, whose first object's keys name the columns. */
function jsonTable(text: string): Table | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return `is not valid JSON (${error instanceof Error ? error.message : String(error)}); write an array of objects such as \`[{"time": "2024-03-14T09:12:00Z", "errors": 3}]\``;
  }
  const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!Array.isArray(parsed) || !parsed.every(isRecord)) {
    return 'is not an array of objects; write one object per time, such as `[{"time": "2024-03-14T09:12:00Z", "errors": 3}]`';
  }
  const first = parsed[0];
  if (!first) return 'is an empty array; write one object per time';
  return {
    columns: Object.keys(first),
    rows: parsed.map((item, index) => ({ where: `item ${index + 1}`, cells: new Map(Object.entries(item)) })),
  };
}

/** A number, `null` for an empty cell, or `undefined` when the cell holds something else. */
function numberOf(cell: unknown): number | null | undefined {
  if (cell === null || cell === '' || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  // Decimal notation only: `Number()` would also take `0x1f`, `Infinity` and a blank.
  if (typeof cell === 'string' && /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(cell)) return Number(cell);
  return undefined;
}

const DAY_MS = 86_400_000;

/**
 * Reads the rows of `text` (CSV, or JSON when `format` is `json`) into the series
 * `props` asks for, checking each time against the incident (`incident`, when the
 * frontmatter is valid). `file` is the file as the author wrote it, for messages.
 */
export function parseMetricData(
  text: string,
  {
    file,
    format,
    props,
    incident,
  }: {
    file: string;
    format: 'csv' | 'json';
    props: Pick<MetricChartProps, 'x' | 'y'>;
    incident?: Pick<IncidentInstants, 'startedAt' | 'resolvedAt'> | undefined;
  },
): MetricDataResult {
  const shown = quoteValue(file);
  const table = format === 'json' ? jsonTable(text) : csvTable(text);
  if (typeof table === 'string') return { ok: false, problems: [`${shown} ${table}`] };
  const { columns, rows } = table;
  const listed = columns.map((column) => quoteValue(column)).join(', ');
  const x = props.x ?? columns[0]!;
  const ys = yColumns(props.y);
  const problems: string[] = [];
  for (const [column, role] of [[x, 'x'], ...ys.map((y) => [y, 'y'])] as const) {
    if (!columns.includes(column))
      problems.push(`${shown} has no column ${quoteValue(column)} (${role}); its columns are ${listed}`);
  }
  if (ys.includes(x)) problems.push(`${shown}: column ${quoteValue(x)} is the time (x); name other columns in \`y\``);
  if (ys.length > METRIC_DATA_LIMITS.series)
    problems.push(
      `\`y\` names ${ys.length} columns; a chart draws at most ${METRIC_DATA_LIMITS.series}: make two charts`,
    );
  if (rows.length === 0) problems.push(`${shown} has no rows under its header; write one row per time`);
  if (rows.length > METRIC_DATA_LIMITS.rows)
    problems.push(
      `${shown} has ${rows.length} rows, over the ${METRIC_DATA_LIMITS.rows} a chart draws; keep the incident's hours at a coarser step`,
    );
  if (problems.length > 0) return { ok: false, problems };

  const earliest = incident && incident.startedAt.getTime() - METRIC_DATA_MAX_DAYS_AWAY * DAY_MS;
  const latest = incident && incident.resolvedAt.getTime() + METRIC_DATA_MAX_DAYS_AWAY * DAY_MS;
  const times: Date[] = [];
  const series: MetricSeries[] = ys.map((column) => ({ column, values: [] }));
  for (const { where, cells } of rows) {
    const cell = cells.get(x);
    const time = typeof cell === 'string' ? parseInstant(cell) : undefined;
    const previous = times.at(-1);
    if (!time) {
      problems.push(
        `${shown} ${where}: time ${quoteValue(cell ?? '')} in column ${quoteValue(x)} is not an ISO 8601 date-time with an offset; write one such as \`2024-03-14T09:12:00Z\` or \`2024-03-14T10:12:00+01:00\``,
      );
    } else if (
      earliest !== undefined &&
      latest !== undefined &&
      (time.getTime() < earliest || time.getTime() > latest)
    ) {
      problems.push(
        `${shown} ${where}: time ${quoteValue(cell)} is more than ${METRIC_DATA_MAX_DAYS_AWAY} days from the incident (startedAt to resolvedAt); keep the rows around the incident, or fix the date`,
      );
    } else if (previous && time <= previous) {
      problems.push(
        `${shown} ${where}: time ${quoteValue(cell)} is not after the row above; sort the rows by time, each time once`,
      );
    }
    if (time) times.push(time);
    for (const one of series) {
      const value = numberOf(cells.get(one.column));
      if (value === undefined) {
        problems.push(
          `${shown} ${where}: ${quoteValue(cells.get(one.column))} in column ${quoteValue(one.column)} is not a number; write digits with \`.\` for decimals and no unit or thousands separator, or leave the cell empty for no data`,
        );
      }
      one.values.push(value ?? null);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  for (const one of series) {
    if (one.values.every((value) => value === null))
      problems.push(`${shown}: column ${quoteValue(one.column)} has no values; fill it in or leave it out of \`y\``);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, data: { x, times, series } };
}

/**
 * Reads and checks the data of a `<MetricChart>` with `props`, in the postmortem at
 * `postmortemPath`: the file `src` names (see `resolveMetricSource`), then its rows
 * (see `parseMetricData`). Synchronous, for the lint rules.
 */
export function readMetricData(
  props: Pick<MetricChartProps, 'src' | 'x' | 'y'>,
  {
    postmortemPath,
    contentDir,
    incident,
  }: {
    postmortemPath: string;
    contentDir: string;
    incident?: Pick<IncidentInstants, 'startedAt' | 'resolvedAt'> | undefined;
  },
): MetricDataResult {
  const source = resolveMetricSource(props.src, { postmortemPath, contentDir });
  if (!source.ok) return { ok: false, problems: [source.problem] };
  const format = extname(source.path).toLowerCase() === '.json' ? 'json' : 'csv';
  const bytes = readFileSync(source.path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [`${quoteValue(props.src)} is not UTF-8 text; export it again as UTF-8 CSV`] };
  }
  return parseMetricData(text, { file: props.src, format, props, incident });
}
