/** Which postmortems a branch changed, from git. */
import { execFile } from 'node:child_process';
import { isAbsolute, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function refExists(cwd: string, ref: string): Promise<boolean> {
  return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).then(
    () => true,
    () => false,
  );
}

/** The result of asking git what changed. */
export interface ChangedFiles {
  /** The ref compared against (the requested base, or `HEAD` when it does not exist). */
  base: string;
  /** Changed postmortem files still present, relative to `contentDir`. */
  paths: string[];
}

/**
 * Postmortem files added or modified since `base` (committed, staged, unstaged
 * and untracked), relative to `contentDir`. When `base` does not exist
 * (a shallow clone without `origin/main`), compares with `HEAD`.
 */
export async function changedPostmortems({
  cwd,
  contentDir,
  base,
}: {
  cwd: string;
  contentDir: string;
  base: string;
}): Promise<ChangedFiles> {
  const top = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  const effectiveBase = (await refExists(cwd, base)) ? base : 'HEAD';
  const mergeBase = effectiveBase === 'HEAD' ? 'HEAD' : (await git(cwd, ['merge-base', effectiveBase, 'HEAD'])).trim();
  const [tracked, untracked] = await Promise.all([
    git(top, ['diff', '--name-only', '--diff-filter=ACMR', '-z', mergeBase, '--']),
    git(top, ['ls-files', '--others', '--exclude-standard', '-z']),
  ]);
  const paths = new Set<string>();
  for (const path of [...tracked.split('\0'), ...untracked.split('\0')]) {
    if (!/\.(md|mdx)$/i.test(path)) continue;
    const inContent = relative(contentDir, resolve(top, path));
    if (!inContent.startsWith('..') && !isAbsolute(inContent)) paths.add(inContent.replaceAll('\\', '/'));
  }
  return { base: effectiveBase, paths: [...paths].sort() };
}
