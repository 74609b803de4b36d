/**
 * The words of repeats and similarity: the evidence `check` gives for a
 * possible repeat, why a related incident is listed, and the notice of a
 * postmortem that repeats earlier ones.
 */
import { formatMonth } from './calendar';
import { humanise, plural } from './format';
import { formatPercent } from './insight-text';
import type { Recurrence } from './recurrence';
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

/** Summary of the recurrence figures: the overall share and the service repeating most. */
export function describeRecurrence(recurrence: Pick<Recurrence, 'incidents' | 'repeating' | 'perService'>): string {
  if (recurrence.repeating === 0) return 'No incident repeated an earlier one of the year before.';
  const top = recurrence.perService[0];
  return `${plural(recurrence.repeating, 'incident')} of ${recurrence.incidents} (${formatPercent(recurrence.repeating / recurrence.incidents)}) repeated an earlier one of the year before${top ? `; most often on ${top.key} (${top.repeating} of ${top.incidents})` : ''}.`;
}
