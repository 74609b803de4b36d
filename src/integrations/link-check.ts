/**
 * Fails the build when a page links to a file the build did not produce, naming
 * the page and the link: a renamed postmortem or a mistyped image path never ships.
 * Runs last, after every integration that writes files.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { glob } from 'tinyglobby';
import { findDanglingLinks } from '../lib/links';

export default function linkCheck(): AstroIntegration {
  let base = '/';
  return {
    name: 'postmortems:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = new Map<string, string>();
        for (const page of await glob('**/*.html', { cwd: outDir })) pages.set(page, await readFile(join(outDir, page), 'utf8'));
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
