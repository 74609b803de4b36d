/**
 * What the published site promises beyond its content: a Content-Security-Policy
 * on every page that the pages actually satisfy in a browser, safe external links,
 * no dangling internal link, and byte-identical output from identical input.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { glob } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectErrors, launchChromium } from './browser';
import { buildSite, projectRoot, type SiteBuild } from './build-site';
import { serveDirectory, type StaticServer } from './static-server';

const fixture = join(projectRoot, 'tests/fixtures/publishing');

describe('the published site', () => {
  let site: SiteBuild;
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    site = await buildSite(fixture);
    if (site.exitCode !== 0) throw new Error(site.output);
    server = await serveDirectory(site.outDir);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('sends a Content-Security-Policy with every page, never unsafe-inline', async () => {
    const pages = await glob('**/*.html', { cwd: site.outDir });
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const html = await site.read(page);
      const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1];
      expect(policy, page).toMatch(/default-src 'self'/);
      expect(policy, page).toMatch(/object-src 'none'/);
      expect(policy, page).not.toContain('unsafe-inline');
    }
  });

  test.each(['/postmortems/2024-04-02-gateway-timeouts/', '/', '/search/?q=retry', '/stats/'])(
    '%s runs under its policy without a violation',
    async (path) => {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle', timeout: 30_000 });
      if (path.startsWith('/search/')) await page.waitForSelector('.search-results li', { timeout: 15_000 });
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  test('shows the diagram as an SVG file at its natural size, inside a frame that scrolls on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${server.origin}/postmortems/2024-04-02-gateway-timeouts/`);
    const image = page.locator('figure.diagram img');
    await image.scrollIntoViewIfNeeded();
    const size = await image.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return { natural: img.naturalWidth, shown: img.getBoundingClientRect().width };
    });
    expect(size.natural).toBeGreaterThan(0);
    expect(size.shown).toBeCloseTo(size.natural, 0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
  }, 15_000);

  test('gives links to other sites rel="noopener noreferrer", in bodies and tables alike', async () => {
    const html = await site.read('postmortems/2024-04-02-gateway-timeouts/index.html');
    expect(html).toContain(
      '<a href="https://grafana.example.com/d/retries" rel="noopener noreferrer">retry dashboard</a>',
    );
    expect(html).toMatch(/<a href="https:\/\/tracker\.example\.com\/OPS-7" rel="noopener noreferrer">OPS-7<\/a>/);
    expect(await site.read('postmortems/2024-04-09-search-index-lag/index.html')).toContain(
      '<a href="/postmortems/2024-04-02-gateway-timeouts/">the gateway incident</a>',
    );
  });
});

describe('a dangling internal link', () => {
  test('fails the build, naming the page and the link', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'postmortems-dangling-'));
    const source = await readFile(join(fixture, '2024-04-09-search-index-lag.md'), 'utf8');
    await writeFile(
      join(dir, '2024-04-09-search-index-lag.md'),
      source
        .replace('/postmortems/2024-04-02-gateway-timeouts/', '/postmortems/2024-04-01-renamed/')
        .replace('related: [2024-04-02-gateway-timeouts]\n', ''),
    );
    const site = await buildSite(dir);
    expect(site.exitCode).not.toBe(0);
    expect(site.output).toContain(
      '1 internal link(s) lead to no file:\n  postmortems/2024-04-09-search-index-lag/index.html: /postmortems/2024-04-01-renamed/',
    );
  }, 180_000);
});

describe('two builds of the same content and build date', () => {
  test('are byte-identical', async () => {
    const [first, second] = [await buildSite(fixture), await buildSite(fixture)];
    const digest = async (site: SiteBuild) => {
      const files = (await glob('**/*', { cwd: site.outDir, dot: true })).sort();
      return Object.fromEntries(
        await Promise.all(
          files.map(
            async (file) =>
              [
                file,
                createHash('sha256')
                  .update(await readFile(join(site.outDir, file)))
                  .digest('hex'),
              ] as const,
          ),
        ),
      );
    };
    const [a, b] = [await digest(first), await digest(second)];
    expect(Object.keys(a).length).toBeGreaterThan(20);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    expect(
      Object.entries(b)
        .filter(([file, hash]) => a[file] !== hash)
        .map(([file]) => file),
    ).toEqual([]);
  }, 300_000);
});
