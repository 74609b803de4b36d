/**
 * Renders ```mermaid fences as diagrams after the build, as GitHub does in the
 * pull request: inline SVG drawn by a headless Chromium when the build machine
 * has one, so pages stay free of client JavaScript; otherwise mermaid is copied
 * next to the site and loaded by the pages that have a diagram, and only by them.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { glob } from 'tinyglobby';
import { allowInlineStyles, inlineStyles } from '../lib/csp';
import { clientDiagram, findMermaidSources, renderedDiagram, replaceMermaidBlocks } from '../lib/diagrams';
import { readFiles } from '../lib/read-files';

const require = createRequire(import.meta.url);

/** Where to look for a browser: `POSTMORTEMS_CHROMIUM` (a path, or `none` to render in the reader's browser), else the usual places. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const configured = env['POSTMORTEMS_CHROMIUM'];
  if (configured === 'none') return undefined;
  return [configured, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
    (path) => path && existsSync(path),
  );
}

/** Draws every diagram in one browser session; resolves to SVG markup per source. */
async function renderWithChromium(executablePath: string, sources: string[]): Promise<string[]> {
  // Loaded only when a page has a diagram, since loading playwright costs every build half a second;
  // through require, because a dynamic import() here would go to Vite's module runner, closed by now.
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
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
      const svgs: string[] = [];
      for (const [index, text] of diagrams.entries()) {
        try {
          svgs.push((await mermaid.render(`diagram-${index}`, text)).svg);
        } catch (error) {
          throw new Error(`diagram ${index + 1} ("${text.split('\n')[0]}"): ${(error as Error).message}`, {
            cause: error,
          });
        }
      }
      return svgs;
    }, sources);
  } finally {
    await browser.close();
  }
}

/** The script that draws `<pre class="mermaid">` blocks in the reader's browser. */
const CLIENT_SCRIPT = `mermaid.initialize({ startOnLoad: true, securityLevel: 'strict', theme: 'neutral' });\n`;

export default function diagrams(): AstroIntegration {
  let base = '/';
  return {
    name: 'postmortems:diagrams',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
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
          let svgs: string[];
          try {
            svgs = await renderWithChromium(browserPath, all);
          } catch (error) {
            throw new AstroError(
              `A mermaid diagram could not be drawn: ${(error as Error).message}`,
              'Check the diagram syntax at https://mermaid.js.org, or preview it in the pull request on GitHub.',
            );
          }
          let next = 0;
          for (const page of withDiagrams) {
            const drawn: string[] = [];
            const html = replaceMermaidBlocks(page.html, (source) => {
              drawn.push(svgs[next++]!);
              return renderedDiagram(drawn.at(-1)!, source);
            });
            // Mermaid styles its SVG inline; the page's policy allows exactly those styles, by hash.
            await writeFile(page.path, allowInlineStyles(html, inlineStyles(drawn.join(''))));
          }
          logger.info(`Drew ${all.length} diagram(s) as inline SVG with ${browserPath}.`);
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
