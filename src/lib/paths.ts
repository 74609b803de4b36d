/**
 * Every URL the site links to, built in one place so that routes and links
 * cannot drift apart. All paths end with `/` (the site uses `trailingSlash: 'always'`).
 */

/** URL helpers for a site deployed under `base` (Astro's `BASE_URL`, e.g. `/` or `/postmortems/`). */
export function createSitePaths(base: string) {
  const root = base.endsWith('/') ? base : `${base}/`;
  const at = (path: string) => `${root}${path}`;
  return {
    home: () => root,
    /**
     * Page `n` (1-based) of the list of all postmortems: `/`, then `/page/2/`, …
     * Not `/2/`: `/404/` is taken by the not-found page, and 8,061 postmortems make a page 404.
     */
    homePage: (n: number) => (n <= 1 ? root : at(`page/${n}/`)),
    postmortem: (id: string) => at(`postmortems/${id}/`),
    tags: () => at('tags/'),
    tag: (tag: string) => at(`tags/${tag}/`),
    severities: () => at('severity/'),
    severity: (id: string) => at(`severity/${severitySlug(id)}/`),
    services: () => at('services/'),
    service: (service: string) => at(`services/${service}/`),
    severityFeed: (id: string) => at(`severity/${severitySlug(id)}/rss.xml`),
    serviceFeed: (service: string) => at(`services/${service}/rss.xml`),
    stats: () => at('stats/'),
    actions: () => at('actions/'),
    /** The action items of one owner, by the owner's slug. */
    actionsOwner: (ownerSlug: string) => at(`actions/owners/${ownerSlug}/`),
    /** Every open action item as an iCalendar feed, to subscribe to. */
    actionsCalendar: () => at('actions.ics'),
    /** One owner's open action items as an iCalendar feed. */
    actionsOwnerCalendar: (ownerSlug: string) => at(`actions/owners/${ownerSlug}.ics`),
    archive: () => at('archive/'),
    rss: () => at('rss.xml'),
    api: () => at('api/postmortems.json'),
    sitemap: () => at('sitemap-index.xml'),
    severityStylesheet: () => at('severity.css'),
    favicon: () => at('favicon.svg'),
    /** The search page; `query` (e.g. `q=nginx&severity=SEV1`) is appended as written. */
    search: (query = '') => at(query ? `search/?${query}` : 'search/'),
  };
}

/** Severity ids appear lowercase in URLs: `SEV1` → `/severity/sev1/`. */
export function severitySlug(id: string): string {
  return id.toLowerCase();
}
