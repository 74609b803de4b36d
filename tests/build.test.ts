import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, projectRoot, type SiteBuild } from './build-site';

describe('astro build', () => {
  describe('of the fixture site', () => {
    let site: SiteBuild;
    beforeAll(async () => {
      site = await buildSite(join(projectRoot, 'tests/fixtures/site'));
      if (site.exitCode !== 0) throw new Error(`build failed:\n${site.output}`);
    }, 120_000);

    test('publishes a page per published postmortem and none for drafts', () => {
      expect(existsSync(join(site.outDir, 'postmortems/2024-03-14-checkout-timeouts/index.html'))).toBe(true);
      expect(existsSync(join(site.outDir, 'postmortems/2024-03-20-late-night-dns/index.html'))).toBe(true);
      expect(existsSync(join(site.outDir, 'postmortems/2024-04-01-draft-thing/index.html'))).toBe(false);
    });

    test('keeps drafts out of every list, feed and API', async () => {
      for (const path of [
        'index.html',
        'rss.xml',
        'api/postmortems.json',
        'sitemap-0.xml',
        'services/index.html',
        'severity/sev5/index.html',
      ]) {
        const text = await site.read(path).catch(() => '');
        expect(text, path).not.toContain('A draft that must not ship');
        expect(text, path).not.toContain('draft-thing');
      }
      expect(existsSync(join(site.outDir, 'services/search/index.html'))).toBe(false);
    });

    test('lists postmortems newest first on the home page with severity, duration and services', async () => {
      const html = await site.read('index.html');
      expect(html.indexOf('Late-night DNS failure')).toBeLessThan(html.indexOf('Checkout timeouts'));
      expect(html).toContain('2 postmortems');
      expect(html).toContain('Lasted 47 min');
      expect(html).toContain('Lasted 1 h 10 min');
      expect(html).toMatch(/SEV2<\/span><span class="label">Major/);
    });

    test('escapes markup in titles instead of rendering it', async () => {
      const html = await site.read('postmortems/2024-03-14-checkout-timeouts/index.html');
      expect(html).toContain('Checkout timeouts after &lt;b&gt;pool&lt;/b&gt; change');
      expect(html).not.toContain('<b>pool</b>');
    });

    test('shows times in the incident zone with its offset, and derived durations', async () => {
      const html = await site.read('postmortems/2024-03-14-checkout-timeouts/index.html');
      expect(html).toContain('2024-03-14 09:12\u201309:59 CET (UTC+01:00)');
      expect(html).toContain('2024-03-14 08:12\u201308:59 UTC');
      expect(html).toMatch(/Time to detect<\/dt>\s*<dd>8 min<\/dd>/);
      expect(html).toMatch(/Time to mitigate<\/dt>\s*<dd>29 min<\/dd>/);
      expect(html).toContain('30% of users');
    });

    test('renders the timeline with the date when it changes, the body, action items and links', async () => {
      const html = await site.read('postmortems/2024-03-20-late-night-dns/index.html');
      expect(html.match(/class="day"/g)).toHaveLength(2);
      expect(html).toContain('2024-03-21');
      // As copied, read aloud and quoted in search excerpts: time, kind and event apart.
      // Each row also says how long after the start it happened.
      const rows = [...html.matchAll(/<li class="entry kind-[^"]*">([\s\S]*?)<\/li>/g)].map((row) =>
        row[1]!
          .replace(/<[^>]+>/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      expect(rows).toEqual([
        '23:30 on 2024-03-20 +0 min note Resolver errors begin.',
        '23:45 +15 min detected Paged.',
        '00:20 on 2024-03-21 +50 min mitigated Resolver restarted.',
        '00:40 +1 h 10 min resolved All clear.',
      ]);
      expect(html).toContain('Root cause and resolution');
      const checkout = await site.read('postmortems/2024-03-14-checkout-timeouts/index.html');
      expect(checkout).toContain('Alert on pool saturation');
      expect(checkout).toContain('href="https://tracker.example/OPS-1" rel="noopener noreferrer">OPS-1</a>');
      expect(checkout).toContain('href="/postmortems/2024-03-20-late-night-dns/"');
      expect(checkout).toContain('Edit this postmortem');
      expect(checkout).toMatch(/rel="next">Newer: Late-night DNS failure/);
    });

    test('builds tag, severity and service indexes with counts and downtime', async () => {
      expect(await site.read('tags/index.html')).toMatch(
        /href="\/tags\/postgres\/">postgres<\/a> <span class="muted">\(1\)/,
      );
      expect(await site.read('tags/postgres/index.html')).toContain('Checkout timeouts');
      expect(await site.read('severity/sev4/index.html')).toContain('Late-night DNS failure');
      expect(await site.read('severity/sev4/index.html')).toMatch(
        /<link rel="alternate" type="application\/rss\+xml" title="RSS feed of SEV4 postmortems" href="\/severity\/sev4\/rss.xml">/,
      );
      expect(await site.read('severity/index.html')).toContain('href="/severity/sev2/">1 postmortem</a>');
      const services = await site.read('services/index.html');
      expect(services).toMatch(/>checkout<\/a><\/td><td>1<\/td><td>47 min</);
      expect(await site.read('services/dns/index.html')).toContain('total downtime of 1 h 10 min');
    });

    test('publishes the JSON API with resolved times and durations', async () => {
      const api = JSON.parse(await site.read('api/postmortems.json'));
      expect(api.generatedAt).toBe('2024-06-01T00:00:00.000Z');
      expect(api.count).toBe(2);
      const dns = api.postmortems.find((postmortem: { id: string }) => postmortem.id === '2024-03-20-late-night-dns');
      expect(dns).toMatchObject({
        durationMinutes: 70,
        timeToDetectMinutes: 15,
        timeToMitigateMinutes: 50,
        resolvedAt: '2024-03-21T00:40:00.000Z',
      });
      expect(dns.timeline[2]).toEqual({
        at: '2024-03-21T00:20:00.000Z',
        kind: 'mitigated',
        event: 'Resolver restarted.',
      });
    });

    test('publishes an RSS feed, a sitemap and a 404 page', async () => {
      const rss = await site.read('rss.xml');
      expect(rss.match(/<item>/g)).toHaveLength(2);
      expect(rss).toContain('[SEV2] Checkout timeouts');
      expect(await site.read('sitemap-0.xml')).toContain('/postmortems/2024-03-14-checkout-timeouts/');
      expect(await site.read('404.html')).toContain('Page not found');
    });

    test('ships no client JavaScript but the theme choice’s inline script', async () => {
      for (const path of ['index.html', 'postmortems/2024-03-14-checkout-timeouts/index.html', 'tags/index.html']) {
        expect((await site.read(path)).match(/<script[^>]*>/g), path).toEqual(['<script>']);
      }
    });
  });

  describe('of a larger corpus', () => {
    let site: SiteBuild;
    beforeAll(async () => {
      const dir = await mkdtemp(join(tmpdir(), 'postmortems-many-'));
      await Promise.all(
        Array.from({ length: 25 }, (_, index) => {
          const day = String(index + 1).padStart(2, '0');
          return writeFile(
            join(dir, `2024-05-${day}-incident-${day}.md`),
            `---\ntitle: Incident ${day}\nsummary: Something broke.\nseverity: SEV3\nstartedAt: "2024-05-${day}T10:00:00Z"\nresolvedAt: "2024-05-${day}T10:30:00Z"\nservices: [api]\ntags: [many]\nauthors: [A]\n---\n\nBody.\n`,
          );
        }),
      );
      site = await buildSite(dir);
      if (site.exitCode !== 0) throw new Error(`build failed:\n${site.output}`);
    }, 120_000);

    test('paginates lists 20 to a page', async () => {
      const first = await site.read('index.html');
      expect(first.match(/<li>\s*<ul class="meta">/g)).toHaveLength(20);
      expect(first).toContain('Page 1 of 2');
      expect(first).toContain('href="/page/2/"');
      const second = await site.read('page/2/index.html');
      expect(second).toContain('Incident 01');
      expect(second).not.toContain('Incident 25');
      expect(existsSync(join(site.outDir, 'tags/many/2/index.html'))).toBe(true);
      expect(await site.read('services/api/index.html')).toContain('total downtime of 12 h 30 min');
    });
  });

  describe('of an invalid postmortem', () => {
    test('fails, naming the file, the line, the field and what is expected', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'postmortems-bad-'));
      await writeFile(
        join(dir, '2024-03-14-bad.md'),
        `---\ntitle: Bad\nsummary: s\nseverity: SEV9\nstartedAt: "2024-03-14T09:00:00"\nresolvedAt: "2024-03-14T10:00:00Z"\nservices: [api]\nauthors: [A]\nrelated: [2020-01-01-missing]\n---\n\nBody.\n`,
      );
      const site = await buildSite(dir);
      expect(site.exitCode).not.toBe(0);
      expect(site.output).toMatch(
        /2024-03-14-bad\.md:4:1 {2}error {2}severity: `SEV9` is not a severity of this site; use one of SEV1, SEV2, SEV3, SEV4, SEV5/,
      );
      expect(site.output).toMatch(
        /2024-03-14-bad\.md:5:1 {2}error {2}startedAt: `2024-03-14T09:00:00` is not an ISO 8601 date-time with an offset/,
      );
      expect(site.output).not.toContain('Stack trace');
    }, 120_000);

    test('fails on a related id that does not exist', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'postmortems-related-'));
      await writeFile(
        join(dir, '2024-03-14-lonely.md'),
        `---\ntitle: Lonely\nsummary: s\nseverity: SEV3\nstartedAt: "2024-03-14T09:00:00Z"\nresolvedAt: "2024-03-14T10:00:00Z"\nservices: [api]\nauthors: [A]\nrelated:\n  - 2020-01-01-missing\n---\n\nBody.\n`,
      );
      const site = await buildSite(dir);
      expect(site.exitCode).not.toBe(0);
      expect(site.output).toMatch(
        /2024-03-14-lonely\.md:10:5 {2}error {2}related id `2020-01-01-missing` matches no postmortem/,
      );
    }, 120_000);
  });
});
