/**
 * Search end to end: a fixture site built with `npm run build` (which runs
 * Pagefind), served from disk on a loopback port, driven in Chromium.
 */
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
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
  ordersDatabase: 'Orders database refused new connections',
};

/** Every postmortem of the fixture, newest first. */
const NEWEST_FIRST = [
  TITLES.ordersQueue,
  TITLES.dnsResolver,
  TITLES.tlsHandshakes,
  TITLES.searchReindex,
  TITLES.nginxWorkers,
  TITLES.ordersDatabase,
];

/**
 * Words of one fixture postmortem each, with a one-letter typo of every kind:
 * a deletion, an insertion, a substitution and a swap of neighbours.
 */
const TYPOS = [
  ['stapling', TITLES.tlsHandshakes, ['staplng', 'stappling', 'stapming', 'stapilng']],
  ['keepalive', TITLES.nginxWorkers, ['keepalve', 'keepaliive', 'keepalife', 'keeaplive']],
  ['resolver', TITLES.dnsResolver, ['resolvr', 'resollver', 'resolcer', 'reoslver']],
  ['prefetch', TITLES.ordersQueue, ['prefech', 'preffetch', 'prefetvh', 'perfetch']],
  ['postgres', TITLES.ordersDatabase, ['postgrs', 'postgress', 'postgrez', 'postgers']],
  ['pgbouncer', TITLES.ordersDatabase, ['pgboucer', 'pgbouncerr', 'pgbouncar', 'pgbuoncer']],
  ['reindex', TITLES.searchReindex, ['reidex', 'reinndex', 'reimdex', 'riendex']],
  ['handshake', TITLES.tlsHandshakes, ['handshke', 'handshakke', 'handshaje', 'hnadshake']],
] as const;

/** Generated text that must never open an excerpt: labels, timeline times and kinds, heading links. */
const GENERATED_OPENINGS =
  /^(Services:|Tags:|Trigger:|Times in|Until (detected|mitigated|resolved)|#|\d{1,2}:\d{2}|Link to the section)/;

/** What the search page shows once it has settled. */
interface SearchView {
  search: string;
  status: string;
  titles: string[];
}

describe('search in a real browser', () => {
  let site: SiteBuild;
  let server: StaticServer;
  let browser: Browser;
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
    // The link leads to the section the words are in.
    expect(await first.locator('h2 a').getAttribute('href')).toBe(
      '/postmortems/2024-06-03-payments-tls-handshake-failures/#root-cause-and-resolution',
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
    const all = await results('');
    expect(all.status).toBe('All 6 postmortems, newest first. Type words or tick a filter to narrow them.');
    expect(all.titles).toEqual(NEWEST_FIRST);
    // Without words to excerpt around, each result shows its summary.
    expect(await page.locator('.search-excerpt').first().textContent()).toBe(
      'New orders waited up to 20 minutes to be confirmed for an hour while consumers lagged.',
    );
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
    // Tags, a long list, wait closed until opened.
    await page.locator('fieldset[data-facet="tag"] summary').click();
    await checkbox('tag', 'dns').check();
    expect((await results('?severity=SEV1&severity=SEV3&service=edge&tag=dns&year=2024')).titles).toEqual([
      TITLES.dnsResolver,
    ]);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect((await results('')).titles).toEqual(NEWEST_FIRST);
  }, 30_000);

  test('a long facet list waits closed, its data unloaded, and shows the counts of the results on screen once opened', async () => {
    const filterFiles = () => server.served.filter((file) => file.path.startsWith('/pagefind/filter/')).length;
    server.served.length = 0;
    await open('/search/?q=nginx');
    await results('?q=nginx');
    // Severity, service and year are counted at once: three filter files, none for tags.
    expect(filterFiles()).toBe(3);
    expect(await countOf('severity', 'SEV1')).toBe('(2)');
    const tags = page.locator('fieldset[data-facet="tag"] details');
    expect(await tags.getAttribute('open')).toBeNull();
    expect(await tags.locator('summary').textContent()).toBe('9 values');

    await tags.locator('summary').click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('input[name="tag"] ~ [data-count]')].every((count) => count.textContent !== ''),
    );
    expect(filterFiles()).toBe(4);
    expect(await countOf('tag', 'nginx')).toBe('(3)');
    expect(await countOf('tag', 'tls')).toBe('(1)');
    expect(await countOf('tag', 'dns')).toBe('(0)');
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

  test('"/" and Ctrl+K focus the header search box from a postmortem page, and "/" still types in a field', async () => {
    await open('/postmortems/2024-09-30-dns-resolver-timeouts/');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-query');
    await page.keyboard.type('a/b');
    expect(await page.locator('#site-search-query').inputValue()).toBe('a/b');
    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-query');
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

  test("the search page's own script stays small: no schema or time-zone library is bundled into it", async () => {
    const ownScripts: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (request.resourceType() === 'script' && pathname.startsWith('/_astro/')) ownScripts.push(pathname);
    });
    await open('/search/?q=nginx');
    await results('?q=nginx');
    expect(ownScripts).not.toEqual([]);
    const sizes = await Promise.all(ownScripts.map(async (path) => (await stat(join(site.outDir, path))).size));
    // 11 kB today; importing a zod schema or lib/time from the script made it 162 kB.
    expect(sizes.reduce((total, size) => total + size, 0)).toBeLessThan(30_000);
  });

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

  describe('typo correction', () => {
    test('a one-letter typo of a word from a postmortem still ranks it in the top 3', async () => {
      const misses: string[] = [];
      for (const [word, title, typos] of TYPOS) {
        for (const typo of typos) {
          await open(`/search/?q=${typo}`);
          const view = await results(`?q=${typo}`);
          if (!view.titles.slice(0, 3).includes(title)) misses.push(`${typo} (${word}): ${view.titles.join(' | ')}`);
        }
      }
      expect(misses).toEqual([]);
    }, 120_000);

    test('a query of known words fetches no correction data; a misspelt word fetches a few small files', async () => {
      await open('/search/');
      await results('');
      const isKnownWordsPiece = (path: string) => /^\/pagefind\/typos\/known-\d+\.bin$/.test(path);
      const correctionFiles = () =>
        server.served.filter((file) => file.path.startsWith('/pagefind/typos/') && !isKnownWordsPiece(file.path));
      server.served.length = 0;
      await page.locator('#search-query').pressSequentially('stapling handshake');
      await results('?q=stapling+handshake');
      expect(correctionFiles()).toEqual([]);
      // Only the piece of the known-words filter each word is in: at most one per word, each small.
      const pieces = server.served.filter((file) => isKnownWordsPiece(file.path));
      expect(pieces.length).toBeLessThanOrEqual(2);
      expect(pieces.every((file) => file.status === 200 && file.bytes < 1024)).toBe(true);

      server.served.length = 0;
      await page.locator('#search-query').fill('');
      await page.locator('#search-query').pressSequentially('postgers');
      expect((await results('?q=postgers')).titles[0]).toBe(TITLES.ordersDatabase);
      const fetched = correctionFiles();
      expect(fetched.length).toBeGreaterThan(0);
      expect(fetched.length).toBeLessThanOrEqual(6);
      expect(fetched.every((file) => file.status === 200 && file.bytes < 4096)).toBe(true);
    }, 30_000);

    test('says which words it searched, and "search instead" searches the words as typed', async () => {
      await open('/search/?q=postgers');
      const corrected = await results('?q=postgers');
      expect(corrected.titles[0]).toBe(TITLES.ordersDatabase);
      expect(corrected.status).toBe('1 postmortem matches “postgres”.');
      const notice = page.locator('[data-correction]');
      expect(await notice.isVisible()).toBe(true);
      expect((await notice.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
        'Showing results for postgres — search for postgers instead',
      );

      await notice.getByRole('link', { name: 'search for postgers instead' }).click();
      const typed = await results('?q=postgers&verbatim=1');
      expect(typed.titles).not.toContain(TITLES.ordersDatabase);
      expect(await notice.isVisible()).toBe(false);
      expect(await page.locator('#search-query').inputValue()).toBe('postgers');
    }, 30_000);
  });

  test('excerpts come from the story, never from generated labels, times or heading links', async () => {
    for (const query of ['checkout', 'edge', 'postgres', 'flash sale', 'dns']) {
      const search = `?q=${query.replace(' ', '+')}`;
      await open(`/search/${search}`);
      await results(search);
      const excerpts = await page.locator('.search-excerpt').allTextContents();
      expect(excerpts.length, query).toBeGreaterThan(0);
      for (const excerpt of excerpts) expect(excerpt.trim(), query).not.toMatch(GENERATED_OPENINGS);
    }
  }, 60_000);

  test('a result whose words are in a section links to that section', async () => {
    await open('/search/?q=pgbouncer');
    await results('?q=pgbouncer');
    expect(await page.locator('[data-results] h2 a').first().getAttribute('href')).toBe(
      '/postmortems/2022-03-08-orders-postgres-connection-exhaustion/#root-cause-and-resolution',
    );
  }, 30_000);

  test('keyboard: two Tab presses from the box reach the first result, arrow keys move through the results', async () => {
    await open('/search/?q=nginx');
    await results('?q=nginx');
    await page.locator('#search-query').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const first = await page.locator('[data-results] h2 a').first().textContent();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(first);

    await page.locator('#search-query').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await page.locator('[data-results] h2 a').nth(1).textContent();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(second);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
  }, 30_000);

  test('on a phone the first result is in the first screen, the filters closed below saying how many are ticked', async () => {
    await page.setViewportSize({ width: 375, height: 667 });
    await open('/search/?q=nginx&severity=SEV1');
    await results('?q=nginx&severity=SEV1');
    const box = await page.locator('[data-results] > li').first().boundingBox();
    expect(box && box.y + box.height / 2).toBeLessThan(667);
    const filters = page.locator('details[data-filters]');
    expect(await filters.getAttribute('open')).toBeNull();
    expect((await page.locator('details[data-filters] > summary').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      'Filters (1 active)',
    );
  }, 30_000);

  test('the search page does not shift its layout when its script shows the form', async () => {
    await page.addInitScript(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries() as (PerformanceEntry & { value: number })[])
          (window as unknown as { shifts: number }).shifts += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await open('/search/?q=nginx');
    await results('?q=nginx');
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBeLessThan(0.05);
  }, 30_000);

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
