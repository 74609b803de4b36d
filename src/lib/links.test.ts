import { describe, expect, test } from 'vitest';
import { danglingLinks, readPage, resolveLink } from './links';

const internalLinks = (html: string) => readPage(html, 'https://postmortems.example.com').internalLinks;
const secureExternalLinks = (html: string) => readPage(html, 'https://postmortems.example.com').html;

const files = new Set([
  'index.html',
  'tags/index.html',
  'tags/dns/index.html',
  'rss.xml',
  '_astro/site.css',
  'img/a.webp',
  'img/b.webp',
]);
const exists = (file: string) => files.has(file);

describe('internalLinks', () => {
  test('collects href, src and srcset inside the site, skipping anchors and other schemes', () => {
    const html = `<a href="/tags/">t</a><a href="#x">x</a><a href="https://example.com/">e</a><a href="mailto:a@b.c">m</a>
      <img src="/img/a.webp" srcset="/img/a.webp 1x, /img/b.webp 2x"><link href='/_astro/site.css'><a href="//cdn.example/x">c</a>`;
    expect(internalLinks(html)).toEqual(['/tags/', '/img/a.webp', '/img/a.webp', '/img/b.webp', '/_astro/site.css']);
  });

  test('ignores links shown as code, or written inside a script or a comment', () => {
    expect(internalLinks('<pre><code>&lt;a href="/nowhere/"&gt;</code></pre>')).toEqual([]);
    expect(internalLinks('<script>const a = \'<a href="/nowhere/">\';</script><!-- <a href="/old/"> -->')).toEqual([]);
  });

  test('reads links as a browser does: after a quoted >, unquoted, and with character references decoded', () => {
    const html = '<a title="a>b" href="/gone/">x</a><a href=/tags/?a=1&amp;b=2>y</a><img src="/img/&#97;.webp">';
    expect(internalLinks(html)).toEqual(['/gone/', '/tags/?a=1&b=2', '/img/a.webp']);
  });

  test('checks the links a page offers readers without JavaScript', () => {
    expect(internalLinks('<noscript><p>Browse by <a href="/severity/">severity</a></p></noscript>')).toEqual([
      '/severity/',
    ]);
  });
});

describe('resolveLink', () => {
  test('finds directories, files and relative links the way static hosts serve them', () => {
    expect(resolveLink('/tags/dns/', 'index.html', '/', exists)).toBe('tags/dns/index.html');
    expect(resolveLink('/tags/dns', 'index.html', '/', exists)).toBe('tags/dns/index.html');
    expect(resolveLink('/rss.xml?x=1#top', 'index.html', '/', exists)).toBe('rss.xml');
    expect(resolveLink('../dns/', 'tags/x/index.html', '/', exists)).toBe('tags/dns/index.html');
    expect(resolveLink('/', 'tags/index.html', '/', exists)).toBe('index.html');
  });

  test('honours the base path', () => {
    expect(resolveLink('/docs/tags/', 'index.html', '/docs/', exists)).toBe('tags/index.html');
    expect(resolveLink('/tags/', 'index.html', '/docs/', exists)).toBeUndefined();
  });
});

describe('danglingLinks', () => {
  test('names the page and the link for each dead internal link, once', () => {
    expect(
      danglingLinks('index.html', ['/tags/dns/', '/postmortems/renamed/', '/postmortems/renamed/'], '/', exists),
    ).toEqual([{ page: 'index.html', link: '/postmortems/renamed/' }]);
    expect(danglingLinks('tags/index.html', ['../img/missing.png', '../img/a.webp'], '', exists)).toEqual([
      { page: 'tags/index.html', link: '../img/missing.png' },
    ]);
  });
});

describe('readPage: external links', () => {
  test('adds noopener noreferrer to links to other sites, keeping other rel values', () => {
    const html =
      '<a href="https://grafana.example/d/1">a</a> <a href="https://x.example" rel="nofollow">b</a> <a href="/tags/">c</a> <a href="https://postmortems.example.com/x/">d</a>';
    expect(secureExternalLinks(html)).toBe(
      '<a href="https://grafana.example/d/1" rel="noopener noreferrer">a</a> <a href="https://x.example" rel="nofollow noopener noreferrer">b</a> <a href="/tags/">c</a> <a href="https://postmortems.example.com/x/">d</a>',
    );
  });

  test('leaves links that already have both alone', () => {
    const html = '<a href="https://x.example" rel="noopener noreferrer">b</a>';
    expect(secureExternalLinks(html)).toBe(html);
  });
});
