/**
 * The last pass over the built pages, after every integration that writes files:
 * links to other sites get `rel="noopener noreferrer"`, and every internal link
 * must lead to a file — a dangling one fails the build, naming the page and the link.
 */
import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { glob } from 'tinyglobby';
import { danglingLinks, readPage, type DanglingLink } from '../lib/links';
import { readFiles } from '../lib/read-files';

/** The integration; list it after every integration that writes pages, so it checks the links of all of them. */
export default function finishPages(): AstroIntegration {
  let base = '/';
  let siteOrigin = '';
  return {
    name: 'postmortems:finish-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        siteOrigin = config.site ? new URL(config.site).origin : '';
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // One listing answers every "does this file exist?" (a large site has half a million links).
        const files = new Set(await glob('**/*', { cwd: outDir }));
        const exists = (file: string) => files.has(file) || existsSync(join(outDir, file));
        const pages = [...files].filter((file) => file.endsWith('.html'));
        const dangling: DanglingLink[] = [];
        for await (const { file: page, text: html } of readFiles(outDir, pages)) {
          const { html: secured, internalLinks } = readPage(html, siteOrigin);
          // Renamed into place: the search index may be reading the page meanwhile (see pages-written.ts).
          if (secured !== html) {
            const temporary = join(outDir, `${page}.${process.pid}.tmp`);
            await writeFile(temporary, secured);
            await rename(temporary, join(outDir, page));
          }
          dangling.push(...danglingLinks(page, internalLinks, base, exists));
        }
        if (dangling.length > 0) {
          const list = dangling.map(({ page, link }) => `  ${page}: ${link}`).join('\n');
          const error = new AstroError(
            `${dangling.length} internal link(s) lead to no file:\n${list}`,
            'Fix the link in the postmortem or page that holds it, or restore the file it points to.',
          );
          error.stack = '';
          throw error;
        }
        logger.info(`All internal links of ${pages.length} pages resolve.`);
      },
    },
  };
}
