import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCorpus, paths, siteConfig } from '../data/postmortems';
import { feedItems } from '../lib/feed';

export const GET: APIRoute = async ({ site }) => {
  const { items } = await getCorpus();
  return rss({
    title: siteConfig.title,
    description: siteConfig.description,
    site: site!,
    items: feedItems(items, paths.postmortem),
  });
};
