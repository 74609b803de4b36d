import type { APIRoute } from 'astro';
import { buildDate, getCorpus, paths, siteConfig } from '../../data/postmortems';
import { toApiDocument } from '../../lib/api';

export const GET: APIRoute = async ({ site }) => {
  const { items } = await getCorpus();
  const document = toApiDocument(items, (id) => new URL(paths.postmortem(id), site).href, buildDate, siteConfig.fields);
  return new Response(JSON.stringify(document, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
