/**
 * Finding, validating and linting the postmortems of a content folder, without
 * Astro, so that the build and `npm run check` see the same files and rules.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import type { PostmortemSchema } from '../schemas/postmortem';
import type { Problem } from './errors';
import { LintDocument, lintDocument, type LintContext, type LintRule } from './lint';
import { checkCorpus, idFromPath, validatePostmortemSource, type ValidatedFile } from './validate';

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

/** `absolute` relative to `root` when inside it, else as is, always with `/`. */
export function displayPath(root: string, absolute: string): string {
  const fromRoot = relative(root, absolute);
  return (fromRoot.startsWith('..') || isAbsolute(fromRoot) ? absolute : fromRoot).replaceAll('\\', '/');
}

/** What to check and how. */
export interface CheckFolderOptions {
  /** Project root; paths in problems are shown relative to it. */
  root: string;
  contentDir: string;
  schema: PostmortemSchema;
  /** Files to check, relative to `contentDir`; default all. Corpus rules still see every file. */
  only?: readonly string[] | undefined;
  /** Lint rules to run on each file's body, with their context; none when omitted. */
  lint?: { rules: readonly LintRule[]; context: LintContext } | undefined;
}

/** The files checked and every problem found. */
export interface CheckedFolder {
  files: ValidatedFile[];
  problems: Problem[];
}

/** Validates (and optionally lints) files of a content folder, then applies the corpus rules. */
export async function checkContentFolder({ root, contentDir, schema, only, lint }: CheckFolderOptions): Promise<CheckedFolder> {
  const all = await listPostmortemFiles(contentDir);
  const selected = only ?? all;
  const checked = await Promise.all(
    selected.map(async (relativePath) => {
      const absolutePath = resolve(contentDir, relativePath);
      const source = await readFile(absolutePath, 'utf8');
      const file = validatePostmortemSource({ file: displayPath(root, absolutePath), relativePath, source }, schema);
      const lintProblems = lint ? lintDocument(new LintDocument(file, absolutePath, source), lint.context, lint.rules) : [];
      return { file, problems: [...file.problems, ...lintProblems] };
    }),
  );
  const files = checked.map((entry) => entry.file);
  const known = all.map((relativePath) => ({ id: idFromPath(relativePath), file: displayPath(root, resolve(contentDir, relativePath)) }));
  return { files, problems: [...checked.flatMap((entry) => entry.problems), ...checkCorpus(files, known)] };
}
