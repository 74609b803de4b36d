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

/** `path:line:col  error  message  [rule]`, the format editors and terminals link. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}  ${problem.severity}  ${problem.message}  [${problem.rule}]`;
}

/** Orders problems by file, then position, so reports are stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}
