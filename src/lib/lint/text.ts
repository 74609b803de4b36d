/**
 * The prose of a postmortem as lint rules read it: text outside code, with
 * positions, and the frontmatter's strings with their paths.
 */
import type { LintDocument } from './document';

/** Calls `visitor` with every prose text node (never code) and its offset in the file. */
export function forEachProseText(document: LintDocument, visitor: (value: string, offset: number) => void): void {
  for (const node of document.nodes('text')) visitor(node.value, node.position?.start.offset ?? 0);
}

/** Every string in the frontmatter with its path, e.g. `['timeline', 2, 'event']`. */
export function frontmatterStrings(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => frontmatterStrings(item, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => frontmatterStrings(item, [...path, key]));
  }
  return [];
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;

/** Number of words in `text`. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
