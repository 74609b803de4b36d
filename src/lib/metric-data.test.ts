import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseMetricData, readMetricData, resolveMetricSource, yColumns } from './metric-data';

const incident = { startedAt: new Date('2024-03-14T09:12:00Z'), resolvedAt: new Date('2024-03-14T09:59:00Z') };

/** Parses CSV `text` for a chart of `y` (and `x`). */
function csv(text: string, props: { y: string; x?: string } = { y: 'errors' }) {
  return parseMetricData(text, { file: './errors.csv', format: 'csv', props, incident });
}

/** The problems of a result, or `[]` when it read. */
function problemsOf(result: ReturnType<typeof csv>): string[] {
  return result.ok ? [] : result.problems;
}

describe('yColumns', () => {
  test('splits a comma-separated list and trims each name', () => {
    expect(yColumns('p50_ms, p99_ms,')).toEqual(['p50_ms', 'p99_ms']);
  });
});

describe('parseMetricData', () => {
  test('reads the time column (the first by default) and each y column as numbers, an empty cell as a gap', () => {
    const result = csv('time,errors,latency\n2024-03-14T09:00:00Z,3,120\n2024-03-14T10:12:00+01:00,,250\n', {
      y: 'errors,latency',
    });
    expect(result).toEqual({
      ok: true,
      data: {
        x: 'time',
        times: [new Date('2024-03-14T09:00:00Z'), new Date('2024-03-14T09:12:00Z')],
        series: [
          { column: 'errors', values: [3, null] },
          { column: 'latency', values: [120, 250] },
        ],
      },
    });
  });

  test('reads JSON as an array of objects whose first keys name the columns', () => {
    const result = parseMetricData(
      '[{"at": "2024-03-14T09:00:00Z", "errors": 4}, {"at": "2024-03-14T09:01:00Z", "errors": null}]',
      {
        file: './errors.json',
        format: 'json',
        props: { y: 'errors' },
        incident,
      },
    );
    expect(result.ok && result.data.series).toEqual([{ column: 'errors', values: [4, null] }]);
  });

  test('names a missing column and lists the columns there are', () => {
    expect(problemsOf(csv('time,errors_per_min\n2024-03-14T09:00:00Z,3\n'))).toEqual([
      '`./errors.csv` has no column `errors` (y); its columns are `time`, `errors_per_min`',
    ]);
    expect(problemsOf(csv('time,errors\n2024-03-14T09:00:00Z,3\n', { y: 'errors', x: 'at' }))[0]).toContain(
      'has no column `at` (x)',
    );
  });

  test('names the line, column and value of a cell that is not a number', () => {
    const problems = problemsOf(
      csv('time,errors\n2024-03-14T09:00:00Z,3\n2024-03-14T09:01:00Z,12 ms\n2024-03-14T09:02:00Z,0x1f\n'),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^`\.\/errors\.csv` line 3: `12 ms` in column `errors` is not a number; write digits/),
      expect.stringMatching(/^`\.\/errors\.csv` line 4: `0x1f` in column `errors`/),
    ]);
  });

  test('counts the lines a quoted cell spans, so later lines are named right', () => {
    const problems = problemsOf(
      csv('time,errors,note\n2024-03-14T09:00:00Z,3,"two\nlines"\n2024-03-14T09:01:00Z,x,\n'),
    );
    expect(problems).toEqual([expect.stringContaining('line 4: `x`')]);
  });

  test('refuses a time without an offset, as the frontmatter does', () => {
    expect(problemsOf(csv('time,errors\n2024-03-14 09:00,3\n'))).toEqual([
      '`./errors.csv` line 2: time `2024-03-14 09:00` in column `time` is not an ISO 8601 date-time with an offset; write one such as `2024-03-14T09:12:00Z` or `2024-03-14T10:12:00+01:00`',
    ]);
  });

  test('refuses a time more than a week from the incident, and rows out of order', () => {
    const problems = problemsOf(
      csv(
        'time,errors\n2024-03-14T09:00:00Z,1\n2024-03-22T09:00:00Z,2\n2024-03-14T08:59:00Z,3\n2023-03-14T09:00:00Z,4\n',
      ),
    );
    expect(problems).toEqual([
      expect.stringContaining('line 3: time `2024-03-22T09:00:00Z` is more than 7 days from the incident'),
      expect.stringContaining('line 4: time `2024-03-14T08:59:00Z` is not after the row above; sort the rows by time'),
      expect.stringContaining('line 5: time `2023-03-14T09:00:00Z` is more than 7 days from the incident'),
    ]);
  });

  test('refuses an empty file, a header alone, too many series and a column without values', () => {
    expect(problemsOf(csv(''))[0]).toContain('is empty');
    expect(problemsOf(csv('time,errors\n'))[0]).toContain('has no rows under its header');
    expect(problemsOf(csv('t,a,b,c,d,e\n2024-03-14T09:00:00Z,1,1,1,1,1\n', { y: 'a,b,c,d,e' }))[0]).toContain(
      'a chart draws at most 4',
    );
    expect(problemsOf(csv('time,errors\n2024-03-14T09:00:00Z,\n'))[0]).toContain('column `errors` has no values');
  });

  test('refuses more rows than a chart draws', () => {
    const rows = Array.from(
      { length: 1441 },
      (_, index) => `${new Date(incident.startedAt.getTime() + index * 1000).toISOString()},1`,
    );
    expect(problemsOf(csv(`time,errors\n${rows.join('\n')}\n`))[0]).toContain('has 1441 rows, over the 1440');
  });

  test('refuses JSON that is not an array of objects', () => {
    const json = (text: string) =>
      parseMetricData(text, { file: './e.json', format: 'json', props: { y: 'errors' }, incident });
    expect(problemsOf(json('{"errors": 1}'))[0]).toContain('is not an array of objects');
    expect(problemsOf(json('[1, 2'))[0]).toContain('is not valid JSON');
    expect(problemsOf(json('[{"t": "2024-03-14T09:00:00Z", "errors": "three"}]'))[0]).toContain('item 1: `three`');
  });

  test('shows a hostile value escaped and cut short', () => {
    const problems = problemsOf(csv(`time,errors\n2024-03-14T09:00:00Z,\u001b[2J${'x'.repeat(100)}\n`));
    expect(problems[0]).toContain('`\\x1b[2J');
    expect(problems[0]).not.toContain('\u001b');
    expect(problems[0]).toContain('…`');
  });
});

describe('resolveMetricSource and readMetricData', () => {
  const contentDir = mkdtempSync(join(tmpdir(), 'metric-data-'));
  const postmortemPath = join(contentDir, '2024', '2024-03-14-checkout.mdx');
  mkdirSync(join(contentDir, '2024'));
  writeFileSync(join(contentDir, '2024', 'errors.csv'), 'time,errors\n2024-03-14T09:00:00Z,3\n');
  writeFileSync(join(contentDir, 'shared.csv'), 'time,errors\n2024-03-14T09:00:00Z,3\n');
  writeFileSync(join(contentDir, '2024', 'huge.csv'), 'x'.repeat(300 * 1024));
  writeFileSync(join(contentDir, '2024', 'latin1.csv'), Buffer.from([0x74, 0xe9, 0x0a]));
  symlinkSync('/etc/hostname', join(contentDir, '2024', 'leak.csv'));
  const where = { postmortemPath, contentDir };
  const problem = (src: string) => {
    const result = resolveMetricSource(src, where);
    return result.ok ? undefined : result.problem;
  };

  test('resolves a path next to the postmortem, or elsewhere inside the content folder', () => {
    expect(resolveMetricSource('./errors.csv', where)).toEqual({
      ok: true,
      path: join(contentDir, '2024', 'errors.csv'),
    });
    expect(resolveMetricSource('../shared.csv', where).ok).toBe(true);
    expect(readMetricData({ src: './errors.csv', y: 'errors' }, { ...where, incident }).ok).toBe(true);
  });

  test('refuses URLs, absolute paths and a way out of the content folder', () => {
    expect(problem('https://evil.example/data.csv')).toContain('is not a path relative to the postmortem');
    expect(problem('file:///etc/passwd.csv')).toContain('is not a path relative to the postmortem');
    expect(problem('/etc/data.csv')).toContain('is not a path relative to the postmortem');
    expect(problem('../../outside.csv')).toContain('is outside the content folder');
    expect(problem('./leak.csv')).toContain('is a link to a file outside the content folder');
  });

  test('refuses other formats, a missing file, a file over 256 kB and a file that is not UTF-8', () => {
    expect(problem('./errors.xlsx')).toContain('is not a `.csv` or `.json` file');
    expect(problem('./missing.csv')).toBe(
      '`./missing.csv` does not exist; put the data file next to the postmortem or fix the path',
    );
    expect(problem('./huge.csv')).toContain('is 300 kB, over the 256 kB a chart reads');
    const latin1 = readMetricData({ src: './latin1.csv', y: 'errors' }, where);
    expect(latin1.ok ? [] : latin1.problems).toEqual([expect.stringContaining('is not UTF-8 text')]);
  });
});
