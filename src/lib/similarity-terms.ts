/**
 * The terms two postmortems are compared on: the words and identifiers of the
 * title, the summary and the root-cause section. Identifiers (error codes,
 * settings, component names: `max_connections`, `db.pool.size`, `HikariPool`,
 * `ECONNREFUSED`, `502`-bearing tokens) are what a repeat shares most
 * reliably, so they count more than words; pairs of adjacent words
 * (`connection pool`) count as terms of their own.
 */
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { Audience } from './audience';
import { sectionRole } from './body-sections';
import { isInternalTag } from './content-policy';

/** Words too common to say anything about an incident, besides the usual English stop words. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers him ' +
    'his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out ' +
    'over own same she should so some such than that the their them then there these they this those through to too ' +
    'under until up very was we were what when where which while who whom why will with would you your ' +
    // Words every postmortem uses.
    'incident incidents outage issue issues problem problems minute minutes hour hours user users customer customers ' +
    'team teams engineer engineers caused cause causes root resolution resolved saw seen started began led made ' +
    'percent per new one two three first second time times day days still again back which ' +
    'fail failed failing failure error change changed broke broken fix fixed rolled restored'
  ).split(' '),
);

/** One term of a text and how often it occurs. */
export interface TermCount {
  term: string;
  count: number;
  /** True for identifiers (see `isIdentifier`), which weigh more. */
  identifier: boolean;
}

/**
 * A token (letters, digits and `_`, with `.` allowed between them: `db.pool.size`, `v2.3.1`),
 * or the end of a clause: punctuation before a space or the end, or a blank line.
 */
const TOKEN_OR_BREAK = /([\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*)|([.!?;:,()[\]{}"]+(?=\s|$)|\n\s*\n)/gu;

/** `TOKEN_OR_BREAK` for text of ASCII characters only, where it finds the same: most texts, read several times faster. */
const ASCII_TOKEN_OR_BREAK = /([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)|([.!?;:,()[\]{}"]+(?=\s|$)|\n\s*\n)/g;

/** Whether `token` is lowercase ASCII letters only, as most tokens are: settled without the costlier Unicode tests. */
function isLowercaseWord(token: string): boolean {
  for (let index = 0; index < token.length; index++) {
    const code = token.charCodeAt(index);
    if (code < 97 || code > 122) return false;
  }
  return true;
}

/**
 * Whether a token as written names something rather than says something: it has
 * `_` or `.`, digits beside letters, a lower-to-upper case change (`HikariPool`),
 * or five or more capitals (`ECONNREFUSED`).
 */
export function isIdentifier(token: string): boolean {
  if (isLowercaseWord(token)) return false;
  return (
    /[_.]/.test(token) ||
    (/\p{N}/u.test(token) && /\p{L}/u.test(token)) ||
    /\p{Ll}\p{Lu}/u.test(token) ||
    /^\p{Lu}{5,}$/u.test(token)
  );
}

/** A word's plural and singular as one term (`timeouts` → `timeout`, `retries` → `retry`). */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is'))
    return word.slice(0, -1);
  return word;
}

/**
 * The terms of `text` with their counts, in order of first occurrence:
 * identifiers as written (lowercased), other words singular and lowercased,
 * without stop words, numbers or words shorter than three letters, and each
 * pair of adjacent words within a sentence (`connection pool`).
 */
export function termCounts(text: string): TermCount[] {
  const counts = new Map<string, TermCount>();
  const add = (term: string, identifier: boolean) => {
    const known = counts.get(term);
    if (known) known.count++;
    else counts.set(term, { term, count: 1, identifier });
  };
  const tokens = /^[\0-\x7f]*$/.test(text) ? ASCII_TOKEN_OR_BREAK : TOKEN_OR_BREAK;
  tokens.lastIndex = 0;
  let previous: string | undefined;
  for (let match = tokens.exec(text); match !== null; match = tokens.exec(text)) {
    const [, token, clauseBreak] = match;
    // Sentences and clauses break word pairs: "…the pool. Connections…" pairs nothing across the full stop.
    if (clauseBreak !== undefined || token === undefined) {
      previous = undefined;
      continue;
    }
    const lowercase = isLowercaseWord(token);
    if (!lowercase && isIdentifier(token)) {
      add(token.toLowerCase(), true);
      previous = undefined;
      continue;
    }
    const word = lowercase ? token : token.toLowerCase();
    if (word.length < 3 || STOP_WORDS.has(word) || (!lowercase && /^\d+$/.test(word))) {
      previous = undefined;
      continue;
    }
    const term = singular(word);
    add(term, false);
    if (previous) add(`${previous} ${term}`, false);
    previous = term;
  }
  return [...counts.values()];
}

/**
 * What two postmortems are compared on (see `findSimilar`): the terms of the title, the summary and
 * the root-cause section (see `rootCauseSection`), read once per file, so a cache can keep them.
 */
export function similarityTerms(data: { title: string; summary: string }, rootCause: string): TermCount[] {
  return termCounts(`${data.title}.\n\n${data.summary}\n\n${rootCause}`);
}

/** Nodes whose text never reaches a published page, whatever the audience. */
const UNPUBLISHED = new Set(['html', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'definition']);

/** The published text of `nodes`: no comments, code of the author's MDX, or, in the public build, `<Internal>` passages. */
function publishedText(nodes: readonly Nodes[], audience: Audience): string {
  const parts: string[] = [];
  const visit = (node: Nodes) => {
    if (UNPUBLISHED.has(node.type)) return;
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && isInternalTag(node.name)) {
      if (audience === 'public' || node.name !== 'Internal') return;
    }
    if ('value' in node && typeof node.value === 'string') parts.push(node.value);
    if ('children' in node) for (const child of node.children) visit(child);
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code') parts.push('\n\n');
  };
  for (const node of nodes) visit(node);
  return parts.join('');
}

/**
 * The published text of a body's root-cause section (the `##` section whose
 * heading reads "Root cause…", "Causes" or "Resolution", as the page finds it),
 * or `''` when there is none. Read from the syntax tree, as the page renders it:
 * comments never count, and for the public build neither do `<Internal>`
 * passages, so no term of theirs can be shown as a reason two incidents are alike.
 */
export function rootCauseSection(body: string, { isMdx, audience }: { isMdx: boolean; audience: Audience }): string {
  let tree: Root;
  try {
    tree = (isMdx ? mdxToMdast : markdownToMdast)(body, { features: { frontmatter: false } }) as Root;
  } catch {
    return '';
  }
  const start = tree.children.findIndex(
    (node) => node.type === 'heading' && node.depth === 2 && sectionRole(toString(node)) === 'cause',
  );
  if (start === -1) return '';
  const end = tree.children.findIndex((node, index) => index > start && node.type === 'heading' && node.depth <= 2);
  return publishedText(tree.children.slice(start + 1, end === -1 ? undefined : end), audience).trim();
}
