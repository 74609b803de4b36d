/**
 * Imported bodies pass the same untrusted-content rules as a pull request: raw
 * HTML is kept only when it is a bare formatting tag of a short allow-list, anything
 * else is escaped so it shows as text; `javascript:` links lose their URL. Every
 * change is a line in the report, never silent.
 */
import { escapeText } from 'entities';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ImportNote } from './source-record';

/** Replace `start`…`end` of the source text with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** `source` with `edits` applied; where two edits overlap, the earlier one wins. */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  let result = '';
  let position = 0;
  for (const edit of ordered) {
    if (edit.start < position) continue;
    result += source.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  return result + source.slice(position);
}

/**
 * Links kept as written: http(s), mailto, relative paths and #fragments. Anything else
 * (`javascript:`, `data:`, `vbscript:`, with whatever control characters hidden in the
 * scheme, which browsers ignore) loses its URL.
 */
export function isKeptUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- browsers skip these inside a scheme
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''));
  return !scheme || ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase());
}

/** Formatting tags that carry no attributes, run nothing and link nowhere: kept as written. */
const ALLOWED_TAGS = new Set([
  'br',
  'b',
  'i',
  'em',
  'strong',
  'sub',
  'sup',
  'kbd',
  'code',
  's',
  'del',
  'ins',
  'mark',
  'small',
  'u',
  'details',
  'summary',
]);

/** Whether raw HTML is nothing but bare allowed tags and text: `<br>`, `<sup>2</sup>`, `<details>`. */
function isAllowedHtml(value: string): boolean {
  // Only the exact shape `<name>`, `</name>` or `<name/>` passes; anything else (attributes, comments) is escaped.
  for (const tag of value.matchAll(/<[^>]*>?/g)) {
    const bare = /^<\/?([a-z]+)\s*\/?>$/i.exec(tag[0]);
    if (!bare || !ALLOWED_TAGS.has(bare[1]!.toLowerCase())) return false;
  }
  return true;
}

function range(node: Nodes): { start: number; end: number } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

const shorten = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
};

/** Calls `visitor` with every node under `node`, depth first. */
export function walk(node: Nodes, visitor: (node: Nodes) => void): void {
  visitor(node);
  if ('children' in node) for (const child of node.children) walk(child, visitor);
}

/** The edits that make `tree`'s body safe to publish, and a note for each. */
export function safetyEdits(tree: Root): { edits: TextEdit[]; notes: ImportNote[] } {
  const edits: TextEdit[] = [];
  const notes: ImportNote[] = [];
  walk(tree, (node) => {
    if (node.type === 'html') {
      const html = node;
      const at = range(html);
      if (!at || isAllowedHtml(html.value)) return;
      if (/^<!--[\s\S]*-->$/.test(html.value.trim())) {
        edits.push({ ...at, text: '' });
        notes.push({ kind: 'dropped', message: `HTML comment dropped: \`${shorten(html.value)}\`` });
      } else {
        edits.push({ ...at, text: escapeText(html.value) });
        notes.push({ kind: 'escaped', message: `raw HTML shown as text, not run: \`${shorten(html.value)}\`` });
      }
    } else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isKeptUrl(node.url)) {
      const at = range(node);
      if (!at) return;
      const text = node.type === 'link' ? toString(node) : node.type === 'image' ? (node.alt ?? '') : '';
      edits.push({ ...at, text: escapeText(text) });
      notes.push({
        kind: 'dropped',
        message: `URL \`${shorten(node.url)}\` dropped from ${node.type} "${shorten(text)}"`,
      });
    }
  });
  return { edits, notes };
}
