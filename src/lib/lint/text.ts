/**
 * The prose of a postmortem as lint rules read it: text outside code, with
 * positions, and the frontmatter's strings with their paths.
 */
import type { LintDocument } from './document';

/** Calls `visitor` with every prose text node (never code) and its offset in the file. */
export function forEachProseText(document: LintDocument, visitor: (value: string, offset: number) => void): void {
  for (const node of document.nodes('text')) visitor(node.value, node.position?.start.offset ?? 0);
}

/** A string of the frontmatter and where it sits, e.g. `['timeline', 2, 'event']`. */
export interface FrontmatterString {
  path: (string | number)[];
  value: string;
}

const stringsOf = new WeakMap<object, FrontmatterString[]>();

/** Every string in the frontmatter with its path; listed once per file however many rules ask. */
export function frontmatterStrings(frontmatter: unknown): FrontmatterString[] {
  if (typeof frontmatter !== 'object' || frontmatter === null)
    return typeof frontmatter === 'string' ? [{ path: [], value: frontmatter }] : [];
  let strings = stringsOf.get(frontmatter);
  if (!strings) {
    strings = [];
    collectStrings(frontmatter, [], strings);
    stringsOf.set(frontmatter, strings);
  }
  return strings;
}

/** Appends the strings under `value` to `into`; `path` is the way to `value`, extended and restored in place. */
function collectStrings(value: unknown, path: (string | number)[], into: FrontmatterString[]): void {
  if (typeof value === 'string') {
    into.push({ path: [...path], value });
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      path.push(index);
      collectStrings(item, path, into);
      path.pop();
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      path.push(key);
      collectStrings(item, path, into);
      path.pop();
    }
  }
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;

/** Number of words in `text`. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
