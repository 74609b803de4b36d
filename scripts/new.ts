/** Entry point of `npm run new`; see src/lib/new-postmortem.ts. */
import { fileURLToPath } from 'node:url';
import * as prompts from '@clack/prompts';
import { processContext } from '../src/lib/cli';
import { runNew, type AskForAnswers } from '../src/lib/new-postmortem';
import siteConfig from '../src/site.config';

/** Asks for each field in the terminal; `undefined` when the writer cancels. */
const ask: AskForAnswers = async (defaults, config) => {
  prompts.intro('New postmortem');
  const answers = await prompts.group(
    {
      title: () =>
        prompts.text({
          message: 'Title',
          placeholder: 'Checkout timeouts after connection-pool change',
          validate: (value) => (value?.trim() ? undefined : 'A title is required'),
        }),
      severity: () =>
        prompts.select({
          message: 'Severity',
          initialValue: defaults.severity,
          options: config.severities.map((level) => ({
            value: level.id,
            label: `${level.id} · ${level.label}`,
            hint: level.description,
          })),
        }),
      services: () =>
        prompts.text({ message: 'Services affected (comma-separated)', placeholder: 'checkout, payments-api' }),
      started: () => prompts.text({ message: 'Started at (ISO 8601 with offset)', initialValue: defaults.started }),
      timezone: () => prompts.text({ message: 'Time zone of the incident', initialValue: defaults.timezone }),
      format: () =>
        prompts.select({
          message: 'Format',
          initialValue: defaults.format,
          options: [
            { value: 'mdx', label: 'MDX' },
            { value: 'md', label: 'Markdown' },
          ],
        }),
    },
    {
      onCancel: () => {
        prompts.cancel('Cancelled.');
      },
    },
  );
  if (prompts.isCancel(answers) || !answers.title) return undefined;
  // The site's custom fields, one question each: a list to choose from for an enum, else text; empty leaves a TODO.
  const fields: Record<string, string> = {};
  for (const field of config.fields) {
    const message = `${field.label}${field.required ? '' : ' (optional)'}`;
    const answer =
      field.type === 'enum'
        ? await prompts.select({
            message,
            options: [
              { value: '', label: 'Not known yet' },
              ...field.values.map(({ value, label }) => ({ value, label })),
            ],
          })
        : await prompts.text({ message, placeholder: field.description ?? field.type, defaultValue: '' });
    if (prompts.isCancel(answer)) return undefined;
    fields[field.key] = answer;
  }
  return { ...answers, services: answers.services.split(','), format: answers.format as 'md' | 'mdx', fields };
};

process.exitCode = await runNew({
  ...processContext(fileURLToPath(new URL('..', import.meta.url)), siteConfig),
  interactive: process.stdin.isTTY && process.stdout.isTTY,
  ask,
});
