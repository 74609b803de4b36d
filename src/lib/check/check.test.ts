import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SiteConfigSchema } from '../../schemas/site-config';
import type { Problem } from '../errors';
import { formatReport, githubAnnotation } from './output';
import { runCheck } from './run';

const config = SiteConfigSchema.parse({});

/** A pair that is a repeat and an incident of the same service that is not (tests/fixtures/repeats). */
const REPEATS = join(import.meta.dirname, '../../../tests/fixtures/repeats');

function postmortem({ severity = 'SEV3', summary = 'Checkout failed for 47 minutes.', related = '[]' } = {}) {
  return `---
title: Checkout timeouts
summary: ${summary}
severity: ${severity}
startedAt: "2024-03-14T09:12:00Z"
resolvedAt: "2024-03-14T09:59:00Z"
services: [checkout]
authors: [Ada]
related: ${related}
---

## Root cause and resolution

${'A connection pool was halved by a configuration change. '.repeat(30)}

## Corrective and preventative measures

${'- [ ] Alert on pool saturation before queues build up.\n'.repeat(30)}`;
}

/** A project folder with a content folder, and a way to run `check` in it. */
function project(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'check-'));
  mkdirSync(join(root, 'postmortems'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'postmortems', name), text);
  const run = async (argv: string[], env: Record<string, string> = {}) => {
    let stdout = '';
    let stderr = '';
    const exitCode = await runCheck({
      root,
      cwd: root,
      argv,
      env,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      now: new Date('2024-06-01T00:00:00Z'),
      config,
    });
    return { exitCode, stdout, stderr };
  };
  return { root, run };
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=T', ...args], { cwd, stdio: 'pipe' });

describe('runCheck', () => {
  test('passes a clean folder with exit code 0 and a summary line', async () => {
    const { run } = project({ '2024-03-14-checkout.md': postmortem() });
    expect(await run([])).toEqual({ exitCode: 0, stdout: '0 errors, 0 warnings in 1 file\n', stderr: '' });
  });

  test('reports each problem as path:line:col severity message [rule] and exits 1 on errors', async () => {
    const { run } = project({
      '2024-03-14-checkout.md': postmortem({ severity: 'SEV9' }),
      '2024-03-14-other.md': postmortem({ summary: 'A human error broke checkout.' }),
    });
    const result = await run([]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(
      [
        'postmortems/2024-03-14-checkout.md:4:1  error  severity: `SEV9` is not a severity of this site; use one of SEV1, SEV2, SEV3, SEV4, SEV5  [schema]',
        'postmortems/2024-03-14-other.md:3:1  warning  "human error" assigns blame to people; describe what in the system or process allowed it (blameless postmortems find more causes)  [blameless]',
        '1 error, 1 warning in 2 files',
        '',
      ].join('\n'),
    );
  });

  test('exits 0 when there are only warnings', async () => {
    const { run } = project({ '2024-03-14-checkout.md': postmortem({ summary: 'A careless deploy.' }) });
    expect((await run([])).exitCode).toBe(0);
  });

  test('checks only the paths given, while corpus rules still see every file', async () => {
    const { run } = project({
      '2024-03-14-checkout.md': postmortem({ related: '[2024-03-14-other]' }),
      '2024-03-14-other.md': postmortem({ severity: 'SEV9' }),
    });
    expect(await run(['postmortems/2024-03-14-checkout.md'])).toMatchObject({
      exitCode: 0,
      stdout: '0 errors, 0 warnings in 1 file\n',
    });
  });

  test('prints GitHub annotations with --format github, and by default on GitHub Actions', async () => {
    const { run } = project({ '2024-03-14-checkout.md': postmortem({ severity: 'SEV9' }) });
    const expected =
      '::error file=postmortems/2024-03-14-checkout.md,line=4,col=1,title=schema::severity: `SEV9` is not a severity of this site; use one of SEV1, SEV2, SEV3, SEV4, SEV5\n1 error, 0 warnings in 1 file\n';
    expect((await run(['--format', 'github'])).stdout).toBe(expected);
    expect((await run([], { GITHUB_ACTIONS: 'true' })).stdout).toBe(expected);
  });

  test('prints JSON with --format json', async () => {
    const { run } = project({ '2024-03-14-checkout.md': postmortem({ severity: 'SEV9' }) });
    const report = JSON.parse((await run(['--format', 'json'])).stdout);
    expect(report).toMatchObject({
      files: 1,
      errors: 1,
      warnings: 0,
      problems: [{ file: 'postmortems/2024-03-14-checkout.md', line: 4, column: 1, severity: 'error', rule: 'schema' }],
    });
  });

  test('checks only files changed against --base with --changed, including new and edited ones', async () => {
    const { root, run } = project({
      '2024-03-14-old.md': postmortem({ severity: 'SEV9' }),
      '2024-03-14-edited.md': postmortem(),
    });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'base');
    git(root, 'checkout', '-qb', 'feature');
    writeFileSync(join(root, 'postmortems', '2024-03-14-edited.md'), postmortem({ summary: 'A careless deploy.' }));
    writeFileSync(join(root, 'postmortems', '2024-03-14-new.md'), postmortem());
    const result = await run(['--changed', '--base', 'main']);
    expect(result.stdout).toContain('0 errors, 1 warning in 2 files');
    expect(result.stdout).not.toContain('2024-03-14-old.md');
  });

  test('falls back to HEAD when the base does not exist, and says so', async () => {
    const { root, run } = project({ '2024-03-14-old.md': postmortem({ severity: 'SEV9' }) });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'base');
    writeFileSync(join(root, 'postmortems', '2024-03-14-new.md'), postmortem());
    const result = await run(['--changed']);
    expect(result.stderr).toBe('origin/main not found; checking changes against HEAD\n');
    expect(result.stdout).toBe('0 errors, 0 warnings in 1 file\n');
  });

  test('explains a bad argument and exits 2', async () => {
    const { run } = project({});
    const result = await run(['--format', 'xml']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('unknown format `xml`; use text, github or json');
    expect((await run(['missing.md'])).stderr).toContain('is not inside the content folder');
  });
});

describe('possible-repeat', () => {
  const fixture = (name: string) => readFileSync(join(REPEATS, name), 'utf8');
  const EARLIER = '2024-01-10-checkout-pool-exhausted.md';
  const REPEAT = '2024-05-02-checkout-pool-again.md';
  const UNRELATED = '2024-05-20-checkout-card-declines.md';
  const repeatWarnings = async (files: Record<string, string>, argv: string[] = []) => {
    const { run } = project(files);
    const report = JSON.parse((await run([...argv, '--format', 'json'])).stdout) as { problems: Problem[] };
    return report.problems.filter((problem) => problem.rule === 'possible-repeat');
  };

  test('warns at `related` on a repeat, naming the earlier incident, its date, the evidence and its unfinished action items', async () => {
    const files = { [EARLIER]: fixture(EARLIER), [REPEAT]: fixture(REPEAT), [UNRELATED]: fixture(UNRELATED) };
    const warnings = await repeatWarnings(files, [`postmortems/${REPEAT}`]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: `postmortems/${REPEAT}`, line: 11, column: 1, severity: 'warning' });
    expect(warnings[0]!.message).toMatch(
      /^this looks like a repeat of 2024-01-10-checkout-pool-exhausted \(2024-01-10\): same service checkout, tag postgres, trigger config-change, shared terms: [^;]*max_connections/,
    );
    expect(warnings[0]!.message).toContain(
      'its action items not done: `Alert on connection pool saturation` (open), `Validate max_connections in config review` (wont-do).',
    );
    expect(warnings[0]!.message).not.toContain('Revert the pool size');
  });

  test('does not warn on an incident of the same service with another cause, nor on the earlier one', async () => {
    const files = { [EARLIER]: fixture(EARLIER), [REPEAT]: fixture(REPEAT), [UNRELATED]: fixture(UNRELATED) };
    const warnings = await repeatWarnings(files);
    expect(warnings.map((warning) => warning.file)).toEqual([`postmortems/${REPEAT}`]);
  });

  test('compares with the other files as they are now, from its cache of them when they did not change', async () => {
    const { root, run } = project({ [EARLIER]: fixture(EARLIER), [REPEAT]: fixture(REPEAT) });
    const warnings = async () =>
      (
        JSON.parse((await run([`postmortems/${REPEAT}`, '--format', 'json'])).stdout) as { problems: Problem[] }
      ).problems
        .filter((problem) => problem.rule === 'possible-repeat')
        .map((problem) => problem.message.slice(0, 75));
    const first = await warnings();
    expect(first).toEqual(['this looks like a repeat of 2024-01-10-checkout-pool-exhausted (2024-01-10)']);
    expect(existsSync(join(root, 'node_modules/.astro/check-files.bin'))).toBe(true);
    expect(await warnings()).toEqual(first);
    writeFileSync(join(root, 'postmortems', EARLIER), fixture(UNRELATED).replace('2024-05-20', '2024-01-10'));
    expect(await warnings()).toEqual([]);
  });

  test('a check of the whole folder leaves the cache that checking one file next reads the others from', async () => {
    const { root, run } = project({ [EARLIER]: fixture(EARLIER), [REPEAT]: fixture(REPEAT) });
    const cache = join(root, 'node_modules/.astro/check-files.bin');
    expect((await run(['--format', 'json'])).exitCode).toBe(0);
    expect(existsSync(cache)).toBe(true);
    const report = JSON.parse((await run([`postmortems/${REPEAT}`, '--format', 'json'])).stdout) as {
      problems: Problem[];
    };
    expect(report.problems.filter((problem) => problem.rule === 'possible-repeat')).toHaveLength(1);
  });

  test('warns at the title when there is no `related` key', async () => {
    const warnings = await repeatWarnings({
      [EARLIER]: fixture(EARLIER),
      [REPEAT]: fixture(REPEAT).replace('related: []\n', ''),
    });
    expect(warnings.map((warning) => warning.line)).toEqual([2]);
  });

  test('does not warn when the earlier incident is in `related` or in `notRepeatOf`', async () => {
    const related = fixture(REPEAT).replace('related: []', 'related: [2024-01-10-checkout-pool-exhausted]');
    const notRepeat = fixture(REPEAT).replace(
      'related: []',
      'notRepeatOf: [{ id: 2024-01-10-checkout-pool-exhausted, reason: A leak this time }]',
    );
    expect(await repeatWarnings({ [EARLIER]: fixture(EARLIER), [REPEAT]: related })).toEqual([]);
    expect(await repeatWarnings({ [EARLIER]: fixture(EARLIER), [REPEAT]: notRepeat })).toEqual([]);
  });
});

describe('githubAnnotation', () => {
  test('escapes separators in properties and shows newlines in the message as \\n', () => {
    const problem: Problem = {
      file: 'a,b:c.md',
      line: 2,
      column: 3,
      severity: 'warning',
      message: '50% done\nnext',
      rule: 'x',
    };
    expect(githubAnnotation(problem)).toBe('::warning file=a%2Cb%3Ac.md,line=2,col=3,title=x::50%25 done\\nnext');
  });

  test('keeps a file name with a newline and a workflow command inside one annotation', () => {
    const problem: Problem = {
      file: 'postmortems/x\n::error::forged.md',
      line: 1,
      column: 1,
      severity: 'error',
      message: 'ok\r\n::add-mask::x',
      rule: 'schema',
    };
    const annotation = githubAnnotation(problem);
    expect(annotation.split(/\r|\n|\u2028|\u2029/)).toHaveLength(1);
    expect(annotation).toBe(
      '::error file=postmortems/x\\n%3A%3Aerror%3A%3Aforged.md,line=1,col=1,title=schema::ok\\r\\n::add-mask::x',
    );
  });
});

describe('formatReport', () => {
  test('ends the text report with a summary that counts singulars right', () => {
    expect(formatReport([], 1, 'text')).toBe('0 errors, 0 warnings in 1 file\n');
  });
});
