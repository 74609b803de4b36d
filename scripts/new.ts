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
  return { ...answers, services: answers.services.split(','), format: answers.format as 'md' | 'mdx' };
};

process.exitCode = await runNew({
  ...processContext(fileURLToPath(new URL('..', import.meta.url)), siteConfig),
  interactive: process.stdin.isTTY && process.stdout.isTTY,
  ask,
});
