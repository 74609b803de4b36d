/**
 * The content loader for postmortems: Astro's glob loader, preceded by the same
 * validation `npm run check` runs, so a bad file stops the build with its path,
 * line, field and the fix — never a stack trace.
 *
 * Validation runs on every core, and only on what changed: a file whose text
 * is the one an earlier build validated (Astro's store keeps its digest) under
 * the same rules is not read twice, so a rebuild with a kept cache validates
 * one edited postmortem, not ten thousand.
 *
 * MDX files without JSX, expressions, imports or images are rendered to HTML
 * here (`src/lib/plain-mdx.ts`) and stored like Markdown, so Vite has a module
 * to bundle only for the MDX files that need one.
 */
import { readFile } from 'node:fs/promises';
import { findPackageJSON } from 'node:module';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AstroError } from 'astro/errors';
import { glob, type DataStore, type Loader, type LoaderContext, type ParseDataOptions } from 'astro/loaders';
import { escapePath } from 'tinyglobby';
import {
  checkContentFolder,
  CONTENT_PATTERNS,
  displayPath,
  knownFiles,
  listPostmortemFiles,
  parallelWorkers,
  resolveContentDir,
} from '../lib/content-folder';
import { isInBuild, resolveAudience } from '../lib/audience';
import { duePolicyOf } from '../lib/due-dates';
import { escapeControl, formatProblem, SetupError, sortProblems, type Problem } from '../lib/errors';
import { plural } from '../lib/format';
import { splitFrontmatter } from '../lib/frontmatter';
import { BUILD_RULES, createLintContext, LintDocument, lintDocument } from '../lib/lint';
import { localModules } from '../lib/module-graph';
import { createPlainMdxRenderer, type PlainMdxRenderer, type RenderedBody } from '../lib/plain-mdx';
import { readFiles } from '../lib/read-files';
import { encodingProblem, readUtf8, TextEncodingError } from '../lib/text-encoding';
import { resolveBuildDate } from '../lib/time';
import { checkCorpus, idFromPath, validatePostmortemSource } from '../lib/validate';
import { createPostmortemSchema, type PostmortemData } from '../schemas/postmortem';
import type { SiteConfig } from '../schemas/site-config';

/** Who this build is for, and whether drafts are shown (`astro dev`). */
type AudienceFilter = Parameters<typeof isInBuild>[1];

/** The build's error for `errors`, one escaped line each (see `formatProblem`): no line of it can come from content. */
function problemsError(errors: readonly Problem[]): AstroError {
  const files = new Set(errors.map((error) => error.file)).size;
  const error = new AstroError(
    `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in ${files} postmortem ${files === 1 ? 'file' : 'files'}:\n${sortProblems(errors).map(formatProblem).join('\n')}`,
    'Fix each problem at the line shown.',
  );
  // The problems are the user's to fix, not ours: a stack trace into the loader would only distract.
  error.stack = '';
  return error;
}

function failOn(problems: readonly Problem[]): void {
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw problemsError(errors);
}

/**
 * What the build shows for an error of the loader: a set-up mistake (no content
 * folder, an unknown audience) or a file that is not UTF-8 text, met wherever the
 * loader reads, as its message alone; any other error as it is.
 */
function buildFailure(error: unknown, root: string): unknown {
  if (error instanceof TextEncodingError)
    return problemsError([encodingProblem(displayPath(root, error.path), error.failure)]);
  if (!(error instanceof SetupError)) return error;
  const failure = new AstroError(escapeControl(error.message), error.hint);
  failure.stack = '';
  return failure;
}

/** Where the loader keeps the files left out of the store for this audience, by path and digest. */
const EXCLUDED = 'postmortems:excluded';

/** Where the loader keeps the key of the rules its store's entries were validated under. */
const VALIDATED_UNDER = 'postmortems:validated-under';

/** The packages whose version changes the HTML of plain MDX bodies (see `src/lib/plain-mdx.ts`). */
const RENDERING_PACKAGES = ['satteri', '@astrojs/markdown-satteri'];

/**
 * The modules whose code decides what an entry is: this loader and everything it
 * imports (validation, lint rules, schemas, plain MDX rendering), the worker it
 * starts, and the content config with the site config it passes in. Nothing else:
 * a change to a chart or the search client does not validate every file again.
 */
export function validationModules(): Promise<string[]> {
  return localModules([
    fileURLToPath(import.meta.url),
    fileURLToPath(new URL('../lib/content-folder-worker.ts', import.meta.url)),
    fileURLToPath(new URL('../content.config.ts', import.meta.url)),
  ]);
}

/**
 * A digest of everything an entry depends on besides its file's text: the
 * site's settings, the Markdown settings and compiler that render plain MDX,
 * and the source of the code that validates and renders it (`validationModules`).
 * When any of it changes, every file is validated and rendered again.
 */
async function validationKey(context: LoaderContext, settings: object): Promise<string> {
  const sources = await validationModules();
  const texts = await Promise.all(sources.map((path) => readFile(path, 'utf8')));
  const packages = await Promise.all(
    RENDERING_PACKAGES.map(async (name) => {
      const manifest = findPackageJSON(name, import.meta.url);
      return manifest ? (JSON.parse(await readFile(manifest, 'utf8')) as { version?: string }).version : undefined;
    }),
  );
  const { processor, ...markdown } = context.config.markdown;
  return context.generateDigest({
    settings: JSON.stringify(settings),
    rendering: JSON.stringify({ markdown, processor: { name: processor.name, options: processor.options }, packages }),
    sources: texts.join('\0'),
  });
}

/** The HTML of `source` when its body is plain MDX (see `src/lib/plain-mdx.ts`), else `undefined`. */
async function renderIfPlain(
  render: PlainMdxRenderer | undefined,
  absolutePath: string,
  source: string,
): Promise<RenderedBody | undefined> {
  if (!render || !absolutePath.endsWith('.mdx')) return undefined;
  return render(splitFrontmatter(source).body, pathToFileURL(absolutePath));
}

/** Renders the plain MDX files among `relativePaths` (relative to `contentDir`); their HTML by absolute path. */
async function renderPlainFiles(
  render: PlainMdxRenderer | undefined,
  contentDir: string,
  relativePaths: readonly string[],
): Promise<Map<string, RenderedBody>> {
  const rendered = new Map<string, RenderedBody>();
  if (!render) return rendered;
  for await (const { path, text } of readFiles(
    contentDir,
    relativePaths.filter((file) => file.endsWith('.mdx')),
  )) {
    const html = await renderIfPlain(render, path, text);
    if (html) rendered.set(path, html);
  }
  return rendered;
}

/**
 * The store as the glob loader sees it: only entries of this build's audience
 * get in (the others are recorded in `excluded`, by path and digest), and an MDX
 * entry whose body was rendered here is stored with its HTML, like a Markdown
 * entry, instead of being left for Astro to compile into a module (`deferredRender`).
 */
function storeFor(
  store: DataStore,
  { root, contentDir, audience }: { root: string; contentDir: string; audience: AudienceFilter },
  renderedByPath: ReadonlyMap<string, RenderedBody>,
  excluded: Map<string, string>,
): DataStore {
  return {
    ...store,
    set: (entry) => {
      const path = resolve(root, entry.filePath ?? '');
      if (!isInBuild(entry.data as unknown as Pick<PostmortemData, 'status' | 'visibility'>, audience)) {
        // Not this audience's: no page, no module, no image, no search record.
        excluded.set(relative(contentDir, path), String(entry.digest ?? ''));
        store.delete(entry.id);
        return false;
      }
      excluded.delete(relative(contentDir, path));
      const rendered = entry.deferredRender ? renderedByPath.get(path) : undefined;
      if (!rendered) return store.set(entry);
      const { deferredRender: _, ...stored } = entry;
      return store.set({ ...stored, rendered });
    },
  };
}

/**
 * The files that need validating: all of them, unless the store holds entries
 * validated under `key`; then only those whose text changed since, are new, or
 * link to a postmortem that is gone.
 */
async function filesToValidate(
  context: LoaderContext,
  contentDir: string,
  all: readonly string[],
  key: string,
  excluded: ReadonlyMap<string, string>,
): Promise<string[] | undefined> {
  if (context.meta.get(VALIDATED_UNDER) !== key) return undefined;
  const ids = new Set(all.map(idFromPath));
  const changed: string[] = [];
  for await (const { file, text } of readFiles(contentDir, all)) {
    const id = idFromPath(file);
    const digest = context.generateDigest(text);
    const stored = context.store.get<{ related?: string[] }>(id);
    const unchanged =
      excluded.get(file) === digest ||
      (stored?.digest === digest &&
        (stored.data.related ?? []).every((relatedId) => relatedId !== id && ids.has(relatedId)));
    if (!unchanged) changed.push(file);
  }
  return changed;
}

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
  const schemaOptions = {
    severities: config.severities,
    defaultTimezone: config.defaultTimezone,
    fields: config.fields,
  };
  const schema = createPostmortemSchema(schemaOptions);
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
      const all = await listPostmortemFiles(contentDir);
      const key = await validationKey(context, {
        root,
        contentDir,
        audience,
        schemaOptions,
        lint: config.lint,
        rules: BUILD_RULES.map((rule) => rule.id),
      });
      const started = performance.now();
      const excluded = new Map<string, string>(
        context.meta.get(VALIDATED_UNDER) === key
          ? (JSON.parse(context.meta.get(EXCLUDED) ?? '[]') as [string, string][])
          : [],
      );
      const only = await filesToValidate(context, contentDir, all, key, excluded);
      // Entries made under other settings or code are made again, even from files that did not change.
      if (!only) context.store.clear();
      const workers = parallelWorkers(only?.length ?? all.length);
      const folder = await checkContentFolder({
        root,
        contentDir,
        schema: schemaOptions,
        only,
        lint: { rules: BUILD_RULES, context: lintContext },
        workers,
        log: (line) => {
          context.logger.warn(line);
        },
      });
      failOn(folder.problems);
      context.logger.info(
        `Validated ${folder.files.length} of ${all.length} postmortems in ${Math.round(performance.now() - started)} ms` +
          `${workers > 0 ? ` on ${workers + 1} threads` : ''}${only ? '; the others are unchanged since the last build' : ''}.`,
      );
      // Each entry's data is what validation made of it, so the schema runs once per file, on every core (running it
      // again through Astro's parseData cost 1.3 s at 10,000 postmortems). Astro's own reading of the frontmatter is
      // never used: it is YAML 1.1, which turns `2024-03-14T09:12:00` into a UTC Date and hides a missing offset.
      const dataByFile = new Map(folder.files.map((file) => [file.file, file.data]));
      const render = await createPlainMdxRenderer(context.config.markdown);
      const renderedByPath = await renderPlainFiles(render, contentDir, only ?? all);
      const compiled = (only ?? all).filter((path) => path.endsWith('.mdx')).length - renderedByPath.size;
      if (renderedByPath.size > 0 || compiled > 0) {
        context.logger.info(
          `Rendered ${plural(renderedByPath.size, 'MDX postmortem')} to HTML while syncing` +
            (compiled > 0
              ? `; Astro compiles ${plural(compiled, 'other')}, with JSX, expressions, imports or images.`
              : '.'),
        );
      }
      // Files known to be another audience's and unchanged are not even read again.
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
        ...context,
        store: storeFor(context.store, { root, contentDir, audience }, renderedByPath, excluded),
        parseData: async <TData extends Record<string, unknown>>(entry: ParseDataOptions<TData>) => {
          const file = displayPath(root, entry.filePath ?? '');
          let data = dataByFile.get(file);
          if (data === undefined && entry.filePath) {
            // A file changed while `astro dev` runs: validate it, against every file of the folder as it is now.
            const decoded = await readUtf8(entry.filePath);
            if (!decoded.ok) throw problemsError([encodingProblem(file, decoded)]);
            const source = decoded.text;
            const validated = validatePostmortemSource(
              { file, relativePath: relative(contentDir, entry.filePath), source },
              schema,
            );
            const known = knownFiles(root, contentDir, await listPostmortemFiles(contentDir));
            failOn([
              ...validated.problems,
              ...checkCorpus([validated], known),
              ...lintDocument(new LintDocument(validated, entry.filePath), lintContext, BUILD_RULES),
            ]);
            data = validated.data;
            const rendered = await renderIfPlain(render, entry.filePath, source);
            if (rendered) renderedByPath.set(entry.filePath, rendered);
            else renderedByPath.delete(entry.filePath);
          }
          return data === undefined ? context.parseData(entry) : (data as unknown as TData);
        },
      });
      context.meta.set(VALIDATED_UNDER, key);
      context.meta.set(EXCLUDED, JSON.stringify([...excluded]));
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
