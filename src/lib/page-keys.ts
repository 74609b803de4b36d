/**
 * Cache keys for Astro's incremental build: a page whose key and template are
 * unchanged since the last build is copied from the cache, not rendered. A key
 * covers everything the page shows that comes from data, so editing one
 * postmortem re-renders its own page and the few that show it (neighbours,
 * related incidents, the list pages it appears on), not ten thousand.
 */
import { createHash } from 'node:crypto';
import type { CorpusItem, PostmortemRecord } from './corpus';

/** A postmortem as the content layer hands it over: with a digest of its file when known. */
export type KeyedRecord = PostmortemRecord & {
  digest?: string | number | undefined;
  body?: string | undefined;
  filePath?: string | undefined;
};

/** A short digest of `value`'s JSON (dates as ISO strings). */
function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 32);
}

/** The file's digest, or its data and body when the loader gave none. */
function recordVersion(record: KeyedRecord): unknown {
  return record.digest ?? [record.data, record.body];
}

/** What a list, a neighbour link or a related-incident entry shows of a postmortem. */
function listedFields({ record, metrics, severity }: CorpusItem<KeyedRecord>): unknown[] {
  const { title, summary, startedAt, timezone, status, services } = record.data;
  return [record.id, title, summary, startedAt, timezone, status, services, severity.id, metrics.durationMinutes];
}

/**
 * The key of a postmortem's page: its own file, where it lives (for the edit
 * link), what its older and newer neighbours, its related incidents and its repeat chain show, and `context`
 * (the audience, which decides what `<Internal>` renders).
 */
export function postmortemPageKey(item: CorpusItem<KeyedRecord>, context: unknown): string {
  const neighbour = (record: KeyedRecord | undefined) => (record ? [record.id, record.data.title] : null);
  return digestOf([
    context,
    item.record.id,
    item.record.filePath ?? null,
    recordVersion(item.record),
    neighbour(item.older),
    neighbour(item.newer),
    item.related.map((related) => [listedFields(related.item), related.explicit, related.shared]),
    // The repeat notice: the incidents of its chain and their action items' state.
    item.chain?.items.map((member) => [
      listedFields(member),
      member.record.data.actionItems.map((action) => [action.title, action.owner, action.status]),
    ]) ?? null,
  ]);
}

/** The key of one page of a list of postmortems: its place among the pages, what it lists, and `context` (what else the page shows). */
export function listPageKey(
  page: { currentPage: number; lastPage: number; total: number; data: readonly CorpusItem<KeyedRecord>[] },
  context: unknown,
): string {
  return digestOf([context, page.currentPage, page.lastPage, page.total, page.data.map(listedFields)]);
}
