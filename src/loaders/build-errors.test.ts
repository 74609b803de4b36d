import { describe, expect, test } from 'vitest';
import { SetupError, type Problem } from '../lib/errors';
import { buildFailure, failOn, problemsError } from './build-errors';

const problem = (file: string, line: number, severity: Problem['severity'] = 'error'): Problem => ({
  file,
  line,
  column: 1,
  severity,
  message: `bad value on line ${line}`,
  rule: 'schema',
});

describe('problemsError', () => {
  test('counts problems and files, lists each by file and line in order, and has no stack trace', () => {
    const error = problemsError([problem('b.md', 3), problem('a.md', 9), problem('a.md', 2)]);
    expect(error.message.split('\n')[0]).toBe('3 problems in 2 postmortem files:');
    expect(
      error.message
        .split('\n')
        .slice(1)
        .map((line) => line.split(' ')[0]),
    ).toEqual(['a.md:2:1', 'a.md:9:1', 'b.md:3:1']);
    expect(error.hint).toBe('Fix each problem at the line shown.');
    expect(error.stack).toBe('');
  });
});

describe('failOn', () => {
  test('lets warnings pass and throws on the first error among them', () => {
    expect(() => {
      failOn([problem('a.md', 1, 'warning')]);
    }).not.toThrow();
    expect(() => {
      failOn([problem('a.md', 1, 'warning'), problem('b.md', 4)]);
    }).toThrow('1 problem in 1 postmortem file:');
  });
});

describe('buildFailure', () => {
  test('shows a set-up mistake as its message and hint alone, control characters escaped', () => {
    const failure = buildFailure(new SetupError('no folder \u001b[31mred', 'Create it.'), '/site') as Error & {
      hint?: string;
    };
    expect(failure.message).not.toContain('\u001b');
    expect(failure.message).toContain('no folder');
    expect(failure.hint).toBe('Create it.');
    expect(failure.stack).toBe('');
  });

  test('passes any other error on as it is', () => {
    const error = new TypeError('a bug of ours');
    expect(buildFailure(error, '/site')).toBe(error);
  });
});
