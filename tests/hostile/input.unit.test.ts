/**
 * The hostile-input catalogue, input half: files written to exhaust the checker,
 * to be read wrongly or not at all, and numbers that cannot be right. Each is
 * rejected by `check` at its file, line and rule, with no stack trace; the build
 * runs the same validation (`tests/hostile/input-builds.test.ts` proves the
 * set-up errors there).
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFiles, expectRejected, postmortem, type CheckResult } from './catalogue';

const FILE = '2024-03-14-checkout.md';
/** Line of the first `extra` frontmatter line in a file made by `frontmatter()`. */
const EXTRA = 9;
/** Line of the body's first line in a file made by `postmortem()` without extra lines. */
const BODY = 11;

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** Asserts that `check` stopped on a set-up mistake: exit 2, a message on stderr, no stack trace. */
function expectSetupError(result: CheckResult, message: RegExp) {
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=T', ...args], { cwd, stdio: 'pipe' });

/** Makes `dir` a git repository whose branch `main` holds every file in it. */
function commitAll(dir: string) {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'base');
}

describe('YAML that expands without bound', () => {
  test('an alias bomb is rejected in under a second at its first alias', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 12; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = performance.now();
    const result = await checkFiles({ [FILE]: postmortem('Body.', `${levels.join('\n')}\n`) });
    expect(performance.now() - started).toBeLessThan(1000);
    expectRejected(result, { rule: 'yaml-syntax', line: EXTRA + 1, file: FILE });
    expect(result.problems.find((problem) => problem.rule === 'yaml-syntax')?.message).toContain(
      'alias `*a` is not allowed in frontmatter',
    );
  });

  test('a single alias is rejected too: frontmatter never needs one', async () => {
    const result = await checkFiles({ [FILE]: postmortem('Body.', 'tags: &t [db]\nescalatedTo: *t\n') });
    expectRejected(result, { rule: 'yaml-syntax', line: EXTRA + 1, file: FILE });
  });

  test('a merge key built on an alias is rejected', async () => {
    const result = await checkFiles({
      [FILE]: postmortem('Body.', 'impact: &i { usersAffectedPct: 5 }\nx:\n  <<: *i\n'),
    });
    expectRejected(result, { rule: 'yaml-syntax', line: EXTRA + 2, file: FILE });
  });

  test('an alias name full of control characters is shown escaped', async () => {
    const result = await checkFiles({ [FILE]: postmortem('Body.', 'tags: *\u001b[2Jx\n') });
    expectRejected(result, { rule: 'yaml-syntax', line: EXTRA, file: FILE });
    expect(result.stdout).not.toContain('\u001b');
  });

  test('an ampersand and stars in quoted text are not aliases', async () => {
    const result = await checkFiles({ [FILE]: postmortem('Body.', 'tags: ["q&a", "*starred*"]\n') });
    expect(result.problems.filter((problem) => problem.rule === 'yaml-syntax')).toEqual([]);
  });
});

describe('frontmatter that is there but empty', () => {
  test('--- then --- says the frontmatter is empty', async () => {
    const result = await checkFiles({ [FILE]: '---\n---\n\nBody.\n' });
    expectRejected(result, { rule: 'frontmatter', line: 1, file: FILE });
    expect(result.problems[0]?.message).toMatch(/^empty frontmatter/);
  });

  test('frontmatter of comments and blank lines only is empty too', async () => {
    const result = await checkFiles({ [FILE]: '---\n# title: later\n\n---\n\nBody.\n' });
    expectRejected(result, { rule: 'frontmatter', line: 1, file: FILE });
  });
});

describe('files that are not UTF-8 text', () => {
  const encodingOf = (result: CheckResult) => result.problems.find((problem) => problem.rule === 'encoding')?.message;

  test('a Latin-1 letter in the frontmatter is named, with its line', async () => {
    const source = Buffer.concat([utf8('---\ntitle: Caf'), Buffer.from([0xe9]), utf8(postmortem('Body.').slice(20))]);
    const result = await checkFiles({ [FILE]: source });
    expectRejected(result, { rule: 'encoding', line: 2, file: FILE });
    expect(encodingOf(result)).toContain('byte 0xE9 (`é` in Latin-1 or Windows-1252) is not valid UTF-8');
  });

  test('a Latin-1 letter in the body is named at its line', async () => {
    const source = Buffer.concat([utf8(postmortem('Caf')), Buffer.from([0xe9, 0x0a])]);
    const result = await checkFiles({ [FILE]: source });
    expectRejected(result, { rule: 'encoding', line: BODY + 1, file: FILE });
  });

  test('a Windows-1252 curly quote is named', async () => {
    const source = Buffer.concat([utf8(postmortem('He said ')), Buffer.from([0x93, 0x68, 0x69, 0x94])]);
    const result = await checkFiles({ [FILE]: source });
    expectRejected(result, { rule: 'encoding', line: BODY + 1, file: FILE });
    expect(encodingOf(result)).toContain('0x93');
  });

  test('a stray UTF-8 continuation byte is rejected', async () => {
    const source = Buffer.concat([utf8(postmortem('Body ')), Buffer.from([0x80])]);
    expectRejected(await checkFiles({ [FILE]: source }), { rule: 'encoding', line: BODY + 1, file: FILE });
  });

  test('a character cut short at the end of the file is rejected', async () => {
    const source = Buffer.concat([utf8(postmortem('Body')), Buffer.from([0xe2, 0x82])]);
    expectRejected(await checkFiles({ [FILE]: source }), { rule: 'encoding', line: BODY + 1, file: FILE });
  });

  test('UTF-16 LE with a byte-order mark is named', async () => {
    const source = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(postmortem('Body.'), 'utf16le')]);
    const result = await checkFiles({ [FILE]: source });
    expectRejected(result, { rule: 'encoding', line: 1, file: FILE });
    expect(encodingOf(result)).toContain('UTF-16 LE');
  });

  test('UTF-16 BE with a byte-order mark is named', async () => {
    const source = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(postmortem('Body.'), 'utf16le').swap16()]);
    const result = await checkFiles({ [FILE]: source });
    expectRejected(result, { rule: 'encoding', line: 1, file: FILE });
    expect(encodingOf(result)).toContain('UTF-16 BE');
  });

  test('UTF-16 LE without a byte-order mark is named', async () => {
    const result = await checkFiles({ [FILE]: Buffer.from(postmortem('Body.'), 'utf16le') });
    expectRejected(result, { rule: 'encoding', line: 1, file: FILE });
    expect(encodingOf(result)).toContain('UTF-16 LE without a byte-order mark');
  });

  test('UTF-16 BE without a byte-order mark is named', async () => {
    const result = await checkFiles({ [FILE]: Buffer.from(postmortem('Body.'), 'utf16le').swap16() });
    expectRejected(result, { rule: 'encoding', line: 1, file: FILE });
    expect(encodingOf(result)).toContain('UTF-16 BE');
  });

  test('a NUL byte in the body is rejected at its line and column', async () => {
    const result = await checkFiles({ [FILE]: postmortem('Before\u0000after') });
    expectRejected(result, { rule: 'encoding', line: BODY, file: FILE });
    expect(result.problems.find((problem) => problem.rule === 'encoding')?.column).toBe(7);
  });

  test('a NUL byte in a frontmatter value is rejected', async () => {
    const result = await checkFiles({ [FILE]: postmortem('Body.', 'tags: ["a\u0000b"]\n') });
    expectRejected(result, { rule: 'encoding', line: EXTRA, file: FILE });
  });

  test('a file that is not UTF-8 does not stop the others being checked', async () => {
    const result = await checkFiles({
      [FILE]: Buffer.from([0xff, 0xfe, 0x2d, 0x00]),
      '2024-03-14-other.md': postmortem('Body.', 'impact: { usersAffectedPct: 500 }\n'),
    });
    expectRejected(result, { rule: 'encoding', line: 1, file: FILE });
    expectRejected(result, { rule: 'schema', file: '2024-03-14-other.md' });
  });
});

describe('files that look like postmortems but are skipped', () => {
  const skipped = ['2024-03-14-a.MD', '2024-03-14-b.Mdx', '2024-03-14-c.markdown', '2024-03-14-d.mdown'];

  for (const name of skipped) {
    test(`${name} is reported with the name to rename it to`, async () => {
      const result = await checkFiles({ [name]: postmortem('Body.') });
      expectRejected(result, { rule: 'skipped-file', line: 1, file: name });
      const renamed = name.endsWith('.Mdx') ? name.replace(/\.Mdx$/, '.mdx') : name.replace(/\.[^.]+$/, '.md');
      expect(result.problems.find((problem) => problem.rule === 'skipped-file')?.message).toContain(
        `rename it to \`${renamed}\``,
      );
    });
  }

  test('a dot-file is reported, with its name without the dot', async () => {
    const result = await checkFiles({ '.2024-03-14-hidden.md': postmortem('Body.') });
    expectRejected(result, { rule: 'skipped-file', line: 1, file: '.2024-03-14-hidden.md' });
    expect(result.problems[0]?.message).toContain('rename it to `2024-03-14-hidden.md`');
  });

  test('a skipped file in a subfolder is reported', async () => {
    const result = await checkFiles({ '2024/2024-03-14-nested.MARKDOWN': postmortem('Body.') });
    expectRejected(result, { rule: 'skipped-file', line: 1, file: '2024/2024-03-14-nested.MARKDOWN' });
  });

  test('partials, READMEs, editor lock files and dot-folders are left alone on purpose', async () => {
    const result = await checkFiles({
      '_partial.md': 'A partial.',
      '.#2024-03-14-being-edited.md': 'user@host.1234:1700000000',
      'README.md': '# Postmortems',
      'readme.MD': '# Postmortems',
      '.github/PULL_REQUEST_TEMPLATE.md': 'Checklist',
    });
    expect(result.problems).toEqual([]);
    expect(result.exitCode).toBe(0);
  });
});

describe('set-up mistakes', () => {
  test('a content folder that does not exist is a clear error, not an empty pass', async () => {
    const result = await checkFiles({}, { env: { POSTMORTEMS_DIR: 'no-such-folder' } });
    expectSetupError(
      result,
      /check: the content folder `.*no-such-folder` does not exist\nCreate it, or set POSTMORTEMS_DIR/,
    );
  });

  test('a content folder that is a file is a clear error', async () => {
    const result = await checkFiles(
      { [FILE]: postmortem('Body.') },
      { env: { POSTMORTEMS_DIR: `postmortems/${FILE}` } },
    );
    expectSetupError(result, /the content folder `.*2024-03-14-checkout\.md` is not a folder/);
  });

  test('--changed outside a git repository says why', async () => {
    const result = await checkFiles({ [FILE]: postmortem('Body.') }, { argv: ['--changed'] });
    expectSetupError(result, /--changed asks git what changed, and the content folder `.*` is not in a git repository/);
  });
});

describe('check --changed', () => {
  test('checks the content folder in a repository of its own', async () => {
    const result = await checkFiles(
      { [FILE]: postmortem('Body.') },
      {
        argv: ['--changed', '--base', 'main'],
        setup: (_root, contentDir) => {
          commitAll(contentDir);
          writeFileSync(join(contentDir, FILE), postmortem('Body.', 'impact: { usersAffectedPct: 500 }\n'));
        },
      },
    );
    expectRejected(result, { rule: 'schema', line: EXTRA, file: FILE });
  });

  test('checks the postmortems that list a deleted one in related', async () => {
    const result = await checkFiles(
      {
        '2024-03-14-lists.md': postmortem('Body.', 'related: [2024-03-14-gone]\n'),
        '2024-03-14-gone.md': postmortem('Body.'),
      },
      {
        argv: ['--changed', '--base', 'main'],
        setup: (root, contentDir) => {
          commitAll(root);
          rmSync(join(contentDir, '2024-03-14-gone.md'));
        },
      },
    );
    expectRejected(result, { rule: 'related-exists', line: EXTRA, file: '2024-03-14-lists.md' });
  });

  test('checks the postmortems that list a renamed one in related', async () => {
    const result = await checkFiles(
      {
        '2024-03-14-lists.md': postmortem('Body.', 'related: [2024-03-14-old-name]\n'),
        '2024-03-14-old-name.md': postmortem('Body.'),
      },
      {
        argv: ['--changed', '--base', 'main'],
        setup: (root) => {
          commitAll(root);
          git(root, 'checkout', '-qb', 'feature');
          git(root, 'mv', 'postmortems/2024-03-14-old-name.md', 'postmortems/2024-03-14-new-name.md');
          git(root, 'commit', '-qm', 'rename');
        },
      },
    );
    expectRejected(result, { rule: 'related-exists', line: EXTRA, file: '2024-03-14-lists.md' });
  });
});

describe('numbers that cannot be right', () => {
  test('a detected entry before startedAt, standing for detectedAt, would give a negative time to detect', async () => {
    const result = await checkFiles({
      [FILE]: postmortem('Body.', 'timeline:\n  - { at: "09:00", event: Alert, kind: detected }\n'),
    });
    expectRejected(result, { rule: 'schema', line: EXTRA + 1, file: FILE });
    expect(result.stdout).toContain('time to detect would be negative');
  });

  test('a mitigated entry before startedAt, standing for mitigatedAt, is rejected', async () => {
    const result = await checkFiles({
      [FILE]: postmortem('Body.', 'timeline:\n  - { at: "2024-03-14T08:00:00Z", event: Fix, kind: mitigated }\n'),
    });
    expectRejected(result, { rule: 'schema', line: EXTRA + 1, file: FILE });
    expect(result.stdout).toContain('time to mitigate would be negative');
  });

  test('a detected entry that disagrees with detectedAt is rejected at the entry', async () => {
    const result = await checkFiles({
      [FILE]: postmortem(
        'Body.',
        'detectedAt: "2024-03-14T09:20:00Z"\ntimeline:\n  - { at: "09:30", event: Alert, kind: detected }\n',
      ),
    });
    expectRejected(result, { rule: 'schema', line: EXTRA + 2, file: FILE });
    expect(result.stdout).toContain('disagrees with detectedAt (2024-03-14 09:20 UTC)');
  });

  test('a mitigated entry a day away from mitigatedAt by the HH:MM roll-over is rejected', async () => {
    const result = await checkFiles({
      [FILE]: postmortem(
        'Body.',
        'mitigatedAt: "2024-03-14T09:40:00Z"\ntimeline:\n  - { at: "09:50", event: a }\n  - { at: "09:40", event: Fix, kind: mitigated }\n',
      ),
    });
    expectRejected(result, { rule: 'schema', line: EXTRA + 3, file: FILE });
    expect(result.stdout).toContain('`09:40` resolves to 2024-03-15 09:40 UTC');
  });

  test('a resolved entry that disagrees with resolvedAt is rejected at the entry', async () => {
    const result = await checkFiles({
      [FILE]: postmortem('Body.', 'timeline:\n  - { at: "09:50", event: Done, kind: resolved }\n'),
    });
    expectRejected(result, { rule: 'schema', line: EXTRA + 1, file: FILE });
    expect(result.stdout).toContain('disagrees with resolvedAt (2024-03-14 09:59 UTC)');
  });

  test('an entry the roll-over carries out of the incident says where it landed and why', async () => {
    const result = await checkFiles({
      [FILE]: postmortem(
        'Body.',
        'timeline:\n  - { at: "09:30", event: a }\n  - { at: "09:20", event: b }\n  - { at: "09:10", event: c }\n',
      ),
    });
    expectRejected(result, { rule: 'schema', line: EXTRA + 3, file: FILE });
    expect(result.problems.find((problem) => problem.rule === 'schema')?.message).toContain(
      '`09:10` resolves to 2024-03-16 09:10 UTC ("HH:MM" is on startedAt',
    );
  });

  test('an entry in the incident zone that rolls past midnight shows the local date-time', async () => {
    const result = await checkFiles({
      [FILE]: postmortem(
        'Body.',
        'timezone: Asia/Tokyo\ntimeline:\n  - { at: "18:30", event: a }\n  - { at: "18:20", event: b }\n  - { at: "18:10", event: c }\n',
      ),
    });
    expectRejected(result, { rule: 'schema', line: EXTRA + 4, file: FILE });
    expect(result.stdout).toMatch(/`18:10` resolves to 2024-03-16 18:10 \S+ \(UTC\+09:00\)/);
  });
});
