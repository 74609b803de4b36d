import type { APIRoute } from 'astro';
import { buildDate, getInsights, paths, siteConfig } from '../data/postmortems';
import { actionCalendar } from '../lib/action-calendar';

/** Every open or in-progress action item on its due date, for calendar apps to subscribe to. */
export const GET: APIRoute = async ({ site }) => {
  const { ledger } = await getInsights();
  const body = actionCalendar(ledger.entries, {
    name: `${siteConfig.title}: action items`,
    site: site!,
    postmortemPath: paths.postmortem,
    stamp: buildDate,
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
