import { describe, expect, test } from 'vitest';
import { formatBenchReport, formatComparison, markdownTable } from './report';
import { sampleResults } from './sample-results';
import { evaluateTargets } from './targets';

describe('markdownTable', () => {
  test('pads every column to its widest cell', () => {
    expect(
      markdownTable(
        ['Name', 'Value'],
        [
          ['a', '1'],
          ['longer', '22'],
        ],
      ),
    ).toBe(['| Name   | Value |', '| ------ | ----- |', '| a      | 1     |', '| longer | 22    |'].join('\n'));
  });
});

describe('formatComparison', () => {
  test('sets the site beside the floor and Hugo + Pagefind: cold, warm and memory of the largest and of all processes', () => {
    expect(formatComparison(sampleResults)).toBe(
      [
        '| 10,000 postmortems          | Cold build incl. search index | Warm rebuild after one edit | Peak memory, largest process / all processes |',
        '| --------------------------- | ----------------------------- | --------------------------- | -------------------------------------------- |',
        '| this project (14,000 pages) | 120.0 s                       | 36.0 s (30% of cold)        | 1126 MiB / 1536 MiB                          |',
        '| bare Astro + Pagefind       | 100.0 s                       | 98.0 s (98% of cold)        | 1024 MiB / 1331 MiB                          |',
        '| Hugo + Pagefind             | 70.0 s                        | 69.0 s (99% of cold)        | 922 MiB / 973 MiB                            |',
      ].join('\n'),
    );
  });

  test('says why Hugo was not compared', () => {
    expect(formatComparison({ ...sampleResults, hugo: null, hugoSkipped: 'Hugo is not installed' })).toMatch(
      /\| Hugo \+ Pagefind +\| Hugo is not installed +\| +\| +\|$/,
    );
  });
});

describe('formatBenchReport', () => {
  test('lists the measurements of both sites, then each target with PASS or FAIL', () => {
    const report = formatBenchReport(sampleResults, evaluateTargets(sampleResults));
    expect(report).toContain(
      '10000 synthetic postmortems (mdx, 14000 pages built), median of 3 runs, on 2 × Test CPU, 8 GiB, Node 24.0.0',
    );
    expect(report).toMatch(/\| Cold build \(median\) +\| 120\.0 s +\| 100\.0 s +\|/);
    expect(report).toMatch(/\| full build ≤ 1\.2× the floor's time +\| 1\.20× \(120\.0 s vs 100\.0 s\) +\| PASS +\|/);
    expect(report).toMatch(/\| rebuild after one edit ≤ 25% of the cold build +\| 30% \(36\.0 s\) +\| FAIL +\|/);
    expect(report).toMatch(
      /\| a first search on a cold cache transfers ≤ 200\.0 KB in all +\| not measured +\| n\/a +\|/,
    );
    expect(report).toMatch(/\| results painted ≤ 300 ms after the last keystroke +\| not measured +\| n\/a +\|/);
  });
});
