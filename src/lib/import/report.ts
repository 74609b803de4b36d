/**
 * The import's report: for each source, what became of it, what was mapped into
 * which field, what was guessed and from what, and what needs a person, for
 * people (`text`) or tools (`json`).
 */
import type { MappedPostmortem, Placeholder } from './map';
import type { ImportFormat, ImportNote } from './source-record';

/** What became of one source (an incident.io export gives one per incident). */
export interface ImportResult {
  /** The source file, as shown. */
  file: string;
  format: ImportFormat | undefined;
  /** Why `--from auto` chose the format; absent when `--from` named it. */
  detected?: string | undefined;
  reference?: string | undefined;
  outcome: 'written' | 'would-write' | 'skipped' | 'failed';
  /** The postmortem written (or that would be), or the one that already records this source. */
  path?: string | undefined;
  /** Why it was skipped or failed. */
  reason?: string | undefined;
  mapped: MappedPostmortem['mapped'];
  guessed: MappedPostmortem['guessed'];
  placeholders: Placeholder[];
  notes: ImportNote[];
}

/** The totals of a run. */
export interface ImportSummary {
  sources: number;
  written: number;
  skipped: number;
  failed: number;
  placeholders: number;
  /** Drafts: files written with at least one placeholder. */
  drafts: number;
  seconds: number;
  dryRun: boolean;
}

/** Totals over `results`. */
export function summarise(results: readonly ImportResult[], seconds: number, dryRun: boolean): ImportSummary {
  const writtenResults = results.filter((result) => result.outcome === 'written' || result.outcome === 'would-write');
  return {
    sources: results.length,
    written: writtenResults.length,
    skipped: results.filter((result) => result.outcome === 'skipped').length,
    failed: results.filter((result) => result.outcome === 'failed').length,
    placeholders: writtenResults.reduce((sum, result) => sum + result.placeholders.length, 0),
    drafts: writtenResults.filter((result) => result.placeholders.length > 0).length,
    seconds,
    dryRun,
  };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** One source's lines in the text report. */
function resultLines(result: ImportResult): string[] {
  const format = result.format ?? 'unknown format';
  const how = result.detected ? `${format} (auto: ${result.detected})` : format;
  const head =
    result.outcome === 'written' || result.outcome === 'would-write'
      ? `${result.file} → ${result.path}${result.outcome === 'would-write' ? ' (dry run: not written)' : ''}${result.placeholders.length > 0 ? ' [draft]' : ''}`
      : `${result.file}: ${result.outcome}, ${result.reason}`;
  const lines = [head, `  format      ${how}`];
  if (result.mapped.length > 0)
    lines.push(`  mapped      ${result.mapped.map(({ field, from }) => `${field} ← ${from}`).join('; ')}`);
  for (const { field, value, from } of result.guessed) lines.push(`  guessed     ${field}: ${value} ← ${from}`);
  for (const { field, prompt } of result.placeholders) lines.push(`  needs you   ${field}: ${prompt}`);
  for (const note of result.notes) lines.push(`  ${note.kind.padEnd(11)} ${note.message}`);
  return lines;
}

/** The report in `format`, ending with a newline. */
export function formatImportReport(
  results: readonly ImportResult[],
  summary: ImportSummary,
  format: 'text' | 'json',
): string {
  if (format === 'json') return `${JSON.stringify({ summary, results }, null, 2)}\n`;
  const verb = summary.dryRun ? 'would write' : 'written';
  const closing = [
    `${plural(summary.sources, 'source')}: ${summary.written} ${verb}, ${summary.skipped} skipped, ${summary.failed} failed; ` +
      `${plural(summary.placeholders, 'placeholder')} to fill in ${plural(summary.drafts, 'draft')}; ${summary.seconds.toFixed(1)} s`,
  ];
  if (summary.placeholders > 0)
    closing.push('Replace each TODO: (npm run check lists them as `placeholder`), then remove `status: draft`.');
  return `${[...results.flatMap(resultLines), '', ...closing].join('\n')}\n`;
}
