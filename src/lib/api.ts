/**
 * The public JSON shape of a postmortem (`/api/postmortems.json`): stable field
 * names, instants as ISO 8601 UTC strings, `null` for what is unknown.
 */
import type { CustomField } from '../schemas/custom-fields';
import type { CorpusItem, RelatedIncident } from './corpus';
import { apiFieldValues } from './custom-fields';

/** One postmortem in the JSON API. */
function toApiPostmortem(item: CorpusItem, url: string, fields: readonly CustomField[]) {
  const { record, metrics } = item;
  const { data } = record;
  const iso = (date: Date | undefined) => date?.toISOString() ?? null;
  return {
    id: record.id,
    url,
    title: data.title,
    summary: data.summary,
    severity: data.severity,
    status: data.status,
    visibility: data.visibility,
    startedAt: iso(data.startedAt),
    detectedAt: iso(data.detectedAt),
    mitigatedAt: iso(data.mitigatedAt),
    resolvedAt: iso(data.resolvedAt),
    timezone: data.timezone,
    durationMinutes: metrics.durationMinutes,
    timeToDetectMinutes: metrics.timeToDetectMinutes,
    timeToMitigateMinutes: metrics.timeToMitigateMinutes,
    services: data.services,
    tags: data.tags,
    authors: data.authors,
    escalatedTo: data.escalatedTo,
    impact: data.impact ?? null,
    detection: data.detection ?? null,
    trigger: data.trigger ?? null,
    timeline: data.timeline.map((entry) => ({ at: entry.at.toISOString(), kind: entry.kind, event: entry.event })),
    actionItems: data.actionItems.map((action) => ({
      ...action,
      due: action.due ?? null,
      ticket: action.ticket ?? null,
    })),
    // Only links into this build: a public API never names an internal postmortem.
    related: item.related.filter((link) => link.explicit).map((link) => link.item.record.id),
    notRepeatOf: data.notRepeatOf,
    /** Computed related incidents, highest similarity score first, with why. */
    similar: item.related.filter((link) => !link.explicit).map(toApiSimilarity),
    /** Earlier incidents this one repeats (see the README's "Repeat incidents"), most alike first, with why. */
    repeats: item.repeats.map(toApiSimilarity),
    /** Every incident of this kind in this build, oldest first, this one among them; `[]` when it has no repeat. */
    repeatChain: item.chain?.items.map((member) => member.record.id) ?? [],
    /** The site's custom fields with `api` on, each present: `null` when this postmortem does not set it. */
    fields: apiFieldValues(fields, data.fields),
  };
}

/** A similar or repeated incident in the JSON API: its id, the score and what the two share. */
function toApiSimilarity(link: RelatedIncident) {
  const { services, tags, trigger, terms } = link.shared;
  return {
    id: link.item.record.id,
    score: link.score,
    textSimilarity: link.textSimilarity,
    shared: { services, tags, trigger: trigger ?? null, terms },
  };
}

/**
 * The whole API document. `generatedAt` is the build time, passed in so tests are deterministic;
 * `fields` the site's custom fields.
 */
export function toApiDocument(
  items: readonly CorpusItem[],
  urlOf: (id: string) => string,
  generatedAt: Date,
  fields: readonly CustomField[] = [],
) {
  return {
    generatedAt: generatedAt.toISOString(),
    count: items.length,
    postmortems: items.map((item) => toApiPostmortem(item, urlOf(item.record.id), fields)),
  };
}
