/**
 * Everything the insight pages show, derived from the corpus once per build:
 * the action ledger, statistics, service histories, the archive, "On this day"
 * and the recent overview. "Today" is always the build date, so output is
 * reproducible when the build date is fixed.
 */
import { buildActionLedger, type ActionLedger } from './action-items';
import { buildFollowThroughStats, type FollowThroughStats } from './action-slo';
import { buildArchive, onThisDay, type ArchiveYear } from './archive';
import { localMonth } from './calendar';
import type { Corpus, CorpusItem, PostmortemRecord } from './corpus';
import { siteToday, type DuePolicy } from './due-dates';
import { buildServiceHistories, type ServiceHistory } from './service-history';
import { buildRecurrence, type Recurrence } from './recurrence';
import { buildCorpusStats, recentIncidents, type CorpusStats, type RecentIncidents } from './stats';
import type { CustomField } from '../schemas/custom-fields';

/** The derived views behind `/actions/`, `/stats/`, `/archive/`, service pages and the home page. */
export interface Insights<T extends PostmortemRecord = PostmortemRecord> {
  /** The build date in the site's zone (`YYYY-MM-DD`): due dates and anniversaries are compared with it. */
  today: string;
  ledger: ActionLedger<T>;
  /** Completion within the due-date policy, per owner and per service. */
  followThrough: FollowThroughStats;
  stats: CorpusStats;
  /** How often incidents repeat earlier ones, for `/stats/`. */
  recurrence: Recurrence<T>;
  recent: RecentIncidents;
  serviceHistories: Map<string, ServiceHistory<T>>;
  /** From the oldest incident to the build date (or the newest incident, if later): shared by every service's strip so they compare. */
  historySpan: { start: Date; end: Date };
  archive: ArchiveYear<T>[];
  onThisDay: CorpusItem<T>[];
}

/**
 * Derives the insights of `corpus` as of `buildDate`, reading calendar dates in
 * the site's zone (`policy.timeZone`) and giving undated action items the due-date `policy`'s date.
 */
export function buildInsights<T extends PostmortemRecord>(
  corpus: Corpus<T>,
  {
    buildDate,
    policy,
    fields = [],
  }: {
    buildDate: Date;
    policy: DuePolicy;
    /** The site's custom fields: those with `stats` on get a top-values chart. */
    fields?: readonly CustomField[];
  },
): Insights<T> {
  const today = siteToday(buildDate, policy);
  const ledger = buildActionLedger(corpus.items, { today, policy });
  const newest = corpus.items[0]?.record.data.startedAt;
  const oldest = corpus.items.at(-1)?.record.data.startedAt;
  return {
    today,
    ledger,
    followThrough: buildFollowThroughStats(ledger, policy.timeZone),
    stats: buildCorpusStats(corpus, localMonth(buildDate, policy.timeZone), fields),
    recurrence: buildRecurrence(corpus, localMonth(buildDate, policy.timeZone)),
    recent: recentIncidents(corpus, buildDate),
    serviceHistories: buildServiceHistories(corpus.services, ledger),
    historySpan: { start: oldest ?? buildDate, end: newest && newest > buildDate ? newest : buildDate },
    archive: buildArchive(corpus.items),
    onThisDay: onThisDay(corpus.items, today),
  };
}
