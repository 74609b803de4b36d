/**
 * The scheduled workflow's code against a local stand-in for the GitHub REST
 * endpoints it uses (node:http on 127.0.0.1, an ephemeral port), asserting the
 * requests it makes. The stand-in keeps issues and labels in memory.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { projectRoot } from '../../../tests/build-site';
import { defineSiteConfig } from '../define-site-config';
import { DIGEST_ISSUE_LABEL, DIGEST_ISSUE_TITLE } from './digest-issue';
import { runActionsIssue } from './issue-run';

interface Issue {
  number: number;
  title: string;
  state: 'open' | 'closed';
  body: string | null;
  labels: string[];
}
interface Recorded {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
  authorization: string | undefined;
}

/** The stand-in's state: the repository's issues (tickets included) and labels, and every request it answered. */
const github = { issues: [] as Issue[], labels: [] as string[], requests: [] as Recorded[] };

function respond(method: string, path: string, body: Record<string, unknown> | undefined): [number, unknown] {
  const url = new URL(path, 'http://stand-in');
  const asJson = (issue: Issue) => ({ ...issue, html_url: `https://github.com/larkspur/ops/issues/${issue.number}` });
  if (method === 'GET' && url.pathname === '/repos/larkspur/ops/issues') {
    const label = url.searchParams.get('labels');
    return [200, github.issues.filter((issue) => issue.labels.includes(label!)).map(asJson)];
  }
  const one = /^\/repos\/larkspur\/ops\/issues\/(\d+)$/.exec(url.pathname);
  const issue = one ? github.issues.find((candidate) => candidate.number === Number(one[1])) : undefined;
  if (one && !issue) return [404, { message: 'Not Found' }];
  if (method === 'GET' && issue) return [200, asJson(issue)];
  if (method === 'PATCH' && issue) return [200, asJson(Object.assign(issue, body))];
  if (method === 'POST' && url.pathname === '/repos/larkspur/ops/issues') {
    const created = {
      number: github.issues.length + 100,
      state: 'open' as const,
      ...(body as Pick<Issue, 'title' | 'body' | 'labels'>),
    };
    github.issues.push(created);
    return [201, asJson(created)];
  }
  const label = /^\/repos\/larkspur\/ops\/labels\/(.+)$/.exec(url.pathname);
  if (method === 'GET' && label)
    return github.labels.includes(decodeURIComponent(label[1]!)) ? [200, {}] : [404, { message: 'Not Found' }];
  if (method === 'POST' && url.pathname === '/repos/larkspur/ops/labels') {
    github.labels.push(String(body!['name']));
    return [201, body];
  }
  return [404, { message: `no stand-in for ${method} ${path}` }];
}

let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
      github.requests.push({
        method: request.method!,
        path: request.url!,
        body,
        authorization: request.headers.authorization,
      });
      const [status, answer] = respond(request.method!, request.url!, body);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((closed) => server.close(closed)));

beforeEach(() => {
  // The fixture's two GitHub tickets: #7 (an item in progress) open, #8 (an item done) closed: no drift.
  github.issues = [
    { number: 7, title: 'Pool alert', state: 'open', body: null, labels: [] },
    { number: 8, title: 'Checklist', state: 'closed', body: null, labels: [] },
  ];
  github.labels = [];
  github.requests = [];
});

const config = defineSiteConfig({
  url: 'https://postmortems.example.com/',
  followThrough: { githubHandles: { 'Platform team': 'larkspur/platform' } },
});

/** Runs the workflow's command on the fixture corpus (tests/fixtures/actions) on `date`. */
async function run(date: string) {
  github.requests = [];
  let stdout = '';
  let stderr = '';
  const exitCode = await runActionsIssue({
    root: join(projectRoot, 'tests/fixtures/actions'),
    argv: [],
    env: { GITHUB_TOKEN: 'test-token', GITHUB_REPOSITORY: 'larkspur/ops', GITHUB_API_URL: baseUrl },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    now: new Date(`${date}T12:00:00Z`),
    config,
  });
  const requests = github.requests.map(({ method, path }) => `${method} ${path}`);
  return { exitCode, stdout, stderr, requests };
}

const digestIssue = () => github.issues.find((issue) => issue.title === DIGEST_ISSUE_TITLE);
const LIST = `GET /repos/larkspur/ops/issues?labels=${DIGEST_ISSUE_LABEL}&state=all&sort=created&direction=desc&per_page=100`;
// Asked in ledger order, soonest due first: #8's item was due by policy on 9 May, #7's on 10 June.
const TICKETS = ['GET /repos/larkspur/ops/issues/8', 'GET /repos/larkspur/ops/issues/7'];

describe('runActionsIssue', () => {
  test('creates the labelled issue when items are overdue, mentioning their owners', async () => {
    const { exitCode, requests, stderr } = await run('2024-06-01');
    expect(exitCode).toBe(0);
    expect(requests).toEqual([
      ...TICKETS,
      LIST,
      `GET /repos/larkspur/ops/labels/${DIGEST_ISSUE_LABEL}`,
      'POST /repos/larkspur/ops/labels',
      'POST /repos/larkspur/ops/issues',
    ]);
    expect(github.requests.every((request) => request.authorization === 'Bearer test-token')).toBe(true);
    const issue = digestIssue()!;
    expect(issue).toMatchObject({ state: 'open', labels: [DIGEST_ISSUE_LABEL] });
    expect(issue.body).toContain('### Platform team (@larkspur/platform)');
    expect(issue.body).toContain(
      '[Checkout timeouts after pool change](https://postmortems.example.com/postmortems/2024-03-14-checkout-timeouts/)',
    );
    expect(issue.body).not.toContain('Alert on connection-pool saturation');
    expect(stderr).toBe('actions:issue: created https://github.com/larkspur/ops/issues/102\n');
  });

  test('leaves the issue alone when nothing changed, and edits it when something did', async () => {
    await run('2024-06-01');
    expect((await run('2024-06-01')).requests).toEqual([...TICKETS, LIST]);
    const { requests, stderr } = await run('2024-06-02');
    expect(requests).toEqual([...TICKETS, LIST, 'PATCH /repos/larkspur/ops/issues/102']);
    expect(github.requests.at(-1)!.body).toEqual({ body: expect.stringContaining('52 days overdue') });
    expect(stderr).toContain('updated');
    expect(github.issues.filter((issue) => issue.title === DIGEST_ISSUE_TITLE)).toHaveLength(1);
  });

  test('closes the issue when nothing is overdue, and reopens the same one when something is again', async () => {
    await run('2024-06-01');
    const closing = await run('2024-04-01');
    expect(closing.requests).toEqual([...TICKETS, LIST, 'PATCH /repos/larkspur/ops/issues/102']);
    expect(github.requests.at(-1)!.body).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(digestIssue()!.state).toBe('closed');
    expect((await run('2024-04-02')).requests).toEqual([...TICKETS, LIST]);

    const reopening = await run('2024-06-01');
    expect(reopening.requests).toEqual([...TICKETS, LIST, 'PATCH /repos/larkspur/ops/issues/102']);
    expect(github.requests.at(-1)!.body).toMatchObject({ state: 'open' });
    expect(github.issues.filter((issue) => issue.title === DIGEST_ISSUE_TITLE)).toHaveLength(1);
  });

  test('reports tickets that disagree with their items, both ways', async () => {
    github.issues[0]!.state = 'closed';
    github.issues[1]!.state = 'open';
    const { stdout } = await run('2024-04-01');
    expect(stdout).toContain('### Ticket drift');
    expect(stdout).toContain(
      'Alert on connection-pool saturation (platform team, [Checkout timeouts after pool change](https://postmortems.example.com/postmortems/2024-03-14-checkout-timeouts/)): its ticket is closed but the item is still in progress',
    );
    expect(stdout).toContain('Add pool settings to the change checklist (SRE, ');
    expect(stdout).toContain('the item is done but its ticket is still open: close the ticket');
    // Nothing is overdue on 1 April, but the drift keeps the issue open.
    expect(digestIssue()).toMatchObject({ state: 'open' });
  });

  test('leaves out tickets it cannot read, and says so', async () => {
    github.issues = github.issues.filter((issue) => issue.number !== 7);
    const { exitCode, stderr } = await run('2024-06-01');
    expect(exitCode).toBe(0);
    expect(stderr).toContain(
      'actions:issue: could not read ticket https://github.com/larkspur/ops/issues/7, left out of the drift report (GitHub API GET /repos/larkspur/ops/issues/7 answered 404: Not Found)',
    );
    expect(digestIssue()).toMatchObject({ state: 'open' });
  });

  test('says what it needs when the token or repository is missing', async () => {
    let stderr = '';
    const exitCode = await runActionsIssue({
      root: projectRoot,
      argv: [],
      env: {},
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      now: new Date(),
      config,
    });
    expect(exitCode).toBe(2);
    expect(stderr).toContain('GITHUB_TOKEN and GITHUB_REPOSITORY must be set');
  });
});
