import { describe, expect, test } from 'vitest';
import { escapeControl, formatProblem, quoteValue, type Problem } from './errors';

describe('escapeControl', () => {
  test('shows ANSI escapes, line breaks and bidi overrides as visible escapes', () => {
    expect(escapeControl('\u001b[32m0 errors\r\n\u2028\u202e\u2066\u0000\u007f\u0085')).toBe(
      '\\x1b[32m0 errors\\r\\n\\u2028\\u202e\\u2066\\x00\\x7f\\x85',
    );
  });

  test('leaves ordinary text, accents and emoji as they are', () => {
    expect(escapeControl('Café – 東京 🚒 `x`')).toBe('Café – 東京 🚒 `x`');
  });
});

describe('quoteValue', () => {
  test('quotes a value in backticks, escaped', () => {
    expect(quoteValue('SEV9\u001b[2K')).toBe('`SEV9\\x1b[2K`');
  });

  test('cuts a long value to 60 characters with an ellipsis, counting emoji as one', () => {
    const quoted = quoteValue('🚒'.repeat(100));
    expect(quoted).toBe(`\`${'🚒'.repeat(59)}…\``);
  });

  test('writes values that are not text as JSON', () => {
    expect(quoteValue(42)).toBe('`42`');
    expect(quoteValue(undefined)).toBe('`undefined`');
  });
});

describe('formatProblem', () => {
  test('keeps a problem on one line whatever its file name and message hold', () => {
    const problem: Problem = {
      file: 'postmortems/a\n::error::x.md',
      line: 1,
      column: 1,
      severity: 'error',
      message: 'bad\n0 errors, 0 warnings in 1 file',
      rule: 'schema',
    };
    const line = formatProblem(problem);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe('postmortems/a\\n::error::x.md:1:1  error  bad\\n0 errors, 0 warnings in 1 file  [schema]');
  });
});
