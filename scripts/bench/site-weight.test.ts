import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { THEME_SCRIPT } from '../../src/lib/theme-script';
import { readPageAssets, weighSite } from './site-weight';

describe('readPageAssets', () => {
  test('finds the stylesheets a page links, whatever the attribute order or quoting', () => {
    expect(
      readPageAssets(
        '<link rel="stylesheet" href="/_astro/a.css"><link href=/severity.css rel=stylesheet><link rel="icon" href="/favicon.svg">',
      ).stylesheets,
    ).toEqual(['/_astro/a.css', '/severity.css']);
  });

  test('counts scripts that run, not JSON data blocks nor a script tag shown as text', () => {
    expect(
      readPageAssets(
        '<script type="module" src="/a.js"></script><script type="application/ld+json">{}</script><script>go("<script>")</script><p>&lt;script&gt;</p>',
      ).scripts,
    ).toBe(2);
  });

  test('leaves out the theme script every page carries by design, but not another inline script', () => {
    expect(readPageAssets(`<script>${THEME_SCRIPT}</script>`).scripts).toBe(0);
    expect(readPageAssets(`<script>${THEME_SCRIPT}</script><script>track()</script>`).scripts).toBe(1);
  });
});

describe('weighSite', () => {
  test('weighs postmortem pages and their CSS gzipped, and names pages with scripts outside /search/', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'postmortems-weigh-'));
    const page = (body: string) =>
      `<!doctype html><html><head><link rel="stylesheet" href="/site.css"></head><body>${body}</body></html>`;
    for (const [path, html] of Object.entries({
      'postmortems/a/index.html': page('<p>A</p>'),
      'postmortems/b/index.html': page(`<p>${'B'.repeat(500)}</p>`),
      'stats/index.html': page('<script>draw()</script>'),
      'search/index.html': page('<script type="module" src="/search.js"></script>'),
    })) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), html);
    }
    await writeFile(join(dir, 'site.css'), 'body { margin: 0 }');
    await mkdir(join(dir, 'pagefind'));
    await writeFile(join(dir, 'pagefind', 'pagefind.js'), 'x'.repeat(100));
    await writeFile(join(dir, 'pagefind', 'pagefind-ui.js'), 'x'.repeat(1000));

    const weight = await weighSite(dir);

    expect(weight.postmortemPages).toBe(2);
    expect(weight.pageGzipBytes.max).toBeGreaterThan(weight.pageGzipBytes.median);
    expect(weight.cssGzipBytes).toBeGreaterThan(0);
    expect(weight.searchIndexBytes).toBe(100);
    expect(weight.pagesWithScripts).toEqual(['stats/index.html']);
  });
});
