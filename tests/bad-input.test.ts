/**
 * The catalogue of bad input: every fixture folder under tests/fixtures/invalid
 * holds one defect, and the build must stop on it with a message naming the
 * file, the line and what is expected. `npm run check` must say the same.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCheck } from '../src/lib/check/run';
import { SiteConfigSchema } from '../src/schemas/site-config';
import { buildSite, projectRoot, type SiteBuild } from './build-site';

const catalogue = join(projectRoot, 'tests/fixtures/invalid');
const FILE = '2024-03-14-checkout-timeouts.md';

/** For each case: the line the build and `check` must print (after the content folder's path). */
const expected: Record<string, RegExp> = {
  'malformed-yaml': /checkout-timeouts\.md:9:\d+ {2}error {2}YAML syntax: .*\[yaml-syntax\]/,
  'tab-indentation': /checkout-timeouts\.md:10:1 {2}error {2}YAML syntax: .*indent with spaces/,
  'duplicate-key': /checkout-timeouts\.md:9:1 {2}error {2}YAML syntax: Map keys must be unique/,
  'no-frontmatter': /checkout-timeouts\.md:1:1 {2}error {2}no frontmatter: start the file with a `---` line/,
  'missing-title': /checkout-timeouts\.md:1:1 {2}error {2}missing required field `title`; expected a title as text/,
  'missing-started-at':
    /checkout-timeouts\.md:1:1 {2}error {2}missing required field `startedAt`; expected a date-time in quotes/,
  'missing-authors': /checkout-timeouts\.md:1:1 {2}error {2}missing required field `authors`/,
  'title-not-text': /checkout-timeouts\.md:2:1 {2}error {2}title: expected a title as text/,
  'services-not-a-list': /checkout-timeouts\.md:7:1 {2}error {2}services: .*expected array/,
  'unknown-field': /checkout-timeouts\.md:9:1 {2}error {2}unknown field `resolvdAt`; check the spelling/,
  'unknown-severity':
    /checkout-timeouts\.md:4:1 {2}error {2}severity: `SEV9` is not a severity of this site; use one of SEV1, SEV2, SEV3, SEV4, SEV5/,
  'unknown-status':
    /checkout-timeouts\.md:9:1 {2}error {2}status: expected a status: one of draft, in-review, published \(got `archived`\)/,
  'date-time-without-offset':
    /checkout-timeouts\.md:5:1 {2}error {2}startedAt: `2024-03-14T09:12:00` is not an ISO 8601 date-time with an offset/,
  'unknown-time-zone': /checkout-timeouts\.md:9:1 {2}error {2}timezone: `Europe\/Atlantis` is not an IANA time zone/,
  'resolved-before-started': /checkout-timeouts\.md:6:1 {2}error {2}resolvedAt: resolvedAt is before startedAt/,
  'detected-outside-window':
    /checkout-timeouts\.md:9:1 {2}error {2}detectedAt: detectedAt must lie between startedAt and resolvedAt/,
  'mitigated-outside-window':
    /checkout-timeouts\.md:9:1 {2}error {2}mitigatedAt: mitigatedAt must lie between startedAt and resolvedAt/,
  'timeline-out-of-order': /checkout-timeouts\.md:11:7 {2}error {2}timeline\[1\]\.at: .*before the entry above it/,
  'timeline-outside-window':
    /checkout-timeouts\.md:10:7 {2}error {2}timeline\[0\]\.at: .*more than a day outside startedAt–resolvedAt/,
  'timeline-bad-time': /checkout-timeouts\.md:10:7 {2}error {2}timeline\[0\]\.at: `9\.30am`: expected "HH:MM"/,
  'unknown-timeline-kind':
    /checkout-timeouts\.md:10:41 {2}error {2}timeline\[0\]\.kind: expected a timeline kind: one of trigger, /,
  'action-item-without-owner':
    /checkout-timeouts\.md:10:5 {2}error {2}missing required field `actionItems\[0\]\.owner`/,
  'ticket-not-http':
    /checkout-timeouts\.md:10:33 {2}error {2}actionItems\[0\]\.ticket: expected an http:\/\/ or https:\/\/ URL/,
  'due-date-invalid':
    /checkout-timeouts\.md:10:33 {2}error {2}actionItems\[0\]\.due: `2024-02-30` is not a date written YYYY-MM-DD/,
  'unknown-related-id':
    /checkout-timeouts\.md:9:11 {2}error {2}related id `2020-01-01-never-happened` matches no postmortem/,
  'duplicate-ids':
    /checkout-timeouts\.md:1:1 {2}error {2}id `2024-03-14-checkout-timeouts` is also used by .*checkout-timeouts\.mdx/,
  'file-name-date-mismatch':
    /2024-03-15-checkout-timeouts\.md:5:1 {2}error {2}file name starts with 2024-03-15 but startedAt is on 2024-03-14 in UTC; rename the file to 2024-03-14-checkout-timeouts\.md/,
  'file-name-pattern':
    /Checkout Timeouts\.md:1:1 {2}error {2}file name `Checkout Timeouts\.md` must be YYYY-MM-DD-slug\.md or \.mdx/,
  'percentage-out-of-range':
    /checkout-timeouts\.md:10:3 {2}error {2}impact\.usersAffectedPct: must be between 0 and 100/,
  'empty-services': /checkout-timeouts\.md:7:1 {2}error {2}services: name at least one service/,
  'mdx-import-outside-components':
    /checkout-timeouts\.mdx:11:1 {2}error {2}import from `node:fs` is not allowed; postmortems may import only components from src\/components\/mdx\//,
  'script-element': /checkout-timeouts\.md:19:1 {2}error {2}`<script>` is not allowed in a postmortem/,
  'iframe-element': /checkout-timeouts\.md:19:1 {2}error {2}`<iframe>` is not allowed in a postmortem/,
  'inline-event-handler':
    /checkout-timeouts\.md:19:33 {2}error {2}attribute `onerror` is not allowed on `<img>`; remove it {2}\[safe-html\]/,
  'javascript-link':
    /checkout-timeouts\.md:19:5 {2}error {2}URL `javascript:alert\(1\)` is not allowed; links and images/,
  'empty-body': /checkout-timeouts\.md:9:1 {2}error {2}the body is empty/,
  'huge-body': /checkout-timeouts\.md:10:1 {2}error {2}the body is 2\d\d\d kB, over the 200 kB limit/,
};

const config = SiteConfigSchema.parse({});

/** Runs `npm run check` in-process over one content folder and returns what it printed. */
async function check(contentDir: string): Promise<{ exitCode: number; stdout: string }> {
  let stdout = '';
  const exitCode = await runCheck({
    root: projectRoot,
    cwd: projectRoot,
    argv: [],
    env: { POSTMORTEMS_DIR: contentDir },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: () => {} },
    now: new Date('2024-06-01T00:00:00Z'),
    config,
  });
  return { exitCode, stdout };
}

const folders: Record<string, string> = Object.fromEntries(
  readdirSync(catalogue).map((name) => [name, join(catalogue, name)]),
);

beforeAll(async () => {
  // A 2 MB body is made here rather than committed.
  const dir = await mkdtemp(join(tmpdir(), 'postmortems-huge-'));
  const paragraph = 'The connection pool was exhausted and requests queued behind it. '.repeat(20);
  await writeFile(
    join(dir, FILE),
    `---\ntitle: Huge\nsummary: s\nseverity: SEV3\nstartedAt: "2024-03-14T09:12:00Z"\nresolvedAt: "2024-03-14T09:59:00Z"\nservices: [checkout]\nauthors: [A]\n---\n\n${`${paragraph}\n\n`.repeat(1600)}`,
  );
  folders['huge-body'] = dir;
});

describe('the bad-input catalogue', () => {
  test('has an expected message for each case', () => {
    expect(Object.keys(expected).sort()).toEqual([...readdirSync(catalogue), 'huge-body'].sort());
  });

  test.each(Object.keys(expected))(
    '%s fails `npm run check` with the file, line and what is expected',
    async (name) => {
      const result = await check(folders[name]!);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toMatch(expected[name]!);
    },
  );

  // The build runs the same validation (src/lib/content-folder.ts) from its loader: a few builds, one per kind of
  // check (YAML, schema, corpus, file name), prove that wiring; tests/hostile/builds.test.ts proves it for the body rules.
  // Each build has its own output and cache folders, so they can run side by side.
  test.concurrent.each(['malformed-yaml', 'date-time-without-offset', 'unknown-related-id', 'file-name-date-mismatch'])(
    '%s fails the build with the same message',
    async (name) => {
      const site: SiteBuild = await buildSite(folders[name]!);
      expect(site.exitCode).not.toBe(0);
      expect(site.output).toMatch(expected[name]!);
      expect(site.output).not.toContain('Stack trace');
    },
    300_000,
  );
});

describe('input that must be accepted', () => {
  let site: SiteBuild;
  beforeAll(async () => {
    site = await buildSite(join(projectRoot, 'tests/fixtures/accepted'));
    if (site.exitCode !== 0) throw new Error(site.output);
  }, 180_000);

  test('CRLF line endings and a byte-order mark build like any other file', async () => {
    expect(await site.read('postmortems/2024-03-11-crlf-line-endings/index.html')).toContain(
      '<h1>CRLF line endings</h1>',
    );
    expect(await site.read('postmortems/2024-03-12-byte-order-mark/index.html')).toContain('<h1>Byte-order mark</h1>');
  });

  test('non-ASCII text survives, in pages and in tag URLs', async () => {
    const html = await site.read('postmortems/2024-03-13-non-ascii/index.html');
    expect(html).toContain('Zahlungsausfälle in Zürich — 東京 latency');
    expect(html).toContain('Naïve café checkout failed; 決済 errors');
    expect(html).toContain('href="/tags/überlast/"');
    expect(await site.read('tags/東京/index.html')).toContain('Zahlungsausfälle');
  });

  test('markup in titles and summaries is escaped, never executed', async () => {
    const html = await site.read('postmortems/2024-03-14-markup-in-title/index.html');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;bold&lt;/b&gt; claims');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; in the summary');
    // Outside quoted attribute values (where `<` is inert text), no element was injected.
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<img src=x|<script>alert/);
    const api = await site.read('api/postmortems.json');
    expect(JSON.parse(api).postmortems.map((postmortem: { title: string }) => postmortem.title)).toContain(
      '<img src=x onerror=alert(1)> & <b>bold</b> claims',
    );
    expect(await site.read('rss.xml')).not.toMatch(/<script>alert/);
  });

  test('every accepted file passes `npm run check` without errors', async () => {
    const result = await check(join(projectRoot, 'tests/fixtures/accepted'));
    expect(result.stdout).toMatch(/^0 errors, \d+ warnings? in 4 files$/m);
  });
});
