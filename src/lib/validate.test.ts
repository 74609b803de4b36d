import { describe, expect, test } from 'vitest';
import { createPostmortemSchema } from '../schemas/postmortem';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { crossFileProblems, idFromPath, validatePostmortemSource } from './validate';

const schema = createPostmortemSchema({ severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC' });

const frontmatter = (fields: string) => `---
title: Checkout timeouts
summary: Checkout failed for 47 minutes.
severity: SEV2
startedAt: "2024-03-14T09:12:00Z"
resolvedAt: "2024-03-14T09:59:00Z"
services: [checkout]
authors: [Ada]
${fields}---

## Root cause and resolution

Text.
`;

function validate(source: string, relativePath = '2024-03-14-checkout-timeouts.md') {
  return validatePostmortemSource({ file: `postmortems/${relativePath}`, relativePath, source }, schema);
}

describe('idFromPath', () => {
  test('is the path under the content folder without extension', () => {
    expect(idFromPath('2024-03-14-a.mdx')).toBe('2024-03-14-a');
    expect(idFromPath('payments\\2024-03-14-a.md')).toBe('payments/2024-03-14-a');
  });
});

describe('validatePostmortemSource', () => {
  test('returns normalised data and no problems for a valid file', () => {
    const result = validate(frontmatter(''));
    expect(result.problems).toEqual([]);
    expect(result.data?.services).toEqual(['checkout']);
    expect(result.id).toBe('2024-03-14-checkout-timeouts');
  });

  test('points a bad value at the line and column of its key', () => {
    const result = validate(frontmatter('timezone: Mars/Base\n'));
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'postmortems/2024-03-14-checkout-timeouts.md',
        line: 9,
        column: 1,
        severity: 'error',
        rule: 'schema',
      }),
    ]);
    expect(result.problems[0]!.message).toContain('timezone: `Mars/Base` is not an IANA time zone');
  });

  test('points a bad list item at the item itself', () => {
    const result = validate(
      frontmatter('actionItems:\n  - title: Add alert\n    owner: SRE\n  - title: Add runbook\n    ticket: ftp://x\n'),
    );
    expect(result.problems.map((problem) => [problem.line, problem.column, problem.message])).toEqual([
      [12, 5, expect.stringContaining('missing required field `actionItems[1].owner`')],
      [13, 5, 'actionItems[1].ticket: expected an http:// or https:// URL to the ticket (got `ftp://x`)'],
    ]);
  });

  test('points a missing field at the opening fence', () => {
    const result = validate(frontmatter('').replace('authors: [Ada]\n', ''));
    expect(result.problems).toEqual([
      expect.objectContaining({
        line: 1,
        column: 1,
        message: expect.stringContaining('missing required field `authors`'),
      }),
    ]);
  });

  test('reports malformed YAML and tabs with their position', () => {
    const broken = validate(frontmatter('tags: [a, b\n'));
    expect(broken.problems[0]).toMatchObject({ rule: 'yaml-syntax', line: expect.any(Number) });
    const tabbed = validate(frontmatter('impact:\n\tusersAffectedPct: 5\n'));
    expect(tabbed.problems[0]).toMatchObject({ rule: 'yaml-syntax', line: 10 });
  });

  test('reports a duplicated key', () => {
    expect(validate(frontmatter('title: Again\n')).problems[0]).toMatchObject({
      rule: 'yaml-syntax',
      line: 9,
      message: expect.stringContaining('unique'),
    });
  });

  test('reports a file without frontmatter', () => {
    expect(validate('# Just a heading\n').problems).toEqual([
      expect.objectContaining({ rule: 'frontmatter', line: 1 }),
    ]);
  });

  test('accepts CRLF line endings and a byte-order mark, with the same positions', () => {
    const source = `\uFEFF${frontmatter('timezone: Mars/Base\n').replaceAll('\n', '\r\n')}`;
    expect(validate(source).problems).toEqual([expect.objectContaining({ line: 9, column: 1 })]);
    expect(validate(`\uFEFF${frontmatter('').replaceAll('\n', '\r\n')}`).problems).toEqual([]);
  });

  test('keeps an unquoted date-time as written so a missing offset is caught', () => {
    const result = validate(
      frontmatter('').replace('startedAt: "2024-03-14T09:12:00Z"', 'startedAt: 2024-03-14T09:12:00'),
    );
    expect(result.problems).toEqual([
      expect.objectContaining({
        line: 5,
        message: expect.stringContaining('`2024-03-14T09:12:00` is not an ISO 8601 date-time with an offset'),
      }),
    ]);
  });
});

describe('validatePostmortemSource placeholders', () => {
  test('reports a TODO: prompt where a date-time or severity belongs as a placeholder, not a schema error', () => {
    const source = frontmatter('')
      .replace('severity: SEV2', 'severity: "TODO: one of SEV1…SEV5"')
      .replace('resolvedAt: "2024-03-14T09:59:00Z"', 'resolvedAt: "TODO: when it was over"');
    expect(validate(source).problems.map((problem) => `${problem.line} ${problem.rule} ${problem.message}`)).toEqual([
      '4 placeholder placeholder left in `severity`: replace `TODO: one of SEV1…SEV5` with the real value',
      '6 placeholder placeholder left in `resolvedAt`: replace `TODO: when it was over` with the real value',
    ]);
  });
});

describe('crossFileProblems', () => {
  test('accepts related ids that exist and a file name matching startedAt', () => {
    const a = validate(frontmatter('related: [2024-03-15-other]\n'));
    const b = validate(frontmatter('').replaceAll('2024-03-14T', '2024-03-15T'), '2024-03-15-other.md');
    expect(crossFileProblems([a, b])).toEqual([]);
  });

  test('reports an unknown related id at its list item', () => {
    const problems = crossFileProblems([validate(frontmatter('related:\n  - 2024-01-01-nope\n'))]);
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'related-exists',
        line: 10,
        column: 5,
        message: expect.stringContaining('`2024-01-01-nope` matches no postmortem'),
      }),
    ]);
  });

  test('reports a notRepeatOf id that names no postmortem at its line, suggesting the closest id', () => {
    const checked = validate(frontmatter('notRepeatOf:\n  - id: 2024-03-15-othre\n    reason: A leak this time\n'));
    const other = validate(frontmatter('').replaceAll('2024-03-14T', '2024-03-15T'), '2024-03-15-other.md');
    expect(crossFileProblems([checked, other])).toEqual([
      expect.objectContaining({
        rule: 'related-exists',
        line: 10,
        message: expect.stringContaining(
          'notRepeatOf id `2024-03-15-othre` matches no postmortem (did you mean `2024-03-15-other`?)',
        ),
      }),
    ]);
    const fixed = validate(frontmatter('notRepeatOf:\n  - id: 2024-03-15-other\n    reason: A leak this time\n'));
    expect(crossFileProblems([fixed, other])).toEqual([]);
  });

  test('reports a file-name date that differs from the local date of startedAt', () => {
    // 23:30 UTC on the 14th is already the 15th in Tokyo.
    const source = frontmatter('timezone: Asia/Tokyo\n')
      .replace('09:12:00Z', '23:30:00Z')
      .replace('resolvedAt: "2024-03-14T09:59:00Z"', 'resolvedAt: "2024-03-15T01:00:00Z"');
    expect(crossFileProblems([validate(source)])).toEqual([
      expect.objectContaining({
        rule: 'file-name-date',
        line: 5,
        message: expect.stringContaining('rename the file to 2024-03-15-checkout-timeouts.md'),
      }),
    ]);
  });

  test('reports file names that do not follow YYYY-MM-DD-slug', () => {
    expect(crossFileProblems([validate(frontmatter(''), 'Checkout Timeouts.md')])).toEqual([
      expect.objectContaining({ rule: 'file-name' }),
    ]);
  });

  test('reports every file sharing an id', () => {
    const problems = crossFileProblems([
      validate(frontmatter(''), '2024-03-14-checkout-timeouts.md'),
      validate(frontmatter(''), '2024-03-14-checkout-timeouts.mdx'),
    ]);
    expect(problems.map((problem) => [problem.file, problem.rule])).toEqual([
      ['postmortems/2024-03-14-checkout-timeouts.md', 'unique-id'],
      ['postmortems/2024-03-14-checkout-timeouts.mdx', 'unique-id'],
    ]);
  });
});
