/**
 * Step 3 of the loader: MDX files without JSX, expressions, imports or images
 * are rendered to HTML while content syncs (`src/lib/plain-mdx.ts`) and stored
 * like Markdown, so Vite has a module to bundle only for the MDX files that need one.
 */
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { plural } from '../lib/format';
import { splitFrontmatter } from '../lib/frontmatter';
import type { PlainMdxRenderer, RenderedBody } from '../lib/plain-mdx';
import { readFiles } from '../lib/read-files';

/**
 * Renders the plain MDX files among `relativePaths` (relative to `contentDir`)
 * and says how many it rendered and how many it left to Astro's compile; their
 * HTML by absolute path. Nothing when there is no `render` (the fast path is off).
 */
export async function renderPlainFiles(
  render: PlainMdxRenderer | undefined,
  contentDir: string,
  relativePaths: readonly string[],
  logger: Pick<AstroIntegrationLogger, 'info'>,
): Promise<Map<string, RenderedBody>> {
  const rendered = new Map<string, RenderedBody>();
  if (!render) return rendered;
  const mdxFiles = relativePaths.filter((file) => file.endsWith('.mdx'));
  for await (const { path, text } of readFiles(contentDir, mdxFiles)) {
    const html = await render(splitFrontmatter(text).body, pathToFileURL(path));
    if (html) rendered.set(path, html);
  }
  const compiled = mdxFiles.length - rendered.size;
  if (mdxFiles.length > 0)
    logger.info(
      `Rendered ${plural(rendered.size, 'MDX postmortem')} to HTML while syncing` +
        (compiled > 0
          ? `; Astro compiles ${plural(compiled, 'other')}, with JSX, expressions, imports or images.`
          : '.'),
    );
  return rendered;
}
