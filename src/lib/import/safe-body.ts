/**
 * Imported bodies pass the same untrusted-content rules as a pull request
 * (`src/lib/content-policy.ts`): raw HTML is kept when the allow-list accepts
 * it, anything else is escaped so it shows as text; comments are dropped; links
 * with another scheme than http(s) or mailto lose their URL. Every change is a
 * line in the report, never silent.
 */
import { escapeText } from 'entities';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isAllowedHtml, isSafeUrl } from '../content-policy';
import { scanHtml } from '../raw-html';
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
      if (!at) return;
      const scanned = scanHtml(html.value);
      if (scanned.tags.length === 0 && scanned.comments.length > 0) {
        edits.push({ ...at, text: '' });
        notes.push({ kind: 'dropped', message: `HTML comment dropped: \`${shorten(html.value)}\`` });
      } else if (!isAllowedHtml(scanned)) {
        edits.push({ ...at, text: escapeText(html.value) });
        notes.push({ kind: 'escaped', message: `raw HTML shown as text, not run: \`${shorten(html.value)}\`` });
      }
    } else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isSafeUrl(node.url)) {
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
