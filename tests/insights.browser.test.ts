/**
 * The insight pages of a fixture corpus (tests/fixtures/insights), built with a
 * real `astro build` at 2024-06-01T00:00Z, checked against values worked out by
 * hand from the fixture files, then rendered in Chromium with JavaScript off.
 *
 * The fixture, in short (duration; detect/mitigate minutes; action items):
 *   2022-06-01 search   SEV3 UTC     90 min; 20/60;  done, closed 2022-07-15 (44 days, 14 late)
 *   2023-06-01 checkout SEV2 Berlin  60 min; 10/40;  open due 2024-05-31 (overdue), done (no closed date)
 *              (00:30 in Berlin, still 31 May in UTC)
 *   2024-01-15 payments SEV1 UTC    240 min; 5/120;  in progress due 2024-06-01 (due today), won't do
 *   2024-03-31 dns      SEV2 NY      30 min; –/–;    open, no due date: by policy (SEV2 prevent, 4 weeks)
 *              2024-04-29, overdue by 33 days (22:30 in New York, already 1 April in UTC)
 *   2024-05-10 cdn      SEV4 UTC     45 min; 3/30;   open due 2024-05-01 (overdue)
 *   2024-05-25 checkout SEV3 UTC     20 min; 5/10;   done, closed 2024-05-28 (3 days, on time);
 *              related: the 2023 checkout incident
 *   a draft with one more (overdue) action item, which must count nowhere.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectErrors, launchChromium, seriousViolations } from './browser';
import { buildSite, projectRoot, type SiteBuild } from './build-site';
import { serveDirectory, type StaticServer } from './static-server';

const IDS = {
  search: '2022-06-01-search-index-corruption',
  latency: '2023-06-01-checkout-latency',
  payments: '2024-01-15-payments-timeouts',
  dns: '2024-03-31-dns-outage',
  cdn: '2024-05-10-cdn-purge',
  deploy: '2024-05-25-checkout-deploy',
};

/** The visible text of some HTML, tags dropped and whitespace collapsed, so assertions read like the page. */
function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The rows of the table captioned `caption`, each row's cells as text. */
function tableRows(html: string, caption: string): string[][] {
  const table = new RegExp(`<caption>${caption}</caption>([\\s\\S]*?)</table>`).exec(html)?.[1];
  if (!table) throw new Error(`no table captioned “${caption}”`);
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1]!)),
  );
}

/** The text of the HTML element with `id`, up to the end of its section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) throw new Error(`no element with id ${id}`);
  return textOf(html.slice(start, html.indexOf('</section>', start)));
}

describe('insight pages of the fixture corpus', () => {
  let site: SiteBuild;
  beforeAll(async () => {
    site = await buildSite(join(projectRoot, 'tests/fixtures/insights'));
    if (site.exitCode !== 0) throw new Error(`build failed:\n${site.output}`);
  }, 180_000);

  describe('/actions/', () => {
    test('counts every action item of published postmortems at the top', async () => {
      const text = textOf(await site.read('actions/index.html'));
      // 8 items: open 3, in progress 1, done 3, won't do 1; done / (8 − 1) = 3/7 = 43%.
      expect(text).toContain("Action items 8 Open 3 In progress 1 Overdue 3 Done 3 Won't do 1 Completion rate 43%");
      expect(text).not.toContain('Secret draft action');
    });

    test('groups by status, soonest due first, undated items by policy, marking overdue in words', async () => {
      const html = await site.read('actions/index.html');
      expect(section(html, 'status-open')).toMatch(
        /Open \(3\) Due Action Owner Postmortem Ticket 2024-04-29 by policy Overdue 33 days overdue Run a second resolver .* 2024-05-01 Overdue 31 days overdue Guard the purge job .* 2024-05-31 \(policy: 2023-06-28\) Overdue 1 day overdue Alert on pool saturation/,
      );
      // Due on the build date itself: not overdue yet.
      expect(section(html, 'status-in-progress')).toMatch(
        /2024-06-01 \(policy: 2024-02-12\) due today Add a circuit breaker/,
      );
      expect(section(html, 'status-done')).toMatch(
        /2022-07-01 Snapshot the index nightly .* 2023-07-01 \(policy: 2023-06-28\) Document the rollback .* 2024-05-30 Add canary checks/,
      );
      expect(html.match(/class="action-state state-overdue"/g)).toHaveLength(3);
    });

    test('links each item back to its postmortem and its owner’s page', async () => {
      const html = await site.read('actions/index.html');
      expect(html).toMatch(
        new RegExp(
          `href="/actions/owners/edge-team/">Edge team</a></td>\\s*<td[^>]*><a href="/postmortems/${IDS.cdn}/">CDN purge served stale banners</a>`,
        ),
      );
    });

    test('has a page per owner, merging spellings that differ only in case', async () => {
      const index = textOf(await site.read('actions/index.html'));
      expect(index).toContain(
        'By owner Edge team (1 open item, 1 overdue) Payments team (1 open item) Platform Team (1 open item, 1 overdue) SRE (1 open item, 1 overdue) With nothing open (1) Search team (0 open items)',
      );
      const platform = await site.read('actions/owners/platform-team/index.html');
      expect(textOf(platform)).toContain('Action items: Platform Team');
      expect(textOf(platform)).toContain(
        "Action items 3 Open 1 In progress 0 Overdue 1 Done 2 Won't do 0 Completion rate 67%",
      );
      for (const owner of ['edge-team', 'payments-team', 'search-team', 'sre']) {
        expect(existsSync(join(site.outDir, `actions/owners/${owner}/index.html`)), owner).toBe(true);
      }
    });
  });

  describe('calendars', () => {
    /** The all-day events of a built `.ics` file as [start, summary, UID, URL], parsed with ical.js. */
    async function events(path: string) {
      const calendar = new ICAL.Component(ICAL.parse(await site.read(path)));
      return calendar
        .getAllSubcomponents('vevent')
        .map((event) =>
          ['dtstart', 'summary', 'uid', 'url'].map((name) => event.getFirstPropertyValue(name)?.toString()),
        );
    }

    test('/actions.ics holds every open or in-progress item on its due date, linked to its postmortem', async () => {
      expect((await events('actions.ics')).sort()).toEqual([
        [
          '2024-04-29',
          'Run a second resolver (SRE)',
          `${IDS.dns}/action-1@postmortems.larkspur.example`,
          `https://postmortems.larkspur.example/postmortems/${IDS.dns}/`,
        ],
        [
          '2024-05-01',
          'Guard the purge job (Edge team)',
          `${IDS.cdn}/action-1@postmortems.larkspur.example`,
          `https://postmortems.larkspur.example/postmortems/${IDS.cdn}/`,
        ],
        [
          '2024-05-31',
          'Alert on pool saturation (Platform team)',
          `${IDS.latency}/action-1@postmortems.larkspur.example`,
          `https://postmortems.larkspur.example/postmortems/${IDS.latency}/`,
        ],
        [
          '2024-06-01',
          'Add a circuit breaker (Payments team)',
          `${IDS.payments}/action-1@postmortems.larkspur.example`,
          `https://postmortems.larkspur.example/postmortems/${IDS.payments}/`,
        ],
      ]);
      expect(await site.read('actions/index.html')).toContain('href="/actions.ics"');
    });

    test('each owner has a calendar of their own items, linked from their page', async () => {
      expect((await events('actions/owners/sre.ics')).map(([, summary]) => summary)).toEqual([
        'Run a second resolver (SRE)',
      ]);
      expect(await events('actions/owners/search-team.ics')).toEqual([]);
      expect(await site.read('actions/owners/sre/index.html')).toContain('href="/actions/owners/sre.ics"');
    });
  });

  describe('/stats/', () => {
    let html: string;
    beforeAll(async () => {
      html = await site.read('stats/index.html');
    });

    test('counts incidents per month by severity in each incident’s own zone', () => {
      expect(textOf(html)).toContain('5 incidents from July 2022 to June 2024; the busiest month was May 2024 with 2.');
      const rows = tableRows(html, 'Incidents per month');
      expect(rows[0]).toEqual(['Month', 'SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5', 'Total']);
      expect(rows).toHaveLength(1 + 24);
      const row = (month: string) => rows.find((cells) => cells[0] === month);
      // 22:30 on 31 March in New York is 1 April in UTC: it counts for March.
      expect(row('Mar 2024')).toEqual(['Mar 2024', '0', '1', '0', '0', '0', '1']);
      expect(row('Apr 2024')).toEqual(['Apr 2024', '0', '0', '0', '0', '0', '0']);
      expect(row('May 2024')).toEqual(['May 2024', '0', '0', '1', '1', '0', '2']);
      expect(row('Jun 2023')).toEqual(['Jun 2023', '0', '1', '0', '0', '0', '1']);
      // One bar segment per non-zero month and severity.
      expect(html.match(/<rect class="segment"/g)).toHaveLength(5);
    });

    test('gives median and 90th percentile durations per severity', () => {
      // SEV2 lasted 30 and 60 min: median 45, p90 30 + 0.9 × 30 = 57. SEV3: 20 and 90 min: median 55, p90 20 + 0.9 × 70 = 83.
      expect(tableRows(html, 'Incident duration by severity').slice(1)).toEqual([
        ['SEV1 Critical', '1', '4 h', '4 h', '4 h'],
        ['SEV2 Major', '2', '45 min', '57 min', '1 h'],
        ['SEV3 Moderate', '2', '55 min', '1 h 23 min', '1 h 30 min'],
        ['SEV4 Minor', '1', '45 min', '45 min', '45 min'],
        ['SEV5 Low', '0', '—', '—', '—'],
      ]);
    });

    test('gives median time to detect and to mitigate per quarter', () => {
      const rows = tableRows(html, 'Median response times per quarter \\(n = incidents that recorded the moment\\)');
      expect(rows.map((cells) => cells[0])).toEqual([
        'Quarter',
        '2022-Q3',
        '2022-Q4',
        '2023-Q1',
        '2023-Q2',
        '2023-Q3',
        '2023-Q4',
        '2024-Q1',
        '2024-Q2',
      ]);
      expect(rows.find((cells) => cells[0] === '2023-Q2')).toEqual(['2023-Q2', '1', '10 min (n=1)', '40 min (n=1)']);
      // The DNS outage recorded neither moment, so Q1 medians rest on the payments incident alone.
      expect(rows.find((cells) => cells[0] === '2024-Q1')).toEqual(['2024-Q1', '2', '5 min (n=1)', '2 h (n=1)']);
      // Detect 3 and 5 → 4; mitigate 30 and 10 → 20.
      expect(rows.find((cells) => cells[0] === '2024-Q2')).toEqual(['2024-Q2', '2', '4 min (n=2)', '20 min (n=2)']);
      expect(rows.find((cells) => cells[0] === '2023-Q3')).toEqual(['2023-Q3', '0', '—', '—']);
      expect(textOf(html)).toContain(
        'In 2024-Q2 the median time to detect was 4 min and to mitigate 20 min, against 10 min and 40 min in 2023-Q2.',
      );
    });

    test('ranks services, tags, detection methods and triggers', () => {
      expect(tableRows(html, 'Top 10 services by incidents').slice(1)).toEqual([
        ['checkout', '3'],
        ['payments-api', '2'],
        ['cdn', '1'],
        ['dns', '1'],
        ['search', '1'],
      ]);
      expect(tableRows(html, 'Top 10 tags by incidents')[1]).toEqual(['postgres', '2']);
      expect(tableRows(html, 'How incidents were detected').slice(1)).toEqual([
        ['monitoring alert', '3'],
        ['automated test', '1'],
        ['customer report', '1'],
        ['engineer noticed', '1'],
      ]);
      expect(tableRows(html, 'What triggered incidents').slice(1)).toEqual([
        ['config change', '2'],
        ['deploy', '2'],
        ['dependency failure', '1'],
        ['infrastructure', '1'],
      ]);
    });

    test('gives the action-item completion rate', () => {
      expect(textOf(html)).toContain(
        "43% of action items are done (3 of 7, leaving out 1 won't do); 4 outstanding, 3 overdue.",
      );
    });

    test('gives completion within the due-date policy per owner and per service', () => {
      expect(textOf(html)).toContain('1 done item has no closed date and is left out.');
      const header = ['Closed', 'Median days to close', 'Closed on time', 'Open past due', 'Within policy'];
      expect(tableRows(html, 'By owner')).toEqual([
        ['Owner', ...header],
        ['Edge team', '0', '–', '0', '1', '0%'],
        ['Platform Team', '1', '3', '1', '1', '50%'],
        ['Search team', '1', '44', '0', '0', '0%'],
        ['SRE', '0', '–', '0', '1', '0%'],
      ]);
      expect(tableRows(html, 'By service')).toEqual([
        ['Service', ...header],
        ['cdn', '0', '–', '0', '1', '0%'],
        ['checkout', '1', '3', '1', '1', '50%'],
        ['dns', '0', '–', '0', '1', '0%'],
        ['payments-api', '0', '–', '0', '1', '0%'],
        ['search', '1', '44', '0', '0', '0%'],
      ]);
    });

    test('every bar leads to the incidents behind it: triggers and detection to the search, statuses to /actions/', () => {
      expect(html).toContain('href="/search/?trigger=config-change"');
      expect(html).toContain('href="/search/?detection=customer-report"');
      expect(html).toContain('href="/actions/#status-open"');
      // A quarter has no facet: its row leads to its year's incidents.
      expect(html).toMatch(/href="\/search\/\?year=2024">2024-Q2</);
    });

    test('draws every chart as accessible inline SVG: role, title, description and a table', () => {
      const charts = [...html.matchAll(/<svg class="chart-svg"([^>]*)>\s*<title id="([^"]+)">/g)];
      expect(charts.map((chart) => chart[2])).toEqual([
        'chart-per-month-title',
        'chart-durations-title',
        'chart-response-title',
        'chart-services-title',
        'chart-tags-title',
        'chart-detection-title',
        'chart-triggers-title',
        'chart-repeats-quarter-title',
        'chart-repeats-service-title',
        'chart-completion-title',
      ]);
      for (const [, attributes, titleId] of charts) {
        const id = titleId!.replace(/-title$/, '');
        // A chart whose marks link to the incidents behind them is a group its links can be reached in.
        expect(attributes).toMatch(/role="(img|group)"/);
        expect(attributes).toContain(`aria-labelledby="${id}-title"`);
        expect(attributes).toContain(`aria-describedby="${id}-summary"`);
        expect(attributes).toMatch(/viewBox="0 0 440 \d+(\.\d+)?"/);
        expect(html).toMatch(new RegExp(`<p class="chart-summary" id="${id}-summary">[^<]+</p>`));
      }
      expect(html.match(/<table class="numbers">/g)).toHaveLength(charts.length);
    });
  });

  describe('related incidents', () => {
    test('lists explicit links first, then computed ones with what they share', async () => {
      const text = section(await site.read(`postmortems/${IDS.deploy}/index.html`), 'related-heading');
      expect(text).toMatch(
        /Linked by the authors Checkout latency after a pool change .* Shares services: checkout Payments timeouts from a provider outage$/,
      );
    });

    test('ranks computed links by score, the same failure told in the same words first, and says why', async () => {
      const text = section(await site.read(`postmortems/${IDS.latency}/index.html`), 'related-heading');
      expect(text).toMatch(
        /Shares services: checkout; terms: db\.pool\.size, database pool, checkout request, connection, halving Checkout errors after a deploy .* Shares services: checkout, payments-api; tags: postgres Payments timeouts from a provider outage$/,
      );
    });

    test('shows no section when nothing is related enough (a shared trigger alone is not)', async () => {
      for (const id of [IDS.search, IDS.dns, IDS.cdn]) {
        expect(await site.read(`postmortems/${id}/index.html`), id).not.toContain('related-heading');
      }
    });
  });

  describe('repeat incidents', () => {
    test('a repeat says so near the top, links the earlier incident and lists its action items not done', async () => {
      const html = await site.read(`postmortems/${IDS.deploy}/index.html`);
      const notice = /<aside class="repeat-notice[^>]*>([\s\S]*?)<\/aside>/.exec(html)?.[1];
      expect(notice && textOf(notice)).toBe(
        'Second incident of this kind since June 2023. Earlier: Checkout latency after a pool change on 1 June 2023 ' +
          'Their action items not done: Alert on pool saturation (open, Platform team) from Checkout latency after a pool change',
      );
      expect(notice).toContain(`href="/postmortems/${IDS.latency}/"`);
      expect(html.indexOf('repeat-notice')).toBeLessThan(html.indexOf('postmortem-body'));
    });

    test('an incident that repeats nothing has no notice', async () => {
      for (const id of [IDS.latency, IDS.payments, IDS.cdn]) {
        expect(await site.read(`postmortems/${id}/index.html`), id).not.toContain('<aside class="repeat-notice');
      }
    });

    test('/stats/ gives the share repeating per quarter and per service, and the chains, linked', async () => {
      const html = await site.read('stats/index.html');
      expect(tableRows(html, 'Share of incidents repeating an earlier one, per quarter').slice(-2)).toEqual([
        ['2024-Q1 (0 of 2)', '0'],
        ['2024-Q2 (1 of 2)', '50'],
      ]);
      expect(tableRows(html, 'Share of incidents repeating an earlier one, per service').slice(1, 3)).toEqual([
        ['checkout (1 of 3)', '33'],
        ['payments-api (0 of 2)', '0'],
      ]);
      // Each chart has its own summary, of its own rows.
      expect(textOf(html)).toMatch(
        /Highest in 2024-Q2: 1 of 2 incidents \(50%\) repeated an earlier one of the year before; 1 of \d+ quarters had a repeat\./,
      );
      expect(textOf(html)).toMatch(
        /Highest in checkout: 1 of 3 incidents \(33%\) repeated an earlier one of the year before; 1 of \d+ services had a repeat\./,
      );
      const chains = /<ol class="repeat-chains[^>]*>([\s\S]*?)<\/ol>\s*<\/section>/.exec(html)?.[1] ?? '';
      expect(textOf(chains)).toBe(
        '2 incidents of one kind: Checkout latency after a pool change on 1 June 2023 Checkout errors after a deploy on 25 May 2024',
      );
      expect(chains).toContain(`href="/postmortems/${IDS.deploy}/"`);
    });
  });

  describe('service history', () => {
    test('gives totals, median downtime, the last incident and open action items', async () => {
      const html = await site.read('services/checkout/index.html');
      // 60 + 240 + 20 minutes; the median is 60.
      expect(section(html, 'history-heading')).toMatch(
        /Incidents 3 Total downtime 5 h 20 min Median downtime 1 h Last incident 25 May 2024 : Checkout errors after a deploy/,
      );
      expect(section(html, 'service-actions-heading')).toMatch(
        /Open action items \(2\) .* 2024-05-31 \(policy: 2023-06-28\) Overdue 1 day overdue Alert on pool saturation .* 2024-06-01 \(policy: 2024-02-12\) due today Add a circuit breaker .* 1 overdue item/,
      );
      expect(tableRows(html, 'Incidents affecting checkout per year').slice(1)).toEqual([
        ['2024', '2', '4 h 20 min'],
        ['2023', '1', '1 h'],
      ]);
      // Each mark links to its postmortem.
      expect(html.match(/<a href="\/postmortems\/[^"]+\/"><path class="strip-mark severity-sev\d"/g)).toHaveLength(3);
      expect(html).toContain('href="/services/checkout/rss.xml"');
    });
  });

  describe('/archive/', () => {
    test('groups by year and month in each incident’s zone, newest first', async () => {
      const text = textOf(await site.read('archive/index.html'));
      expect(text).toMatch(
        /2024 \(4 postmortems\) May 2024 25 May 2024 .* Checkout errors after a deploy .* CDN purge served stale banners March 2024 31 March 2024 .* DNS outage late on a Sunday January 2024 .* 2023 \(1 postmortem\) June 2023 1 June 2023 .* 2022 \(1 postmortem\) June 2022/,
      );
      expect(text).not.toContain('April 2024');
    });
  });

  describe('home page', () => {
    test('opens with the last 90 days by severity, open and overdue action items, and links onwards', async () => {
      const html = await site.read('index.html');
      expect(section(html, 'overview-heading')).toContain(
        'Overview as of 2024-06-01 Last 90 days 3 incidents: SEV2 Major 1 SEV3 Moderate 1 SEV4 Minor 1 Action items 4 open action items , of which 3 overdue Statistics · Archive',
      );
      expect(html).toContain('href="/actions/"');
      expect(html).toContain('href="/stats/"');
    });

    test('remembers incidents of earlier years on the build date’s month and day, in their own zone', async () => {
      const text = section(await site.read('index.html'), 'on-this-day-heading');
      expect(text).toMatch(
        /On this day SEV2 Major 1 June 2023 .* Checkout latency after a pool change .* SEV3 Moderate 1 June 2022 .* Search index corruption/,
      );
      expect(text).not.toContain('2024');
    });
  });

  describe('feeds', () => {
    test('publish one feed per severity and per service beside the site feed', async () => {
      const sev2 = await site.read('severity/sev2/rss.xml');
      expect(sev2.match(/<item>/g)).toHaveLength(2);
      expect(sev2).toContain('[SEV2] DNS outage late on a Sunday');
      const checkout = await site.read('services/checkout/rss.xml');
      expect([...checkout.matchAll(/<item><title>([^<]+)<\/title>/g)].map((match) => match[1])).toEqual([
        '[SEV3] Checkout errors after a deploy',
        '[SEV1] Payments timeouts from a provider outage',
        '[SEV2] Checkout latency after a pool change',
      ]);
      expect(checkout).not.toContain('draft');
      expect(existsSync(join(site.outDir, 'severity/sev5/rss.xml'))).toBe(false);
      expect((await site.read('rss.xml')).match(/<item>/g)).toHaveLength(6);
    });
  });

  test('ships no client JavaScript and no inline styles on the insight pages', async () => {
    for (const path of [
      'index.html',
      'stats/index.html',
      'actions/index.html',
      'actions/owners/sre/index.html',
      'archive/index.html',
      'services/checkout/index.html',
      `postmortems/${IDS.deploy}/index.html`,
    ]) {
      const html = await site.read(path);
      // The theme choice's inline script (src/lib/theme-script.ts) is the only one.
      expect(html.match(/<script[^>]*>/g), path).toEqual(['<script>']);
      expect(html, path).not.toMatch(/\sstyle=/);
    }
  });

  describe('in Chromium, without JavaScript', () => {
    let server: StaticServer;
    let browser: Browser;
    beforeAll(async () => {
      server = await serveDirectory(site.outDir);
      browser = await launchChromium();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Opens `path`; page scripts stay off unless a test injects its own (axe). */
    async function open(
      path: string,
      width: number,
      {
        colorScheme = 'light',
        javaScriptEnabled = false,
      }: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean } = {},
    ): Promise<{ page: Page; errors: string[] }> {
      // A test that injects a script (axe) must step around the site's Content-Security-Policy, which rightly forbids it.
      const context = await browser.newContext({
        javaScriptEnabled,
        bypassCSP: javaScriptEnabled,
        viewport: { width, height: 800 },
        colorScheme,
      });
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${server.origin}${path}`);
      return { page, errors };
    }

    test('draws every chart on /stats/ within a 360 px screen, styled, with nothing spilling sideways', async () => {
      const { page, errors } = await open('/stats/', 360);
      const boxes = await page
        .locator('svg.chart-svg')
        .evaluateAll((svgs) =>
          svgs.map((svg) => svg.getBoundingClientRect()).map(({ width, height, right }) => ({ width, height, right })),
        );
      expect(boxes).toHaveLength(10);
      for (const box of boxes) {
        expect(box.width).toBeGreaterThan(300);
        expect(box.height).toBeGreaterThan(30);
        expect(box.right).toBeLessThanOrEqual(360);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      // Styles reach the SVG: the SEV1 median bar takes the configured SEV1 colour, lines are not filled black.
      expect(
        await page
          .locator('#chart-durations .severity-sev1 .range-median')
          .evaluate((rect) => getComputedStyle(rect).fill),
      ).toBe('rgb(164, 22, 26)');
      expect(
        await page
          .locator('#chart-response svg.chart-svg .series-detect .series-line')
          .evaluate((path) => getComputedStyle(path).fill),
      ).toBe('none');
      expect(errors).toEqual([]);
      await page.context().close();
    }, 60_000);

    test('leaves no serious accessibility violation on the insight pages, in light and dark', async () => {
      const visits = [
        ...['/stats/', '/actions/', '/archive/', '/services/checkout/', '/'].map((path) => ({
          path,
          colorScheme: 'light' as const,
        })),
        ...['/stats/', '/actions/'].map((path) => ({ path, colorScheme: 'dark' as const })),
      ];
      for (const { path, colorScheme } of visits) {
        // axe is a script of its own, so this context allows scripts; the pages bring none.
        const { page } = await open(path, 1000, { colorScheme, javaScriptEnabled: true });
        expect(await seriousViolations(page), `${path} (${colorScheme})`).toEqual([]);
        await page.context().close();
      }
    }, 120_000);
  });
});
