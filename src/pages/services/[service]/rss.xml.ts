import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus, paths, siteConfig } from '../../../data/postmortems';
import { feedItems } from '../../../lib/feed';

export const getStaticPaths = (async () => {
  const corpus = await getCorpus();
  return corpus.services.map((group) => ({ params: { service: group.key }, props: { group } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<Awaited<ReturnType<typeof getStaticPaths>>[number]['props']> = ({
  site,
  props: { group },
}) =>
  rss({
    title: `${siteConfig.title}: ${group.key}`,
    description: `Postmortems of incidents that affected ${group.key}.`,
    site: site!,
    items: feedItems(group.items, paths.postmortem),
  });
