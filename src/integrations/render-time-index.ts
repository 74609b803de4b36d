/**
 * Hands each postmortem page to Pagefind the moment Astro renders it, so that
 * Pagefind (a process of its own) indexes on the core the build leaves idle
 * while pages render, instead of reading every page after the last one is
 * written. Astro's `setPrerenderer` hook lets an integration wrap the
 * prerenderer that renders every page
 * (https://docs.astro.build/en/reference/integrations-reference/#setprerenderer).
 * Pages Astro restores from its incremental-build cache are never rendered;
 * the search index adds them from disk when the build is done.
 */
import type { AstroPrerenderer } from 'astro';
import type * as pagefind from 'pagefind';

/** An open Pagefind index. */
export type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** The folder, under the output folder, of the pages that enter the index. */
const INDEXED_FOLDER = 'postmortems/';

/**
 * The output file of the page at `pathname` (`/base/postmortems/a/` gives
 * `postmortems/a/index.html`), or `undefined` for a page outside the index.
 */
export function indexedFileOf(pathname: string, base: string): string | undefined {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(prefix)) return undefined;
  const file = decodeURI(pathname.slice(prefix.length));
  if (!file.startsWith(INDEXED_FOLDER)) return undefined;
  return file.endsWith('/') ? `${file}index.html` : file.endsWith('.html') ? file : `${file}/index.html`;
}

/** The URL Pagefind gives a page it reads from `file` with `addDirectory`: `postmortems/a/index.html` gives `/postmortems/a/`. */
export function pageUrlOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Whether a rendered page may be indexed as rendered. A page with a ```mermaid
 * fence is rewritten after the build (the diagrams integration), so it is
 * indexed from disk, as the reader gets it.
 */
export function indexableAsRendered(html: string): boolean {
  return !html.includes('language-mermaid');
}

/**
 * Pages handed to Pagefind and not yet read by it, beyond which rendering waits. Pagefind reads a page more slowly
 * than Astro renders one; unchecked, the pages waiting for it would pile up in the build's memory.
 */
const MAX_PAGES_IN_FLIGHT = 32;

/** Pages handed to Pagefind while the build renders them. */
export class RenderTimeFeed {
  /** Output files already handed to the index. */
  readonly fed = new Set<string>();
  private readonly pending: Promise<string[]>[] = [];
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    /** The index the pages go to; created when the build starts. */
    readonly index: Promise<PagefindIndex>,
    private readonly base: string,
    private readonly maxInFlight = MAX_PAGES_IN_FLIGHT,
  ) {}

  /**
   * Hands `html`, rendered at `pathname`, to the index when it belongs there. Resolves at once, or, when
   * `maxInFlight` pages are already waiting for Pagefind, once it has read one of them.
   */
  async add(pathname: string, html: string): Promise<void> {
    const file = indexedFileOf(pathname, this.base);
    if (file === undefined || this.fed.has(file) || !indexableAsRendered(html)) return;
    this.fed.add(file);
    this.inFlight++;
    const added = this.index
      .then(async (index) => (await index.addHTMLFile({ url: pageUrlOf(file), content: html })).errors)
      .finally(() => {
        this.inFlight--;
        this.waiting.shift()?.();
      });
    added.catch(() => {}); // Reported by settled().
    this.pending.push(added);
    if (this.inFlight > this.maxInFlight) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Resolves once Pagefind has read every page handed to it, to the errors it reported. */
  async settled(): Promise<string[]> {
    return (await Promise.all(this.pending)).flat();
  }

  /** Astro's prerenderer, handing every page it renders to `add` on the way. */
  wrap(prerenderer: AstroPrerenderer): AstroPrerenderer {
    return {
      name: `${prerenderer.name}+search-index`,
      setup: () => prerenderer.setup?.() ?? Promise.resolve(),
      getStaticPaths: () => prerenderer.getStaticPaths(),
      render: async (request, options) => {
        const result = await prerenderer.render(request, options);
        const response = result instanceof Response ? result : result.response;
        if (response.ok) await this.add(new URL(request.url).pathname, await response.clone().text());
        return result;
      },
      ...(prerenderer.collectStaticImages ? { collectStaticImages: () => prerenderer.collectStaticImages!() } : {}),
      teardown: () => prerenderer.teardown?.() ?? Promise.resolve(),
    };
  }
}
