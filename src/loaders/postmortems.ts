/**
 * The content loader for postmortems: Astro's glob loader, preceded by the same
 * validation `npm run check` runs, so a bad file stops the build with its path,
 * line, field and the fix — never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { glob, type Loader, type ParseDataOptions } from 'astro/loaders';
import { checkContentFolder, CONTENT_PATTERNS, displayPath, resolveContentDir } from '../lib/content-folder';
import { formatProblem, sortProblems, type Problem } from '../lib/errors';
import { BUILD_RULES, createLintContext, LintDocument, lintDocument } from '../lib/lint';
import { resolveBuildDate } from '../lib/time';
import type { LintConfig } from '../schemas/lint';
import { idFromPath, validatePostmortemSource } from '../lib/validate';
import type { PostmortemSchema } from '../schemas/postmortem';

function failOn(problems: readonly Problem[]): void {
  const errors = sortProblems(problems.filter((problem) => problem.severity === 'error'));
  if (errors.length === 0) return;
  const files = new Set(errors.map((error) => error.file)).size;
  const error = new AstroError(
    `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in ${files} postmortem ${files === 1 ? 'file' : 'files'}:\n${errors.map(formatProblem).join('\n')}`,
    'Fix each problem at the line shown.',
  );
  // The problems are the user's to fix, not ours: a stack trace into the loader would only distract.
  error.stack = '';
  throw error;
}

/**
 * Loads every postmortem of the content folder (`POSTMORTEMS_DIR`, else
 * `postmortems/`), validates it with `schema` and applies the lint rules that
 * guard what gets published (no scripts, iframes, `javascript:` links or foreign imports; a real body).
 */
export function postmortemLoader({ schema, lint }: { schema: PostmortemSchema; lint: LintConfig }): Loader {
  return {
    name: 'postmortem-loader',
    async load(context) {
      const root = fileURLToPath(context.config.root);
      const contentDir = resolveContentDir(root);
      const files = glob({ pattern: CONTENT_PATTERNS, base: contentDir, generateId: ({ entry }) => idFromPath(entry) });
      const lintContext = createLintContext({ root, config: lint, now: resolveBuildDate(process.env['POSTMORTEMS_BUILD_DATE']) });
      const folder = await checkContentFolder({ root, contentDir, schema, lint: { rules: BUILD_RULES, context: lintContext } });
      failOn(folder.problems);
      // Astro parses frontmatter with YAML 1.1, which turns `2024-03-14T09:12:00`
      // into a UTC Date and hides a missing offset; hand the schema our YAML 1.2 values instead.
      const rawByFile = new Map(folder.files.map((file) => [file.file, file.raw]));
      await files.load({
        ...context,
        parseData: async <TData extends Record<string, unknown>>(entry: ParseDataOptions<TData>) => {
          const file = displayPath(root, entry.filePath ?? '');
          let raw = rawByFile.get(file);
          if (raw === undefined && entry.filePath) {
            // A file changed while `astro dev` runs: validate it on its own.
            const source = await readFile(entry.filePath, 'utf8');
            const validated = validatePostmortemSource({ file, relativePath: relative(contentDir, entry.filePath), source }, schema);
            failOn([...validated.problems, ...lintDocument(new LintDocument(validated, entry.filePath, source), lintContext, BUILD_RULES)]);
            raw = validated.raw;
          }
          return context.parseData({ ...entry, data: raw as TData });
        },
      });
      // From now on only `astro dev` reloads single files; read those afresh.
      rawByFile.clear();
    },
  };
}
