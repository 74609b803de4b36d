import type { APIRoute } from 'astro';
import { siteConfig } from '../../data/postmortems';
import { postmortemJsonSchema } from '../../lib/json-schema';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(postmortemJsonSchema(siteConfig), null, 2), {
    headers: { 'Content-Type': 'application/schema+json' },
  });
