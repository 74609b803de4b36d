import { describe, expect, test } from 'vitest';
import { durationLines, durationUnit, horizontalBars, rangeBars, stackedColumns, timeStrip } from './charts';

const square = { width: 100, height: 100, margin: { top: 0, right: 0, bottom: 0, left: 0 } };

describe('stackedColumns', () => {
  const layout = stackedColumns({
    rows: [
      { category: 'a', values: { SEV1: 1, SEV2: 2 } },
      { category: 'b', values: { SEV1: 0, SEV2: 1 } },
      { category: 'c', values: {} },
    ],
    keys: ['SEV1', 'SEV2'],
    frame: square,
    labelEvery: 2,
  });

  test('stacks keys bottom to top on a zero-based scale, leaving out zero values', () => {
    // The tallest column is 3, so one incident is 100 / 3 units high.
    expect(layout.columns.map((column) => [column.category, column.total, column.segments])).toEqual([
      [
        'a',
        3,
        [
          { key: 'SEV1', value: 1, y: 66.67, height: 33.33 },
          { key: 'SEV2', value: 2, y: 0, height: 66.67 },
        ],
      ],
      ['b', 1, [{ key: 'SEV2', value: 1, y: 66.67, height: 33.33 }]],
      ['c', 0, []],
    ]);
    expect(layout.baseline).toBe(100);
  });

  test('places bands with d3’s padding', () => {
    // Padding 0.2 inside and out: step 100 / 3.2 = 31.25, band 25, first band at 0.2 × 31.25.
    expect(layout.columns.map((column) => [column.x, column.width])).toEqual([
      [6.25, 25],
      [37.5, 25],
      [68.75, 25],
    ]);
  });

  test('labels every n-th category counted back from the last, and ticks counts in whole numbers', () => {
    expect(layout.xTicks.map((tick) => tick.label)).toEqual(['a', 'c']);
    expect(layout.yTicks).toEqual([
      { position: 100, label: '0' },
      { position: 66.67, label: '1' },
      { position: 33.33, label: '2' },
      { position: 0, label: '3' },
    ]);
  });

  test('draws an empty chart with an axis up to 1', () => {
    const empty = stackedColumns({ rows: [{ category: 'a', values: {} }], keys: ['SEV1'], frame: square });
    expect(empty.columns[0]!.segments).toEqual([]);
    expect(empty.yTicks.at(-1)).toEqual({ position: 0, label: '1' });
  });
});

describe('durationUnit', () => {
  test('switches to hours from three hours', () => {
    expect(durationUnit(179)).toEqual({ minutesPerUnit: 1, suffix: 'min' });
    expect(durationUnit(180)).toEqual({ minutesPerUnit: 60, suffix: 'h' });
  });
});

describe('rangeBars', () => {
  test('draws the median inside the p90 on a duration axis, none for a row without data', () => {
    const layout = rangeBars({
      rows: [
        { key: 'SEV1', median: 60, p90: 240 },
        { key: 'SEV2', median: null, p90: null },
      ],
      frame: square,
    });
    // 240 min is 4 h, the end of the axis: the p90 fills the width and the median (1 h) a quarter of it.
    expect(layout.rows.map((row) => [row.key, row.medianWidth, row.p90Width])).toEqual([
      ['SEV1', 25, 100],
      ['SEV2', null, null],
    ]);
    expect(layout.xTicks.map((tick) => tick.label)).toEqual(['0 h', '1 h', '2 h', '3 h', '4 h']);
  });
});

describe('durationLines', () => {
  const layout = durationLines({
    categories: ['Q1', 'Q2', 'Q3'],
    series: [{ key: 'detect', values: [10, null, 30] }],
    frame: square,
  });

  test('places points on a zero-based minute axis', () => {
    expect(layout.series[0]!.points.map((point) => [point.x, point.y])).toEqual([
      [16.67, 66.67],
      [50, null],
      [83.33, 0],
    ]);
    expect(layout.yTicks.at(-1)).toEqual({ position: 0, label: '30 min' });
  });

  test('breaks the line where a value is missing', () => {
    expect(layout.series[0]!.path).toBe('M16.67,66.67ZM83.33,0Z');
  });

  test('labels every other category when labels would run together, keeping every point', () => {
    const quarters = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8'];
    const narrow = durationLines({
      categories: quarters,
      series: [{ key: 'detect', values: quarters.map(() => 5) }],
      frame: { width: 440, height: 100, margin: { top: 0, right: 10, bottom: 0, left: 68 } },
    });
    expect(narrow.xTicks.map((tick) => tick.label)).toEqual(['Q1', 'Q3', 'Q5', 'Q7']);
    expect(narrow.series[0]!.points).toHaveLength(8);
    const wide = durationLines({
      categories: quarters.slice(0, 3),
      series: [{ key: 'detect', values: [5, 5, 5] }],
      frame: { width: 440, height: 100, margin: { top: 0, right: 10, bottom: 0, left: 68 } },
    });
    expect(wide.xTicks.map((tick) => tick.label)).toEqual(['Q1', 'Q2', 'Q3']);
  });
});

describe('horizontalBars', () => {
  test('grows with its rows and leaves room for labels and values', () => {
    const layout = horizontalBars({
      entries: [
        { key: 'a', value: 4 },
        { key: 'b', value: 2 },
      ],
      width: 200,
      labelWidth: 50,
    });
    // Bars run from 50 to 200 − 40 = 160.
    expect(layout.frame.height).toBe(4 + 4 + 2 * 24);
    expect(layout.origin).toBe(50);
    expect(layout.bars.map((bar) => [bar.key, bar.width])).toEqual([
      ['a', 110],
      ['b', 55],
    ]);
  });
});

describe('timeStrip', () => {
  test('places events in time and labels calendar ticks', () => {
    const layout = timeStrip({
      events: [{ key: 'x', at: new Date('2023-01-01T00:00:00Z') }],
      start: new Date('2022-01-01T00:00:00Z'),
      end: new Date('2024-01-01T00:00:00Z'),
      frame: { width: 200, height: 50, margin: { top: 0, right: 0, bottom: 0, left: 0 } },
    });
    expect(layout.marks).toEqual([{ key: 'x', x: 100 }]);
    expect(layout.xTicks.map((tick) => tick.label)).toContain('2023');
  });

  test('survives a span of a single instant', () => {
    const at = new Date('2023-01-01T00:00:00Z');
    const layout = timeStrip({
      events: [{ key: 'x', at }],
      start: at,
      end: at,
      frame: { width: 200, height: 50, margin: { top: 0, right: 0, bottom: 0, left: 0 } },
    });
    expect(layout.marks[0]!.x).toBe(0);
  });
});
