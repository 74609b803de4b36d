import type { APIRoute, GetStaticPaths } from 'astro';
import { buildDate, getInsights, paths, siteConfig } from '../../../data/postmortems';
import { actionCalendar } from '../../../lib/action-calendar';
import type { OwnerLedger } from '../../../lib/action-items';

export const getStaticPaths = (async () => {
  const { ledger } = await getInsights();
  // Every owner with a page gets a feed, so a subscription keeps working once their items are done.
  return ledger.owners.map((owner) => ({ params: { owner: owner.slug }, props: { owner } }));
}) satisfies GetStaticPaths;

/** One owner's open or in-progress action items on their due dates. */
export const GET: APIRoute<{ owner: OwnerLedger }> = ({ props: { owner }, site }) => {
  const body = actionCalendar(
    owner.groups.flatMap((group) => group.entries),
    {
      name: `${siteConfig.title}: action items of ${owner.name}`,
      site: site!,
      postmortemPath: paths.postmortem,
      stamp: buildDate,
    },
  );
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
