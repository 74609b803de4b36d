/**
 * Finding, validating and linting the postmortems of a content folder, without
 * Astro, so that the build and `npm run check` see the same files and rules.
 * Large folders are checked on every core: worker threads take batches of
 * files from the same queue as this thread.
 */
import { stat } from 'node:fs/promises';
import { findPackageJSON } from 'node:module';
import { availableParallelism } from 'node:os';
import { isAbsolute, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { glob } from 'tinyglobby';
import { createPostmortemSchema, type PostmortemSchema, type PostmortemSchemaOptions } from '../schemas/postmortem';
import { quoteValue, SetupError, type Problem } from './errors';
import { ALL_RULES, LintDocument, lintDocument, type LintContext, type LintRule } from './lint';
import { rootCauseSection, similarityTerms, type TermCount } from './similarity-terms';
import { esbuildServices } from './process-table';
import { encodingProblem, readUtf8 } from './text-encoding';
import {
  crossFileProblems,
  idFromPath,
  validatePostmortemSource,
  type KnownFile,
  type ValidatedFile,
} from './validate';

/** Postmortem files: Markdown and MDX, except partials (`_name.md`) and READMEs. */
export const CONTENT_PATTERNS = ['**/*.{md,mdx}', '!**/_*', '!**/README.md'];

/** The folder holding postmortems: `POSTMORTEMS_DIR` (absolute or relative to `root`), else `postmortems/`. */
export function resolveContentDir(root: string, env: Record<string, string | undefined> = process.env): string {
  const configured = env['POSTMORTEMS_DIR']?.trim();
  if (!configured) return resolve(root, 'postmortems');
  return isAbsolute(configured) ? configured : resolve(root, configured);
}

/** Throws a `SetupError` when `contentDir` is not a folder: a mistyped `POSTMORTEMS_DIR` must not give an empty site. */
async function assertContentFolder(contentDir: string): Promise<void> {
  const info = await stat(contentDir).catch(() => undefined);
  if (info?.isDirectory()) return;
  throw new SetupError(
    `the content folder ${quoteValue(contentDir, 200)} ${info ? 'is not a folder' : 'does not exist'}`,
    'Create it, or set POSTMORTEMS_DIR to the folder holding the postmortems (absolute, or relative to the project root).',
  );
}

/** Paths (relative to `contentDir`, `/`-separated, sorted) of every postmortem file; a `SetupError` when the folder is missing. */
export async function listPostmortemFiles(contentDir: string): Promise<string[]> {
  await assertContentFolder(contentDir);
  const files = await glob(CONTENT_PATTERNS, { cwd: contentDir, expandDirectories: false });
  return files.sort();
}

/** Files that a writer may mean as postmortems: Markdown extensions in any letter case, dot-files too. */
const LOOKALIKE_PATTERNS = [
  '**/*.{md,mdx,markdown,mdown,mkd,mkdn,mdwn}',
  '!**/_*',
  '!**/readme.*',
  '!**/node_modules/**',
  '!**/.*/**',
  // Emacs keeps a lock file `.#name.md` beside every file being edited; it is not a postmortem.
  '!**/.#*',
];

/**
 * Files of `contentDir` that look like postmortems but are not read as ones
 * (`.MD`, `.Mdx`, `.markdown`, dot-files such as `.2024-03-14-x.md`), relative and sorted;
 * partials (`_name.md`), READMEs, editor lock files (`.#name.md`) and dot-folders (`.github/`) are left alone on purpose.
 */
async function listSkippedFiles(contentDir: string, postmortems: readonly string[]): Promise<string[]> {
  const read = new Set(postmortems);
  const lookalikes = await glob(LOOKALIKE_PATTERNS, {
    cwd: contentDir,
    dot: true,
    caseSensitiveMatch: false,
    expandDirectories: false,
  });
  return lookalikes.filter((file) => !read.has(file)).sort();
}

/** The name a skipped file would be read under: no leading dots, a lowercase `.md` or `.mdx`. */
function readableName(relativePath: string): string {
  const slash = relativePath.lastIndexOf('/');
  const name = relativePath.slice(slash + 1).replace(/^\.+/, '');
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return `${relativePath.slice(0, slash + 1)}${name.slice(0, name.lastIndexOf('.'))}.${extension === 'mdx' ? 'mdx' : 'md'}`;
}

/** The problems of files skipped as not postmortems (see `listSkippedFiles`): each with the name to rename it to. */
function skippedFileProblems(root: string, contentDir: string, skipped: readonly string[]): Problem[] {
  return skipped.map((relativePath) => ({
    file: displayPath(root, resolve(contentDir, relativePath)),
    line: 1,
    column: 1,
    severity: 'error',
    message: `this file looks like a postmortem but is skipped: only \`.md\` and \`.mdx\` files (lowercase) whose name starts with neither \`.\` nor \`_\` are read; rename it to ${quoteValue(readableName(relativePath), 200)}, or start its name with \`_\` to keep it as a partial`,
    rule: 'skipped-file',
  }));
}

/** `absolute` relative to `root` when inside it, else as is, always with `/`. */
export function displayPath(root: string, absolute: string): string {
  const fromRoot = relative(root, absolute);
  return (fromRoot.startsWith('..') || isAbsolute(fromRoot) ? absolute : fromRoot).replaceAll('\\', '/');
}

/** Every file of `all` (relative to `contentDir`) as the corpus rules know it: by id and shown path. */
function knownFiles(root: string, contentDir: string, all: readonly string[]): KnownFile[] {
  return all.map((relativePath) => ({
    id: idFromPath(relativePath),
    file: displayPath(root, resolve(contentDir, relativePath)),
  }));
}

/** What to check and how. */
export interface CheckFolderOptions {
  /** Project root; paths in problems are shown relative to it. */
  root: string;
  contentDir: string;
  /** What the frontmatter schema is built from (the site's severities and time zone). */
  schema: PostmortemSchemaOptions;
  /** Files to check, relative to `contentDir`; default all. Corpus rules still see every file. */
  only?: readonly string[] | undefined;
  /** Lint rules to run on each file's body, with their context; none when omitted. */
  lint?: { rules: readonly LintRule[]; context: LintContext } | undefined;
  /**
   * Worker threads that check files beside this one (see `parallelWorkers`);
   * default none. Workers know the rules of `ALL_RULES` only.
   */
  workers?: number | undefined;
  /** Where to say that fewer threads than asked for check the files, and why; default nowhere. */
  log?: ((line: string) => void) | undefined;
}

/** A file as checked: where it is, its frontmatter as written and as validated, and its root-cause section's text. */
export type CheckedFile = Pick<ValidatedFile, 'file' | 'id' | 'raw' | 'data'> & {
  /** What the similarity of incidents reads: the terms of the title, summary and root-cause section (see `similarityTerms`). */
  terms: TermCount[];
};

/** The files checked and every problem found. */
export interface CheckedFolder {
  files: CheckedFile[];
  problems: Problem[];
}

/** How many worker threads pay off for `fileCount` files: one per spare core, none below 2,000 files (a worker takes most of a second to start). */
export function parallelWorkers(fileCount: number, cores = availableParallelism()): number {
  return fileCount >= 2000 ? Math.max(0, cores - 1) : 0;
}

/** Files per batch a thread takes from the queue: small enough to share the work evenly, large enough that messages cost nothing. */
const BATCH_SIZE = 200;

/** Everything a thread needs to check files, in a form that can be sent to a worker. */
export interface CheckSetup {
  root: string;
  contentDir: string;
  schema: PostmortemSchemaOptions;
  /** Ids of the lint rules to run (see `ALL_RULES`). */
  ruleIds: string[] | undefined;
  lintContext: LintContext | undefined;
  /** Every file of the folder, for the corpus rules. */
  known: KnownFile[];
}

const schemas = new WeakMap<PostmortemSchemaOptions, PostmortemSchema>();

function schemaFor(options: PostmortemSchemaOptions): PostmortemSchema {
  let schema = schemas.get(options);
  if (!schema) {
    schema = createPostmortemSchema(options);
    schemas.set(options, schema);
  }
  return schema;
}

function rulesById(ids: readonly string[] | undefined): LintRule[] | undefined {
  return ids?.map((id) => {
    const rule = ALL_RULES.find((candidate) => candidate.id === id);
    if (!rule) throw new Error(`no lint rule \`${id}\` to run in a worker thread`);
    return rule;
  });
}

/** Validates, lints and applies the corpus rules to `relativePaths`: one batch, in this thread. */
export async function checkFiles(
  relativePaths: readonly string[],
  setup: CheckSetup,
  rules: readonly LintRule[] | undefined = rulesById(setup.ruleIds),
): Promise<CheckedFolder> {
  const schema = schemaFor(setup.schema);
  const validated: ValidatedFile[] = [];
  const problems: Problem[] = [];
  // Read the whole batch at once: one file at a time, the thread spent a quarter of its time waiting for the disk.
  const absolutePaths = relativePaths.map((relativePath) => resolve(setup.contentDir, relativePath));
  const sources = await Promise.all(absolutePaths.map(readUtf8));
  const unreadable: CheckedFile[] = [];
  for (const [index, relativePath] of relativePaths.entries()) {
    const absolutePath = absolutePaths[index]!;
    const source = sources[index]!;
    const shownPath = displayPath(setup.root, absolutePath);
    if (!source.ok) {
      problems.push(encodingProblem(shownPath, source));
      unreadable.push({
        file: shownPath,
        id: idFromPath(relativePath),
        raw: undefined,
        data: undefined,
        terms: [],
      });
      continue;
    }
    const file = validatePostmortemSource({ file: shownPath, relativePath, source: source.text }, schema);
    validated.push(file);
    problems.push(...file.problems);
    if (rules && setup.lintContext)
      problems.push(...lintDocument(new LintDocument(file, absolutePath), setup.lintContext, rules));
  }
  problems.push(...crossFileProblems(validated, setup.known));
  return {
    files: [
      ...validated.map(({ file, id, raw, data, body }) => ({
        file,
        id,
        raw,
        data,
        terms: data
          ? similarityTerms(data, rootCauseSection(body, { isMdx: file.endsWith('.mdx'), audience: 'internal' }))
          : [],
      })),
      ...unreadable,
    ],
    problems,
  };
}

/** The worker's module; it runs TypeScript through tsx, already loaded when this process runs under it. */
const WORKER_URL = new URL('./content-folder-worker.ts', import.meta.url);

/**
 * The Node flags a worker thread needs to load the worker's TypeScript: this
 * process's own under tsx (`npm run check`), else tsx's import hook. tsx is a
 * dependency (every `npm run` command runs on it), so a production install has
 * it too; should it be missing, workers cannot start, and the answer says so
 * instead of letting each worker fail in silence.
 */
export function workerExecArgv(
  execArgv: readonly string[] = process.execArgv,
  hasTsx: () => boolean = () => {
    try {
      return findPackageJSON('tsx', import.meta.url) !== undefined;
    } catch {
      return false;
    }
  },
): { execArgv: string[] } | { unavailable: string } {
  if (execArgv.some((argument) => argument.includes('tsx'))) return { execArgv: [...execArgv] };
  if (!hasTsx())
    return {
      unavailable:
        'worker threads load the checker through tsx, which is not installed: checking on one thread (run npm ci)',
    };
  return { execArgv: [...execArgv, '--import', 'tsx'] };
}

/**
 * What a worker thread is started with: the setup, every batch, and the count
 * of batches taken so far, shared by all threads. Each thread takes the next
 * batch itself, so a worker never waits for a busy main thread to hand it one.
 */
export interface WorkerSetup {
  setup: CheckSetup;
  batches: string[][];
  /** One counter in shared memory: batches taken by any thread; taken with `takeBatch`. */
  taken: Int32Array;
  /** The esbuild services running before the workers started (see `stopEsbuildServices`): not theirs to stop. */
  esbuildBefore: string[];
}

/** What a worker thread sends back: one batch checked, the end of its work, or why it stopped. */
export type WorkerMessage = { index: number; result: CheckedFolder } | { done: true } | { error: string };

/** The index of the next batch nobody has taken, or `undefined` when all are taken. */
export function takeBatch({ batches, taken }: Pick<WorkerSetup, 'batches' | 'taken'>): number | undefined {
  const index = Atomics.add(taken, 0, 1);
  return index < batches.length ? index : undefined;
}

/**
 * Starts a worker that puts each batch it checks into `results`, by index, and
 * resolves when it stops. A worker that fails stops taking batches; the caller checks whatever it left.
 */
function runWorker(
  workerSetup: WorkerSetup,
  results: Map<number, CheckedFolder>,
  execArgv: string[],
  log: (line: string) => void,
): Promise<void> {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_URL, { workerData: workerSetup, execArgv });
  } catch (error) {
    // Node flags a worker may not take (`--max-semi-space-size`, say): this thread does the work alone.
    log(`a worker thread could not start (${(error as Error).message}); this thread checks its share`);
    return Promise.resolve();
  }
  return new Promise((done) => {
    const stop = () =>
      void worker.terminate().then(() => {
        done();
      });
    worker.on('message', (message: WorkerMessage) => {
      if ('index' in message) results.set(message.index, message.result);
      else {
        if ('error' in message)
          log(`a worker thread stopped (${message.error.split('\n')[0]}); this thread checks its share`);
        stop();
      }
    });
    worker.on('error', (error: Error) => {
      log(`a worker thread stopped (${error.message}); this thread checks its share`);
      stop();
    });
    worker.on('exit', () => {
      done();
    });
  });
}

/**
 * Validates (and optionally lints) files of a content folder, then applies the corpus rules;
 * files skipped as not postmortems are reported whatever `only` selects, so no build passes over one.
 */
export async function checkContentFolder({
  root,
  contentDir,
  schema,
  only,
  lint,
  workers = 0,
  log = () => undefined,
}: CheckFolderOptions): Promise<CheckedFolder> {
  const all = await listPostmortemFiles(contentDir);
  const skipped = skippedFileProblems(root, contentDir, await listSkippedFiles(contentDir, all));
  const selected = only ?? all;
  const setup: CheckSetup = {
    root,
    contentDir,
    schema,
    ruleIds: lint?.rules.map((rule) => rule.id),
    lintContext: lint?.context,
    known: knownFiles(root, contentDir, all),
  };
  // Batches keep their place, so the result is in the order of `selected` however the threads share them.
  const batches = Array.from({ length: Math.ceil(selected.length / BATCH_SIZE) }, (_, index) =>
    selected.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE),
  );
  const queue = { batches, taken: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) };
  const results = new Map<number, CheckedFolder>();
  const wanted = Math.min(workers, batches.length - 1);
  const loading = wanted > 0 ? workerExecArgv() : { execArgv: [] };
  if ('unavailable' in loading) log(loading.unavailable);
  const esbuildBefore = 'execArgv' in loading && wanted > 0 ? await esbuildServices() : [];
  const threads =
    'execArgv' in loading
      ? Array.from({ length: wanted }, () =>
          runWorker({ setup, ...queue, esbuildBefore }, results, loading.execArgv, log),
        )
      : [];
  try {
    for (let index = takeBatch(queue); index !== undefined; index = takeBatch(queue))
      results.set(index, await checkFiles(batches[index]!, setup, lint?.rules));
  } finally {
    // On an error here, let the workers finish the batch in hand and take no more.
    Atomics.store(queue.taken, 0, batches.length);
    await Promise.all(threads);
  }
  // What a failed worker left undone, this thread checks: the same code, so a real error surfaces here.
  for (const [index, batch] of batches.entries())
    if (!results.has(index)) results.set(index, await checkFiles(batch, setup, lint?.rules));
  const ordered = batches.map((_, index) => results.get(index)!);
  return {
    files: ordered.flatMap((result) => result.files),
    problems: [...skipped, ...ordered.flatMap((result) => result.problems)],
  };
}
