/** The three report formats of `npm run check`: for people, for GitHub, for tools. */
import { escapeProblem, formatProblem, type Problem } from '../errors';
import { plural } from '../format';

export const OUTPUT_FORMATS = ['text', 'github', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `N errors, M warnings in K files`. */
function summaryLine(problems: readonly Problem[], fileCount: number): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(fileCount, 'file')}`;
}

/** Escapes data of a GitHub workflow command (the message). */
function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a property of a GitHub workflow command (file, title), where `:` and `,` are separators. */
function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * `::error file=…,line=…,col=…,title=…::message`, GitHub's workflow command that annotates a pull request.
 * Control characters are escaped before GitHub's own escapes, so a file name or message can neither end the
 * command nor start another.
 */
export function githubAnnotation(unsafe: Problem): string {
  const problem = escapeProblem(unsafe);
  const properties = [
    `file=${escapeProperty(problem.file)}`,
    `line=${problem.line}`,
    `col=${problem.column}`,
    `title=${escapeProperty(problem.rule)}`,
  ].join(',');
  return `::${problem.severity} ${properties}::${escapeData(problem.message)}`;
}

/** The whole report in `format`, ending with a newline; in every format, what content wrote is shown escaped. */
export function formatReport(problems: readonly Problem[], fileCount: number, format: OutputFormat): string {
  if (format === 'json') {
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    const shown = problems.map(escapeProblem);
    return `${JSON.stringify({ files: fileCount, errors, warnings: problems.length - errors, problems: shown }, null, 2)}\n`;
  }
  const lines = problems.map(format === 'github' ? githubAnnotation : formatProblem);
  return `${[...lines, summaryLine(problems, fileCount)].join('\n')}\n`;
}
