import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroPrerenderer } from 'astro';
import * as pagefind from 'pagefind';
import { describe, expect, test } from 'vitest';
import { indexableAsRendered, indexedFileOf, pageUrlOf, RenderTimeFeed, type PagefindIndex } from './render-time-index';
import { buildSearchIndex } from './search-index';

describe('indexedFileOf', () => {
  test('maps a postmortem page to its output file, under the site base too', () => {
    expect(indexedFileOf('/postmortems/2024-03-14-a/', '/')).toBe('postmortems/2024-03-14-a/index.html');
    expect(indexedFileOf('/docs/postmortems/a%20b/', '/docs/')).toBe('postmortems/a b/index.html');
    expect(indexedFileOf('/docs/postmortems/a/', '/docs')).toBe('postmortems/a/index.html');
  });

  test('leaves out every page outside postmortems/', () => {
    expect(indexedFileOf('/tags/dns/', '/')).toBeUndefined();
    expect(indexedFileOf('/', '/')).toBeUndefined();
    expect(indexedFileOf('/postmortems/a/', '/docs/')).toBeUndefined();
  });
});

describe('pageUrlOf', () => {
  test('gives the URL Pagefind gives the file when it reads a folder', () => {
    expect(pageUrlOf('postmortems/a/index.html')).toBe('/postmortems/a/');
    expect(pageUrlOf('postmortems/a.html')).toBe('/postmortems/a.html');
  });
});

describe('indexableAsRendered', () => {
  test('holds back a page with a diagram, which is rewritten after rendering', () => {
    expect(indexableAsRendered('<pre><code class="language-mermaid">graph TD</code></pre>')).toBe(false);
    expect(indexableAsRendered('<p>No diagram</p>')).toBe(true);
  });
});

const page = (title: string, service: string, text: string) =>
  `<!doctype html><html lang="en"><body><nav>Menu</nav><article data-pagefind-body><h1>${title}</h1>` +
  `<span data-pagefind-filter="service">${service}</span><p>${text}</p></article></body></html>`;

const PAGES: Record<string, string> = {
  'postmortems/2024-03-14-pool/index.html': page('Pool exhausted', 'payments-api', 'Connections ran out.'),
  'postmortems/2024-03-20-dns/index.html': page('DNS failed', 'edge', 'Resolvers timed out after a change.'),
  'postmortems/2024-04-02-cert/index.html': page('Certificate expired', 'edge', 'x509: certificate has expired.'),
  'postmortems/2024-05-01-diagram/index.html': page(
    'Queue backlog',
    'payments-api',
    'Workers fell behind. <code class="language-mermaid">graph</code>',
  ),
  'index.html': '<!doctype html><html lang="en"><body><h1>Home</h1></body></html>',
};

async function writeSite(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'postmortems-render-index-'));
  for (const [file, html] of Object.entries(PAGES)) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), html);
  }
  return root;
}

/**
 * What a search can find in a Pagefind bundle: every page's fragment (its URL,
 * text, filters and metadata; files named by their content), the page count,
 * and how many filter and word-index chunks there are. The chunks themselves
 * number pages in the order they reached Pagefind, which is not the order of
 * the folder.
 */
async function searchable(root: string) {
  const names = async (folder: string) => (await readdir(join(root, 'pagefind', folder))).sort();
  const fragments: Record<string, string> = {};
  for (const name of await names('fragment'))
    fragments[name] = (await readFile(join(root, 'pagefind', 'fragment', name))).toString('base64');
  const entry = JSON.parse(await readFile(join(root, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return {
    fragments,
    pageCount: entry.languages['en']?.page_count,
    filterChunks: (await names('filter')).length,
    indexChunks: (await names('index')).length,
  };
}

/** A prerenderer that renders the site's pages from `PAGES`, as Astro's would. */
const fakePrerenderer: AstroPrerenderer = {
  name: 'fake',
  getStaticPaths: async () => [],
  render: async (request) =>
    new Response(PAGES[`${new URL(request.url).pathname.slice(1)}index.html`] ?? PAGES['index.html'], {
      headers: { 'content-type': 'text/html' },
    }),
};

describe('RenderTimeFeed', () => {
  test('indexes the same pages, text, filters and counts as reading the built site at the end', async () => {
    const fromDisk = await writeSite();
    await buildSearchIndex({ dir: pathToFileURL(`${fromDisk}/`), logger: { info() {} } });

    const asRendered = await writeSite();
    const feed = new RenderTimeFeed(
      pagefind.createIndex().then(({ index }) => index as PagefindIndex),
      '/',
    );
    const prerenderer = feed.wrap(fakePrerenderer);
    const routeData = {} as Parameters<AstroPrerenderer['render']>[1]['routeData'];
    // Two pages render during the build; one is restored from the cache; the diagram's page is held back.
    for (const path of [
      '/postmortems/2024-03-20-dns/',
      '/postmortems/2024-03-14-pool/',
      '/postmortems/2024-05-01-diagram/',
      '/',
    ])
      await prerenderer.render(new Request(`https://example.com${path}`), { routeData });
    expect([...feed.fed].sort()).toEqual([
      'postmortems/2024-03-14-pool/index.html',
      'postmortems/2024-03-20-dns/index.html',
    ]);
    const result = await buildSearchIndex({ dir: pathToFileURL(`${asRendered}/`), logger: { info() {} }, feed });

    expect(result.pageCount).toBe(4);
    expect(await searchable(asRendered)).toEqual(await searchable(fromDisk));
  }, 30_000);
});

describe('RenderTimeFeed back-pressure', () => {
  test('holds rendering back while the pages Pagefind has not read reach the limit, and lets it go as it reads them', async () => {
    const reads: (() => void)[] = [];
    const index = {
      addHTMLFile: () =>
        new Promise((resolve) =>
          reads.push(() => {
            resolve({ errors: [] });
          }),
        ),
    } as unknown as PagefindIndex;
    const feed = new RenderTimeFeed(Promise.resolve(index), '/', 2);
    const settledOf = (promise: Promise<void>) => {
      let settled = false;
      void promise.then(() => (settled = true));
      return () => settled;
    };
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

    const first = settledOf(feed.add('/postmortems/a/', '<p>a</p>'));
    const second = settledOf(feed.add('/postmortems/b/', '<p>b</p>'));
    const third = settledOf(feed.add('/postmortems/c/', '<p>c</p>'));
    await tick();
    expect([first(), second(), third()]).toEqual([true, true, false]);

    reads.shift()!();
    await tick();
    expect(third()).toBe(true);
    for (const read of reads) read();
    expect(await feed.settled()).toEqual([]);
  });
});
