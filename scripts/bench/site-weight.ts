/**
 * What a built site weighs for its readers: postmortem pages and their CSS
 * gzipped (as a host serves them), the search index on disk, and which pages
 * ship client JavaScript.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { glob } from 'tinyglobby';
import { UNUSED_BUNDLE_FILES } from '../../src/integrations/search-index';
import { attributeOf, readHtml } from '../../src/lib/raw-html';
import { median } from '../../src/lib/stats';
import { THEME_SCRIPT } from '../../src/lib/theme-script';

const gzipped = promisify(gzip);

/** Whether a file of Pagefind's bundle is one search downloads: not one of its prebuilt UIs (`UNUSED_BUNDLE_FILES`). */
export function isUsedPagefindFile(name: string): boolean {
  return !UNUSED_BUNDLE_FILES.includes(name);
}

/** Bytes of the files under `dir` whose names pass `keep`. */
export async function folderBytes(dir: string, keep: (name: string) => boolean = () => true): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && keep(entry.name)) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Size of `text` gzipped at the default level, in bytes. */
async function gzipBytes(text: string | Buffer): Promise<number> {
  return (await gzipped(text)).length;
}

/**
 * What weighing reads of a page: the stylesheets it links to, as paths in the site (`/_astro/x.css`), and its scripts
 * that run, apart from the theme script every page carries by design (under 1 kB, hashed in the CSP).
 */
export function readPageAssets(html: string): { stylesheets: string[]; scripts: number } {
  const stylesheets: string[] = [];
  let scripts = 0;
  let scriptText: string | undefined;
  readHtml(html, {
    startTag: (tag) => {
      const href = attributeOf(tag, 'href');
      if (tag.name === 'link' && href && attributeOf(tag, 'rel')?.split(/\s+/).includes('stylesheet'))
        stylesheets.push(href);
      // JSON data blocks do not run.
      if (tag.name === 'script' && !/^application\/(ld\+)?json$/i.test(attributeOf(tag, 'type') ?? '')) {
        if (attributeOf(tag, 'src') === undefined) scriptText = '';
        else scripts++;
      }
    },
    text: (text) => {
      if (scriptText !== undefined) scriptText += text;
    },
    endTag: (name) => {
      if (name !== 'script' || scriptText === undefined) return;
      if (scriptText !== THEME_SCRIPT) scripts++;
      scriptText = undefined;
    },
  });
  return { stylesheets, scripts };
}

/** What the postmortem pages and the rest of the site weigh. */
export interface SiteWeight {
  postmortemPages: number;
  /** Gzipped HTML of one postmortem page: median and largest. */
  pageGzipBytes: { median: number; max: number };
  /** Every stylesheet a postmortem page links to, gzipped and added up. */
  cssGzipBytes: number;
  /** Pagefind's index as the search page downloads it (the unused prebuilt UIs left out). */
  searchIndexBytes: number;
  /** Pages outside `/search/` with a `<script>`, relative to the output folder. */
  pagesWithScripts: string[];
}

/** Weighs the site built into `outDir`, served from `base` (`/` or `/sub/`). */
export async function weighSite(outDir: string, base = '/'): Promise<SiteWeight> {
  const pages = await glob('**/*.html', { cwd: outDir });
  const postmortemPages = pages.filter((page) => page.startsWith('postmortems/'));
  const pageSizes: number[] = [];
  const pagesWithScripts: string[] = [];
  const stylesheets = new Set<string>();
  for (const page of pages) {
    const html = await readFile(join(outDir, page), 'utf8');
    const assets = readPageAssets(html);
    if (page !== 'search/index.html' && assets.scripts > 0) pagesWithScripts.push(page);
    if (!page.startsWith('postmortems/')) continue;
    pageSizes.push(await gzipBytes(html));
    for (const href of assets.stylesheets) stylesheets.add(href);
  }
  let cssGzipBytes = 0;
  for (const href of stylesheets) {
    const path = posix.relative(base, new URL(href, 'https://site.invalid/').pathname);
    cssGzipBytes += await gzipBytes(await readFile(join(outDir, path)));
  }
  return {
    postmortemPages: postmortemPages.length,
    pageGzipBytes: { median: median(pageSizes) ?? 0, max: Math.max(0, ...pageSizes) },
    cssGzipBytes,
    searchIndexBytes: await folderBytes(join(outDir, 'pagefind'), isUsedPagefindFile).catch(() => 0),
    pagesWithScripts,
  };
}
