/** Results of a made-up benchmark run, for the tests of the targets and the report. */
import type { BenchResults } from './targets';

/** A run that meets every target but the warm rebuild, with no search measured. */
export const sampleResults: BenchResults = {
  machine: {
    cpuModel: 'Test CPU',
    cores: 2,
    memoryGiB: 8,
    node: '24.0.0',
    platform: 'linux x64',
    loadAverageAtStart: [0.5, 0.4, 0.3],
  },
  date: '2026-11-22T00:00:00.000Z',
  corpus: { count: 10_000, format: 'mdx', pagesBuilt: 14_000 },
  runs: 3,
  product: {
    seconds: 120,
    cpuSeconds: 130,
    peakRssBytes: 1.1 * 1024 ** 3,
    peakTotalRssBytes: 1.5 * 1024 ** 3,
    msPerPostmortem: 12,
    warmSeconds: 36,
  },
  floor: {
    seconds: 100,
    cpuSeconds: 105,
    peakRssBytes: 1024 ** 3,
    peakTotalRssBytes: 1.3 * 1024 ** 3,
    warmSeconds: 98,
  },
  hugo: {
    seconds: 70,
    cpuSeconds: 90,
    peakRssBytes: 0.9 * 1024 ** 3,
    peakTotalRssBytes: 0.95 * 1024 ** 3,
    warmSeconds: 69,
    version: 'hugo v0.111.3',
  },
  leftoverProcesses: [],
  scaling: {
    fixedCount: 10,
    fixedSeconds: 5,
    points: [
      { count: 1000, seconds: 15, marginalMsPerPostmortem: 10.1 },
      { count: 4000, seconds: 45.5, marginalMsPerPostmortem: 10.8 },
    ],
  },
  check: { wholeSeconds: 8.5, oneFileSeconds: 0.6 },
  weight: {
    pageGzipMedianBytes: 5000,
    pageGzipMaxBytes: 6000,
    cssGzipBytes: 3500,
    searchIndexBytes: 9_000_000,
    pagesWithScripts: [],
  },
  search: null,
};
