/**
 * cState, the Hugo status page: one Markdown file per issue, with frontmatter
 * `title, date, resolved, resolvedWhen, severity (down|disrupted|notice), affected,
 * section: issue`, and updates in the body, each opened by a
 * `{{< track "YYYY-MM-DD HH:MM:SS" >}}` shortcode. Updates become timeline entries;
 * the shortcodes become bold times, since only Hugo understands them.
 */
import { emptyRecord, noteUnread, parseMarkdownSource, readMarkdownBody, type MarkdownOptions } from './markdown';
import { timelineKind } from './meaning';
import { readFields, type SourceRecord, type SourceTimelineEntry } from './source-record';
import { parseSourceTime } from './source-time';

/** Whether frontmatter and body look like a cState issue. */
export function isCstateSource(frontmatter: Record<string, unknown>, text: string): boolean {
  return (
    text.includes('{{< track') ||
    'resolvedWhen' in frontmatter ||
    (frontmatter['section'] === 'issue' && ('affected' in frontmatter || 'severity' in frontmatter))
  );
}

const TRACK = /\{\{<\s*track\s+"([^"]+)"\s*>\}\}/g;
const OTHER_SHORTCODE = /\{\{[<%][\s\S]*?[>%]\}\}/g;

/** Reads one cState issue file. */
export function readCstate(text: string, options: MarkdownOptions): SourceRecord {
  const record = emptyRecord('cstate', options.file, options.reference);
  const timeline: SourceTimelineEntry[] = [];
  // Each update runs from its shortcode to the next; its first line is the event.
  const updates = [...text.matchAll(TRACK)];
  updates.forEach((match, index) => {
    const at = parseSourceTime(match[1]!);
    const end = updates[index + 1]?.index ?? text.length;
    const event = text
      .slice(match.index + match[0].length, end)
      .split('\n')
      .map((line) => line.replace(OTHER_SHORTCODE, '').replace(/[*_]/g, '').trim())
      .find(Boolean);
    if (!at || !event) return;
    const { kind, word } = timelineKind(event);
    timeline.push({ at, event, kind, kindWord: word });
  });
  let dropped = 0;
  const markdown = text
    .replace(TRACK, (_, time: string) => `**${time}**`)
    .replace(OTHER_SHORTCODE, () => {
      dropped += 1;
      return '';
    });
  if (dropped > 0)
    record.notes.push({ kind: 'dropped', message: `${dropped} Hugo shortcode${dropped === 1 ? '' : 's'} dropped` });

  // The shortcodes are in the body: the frontmatter read before still holds.
  const parsed = parseMarkdownSource(markdown, options.frontmatter);
  const { resolved, section, ...fields } = parsed.frontmatter;
  if (section !== undefined && section !== 'issue')
    record.notes.push({ kind: 'dropped', message: `cState section \`${JSON.stringify(section)}\`, not an issue` });
  // An unresolved issue has no end, whatever `resolvedWhen` may hold.
  if (resolved === false) delete fields['resolvedWhen'];
  const rest = readFields(fields, record, options.config, 'frontmatter');
  noteUnread(record, rest);
  // cState lists updates newest first; a timeline reads oldest first.
  const when = (entry: SourceTimelineEntry) =>
    entry.at.kind === 'instant'
      ? entry.at.instant.toISOString()
      : entry.at.kind === 'local'
        ? `${entry.at.date}T${entry.at.time}`
        : '';
  timeline.sort((a, b) => when(a).localeCompare(when(b)));
  if (timeline.length > 0) record.timeline = { value: timeline, from: 'the `track` updates' };
  // The body starts with an update's time, not a summary: the earliest update says what happened.
  const earliest = timeline[0]?.event;
  if (earliest && !record.summary) record.summary = { value: earliest, from: 'the earliest update' };
  readMarkdownBody(parsed, record, options);
  return record;
}
