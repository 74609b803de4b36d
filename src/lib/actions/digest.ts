/**
 * The digest of outstanding action items, as `npm run actions` prints it: for
 * a terminal, as Markdown grouped by owner (the scheduled issue's body), as
 * JSON for tools, or as GitHub annotations.
 */
import { slug } from 'github-slugger';
import { ACTION_STATUS_LABELS, isOutstanding, type LedgerEntry } from '../action-items';
import { githubAnnotation } from '../check/output';
import { daysBetween } from '../due-dates';
import { plural } from '../format';
import type { SourcePosition } from '../frontmatter';
import type { FileRecord, FolderLedger } from './read-ledger';
import type { TicketDrift } from './ticket-drift';

export const DIGEST_FORMATS = ['text', 'markdown', 'json', 'github'] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

/** Which outstanding items a digest shows; every filter given must hold. */
export interface DigestFilter {
  /** Only items past due. */
  overdue?: boolean;
  /** Only one owner's items, the name matched like owner pages (case and punctuation aside). */
  owner?: string | undefined;
  /** Only items due within this many days of today, overdue ones included. */
  dueWithinDays?: number | undefined;
}

type Entry = LedgerEntry<FileRecord>;

/** One owner's items in a digest. */
interface DigestOwner {
  slug: string;
  name: string;
  /** GitHub handle from `followThrough.githubHandles`, without `@`. */
  handle: string | undefined;
  /** Soonest due first. */
  entries: Entry[];
}

/** What a digest reports, as of one day. */
export interface Digest {
  today: string;
  /** Outstanding items the filter kept, soonest due first. */
  entries: Entry[];
  /** The same items by owner, owners sorted by name. */
  owners: DigestOwner[];
  overdue: number;
  /** Items whose GitHub ticket says otherwise (only when tickets were read). */
  drift: TicketDrift<FileRecord>[];
}

/** The outstanding items of `folder` that pass `filter`, grouped by owner. */
export function selectDigest(
  { ledger, handles }: Pick<FolderLedger, 'ledger' | 'handles'>,
  filter: DigestFilter = {},
  drift: TicketDrift<FileRecord>[] = [],
): Digest {
  const ownerSlug = filter.owner === undefined ? undefined : slug(filter.owner);
  const keep = (entry: Entry) =>
    isOutstanding(entry.action) &&
    (!filter.overdue || entry.overdue) &&
    (ownerSlug === undefined || entry.ownerSlug === ownerSlug) &&
    (filter.dueWithinDays === undefined || daysBetween(ledger.today, entry.due.date) <= filter.dueWithinDays);
  const owners = ledger.owners
    .map((owner) => ({
      slug: owner.slug,
      name: owner.name,
      handle: handles.get(owner.slug),
      entries: owner.groups.flatMap((group) => group.entries).filter(keep),
    }))
    .filter((owner) => owner.entries.length > 0);
  for (const owner of owners) owner.entries.sort((a, b) => a.due.date.localeCompare(b.due.date));
  const entries = ledger.entries.filter(keep);
  return { today: ledger.today, entries, owners, overdue: entries.filter((entry) => entry.overdue).length, drift };
}

/** `due 2024-05-01 (by policy), 3 days overdue` */
function dueText(entry: Entry, today: string): string {
  const due = `due ${entry.due.date}${entry.due.byPolicy ? ' (by policy)' : ''}`;
  if (entry.overdue) return `${due}, ${plural(entry.daysOverdue, 'day')} overdue`;
  const left = daysBetween(today, entry.due.date);
  return `${due}, ${left === 0 ? 'today' : `in ${plural(left, 'day')}`}`;
}

/** `N outstanding items, M overdue`. */
function countsLine(digest: Digest): string {
  return `${plural(digest.entries.length, 'outstanding item')}, ${digest.overdue} overdue`;
}

function driftText(drift: TicketDrift<FileRecord>): string {
  return drift.kind === 'ticket-closed'
    ? `its ticket is closed but the item is still ${ACTION_STATUS_LABELS[drift.entry.action.status].toLowerCase()}: mark it done (with \`closed\`) or reopen the ticket`
    : `the item is ${ACTION_STATUS_LABELS[drift.entry.action.status].toLowerCase()} but its ticket is still open: close the ticket`;
}

function formatText(digest: Digest): string {
  const lines = [`Action items as of ${digest.today}: ${countsLine(digest)}`];
  for (const owner of digest.owners) {
    lines.push('', owner.name);
    for (const entry of owner.entries) {
      lines.push(
        `  ${entry.overdue ? 'OVERDUE ' : ''}${entry.action.title} [${entry.action.type}], ${dueText(entry, digest.today)}`,
        `    ${entry.source.record.data.title} (${entry.source.severity.id}) ${entry.source.record.url}`,
      );
    }
  }
  if (digest.drift.length > 0) {
    lines.push('', 'Ticket drift');
    for (const drift of digest.drift)
      lines.push(
        `  ${drift.entry.action.title} (${drift.entry.action.owner}): ${driftText(drift)} ${drift.entry.action.ticket}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Text from postmortems as inert Markdown: no links, emphasis, HTML, @-mentions
 * or #-references of its own (a title is data, not markup).
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|@~]/g, '\\$&');
}

function markdownItem(entry: Entry, today: string): string {
  const { action, source } = entry;
  const due = entry.overdue ? `**${dueText(entry, today)}**` : dueText(entry, today);
  const ticket = action.ticket ? ` · ticket <${action.ticket}>` : '';
  return `- ${escapeMarkdown(action.title)} (${action.type}): ${due} · [${escapeMarkdown(source.record.data.title)}](${source.record.url}) (${source.severity.id})${ticket}`;
}

function formatMarkdown(digest: Digest): string {
  const lines = [`Outstanding postmortem action items as of ${digest.today}: ${countsLine(digest)}.`];
  if (digest.owners.length === 0) lines.push('', 'No outstanding item to list.');
  for (const owner of digest.owners) {
    lines.push('', `### ${escapeMarkdown(owner.name)}${owner.handle ? ` (@${owner.handle})` : ''}`, '');
    for (const entry of owner.entries) lines.push(markdownItem(entry, digest.today));
  }
  if (digest.drift.length > 0) {
    lines.push('', '### Ticket drift', '');
    for (const drift of digest.drift)
      lines.push(
        `- ${escapeMarkdown(drift.entry.action.title)} (${escapeMarkdown(drift.entry.action.owner)}, [${escapeMarkdown(drift.entry.source.record.data.title)}](${drift.entry.source.record.url})): ${driftText(drift)} · <${drift.entry.action.ticket}>`,
      );
  }
  return `${lines.join('\n')}\n`;
}

function jsonEntry(entry: Entry, handle: string | undefined) {
  const { action, source } = entry;
  return {
    title: action.title,
    owner: action.owner,
    ownerSlug: entry.ownerSlug,
    githubHandle: handle ?? null,
    type: action.type,
    status: action.status,
    due: entry.due.date,
    dueByPolicy: entry.due.byPolicy,
    policyDue: entry.due.policyDate,
    overdue: entry.overdue,
    daysOverdue: entry.daysOverdue,
    ticket: action.ticket ?? null,
    postmortem: {
      id: source.record.id,
      title: source.record.data.title,
      severity: source.severity.id,
      file: source.record.file,
      url: source.record.url,
    },
  };
}

function formatJson(digest: Digest): string {
  const handleOf = new Map(digest.owners.map((owner) => [owner.slug, owner.handle]));
  return `${JSON.stringify(
    {
      today: digest.today,
      count: digest.entries.length,
      overdue: digest.overdue,
      items: digest.entries.map((entry) => jsonEntry(entry, handleOf.get(entry.ownerSlug))),
      drift: digest.drift.map((drift) => ({
        kind: drift.kind,
        ticketState: drift.ticketState,
        item: jsonEntry(drift.entry, handleOf.get(drift.entry.ownerSlug)),
      })),
    },
    null,
    2,
  )}\n`;
}

/** Where an item is written in its file: its `due`, or the item itself when due by policy. */
export type LocateEntry = (entry: Entry) => SourcePosition;

function formatGithub(digest: Digest, locate: LocateEntry): string {
  const annotation = (entry: Entry, severity: 'warning' | 'error', message: string, rule: string) =>
    githubAnnotation({ file: entry.source.record.file, ...locate(entry), severity, message, rule });
  const lines = [
    ...digest.entries
      .filter((entry) => entry.overdue)
      .map((entry) =>
        annotation(
          entry,
          'warning',
          `action item "${entry.action.title}" (${entry.action.owner}) is ${dueText(entry, digest.today)}`,
          'overdue-action-item',
        ),
      ),
    ...digest.drift.map((drift) =>
      annotation(
        drift.entry,
        'warning',
        `action item "${drift.entry.action.title}": ${driftText(drift)}`,
        'ticket-drift',
      ),
    ),
  ];
  return `${[...lines, `Action items as of ${digest.today}: ${countsLine(digest)}`].join('\n')}\n`;
}

/** The digest in `format`, ending with a newline. GitHub annotations need `locate` to point at lines. */
export function formatDigest(digest: Digest, format: DigestFormat, locate?: LocateEntry): string {
  switch (format) {
    case 'text':
      return formatText(digest);
    case 'markdown':
      return formatMarkdown(digest);
    case 'json':
      return formatJson(digest);
    case 'github':
      return formatGithub(digest, locate ?? (() => ({ line: 1, column: 1 })));
  }
}
