import { describe, expect, test } from 'vitest';
import { formatValue, metricChartView } from './metric-chart';

const incident = {
  startedAt: new Date('2024-12-02T11:31:00+09:00'),
  detectedAt: new Date('2024-12-02T11:34:00+09:00'),
  mitigatedAt: new Date('2024-12-02T11:58:00+09:00'),
  resolvedAt: new Date('2024-12-02T12:26:00+09:00'),
};

/** Every five minutes from 11:20 to 12:40 Tokyo time. */
const times = Array.from(
  { length: 17 },
  (_, index) => new Date(Date.parse('2024-12-02T11:20:00+09:00') + index * 300_000),
);

function view(values: (number | null)[][], { unit = 'ms', timeZone = 'Asia/Tokyo' } = {}) {
  return metricChartView({
    data: { x: 'time', times, series: values.map((series, index) => ({ column: `c${index + 1}`, values: series })) },
    label: 'Search p99',
    unit,
    incident,
    timeZone,
  });
}

const spike = times.map((_, index) => (index >= 3 && index <= 8 ? 4000 + index * 10 : 300));

describe('metricChartView', () => {
  test('says in a sentence when the metric peaked, in the incident’s zone and relative to its start', () => {
    expect(view([spike]).summary).toBe(
      'Search p99, 11:20 to 12:40 Asia/Tokyo (UTC+09:00): peaked at 4,080 ms at 12:00 (29 min after the incident started).',
    );
  });

  test('names each series in the sentence when there are several', () => {
    expect(view([spike, spike.map((value) => value / 10)]).summary).toContain(
      'c1 peaked at 4,080 ms at 12:00 (29 min after the incident started); c2 peaked at 408 ms at 12:00',
    );
  });

  test('marks detection, mitigation and resolution with their local times, each label on its own row', () => {
    const { markers, window, frame } = view([spike]);
    expect(markers.map((marker) => marker.label)).toEqual(['Detected 11:34', 'Mitigated 11:58', 'Resolved 12:26']);
    expect(new Set(markers.map((marker) => marker.labelY)).size).toBe(3);
    // The shaded window runs from the start to the resolution, the markers inside it, in time order.
    expect(markers[0]!.x).toBeGreaterThan(window.x);
    expect(markers[2]!.x).toBeCloseTo(window.x + window.width, 1);
    expect(markers[0]!.x).toBeLessThan(markers[1]!.x);
    expect(window.x + window.width).toBeLessThan(frame.width - frame.margin.right);
  });

  test('leaves out an instant the frontmatter does not give', () => {
    const { markers } = metricChartView({
      data: { x: 'time', times, series: [{ column: 'c1', values: spike }] },
      label: 'x',
      incident: { startedAt: incident.startedAt, resolvedAt: incident.resolvedAt },
      timeZone: 'UTC',
    });
    expect(markers.map((marker) => marker.label)).toEqual(['Resolved 03:26']);
  });

  test('names the unit once, on the highest value tick, and widens the margin so the label fits', () => {
    const { yTicks, frame } = view([spike]);
    expect(yTicks.map((tick) => tick.label)).toEqual(['0', '1,000', '2,000', '3,000', '4,000', '5,000 ms']);
    expect(frame.margin.left).toBeGreaterThanOrEqual('5,000 ms'.length * 8);
    expect(view([spike], { unit: '' }).yTicks.at(-1)!.label).toBe('5,000');
  });

  test('labels the time axis in local time and breaks the line at a gap', () => {
    const { xTicks, lines } = view([spike.map((value, index) => (index === 10 ? null : value))]);
    expect(xTicks.map((tick) => tick.label)).toEqual(['11:30', '11:45', '12:00', '12:15', '12:30']);
    // In a zone half an hour off UTC, hourly ticks still fall on whole local hours.
    const hours = Array.from(
      { length: 6 },
      (_, index) => new Date(Date.parse('2024-12-02T10:00:00+09:00') + index * 3_600_000),
    );
    const kolkata = metricChartView({
      data: { x: 'time', times: hours, series: [{ column: 'c1', values: hours.map(() => 1) }] },
      label: 'x',
      incident,
      timeZone: 'Asia/Kolkata',
    });
    expect(kolkata.xTicks.map((tick) => tick.label)).toEqual(['07:00', '08:00', '09:00', '10:00', '11:00']);
    expect(lines[0]!.path.match(/M/g)).toHaveLength(2);
  });

  test('lists every row in the table, with the date on the first row only', () => {
    const { rows, zone } = view([spike]);
    expect(rows).toHaveLength(17);
    expect(rows[0]).toEqual({ date: '2024-12-02', time: '11:20', values: [300] });
    expect(rows[1]!.date).toBeUndefined();
    expect(zone).toBe('Asia/Tokyo (UTC+09:00)');
  });

  test('keeps a label near the edge inside the chart', () => {
    const { markers } = view([spike]);
    const late = metricChartView({
      data: { x: 'time', times: times.slice(0, 12), series: [{ column: 'c1', values: spike.slice(0, 12) }] },
      label: 'x',
      incident,
      timeZone: 'Asia/Tokyo',
    });
    expect(markers[0]!.anchor).toBe('middle');
    expect(late.markers.at(-1)!.anchor).toBe('end');
  });
});

describe('formatValue', () => {
  test('groups thousands, keeps two decimals at most and adds the unit', () => {
    expect(formatValue(4946.456, 'ms')).toBe('4,946.46 ms');
    expect(formatValue(0.5, undefined)).toBe('0.5');
  });
});
