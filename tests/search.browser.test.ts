/**
 * Search end to end: a fixture site built with `astro build` (which runs
 * Pagefind), served from disk on a loopback port, driven in Chromium.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { collectErrors, launchChromium, seriousViolations } from './browser';
import { buildSite, projectRoot, type SiteBuild } from './build-site';
import { serveDirectory, type StaticServer } from './static-server';

const TITLES = {
  nginxWorkers: 'Checkout errors when edge nginx workers ran out',
  searchReindex: 'Slow product search after a reindex',
  tlsHandshakes: 'Card payments failed on TLS handshakes',
  dnsResolver: 'Internal DNS resolver timeouts',
  ordersQueue: 'Orders queue backlog',
};

/** What the search page shows once it has settled. */
interface SearchView {
  search: string;
  status: string;
  titles: string[];
}

describe('search in a real browser', () => {
  let site: SiteBuild;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    site = await buildSite(join(projectRoot, 'tests/fixtures/search'));
    if (site.exitCode !== 0) throw new Error(`build failed:\n${site.output}`);
    server = await serveDirectory(site.outDir);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    errors = collectErrors(page);
  });

  afterEach(async () => {
    await context.close();
    expect(errors, 'console errors').toEqual([]);
  });

  const open = (path: string) => page.goto(`${server.origin}${path}`);

  /** Waits until the page shows the results for `search` (the URL's query string, `?q=…`) and reads them. */
  async function results(search: string): Promise<SearchView> {
    await page.waitForFunction(
      (expected) =>
        location.search === expected && document.querySelector('[data-results]')?.getAttribute('aria-busy') === 'false',
      search,
    );
    return page.evaluate(() => ({
      search: location.search,
      status: document.querySelector('[data-status]')?.textContent ?? '',
      titles: [...document.querySelectorAll('[data-results] h2 a')].map((link) => link.textContent),
    }));
  }

  const checkbox = (facet: string, value: string) =>
    page.locator(`input[type="checkbox"][name="${facet}"][value="${value}"]`);
  const countOf = (facet: string, value: string) =>
    checkbox(facet, value).locator('xpath=..').locator('[data-count]').textContent();

  test('finds a postmortem by a word only its body contains, first, with severity, date, duration and the word marked', async () => {
    await open('/search/');
    await page.locator('#search-query').pressSequentially('stapling');
    const view = await results('?q=stapling');

    expect(view.titles).toEqual([TITLES.tlsHandshakes]);
    expect(view.status).toBe('1 postmortem matches “stapling”.');
    const first = page.locator('[data-results] > li').first();
    expect(await first.locator('h2 a').getAttribute('href')).toBe(
      '/postmortems/2024-06-03-payments-tls-handshake-failures/',
    );
    expect(await first.locator('.severity-badge').textContent()).toBe('SEV1Critical');
    expect(await first.locator('.severity-badge').getAttribute('class')).toContain('severity-sev1');
    expect(await first.locator('time').textContent()).toBe('3 June 2024');
    expect(await first.locator('time').getAttribute('datetime')).toBe('2024-06-03T08:15:00.000Z');
    expect(await first.locator('.meta').textContent()).toContain('Lasted 25 min');
    expect(await first.locator('.search-excerpt mark').allTextContents()).toEqual(['stapling', 'stapling']);
  }, 30_000);

  test('a facet in the URL narrows the results, clearing it restores them, and back brings it back', async () => {
    await open('/search/?q=nginx');
    const all = await results('?q=nginx');
    expect(all.titles.toSorted()).toEqual([TITLES.tlsHandshakes, TITLES.nginxWorkers, TITLES.searchReindex].toSorted());

    await open('/search/?q=nginx&severity=SEV1');
    const critical = await results('?q=nginx&severity=SEV1');
    expect(critical.titles.toSorted()).toEqual([TITLES.tlsHandshakes, TITLES.nginxWorkers].toSorted());
    expect(critical.status).toBe('2 postmortems match “nginx” with the ticked filters.');
    expect(await checkbox('severity', 'SEV1').isChecked()).toBe(true);
    // Counts say what ticking a value would give: other severities still count, other facets are narrowed.
    expect(await countOf('severity', 'SEV2')).toBe('(1)');
    expect(await countOf('service', 'search')).toBe('(0)');
    expect(await countOf('service', 'checkout')).toBe('(1)');

    await checkbox('severity', 'SEV1').uncheck();
    expect((await results('?q=nginx')).titles).toHaveLength(3);

    await page.goBack();
    expect((await results('?q=nginx&severity=SEV1')).titles).toHaveLength(2);
    expect(await checkbox('severity', 'SEV1').isChecked()).toBe(true);
    await page.goForward();
    expect((await results('?q=nginx')).titles).toHaveLength(3);
  }, 30_000);

  test('narrows by every facet through the checkboxes, writing each into the URL, newest first without words', async () => {
    await open('/search/');
    expect((await results('')).status).toBe('Type words above or tick a filter to find postmortems.');
    expect(await countOf('year', '2024')).toBe('(3)');

    await checkbox('year', '2024').check();
    expect((await results('?year=2024')).titles).toEqual([
      TITLES.dnsResolver,
      TITLES.tlsHandshakes,
      TITLES.searchReindex,
    ]);
    await checkbox('severity', 'SEV1').check();
    expect((await results('?severity=SEV1&year=2024')).titles).toEqual([TITLES.tlsHandshakes]);
    await checkbox('severity', 'SEV3').check();
    expect((await results('?severity=SEV1&severity=SEV3&year=2024')).titles).toEqual([
      TITLES.dnsResolver,
      TITLES.tlsHandshakes,
    ]);
    await checkbox('service', 'edge').check();
    expect((await results('?severity=SEV1&severity=SEV3&service=edge&year=2024')).titles).toEqual([TITLES.dnsResolver]);
    await checkbox('tag', 'dns').check();
    expect((await results('?severity=SEV1&severity=SEV3&service=edge&tag=dns&year=2024')).titles).toEqual([
      TITLES.dnsResolver,
    ]);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect((await results('')).titles).toEqual([]);
  }, 30_000);

  test('restores words, every facet and the order from a hand-written URL, and keeps its canonical form on reload', async () => {
    await open('/search/?service=EDGE&q=%20nginx%20&severity=sev1&tag=nginx&year=2023&sort=oldest&utm_source=chat');
    const canonical = '?q=nginx&severity=SEV1&service=edge&tag=nginx&year=2023&sort=oldest';
    expect((await results(canonical)).titles).toEqual([TITLES.nginxWorkers]);
    expect(await page.locator('#search-query').inputValue()).toBe('nginx');
    expect(await page.locator('#search-order').inputValue()).toBe('oldest');
    for (const [facet, value] of [
      ['severity', 'SEV1'],
      ['service', 'edge'],
      ['tag', 'nginx'],
      ['year', '2023'],
    ] as const) {
      expect(await checkbox(facet, value).isChecked(), `${facet}=${value}`).toBe(true);
    }

    await page.reload();
    expect((await results(canonical)).titles).toEqual([TITLES.nginxWorkers]);

    await page.locator('#search-order').selectOption('newest');
    await results('?q=nginx&severity=SEV1&service=edge&tag=nginx&year=2023&sort=newest');
  }, 30_000);

  test('keeps drafts and everything outside postmortem bodies out of the index', async () => {
    await open('/search/?q=xylophonic');
    expect((await results('?q=xylophonic')).status).toBe(
      'No postmortem matches “xylophonic”. Try other words or fewer filters.',
    );
    // The site title is in every page's header, but headers are not indexed.
    await open('/search/?q=larkspur');
    expect((await results('?q=larkspur')).titles).toEqual([]);
    await open('/search/?q=nginx');
    expect((await results('?q=nginx')).titles).not.toContain('An unfinished draft about nginx');
  }, 30_000);

  test('shows excerpts as text, so markup quoted in a postmortem cannot run', async () => {
    await open('/search/?q=onerror');
    expect((await results('?q=onerror')).titles).toEqual([TITLES.searchReindex]);
    expect(await page.locator('.search-excerpt').first().textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('.search-excerpt img').count()).toBe(0);
  }, 30_000);

  test('the header search box on any page searches on /search/', async () => {
    await open('/postmortems/2024-09-30-dns-resolver-timeouts/');
    await page.getByRole('searchbox', { name: 'Search postmortems' }).fill('keepalive');
    await page.keyboard.press('Enter');
    expect((await results('?q=keepalive')).titles).toEqual([TITLES.nginxWorkers]);
    expect(await page.locator('#search-query').inputValue()).toBe('keepalive');
  }, 30_000);

  test('"/" brings focus to the search box on the search page', async () => {
    await open('/search/?q=nginx');
    await results('?q=nginx');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
  }, 30_000);

  test('loads script on the search page only', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    for (const path of ['/', '/postmortems/2023-11-02-edge-nginx-worker-exhaustion/', '/tags/nginx/']) {
      await open(path);
      await page.waitForLoadState('networkidle');
    }
    expect(scripts).toEqual([]);
    await open('/search/?q=nginx');
    await results('?q=nginx');
    expect(scripts).toContain('/pagefind/pagefind.js');
  }, 30_000);

  test('without JavaScript the search page says so and links to the indexes', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await noScript.newPage();
      await plain.goto(`${server.origin}/search/?q=nginx`);
      expect(await plain.locator('main').innerText()).toContain('Search runs in your browser and needs JavaScript');
      expect(await plain.locator('form#search').isVisible()).toBe(false);
      for (const [name, href] of [
        ['severity', '/severity/'],
        ['service', '/services/'],
        ['tag', '/tags/'],
      ] as const) {
        expect(await plain.getByRole('link', { name, exact: true }).getAttribute('href')).toBe(href);
      }
    } finally {
      await noScript.close();
    }
  }, 30_000);

  test('shows ten results at a time and more on request, moving focus to the first new one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'postmortems-search-many-'));
    await Promise.all(
      Array.from({ length: 13 }, (_, index) => {
        const day = String(index + 1).padStart(2, '0');
        return writeFile(
          join(dir, `2024-05-${day}-disk-full-${day}.md`),
          `---\ntitle: Disk full ${day}\nsummary: A volume filled up.\nseverity: SEV3\nstartedAt: "2024-05-${day}T10:00:00Z"\nresolvedAt: "2024-05-${day}T10:30:00Z"\nservices: [api]\nauthors: [A]\n---\n\nThe logrotate job stopped.\n`,
        );
      }),
    );
    const many = await buildSite(dir);
    if (many.exitCode !== 0) throw new Error(`build failed:\n${many.output}`);
    const manyServer = await serveDirectory(many.outDir);
    try {
      await page.goto(`${manyServer.origin}/search/?q=logrotate&sort=newest`);
      const first = await results('?q=logrotate&sort=newest');
      expect(first.status).toBe('13 postmortems match “logrotate”.');
      expect(first.titles).toHaveLength(10);
      expect(first.titles[0]).toBe('Disk full 13');
      await page.getByRole('button', { name: 'Show more results' }).click();
      await page.waitForFunction(() => document.querySelectorAll('[data-results] > li').length === 13);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Disk full 03');
      expect(await page.getByRole('button', { name: 'Show more results' }).isVisible()).toBe(false);
    } finally {
      await manyServer.close();
    }
  }, 120_000);

  describe('has no serious or critical accessibility violations', () => {
    test.each([
      ['the home page', '/', undefined],
      ['a postmortem', '/postmortems/2024-06-03-payments-tls-handshake-failures/', undefined],
      ['a tag', '/tags/nginx/', undefined],
      ['a severity', '/severity/sev1/', undefined],
      ['a service', '/services/edge/', undefined],
      ['the search page with results', '/search/?q=nginx&severity=SEV1', '?q=nginx&severity=SEV1'],
    ])(
      'on %s',
      async (_, path, search) => {
        await open(path);
        if (search !== undefined) await results(search);
        expect(await seriousViolations(page)).toEqual([]);
      },
      30_000,
    );
  });
});
