import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus, paths, siteConfig } from '../../../data/postmortems';
import { feedItems } from '../../../lib/feed';
import { severitySlug } from '../../../lib/paths';

export const getStaticPaths = (async () => {
  const corpus = await getCorpus();
  return corpus.severities
    .filter((group) => group.items.length > 0)
    .map((group) => ({ params: { severity: severitySlug(group.key) }, props: { group } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<Awaited<ReturnType<typeof getStaticPaths>>[number]['props']> = ({
  site,
  props: { group },
}) =>
  rss({
    title: `${siteConfig.title}: ${group.level.id} · ${group.level.label}`,
    description: `${group.level.id} postmortems: ${group.level.description}`,
    site: site!,
    items: feedItems(group.items, paths.postmortem),
  });
