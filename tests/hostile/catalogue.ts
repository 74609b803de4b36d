/**
 * The hostile-input catalogue's harness: writes a tiny project with the given
 * content files and runs `npm run check`'s command in-process on it, so each
 * case costs milliseconds instead of a site build. A handful of real builds
 * (`tests/hostile/builds.test.ts`) prove the build rejects what `check` rejects.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { runCheck } from '../../src/lib/check/run';
import type { Problem } from '../../src/lib/errors';
import { SiteConfigSchema } from '../../src/schemas/site-config';

const config = SiteConfigSchema.parse({});

/** A valid frontmatter, to which a case adds or overrides lines. */
function frontmatter(extra = ''): string {
  return `---
title: Checkout timeouts
summary: Checkout failed for 47 minutes.
severity: SEV3
startedAt: "2024-03-14T09:12:00Z"
resolvedAt: "2024-03-14T09:59:00Z"
services: [checkout]
authors: [Ada]
${extra}---
`;
}

/** A postmortem file: the valid frontmatter (plus `extra` lines), then `body`. */
export function postmortem(body: string, extra = ''): string {
  return `${frontmatter(extra)}\n${body}\n`;
}

/** What `check` said about a project. */
export interface CheckResult {
  exitCode: number;
  problems: Problem[];
  stdout: string;
  stderr: string;
  root: string;
}

/**
 * Runs `check --format json` on a project whose content folder holds `files`
 * (paths relative to the content folder; a Buffer is written byte for byte).
 */
export async function checkFiles(
  files: Record<string, string | Uint8Array>,
  {
    argv = [],
    env = {},
    setup,
  }: { argv?: string[]; env?: Record<string, string>; setup?: (root: string, contentDir: string) => void } = {},
): Promise<CheckResult> {
  const root = mkdtempSync(join(tmpdir(), 'hostile-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, 'postmortems', name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  mkdirSync(join(root, 'postmortems'), { recursive: true });
  setup?.(root, join(root, 'postmortems'));
  let stdout = '';
  let stderr = '';
  const exitCode = await runCheck({
    root,
    cwd: root,
    argv: ['--format', 'json', ...argv],
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    now: new Date('2024-06-01T00:00:00Z'),
    config,
  });
  let problems: Problem[] = [];
  try {
    problems = (JSON.parse(stdout) as { problems: Problem[] }).problems;
  } catch {
    // Not JSON: the assertions below show what was printed instead.
  }
  return { exitCode, problems, stdout, stderr, root };
}

/** Asserts that `check` rejected the file with an error of `rule` at `line`, and printed no stack trace. */
export function expectRejected(
  result: CheckResult,
  { rule, line, file }: { rule: string; line?: number; file?: string },
) {
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.exitCode).toBe(1);
  const match = result.problems.find(
    (problem) =>
      problem.severity === 'error' &&
      problem.rule === rule &&
      (line === undefined || problem.line === line) &&
      (file === undefined || problem.file.endsWith(file)),
  );
  expect(
    match,
    `expected a ${rule} error at line ${line ?? 'any'}; got ${JSON.stringify(result.problems)}`,
  ).toBeDefined();
}
