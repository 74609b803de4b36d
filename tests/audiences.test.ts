/**
 * One source, two sites: the public build must carry no trace of internal
 * postmortems, drafts, postmortems still in review, or `<Internal>` passages —
 * in no page, feed, sitemap, API, search index file or file name.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { glob } from 'tinyglobby';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, projectRoot, type SiteBuild } from './build-site';

const fixture = join(projectRoot, 'tests/fixtures/audiences');
/** Every canary in the fixture contains this word; the public postmortems never do. */
const CANARY = /canary/i;
/** A secret in the build's environment, as CI might hold one: it must appear in no built file. */
const ENVIRONMENT_SECRET = 'canary-environment-secret-7d41';

/** The text of a built file, decompressing Pagefind's gzipped index files first. */
async function textOf(path: string): Promise<string> {
  const bytes = await readFile(path);
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return (isGzip ? gunzipSync(bytes) : bytes).toString('latin1');
}

describe('the public build', () => {
  let site: SiteBuild;
  let files: string[];
  let paths: string[];
  beforeAll(async () => {
    site = await buildSite(fixture, { POSTMORTEMS_AUDIENCE: 'public', DEPLOY_TOKEN: ENVIRONMENT_SECRET });
    if (site.exitCode !== 0) throw new Error(site.output);
    files = await glob('**/*', { cwd: site.outDir, dot: true });
    paths = await glob('**/*', { cwd: site.outDir, dot: true, onlyFiles: false });
  }, 180_000);

  test('indexes the public postmortems, and only those, for search', async () => {
    const entry = JSON.parse(await site.read('pagefind/pagefind-entry.json'));
    expect(entry.languages.en.page_count).toBe(2);
  });

  test('has no canary in any file, decompressed search index included', async () => {
    const leaks: string[] = [];
    for (const file of files) {
      if (CANARY.test(await textOf(join(site.outDir, file)))) leaks.push(file);
    }
    expect(files.length).toBeGreaterThan(20);
    expect(leaks).toEqual([]);
  });

  test('has no canary in any file or folder name', () => {
    expect(paths.filter((path) => CANARY.test(path))).toEqual([]);
  });

  test('drops <Internal> passages, with their heading, footnote, definition and image, and keeps the rest of the body', async () => {
    const html = await site.read('postmortems/2024-03-01-public-checkout-outage/index.html');
    expect(html).toContain('checkout requests queued until they timed out');
    expect(html).not.toContain('internal-passage');
    expect(html).not.toMatch(/footnote/i);
    // The public image of the same postmortem is published, optimised.
    expect(html).toMatch(/<img[^>]+alt="Error rate during the outage"/);
    expect(files.filter((file) => /\.(webp|png)$/.test(file))).toHaveLength(1);
  });

  test('publishes neither MDX comments nor HTML comments from a body', async () => {
    expect(await site.read('postmortems/2024-03-10-public-search-latency/index.html')).not.toContain('<!--');
  });

  test('counts, indexes and feeds cover the public postmortems only', async () => {
    expect(await site.read('index.html')).toContain('2 postmortems');
    expect(await site.read('tags/postgres/index.html')).toContain('2 postmortems tagged');
    expect(await site.read('services/checkout/index.html')).toMatch(/1 incident\b/);
    expect(await site.read('severity/index.html')).not.toContain('href="/severity/sev1/"');
    const api = JSON.parse(await site.read('api/postmortems.json'));
    expect(api.count).toBe(2);
    expect(api.postmortems.map((postmortem: { id: string }) => postmortem.id).sort()).toEqual([
      '2024-03-01-public-checkout-outage',
      '2024-03-10-public-search-latency',
    ]);
    expect(
      api.postmortems.find((postmortem: { id: string }) => postmortem.id === '2024-03-01-public-checkout-outage')
        .related,
    ).toEqual([]);
    expect((await site.read('rss.xml')).match(/<item>/g)).toHaveLength(2);
    expect((await site.read('sitemap-0.xml')).match(/\/postmortems\//g)).toHaveLength(2);
  });

  test('links neighbours and related incidents within the public set', async () => {
    const search = await site.read('postmortems/2024-03-10-public-search-latency/index.html');
    expect(search).toMatch(/rel="prev">← Older: Checkout outage after a pool change/);
    const checkout = await site.read('postmortems/2024-03-01-public-checkout-outage/index.html');
    expect(checkout).toMatch(/rel="next">Newer: Search latency after index rebuild/);
    expect(checkout).not.toContain('2024-03-05-internal-billing-leak');
  });

  test('computes statistics over the public set', async () => {
    const stats = await site.read('stats/index.html');
    expect(stats).toContain('Across 2 published postmortems');
    expect(stats).toContain('Most frequent services: checkout (1), search (1).');
  });
});

describe('the internal build of the same source', () => {
  let site: SiteBuild;
  beforeAll(async () => {
    site = await buildSite(fixture);
    if (site.exitCode !== 0) throw new Error(site.output);
  }, 180_000);

  test('has internal postmortems, marked, and <Internal> passages, but no drafts', async () => {
    const internal = await site.read('postmortems/2024-03-05-internal-billing-leak/index.html');
    expect(internal).toContain('Canarytitle billing export exposed');
    expect(internal).toContain('Internal: not for customers');
    expect(await site.read('postmortems/2024-03-01-public-checkout-outage/index.html')).toMatch(
      /<section class="internal-passage" aria-label="Internal only">[\s\S]*canary-internal-passage-runbook/,
    );
    expect(await site.read('postmortems/2024-03-08-in-review-public-incident/index.html')).toContain(
      'Canaryreview title',
    );
    expect(await site.read('index.html')).toContain('4 postmortems');
    expect(await site.read('index.html')).not.toContain('Canarydraft');
  });

  test('publishes the images of its postmortems, but not those of drafts', async () => {
    const images = await glob('**/*.{webp,png}', { cwd: site.outDir });
    expect(images.some((file) => file.includes('canary-internal-image'))).toBe(true);
    expect(images.filter((file) => file.includes('canary-draft-image'))).toEqual([]);
  });

  test('logs no bundler warning for its MDX postmortems', () => {
    expect(site.output).toContain('[build] Complete!');
    expect(site.output).not.toContain('MODULE_LEVEL_DIRECTIVE');
  });
});
