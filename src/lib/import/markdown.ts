/**
 * Markdown written from a template (the SRE book's, Google's, Azure's, Elastic's,
 * a team's own): YAML or TOML frontmatter, then headings that mean sections. Each
 * heading is read by its meaning, so "Root Causes", "Root cause and mitigation"
 * and "## Root Cause" all feed the same fields. Read with unified and remark
 * (GFM tables and task lists); the body keeps the writer's Markdown as written.
 */
import type { Heading, ListItem, Nodes, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { parse as parseToml } from 'smol-toml';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { ImportConfig } from '../../schemas/import';
import {
  actionItemStatus,
  actionItemType,
  detectionFromWords,
  impactCategoriesFromWords,
  normaliseHeading,
  sectionMeaning,
  timelineKind,
  triggerFromWords,
  usersAffectedFromWords,
  type SectionMeaning,
} from './meaning';
import { applyEdits, safetyEdits, walk, type TextEdit } from './safe-body';
import {
  readFields,
  type ImportFormat,
  type SourceActionItem,
  type SourceRecord,
  type SourceTimelineEntry,
} from './source-record';
import { leadingSourceTime, parseSourceTime, zoneInPhrase, type SourceTime } from './source-time';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);

/** A Markdown source: its frontmatter as data and its syntax tree with offsets into `text`. */
export interface ParsedMarkdown {
  text: string;
  tree: Root;
  frontmatter: Record<string, unknown>;
  /** Why the frontmatter could not be read, when it could not. */
  frontmatterError?: string | undefined;
}

/** A source's frontmatter as data, and why it could not be read when it could not. */
export interface SourceFrontmatter {
  data: Record<string, unknown>;
  error?: string | undefined;
}

/**
 * The frontmatter of a source, YAML between `---` lines or TOML between `+++` lines,
 * read without parsing the body (telling formats apart needs only this).
 */
export function readSourceFrontmatter(text: string): SourceFrontmatter {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fence = lines[0]?.trimEnd();
  if (fence !== '---' && fence !== '+++') return { data: {} };
  const closing = lines.findIndex((line, index) => index > 0 && line.trimEnd() === fence);
  if (closing === -1) return { data: {}, error: `no closing \`${fence}\` line` };
  const source = lines.slice(1, closing).join('\n');
  try {
    const data: unknown = fence === '---' ? parseYaml(source) : parseToml(source);
    return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {} };
  } catch (error) {
    return { data: {}, error: (error as Error).message.split('\n')[0] };
  }
}

/** Parses a Markdown file with YAML (`---`) or TOML (`+++`) frontmatter (pass it when already read). */
export function parseMarkdownSource(
  text: string,
  { data, error }: SourceFrontmatter = readSourceFrontmatter(text),
): ParsedMarkdown {
  return { text, tree: processor.parse(text), frontmatter: data, frontmatterError: error };
}

/** What a body reader needs besides the source. */
export interface MarkdownOptions {
  file: string;
  reference: string;
  config: ImportConfig;
  /** The required sections of the site's template: a heading meaning the same is renamed to it. */
  requiredSections: readonly string[];
  /** The source's frontmatter, when the caller has read it already (to tell formats apart). */
  frontmatter?: SourceFrontmatter | undefined;
}

/** A heading and the nodes under it, up to the next heading. */
interface Section {
  heading: Heading;
  title: string;
  meaning: SectionMeaning | undefined;
  nodes: RootContent[];
}

function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}
function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** Removes `nodes` from the body, with the blank lines after them. */
function removal(text: string, nodes: readonly Nodes[]): TextEdit | undefined {
  if (nodes.length === 0) return undefined;
  let end = endOf(nodes.at(-1)!);
  while (text[end] === '\n' || text[end] === '\r') end += 1;
  return { start: startOf(nodes[0]!), end, text: '' };
}

/** Lines of a paragraph as plain text. */
function lines(node: Nodes): string[] {
  return toString(node)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The first paragraph's text, for a summary. */
function firstParagraph(nodes: readonly RootContent[]): string | undefined {
  const paragraph = nodes.find((node) => node.type === 'paragraph');
  const text = paragraph ? toString(paragraph).replace(/\s+/g, ' ').trim() : '';
  return text || undefined;
}

const ONE_LINE_FIELD = /^([A-Za-z][A-Za-z ()]{0,30}?)\s*:\s*(.+)$/;

/**
 * Reads `Key: value` lines (the Real-world SRE template's `Date:`, Elastic's `By:`)
 * into fields; returns whether every line of the paragraph was one.
 */
function readFieldLines(paragraphLines: readonly string[], record: SourceRecord, config: ImportConfig): boolean {
  let all = paragraphLines.length > 0;
  for (const line of paragraphLines) {
    const match = ONE_LINE_FIELD.exec(line);
    if (!match) {
      all = false;
      continue;
    }
    const name = match[1]!.replace(/\(s\)$/i, 's').trim();
    const left = readFields({ [name]: match[2] }, record, config, 'line');
    if (Object.keys(left).length > 0 && !/^last modified$/i.test(name)) all = false;
  }
  return all;
}

/** Table rows as text cells, with the first http(s) link of each cell. */
function tableRows(table: Table): { cells: string[]; links: (string | undefined)[] }[] {
  return table.children.map((row) => ({
    cells: row.children.map((cell) => toString(cell).trim()),
    links: row.children.map((cell) => {
      let url: string | undefined;
      walk(cell, (node) => {
        if (!url && node.type === 'link' && /^https?:\/\//i.test(node.url)) url = node.url;
      });
      return url;
    }),
  }));
}

/** The index of the first header cell matching `pattern`, or -1. */
function column(headers: readonly string[], pattern: RegExp): number {
  return headers.findIndex((header) => pattern.test(header.toLowerCase().trim()));
}

/** Timeline entries from a section: list items, lines of paragraphs, or a table of times and events. */
function timelineEntries(nodes: readonly RootContent[], record: SourceRecord): SourceTimelineEntry[] {
  const entries: SourceTimelineEntry[] = [];
  let day: string | undefined;
  let zone: string | undefined;
  const add = (at: SourceTime, event: string) => {
    const text = event.replace(/\s+/g, ' ').trim();
    if (!text) return;
    let time = at;
    if (time.kind === 'wall-clock' && day) {
      time = time.zone
        ? (parseSourceTime(`${day} ${time.time} ${time.zone}`) ?? time)
        : { kind: 'local', date: day, time: time.time, text: time.text };
    }
    const { kind, word } = timelineKind(text);
    entries.push({ at: time, event: text, kind, kindWord: word });
  };
  const readLine = (line: string) => {
    const found = leadingSourceTime(line);
    if (!found) return;
    if (found.time.kind === 'date' && found.rest.length < 40) {
      // A date on its own line starts a day: "2024-03-14 (all times UTC)".
      day = found.time.date;
      zone = zoneInPhrase(found.rest) ?? zone;
      if (zone && !record.timezone) record.timezone = { value: zone, from: `timeline line "${line}"` };
      return;
    }
    if (found.time.kind === 'date') return;
    add(found.time, found.rest);
  };
  for (const node of nodes) {
    if (node.type === 'list') {
      for (const item of node.children) readLine(toString(item.children[0] ?? item).replace(/\n/g, ' '));
    } else if (node.type === 'paragraph') {
      for (const line of lines(node)) readLine(line);
    } else if (node.type === 'table') {
      const [header, ...rows] = tableRows(node);
      if (!header) continue;
      const dateColumn = column(header.cells, /^(date|day)$/);
      let timeColumn = column(header.cells, /^(time|when|timestamp|at|date ?\/ ?time|time \(.*\)|date and time)/);
      if (timeColumn === -1) timeColumn = dateColumn === -1 ? 0 : dateColumn;
      let eventColumn = column(header.cells, /^(event|what|description|action|details|update|activity)/);
      if (eventColumn === -1) eventColumn = timeColumn === 0 ? 1 : 0;
      const headerZone = zoneInPhrase(header.cells[timeColumn] ?? '');
      if (headerZone && !record.timezone)
        record.timezone = { value: headerZone, from: `timeline column "${header.cells[timeColumn]}"` };
      for (const row of rows) {
        const when = [
          dateColumn !== -1 && dateColumn !== timeColumn ? row.cells[dateColumn] : '',
          row.cells[timeColumn],
        ]
          .filter(Boolean)
          .join(' ');
        const at = parseSourceTime(when);
        if (at && at.kind !== 'date') add(at, row.cells[eventColumn] ?? '');
      }
    }
  }
  return entries;
}

const OWNER_IN_TEXT = /\b(?:owner|owners|assignee|assigned to|who)\s*[:=]\s*([^,;)\]|]+)/i;
const HANDLE_IN_TEXT = /(?:^|\s)@([\w.-]+)/;
const DUE_IN_TEXT = /\b(?:due|by|deadline|eta)\s*[:=]?\s*(\d{4}-\d{2}-\d{2})\b/i;

/** An action item from a task-list or list item: "Alert on X (owner: Platform, due 2024-04-30) [OPS-1](…)". */
function actionItemFromListItem(item: ListItem): SourceActionItem | undefined {
  const first = item.children[0];
  if (!first) return undefined;
  let text = toString(first).replace(/\s+/g, ' ').trim();
  let ticket: string | undefined;
  walk(first, (node) => {
    if (!ticket && node.type === 'link' && /^https?:\/\//i.test(node.url)) {
      ticket = node.url;
      text = text.replace(toString(node), '').trim();
    }
  });
  const owner = OWNER_IN_TEXT.exec(text) ?? HANDLE_IN_TEXT.exec(text);
  const due = DUE_IN_TEXT.exec(text);
  for (const match of [owner, due]) if (match) text = text.replace(match[0], ' ');
  const status = /\bstatus\s*[:=]\s*([\w' -]+)/i.exec(text);
  if (status) text = text.replace(status[0], ' ');
  const title = text
    .replace(/\(\s*[,;]?\s*\)/g, '')
    .replace(/\[\s*\]/g, '')
    .replace(/\s*[,;:–—-]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!title) return undefined;
  return {
    title,
    owner: owner?.[1]?.trim(),
    status:
      (status ? actionItemStatus(status[1]!) : undefined) ??
      (item.checked === true ? 'done' : item.checked === false ? 'open' : undefined),
    due: due?.[1],
    ticket,
  };
}

/** Action items from a GFM table (columns recognised by their headers) or a (task) list. */
function actionItems(nodes: readonly RootContent[]): SourceActionItem[] {
  const items: SourceActionItem[] = [];
  for (const node of nodes) {
    if (node.type === 'list') {
      for (const item of node.children) {
        const found = actionItemFromListItem(item);
        if (found) items.push(found);
      }
    } else if (node.type === 'table') {
      const [header, ...rows] = tableRows(node);
      if (!header) continue;
      const at = {
        owner: column(header.cells, /^(owner|owners|assignee|who|responsible|assigned)/),
        type: column(header.cells, /^(type|kind|category)$/),
        status: column(header.cells, /^(status|state|done\??)$/),
        due: column(header.cells, /^(due|due date|deadline|eta|by|target|target date)$/),
        ticket: column(header.cells, /^(ticket|bug|issue|link|jira|tracking|tracker|url|ref)/),
      };
      let title = column(header.cells, /^(action|action item|item|task|title|description|what|measure)/);
      if (title === -1) title = header.cells.findIndex((_, index) => !Object.values(at).includes(index));
      for (const row of rows) {
        const cell = (index: number) => (index === -1 ? undefined : row.cells[index]?.trim() || undefined);
        const titleText = cell(title);
        if (!titleText) continue;
        const due = cell(at.due);
        const ticketCell = cell(at.ticket);
        items.push({
          title: titleText,
          owner: cell(at.owner),
          type: cell(at.type) ? actionItemType(cell(at.type)!) : undefined,
          status: cell(at.status) ? actionItemStatus(cell(at.status)!) : undefined,
          due,
          ticket:
            (at.ticket === -1 ? undefined : row.links[at.ticket]) ??
            (ticketCell && /^https?:\/\/\S+$/i.test(ticketCell) ? ticketCell : undefined),
        });
      }
    }
  }
  return items;
}

/** Splits the body into sections at every heading. */
function sectionsOf(children: readonly RootContent[]): { preamble: RootContent[]; sections: Section[] } {
  const preamble: RootContent[] = [];
  const sections: Section[] = [];
  for (const node of children) {
    if (node.type === 'yaml' || node.type === 'toml') continue;
    if (node.type === 'heading') {
      const title = toString(node).trim();
      sections.push({ heading: node, title, meaning: sectionMeaning(title), nodes: [] });
    } else if (sections.length > 0) {
      sections.at(-1)!.nodes.push(node);
    } else {
      preamble.push(node);
    }
  }
  return { preamble, sections };
}

/** Meanings whose sections hold metadata only: read into fields and left out of the body. */
const METADATA: readonly SectionMeaning[] = ['date', 'authors', 'status', 'severity', 'services'];
const METADATA_FIELD: Partial<Record<SectionMeaning, string>> = {
  date: 'date',
  authors: 'authors',
  severity: 'severity',
  services: 'services',
};

/**
 * Reads the body of a parsed Markdown source into `record`: the title from the first
 * `#` heading, fields from metadata lines and sections, and the body itself made safe,
 * with headings that mean a required section renamed to it.
 */
export function readMarkdownBody(parsed: ParsedMarkdown, record: SourceRecord, options: MarkdownOptions): void {
  const { text, tree } = parsed;
  const edits: TextEdit[] = [];
  const { preamble, sections } = sectionsOf(tree.children);
  const firstHeading = sections[0];
  if (firstHeading?.heading.depth === 1) {
    const [titleText, dateText] = splitTitleDate(firstHeading.title);
    if (!record.title) record.title = { value: titleText, from: 'first heading' };
    if (dateText && !record.startedAt) record.startedAt = { value: dateText, from: 'first heading' };
    edits.push(removal(text, [firstHeading.heading])!);
    // The nodes under the title belong to the preamble (Elastic's "By:" line and description).
    preamble.push(...firstHeading.nodes);
    sections.shift();
  }
  for (const node of preamble) {
    if (node.type === 'paragraph' && readFieldLines(lines(node), record, options.config)) {
      edits.push(removal(text, [node])!);
    }
  }
  const preambleText = firstParagraph(
    preamble.filter((node) => node.type === 'paragraph' && !ONE_LINE_FIELD.test(lines(node)[0] ?? '')),
  );

  const sectionText = (section: Section) => section.nodes.map((node) => toString(node)).join('\n');
  for (const section of sections) {
    const from = `section "${section.title}"`;
    const content = sectionText(section);
    switch (section.meaning) {
      case 'summary': {
        const summary = firstParagraph(section.nodes);
        if (summary && !record.summary) record.summary = { value: summary, from };
        if (/impact/i.test(section.title)) readImpact(content, record, from);
        break;
      }
      case 'impact':
        readImpact(content, record, from);
        break;
      case 'trigger': {
        // A Trigger section says it better than the root cause's words read before it.
        const found = triggerFromWords(content);
        if (found && (!record.trigger || record.trigger.guess))
          record.trigger = { value: found.value, from, guess: `the word "${found.word}"` };
        break;
      }
      case 'root-cause': {
        const found = triggerFromWords(content);
        if (found && !record.trigger) record.trigger = { value: found.value, from, guess: `the word "${found.word}"` };
        break;
      }
      case 'detection': {
        const found = detectionFromWords(content);
        if (found && !record.detection)
          record.detection = { value: found.value, from, guess: `the words "${found.word}"` };
        break;
      }
      case 'timeline': {
        const zone = zoneInPhrase(section.title);
        if (zone && !record.timezone) record.timezone = { value: zone, from: `heading "${section.title}"` };
        const entries = timelineEntries(section.nodes, record);
        if (entries.length > 0 && !record.timeline) record.timeline = { value: entries, from };
        break;
      }
      case 'action-items': {
        const items = actionItems(section.nodes);
        if (items.length > 0 && !record.actionItems) record.actionItems = { value: items, from };
        break;
      }
      default:
        if (section.meaning && METADATA.includes(section.meaning)) {
          const field = METADATA_FIELD[section.meaning];
          if (field && content.trim())
            readFields({ [field]: content.trim() }, record, options.config, from, () => from);
          edits.push(removal(text, [section.heading, ...section.nodes])!);
        }
    }
  }
  if (!record.summary && preambleText) record.summary = { value: preambleText, from: 'the paragraph under the title' };

  edits.push(...requiredSectionEdits(sections, options.requiredSections, record));
  const safety = safetyEdits(tree);
  edits.push(...safety.edits);
  record.notes.push(...safety.notes);
  const bodyStart =
    tree.children[0]?.type === 'yaml' || tree.children[0]?.type === 'toml' ? endOf(tree.children[0]) : 0;
  record.body = applyEdits(text, edits).slice(bodyStart).trim();
  // The edits never move text before the body, so slicing after applying them is safe.
}

/** "Cluster outage in eu-west-1: March 14, 2024" → the title and the date after its last colon. */
function splitTitleDate(title: string): [string, SourceTime | undefined] {
  const colon = title.lastIndexOf(':');
  if (colon === -1) return [title, undefined];
  const date = parseSourceTime(title.slice(colon + 1).trim());
  return date ? [title.slice(0, colon).trim(), date] : [title, undefined];
}

function readImpact(content: string, record: SourceRecord, from: string): void {
  const share = usersAffectedFromWords(content);
  if (share && !record.usersAffectedPct)
    record.usersAffectedPct = { value: share.value, from, guess: `"${share.phrase}"` };
  const categories = impactCategoriesFromWords(content);
  if (categories.length > 0 && !record.impactCategories)
    record.impactCategories = {
      value: categories.map((category) => category.value),
      from,
      guess: categories.map((category) => `"${category.word}"`).join(', '),
    };
}

/**
 * Renames the first heading meaning each required section to the section's title
 * ("Root Causes" → "Root cause and resolution"), so the body passes `required-sections`.
 */
function requiredSectionEdits(
  sections: readonly Section[],
  required: readonly string[],
  record: SourceRecord,
): TextEdit[] {
  const edits: TextEdit[] = [];
  const present = new Set(sections.map((section) => normaliseHeading(section.title)));
  const renamed = new Set<Section>();
  for (const title of required) {
    if (present.has(normaliseHeading(title))) continue;
    const meaning = sectionMeaning(title);
    const match = sections.find((section) => !renamed.has(section) && meaning && section.meaning === meaning);
    if (!match) continue;
    renamed.add(match);
    edits.push({
      start: startOf(match.heading),
      end: endOf(match.heading),
      text: `${'#'.repeat(Math.max(match.heading.depth, 2))} ${title}`,
    });
    record.notes.push({
      kind: 'guessed',
      message: `heading "${match.title}" renamed "${title}", the section it means`,
    });
  }
  return edits;
}

/** A record with nothing read yet. */
export function emptyRecord(format: ImportFormat, file: string, reference: string): SourceRecord {
  return { format, file, reference, body: '', notes: [] };
}

/** Reads a Markdown postmortem written from a template. */
export function readMarkdown(text: string, options: MarkdownOptions): SourceRecord {
  const record = emptyRecord('markdown', options.file, options.reference);
  const parsed = parseMarkdownSource(text, options.frontmatter);
  if (parsed.frontmatterError)
    record.notes.push({ kind: 'dropped', message: `frontmatter not read: ${parsed.frontmatterError}` });
  const rest = readFields(parsed.frontmatter, record, options.config, 'frontmatter');
  noteUnread(record, rest);
  readMarkdownBody(parsed, record, options);
  return record;
}

/** Notes the frontmatter fields no reader took, so nothing disappears unsaid. */
export function noteUnread(record: SourceRecord, rest: Record<string, unknown>): void {
  const names = Object.keys(rest);
  if (names.length > 0)
    record.notes.push({
      kind: 'dropped',
      message: `frontmatter ${names.length === 1 ? 'field' : 'fields'} not imported: ${names.map((name) => `\`${name}\``).join(', ')} (name ${names.length === 1 ? 'it' : 'them'} in the site config's import.fields to keep ${names.length === 1 ? 'it' : 'them'})`,
    });
}
