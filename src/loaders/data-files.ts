/**
 * An entry's digest covers the data files its `<MetricChart>`s draw, not only
 * its own text: a changed CSV validates the postmortem again (rule
 * `metric-chart`), stores the entry again and renders its page again (the
 * page's cache key holds the digest), though the postmortem itself did not change.
 *
 * Astro's glob loader asks for the digest of a file's text alone; the loader
 * hands it one (`withDataFileDigests`) that adds the digest of the data files,
 * read beforehand, to the text's own.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { mdxToMdast } from 'satteri';
import { splitFrontmatter } from '../lib/frontmatter';
import { resolveMetricSource } from '../lib/metric-data';
import { readFiles } from '../lib/read-files';

/** The `src` of every `<MetricChart>` in an MDX body; none when it does not parse (the build reports that). */
function chartSources(body: string): string[] {
  let tree: unknown;
  try {
    tree = mdxToMdast(body);
  } catch {
    return [];
  }
  const sources: string[] = [];
  const pending = [tree];
  while (pending.length > 0) {
    const node = pending.pop() as {
      name?: string;
      attributes?: { name?: string; value?: unknown }[];
      children?: unknown[];
    };
    if (node.name === 'MetricChart') {
      const src = node.attributes?.find((attribute) => attribute.name === 'src')?.value;
      if (typeof src === 'string') sources.push(src);
    }
    if (node.children) pending.push(...node.children);
  }
  return sources;
}

/**
 * For each MDX file of `files` (relative to `contentDir`) with a `<MetricChart>`, a digest of what
 * its charts read, keyed by the digest of the file's text: each data file's bytes, or why it cannot be read.
 */
async function dataFileDigests(
  { generateDigest }: Pick<LoaderContext, 'generateDigest'>,
  contentDir: string,
  files: readonly string[],
): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  const mdx = files.filter((file) => file.endsWith('.mdx'));
  for await (const { file, text } of readFiles(contentDir, mdx)) {
    if (!text.includes('<MetricChart')) continue;
    const postmortemPath = join(contentDir, file);
    const parts = await Promise.all(
      chartSources(splitFrontmatter(text).body).map(async (src) => {
        const source = resolveMetricSource(src, { postmortemPath, contentDir });
        return source.ok ? generateDigest(await readFile(source.path, 'utf8')) : source.problem;
      }),
    );
    const key = generateDigest(text);
    // Two files of the same text (in different folders) count the data of both.
    digests.set(key, generateDigest([digests.get(key) ?? '', ...parts].join('\0')));
  }
  return digests;
}

/**
 * `context` with a `generateDigest` that adds to the digest of a file's text the digest of the data
 * files its charts read (for the files of `files`, relative to `contentDir`, as they are now).
 */
export async function withDataFileDigests<Context extends Pick<LoaderContext, 'generateDigest'>>(
  context: Context,
  contentDir: string,
  files: readonly string[],
): Promise<Context> {
  const digests = await dataFileDigests(context, contentDir, files);
  return {
    ...context,
    generateDigest: (data) => {
      const digest = context.generateDigest(data);
      const extra = typeof data === 'string' ? digests.get(digest) : undefined;
      return extra === undefined ? digest : context.generateDigest(`${digest}\0${extra}`);
    },
  };
}
