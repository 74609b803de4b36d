import type { APIRoute } from 'astro';
import { siteConfig } from '../data/postmortems';
import { severityStylesheet } from '../lib/severity-css';

export const GET: APIRoute = () =>
  new Response(severityStylesheet(siteConfig.severities), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
