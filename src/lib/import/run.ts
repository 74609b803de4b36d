/**
 * `npm run import`: reads postmortems kept elsewhere (template Markdown,
 * postmortems.app, cState, incident.io) and writes one postmortem per source into
 * the content folder, with a report of what was mapped, guessed and left to fill in.
 * Never overwrites; a source already imported (its `source` recorded) is skipped.
 */
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { glob } from 'tinyglobby';
import { runWithUsage, UsageError, type CommandContext } from '../cli';
import { displayPath, resolveContentDir } from '../content-folder';
import { readFiles } from '../read-files';
import { requiredSectionTitles } from '../sections';
import { canonicalTimeZone } from '../time';
import { readCstate } from './cstate';
import { detectFormat, MARKDOWN_EXTENSIONS } from './detect';
import { readIncidentIo, type IncidentIoDocument } from './incident-io';
import { mapRecord } from './map';
import { readMarkdown, readSourceFrontmatter, type MarkdownOptions, type SourceFrontmatter } from './markdown';
import { readPostmortemsApp } from './postmortems-app';
import { formatImportReport, summarise, type ImportResult } from './report';
import { IMPORT_FORMATS, scalarText, type ImportFormat, type SourceRecord } from './source-record';
import { createFileWriter, importedFileName, importedSources, renderPostmortem } from './write';

const IMPORT_USAGE = `Usage: npm run import -- <files or folders…> [--from auto|${IMPORT_FORMATS.join('|')}] [--out <folder>] [--dry-run] [--format text|json] [--timezone <zone>]

Writes one postmortem per source into the content folder (or --out) and reports what
was mapped, what was guessed and what needs you. Never overwrites a file; sources
imported before are skipped.
  --from <format>   the sources' format (default auto: recognised per file, and said)
  --out <folder>    where to write (default the content folder)
  --dry-run         report what would be written, write nothing
  --format <name>   report as text (default) or json
  --timezone <zone> zone of times written without one (default the site's defaultTimezone)`;

/** Files written at once. */
const WRITES_AT_ONCE = 32;

/** Shows how far a long import has got (a progress bar in a terminal; nothing in tests). */
export interface Progress {
  tick(): void;
  stop(): void;
}

/** Everything `import` touches, so tests run it in-process. */
export interface ImportContext extends CommandContext {
  /** Where relative paths on the command line start. */
  cwd: string;
  /** Starts a progress display for `total` sources, or none. */
  progress?: ((total: number) => Progress | undefined) | undefined;
}

/** The source files under the paths given: files as named, folders searched for .md and .json files. */
async function sourceFiles(paths: readonly string[], cwd: string, exclude: string): Promise<string[]> {
  const files = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new UsageError(`\`${path}\` does not exist`);
    if (!info.isDirectory()) {
      files.add(absolute);
      continue;
    }
    const extensions = [...MARKDOWN_EXTENSIONS, '.json'].map((extension) => extension.slice(1)).join(',');
    const found = await glob([`**/*.{${extensions}}`], {
      cwd: absolute,
      absolute: true,
      ignore: ['**/node_modules/**'],
    });
    for (const file of found) if (!file.startsWith(`${exclude}/`)) files.add(file);
  }
  return [...files].sort();
}

/** Runs the command; resolves to the exit code (0 done, 1 a source could not be read, 2 usage). */
export function runImport(context: ImportContext): Promise<number> {
  return runWithUsage('import', IMPORT_USAGE, context, async () => {
    const started = performance.now();
    const { values, positionals } = parseArgs({
      args: [...context.argv],
      allowPositionals: true,
      options: {
        from: { type: 'string', default: 'auto' },
        out: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        format: { type: 'string', short: 'f', default: 'text' },
        timezone: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      context.stdout.write(`${IMPORT_USAGE}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('name the files or folders to import');
    const from = values.from;
    if (from !== 'auto' && !IMPORT_FORMATS.some((format) => format === from))
      throw new UsageError(`unknown format \`${from}\`; use auto, ${IMPORT_FORMATS.join(', ')}`);
    if (values.format !== 'text' && values.format !== 'json')
      throw new UsageError(`unknown report format \`${values.format}\`; use text or json`);
    const timezone = values.timezone === undefined ? undefined : canonicalTimeZone(values.timezone);
    if (values.timezone !== undefined && !timezone)
      throw new UsageError(`--timezone \`${values.timezone}\` is not an IANA time zone; use one such as Europe/Berlin`);

    const outDir = values.out ? resolve(context.cwd, values.out) : resolveContentDir(context.root, context.env);
    const files = await sourceFiles(positionals, context.cwd, outDir);
    const already = await importedSources(outDir);
    const results: ImportResult[] = [];
    const progress = context.progress?.(files.length);
    try {
      const sources = await readSources(files, { context, outDir, from, already, progress });
      results.push(...sources.results);
      results.push(
        ...(await writePostmortems(sources.records, { context, outDir, already, timezone, dryRun: values['dry-run'] })),
      );
    } finally {
      progress?.stop();
    }
    const summary = summarise(results, (performance.now() - started) / 1000, values['dry-run']);
    context.stdout.write(formatImportReport(results, summary, values.format));
    return summary.failed > 0 ? 1 : 0;
  });
}

/** What the steps of a run share. */
interface RunState {
  context: ImportContext;
  /** Where postmortems are written. */
  outDir: string;
  /** Every source recorded in the output folder, and the file that records it; added to as files are written. */
  already: Map<string, string>;
}

/** A source read, and why `--from auto` chose its format. */
interface ReadSource {
  record: SourceRecord;
  detected: string | undefined;
}

/** A source skipped because an earlier import recorded it as `previous`. */
function skipped(
  base: Pick<ImportResult, 'file' | 'format' | 'detected' | 'reference'>,
  previous: string,
  { context, outDir }: { context: ImportContext; outDir: string },
): ImportResult {
  const path = displayPath(context.cwd, resolve(outDir, previous));
  return { ...base, outcome: 'skipped', path, reason: `already imported as ${path}`, ...NOTHING_DONE };
}

const NOTHING_DONE = { mapped: [], guessed: [], placeholders: [], notes: [] } as const satisfies Pick<
  ImportResult,
  'mapped' | 'guessed' | 'placeholders' | 'notes'
>;

/**
 * Reads every source file: its format (told apart, or as `--from` says), then, unless
 * it was imported before, what it says. incident.io exports are read together at the
 * end, so follow-ups find their incidents whichever file holds them.
 */
async function readSources(
  files: readonly string[],
  { context, outDir, from, already, progress }: RunState & { from: string; progress: Progress | undefined },
): Promise<{ records: ReadSource[]; results: ImportResult[] }> {
  const shown = (file: string) => displayPath(context.cwd, file);
  const records: ReadSource[] = [];
  const results: ImportResult[] = [];
  const exports: IncidentIoDocument[] = [];
  let exportsDetected: string | undefined;
  for await (const { path, text } of readFiles('', files)) {
    progress?.tick();
    const detection: {
      format: ImportFormat | undefined;
      reason?: string | undefined;
      frontmatter?: SourceFrontmatter | undefined;
    } = from === 'auto' ? detectFormat(path, text) : { format: from as ImportFormat };
    const detected = from === 'auto' ? detection.reason : undefined;
    const { format } = detection;
    if (format === 'incident-io') {
      try {
        exports.push({ file: shown(path), data: JSON.parse(text) });
        exportsDetected = detected;
      } catch (error) {
        results.push(failed(shown(path), `JSON that does not parse: ${(error as Error).message}`, format));
      }
      continue;
    }
    const read = readerFor(format);
    if (!format || !read) {
      results.push(failed(shown(path), detection.reason ?? 'unknown format'));
      continue;
    }
    // Read once: the frontmatter tells formats apart, names the source and starts the reader's work.
    const frontmatter = detection.frontmatter ?? readSourceFrontmatter(text);
    const reference = sourceReference(format, relative(context.cwd, path), frontmatter);
    const previous = already.get(reference);
    if (previous) {
      // Known by its reference alone: the body of a source imported before is never parsed again.
      results.push(skipped({ file: shown(path), format, detected, reference }, previous, { context, outDir }));
      continue;
    }
    const options: MarkdownOptions = {
      file: shown(path),
      reference,
      config: context.config.import,
      requiredSections: requiredSectionTitles(context.config.sections),
      frontmatter,
    };
    records.push({ record: read(text, options), detected });
  }
  for (const record of readIncidentIo(exports, context.config.import))
    records.push({ record, detected: exportsDetected });
  return { records, results };
}

/**
 * Maps each source onto the contract and writes it (or, on a dry run, says where it
 * would), a few files at a time; a source recorded already is skipped.
 */
async function writePostmortems(
  records: readonly ReadSource[],
  { context, outDir, already, timezone, dryRun }: RunState & { timezone: string | undefined; dryRun: boolean },
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  const writer = dryRun ? undefined : await createFileWriter(outDir);
  const writes: Promise<void>[] = [];
  for (const { record, detected } of records) {
    const base = { file: record.file, format: record.format, detected, reference: record.reference };
    const previous = already.get(record.reference);
    if (previous) {
      results.push(skipped(base, previous, { context, outDir }));
      continue;
    }
    const mapped = mapRecord(record, { config: context.config, timezone });
    const account = {
      mapped: mapped.mapped,
      guessed: mapped.guessed,
      placeholders: mapped.placeholders,
      notes: mapped.notes,
    };
    const fileName = importedFileName(mapped);
    if (!fileName) {
      results.push({
        ...base,
        ...account,
        outcome: 'skipped',
        reason: 'no date of the incident found, so no file name; add a date (e.g. `date: 2024-03-14`) to the source',
      });
      continue;
    }
    // The same source twice in one run (a file named twice) is written once.
    already.set(record.reference, fileName);
    const result: ImportResult = { ...base, ...account, outcome: dryRun ? 'would-write' : 'written' };
    results.push(result);
    const write = async () => {
      const written = writer ? await writer.write(fileName, renderPostmortem(mapped)) : fileName;
      result.path = displayPath(context.cwd, resolve(outDir, written));
    };
    writes.push(write());
    // Files are written a few at a time: waiting on the disk for each, one by one, was most of an import's time.
    if (writes.length >= WRITES_AT_ONCE) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  return results;
}

/**
 * The reference a source is recorded by in `source`: postmortems.app files by their
 * uuid, other files by their path from where the command runs (run it from the same
 * place to skip them again). incident.io incidents carry their own ids.
 */
function sourceReference(format: ImportFormat, path: string, frontmatter: SourceFrontmatter | undefined): string {
  if (format === 'postmortems-app') {
    const uuid = scalarText(frontmatter?.data['uuid']);
    if (uuid) return `postmortems-app:${uuid}`;
  }
  return `${format}:${path.replaceAll('\\', '/')}`;
}

function failed(file: string, reason: string, format?: ImportFormat): ImportResult {
  return { file, format, outcome: 'failed', reason, ...NOTHING_DONE };
}

/** The reader of a Markdown-based format; incident.io exports are read together, after all files. */
function readerFor(
  format: ImportFormat | undefined,
): ((text: string, options: MarkdownOptions) => SourceRecord) | undefined {
  switch (format) {
    case 'markdown':
      return readMarkdown;
    case 'postmortems-app':
      return readPostmortemsApp;
    case 'cstate':
      return readCstate;
    default:
      return undefined;
  }
}
