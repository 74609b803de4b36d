/**
 * `npm run actions`: the action-item ledger from the command line, for people
 * and CI. It reports and does not gate: the exit code is 0 unless
 * `--fail-on-overdue` is given and something is overdue.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { slug } from 'github-slugger';
import { runWithUsage, UsageError, type CommandContext } from '../cli';
import { parseFrontmatter, splitFrontmatter, type SourcePosition } from '../frontmatter';
import { DIGEST_FORMATS, formatDigest, selectDigest, type Digest, type DigestFormat } from './digest';
import { readFolderLedger, type FolderLedger } from './read-ledger';

const ACTIONS_USAGE = `Usage: npm run actions -- [--overdue] [--owner <name>] [--due-within <days>] [--format text|markdown|json|github] [--fail-on-overdue]

Lists the open and in-progress action items of every postmortem, soonest due first, grouped by owner.
  --overdue            only items past their due date (written, or by the due-date policy)
  --owner <name>       only this owner's items (case and punctuation aside)
  --due-within <days>  only items due within this many days, overdue ones included
  --format <name>      text (default), markdown (a digest with links), json, or github (annotations)
  --fail-on-overdue    exit with 1 when any listed item is overdue (default: always 0)`;

/** Where each listed item is written, for GitHub annotations: its `due`, or the item when due by policy. */
async function locateEntries(root: string, digest: Digest): Promise<Map<unknown, SourcePosition>> {
  const positions = new Map<unknown, SourcePosition>();
  const byFile = Map.groupBy(
    [...digest.entries, ...digest.drift.map((drift) => drift.entry)],
    (entry) => entry.source.record.file,
  );
  for (const [file, entries] of byFile) {
    const { locate } = parseFrontmatter(splitFrontmatter(await readFile(resolve(root, file), 'utf8')));
    for (const entry of entries)
      positions.set(
        entry,
        locate(entry.due.byPolicy ? ['actionItems', entry.index] : ['actionItems', entry.index, 'due']),
      );
  }
  return positions;
}

/** Parses the options; `folder` reads the ledger (tests and the workflow pass their own). */
export function runActions(
  context: CommandContext,
  folder: () => Promise<FolderLedger> = () => readFolderLedger(context),
): Promise<number> {
  return runWithUsage('actions', ACTIONS_USAGE, context, async () => {
    const { values } = parseArgs({
      args: [...context.argv],
      options: {
        overdue: { type: 'boolean', default: false },
        owner: { type: 'string' },
        'due-within': { type: 'string' },
        format: { type: 'string', short: 'f', default: 'text' },
        'fail-on-overdue': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      context.stdout.write(`${ACTIONS_USAGE}\n`);
      return 0;
    }
    const format = values.format as DigestFormat;
    if (!DIGEST_FORMATS.includes(format))
      throw new UsageError(`unknown format \`${values.format}\`; use text, markdown, json or github`);
    const dueWithin = values['due-within'];
    if (dueWithin !== undefined && !/^\d+$/.test(dueWithin))
      throw new UsageError(`--due-within takes a whole number of days, e.g. 14; got \`${dueWithin}\``);

    const ledger = await folder();
    if (ledger.invalidFiles.length > 0)
      context.stderr.write(
        `actions: left out ${ledger.invalidFiles.length} postmortem(s) that do not validate (${ledger.invalidFiles.join(', ')}); run npm run check\n`,
      );
    const digest = selectDigest(ledger, {
      overdue: values.overdue,
      owner: values.owner,
      dueWithinDays: dueWithin === undefined ? undefined : Number(dueWithin),
    });
    const owner = values.owner;
    if (owner !== undefined && !ledger.ledger.owners.some((known) => known.slug === slug(owner)))
      context.stderr.write(
        `actions: nobody called \`${owner}\` owns an action item; owners are ${ledger.ledger.owners.map((known) => known.name).join(', ')}\n`,
      );
    const positions = format === 'github' ? await locateEntries(context.root, digest) : undefined;
    context.stdout.write(formatDigest(digest, format, positions && ((entry) => positions.get(entry)!)));
    return values['fail-on-overdue'] && digest.overdue > 0 ? 1 : 0;
  });
}
