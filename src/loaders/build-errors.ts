/**
 * How the loader ends a build: the problems found in postmortems as one error
 * that names each file, line and fix, and set-up mistakes as their message
 * alone — never a stack trace into the loader.
 */
import { AstroError } from 'astro/errors';
import { displayPath } from '../lib/content-folder';
import { escapeControl, formatProblem, SetupError, sortProblems, type Problem } from '../lib/errors';
import { plural } from '../lib/format';
import { encodingProblem, TextEncodingError } from '../lib/text-encoding';

/** The build's error for `errors`, one escaped line each (see `formatProblem`): no line of it can come from content. */
export function problemsError(errors: readonly Problem[]): AstroError {
  const files = new Set(errors.map((error) => error.file)).size;
  const error = new AstroError(
    `${plural(errors.length, 'problem')} in ${plural(files, 'postmortem file')}:\n${sortProblems(errors).map(formatProblem).join('\n')}`,
    'Fix each problem at the line shown.',
  );
  // The problems are the user's to fix, not ours: a stack trace into the loader would only distract.
  error.stack = '';
  return error;
}

/** Throws the build's error when any of `problems` is an error; warnings pass. */
export function failOn(problems: readonly Problem[]): void {
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw problemsError(errors);
}

/**
 * What the build shows for an error of the loader: a set-up mistake (no content
 * folder, an unknown audience) or a file that is not UTF-8 text, met wherever the
 * loader reads, as its message alone; any other error as it is.
 */
export function buildFailure(error: unknown, root: string): unknown {
  if (error instanceof TextEncodingError)
    return problemsError([encodingProblem(displayPath(root, error.path), error.failure)]);
  if (!(error instanceof SetupError)) return error;
  const failure = new AstroError(escapeControl(error.message), error.hint);
  failure.stack = '';
  return failure;
}
