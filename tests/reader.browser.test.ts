/**
 * The reader's site end to end: the sample postmortems built once, served from
 * disk, and read in Chromium at a phone's and a desk's width, in light and dark,
 * on screen and on paper; every built page checked with html-validate.
 */
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { glob } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allViolations, collectErrors, launchChromium } from './browser';
import { buildSite, projectRoot, type SiteBuild } from './build-site';
import { serveDirectory, type StaticServer } from './static-server';

const CDN = '/postmortems/2026-10-05-cdn-purge-stale-promo-banner/';
/** The sample postmortem with a `<MetricChart>` and a `<Callout>`. */
const CACHE = '/postmortems/2024-12-02-catalog-cache-stampede-after-deploy/';

/** One page of each kind the site builds. */
const PAGES = [
  '/',
  CDN,
  CACHE,
  '/severity/',
  '/severity/sev1/',
  '/services/',
  '/services/cdn/',
  '/tags/',
  '/tags/cdn/',
  '/stats/',
  '/actions/',
  '/actions/owners/qa-automation/',
  '/archive/',
  '/search/?q=purge',
  '/no-such-page/',
];

const VIEWS = [375, 1280].flatMap((width) =>
  (['light', 'dark'] as const).map((colorScheme) => ({ width, colorScheme })),
);

describe('the reader’s site in a real browser', () => {
  let site: SiteBuild;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    // A date after the CDN postmortem's due dates: two of its action items are overdue.
    site = await buildSite(join(projectRoot, 'postmortems'), { POSTMORTEMS_BUILD_DATE: '2026-11-29T00:00:00Z' });
    if (site.exitCode !== 0) throw new Error(`build failed:\n${site.output}`);
    server = await serveDirectory(site.outDir);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    // Either may be missing when the build failed: close what was opened.
    await Promise.allSettled([browser, server].map(async (opened) => opened.close()));
  });

  /** Opens `path` in a fresh page of `view`, runs `check`, and closes it; console errors fail the test. */
  async function inPage(path: string, view: (typeof VIEWS)[number], check: (page: Page) => Promise<void>) {
    const context = await browser.newContext({
      viewport: { width: view.width, height: 900 },
      colorScheme: view.colorScheme,
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    try {
      await page.goto(`${server.origin}${path}`);
      await check(page);
    } finally {
      await context.close();
    }
    expect(errors, `console errors on ${path}`).toEqual([]);
  }

  test.each(VIEWS)(
    'every kind of page has no accessibility violation of any impact and no sideways scroll at $width px, $colorScheme',
    async (view) => {
      const context = await browser.newContext({
        viewport: { width: view.width, height: 900 },
        colorScheme: view.colorScheme,
      });
      const page = await context.newPage();
      const errors = collectErrors(page);
      const found: Record<string, unknown> = {};
      try {
        for (const path of PAGES) {
          await page.goto(`${server.origin}${path}`);
          if (path.startsWith('/search/')) await page.waitForSelector('[data-results][aria-busy="false"]');
          const violations = await allViolations(page);
          if (violations.length > 0) found[path] = violations;
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) found[`${path} overflow`] = `${overflow} px wider than the window`;
        }
      } finally {
        await context.close();
      }
      expect(found).toEqual({});
      // The missing page answers 404, as it should; nothing else may fail.
      expect(errors.filter((error) => !error.includes('/no-such-page/'))).toEqual([]);
    },
    120_000,
  );

  test('every built page is valid HTML by html-validate’s recommended rules', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      // A postmortem's title is its author's summary of what happened; cut to 70 characters it would say less.
      rules: { 'long-title': 'off' },
    });
    const pages = await glob('**/*.html', { cwd: site.outDir, ignore: ['pagefind/**'] });
    const errors: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(await site.read(file), file);
      for (const result of report.results)
        for (const message of result.messages)
          errors.push(`${file}:${message.line}: ${message.ruleId} ${message.message}`);
    }
    expect(pages.length).toBeGreaterThan(50);
    expect(errors).toEqual([]);
  }, 120_000);

  test('a postmortem shows its key facts and overdue action items in words near the top', async () => {
    await inPage(CDN, VIEWS[0]!, async (page) => {
      const facts = await page.locator('.key-facts').innerText();
      for (const fact of [
        'SEV5',
        'In review',
        '1 h 18 min',
        '4% of users',
        'Time to detect',
        '22 min',
        'Time to mitigate',
        '50 min',
      ])
        expect(facts).toContain(fact);
      expect(facts).toContain('3 action items: 2 overdue, 1 done');
      expect(await page.locator('.dateline').innerText()).toMatch(/IST \(UTC\+05:30\) · .*UTC$/);
      const overdue = page.locator('.action-card.state-overdue');
      expect(await overdue.count()).toBe(2);
      expect(await overdue.first().innerText()).toMatch(/Overdue[\s\S]*\d+ days overdue/);
      expect(await page.locator('.action-card a[href^="/actions/owners/"]').count()).toBe(3);
    });
  }, 30_000);

  test.each([
    { width: 375, height: 667 },
    { width: 390, height: 844 },
  ])(
    'on a $width×$height phone the first screen shows severity, duration, impact and the start of the summary',
    async (viewport) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      try {
        for (const path of [CDN, PAGES[2]!]) {
          await page.goto(`${server.origin}${path}`);
          const bottoms = await page.evaluate(() => {
            const factBottom = (label: string) =>
              [...document.querySelectorAll('.key-facts dt')]
                .find((term) => term.textContent.trim() === label)
                ?.nextElementSibling?.getBoundingClientRect().bottom;
            // The first line of the summary section's first paragraph, not the paragraph's last.
            const summary = document.querySelector('.section-summary p');
            const range = document.createRange();
            if (summary) range.selectNodeContents(summary);
            return {
              severity: factBottom('Severity'),
              duration: factBottom('Duration'),
              impact: factBottom('Impact'),
              summaryFirstLine: summary ? range.getClientRects()[0]?.bottom : undefined,
            };
          });
          for (const [what, bottom] of Object.entries(bottoms)) {
            expect(bottom, `${what} on ${path}`).toBeDefined();
            expect(bottom, `${what} on ${path}`).toBeLessThanOrEqual(viewport.height);
          }
        }
      } finally {
        await context.close();
      }
    },
    30_000,
  );

  test('a postmortem shows each fact once: its timeline and action items inside their own body sections', async () => {
    await inPage(CDN, VIEWS[3]!, async (page) => {
      expect(await page.locator('section:has(#timeline) .timeline .entry').count()).toBe(7);
      expect(await page.locator('section:has(#corrective-and-preventative-measures) .action-card').count()).toBe(3);
      expect(await page.locator('.contains-task-list').count()).toBe(0);
      expect(await page.locator('h2').allInnerTexts()).not.toContain('Incident timeline');
      expect(await page.locator('.toc-wide').isVisible()).toBe(true);
      expect(await page.locator('.anchor-link[href="#timeline"]').count()).toBe(1);
      // The phase bar draws what the key facts say in words, without saying it again.
      const header = await page.locator('.postmortem-header').innerText();
      for (const minutes of ['1 h 18 min', '22 min', '50 min']) expect(header.split(minutes)).toHaveLength(2);
      expect(await page.locator('.breadcrumbs').innerText()).not.toContain('Expired promotion banner');
    });
  }, 30_000);

  test('on a phone every chart’s text on /stats/ is at least 11 px and inside its chart, and severity rows link to their incidents', async () => {
    await inPage('/stats/', VIEWS[0]!, async (page) => {
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll<SVGSVGElement>('svg.chart-svg')].map((svg) => {
          const box = svg.viewBox.baseVal;
          const scale = svg.getBoundingClientRect().width / box.width;
          const texts = [...svg.querySelectorAll('text')];
          return {
            id: svg.closest('figure')?.id,
            smallest: Math.min(...texts.map((text) => parseFloat(getComputedStyle(text).fontSize) * scale)),
            outside: texts
              .filter((text) => {
                const { x, width } = text.getBBox();
                return x < box.x - 0.5 || x + width > box.x + box.width + 0.5;
              })
              .map((text) => text.textContent),
          };
        }),
      );
      expect(charts.length).toBeGreaterThan(5);
      for (const chart of charts) {
        expect(chart.smallest, chart.id).toBeGreaterThanOrEqual(11);
        expect(chart.outside, chart.id).toEqual([]);
      }
      expect(await page.locator('#chart-durations svg a[href="/severity/sev2/"]').count()).toBe(1);
    });
  }, 30_000);

  test.each([VIEWS[0]!, VIEWS[1]!])(
    'a metric chart is an image with a title and a summary, axe-clean, legible and inside the page at $width px, $colorScheme',
    async (view) => {
      await inPage(CACHE, view, async (page) => {
        const chart = page.locator('figure.chart:has(.metric-line)');
        expect(await chart.locator('svg[role="img"] > title').textContent()).toBe(
          'Search latency in Tokyo, median and 99th percentile',
        );
        expect(await chart.locator('.chart-summary').innerText()).toMatch(/p99_ms peaked at 4,946 ms at 11:52/);
        expect(await chart.locator('.metric-marker text').allTextContents()).toEqual([
          'Detected 11:34',
          'Mitigated 11:58',
          'Resolved 12:26',
        ]);
        const axe = await allViolations(page);
        expect(axe.filter((violation) => violation.elements.some((element) => element.includes('chart')))).toEqual([]);
        // Drawn in the theme's colours: the lines and labels stand out from the page in light and in dark.
        const colours = await chart.evaluate((figure) => ({
          line: getComputedStyle(figure.querySelector('.metric-series-1')!).stroke,
          label: getComputedStyle(figure.querySelector('.metric-marker text')!).fill,
          page: getComputedStyle(document.body).backgroundColor,
          smallest: Math.min(
            ...[...figure.querySelectorAll('svg.chart-svg text')].map((text) => {
              const svg = text.closest('svg')!;
              return (
                (parseFloat(getComputedStyle(text).fontSize) * svg.getBoundingClientRect().width) /
                svg.viewBox.baseVal.width
              );
            }),
          ),
        }));
        expect(colours.line).not.toBe(colours.page);
        expect(colours.label).not.toBe(colours.page);
        expect(colours.smallest).toBeGreaterThanOrEqual(11);
        expect((await chart.boundingBox())!.width).toBeLessThanOrEqual(view.width);
        // The numbers are one click away.
        expect(await chart.locator('table').isVisible()).toBe(false);
        await chart.locator('summary').click();
        expect(await chart.locator('table tbody tr').count()).toBe(106);
        expect(await page.locator('.callout-lesson .callout-label').innerText()).toMatch(/lesson/i);
      });
    },
    30_000,
  );

  test('the theme choice applies at once and stays on the next page, run by the one script the CSP allows', async () => {
    await inPage(CDN, VIEWS[0]!, async (page) => {
      await page.selectOption('#theme-select', 'dark');
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
      await page.goto(`${server.origin}/`);
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
      expect(await page.locator('#theme-select').inputValue()).toBe('dark');
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 23, 26)');
    });
  }, 30_000);

  test('the navigation marks the current section on every page, and group pages have breadcrumbs', async () => {
    const service = await site.read('services/cdn/index.html');
    expect(service).toMatch(/<a href="\/services\/" aria-current="true">/);
    expect(service).toMatch(/<nav class="breadcrumbs" aria-label="Breadcrumb">[\s\S]*>Services<\/a>/);
    expect(await site.read(`${CDN.slice(1)}index.html`)).toMatch(/<a href="\/" aria-current="true">/);
  });

  test('a postmortem prints on at most three A4 pages, without navigation or search', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}${CDN}`);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.locator('.neighbours').isVisible()).toBe(false);
      const pdf = await page.pdf({ format: 'A4' });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBeGreaterThan(0);
      expect(pages.length).toBeLessThanOrEqual(3);
    } finally {
      await page.close();
    }
  }, 30_000);
});
