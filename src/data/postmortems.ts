/**
 * The build's data layer: the only module that queries the content collection.
 * The corpus is derived once per build and shared by every page.
 */
import { fileURLToPath } from 'node:url';
import { root } from 'astro:config/server';
import { getCollection, type CollectionEntry } from 'astro:content';
import { isInBuild, resolveAudience } from '../lib/audience';
import { buildCorpus, type Corpus, type CorpusItem } from '../lib/corpus';
import { duePolicyOf } from '../lib/due-dates';
import { splitFrontmatter } from '../lib/frontmatter';
import { buildInsights, type Insights } from '../lib/insights';
import { listPageKey, postmortemPageKey } from '../lib/page-keys';
import { createSitePaths } from '../lib/paths';
import { readFiles } from '../lib/read-files';
import { rootCauseSection } from '../lib/similarity-terms';
import { resolveBuildDate } from '../lib/time';
import siteConfig from '../site.config';

export type PostmortemEntry = CollectionEntry<'postmortems'>;
export type PostmortemItem = CorpusItem<PostmortemEntry>;

export { siteConfig };

/** Links to every route, honouring the site's base path. */
export const paths = createSitePaths(import.meta.env.BASE_URL);

/** Who this build is for: `POSTMORTEMS_AUDIENCE` (`internal`, the default, or `public`). */
export const audience = resolveAudience(process.env['POSTMORTEMS_AUDIENCE']);

let corpus: Promise<Corpus<PostmortemEntry>> | undefined;

/**
 * Every postmortem this build publishes for its audience, derived once and
 * memoised for the rest of the build. Every page, feed, index and statistic reads
 * from it, which is what keeps internal postmortems out of the public site.
 */
export function getCorpus(): Promise<Corpus<PostmortemEntry>> {
  // `astro dev` edits content while running, so only a production build memoises.
  if (corpus && !import.meta.env.DEV) return corpus;
  corpus = getCollection('postmortems', (entry) =>
    isInBuild(entry.data, { audience, includeDrafts: import.meta.env.DEV }),
  ).then(async (entries) => {
    const rootCauses = await readRootCauses(entries);
    return buildCorpus(entries, siteConfig.severities, {
      config: siteConfig.similarity,
      rootCauseOf: (entry) => rootCauses.get(entry.id) ?? '',
    });
  });
  return corpus;
}

/**
 * The root-cause section of each entry, by id, read from its file: the store
 * keeps no raw bodies (see the loader), and the similarity of incidents reads it.
 */
async function readRootCauses(entries: readonly PostmortemEntry[]): Promise<Map<string, string>> {
  const projectRoot = fileURLToPath(root);
  const withFiles = entries.filter((entry) => entry.filePath);
  // `filePath` is relative to the project root, wherever the build runs from.
  const idByFile = new Map(withFiles.map((entry) => [entry.filePath!, entry.id]));
  const rootCauses = new Map<string, string>();
  for await (const { file, text } of readFiles(projectRoot, [...idByFile.keys()]))
    rootCauses.set(
      idByFile.get(file)!,
      rootCauseSection(splitFrontmatter(text).body, { isMdx: file.endsWith('.mdx'), audience }),
    );
  return rootCauses;
}

/**
 * The build's reference time: `POSTMORTEMS_BUILD_DATE` (ISO 8601) when set, so
 * that tests and reproducible builds give the same output, else now.
 */
export const buildDate: Date = resolveBuildDate(process.env['POSTMORTEMS_BUILD_DATE']);

/** The site's due-date policy (`followThrough` in the site config), in the site's zone. */
export const duePolicy = duePolicyOf(siteConfig);

let insights: Promise<Insights<PostmortemEntry>> | undefined;

/**
 * The action ledger, statistics, service histories, archive and overview as of
 * `buildDate`, derived once from the corpus and memoised like it.
 */
export function getInsights(): Promise<Insights<PostmortemEntry>> {
  if (insights && !import.meta.env.DEV) return insights;
  insights = getCorpus().then((all) => buildInsights(all, { buildDate, policy: duePolicy, fields: siteConfig.fields }));
  return insights;
}

/**
 * Cache keys of the pages that exist once per postmortem or per page of a list,
 * for Astro's incremental build (see `src/lib/page-keys.ts`): a page is rendered
 * again only when what it shows changed. Pages showing insights derived from
 * the whole corpus (statistics, the home page's overview) get none and are always rendered.
 */
export const cacheKeys = {
  /** One postmortem's page; `context` is what else it shows (its action items' state on the build date). */
  postmortem: (item: PostmortemItem, context: unknown) => postmortemPageKey(item, [audience, context]),
  /** One page of a list; `context` is whatever else the page shows (its group, its totals). */
  listPage: (page: Parameters<typeof listPageKey>[0], context: unknown) => listPageKey(page, [audience, context]),
};
