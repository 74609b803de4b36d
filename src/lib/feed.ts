/**
 * RSS feeds of postmortems: the site's feed and one per severity and per
 * service share the same items, so a reader subscribed to several sees the same entries.
 */
import type { CorpusItem } from './corpus';

/** How many of the newest postmortems a feed carries. */
const FEED_LENGTH = 50;

/** The feed items of `items` (newest first): severity in the title; severity, services and tags as categories. */
export function feedItems(items: readonly CorpusItem[], linkOf: (id: string) => string) {
  return items.slice(0, FEED_LENGTH).map(({ record, severity }) => ({
    title: `[${severity.id}] ${record.data.title}`,
    description: record.data.summary,
    pubDate: record.data.startedAt,
    link: linkOf(record.id),
    categories: [severity.id, ...record.data.services, ...record.data.tags],
    author: record.data.authors.join(', '),
  }));
}
