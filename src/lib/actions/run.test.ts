import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../../tests/build-site';
import { defineSiteConfig } from '../define-site-config';
import { runActions } from './run';

const root = join(projectRoot, 'tests/fixtures/actions');
const config = defineSiteConfig({
  url: 'https://postmortems.example.com/team/',
  followThrough: { githubHandles: { 'Platform team': 'larkspur/platform', SRE: '@sre-oncall' } },
});

/** Runs `npm run actions` in-process on the fixture corpus on 1 June 2024. */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const exitCode = await runActions({
    root,
    argv,
    env: {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    now: new Date('2024-06-01T12:00:00Z'),
    config,
  });
  return { exitCode, stdout, stderr };
}

describe('runActions', () => {
  test('lists outstanding items by owner, soonest due first, with policy dates and days overdue', async () => {
    const { exitCode, stdout, stderr } = await run();
    expect(exitCode).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "Action items as of 2024-06-01: 4 outstanding items, 2 overdue

      Ada Lovelace
        Load-test [search] after rebuilds [prevent], due 2024-06-27 (by policy), in 26 days
          Search latency after index rebuild (SEV3) https://postmortems.example.com/team/postmortems/2024-05-02-search-latency/

      Platform team
        OVERDUE Validate pool size changes against peak load [prevent], due 2024-04-11 (by policy), 51 days overdue
          Checkout timeouts after pool change (SEV2) https://postmortems.example.com/team/postmortems/2024-03-14-checkout-timeouts/
        Alert on connection-pool saturation [detect], due 2024-06-10, in 9 days
          Checkout timeouts after pool change (SEV2) https://postmortems.example.com/team/postmortems/2024-03-14-checkout-timeouts/

      SRE
        OVERDUE Rebuild the index on a replica [mitigate], due 2024-05-20, 12 days overdue
          Search latency after index rebuild (SEV3) https://postmortems.example.com/team/postmortems/2024-05-02-search-latency/
      "
    `);
    expect(stderr).toContain(
      'left out 1 postmortem(s) that do not validate (postmortems/2024-05-21-missing-services.md)',
    );
  });

  test('prints a Markdown digest with links to the postmortems and owners mentioned', async () => {
    const { stdout } = await run('--format', 'markdown');
    expect(stdout).toMatchInlineSnapshot(`
      "Outstanding postmortem action items as of 2024-06-01: 4 outstanding items, 2 overdue.

      ### Ada Lovelace

      - Load-test \\[search\\] after rebuilds (prevent): due 2024-06-27 (by policy), in 26 days · [Search latency after index rebuild](https://postmortems.example.com/team/postmortems/2024-05-02-search-latency/) (SEV3)

      ### Platform team (@larkspur/platform)

      - Validate pool size changes against peak load (prevent): **due 2024-04-11 (by policy), 51 days overdue** · [Checkout timeouts after pool change](https://postmortems.example.com/team/postmortems/2024-03-14-checkout-timeouts/) (SEV2)
      - Alert on connection-pool saturation (detect): due 2024-06-10, in 9 days · [Checkout timeouts after pool change](https://postmortems.example.com/team/postmortems/2024-03-14-checkout-timeouts/) (SEV2) · ticket <https://github.com/larkspur/ops/issues/7>

      ### SRE (@sre-oncall)

      - Rebuild the index on a replica (mitigate): **due 2024-05-20, 12 days overdue** · [Search latency after index rebuild](https://postmortems.example.com/team/postmortems/2024-05-02-search-latency/) (SEV3) · ticket <https://tracker.example.com/OPS-9>
      "
    `);
  });

  test('filters by overdue, owner and days until due', async () => {
    const titles = async (...argv: string[]) =>
      (JSON.parse((await run('--format', 'json', ...argv)).stdout) as { items: { title: string }[] }).items.map(
        (item) => item.title,
      );
    expect(await titles('--overdue')).toEqual([
      'Validate pool size changes against peak load',
      'Rebuild the index on a replica',
    ]);
    expect(await titles('--owner', 'PLATFORM TEAM')).toEqual([
      'Validate pool size changes against peak load',
      'Alert on connection-pool saturation',
    ]);
    expect(await titles('--due-within', '9')).toEqual([
      'Validate pool size changes against peak load',
      'Rebuild the index on a replica',
      'Alert on connection-pool saturation',
    ]);
    expect(await titles('--overdue', '--owner', 'sre')).toEqual(['Rebuild the index on a replica']);
  });

  test('describes each item in JSON for tools', async () => {
    const digest = JSON.parse((await run('--format', 'json', '--owner', 'Platform team')).stdout) as {
      items: unknown[];
    };
    expect(digest).toMatchObject({ today: '2024-06-01', count: 2, overdue: 1 });
    expect(digest.items[0]).toEqual({
      title: 'Validate pool size changes against peak load',
      owner: 'Platform team',
      ownerSlug: 'platform-team',
      githubHandle: 'larkspur/platform',
      type: 'prevent',
      status: 'open',
      due: '2024-04-11',
      dueByPolicy: true,
      policyDue: '2024-04-11',
      overdue: true,
      daysOverdue: 51,
      ticket: null,
      postmortem: {
        id: '2024-03-14-checkout-timeouts',
        title: 'Checkout timeouts after pool change',
        severity: 'SEV2',
        file: 'postmortems/2024-03-14-checkout-timeouts.md',
        url: 'https://postmortems.example.com/team/postmortems/2024-03-14-checkout-timeouts/',
      },
    });
  });

  test('annotates overdue items at their line for GitHub', async () => {
    expect((await run('--format', 'github', '--overdue')).stdout).toMatchInlineSnapshot(`
      "::warning file=postmortems/2024-03-14-checkout-timeouts.md,line=10,col=5,title=overdue-action-item::action item "Validate pool size changes against peak load" (Platform team) is due 2024-04-11 (by policy), 51 days overdue
      ::warning file=postmortems/2024-05-02-search-latency.md,line=13,col=5,title=overdue-action-item::action item "Rebuild the index on a replica" (SRE) is due 2024-05-20, 12 days overdue
      Action items as of 2024-06-01: 2 outstanding items, 2 overdue
      "
    `);
  });

  test('exits with 0 whatever is overdue, unless --fail-on-overdue', async () => {
    expect((await run('--overdue')).exitCode).toBe(0);
    expect((await run('--overdue', '--fail-on-overdue')).exitCode).toBe(1);
    expect((await run('--owner', 'Ada Lovelace', '--fail-on-overdue')).exitCode).toBe(0);
  });

  test('says who the owners are when --owner names nobody', async () => {
    const { exitCode, stderr } = await run('--owner', 'Platfrom team');
    expect(exitCode).toBe(0);
    expect(stderr).toContain(
      'actions: nobody called `Platfrom team` owns an action item; owners are Ada Lovelace, Platform team, SRE',
    );
  });

  test('rejects unknown formats and day counts with the usage, exit 2', async () => {
    const bad = await run('--format', 'yaml');
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('actions: unknown format `yaml`; use text, markdown, json or github');
    expect((await run('--due-within', 'soon')).stderr).toContain('--due-within takes a whole number of days');
  });
});
