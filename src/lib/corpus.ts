/**
 * Everything derived from the set of published postmortems, computed once per
 * build: ordering, indexes by tag, severity and service, neighbours, related
 * incidents and per-incident metrics. Pages only read from it.
 */
import type { PostmortemData } from '../schemas/postmortem';
import type { SeverityLevel } from '../schemas/severity';
import { SimilarityConfigSchema, type SimilarityConfig } from '../schemas/similarity';
import { relatedLinks, type RelatedLink } from './related';
import { repeatChains, type RepeatChain } from './repeats';
import { findSimilar } from './similarity';
import { similarityTerms } from './similarity-terms';
import { minutesBetween } from './time';

/** A postmortem as the corpus needs it: its id and normalised frontmatter. */
export interface PostmortemRecord {
  id: string;
  data: PostmortemData;
}

/** Durations of one incident, in whole minutes; `null` when unknown. */
export interface IncidentMetrics {
  durationMinutes: number;
  timeToDetectMinutes: number | null;
  timeToMitigateMinutes: number | null;
}

/** Measures one incident from its frontmatter. */
export function incidentMetrics(data: PostmortemData): IncidentMetrics {
  return {
    durationMinutes: minutesBetween(data.startedAt, data.resolvedAt)!,
    timeToDetectMinutes: minutesBetween(data.startedAt, data.detectedAt),
    timeToMitigateMinutes: minutesBetween(data.startedAt, data.mitigatedAt),
  };
}

/** One postmortem with everything derived about it. */
export interface CorpusItem<T extends PostmortemRecord = PostmortemRecord> {
  record: T;
  metrics: IncidentMetrics;
  severity: SeverityLevel;
  /** The next older postmortem, if any. */
  older: T | undefined;
  /** The next newer postmortem, if any. */
  newer: T | undefined;
  /**
   * Postmortems listed in `related` that are part of this build, in the order
   * written, then up to three computed by the similarity score (see `findSimilar`).
   */
  related: RelatedIncident<T>[];
  /** Earlier postmortems this one repeats (see `findSimilar`), most alike first, whether linked or not. */
  repeats: RelatedIncident<T>[];
  /** The incidents of this kind, this one among them, when it repeats or is repeated (see `repeatChains`). */
  chain: RepeatChain<T> | undefined;
}

/** A related postmortem, whether its author linked it, and what the two share. */
export interface RelatedIncident<T extends PostmortemRecord = PostmortemRecord> extends Omit<RelatedLink, 'id'> {
  item: CorpusItem<T>;
}

/** Postmortems sharing a tag, service or severity. */
export interface CorpusGroup<T extends PostmortemRecord = PostmortemRecord> {
  key: string;
  /** Newest first. */
  items: CorpusItem<T>[];
  /** Sum of the incidents' durations, in minutes. */
  totalDurationMinutes: number;
}

/** The derived view of a whole corpus. */
export interface Corpus<T extends PostmortemRecord = PostmortemRecord> {
  /** Newest first (by startedAt, then id, so the order never depends on the file system). */
  items: CorpusItem<T>[];
  byId: Map<string, CorpusItem<T>>;
  /** Groups sorted by size (largest first), then name. */
  tags: CorpusGroup<T>[];
  services: CorpusGroup<T>[];
  /** One group per level of the scale, in scale order, empty levels included. */
  severities: (CorpusGroup<T> & { level: SeverityLevel })[];
}

function toGroup<T extends PostmortemRecord>(key: string, items: CorpusItem<T>[]): CorpusGroup<T> {
  return { key, items, totalDurationMinutes: items.reduce((sum, item) => sum + item.metrics.durationMinutes, 0) };
}

function groupBy<T extends PostmortemRecord>(
  items: readonly CorpusItem<T>[],
  keysOf: (data: PostmortemData) => readonly string[],
): Map<string, CorpusGroup<T>> {
  const members = new Map<string, CorpusItem<T>[]>();
  for (const item of items) {
    for (const key of keysOf(item.record.data)) {
      const list = members.get(key);
      if (list) list.push(item);
      else members.set(key, [item]);
    }
  }
  return new Map([...members].map(([key, list]) => [key, toGroup(key, list)]));
}

const bySizeThenKey = (a: CorpusGroup, b: CorpusGroup) => b.items.length - a.items.length || a.key.localeCompare(b.key);

/** Newest first; ties broken by id. */
export function compareNewestFirst(a: PostmortemRecord, b: PostmortemRecord): number {
  return b.data.startedAt.getTime() - a.data.startedAt.getTime() || a.id.localeCompare(b.id);
}

/** How the corpus compares postmortems: the score's settings and each one's root-cause text. */
export interface SimilarityOptions<T extends PostmortemRecord> {
  /** Default: the site config's defaults. */
  config?: SimilarityConfig | undefined;
  /** The text of a postmortem's root-cause section (see `rootCauseSection`); default none. */
  rootCauseOf?: ((record: T) => string) | undefined;
}

/** Derives the corpus view from `records`, already filtered to what this build publishes. */
export function buildCorpus<T extends PostmortemRecord>(
  records: readonly T[],
  severities: readonly SeverityLevel[],
  { config = SimilarityConfigSchema.parse({}), rootCauseOf = () => '' }: SimilarityOptions<T> = {},
): Corpus<T> {
  const sorted = [...records].sort(compareNewestFirst);
  const levelById = new Map(severities.map((level) => [level.id, level]));
  const items: CorpusItem<T>[] = sorted.map((record, index) => ({
    record,
    metrics: incidentMetrics(record.data),
    severity: levelById.get(record.data.severity)!,
    newer: sorted[index - 1],
    older: sorted[index + 1],
    related: [],
    repeats: [],
    chain: undefined,
  }));
  const byId = new Map(items.map((item) => [item.record.id, item]));
  const similar = findSimilar(
    sorted.map((record) => ({ record, terms: similarityTerms(record.data, rootCauseOf(record)) })),
    config,
  );
  const idAt = (position: number) => sorted[position]!.id;
  items.forEach((item, position) => {
    const result = similar[position]!;
    item.related = relatedLinks(result, idAt).map(({ id, ...link }) => ({ ...link, item: byId.get(id)! }));
    item.repeats = result.repeats.map(({ position: other, evidence, ...match }) => ({
      ...match,
      shared: evidence,
      explicit: item.record.data.related.includes(idAt(other)),
      item: items[other]!,
    }));
  });
  for (const chain of repeatChains(items)) for (const member of chain.items) member.chain = chain;
  const bySeverity = groupBy(items, (data) => [data.severity]);
  return {
    items,
    byId,
    tags: [...groupBy(items, (data) => data.tags).values()].sort(bySizeThenKey),
    services: [...groupBy(items, (data) => data.services).values()].sort(bySizeThenKey),
    severities: severities.map((level) => ({ ...(bySeverity.get(level.id) ?? toGroup(level.id, [])), level })),
  };
}
