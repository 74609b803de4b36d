import { describe, expect, test } from 'vitest';
import { sampleResults } from './sample-results';
import { evaluateTargets, type BenchResults } from './targets';

const verdicts = (results: BenchResults) =>
  Object.fromEntries(evaluateTargets(results).map((target) => [target.id, target.pass]));

describe('evaluateTargets', () => {
  test('passes what is within its limit, fails what is not, and leaves unmeasured targets open', () => {
    expect(verdicts(sampleResults)).toEqual({
      'build-time': true,
      'build-memory': true,
      'build-vs-hugo': true,
      'memory-all-processes': true,
      'no-leftover-processes': true,
      'per-page-cost': true,
      'warm-rebuild': false,
      'check-whole': true,
      'check-one-file': true,
      'page-weight': true,
      'css-weight': true,
      'no-client-js': true,
      'search-first': null,
      'search-later': null,
      'search-time': null,
    });
    const measured = {
      ...sampleResults,
      search: { firstSearchBytes: 190 * 1024, laterQueryBytes: 60 * 1024, msToResults: 250 },
    };
    expect([
      verdicts(measured)['search-first'],
      verdicts(measured)['search-later'],
      verdicts(measured)['search-time'],
    ]).toEqual([true, false, true]);
  });

  test('holds the per-page cost to 15% either way', () => {
    const withGrowth = (large: number): BenchResults => ({
      ...sampleResults,
      scaling: {
        ...sampleResults.scaling!,
        points: [sampleResults.scaling!.points[0]!, { count: 4000, seconds: 50, marginalMsPerPostmortem: large }],
      },
    });
    expect(verdicts(withGrowth(11.7))['per-page-cost']).toBe(false);
    expect(verdicts(withGrowth(8.5))['per-page-cost']).toBe(false);
    expect(verdicts({ ...sampleResults, scaling: null })['per-page-cost']).toBeNull();
  });

  test('fails the JavaScript target on any page outside /search/ with a script, naming one', () => {
    const [target] = evaluateTargets({
      ...sampleResults,
      weight: { ...sampleResults.weight, pagesWithScripts: ['stats/index.html'] },
    }).filter((result) => result.id === 'no-client-js');
    expect(target).toMatchObject({ pass: false, measured: '1 pages, e.g. stats/index.html' });
  });

  test('compares the build with the floor by time and by the peak memory of all its processes', () => {
    const slower = verdicts({
      ...sampleResults,
      product: { ...sampleResults.product, seconds: 121, peakTotalRssBytes: 1.6 * 1024 ** 3 },
    });
    expect([slower['build-time'], slower['build-memory']]).toEqual([false, false]);
  });

  test('holds the build to twice Hugo + Pagefind, and says why when Hugo was not compared', () => {
    const slower = { ...sampleResults, product: { ...sampleResults.product, seconds: 141 } };
    expect(verdicts(slower)['build-vs-hugo']).toBe(false);
    const skipped = evaluateTargets({ ...sampleResults, hugo: null, hugoSkipped: 'Hugo is not installed' });
    expect(skipped.find((target) => target.id === 'build-vs-hugo')).toMatchObject({
      measured: 'Hugo is not installed',
      pass: null,
    });
  });

  test('holds all processes to 3.5 GiB at their peak, and fails a build that leaves a process behind', () => {
    const heavier = { ...sampleResults, product: { ...sampleResults.product, peakTotalRssBytes: 3.6 * 1024 ** 3 } };
    expect(verdicts(heavier)['memory-all-processes']).toBe(false);
    const leaky = evaluateTargets({ ...sampleResults, leftoverProcesses: ['pagefind_extended (4242)'] });
    expect(leaky.find((target) => target.id === 'no-leftover-processes')).toMatchObject({
      measured: 'pagefind_extended (4242)',
      pass: false,
    });
  });
});
