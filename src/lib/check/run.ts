/**
 * `npm run check`: validates postmortems without building the site and reports
 * every problem at its file, line and column, for people, GitHub or tools.
 */
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runWithUsage, UsageError, type CommandContext } from '../cli';
import { checkContentFolder, listPostmortemFiles, parallelWorkers, resolveContentDir } from '../content-folder';
import { duePolicyOf } from '../due-dates';
import { quoteValue, sortProblems } from '../errors';
import { ALL_RULES, createLintContext } from '../lint';
import { changedPostmortems, filesNaming } from './changed';
import { formatReport, OUTPUT_FORMATS, type OutputFormat } from './output';

export const CHECK_USAGE = `Usage: npm run check -- [paths…] [--changed [--base <ref>]] [--format text|github|json]

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

    const checked = await checkContentFolder({
      root: context.root,
      contentDir,
      schema: { severities: context.config.severities, defaultTimezone: context.config.defaultTimezone },
      only,
      lint: {
        rules: ALL_RULES,
        context: createLintContext({
          root: context.root,
          contentDir,
          config: context.config.lint,
          policy: duePolicyOf(context.config),
          now: context.now,
        }),
      },
      workers: parallelWorkers((only ?? all).length),
      log: (line) => context.stderr.write(`${line}\n`),
    });
    const problems = sortProblems(checked.problems);
    context.stdout.write(formatReport(problems, checked.files.length, format));
    return problems.some((problem) => problem.severity === 'error') ? 1 : 0;
  });
}
