/**
 * The last pass over the built pages, after every integration that writes files:
 * links to other sites get `rel="noopener noreferrer"`, and every internal link
 * must lead to a file — a dangling one fails the build, naming the page and the link.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { glob } from 'tinyglobby';
import { findDanglingLinks, secureExternalLinks } from '../lib/links';

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
        const pages = new Map<string, string>();
        for (const page of await glob('**/*.html', { cwd: outDir })) {
          const path = join(outDir, page);
          const html = await readFile(path, 'utf8');
          const secured = secureExternalLinks(html, siteOrigin);
          if (secured !== html) await writeFile(path, secured);
          pages.set(page, secured);
        }
        const dangling = findDanglingLinks(pages, base, (file) => existsSync(join(outDir, file)));
        if (dangling.length > 0) {
          const list = dangling.map(({ page, link }) => `  ${page}: ${link}`).join('\n');
          const error = new AstroError(`${dangling.length} internal link(s) lead to no file:\n${list}`, 'Fix the link in the postmortem or page that holds it, or restore the file it points to.');
          error.stack = '';
          throw error;
        }
        logger.info(`All internal links of ${pages.size} pages resolve.`);
      },
    },
  };
}
