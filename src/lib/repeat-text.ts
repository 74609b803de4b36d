/**
 * The words of repeats and similarity: the evidence `check` gives for a
 * possible repeat, why a related incident is listed, and the notice of a
 * postmortem that repeats earlier ones.
 */
import { formatMonth } from './calendar';
import { humanise, plural } from './format';
import { formatPercent } from './insight-text';
import type { RecurrenceRow } from './recurrence';
import type { SimilarityEvidence } from './similarity';

/**
 * The evidence of a repeat in one line, as `check` gives it:
 * `same service checkout, trigger config-change, shared terms: connection pool, max_connections`.
 */
export function describeEvidence(evidence: SimilarityEvidence): string {
  return [
    evidence.services.length > 0
      ? `same ${evidence.services.length === 1 ? 'service' : 'services'} ${evidence.services.join(', ')}`
      : '',
    evidence.tags.length > 0 ? `${evidence.tags.length === 1 ? 'tag' : 'tags'} ${evidence.tags.join(', ')}` : '',
    evidence.trigger ? `trigger ${evidence.trigger}` : '',
    evidence.terms.length > 0 ? `shared terms: ${evidence.terms.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * Why a computed related incident is listed:
 * `Shares services: checkout; trigger: config change; terms: connection pool, max_connections`.
 */
export function describeSimilarity(evidence: SimilarityEvidence): string {
  const parts = [
    evidence.services.length > 0 ? `services: ${evidence.services.join(', ')}` : '',
    evidence.tags.length > 0 ? `tags: ${evidence.tags.join(', ')}` : '',
    evidence.trigger ? `trigger: ${humanise(evidence.trigger)}` : '',
    evidence.terms.length > 0 ? `terms: ${evidence.terms.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `Shares ${parts.join('; ')}` : '';
}

const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'];

/** `Third incident of this kind since March 2024`, from its place in the chain and the first one's month (`2024-03`). */
export function describeRepeat(ordinal: number, firstMonth: string): string {
  const nth = ORDINALS[ordinal - 1] ?? `${ordinal}th`;
  return `${nth} incident of this kind since ${formatMonth(firstMonth)}`;
}

/**
 * Summary of one recurrence chart (per quarter or per service): the row with the highest share
 * repeating (ties to the one with more repeats, then the first), and how many rows had a repeat:
 * `Highest in 2024-Q2: 2 of 5 incidents (40%) repeated an earlier one of the year before; 3 of 8 quarters had a repeat.`
 */
export function describeRecurrence(rows: readonly RecurrenceRow[], rowNoun: string): string {
  const withRepeats = rows.filter((row) => row.repeating > 0);
  if (withRepeats.length === 0) return `In no ${rowNoun} did an incident repeat an earlier one of the year before.`;
  const top = withRepeats.reduce((best, row) =>
    (row.share ?? 0) > (best.share ?? 0) || (row.share === best.share && row.repeating > best.repeating) ? row : best,
  );
  return `Highest in ${top.key}: ${top.repeating} of ${plural(top.incidents, 'incident')} (${formatPercent(top.share)}) repeated an earlier one of the year before; ${withRepeats.length} of ${plural(rows.length, rowNoun)} had a repeat.`;
}
