import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SiteConfigSchema } from '../schemas/site-config';
import { runCheck } from './check/run';
import { runNew, type AskForAnswers, type NewContext } from './new-postmortem';

const config = SiteConfigSchema.parse({});
const now = new Date('2024-06-01T10:00:00Z');

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'new-'));
  const output = { stdout: '', stderr: '' };
  const run = (argv: string[], extra: Partial<NewContext> = {}) =>
    runNew({
      root,
      argv,
      env: {},
      stdout: { write: (text: string) => (output.stdout += text) },
      stderr: { write: (text: string) => (output.stderr += text) },
      now,
      config,
      interactive: false,
      ask: async () => undefined,
      ...extra,
    });
  return { root, output, run };
}

describe('runNew', () => {
  test('writes YYYY-MM-DD-slug.mdx into the content folder and prints its path', async () => {
    const { root, output, run } = setup();
    expect(
      await run([
        'Checkout timeouts after pool change',
        '--severity',
        'sev2',
        '--service',
        'checkout',
        '--service',
        'payments',
        '--started',
        '2024-03-14T23:30:00Z',
        '--timezone',
        'Asia/Tokyo',
      ]),
    ).toBe(0);
    // 23:30 UTC is already the 15th in Tokyo: the file is dated by the incident's local date.
    expect(output.stdout).toBe('postmortems/2024-03-15-checkout-timeouts-after-pool-change.mdx\n');
    const text = readFileSync(join(root, 'postmortems/2024-03-15-checkout-timeouts-after-pool-change.mdx'), 'utf8');
    expect(text).toContain('severity: SEV2\n');
    expect(text).toContain('startedAt: "2024-03-14T23:30:00Z"\n');
    expect(text).toContain('timezone: Asia/Tokyo\n');
    expect(text).toContain('services:\n  - checkout\n  - payments\n');
    expect(text).toContain('  - at: "08:30"\n');
    for (const section of [
      'Issue summary',
      'Timeline',
      'Root cause and resolution',
      'Corrective and preventative measures',
    ]) {
      expect(text).toContain(`\n## ${section}\n\nTODO: `);
    }
    expect(text).toMatch(/the share of users affected/);
    expect(text).toMatch(/misleading paths/);
  });

  test("writes the sections of the site's template, a severity's own sections and the custom fields", async () => {
    const { root, run } = setup();
    const custom = SiteConfigSchema.parse({
      sections: {
        template: 'google-sre',
        bySeverity: { SEV1: [{ title: 'Customer communication', prompt: 'What customers were told, and when.' }] },
      },
      fields: [
        { key: 'region', type: 'enum', label: 'Region', values: ['eu-west-1', 'us-east-1'], required: true },
        { key: 'revenueLoss', type: 'number', label: 'Revenue lost', unit: 'EUR' },
      ],
    });
    const args = ['Checkout down', '--severity', 'SEV1', '--started', '2024-03-14T09:12:00Z'];
    expect(await run(args, { config: custom })).toBe(0);
    const text = readFileSync(join(root, 'postmortems/2024-03-14-checkout-down.mdx'), 'utf8');
    expect([...text.matchAll(/^## (.+)$/gm)].map((match) => match[1])).toEqual([
      'Summary',
      'Impact',
      'Root causes',
      'Trigger',
      'Resolution',
      'Detection',
      'Action items',
      'Lessons learned',
      'Timeline',
      'Supporting information',
      'Customer communication',
    ]);
    expect(text).toContain('## Customer communication\n\nTODO: What customers were told, and when.\n');
    expect(text).toContain(
      'fields:\n  region: "TODO: Region: one of eu-west-1, us-east-1"\n  revenueLoss: "TODO: Revenue lost: a number in EUR; or remove the line"\n',
    );
  });

  test('writes the custom field values given with --field, and explains a bad one', async () => {
    const { root, output, run } = setup();
    const custom = SiteConfigSchema.parse({
      fields: [
        { key: 'region', type: 'enum', label: 'Region', values: ['eu-west-1', 'us-east-1'] },
        { key: 'revenueLoss', type: 'number', label: 'Revenue lost', min: 0 },
        { key: 'incidentCommander', type: 'text', label: 'Incident commander' },
      ],
    });
    const args = ['Checkout down', '--started', '2024-03-14T09:12:00Z'];
    expect(await run([...args, '--field', 'region=EU-WEST-1', '--field', 'revenueLoss=1200'], { config: custom })).toBe(
      0,
    );
    const text = readFileSync(join(root, 'postmortems/2024-03-14-checkout-down.mdx'), 'utf8');
    expect(text).toContain(
      'fields:\n  region: eu-west-1\n  revenueLoss: 1200\n  incidentCommander: "TODO: Incident commander: text; or remove the line"\n',
    );
    expect(await run([...args, '--field', 'revenueLoss=-3'], { config: custom })).toBe(2);
    expect(output.stderr).toContain('--field revenueLoss: expected a number of at least 0');
    expect(await run([...args, '--field', 'colour=blue'], { config: custom })).toBe(2);
    expect(output.stderr).toContain(
      '--field `colour` is not a custom field of this site; use one of region, revenueLoss, incidentCommander',
    );
  });

  test('writes Markdown with --md and defaults to now, the site zone and the middle severity', async () => {
    const { root, output, run } = setup();
    expect(await run(['DNS flaps', '--md'])).toBe(0);
    expect(output.stdout).toBe('postmortems/2024-06-01-dns-flaps.md\n');
    const text = readFileSync(join(root, 'postmortems/2024-06-01-dns-flaps.md'), 'utf8');
    expect(text).toContain('severity: SEV3\n');
    expect(text).toContain('startedAt: "2024-06-01T10:00:00Z"\n');
  });

  test('never overwrites an existing file', async () => {
    const { root, output, run } = setup();
    await run(['DNS flaps']);
    const path = join(root, 'postmortems/2024-06-01-dns-flaps.mdx');
    writeFileSync(path, 'my work');
    expect(await run(['DNS flaps'])).toBe(1);
    expect(readFileSync(path, 'utf8')).toBe('my work');
    expect(output.stderr).toContain('postmortems/2024-06-01-dns-flaps.mdx already exists; nothing written');
  });

  test('honours POSTMORTEMS_DIR', async () => {
    const { root, output, run } = setup();
    expect(await run(['DNS flaps'], { env: { POSTMORTEMS_DIR: 'incidents' } })).toBe(0);
    expect(output.stdout).toBe('incidents/2024-06-01-dns-flaps.mdx\n');
    expect(readdirSync(join(root, 'incidents'))).toEqual(['2024-06-01-dns-flaps.mdx']);
  });

  test('asks for the fields when run bare in a terminal', async () => {
    const { output, run } = setup();
    const ask: AskForAnswers = async (defaults) => ({
      ...defaults,
      title: 'Asked title',
      severity: 'SEV1',
      services: ['search'],
    });
    expect(await run([], { interactive: true, ask })).toBe(0);
    expect(output.stdout).toBe('postmortems/2024-06-01-asked-title.mdx\n');
  });

  test('explains what is wrong with an argument and writes nothing', async () => {
    const { output, run } = setup();
    expect(await run([])).toBe(2);
    expect(output.stderr).toContain('give a title, or run it in a terminal');
    expect(await run(['X', '--severity', 'SEV9'])).toBe(2);
    expect(output.stderr).toContain('`SEV9` is not a severity of this site; use one of SEV1, SEV2, SEV3, SEV4, SEV5');
    expect(await run(['X', '--started', '2024-03-14T09:00'])).toBe(2);
    expect(output.stderr).toContain('is not a date-time with an offset');
  });

  test('writes a file that check flags until every placeholder is replaced, and then passes', async () => {
    const { root, run } = setup();
    await run([
      'Checkout timeouts',
      '--severity',
      'SEV2',
      '--service',
      'checkout',
      '--started',
      '2024-03-14T09:12:00Z',
    ]);
    const path = join(root, 'postmortems/2024-03-14-checkout-timeouts.mdx');
    const check = async () => {
      let report = '';
      const exitCode = await runCheck({
        root,
        cwd: root,
        argv: [],
        env: {},
        stdout: { write: (text: string) => (report += text) },
        stderr: { write: () => {} },
        // Written the week after the incident: its action items are not due yet, by policy or otherwise.
        now: new Date('2024-03-21T10:00:00Z'),
        config,
      });
      return { exitCode, report };
    };
    const before = await check();
    expect(before.exitCode).toBe(1);
    expect(before.report).toMatch(/\[placeholder\]/);

    const prose =
      'The checkout service queued requests because its database connection pool was halved by a configuration change. ';
    const filled = readFileSync(path, 'utf8')
      .replace(
        '"TODO: one or two sentences: what happened, for how long, who was affected, and why."',
        'Checkout failed for 47 minutes for a third of customers.',
      )
      .replace('"TODO: when it was noticed, e.g. 2024-03-14T09:20:00Z"', '"2024-03-14T09:20:00Z"')
      .replace('"TODO: when the impact stopped or eased"', '"2024-03-14T09:41:00Z"')
      .replace('"TODO: when it was over"', '"2024-03-14T09:59:00Z"')
      .replace('"TODO: HH:MM of detectedAt"', '"09:20"')
      .replace('"TODO: HH:MM it was done"', '"09:30"')
      .replace('"TODO: HH:MM of mitigatedAt"', '"09:41"')
      .replace('"TODO: HH:MM of resolvedAt"', '"09:59"')
      .replace(/"TODO: [^"]*"/g, 'Done by the platform team')
      .replace(/TODO: your name/g, 'Ada')
      .replace(/^TODO: .*$/gm, prose.repeat(7))
      .replace(/- \[ \] TODO: .*/g, '- [ ] Alert on pool saturation.');
    writeFileSync(path, filled);
    const after = await check();
    expect(after.report).toBe('0 errors, 0 warnings in 1 file\n');
    expect(after.exitCode).toBe(0);
  });
});
