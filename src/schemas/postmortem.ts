/**
 * The frontmatter contract of a postmortem: the product's public API.
 * The build, `npm run check`, the JSON API and the README's reference all derive
 * from this module; a rule written anywhere else is a bug.
 */
import { z } from 'astro/zod';
import { slug } from 'github-slugger';
import { quoteValue } from '../lib/errors';
import { formatInstant, resolveTimelineTimes, WALL_CLOCK_PATTERN } from '../lib/time';
import { createCustomFieldValuesSchema, type CustomField } from './custom-fields';
import { CalendarDateSchema, InstantSchema } from './dates';
import type { SeverityLevel } from './severity';
import { TimeZoneSchema } from './time-zone';

const STATUSES = ['draft', 'in-review', 'published'] as const;
const VISIBILITIES = ['public', 'internal'] as const;
export const IMPACT_CATEGORIES = [
  'full-outage',
  'partial-outage',
  'degraded-performance',
  'increased-errors',
  'increased-latency',
  'cascading-failure',
  'data-loss',
  'security',
  'non-production',
] as const;
export const DETECTION_METHODS = [
  'monitoring-alert',
  'engineer-noticed',
  'customer-report',
  'automated-test',
  'other',
] as const;
export const TRIGGERS = [
  'deploy',
  'config-change',
  'traffic-surge',
  'dependency-failure',
  'infrastructure',
  'expired-credential',
  'hardware',
  'security',
  'unknown',
  'other',
] as const;
export const TIMELINE_KINDS = [
  'trigger',
  'detected',
  'escalated',
  'action',
  'misleading',
  'mitigated',
  'resolved',
  'note',
] as const;
export const ACTION_ITEM_TYPES = ['prevent', 'mitigate', 'detect', 'process'] as const;
export const ACTION_ITEM_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;

/** How far outside [startedAt, resolvedAt] a timeline entry may lie (a trigger often comes before impact). */
export const TIMELINE_MARGIN_MS = 24 * 60 * 60 * 1000;

/** How the day of an `HH:MM` timeline time is chosen, for messages about where one landed. */
const ROLL_OVER_RULE =
  '"HH:MM" is on startedAt\'s date in the timezone, and a day later each time it is earlier than the "HH:MM" above it';

/** The timeline moments that stand for a frontmatter field: the first entry of the kind is the field's default. */
const TIMELINE_MOMENTS = [
  { kind: 'detected', field: 'detectedAt', measure: 'time to detect' },
  { kind: 'mitigated', field: 'mitigatedAt', measure: 'time to mitigate' },
  { kind: 'resolved', field: 'resolvedAt', measure: 'the duration' },
] as const;

/** Two instants in the same minute: `HH:MM` entries have no seconds. */
function sameMinute(a: Date, b: Date): boolean {
  return Math.floor(a.getTime() / 60_000) === Math.floor(b.getTime() / 60_000);
}

function enumOf<T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, { error: `expected ${what}: one of ${values.join(', ')}` });
}

/** Lowercase kebab-case labels, de-duplicated, in the order written. */
const LabelListSchema = z.array(z.string().min(1)).transform((labels, ctx) => {
  const normalised: string[] = [];
  labels.forEach((label, index) => {
    const value = slug(label);
    if (!value) {
      ctx.addIssue({
        code: 'custom',
        path: [index],
        message: `${quoteValue(label)} has no letters or digits; use a name such as "checkout"`,
      });
    } else if (!normalised.includes(value)) {
      normalised.push(value);
    }
  });
  return normalised;
});

const NonEmptyText = (what: string) =>
  z
    .string({ error: `expected ${what} as text` })
    .trim()
    .min(1, `${what} must not be empty`);

export const TimelineEntrySchema = z.object({
  /** `HH:MM` wall-clock in the postmortem's `timezone`, or a full date-time with an offset. */
  at: z.string({ error: 'expected "HH:MM" in quotes or a date-time with an offset' }),
  /** What happened, in one sentence. */
  event: NonEmptyText('the event'),
  /** What sort of moment this was. Default `note`. */
  kind: enumOf(TIMELINE_KINDS, 'a timeline kind').default('note'),
});

export const ActionItemSchema = z.object({
  /** A concrete, checkable task. */
  title: NonEmptyText('the action item title'),
  /** Person or team accountable for it. */
  owner: NonEmptyText('an owner (person or team)'),
  /** Default `prevent`. */
  type: enumOf(ACTION_ITEM_TYPES, 'an action item type').default('prevent'),
  /** Default `open`. */
  status: enumOf(ACTION_ITEM_STATUSES, 'an action item status').default('open'),
  /** Due date, `YYYY-MM-DD`. Default: the site's due-date policy (`followThrough.dueWithin`). */
  due: CalendarDateSchema.optional(),
  /** When the item was done or dropped, `YYYY-MM-DD`: what "completion within SLO" on `/stats/` measures. */
  closed: CalendarDateSchema.optional(),
  /** Link to the tracker; only http(s) URLs are accepted. */
  ticket: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL to the ticket' }).optional(),
});

export const ImpactSchema = z.object({
  /** Share of users affected, 0–100. */
  usersAffectedPct: z
    .number({ error: 'expected a number from 0 to 100' })
    .min(0, 'must be between 0 and 100')
    .max(100, 'must be between 0 and 100')
    .optional(),
  /** What kind of harm users saw. */
  categories: z.array(enumOf(IMPACT_CATEGORIES, 'an impact category')).default([]),
});

/** What the schema needs to know about the site it validates for. */
export interface PostmortemSchemaOptions {
  severities: readonly Pick<SeverityLevel, 'id'>[];
  defaultTimezone: string;
  /** The site's custom fields, written under `fields:`. Default none. */
  fields?: readonly CustomField[] | undefined;
}

/**
 * Builds the frontmatter schema for a site. Input is the YAML as parsed
 * (date-times are strings); output is normalised: instants as `Date`, labels in
 * kebab-case, timeline times resolved, defaults filled in.
 */
export function createPostmortemSchema({ severities, defaultTimezone, fields = [] }: PostmortemSchemaOptions) {
  const severityIds = severities.map((level) => level.id);
  const SeveritySchema = z
    .string({ error: `expected a severity: one of ${severityIds.join(', ')}` })
    .transform((value, ctx) => {
      const match = severityIds.find((id) => id.toLowerCase() === value.trim().toLowerCase());
      if (!match) {
        ctx.addIssue({
          code: 'custom',
          message: `${quoteValue(value)} is not a severity of this site; use one of ${severityIds.join(', ')}`,
        });
        return z.NEVER;
      }
      return match;
    });
  const FieldValuesSchema = createCustomFieldValuesSchema(fields);
  const customKeys = new Set(fields.map((field) => field.key));

  return z
    .strictObject(
      {
        /** Headline of the incident, ≤ 140 characters. */
        title: NonEmptyText('a title').max(140, 'keep the title to 140 characters or fewer'),
        /** The executive issue summary: what happened, how long, who was hit, why. */
        summary: NonEmptyText('a summary'),
        /** An id of the site's severity scale (case-insensitive). */
        severity: SeveritySchema,
        /** Default `published`; drafts never reach a production build. */
        status: enumOf(STATUSES, 'a status').default('published'),
        /** Default `internal`; only `public` postmortems enter the public build. */
        visibility: enumOf(VISIBILITIES, 'a visibility').default('internal'),
        /** When impact began. */
        startedAt: InstantSchema,
        /** When the problem was noticed; default: the first `detected` timeline entry. */
        detectedAt: InstantSchema.optional(),
        /** When impact was stopped or reduced; default: the first `mitigated` timeline entry. */
        mitigatedAt: InstantSchema.optional(),
        /** When the incident was over. */
        resolvedAt: InstantSchema,
        /** IANA zone for display and `HH:MM` timeline times. Default: the site's. */
        timezone: TimeZoneSchema.optional(),
        /** Services affected, at least one. */
        services: LabelListSchema.pipe(z.array(z.string()).min(1, 'name at least one service, e.g. [checkout]')),
        /** Free-form labels. */
        tags: LabelListSchema.default([]),
        /** Who wrote the postmortem. */
        authors: z
          .array(NonEmptyText('an author'), { error: 'expected a list of authors, e.g. [Ada Lovelace]' })
          .min(1, 'name at least one author'),
        /** People or teams the incident was escalated to. */
        escalatedTo: z.array(NonEmptyText('a name')).default([]),
        impact: ImpactSchema.optional(),
        /** How the incident was first noticed. */
        detection: enumOf(DETECTION_METHODS, 'a detection method').optional(),
        /** What set the incident off. */
        trigger: enumOf(TRIGGERS, 'a trigger').optional(),
        timeline: z.array(TimelineEntrySchema).default([]),
        actionItems: z.array(ActionItemSchema).default([]),
        /** Ids of related postmortems (file path under the content folder, without extension). */
        related: z.array(z.string().min(1)).default([]),
        /**
         * Earlier postmortems this one resembles but does not repeat, each with the reason, e.g.
         * `{ id: 2024-01-15-payments-timeouts, reason: Same pool, but the cause was a leak this time }`:
         * `check` no longer warns `possible-repeat` about them and the site leaves them out of the repeat chain.
         */
        notRepeatOf: z
          .array(
            z.strictObject({ id: NonEmptyText('the id of an earlier postmortem'), reason: NonEmptyText('a reason') }),
          )
          .default([]),
        /**
         * Where an imported postmortem came from, e.g. `postmortems-app:3f1c…` or `markdown:old/outage.md`.
         * Written by `npm run import`, which skips a source already recorded here; none for postmortems written here.
         */
        source: z.string().trim().min(1, 'source must not be empty').optional(),
        /** The site's custom fields (`fields` in src/site.config.ts), e.g. `{ region: eu-west-1 }`. */
        fields: fields.some((field) => field.required) ? FieldValuesSchema : FieldValuesSchema.prefault({}),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? issue.keys.every((key) => customKeys.has(key))
              ? `${issue.keys.map((key) => `\`${key}\``).join(', ')} ${issue.keys.length > 1 ? 'are custom fields' : 'is a custom field'}: write it under \`fields:\`, e.g. fields: { ${issue.keys[0]}: … }`
              : `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => quoteValue(key)).join(', ')}; check the spelling against the frontmatter reference`
            : undefined,
      },
    )
    .transform((data, ctx) => {
      const timezone = data.timezone ?? defaultTimezone;
      const { startedAt, resolvedAt } = data;
      if (resolvedAt < startedAt) {
        ctx.addIssue({
          code: 'custom',
          path: ['resolvedAt'],
          message: 'resolvedAt is before startedAt; an incident must end after it starts',
        });
      }
      for (const field of ['detectedAt', 'mitigatedAt'] as const) {
        const value = data[field];
        if (value && (value < startedAt || value > resolvedAt)) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `${field} must lie between startedAt and resolvedAt`,
          });
        }
      }

      const resolved = resolveTimelineTimes(
        data.timeline.map((entry) => entry.at),
        startedAt,
        timezone,
      );
      const earliest = startedAt.getTime() - TIMELINE_MARGIN_MS;
      const latest = Math.max(resolvedAt.getTime(), startedAt.getTime()) + TIMELINE_MARGIN_MS;
      const shown = (instant: Date) => formatInstant(instant, timezone);
      /** Where an entry's `at` landed, and for `HH:MM` why on that day: what a writer needs to see a wrong day. */
      const landing = (written: string, at: Date) =>
        `${quoteValue(written)} resolves to ${shown(at)}${WALL_CLOCK_PATTERN.test(written) ? ` (${ROLL_OVER_RULE})` : ''}`;
      const flagged = new Set<number>();
      let previous: Date | undefined;
      const timeline = data.timeline.map((entry, index) => {
        const result = resolved[index]!;
        if (!result.ok) {
          ctx.addIssue({
            code: 'custom',
            path: ['timeline', index, 'at'],
            message: `${quoteValue(entry.at)}: ${result.reason}`,
            // The time as written, so a `TODO:` prompt left here is reported as a placeholder.
            input: entry.at,
          });
          flagged.add(index);
          return { ...entry, at: startedAt };
        }
        const at = result.at;
        if (at.getTime() < earliest || at.getTime() > latest) {
          ctx.addIssue({
            code: 'custom',
            path: ['timeline', index, 'at'],
            message: `${landing(entry.at, at)}, more than a day outside startedAt–resolvedAt (${shown(startedAt)} to ${shown(resolvedAt)}); check the time or write a full date-time`,
          });
          flagged.add(index);
        } else if (previous && at < previous) {
          ctx.addIssue({
            code: 'custom',
            path: ['timeline', index, 'at'],
            message: `${landing(entry.at, at)}, before the entry above it; list timeline entries in the order they happened`,
          });
          flagged.add(index);
        }
        previous = at;
        return { ...entry, at };
      });

      // The first entry of a moment's kind is the moment: it agrees with the field, or, as the field's default,
      // lies within the incident, so no time to detect or to mitigate is negative.
      for (const { kind, field, measure } of TIMELINE_MOMENTS) {
        const index = timeline.findIndex((entry) => entry.kind === kind);
        if (index === -1 || flagged.has(index)) continue;
        const { at } = timeline[index]!;
        const written = data.timeline[index]!.at;
        const explicit = data[field];
        if (explicit && !sameMinute(at, explicit)) {
          ctx.addIssue({
            code: 'custom',
            path: ['timeline', index, 'at'],
            message: `the first \`${kind}\` entry, ${landing(written, at)}, disagrees with ${field} (${shown(explicit)}); make them the same moment${field === 'resolvedAt' ? '' : `, or remove ${field} to take it from the timeline`}`,
          });
        } else if (!explicit && (at < startedAt || at > resolvedAt)) {
          ctx.addIssue({
            code: 'custom',
            path: ['timeline', index, 'at'],
            message: `${field} comes from the first \`${kind}\` entry, and ${landing(written, at)}, ${at < startedAt ? `before startedAt (${shown(startedAt)}): ${measure} would be negative` : `after resolvedAt (${shown(resolvedAt)})`}; correct the time, or set ${field} between startedAt and resolvedAt`,
          });
        }
      }

      const firstOfKind = (kind: (typeof TIMELINE_KINDS)[number]) => timeline.find((entry) => entry.kind === kind)?.at;
      return {
        ...data,
        timezone,
        detectedAt: data.detectedAt ?? firstOfKind('detected'),
        mitigatedAt: data.mitigatedAt ?? firstOfKind('mitigated'),
        timeline,
      };
    });
}

export type PostmortemSchema = ReturnType<typeof createPostmortemSchema>;
/** Frontmatter after validation and normalisation: what every page receives. */
export type PostmortemData = z.output<PostmortemSchema>;
export type TimelineEntry = PostmortemData['timeline'][number];
export type ActionItem = PostmortemData['actionItems'][number];
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
