/**
 * Problems found in postmortems, shared by the build and every checker so that
 * a mistake reads the same wherever it is reported.
 */

/** One thing wrong (or worth a look) in one file, at one place. */
export interface Problem {
  /** Path of the file, relative to the project root when possible. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: 'error' | 'warning';
  /** What is wrong and how to fix it. */
  message: string;
  /** Stable identifier of the rule, e.g. `schema` or `related-exists`. */
  rule: string;
}

/**
 * Characters that change how a terminal or a log reads a line, rather than
 * showing as text: C0 and C1 controls (ESC starts an ANSI sequence, CR rewrites a
 * line, LF starts a new one that could read `::error::` to GitHub), the Unicode
 * line and paragraph separators, byte-order marks and the bidirectional overrides
 * and isolates that reorder what is shown (https://trojansource.codes/).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu;

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control, separator or bidi character shown as an escape (`\x1b`, `\n`, `\u202e`). */
export function escapeControl(text: string): string {
  return text.replace(INVISIBLE, (character) => {
    const code = character.codePointAt(0)!;
    return (
      NAMED_ESCAPES[character] ??
      (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
    );
  });
}

/** How many characters of a value a message shows before cutting it short with `…`. */
const QUOTED_VALUE_LENGTH = 60;

const segmenter = new Intl.Segmenter();

/**
 * A value from a postmortem as a message shows it: in backticks, its control
 * characters escaped (see `escapeControl`) and cut to `QUOTED_VALUE_LENGTH`
 * characters, so no value can rewrite the report it appears in or drown it.
 * Every message that echoes content goes through here.
 */
export function quoteValue(value: unknown, maxLength = QUOTED_VALUE_LENGTH): string {
  const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  // Cut between what a reader sees as characters, so an emoji or an accented letter is never halved.
  const characters = Array.from(segmenter.segment(text), ({ segment }) => segment);
  const shown = characters.length > maxLength ? `${characters.slice(0, maxLength - 1).join('')}…` : text;
  return `\`${escapeControl(shown)}\``;
}

/** `problem` with its file, message and rule safe to print: nothing from content can start a line of its own. */
export function escapeProblem(problem: Problem): Problem {
  return {
    ...problem,
    file: escapeControl(problem.file),
    message: escapeControl(problem.message),
    rule: escapeControl(problem.rule),
  };
}

/** `path:line:col  error  message  [rule]`, the format editors and terminals link; control characters escaped. */
export function formatProblem(problem: Problem): string {
  const { file, line, column, severity, message, rule } = escapeProblem(problem);
  return `${file}:${line}:${column}  ${severity}  ${message}  [${rule}]`;
}

/**
 * A mistake in how a tool is set up (an environment variable, a missing folder,
 * no git repository), not in a postmortem: commands print its message alone, the
 * build shows it as its error, and neither adds a stack trace.
 */
export class SetupError extends Error {
  /** How to fix it, when the message does not say. */
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'SetupError';
    this.hint = hint;
    // The mistake is the user's to fix, not ours: a stack trace (Astro prints one for an error in its config) would only distract.
    this.stack = '';
  }
}

/** Orders problems by file, then position, so reports are stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}
