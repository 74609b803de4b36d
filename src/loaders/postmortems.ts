/**
 * The content loader for postmortems, in four steps, each a module of its own:
 *
 * 1. list the postmortem files (`listPostmortemFiles`);
 * 2. validate what changed since the last build (`filesToValidate`, then
 *    `validateFiles`: the same validation, lint and cross-file rules as
 *    `npm run check`, so a bad file stops the build with its path, line, field
 *    and the fix);
 * 3. render plain MDX bodies to HTML (`renderPlainFiles`);
 * 4. hand the entries to Astro's glob loader, through a store that keeps out
 *    other audiences' postmortems (`audienceStore`).
 *
 * `astro dev` reloads one changed file through steps 2 and 3 with that file alone.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type ParseDataOptions } from 'astro/loaders';
import { escapePath } from 'tinyglobby';
import { displayPath, listPostmortemFiles, resolveContentDir, CONTENT_PATTERNS } from '../lib/content-folder';
import { resolveAudience } from '../lib/audience';
import { duePolicyOf } from '../lib/due-dates';
import { BUILD_RULES, createLintContext } from '../lib/lint';
import { createPlainMdxRenderer, plainMdxUnavailable } from '../lib/plain-mdx';
import { resolveBuildDate } from '../lib/time';
import { idFromPath } from '../lib/validate';
import type { SiteConfig } from '../schemas/site-config';
import { buildFailure } from './build-errors';
import { withDataFileDigests } from './data-files';
import { filesToValidate, previouslyExcluded, rememberValidation } from './changed-files';
import { audienceStore, type AudienceFilter } from './entry-store';
import { renderPlainFiles } from './render-plain';
import { validateFiles } from './validate-files';
import { validationKey } from './validation-key';

/**
 * Loads every postmortem of the content folder (`POSTMORTEMS_DIR`, else
 * `postmortems/`), validates it against the schema built from `config` and applies the lint rules that
 * guard what gets published (no scripts, iframes, `javascript:` links or foreign imports; a real body).
 */
export function postmortemLoader({
  config,
}: {
  config: Pick<SiteConfig, 'severities' | 'defaultTimezone' | 'fields' | 'lint' | 'followThrough'>;
}): Loader {
  const schema = { severities: config.severities, defaultTimezone: config.defaultTimezone, fields: config.fields };
  const loader: Loader = {
    name: 'postmortem-loader',
    async load(context) {
      const root = fileURLToPath(context.config.root);
      const contentDir = resolveContentDir(root);
      const audience: AudienceFilter = {
        audience: resolveAudience(process.env['POSTMORTEMS_AUDIENCE']),
        includeDrafts: import.meta.env.DEV,
      };
      const lintContext = createLintContext({
        root,
        contentDir,
        config: config.lint,
        policy: duePolicyOf(config),
        now: resolveBuildDate(process.env['POSTMORTEMS_BUILD_DATE']),
      });
      const unavailable = plainMdxUnavailable(context.config);
      if (unavailable)
        context.logger.info(`Plain MDX rendering is off: ${unavailable}. Astro compiles every MDX file.`);
      const render = unavailable ? undefined : await createPlainMdxRenderer(context.config.markdown);
      const steps = { root, contentDir, schema, lintContext, logger: context.logger };

      // 1. List the files.
      const all = await listPostmortemFiles(contentDir);
      // 2. Validate what changed.
      const key = await validationKey(context, {
        root,
        contentDir,
        audience,
        schemaOptions: schema,
        lint: config.lint,
        rules: BUILD_RULES.map((rule) => rule.id),
      });
      const excluded = previouslyExcluded(context, key);
      // A file's digest covers the data its charts draw: a changed CSV makes its postmortem a changed file.
      const digested = await withDataFileDigests(context, contentDir, all);
      const only = await filesToValidate(digested, contentDir, all, key, excluded);
      // Entries made under other settings or code are made again, even from files that did not change.
      if (!only) context.store.clear();
      const folder = await validateFiles({ ...steps, all, only });
      // Each entry's data is what validation made of it, so the schema runs once per file, on every core (running it
      // again through Astro's parseData cost 1.3 s at 10,000 postmortems). Astro's own reading of the frontmatter is
      // never used: it is YAML 1.1, which turns `2024-03-14T09:12:00` into a UTC Date and hides a missing offset.
      const dataByFile = new Map(folder.files.map((file) => [file.file, file.data]));
      // 3. Render plain MDX.
      const renderedByPath = await renderPlainFiles(render, contentDir, only ?? all, context.logger);

      // 4. Hand the entries to Astro. Files known to be another audience's and unchanged are not even read again.
      const changed = new Set(only ?? all);
      const skipped = [...excluded.keys()].filter((file) => !changed.has(file)).map((file) => `!${escapePath(file)}`);
      // No page reads an entry's raw body: keeping it would double the store that every build loads and bundles.
      const files = glob({
        pattern: [...CONTENT_PATTERNS, ...skipped],
        base: contentDir,
        generateId: ({ entry }) => idFromPath(entry),
        retainBody: false,
      });
      await files.load({
        ...digested,
        store: audienceStore(context.store, { root, contentDir, audience }, renderedByPath, excluded),
        parseData: async <TData extends Record<string, unknown>>(entry: ParseDataOptions<TData>) => {
          const file = displayPath(root, entry.filePath ?? '');
          let data = dataByFile.get(file);
          if (data === undefined && entry.filePath) {
            // A file changed while `astro dev` runs: steps 2 and 3 for it alone, against the folder as it is now.
            const changedFile = relative(contentDir, entry.filePath).replaceAll('\\', '/');
            const allNow = await listPostmortemFiles(contentDir);
            const validated = await validateFiles({ ...steps, all: allNow, only: [changedFile] });
            data = validated.files[0]?.data;
            const rendered = (await renderPlainFiles(render, contentDir, [changedFile], context.logger)).get(
              entry.filePath,
            );
            if (rendered) renderedByPath.set(entry.filePath, rendered);
            else renderedByPath.delete(entry.filePath);
          }
          return data === undefined ? context.parseData(entry) : (data as unknown as TData);
        },
      });
      rememberValidation(context, key, excluded);
      // From now on only `astro dev` reloads single files; read those afresh.
      dataByFile.clear();
      renderedByPath.clear();
    },
  };
  return {
    ...loader,
    load: (context) =>
      loader.load(context).catch((error: unknown) => {
        throw buildFailure(error, fileURLToPath(context.config.root));
      }),
  };
}
