import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCorpus, paths, siteConfig } from '../data/postmortems';

export const GET: APIRoute = async ({ site }) => {
  const { items } = await getCorpus();
  return rss({
    title: siteConfig.title,
    description: siteConfig.description,
    site: site!,
    items: items.slice(0, 50).map(({ record, severity }) => ({
      title: `[${severity.id}] ${record.data.title}`,
      description: record.data.summary,
      pubDate: record.data.startedAt,
      link: paths.postmortem(record.id),
      categories: [severity.id, ...record.data.services, ...record.data.tags],
      author: record.data.authors.join(', '),
    })),
  });
};
