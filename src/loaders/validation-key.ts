/**
 * The key an entry of the content store was validated and rendered under: when
 * it changes, every file is validated and rendered again; while it holds, only
 * the files that changed are.
 */
import { readFile } from 'node:fs/promises';
import { findPackageJSON } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { localModules } from '../lib/module-graph';

/** The packages whose version changes the HTML of plain MDX bodies (see `src/lib/plain-mdx.ts`). */
const RENDERING_PACKAGES = ['satteri', '@astrojs/markdown-satteri'];

/**
 * The modules whose code decides what an entry is: the loader and everything it
 * imports (validation, lint rules, schemas, plain MDX rendering), the worker it
 * starts, and the content config with the site config it passes in. Nothing else:
 * a change to a chart or the search client does not validate every file again.
 */
export function validationModules(): Promise<string[]> {
  return localModules([
    fileURLToPath(new URL('./postmortems.ts', import.meta.url)),
    fileURLToPath(new URL('../lib/content-folder-worker.ts', import.meta.url)),
    fileURLToPath(new URL('../content.config.ts', import.meta.url)),
  ]);
}

/**
 * A digest of everything an entry depends on besides its file's text: the
 * site's settings, the Markdown settings and compiler that render plain MDX,
 * and the source of the code that validates and renders it (`validationModules`).
 */
export async function validationKey(
  context: Pick<LoaderContext, 'config' | 'generateDigest'>,
  settings: object,
): Promise<string> {
  const sources = await validationModules();
  const texts = await Promise.all(sources.map((path) => readFile(path, 'utf8')));
  const packages = await Promise.all(
    RENDERING_PACKAGES.map(async (name) => {
      const manifest = findPackageJSON(name, import.meta.url);
      return manifest ? (JSON.parse(await readFile(manifest, 'utf8')) as { version?: string }).version : undefined;
    }),
  );
  const { processor, ...markdown } = context.config.markdown;
  return context.generateDigest({
    settings: JSON.stringify(settings),
    rendering: JSON.stringify({ markdown, processor: { name: processor.name, options: processor.options }, packages }),
    sources: texts.join('\0'),
  });
}
