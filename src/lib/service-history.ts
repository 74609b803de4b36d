/**
 * The history of one service: how often and how long it failed, when it last
 * did, and which follow-ups from its incidents are still open.
 */
import { rollup } from 'd3-array';
import { isOutstanding, type ActionLedger, type LedgerEntry } from './action-items';
import type { CorpusGroup, CorpusItem, PostmortemRecord } from './corpus';
import { median } from './stats';
import { localDate } from './time';

/** What a service page shows above its list of postmortems. */
export interface ServiceHistory<T extends PostmortemRecord = PostmortemRecord> {
  service: string;
  incidents: number;
  totalDowntimeMinutes: number;
  medianDowntimeMinutes: number | null;
  /** The newest incident. */
  lastIncident: CorpusItem<T>;
  /** Open and in-progress action items of the service's postmortems, soonest due first. */
  openActions: LedgerEntry<T>[];
  /** How many of `openActions` are overdue. */
  overdueActions: number;
  /** Incidents and downtime per year (in each incident's zone), newest year first. */
  perYear: { year: string; incidents: number; downtimeMinutes: number }[];
}

/** The history of every service, by name, from the corpus's service groups and the action ledger. */
export function buildServiceHistories<T extends PostmortemRecord>(
  services: readonly CorpusGroup<T>[],
  ledger: ActionLedger<T>,
): Map<string, ServiceHistory<T>> {
  // The ledger is sorted by due date, and grouping keeps that order within each service.
  const openByService = rollup(
    ledger.entries
      .filter((entry) => isOutstanding(entry.action))
      .flatMap((entry) => entry.source.record.data.services.map((service) => ({ service, entry }))),
    (pairs) => pairs.map((pair) => pair.entry),
    (pair) => pair.service,
  );
  return new Map(
    services.map((group) => [
      group.key,
      {
        service: group.key,
        incidents: group.items.length,
        totalDowntimeMinutes: group.totalDurationMinutes,
        medianDowntimeMinutes: median(group.items.map((item) => item.metrics.durationMinutes)),
        lastIncident: group.items[0]!,
        openActions: openByService.get(group.key) ?? [],
        overdueActions: (openByService.get(group.key) ?? []).filter((entry) => entry.overdue).length,
        perYear: [
          ...rollup(
            group.items,
            (members) => ({
              incidents: members.length,
              downtimeMinutes: members.reduce((sum, item) => sum + item.metrics.durationMinutes, 0),
            }),
            (item) => localDate(item.record.data.startedAt, item.record.data.timezone).slice(0, 4),
          ),
        ]
          .map(([year, totals]) => ({ year, ...totals }))
          .sort((a, b) => b.year.localeCompare(a.year)),
      },
    ]),
  );
}
