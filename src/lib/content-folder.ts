/**
 * Finding and validating every postmortem in the content folder, without Astro,
 * so the build and `npm run check` see exactly the same files and rules.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import type { PostmortemSchema } from '../schemas/postmortem';
import type { Problem } from './errors';
import { checkCorpus, validatePostmortemSource, type ValidatedFile } from './validate';

/** Postmortem files: Markdown and MDX, except partials (`_name.md`) and READMEs. */
export const CONTENT_PATTERNS = ['**/*.{md,mdx}', '!**/_*', '!**/README.md'];

/** The folder holding postmortems: `POSTMORTEMS_DIR` (absolute or relative to `root`), else `postmortems/`. */
export function resolveContentDir(root: string, env: Record<string, string | undefined> = process.env): string {
  const configured = env['POSTMORTEMS_DIR']?.trim();
  if (!configured) return resolve(root, 'postmortems');
  return isAbsolute(configured) ? configured : resolve(root, configured);
}

/** Paths (relative to `contentDir`, `/`-separated, sorted) of every postmortem file. */
export async function listPostmortemFiles(contentDir: string): Promise<string[]> {
  const files = await glob(CONTENT_PATTERNS, { cwd: contentDir, expandDirectories: false });
  return files.sort();
}

/** Everything known about a content folder after validation. */
export interface ValidatedFolder {
  files: ValidatedFile[];
  problems: Problem[];
}

/**
 * Reads and validates the given files (default: all of them) of `contentDir`,
 * then applies the corpus rules across all files of the folder.
 * Paths in problems are shown relative to `root`.
 */
export async function validateContentFolder({
  root,
  contentDir,
  schema,
}: {
  root: string;
  contentDir: string;
  schema: PostmortemSchema;
}): Promise<ValidatedFolder> {
  const relativePaths = await listPostmortemFiles(contentDir);
  const files = await Promise.all(
    relativePaths.map(async (relativePath) => {
      const absolute = resolve(contentDir, relativePath);
      const source = await readFile(absolute, 'utf8');
      return validatePostmortemSource({ file: displayPath(root, absolute), relativePath, source }, schema);
    }),
  );
  return { files, problems: [...files.flatMap((file) => file.problems), ...checkCorpus(files)] };
}

/** `absolute` relative to `root` when inside it, else as is, always with `/`. */
export function displayPath(root: string, absolute: string): string {
  const fromRoot = relative(root, absolute);
  return (fromRoot.startsWith('..') || isAbsolute(fromRoot) ? absolute : fromRoot).replaceAll('\\', '/');
}
