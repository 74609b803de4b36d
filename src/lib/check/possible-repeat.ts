/**
 * `possible-repeat`: a checked postmortem that resembles earlier ones (see
 * `findSimilar`) without listing them in `related` or `notRepeatOf` gets a
 * warning naming them, with their dates, the shared evidence and their action
 * items still open or dropped, so the pull request shows that this failure has
 * happened before and what should have prevented it.
 */
import type { SimilarityConfig } from '../../schemas/similarity';
import type { CheckedFile } from '../content-folder';
import { compareNewestFirst, type PostmortemRecord } from '../corpus';
import { quoteValue, type Problem } from '../errors';
import type { SourcePosition } from '../frontmatter';
import { describeEvidence } from '../repeat-text';
import { UNFINISHED_STATUSES } from '../repeats';
import { findSimilar } from '../similarity';
import { localDate } from '../time';

/** The rule's id, shown as `[possible-repeat]`. */
const POSSIBLE_REPEAT = 'possible-repeat';

/** Earlier postmortems named in one warning; the rest are counted. */
const NAMED_REPEATS = 3;

/** Where a warning goes: the `related` key when the file has one, else the title. */
export type LocateField = (file: CheckedFile, field: 'related' | 'title') => Promise<SourcePosition>;

/**
 * The `possible-repeat` warnings of `checkedIds` against every valid file of
 * `files` (the whole content folder): only earlier postmortems count, and
 * only the checked files warn.
 */
export async function possibleRepeatProblems(
  files: readonly CheckedFile[],
  checkedIds: ReadonlySet<string>,
  config: SimilarityConfig,
  locate: LocateField,
): Promise<Problem[]> {
  const valid = files
    .filter((file): file is CheckedFile & { data: PostmortemRecord['data'] } => file.data !== undefined)
    .sort((a, b) => compareNewestFirst(a, b));
  const results = findSimilar(
    valid.map((file) => ({ record: file, terms: file.terms })),
    config,
    0,
    (position) => checkedIds.has(valid[position]!.id),
  );
  const problems: Problem[] = [];
  for (const [position, file] of valid.entries()) {
    if (!checkedIds.has(file.id)) continue;
    const listed = new Set(file.data.related);
    const unlisted = results[position]!.repeats.filter((match) => !listed.has(valid[match.position]!.id));
    if (unlisted.length === 0) continue;
    const described = unlisted.slice(0, NAMED_REPEATS).map(({ position: other, evidence }) => {
      const earlier = valid[other]!;
      const unfinished = earlier.data.actionItems.filter((action) => UNFINISHED_STATUSES.has(action.status));
      const actions =
        unfinished.length > 0
          ? `; its action items not done: ${unfinished.map((action) => `${quoteValue(action.title, 80)} (${action.status})`).join(', ')}`
          : '';
      return `${earlier.id} (${localDate(earlier.data.startedAt, earlier.data.timezone)}): ${describeEvidence(evidence)}${actions}`;
    });
    const more = unlisted.length > NAMED_REPEATS ? `; and ${unlisted.length - NAMED_REPEATS} more` : '';
    const field = file.raw && typeof file.raw === 'object' && 'related' in file.raw ? 'related' : 'title';
    problems.push({
      file: file.file,
      ...(await locate(file, field)),
      severity: 'warning',
      message: `this looks like a repeat of ${described.join('; ')}${more}. Add ${unlisted.length === 1 ? 'it' : 'them'} to \`related\`, or to \`notRepeatOf\` with a reason if the cause differs`,
      rule: POSSIBLE_REPEAT,
    });
  }
  return problems;
}
