/**
 * `npm run check`: validates postmortems without building the site and reports
 * every problem at its file, line and column, for people, GitHub or tools.
 */
import { readFile, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runWithUsage, UsageError, type CommandContext } from '../cli';
import {
  checkContentFolder,
  displayPath,
  listPostmortemFiles,
  parallelWorkers,
  resolveContentDir,
  type CheckedFile,
  type CheckFolderOptions,
} from '../content-folder';
import { duePolicyOf } from '../due-dates';
import { quoteValue, sortProblems } from '../errors';
import { ALL_RULES, createLintContext } from '../lint';
import { parseFrontmatter, splitFrontmatter } from '../frontmatter';
import { readUtf8 } from '../text-encoding';
import { changedPostmortems, filesNaming } from './changed';
import { checkCachePath, contentDigest, derivationKey, openFileCache } from './file-cache';
import { formatReport, OUTPUT_FORMATS, type OutputFormat } from './output';
import { possibleRepeatProblems, type LocateField } from './possible-repeat';

const CHECK_USAGE = `Usage: npm run check -- [paths…] [--changed [--base <ref>]] [--format text|github|json]

Checks postmortems against the frontmatter schema and the body rules, without building the site.
  paths…           files or folders to check (default: the whole content folder)
  --changed        only files changed against --base (committed, staged, unstaged or new)
  --base <ref>     what --changed compares with (default origin/main, else HEAD)
  --format <name>  text (default), github (annotations; default when GITHUB_ACTIONS=true) or json
Exits with 1 when any error is found.`;

/** Everything `check` touches, so tests can run it in-process. */
export interface CheckContext extends CommandContext {
  /** Where relative paths on the command line start. */
  cwd: string;
}

/** Relative paths (under `contentDir`) of the postmortems named by command-line `paths`. */
async function selectPaths(
  paths: readonly string[],
  cwd: string,
  contentDir: string,
  all: readonly string[],
): Promise<string[]> {
  const selected = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const inContent = relative(contentDir, absolute).replaceAll('\\', '/');
    if (inContent.startsWith('..'))
      throw new UsageError(
        `${quoteValue(path, 200)} is not inside the content folder ${contentDir}; set POSTMORTEMS_DIR to check another folder`,
      );
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new UsageError(`${quoteValue(path, 200)} does not exist`);
    const matches = info.isDirectory()
      ? all.filter((file) => inContent === '' || file.startsWith(`${inContent}/`))
      : all.filter((file) => file === inContent);
    if (!info.isDirectory() && matches.length === 0)
      throw new UsageError(
        `${quoteValue(path, 200)} is not a postmortem (expected a .md or .mdx file not starting with _)`,
      );
    for (const match of matches) selected.add(match);
  }
  return [...selected].sort();
}

/**
 * The files of the folder that `only` leaves out, validated but not linted, for the rules
 * comparing a file with all the others (`possible-repeat`); their own problems are not this run's.
 * What they derive to is kept in a cache (see `./file-cache`): an unchanged file is read and hashed, not validated.
 */
async function otherFiles({
  only,
  all,
  cachePath,
  ...folder
}: Pick<CheckFolderOptions, 'root' | 'contentDir' | 'schema'> & {
  all: readonly string[];
  only: readonly string[] | undefined;
  cachePath: string;
}): Promise<CheckedFile[]> {
  if (!only) return [];
  const selected = new Set(only);
  const rest = all.filter((file) => !selected.has(file));
  const cache = await openFileCache(cachePath, await derivationKey(folder.schema));
  const digests = await Promise.all(
    rest.map(async (file) => contentDigest(await readFile(resolve(folder.contentDir, file)))),
  );
  const byPath = new Map<string, CheckedFile>();
  const missing: { path: string; digest: string }[] = [];
  for (const [index, path] of rest.entries()) {
    const cached = cache.get(path, digests[index]!);
    if (cached) byPath.set(path, cached);
    else missing.push({ path, digest: digests[index]! });
  }
  if (missing.length > 0) {
    const { files } = await checkContentFolder({
      ...folder,
      only: missing.map(({ path }) => path),
      workers: parallelWorkers(missing.length),
    });
    // By shown path: a batch gives its unreadable files last.
    const byShownPath = new Map(files.map((file) => [file.file, file]));
    for (const { path, digest } of missing) {
      const file = byShownPath.get(displayPath(folder.root, resolve(folder.contentDir, path)))!;
      byPath.set(path, file);
      cache.set(path, digest, file);
    }
  }
  // Another run's cache written over, or not written for lack of room: either way this run's answer stands.
  await cache.save(all).catch(() => undefined);
  return rest.map((path) => byPath.get(path)!);
}

/**
 * After a check of the whole folder, its files go into the cache `otherFiles` reads, so that checking one file
 * next (a writer's usual second step) reads the others from it instead of validating 10,000 files again.
 */
async function rememberCheckedFiles({
  files,
  all,
  cachePath,
  ...folder
}: Pick<CheckFolderOptions, 'root' | 'contentDir' | 'schema'> & {
  files: readonly CheckedFile[];
  all: readonly string[];
  cachePath: string;
}): Promise<void> {
  const cache = await openFileCache(cachePath, await derivationKey(folder.schema));
  const byShownPath = new Map(files.map((file) => [file.file, file]));
  await Promise.all(
    all.map(async (path) => {
      const absolute = resolve(folder.contentDir, path);
      const file = byShownPath.get(displayPath(folder.root, absolute));
      if (file) cache.set(path, contentDigest(await readFile(absolute)), file);
    }),
  );
  await cache.save(all).catch(() => undefined);
}

/** Where a field of a checked file was written, read again from the file: only files that warn pay for it. */
const locateFieldIn =
  (root: string): LocateField =>
  async (file, field) => {
    const source = await readUtf8(resolve(root, file.file));
    return source.ok ? parseFrontmatter(splitFrontmatter(source.text)).locate([field]) : { line: 1, column: 1 };
  };

/** Runs the command; resolves to the exit code (0 clean or warnings only, 1 errors, 2 usage). */
export function runCheck(context: CheckContext): Promise<number> {
  return runWithUsage('check', CHECK_USAGE, context, async () => {
    const { values, positionals } = parseArgs({
      args: [...context.argv],
      allowPositionals: true,
      options: {
        changed: { type: 'boolean', default: false },
        base: { type: 'string', default: 'origin/main' },
        format: { type: 'string', short: 'f' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      context.stdout.write(`${CHECK_USAGE}\n`);
      return 0;
    }
    const format = (values.format ?? (context.env['GITHUB_ACTIONS'] === 'true' ? 'github' : 'text')) as OutputFormat;
    if (!OUTPUT_FORMATS.includes(format))
      throw new UsageError(`unknown format ${quoteValue(values.format)}; use text, github or json`);

    const contentDir = resolveContentDir(context.root, context.env);
    const all = await listPostmortemFiles(contentDir);
    let only: string[] | undefined;
    if (values.changed) {
      const changed = await changedPostmortems({ contentDir, base: values.base });
      if (changed.base !== values.base)
        context.stderr.write(`${values.base} not found; checking changes against HEAD\n`);
      // A deleted postmortem breaks the ones that list it in `related`, though they did not change.
      const naming = await filesNaming(contentDir, all, changed.deleted);
      only = [...new Set([...changed.paths.filter((path) => all.includes(path)), ...naming])].sort();
    } else if (positionals.length > 0) {
      only = await selectPaths(positionals, context.cwd, contentDir, all);
    }

    const schema = {
      severities: context.config.severities,
      defaultTimezone: context.config.defaultTimezone,
      fields: context.config.fields,
    };
    const checked = await checkContentFolder({
      root: context.root,
      contentDir,
      schema,
      only,
      lint: {
        rules: ALL_RULES,
        context: createLintContext({
          root: context.root,
          contentDir,
          config: context.config.lint,
          sections: context.config.sections,
          policy: duePolicyOf(context.config),
          now: context.now,
        }),
      },
      workers: parallelWorkers((only ?? all).length),
      log: (line) => context.stderr.write(`${line}\n`),
    });
    const cachePath = checkCachePath(context.root, context.env);
    const others = await otherFiles({ root: context.root, contentDir, schema, all, only, cachePath });
    if (!only)
      await rememberCheckedFiles({ root: context.root, contentDir, schema, files: checked.files, all, cachePath });
    const repeats = await possibleRepeatProblems(
      [...checked.files, ...others],
      new Set(checked.files.map((file) => file.id)),
      context.config.similarity,
      locateFieldIn(context.root),
    );
    const problems = sortProblems([...checked.problems, ...repeats]);
    context.stdout.write(formatReport(problems, checked.files.length, format));
    return problems.some((problem) => problem.severity === 'error') ? 1 : 0;
  });
}
