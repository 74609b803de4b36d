/**
 * Renders ```mermaid fences as diagrams after the build, as GitHub does in the
 * pull request: inline SVG drawn by a headless Chromium when the build machine
 * has one, so pages stay free of client JavaScript; otherwise mermaid is copied
 * next to the site and loaded by the pages that have a diagram, and only by them.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { glob } from 'tinyglobby';
import { displayPath, resolveContentDir } from '../lib/content-folder';
import {
  clientDiagram,
  diagramSize,
  findMermaidSources,
  mermaidFenceLines,
  renderedDiagram,
  replaceMermaidBlocks,
  standaloneSvg,
} from '../lib/diagram-markup';
import { formatProblem, type Problem } from '../lib/errors';
import { readFiles } from '../lib/read-files';

const require = createRequire(import.meta.url);

/** Where to look for a browser: `POSTMORTEMS_CHROMIUM` (a path, or `none` to render in the reader's browser), else the usual places. */
function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const configured = env['POSTMORTEMS_CHROMIUM'];
  if (configured === 'none') return undefined;
  return [configured, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
    (path) => path && existsSync(path),
  );
}

/** How Chromium is started, here and by the browser tests: no sandbox (CI runs as root), nothing that reaches outside this machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Draws every diagram in one browser session; resolves to SVG markup per source, or why it could not be drawn. */
async function renderWithChromium(
  executablePath: string,
  sources: string[],
): Promise<({ svg: string } | { error: string })[]> {
  // Loaded only when a page has a diagram, since loading playwright costs every build half a second;
  // through require, because a dynamic import() here would go to Vite's module runner, closed by now.
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    return await page.evaluate(async (diagrams) => {
      const mermaid = (
        globalThis as unknown as {
          mermaid: { initialize(config: object): void; render(id: string, text: string): Promise<{ svg: string }> };
        }
      ).mermaid;
      // Deterministic ids keep two builds of the same content byte-identical.
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', deterministicIds: true });
      const drawn: ({ svg: string } | { error: string })[] = [];
      for (const [index, text] of diagrams.entries()) {
        try {
          drawn.push({ svg: (await mermaid.render(`diagram-${index}`, text)).svg });
        } catch (error) {
          drawn.push({ error: (error as Error).message.split('\n')[0] ?? 'unknown error' });
        }
      }
      return drawn;
    }, sources);
  } finally {
    await browser.close();
  }
}

/**
 * Stops the build when a diagram could not be drawn, naming the postmortem file
 * and the line of its ```mermaid fence, as every other content error does.
 */
async function failOnDiagrams(
  pages: readonly { path: string; sources: string[] }[],
  results: readonly ({ svg: string } | { error: string })[],
  { outDir, root }: { outDir: string; root: string },
): Promise<void> {
  const problems: Problem[] = [];
  const contentDir = resolveContentDir(root);
  let next = 0;
  for (const page of pages) {
    const failures = page.sources
      .map(() => results[next++]!)
      .flatMap((result, index) => ('error' in result ? [{ index, error: result.error }] : []));
    if (failures.length === 0) continue;
    const id = /^postmortems\/(.+)\/index\.html$/.exec(relative(outDir, page.path).replaceAll('\\', '/'))?.[1];
    const file = id && [`${id}.mdx`, `${id}.md`].map((name) => join(contentDir, name)).find((path) => existsSync(path));
    const lines = file ? mermaidFenceLines(await readFile(file, 'utf8'), file.endsWith('.mdx')) : [];
    for (const { index, error } of failures) {
      problems.push({
        file: file ? displayPath(root, file) : relative(outDir, page.path),
        line: lines[index] ?? 1,
        column: 1,
        severity: 'error',
        message: `this mermaid diagram cannot be drawn: ${error}; check its syntax at https://mermaid.live or in the pull request's preview`,
        rule: 'diagram',
      });
    }
  }
  if (problems.length === 0) return;
  const error = new AstroError(problems.map(formatProblem).join('\n'), 'Fix each diagram at the line shown.');
  // The problem is in a postmortem, not in the build: a stack trace would only distract.
  error.stack = '';
  throw error;
}

/** The script that draws `<pre class="mermaid">` blocks in the reader's browser. */
const CLIENT_SCRIPT = `mermaid.initialize({ startOnLoad: true, securityLevel: 'strict', theme: 'neutral' });\n`;

export default function diagrams(): AstroIntegration {
  let base = '/';
  let root = process.cwd();
  return {
    name: 'postmortems:diagrams',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // Sorted: diagrams are numbered in this order, and a directory's listing order is the file system's choice.
        const pages = (await glob('**/*.html', { cwd: outDir })).sort();
        const withDiagrams: { path: string; html: string; sources: string[] }[] = [];
        for await (const { path, text: html } of readFiles(outDir, pages)) {
          const sources = findMermaidSources(html);
          if (sources.length > 0) withDiagrams.push({ path, html, sources });
        }
        if (withDiagrams.length === 0) return;

        const browserPath = findChromium();
        if (browserPath) {
          const all = withDiagrams.flatMap((page) => page.sources);
          const results = await renderWithChromium(browserPath, all);
          await failOnDiagrams(withDiagrams, results, { outDir, root });
          // Each diagram is a file of its own (linked at full size from the page), numbered in page order.
          const files = join(outDir, '_diagrams');
          await mkdir(files, { recursive: true });
          let next = 0;
          for (const page of withDiagrams) {
            const pending: Promise<void>[] = [];
            const html = replaceMermaidBlocks(page.html, (source, index) => {
              const result = results[next]!;
              const svg = standaloneSvg('svg' in result ? result.svg : '');
              const name = `diagram-${next++}.svg`;
              pending.push(writeFile(join(files, name), svg));
              return renderedDiagram({ href: `${base}_diagrams/${name}`, ...diagramSize(svg) }, source, index);
            });
            await Promise.all(pending);
            await writeFile(page.path, html);
          }
          logger.info(`Drew ${all.length} diagram(s) as SVG files with ${browserPath}.`);
          return;
        }

        const assets = join(outDir, '_diagrams');
        await mkdir(assets, { recursive: true });
        await copyFile(require.resolve('mermaid/dist/mermaid.min.js'), join(assets, 'mermaid.min.js'));
        await writeFile(join(assets, 'draw.js'), CLIENT_SCRIPT);
        const scripts = `<script src="${base}_diagrams/mermaid.min.js" defer></script><script src="${base}_diagrams/draw.js" defer></script>`;
        for (const page of withDiagrams) {
          await writeFile(
            page.path,
            replaceMermaidBlocks(page.html, clientDiagram).replace('</head>', `${scripts}</head>`),
          );
        }
        logger.warn(
          `No Chromium found: ${withDiagrams.length} page(s) draw their diagrams in the browser. Install chromium or set POSTMORTEMS_CHROMIUM to render them at build time.`,
        );
      },
    },
  };
}
