/**
 * A postmortem's rendered body cut into its `##` sections, so the page can put
 * the structured timeline and action items inside the sections that tell their
 * story instead of repeating them beside it, and list the sections in a table
 * of contents. Also what the page adds to every body: a link to each heading,
 * and task-list boxes that read as words rather than as unlabelled inputs.
 */
import { decodeHTML, escapeAttribute } from 'entities';
import { COMMENT_NODE, ELEMENT_NODE, TEXT_NODE, parse, type ElementNode, type Node } from 'ultrahtml';

/** What a section is about, from its heading, so structured data can find its place. */
export type SectionRole = 'summary' | 'impact' | 'timeline' | 'cause' | 'actions' | 'lessons' | 'other';

/** One `##` section of the body. */
export interface BodySection {
  /** The heading's id (its anchor). */
  id: string;
  /** The heading's text. */
  title: string;
  role: SectionRole;
  /** The section's HTML, its heading (with anchor link) first. */
  html: string;
  /** The `###` headings inside it. */
  subheadings: { id: string; title: string }[];
}

/** The body as sections, with whatever comes before the first `##`. */
export interface SplitBody {
  intro: string;
  sections: BodySection[];
}

/** Attributes HTML reads by presence; written bare, as html-validate's `attribute-boolean-style` asks. */
const BOOLEAN_ATTRIBUTES = new Set([
  'checked',
  'disabled',
  'hidden',
  'open',
  'selected',
  'readonly',
  'required',
  'multiple',
  'reversed',
  'inert',
]);
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** The classic sections, matched on words in their headings (first match wins). */
const ROLE_PATTERNS: [SectionRole, RegExp][] = [
  ['timeline', /\btimeline\b/],
  ['actions', /\b(corrective|preventative|preventive|action items?|follow[- ]?ups?)\b/],
  ['cause', /\b(root cause|causes?|resolution|contributing factors)\b/],
  ['lessons', /\blessons?\b/],
  ['impact', /\bimpact\b/],
  ['summary', /\b(summary|overview)\b/],
];

/** The role of a section titled `title`. */
export function sectionRole(title: string): SectionRole {
  const normalised = title.toLowerCase();
  return ROLE_PATTERNS.find(([, pattern]) => pattern.test(normalised))?.[0] ?? 'other';
}

/** Serialises parsed nodes; text and attribute values stay as the renderer escaped them. */
function serialise(node: Node): string {
  if (node.type === TEXT_NODE) return node.value;
  if (node.type === COMMENT_NODE) return `<!--${node.value}-->`;
  if (node.type !== ELEMENT_NODE) return (node.children as Node[] | undefined)?.map(serialise).join('') ?? '';
  const element = node;
  const attributes = Object.entries(element.attributes)
    .map(([name, value]) => (BOOLEAN_ATTRIBUTES.has(name) && value === '' ? ` ${name}` : ` ${name}="${value}"`))
    .join('');
  if (VOID_ELEMENTS.has(element.name)) return `<${element.name}${attributes}>`;
  return `<${element.name}${attributes}>${element.children.map(serialise).join('')}</${element.name}>`;
}

/** The text of a node, entities as written (it goes back into HTML). */
function textOf(node: Node): string {
  if (node.type === TEXT_NODE) return node.value;
  return ((node.children as Node[] | undefined) ?? []).map(textOf).join('');
}

/** Plain text for comparing: entities decoded the way the renderer writes them, case and punctuation ignored. */
function comparable(text: string): string {
  return decodeHTML(text)
    .replace(/\s*\([^)]*\)\s*$/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A heading followed by a link to it, as Starlight does: the link is outside the heading,
 * so the heading's name stays its text, and says which section it links to. Search leaves the
 * link's words out (`data-pagefind-ignore`): they would otherwise open excerpts.
 */
export function headingHtml(depth: 2 | 3, id: string, titleHtml: string, inner = titleHtml): string {
  return (
    `<div class="heading-wrapper level-h${depth}"><h${depth} id="${escapeAttribute(id)}">${inner}</h${depth}>` +
    `<a class="anchor-link" href="#${escapeAttribute(id)}" data-pagefind-ignore><span aria-hidden="true">#</span>` +
    `<span class="visually-hidden">Link to the section “${titleHtml}”</span></a></div>`
  );
}

/** The nodes of an HTML fragment. */
// ultrahtml's DocumentNode type loses `children` to an index signature (it is an `Omit` of one): say what it is.
const parseFragment = (html: string): Node[] => (parse(html) as { children: Node[] }).children;

const isElement = (node: Node, name?: string): node is ElementNode =>
  node.type === ELEMENT_NODE && (name === undefined || node.name === name);

/** A task-list item's box becomes a mark with words: a disabled checkbox has no label and cannot be used. */
function replaceTaskBoxes(node: Node): void {
  const children = (node.children as Node[] | undefined) ?? [];
  children.forEach((child, index) => {
    if (isElement(child, 'input') && child.attributes['type'] === 'checkbox') {
      const done = 'checked' in child.attributes;
      children[index] = parseFragment(
        `<span class="task-mark ${done ? 'task-done' : 'task-todo'}" role="img" aria-label="${done ? 'Done' : 'To do'}"></span>`,
      )[0]!;
    } else replaceTaskBoxes(child);
  });
}

/** Removes the task-list items that repeat one of `titles` (the structured action items), and lists left empty. */
function dropRepeatedTasks(nodes: Node[], titles: ReadonlySet<string>): Node[] {
  return nodes.flatMap((node) => {
    if (!isElement(node, 'ul') || !node.attributes['class']?.includes('contains-task-list')) return [node];
    node.children = node.children.filter((item) => !(isElement(item, 'li') && titles.has(comparable(textOf(item)))));
    return node.children.some((item) => isElement(item, 'li')) ? [node] : [];
  });
}

/**
 * Cuts the body's HTML at its `##` headings. Task-list items in the action section that repeat
 * an entry of `actionTitles` are dropped: the structured items are shown there instead.
 */
export function splitBody(html: string, { actionTitles = [] }: { actionTitles?: readonly string[] } = {}): SplitBody {
  const document = { children: parseFragment(html) } as Node;
  replaceTaskBoxes(document);
  const titles = new Set(actionTitles.map(comparable));
  const intro: Node[] = [];
  const sections: (Omit<BodySection, 'html'> & { nodes: Node[]; headingHtml: string })[] = [];
  for (const node of document.children as Node[]) {
    const current = sections.at(-1);
    const heading = isElement(node) && /^h[23]$/.test(node.name) ? node : undefined;
    const id = heading?.attributes['id'];
    if (heading && id) {
      // The text as the renderer escaped it goes back into HTML; decoded, it is the title pages print.
      const titleHtml = textOf(heading).trim();
      const title = decodeHTML(titleHtml);
      const markup = headingHtml(
        heading.name === 'h2' ? 2 : 3,
        id,
        titleHtml,
        heading.children.map(serialise).join(''),
      );
      if (heading.name === 'h2') {
        sections.push({ id, title, role: sectionRole(title), nodes: [], headingHtml: markup, subheadings: [] });
        continue;
      }
      current?.subheadings.push({ id, title });
      (current?.nodes ?? intro).push(...parseFragment(markup));
      continue;
    }
    (current?.nodes ?? intro).push(node);
  }
  return {
    intro: intro.map(serialise).join('').trim(),
    sections: sections.map(({ nodes, headingHtml: markup, ...section }) => ({
      ...section,
      html: markup + (section.role === 'actions' ? dropRepeatedTasks(nodes, titles) : nodes).map(serialise).join(''),
    })),
  };
}

/** What a part of the page shows besides (or instead of) body text. */
type StructuredPart = 'summary' | 'timeline' | 'actions';

/** One section of the page in reading order: from the body, made for structured data, or both. */
export interface PagePart {
  id: string;
  title: string;
  role: SectionRole;
  /** The body's section, absent when the page makes the section for structured data. */
  section?: BodySection;
  /** The structured data shown at the end of the section. */
  shows?: StructuredPart;
  subheadings: { id: string; title: string }[];
}

/** Which structured data the postmortem has. */
export interface StructuredData {
  /** A summary to show when the body has no summary section of its own (the frontmatter's). */
  summary: boolean;
  timeline: boolean;
  actions: boolean;
}

/**
 * The page's sections in the classic order (summary, impact, timeline, root cause
 * and resolution, corrective and preventative measures, lessons learned), every fact
 * once: the structured timeline and action items go at the end of the body's own
 * "Timeline" and "Corrective and preventative measures" sections; a body without
 * such a section gets one made in its classic place. The body's order is kept.
 */
export function arrangeSections(sections: readonly BodySection[], has: StructuredData): PagePart[] {
  const parts: PagePart[] = sections.map((section) => ({
    id: section.id,
    title: section.title,
    role: section.role,
    section,
    subheadings: section.subheadings,
  }));
  const place = (shows: StructuredPart, role: SectionRole, made: Omit<PagePart, 'subheadings'>, at: () => number) => {
    const own = parts.find((part) => part.role === role);
    if (own) own.shows = shows;
    else parts.splice(at(), 0, { ...made, shows, subheadings: [] });
  };
  const lastIndexOf = (roles: readonly SectionRole[]) => parts.findLastIndex((part) => roles.includes(part.role));
  // The frontmatter summary stands in only for a missing summary section: the body's own says it at length.
  if (has.summary && !parts.some((part) => part.role === 'summary')) {
    place('summary', 'summary', { id: 'summary', title: 'Summary', role: 'summary' }, () => 0);
  }
  if (has.timeline) {
    place(
      'timeline',
      'timeline',
      { id: 'timeline', title: 'Timeline', role: 'timeline' },
      () => lastIndexOf(['summary', 'impact']) + 1,
    );
  }
  if (has.actions) {
    place('actions', 'actions', { id: 'action-items', title: 'Action items', role: 'actions' }, () => {
      const lessons = parts.findIndex((part) => part.role === 'lessons');
      return lessons === -1 ? parts.length : lessons;
    });
  }
  return parts;
}

/** One entry of "On this page", with the `###` entries under it. */
export interface TocEntry {
  id: string;
  title: string;
  children: { id: string; title: string }[];
}

/** The table of contents of the page's sections, `###` headings nested under their section. */
export function tableOfContents(parts: readonly PagePart[]): TocEntry[] {
  return parts.map((part) => ({ id: part.id, title: part.title, children: part.subheadings }));
}
