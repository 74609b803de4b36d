/**
 * `npm run new`: writes a postmortem skeleton into the content folder. Never
 * overwrites; asks for the fields interactively when run bare in a terminal.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { createCustomFieldValuesSchema, type CustomFieldValues } from '../schemas/custom-fields';
import type { SiteConfig } from '../schemas/site-config';
import { runWithUsage, UsageError, type CommandContext } from './cli';
import { displayPath, resolveContentDir } from './content-folder';
import { renderScaffold, scaffoldFileName } from './scaffold';
import { sectionsFor } from './sections';
import { canonicalTimeZone, parseInstant } from './time';
import { describeIssue } from './zod-issues';

const NEW_USAGE = `Usage: npm run new -- "<title>" [--severity SEV3] [--service checkout]… [--started 2024-03-14T09:12:00Z] [--timezone Europe/Berlin] [--field key=value]… [--md]

Writes <content folder>/YYYY-MM-DD-<slug>.mdx with the frontmatter and sections to fill in.
Run it with no arguments in a terminal to be asked for each field.`;

/** The answers `new` needs; asked interactively when missing. */
interface NewAnswers {
  title: string;
  severity: string;
  services: string[];
  started: string;
  timezone: string;
  format: 'md' | 'mdx';
  /** Custom field values as typed, by key (`region` → `eu-west-1`; lists comma-separated); the others get a prompt. */
  fields: Record<string, string>;
}

/** Asks the writer for the fields (a terminal UI in the script, canned answers in tests). */
export type AskForAnswers = (defaults: NewAnswers, config: SiteConfig) => Promise<NewAnswers | undefined>;

/** Everything `new` touches, so tests can run it in-process. */
export interface NewContext extends CommandContext {
  /** Whether a person is at the terminal to answer questions. */
  interactive: boolean;
  ask: AskForAnswers;
}

/** The author to suggest: git's `user.name`, when set. */
async function gitUserName(cwd: string): Promise<string | undefined> {
  try {
    const { stdout } = await promisify(execFile)('git', ['config', 'user.name'], { cwd });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Checks the answers and turns them into what the scaffold needs, with a clear message for each mistake. */
function resolveAnswers(answers: NewAnswers, config: SiteConfig) {
  const title = answers.title.trim();
  if (!title)
    throw new UsageError('give the postmortem a title, e.g. npm run new -- "Checkout timeouts after pool change"');
  if (title.length > 140) throw new UsageError('keep the title to 140 characters or fewer');
  const severity = config.severities.find((level) => level.id.toLowerCase() === answers.severity.trim().toLowerCase());
  if (!severity)
    throw new UsageError(
      `\`${answers.severity}\` is not a severity of this site; use one of ${config.severities.map((level) => level.id).join(', ')}`,
    );
  const startedAt = parseInstant(answers.started.trim());
  if (!startedAt)
    throw new UsageError(
      `--started \`${answers.started}\` is not a date-time with an offset; write one such as 2024-03-14T09:12:00Z`,
    );
  const timezone = canonicalTimeZone(answers.timezone.trim());
  if (!timezone)
    throw new UsageError(`--timezone \`${answers.timezone}\` is not an IANA time zone; use one such as Europe/Berlin`);
  const services = answers.services.map((service) => service.trim()).filter(Boolean);
  const fieldValues = resolveFieldAnswers(answers.fields, config.fields);
  return {
    fieldValues,
    title,
    severity: severity.id,
    startedAt,
    timezone,
    services: services.length > 0 ? services : ['TODO: service'],
    format: answers.format,
  };
}

/** Typed custom field values as the schema reads them (numbers, yes/no, comma-separated lists), each checked by it. */
function resolveFieldAnswers(typed: Record<string, string>, fields: SiteConfig['fields']): CustomFieldValues {
  const values: CustomFieldValues = {};
  for (const [key, raw] of Object.entries(typed)) {
    const text = raw.trim();
    if (!text) continue;
    const field = fields.find((candidate) => candidate.key === key);
    if (!field)
      throw new UsageError(
        `--field \`${key}\` is not a custom field of this site; use one of ${fields.map((known) => known.key).join(', ') || '(none declared)'}`,
      );
    const value =
      field.type === 'number'
        ? Number(text)
        : field.type === 'boolean'
          ? /^(yes|true)$/i.test(text)
          : field.type === 'list'
            ? text.split(',').map((item) => item.trim())
            : text;
    const result = createCustomFieldValuesSchema([field]).safeParse({ [key]: value }, { reportInput: true });
    if (!result.success) throw new UsageError(`--field ${describeIssue(result.error.issues[0]!)}`);
    values[key] = result.data[key];
  }
  return values;
}

/** Runs the command; resolves to the exit code (0 written, 1 not written, 2 usage). */
export function runNew(context: NewContext): Promise<number> {
  return runWithUsage('new', NEW_USAGE, context, async () => {
    const { values, positionals } = parseArgs({
      args: [...context.argv],
      allowPositionals: true,
      options: {
        severity: { type: 'string', short: 's' },
        service: { type: 'string', multiple: true },
        started: { type: 'string' },
        timezone: { type: 'string' },
        field: { type: 'string', multiple: true },
        md: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      context.stdout.write(`${NEW_USAGE}\n`);
      return 0;
    }
    const defaults: NewAnswers = {
      title: positionals.join(' '),
      severity: values.severity ?? middleSeverity(context.config),
      services: values.service ?? [],
      started: values.started ?? context.now.toISOString().replace(/:\d\d\.\d{3}Z$/, ':00Z'),
      timezone: values.timezone ?? context.config.defaultTimezone,
      format: values.md ? 'md' : 'mdx',
      fields: Object.fromEntries(
        (values.field ?? []).map((pair) => {
          const at = pair.indexOf('=');
          if (at < 1) throw new UsageError(`--field \`${pair}\` is not key=value, e.g. --field region=eu-west-1`);
          return [pair.slice(0, at).trim(), pair.slice(at + 1)];
        }),
      ),
    };
    let answers: NewAnswers | undefined = defaults;
    if (context.argv.length === 0) {
      if (!context.interactive)
        throw new UsageError('give a title, or run it in a terminal to be asked for each field');
      answers = await context.ask(defaults, context.config);
      if (!answers) {
        context.stderr.write('Cancelled; nothing written.\n');
        return 1;
      }
    }
    const resolved = resolveAnswers(answers, context.config);
    const contentDir = resolveContentDir(context.root, context.env);
    const path = join(contentDir, scaffoldFileName(resolved));
    const authors = [(await gitUserName(context.root)) ?? 'TODO: your name'];
    await mkdir(contentDir, { recursive: true });
    try {
      await writeFile(
        path,
        renderScaffold({
          ...resolved,
          authors,
          sections: sectionsFor(context.config.sections, resolved.severity),
          fields: context.config.fields,
        }),
        { flag: 'wx' },
      );
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      context.stderr.write(
        `${displayPath(context.root, path)} already exists; nothing written. Choose another title, or edit that file.\n`,
      );
      return 1;
    }
    const shown = displayPath(context.root, path);
    context.stdout.write(`${shown}\n`);
    context.stderr.write(`Wrote ${shown}. Replace every TODO:, then run \`npm run check -- ${shown}\`.\n`);
    return 0;
  });
}

/** The middle of the scale: a sensible default until the facts are in. */
function middleSeverity(config: SiteConfig): string {
  return config.severities[Math.floor(config.severities.length / 2)]!.id;
}
