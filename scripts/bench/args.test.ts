import { describe, expect, test } from 'vitest';
import { BenchUsageError, parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  test('defaults to 10,000 MDX postmortems, three runs, scaling and search measured', () => {
    expect(parseBenchArgs([])).toEqual({
      count: 10_000,
      format: 'mdx',
      runs: 3,
      compare: [],
      keep: false,
      json: 'bench-results.json',
      scaling: true,
      search: true,
      help: false,
    });
  });

  test('reads every option, negations included', () => {
    expect(
      parseBenchArgs([
        '--count',
        '1000',
        '--format',
        'md',
        '--runs',
        '5',
        '--compare',
        'hugo',
        '--keep',
        '--json',
        'out.json',
        '--no-scaling',
        '--no-search',
      ]),
    ).toEqual({
      count: 1000,
      format: 'md',
      runs: 5,
      compare: ['hugo'],
      keep: true,
      json: 'out.json',
      scaling: false,
      search: false,
      help: false,
    });
  });

  test('rejects a count that is not a whole number of at least 1', () => {
    expect(() => parseBenchArgs(['--count', '1e3x'])).toThrow(
      new BenchUsageError('--count must be a whole number of at least 1, not `1e3x`'),
    );
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(BenchUsageError);
  });

  test('rejects an unknown format and an unknown option', () => {
    expect(() => parseBenchArgs(['--format', 'html'])).toThrow('--format must be mdx or md, not `html`');
    expect(() => parseBenchArgs(['--fast'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--compare', 'jekyll'])).toThrow('--compare takes hugo, not `jekyll`');
  });
});
