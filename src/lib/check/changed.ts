/** Which postmortems a branch changed, from git. */
import { execFile } from 'node:child_process';
import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { quoteValue, SetupError } from '../errors';
import { idFromPath } from '../validate';

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

/** The top folder of the git repository holding `folder`, or a `SetupError` saying why `--changed` cannot work. */
async function repositoryOf(folder: string): Promise<string> {
  try {
    return (await git(folder, ['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    const missingGit = (error as { code?: string }).code === 'ENOENT';
    throw new SetupError(
      missingGit
        ? '--changed asks git what changed, and git is not installed'
        : `--changed asks git what changed, and the content folder ${quoteValue(folder, 200)} is not in a git repository`,
      'Check named files or folders (npm run check -- postmortems/2024-03-14-x.md), or the whole content folder without --changed.',
    );
  }
}

/** The result of asking git what changed. */
export interface ChangedFiles {
  /** The ref compared against (the requested base, or `HEAD` when it does not exist). */
  base: string;
  /** Changed postmortem files still present, relative to `contentDir`. */
  paths: string[];
  /** Postmortem files deleted (or renamed away) since the base, relative to `contentDir`. */
  deleted: string[];
}

/**
 * Postmortem files added, modified or deleted since `base` (committed, staged,
 * unstaged and untracked), relative to `contentDir`. Git is asked in the content
 * folder, so a content folder that is a repository of its own (`POSTMORTEMS_DIR`
 * pointing at another checkout) is compared in that repository. When `base` does
 * not exist there (a shallow clone without `origin/main`), compares with `HEAD`.
 */
export async function changedPostmortems({
  contentDir,
  base,
}: {
  contentDir: string;
  base: string;
}): Promise<ChangedFiles> {
  const top = await repositoryOf(contentDir);
  // Git names files from its top folder with symbolic links resolved (`/tmp` may be `/private/tmp`).
  const content = await realpath(contentDir);
  const effectiveBase = (await refExists(top, base)) ? base : 'HEAD';
  const mergeBase = effectiveBase === 'HEAD' ? 'HEAD' : (await git(top, ['merge-base', effectiveBase, 'HEAD'])).trim();
  const [tracked, untracked] = await Promise.all([
    // No rename detection: a renamed postmortem is a new id and a deleted one, and both matter.
    git(top, ['diff', '--name-status', '--no-renames', '-z', mergeBase, '--']),
    git(top, ['ls-files', '--others', '--exclude-standard', '-z']),
  ]);
  const statuses = tracked.split('\0');
  const entries = [
    ...Array.from({ length: Math.floor(statuses.length / 2) }, (_, index) => ({
      status: statuses[index * 2]!,
      path: statuses[index * 2 + 1]!,
    })),
    ...untracked.split('\0').map((path) => ({ status: 'A', path })),
  ];
  const paths = new Set<string>();
  const deleted = new Set<string>();
  for (const { status, path } of entries) {
    if (!/\.(md|mdx)$/i.test(path)) continue;
    const inContent = relative(content, resolve(top, path));
    if (inContent.startsWith('..') || isAbsolute(inContent)) continue;
    (status === 'D' ? deleted : paths).add(inContent.replaceAll('\\', '/'));
  }
  return { base: effectiveBase, paths: [...paths].sort(), deleted: [...deleted].sort() };
}

/** Files read at once when looking for the ones that name a deleted postmortem. */
const READ_AHEAD = 64;

/**
 * The postmortems among `files` (relative to `contentDir`) that may list one of
 * the `deleted` files in `related`: those whose bytes contain its id. A superset
 * (the id may appear in prose); checking them finds the real ones. Bytes, not
 * text: a file that is not UTF-8 is still searched, and its check reports that.
 */
export async function filesNaming(
  contentDir: string,
  files: readonly string[],
  deleted: readonly string[],
): Promise<string[]> {
  const present = new Set(files.map(idFromPath));
  const ids = deleted.map(idFromPath).filter((id) => !present.has(id));
  if (ids.length === 0) return [];
  const naming: string[] = [];
  for (let start = 0; start < files.length; start += READ_AHEAD) {
    const batch = files.slice(start, start + READ_AHEAD);
    const contents = await Promise.all(batch.map((file) => readFile(resolve(contentDir, file))));
    for (const [index, file] of batch.entries()) if (ids.some((id) => contents[index]!.includes(id))) naming.push(file);
  }
  return naming;
}
