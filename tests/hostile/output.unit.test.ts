/**
 * The hostile-input catalogue, output half: values and file names written to
 * forge `check`'s report — ANSI escapes that repaint the terminal, line breaks
 * that print a fake "0 errors" line, bidirectional overrides that reorder what is
 * read, and GitHub workflow commands (`::error …`, `::add-mask::`) that a CI log
 * would obey. Each is rejected at its file, line and rule, and shown escaped, in
 * every format. The build prints its problems with the same `formatProblem`.
 */
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/lib/errors';
import { checkFiles, expectRejected, postmortem, type CheckResult } from './catalogue';

const FILE = '2024-03-14-checkout.md';
/** Line of the first `extra` frontmatter line in a file made by `postmortem()`. */
const EXTRA = 9;
/** Line of the body's first line in a file made by `postmortem()` without extra lines. */
const BODY = 11;

/** Characters that must never reach a report as they are. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** `check` in each format on the same files: JSON for the assertions on problems, text and github as printed. */
async function checkEveryFormat(files: Record<string, string>) {
  const json = await checkFiles(files);
  const text = await checkFiles(files, { argv: ['--format', 'text'] });
  const github = await checkFiles(files, { argv: ['--format', 'github'] });
  return { json, text, github };
}

/** Asserts that no report carries a raw control character, and that only real annotations start a line with `::`. */
function expectUnforgeable({ json, text, github }: Awaited<ReturnType<typeof checkEveryFormat>>) {
  for (const result of [json, text, github]) {
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }
  const textLines = text.stdout.trimEnd().split('\n');
  expect(textLines.filter((line) => line.trimStart().startsWith('::'))).toEqual([]);
  expect(textLines.filter((line) => /^\d+ errors?, \d+ warnings? in \d+ files?$/.test(line))).toHaveLength(1);
  const annotations = github.stdout.split('\n').filter((line) => line.trimStart().startsWith('::'));
  expect(annotations).toHaveLength(json.problems.length);
  for (const annotation of annotations)
    expect(annotation).toMatch(/^::(error|warning) file=[^:]*,line=\d+,col=\d+,title=[^:]+::/);
}

/** The message of the first problem of `rule`. */
function messageOf(result: CheckResult, rule: string): string {
  return result.problems.find((problem) => problem.rule === rule)?.message ?? '';
}

/** A valid postmortem whose `severity: SEV3` line (line 4) reads `severity: <value>` instead. */
function withSeverity(value: string): string {
  return postmortem('Body.').replace('severity: SEV3', `severity: ${JSON.stringify(value)}`);
}

describe('values that try to repaint or rewrite the report', () => {
  test('an ANSI escape in a value is shown as \\x1b', async () => {
    const reports = await checkEveryFormat({ [FILE]: withSeverity('SEV9\u001b[2J\u001b[32m') });
    expectRejected(reports.json, { rule: 'schema', line: 4, file: FILE });
    expect(messageOf(reports.json, 'schema')).toContain('`SEV9\\x1b[2J\\x1b[32m` is not a severity');
    expectUnforgeable(reports);
  });

  test('a line break in a value cannot print a fake summary line', async () => {
    const reports = await checkEveryFormat({ [FILE]: withSeverity('SEV9\n0 errors, 0 warnings in 1 file') });
    expectRejected(reports.json, { rule: 'schema', line: 4, file: FILE });
    expect(reports.text.stdout).toContain('`SEV9\\n0 errors, 0 warnings in 1 file` is not a severity');
    expectUnforgeable(reports);
  });

  test('a carriage return cannot overwrite the start of the line', async () => {
    const reports = await checkEveryFormat({ [FILE]: withSeverity('SEV9\r0 errors') });
    expectRejected(reports.json, { rule: 'schema', line: 4, file: FILE });
    expect(messageOf(reports.json, 'schema')).toContain('SEV9\\r0 errors');
    expectUnforgeable(reports);
  });

  test('Unicode line and paragraph separators are shown as escapes', async () => {
    const reports = await checkEveryFormat({ [FILE]: withSeverity('SEV9\u2028::error::x\u2029') });
    expectRejected(reports.json, { rule: 'schema', line: 4, file: FILE });
    expect(messageOf(reports.json, 'schema')).toContain('SEV9\\u2028::error::x\\u2029');
    expectUnforgeable(reports);
  });

  test('a bidirectional override cannot reorder what the reader sees', async () => {
    const reports = await checkEveryFormat({ [FILE]: withSeverity('SEV\u202e9VES\u2066') });
    expectRejected(reports.json, { rule: 'schema', line: 4, file: FILE });
    expect(messageOf(reports.json, 'schema')).toContain('SEV\\u202e9VES\\u2066');
    expectUnforgeable(reports);
  });

  test('a long value is cut to 60 characters', async () => {
    const reports = await checkEveryFormat({ [FILE]: withSeverity(`SEV${'9'.repeat(5000)}`) });
    expectRejected(reports.json, { rule: 'schema', line: 4, file: FILE });
    expect(messageOf(reports.json, 'schema')).toContain(`\`SEV${'9'.repeat(56)}…\` is not a severity`);
    expect(messageOf(reports.json, 'schema').length).toBeLessThan(200);
    expectUnforgeable(reports);
  });

  test('a value in the got … of a zod message is escaped', async () => {
    const reports = await checkEveryFormat({ [FILE]: postmortem('Body.', 'status: "draft\\u001b[8m"\n') });
    expectRejected(reports.json, { rule: 'schema', line: EXTRA, file: FILE });
    expect(messageOf(reports.json, 'schema')).toContain('(got `draft\\x1b[8m`)');
    expectUnforgeable(reports);
  });

  test('a time zone with a workflow command after a line break is escaped', async () => {
    const reports = await checkEveryFormat({ [FILE]: postmortem('Body.', 'timezone: "UTC\\n::add-mask::secret"\n') });
    expectRejected(reports.json, { rule: 'schema', line: EXTRA, file: FILE });
    expect(messageOf(reports.json, 'schema')).toContain('`UTC\\n::add-mask::secret` is not an IANA time zone');
    expectUnforgeable(reports);
  });

  test('a timeline time with an escape is escaped', async () => {
    const reports = await checkEveryFormat({
      [FILE]: postmortem('Body.', 'timeline:\n  - { at: "09:20\\u001b[1A", event: x }\n'),
    });
    expectRejected(reports.json, { rule: 'schema', line: EXTRA + 1, file: FILE });
    expect(messageOf(reports.json, 'schema')).toContain('`09:20\\x1b[1A`');
    expectUnforgeable(reports);
  });

  test('an unknown field whose name holds a line break is escaped', async () => {
    const reports = await checkEveryFormat({ [FILE]: postmortem('Body.', '"x\\n::error::forged": 1\n') });
    expectRejected(reports.json, { rule: 'schema', file: FILE });
    expect(messageOf(reports.json, 'schema')).toContain('unknown field `x\\n::error::forged`');
    expectUnforgeable(reports);
  });

  test('a related id with a workflow command is escaped in the corpus rule', async () => {
    const reports = await checkEveryFormat({
      [FILE]: postmortem('Body.', 'related: ["x\\n::error file=a.md::forged"]\n'),
    });
    expectRejected(reports.json, { rule: 'related-exists', line: EXTRA, file: FILE });
    expect(messageOf(reports.json, 'related-exists')).toContain('related id `x\\n::error file=a.md::forged`');
    expectUnforgeable(reports);
  });

  test('a label without letters, made of escapes, is escaped', async () => {
    const reports = await checkEveryFormat({ [FILE]: postmortem('Body.', 'tags: ["\\u001b\\u0007"]\n') });
    expectRejected(reports.json, { rule: 'schema', line: EXTRA, file: FILE });
    expect(messageOf(reports.json, 'schema')).toContain('`\\x1b\\x07` has no letters or digits');
    expectUnforgeable(reports);
  });

  test('a placeholder in the frontmatter, quoted by the lint rule, is escaped', async () => {
    const reports = await checkEveryFormat({
      [FILE]: postmortem('Body.', 'escalatedTo: ["TODO: \\u001b]8;;https://evil.example\\u0007"]\n'),
    });
    expectRejected(reports.json, { rule: 'placeholder', line: EXTRA, file: FILE });
    expect(messageOf(reports.json, 'placeholder')).toContain('TODO: \\x1b]8;;https://evil.example\\x07');
    expectUnforgeable(reports);
  });

  test('a placeholder in the body, quoted by the lint rule, is escaped', async () => {
    const reports = await checkEveryFormat({ [FILE]: postmortem('TODO: say \u001b[2K\u001b[1Gall clear') });
    expectRejected(reports.json, { rule: 'placeholder', line: BODY, file: FILE });
    expect(messageOf(reports.json, 'placeholder')).toContain('`TODO: say \\x1b[2K\\x1b[1Gall clear`');
    expectUnforgeable(reports);
  });
});

describe('file names that try to forge the report', () => {
  test('a file name with a line break and a workflow command stays in one line and one annotation', async () => {
    const name = '2024-03-14-a\n::error file=README.md,line=1::forged.md';
    const reports = await checkEveryFormat({ [name]: withSeverity('SEV9') });
    expectRejected(reports.json, {
      rule: 'schema',
      line: 4,
      file: '2024-03-14-a\\n::error file=README.md,line=1::forged.md',
    });
    expect(reports.github.stdout).toContain(
      'file=postmortems/2024-03-14-a\\n%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged.md,',
    );
    expectUnforgeable(reports);
  });

  test('a file name that starts with :: cannot start a line of the text report', async () => {
    const name = 'sub\r::warning::forged.md';
    const reports = await checkEveryFormat({ [name]: withSeverity('SEV9') });
    expectRejected(reports.json, { rule: 'schema', line: 4, file: 'sub\\r::warning::forged.md' });
    expectUnforgeable(reports);
  });

  test('a file name with a bidirectional override is shown escaped, also in the file-name rule', async () => {
    const name = '2024-03-14-\u202edm.exe.md';
    const reports = await checkEveryFormat({ [name]: postmortem('Body.') });
    expectRejected(reports.json, { rule: 'file-name', line: 1, file: '2024-03-14-\\u202edm.exe.md' });
    expect(messageOf(reports.json, 'file-name')).toContain('`2024-03-14-\\u202edm.exe.md`');
    expectUnforgeable(reports);
  });

  test('a file name with an ANSI escape is shown escaped in every format', async () => {
    const name = '2024-03-14-\u001b[8mhidden.md';
    const reports = await checkEveryFormat({ [name]: withSeverity('SEV9') });
    expectRejected(reports.json, { rule: 'schema', line: 4, file: '2024-03-14-\\x1b[8mhidden.md' });
    expectUnforgeable(reports);
  });

  test("GitHub's own separators in a file name are escaped in its properties", async () => {
    const name = '2024-03-14-a,title=x:b%0A.md';
    const reports = await checkEveryFormat({ [name]: withSeverity('SEV9') });
    expectRejected(reports.json, { rule: 'schema', line: 4, file: name });
    expect(reports.github.stdout).toContain('file=postmortems/2024-03-14-a%2Ctitle=x%3Ab%250A.md,line=4');
    expectUnforgeable(reports);
  });
});

describe("the build's report", () => {
  test('prints each problem on one line, with what content wrote escaped, as check does', () => {
    const line = formatProblem({
      file: 'postmortems/x\n::error::forged.md',
      line: 4,
      column: 1,
      severity: 'error',
      message: 'severity: `SEV9\u001b[0m\n::error::y` is not a severity',
      rule: 'schema',
    });
    expect(line.split(/[\n\r\u2028\u2029]/)).toHaveLength(1);
    expect(line).not.toMatch(RAW_CONTROL);
    expect(line.startsWith('postmortems/x\\n::error::forged.md:4:1  error')).toBe(true);
  });
});
