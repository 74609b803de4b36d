/**
 * The content loader for postmortems, in four steps, each a module of its own:
 *
 * 1. list the postmortem files (`listPostmortemFiles`);
 * 2. validate what changed since the last build (`filesToValidate`, then
 *    `validateFiles`: the same validation, lint and cross-file rules as
 *    `npm run check`, so a bad file stops the build with its path, line, field
 *    and the fix);
 * 3. render plain MDX bodies to HTML (`renderPlainFiles`);
 * 4. store the entries (`storeEntries`), through a store that keeps out
 *    other audiences' postmortems (`audienceStore`).
 *
 * `astro dev` reloads one changed file through steps 2 to 4 with that file alone.
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { displayPath, listPostmortemFiles, resolveContentDir } from '../lib/content-folder';
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
import { storeEntries, storeFiles } from './store-entries';

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

      // 4. Store the entries. Files known to be another audience's and unchanged are not even read again.
      const store = audienceStore(context.store, { root, contentDir, audience }, renderedByPath, excluded);
      const changed = only ? new Set(only) : undefined;
      const dataOf = (file: string) => dataByFile.get(displayPath(root, join(contentDir, file)));
      const storing = { ...digested, store };
      await storeEntries(storing, {
        root,
        contentDir,
        files: all.filter((file) => changed?.has(file) !== false || !excluded.has(file)),
        changed,
        dataOf,
      });
      rememberValidation(context, key, excluded);
      // From now on only `astro dev` reloads single files, through steps 2 to 4 with that file alone.
      dataByFile.clear();
      renderedByPath.clear();
      // The content folder may lie outside the project, where Astro's own watcher does not look.
      context.watcher?.add(contentDir);
      context.watcher?.on('all', (event, path) => {
        const file = relative(contentDir, path).replaceAll('\\', '/');
        if (event === 'unlink') {
          const id = idFromPath(file);
          if (context.store.get(id)?.filePath === relative(root, path).replaceAll('\\', '/')) context.store.delete(id);
          return;
        }
        if (event !== 'add' && event !== 'change') return;
        void (async () => {
          // Against the folder as it is now: its other files are what the cross-file rules compare with.
          const allNow = await listPostmortemFiles(contentDir);
          if (!allNow.includes(file)) return;
          const validated = await validateFiles({ ...steps, all: allNow, only: [file] });
          for (const checked of validated.files) dataByFile.set(checked.file, checked.data);
          for (const [renderedPath, rendered] of await renderPlainFiles(render, contentDir, [file], context.logger))
            renderedByPath.set(renderedPath, rendered);
          await storeFiles(storing, { root, contentDir, files: [file], dataOf });
          context.logger.info(`Reloaded ${file}`);
        })()
          .catch((error: unknown) => {
            // As Astro's own loaders do in `astro dev`: the file is reported and the server goes on.
            const failure = buildFailure(error, root);
            context.logger.error(failure instanceof Error ? failure.message : String(failure));
          })
          .finally(() => {
            dataByFile.clear();
            renderedByPath.clear();
          });
      });
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
