/**
 * What the command-line tools share: the context they run in (so tests call them
 * in-process) and how a mistake on the command line is reported.
 */
import type { SiteConfig } from '../schemas/site-config';
import { escapeControl, SetupError } from './errors';
import { resolveBuildDate } from './time';

/** Everything a command touches. */
export interface CommandContext {
  /** Project root: where `src/site.config.ts` and the content folder are. */
  root: string;
  argv: readonly string[];
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** The moment the command runs (decides which action items are overdue, what "now" is): the build's reference time. */
  readonly now: Date;
  config: SiteConfig;
}

/** The context of a command run from a terminal or CI. */
export function processContext(root: string, config: SiteConfig): CommandContext {
  let now: Date | undefined;
  return {
    root,
    argv: process.argv.slice(2),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    // `POSTMORTEMS_BUILD_DATE`, as in the build, so a command agrees with the site on what is overdue. Read when
    // first asked, inside the command, so that a bad value is reported by `runWithUsage` like any set-up mistake.
    get now() {
      now ??= resolveBuildDate(process.env['POSTMORTEMS_BUILD_DATE']);
      return now;
    },
    config,
  };
}

/** A mistake on the command line: reported with the usage, exit code 2. */
export class UsageError extends Error {}

/**
 * Runs a command's body; a usage mistake (ours, or `parseArgs`') prints
 * `name: message` and the usage to stderr and resolves to exit code 2, and a
 * `SetupError` (a missing folder, a bad environment variable) prints `name: message` and its hint, exit code 2.
 */
export async function runWithUsage(
  name: string,
  usage: string,
  context: Pick<CommandContext, 'stderr'>,
  body: () => Promise<number>,
): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      context.stderr.write(`${name}: ${escapeControl((error as Error).message)}\n\n${usage}\n`);
      return 2;
    }
    if (error instanceof SetupError) {
      context.stderr.write(`${name}: ${escapeControl(error.message)}${error.hint ? `\n${error.hint}` : ''}\n`);
      return 2;
    }
    throw error;
  }
}
