/**
 * From what a source says to what the frontmatter contract wants: severity names
 * onto the site's scale, times into instants in the incident's zone, timeline
 * entries the schema accepts. What the source does not say is never made up: it
 * becomes a `TODO:` placeholder, listed in the report, and the file a draft.
 */
import { slug } from 'github-slugger';
import { Scalar } from 'yaml';
import {
  ACTION_ITEM_STATUSES,
  createPostmortemSchema,
  TIMELINE_MARGIN_MS,
  type PostmortemSchema,
} from '../../schemas/postmortem';
import type { Section } from '../../schemas/sections';
import type { SiteConfig } from '../../schemas/site-config';
import { PLACEHOLDER_MARKER } from '../lint/rules/placeholders';
import { sectionsFor } from '../sections';
import { canonicalTimeZone, isCalendarDate, localDate, resolveTimelineTimes } from '../time';
import { normaliseHeading } from './meaning';
import type { Found, ImportNote, SourceRecord, SourceTimelineEntry } from './source-record';
import { formatInZone, parseSourceTime, resolveSourceTime, startOfDay, type SourceTime } from './source-time';

/** The contract's longest title. */
const MAX_TITLE_LENGTH = 140;

/** A field that needs a person: its name and the prompt written in its place. */
export interface Placeholder {
  field: string;
  prompt: string;
}

/** A record mapped onto the contract, with the account the report gives of it. */
export interface MappedPostmortem {
  record: SourceRecord;
  /** The frontmatter, in the order the README documents it; date-times as double-quoted scalars. */
  frontmatter: Record<string, unknown>;
  body: string;
  /** The local date of the start in the incident's zone, when any date is known. */
  startDate: string | undefined;
  title: string;
  /** Fields read from the source: `field ← where`. */
  mapped: { field: string; from: string }[];
  /** Fields inferred: their value and what from. */
  guessed: { field: string; value: string; from: string }[];
  placeholders: Placeholder[];
  notes: ImportNote[];
}

/** How to map: the site's config and the `--timezone` given, if any. */
export interface MapOptions {
  config: Pick<SiteConfig, 'severities' | 'defaultTimezone' | 'fields' | 'sections' | 'lint' | 'import'>;
  timezone?: string | undefined;
}

/** Double-quoted, as the README recommends for date-times, so no YAML reader takes them for dates. */
function quoted(value: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

const comparable = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The scale id a source's severity name means: an id of the scale itself, else the team's `import.severities`. */
export function severityId(name: string, config: MapOptions['config']): { id: string; rule?: string } | undefined {
  const ids = config.severities.map((level) => level.id);
  const direct = ids.find((id) => comparable(id) === comparable(name));
  if (direct) return { id: direct };
  for (const [theirs, ours] of Object.entries(config.import.severities)) {
    if (comparable(theirs) !== comparable(name)) continue;
    const id = ids.find((candidate) => comparable(candidate) === comparable(ours));
    if (id) return { id, rule: `import.severities "${theirs}"` };
  }
  return undefined;
}

/** Maps one record; `now` is not needed: nothing here depends on the day of the import. */
export function mapRecord(record: SourceRecord, { config, timezone: cliZone }: MapOptions): MappedPostmortem {
  const mapped: MappedPostmortem['mapped'] = [];
  const guessed: MappedPostmortem['guessed'] = [];
  const placeholders: Placeholder[] = [];
  const notes: ImportNote[] = [...record.notes];
  const todo = (field: string, prompt: string) => {
    placeholders.push({ field, prompt });
    return `${PLACEHOLDER_MARKER} ${prompt}`;
  };
  const take = <T>(field: string, found: Found<T> | undefined, show: (value: T) => string = String) => {
    if (!found) return undefined;
    if (found.guess) guessed.push({ field, value: show(found.value), from: `${found.guess} in ${found.from}` });
    else mapped.push({ field, from: found.from });
    return found.value;
  };

  // The zone first: every time without one is read in it.
  const sourceZone = record.timezone && canonicalTimeZone(record.timezone.value);
  if (record.timezone && !sourceZone)
    notes.push({ kind: 'dropped', message: `time zone \`${record.timezone.value}\` is not an IANA zone; not used` });
  const zone = sourceZone ?? cliZone ?? config.defaultTimezone;
  if (sourceZone) take('timezone', record.timezone);
  const zoneUse = { used: false };
  const resolve = (time: SourceTime) => {
    if (time.kind === 'local') zoneUse.used = true;
    return resolveSourceTime(time, zone);
  };

  let title = take('title', record.title) ?? todo('title', 'a headline for the incident');
  if (title.length > MAX_TITLE_LENGTH) {
    const cut = title.slice(0, MAX_TITLE_LENGTH - 1).replace(/\s+\S*$/, '');
    notes.push({
      kind: 'guessed',
      message: `title shortened from ${title.length} characters to the contract's ${MAX_TITLE_LENGTH}`,
    });
    title = `${cut}…`;
  }
  const summary =
    take('summary', record.summary) ??
    todo('summary', 'one or two sentences: what happened, for how long, who was affected, and why.');

  let severity: string;
  const severityFound = record.severity && severityId(record.severity.value, config);
  if (record.severity && severityFound) {
    severity = severityFound.id;
    if (severityFound.rule)
      guessed.push({ field: 'severity', value: severity, from: `${severityFound.rule} in ${record.severity.from}` });
    else mapped.push({ field: 'severity', from: record.severity.from });
  } else {
    const scale = config.severities.map((level) => level.id).join(', ');
    severity = todo(
      'severity',
      record.severity
        ? `severity: "${record.severity.value}" is not on the scale; one of ${scale} (map it in import.severities)`
        : `severity, one of ${scale}`,
    );
  }

  // Times: the source's own, else the timeline's first and last moments, said as guesses.
  let startedAt = record.startedAt && resolve(record.startedAt.value);
  let startDate = record.startedAt?.value.kind === 'date' ? record.startedAt.value.date : undefined;
  const timelineTimes = timelineMoments(record, startDate, zone, resolve);
  if (startedAt) take('startedAt', record.startedAt, () => formatInZone(startedAt!, zone));
  else {
    // What set an incident off usually comes before its impact: the first other entry is the start.
    const dated = timelineTimes.filter(({ at }) => at && (!startDate || localDate(at, zone) === startDate));
    const first = dated.find(({ entry }) => entry.kind !== 'trigger') ?? dated[0];
    if (first?.at) {
      startedAt = first.at;
      guessed.push({
        field: 'startedAt',
        value: formatInZone(first.at, zone),
        from: `the first timeline entry after any trigger ("${first.entry.event}")${record.startedAt ? `, on the day in ${record.startedAt.from}` : ''}`,
      });
    }
  }
  if (startedAt) startDate = localDate(startedAt, zone);

  let resolvedAt = record.resolvedAt && resolve(record.resolvedAt.value);
  if (resolvedAt && startedAt && resolvedAt < startedAt) {
    notes.push({
      kind: 'dropped',
      message: `${record.resolvedAt!.from} (${record.resolvedAt!.value.text}) is before the start; not used`,
    });
    resolvedAt = undefined;
  } else if (resolvedAt) take('resolvedAt', record.resolvedAt, () => formatInZone(resolvedAt!, zone));
  if (!resolvedAt) {
    const last = timelineTimes.findLast(({ entry, at }) => at && entry.kind === 'resolved');
    if (last?.at && (!startedAt || last.at >= startedAt)) {
      resolvedAt = last.at;
      guessed.push({
        field: 'resolvedAt',
        value: formatInZone(last.at, zone),
        from: `the last "resolved" timeline entry ("${last.entry.event}")`,
      });
    }
  }
  const onDay = startDate ? ` on ${startDate}` : '';
  const startedText = startedAt
    ? quoted(formatInZone(startedAt, zone))
    : todo('startedAt', `when impact began${onDay} (${zone}), e.g. ${startDate ?? '2024-03-14'}T09:12:00Z`);
  const resolvedText = resolvedAt
    ? quoted(formatInZone(resolvedAt, zone))
    : todo('resolvedAt', `when it was over (${zone}), e.g. ${startDate ?? '2024-03-14'}T10:05:00Z`);

  const within = (field: 'detectedAt' | 'mitigatedAt') => {
    const found = record[field];
    const at = found && resolve(found.value);
    if (!found || !at) return undefined;
    if (startedAt && resolvedAt && (at < startedAt || at > resolvedAt)) {
      notes.push({ kind: 'dropped', message: `${field} from ${found.from} lies outside the incident; not used` });
      return undefined;
    }
    take(field, found);
    return quoted(formatInZone(at, zone));
  };
  const detectedAt = within('detectedAt');
  const mitigatedAt = within('mitigatedAt');

  const timeline = mapTimeline(record, { startedAt, resolvedAt, zone, resolve, notes });
  if (timeline.length > 0) {
    mapped.push({ field: 'timeline', from: `${timeline.length} entries from ${record.timeline!.from}` });
    const inferred = record.timeline!.value.filter((entry) => entry.kindWord).length;
    if (inferred > 0)
      guessed.push({
        field: 'timeline[].kind',
        value: `${inferred} of ${record.timeline!.value.length}`,
        from: 'the words of each event (detected, alerted, paged, escalated, mitigated, resolved…)',
      });
  }
  if (zoneUse.used)
    notes.push({
      kind: 'zone',
      message: `times without a zone read in ${zone} (${sourceZone ? record.timezone!.from : cliZone ? '--timezone' : "the site's defaultTimezone; --timezone sets another"})`,
    });

  const list = (field: 'services' | 'tags' | 'authors' | 'escalatedTo') => {
    const values = take(field, record[field], (value) => value.join(', '));
    if (!values) return undefined;
    // Services and tags become URL slugs: a name without letters or digits has none.
    const kept = field === 'services' || field === 'tags' ? values.filter((value) => slug(value)) : values;
    for (const value of values.filter((value) => !kept.includes(value)))
      notes.push({ kind: 'dropped', message: `${field}: \`${value}\` has no letters or digits` });
    return kept.length > 0 ? [...new Set(kept)] : undefined;
  };
  const services = list('services') ?? [todo('services', 'a service affected, e.g. checkout')];
  const tags = list('tags');
  const authors = list('authors') ?? [todo('authors', 'who wrote the postmortem')];
  const escalatedTo = list('escalatedTo');
  const usersAffectedPct = take('impact.usersAffectedPct', record.usersAffectedPct);
  const categories = take('impact.categories', record.impactCategories, (value) => value.join(', '));
  const detection = take('detection', record.detection);
  const trigger = take('trigger', record.trigger);
  const visibility = take('visibility', record.visibility);

  const actionItems = (take('actionItems', record.actionItems, (items) => `${items.length}`) ?? []).map(
    (item, index) => {
      const ticket = item.ticket && /^https?:\/\/[^\s]+$/i.test(item.ticket) ? item.ticket : undefined;
      const dueTime = item.due && !isCalendarDate(item.due) ? parseSourceTime(item.due) : undefined;
      const due = item.due && isCalendarDate(item.due) ? item.due : dueTime?.kind === 'date' ? dueTime.date : undefined;
      if (item.due && !due)
        notes.push({ kind: 'dropped', message: `action item ${index + 1}: due \`${item.due}\` is not a date` });
      if (item.ticket && !ticket)
        notes.push({
          kind: 'dropped',
          message: `action item ${index + 1}: ticket \`${item.ticket}\` is not an http(s) URL`,
        });
      return {
        title: item.title,
        owner: item.owner ?? todo(`actionItems[${index}].owner`, 'a person or team'),
        ...(item.type ? { type: item.type } : {}),
        ...(item.status && ACTION_ITEM_STATUSES.includes(item.status) ? { status: item.status } : {}),
        ...(due ? { due } : {}),
        ...(ticket ? { ticket } : {}),
      };
    },
  );
  const needsActionItems = config.lint.actionItemsRequiredFor.some((id) => id.toLowerCase() === severity.toLowerCase());
  if (actionItems.length === 0 && needsActionItems)
    actionItems.push({
      title: todo('actionItems[0].title', `a task that prevents a repeat (${severity} postmortems need action items)`),
      owner: todo('actionItems[0].owner', 'a person or team'),
    });

  const body = completeBody(
    record.body,
    sectionsFor(config.sections, severity).filter((section) => section.required),
    placeholders,
  );
  const frontmatter: Record<string, unknown> = {
    title,
    summary,
    severity,
    ...(placeholders.length > 0 ? { status: 'draft' } : {}),
    ...(visibility ? { visibility } : {}),
    startedAt: startedText,
    ...(detectedAt ? { detectedAt } : {}),
    ...(mitigatedAt ? { mitigatedAt } : {}),
    resolvedAt: resolvedText,
    timezone: zone,
    services,
    ...(tags?.length ? { tags } : {}),
    authors,
    ...(escalatedTo?.length ? { escalatedTo } : {}),
    ...(usersAffectedPct !== undefined || categories
      ? {
          impact: {
            ...(usersAffectedPct !== undefined ? { usersAffectedPct } : {}),
            ...(categories ? { categories } : {}),
          },
        }
      : {}),
    ...(detection ? { detection } : {}),
    ...(trigger ? { trigger } : {}),
    ...(timeline.length > 0 ? { timeline } : {}),
    ...(actionItems.length > 0 ? { actionItems } : {}),
    source: record.reference,
  };
  settleWithSchema(frontmatter, timeline, config, notes);
  return {
    record,
    frontmatter,
    body,
    startDate,
    title: record.title?.value ?? 'incident',
    mapped,
    guessed,
    placeholders,
    notes,
  };
}

/** `value` with the YAML scalars written for quoting turned back into plain values, as a YAML reader would see it. */
function plain(value: unknown): unknown {
  if (value instanceof Scalar) return value.value;
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
  return value;
}

const schemas = new WeakMap<MapOptions['config'], PostmortemSchema>();

/** The site's schema, built once per config: building it costs more than a parse. */
function schemaFor(config: MapOptions['config']): PostmortemSchema {
  let schema = schemas.get(config);
  if (!schema) {
    schema = createPostmortemSchema({ severities: config.severities, defaultTimezone: config.defaultTimezone });
    schemas.set(config, schema);
  }
  return schema;
}

/** Rounds of demoting timeline entries before giving up: each round settles at least one entry. */
const MAX_SETTLING_ROUNDS = 10;

/**
 * Runs the frontmatter through the schema itself, so the file agrees with every
 * rule of the contract without the importer restating them: a timeline entry the
 * schema rejects (a first `detected` entry that disagrees with detectedAt, say) keeps
 * its place as a `note`, or, when that is not enough, stays in the body only. What is
 * left that is not a placeholder is said in the report as something `check` will flag.
 */
function settleWithSchema(
  frontmatter: Record<string, unknown>,
  timeline: { at: Scalar; event: string; kind: string }[],
  config: MapOptions['config'],
  notes: ImportNote[],
): void {
  const schema = schemaFor(config);
  for (let round = 0; round < MAX_SETTLING_ROUNDS; round += 1) {
    const candidate = plain(frontmatter) as Record<string, unknown>;
    // A severity still to be chosen does not change the timeline's rules: stand in the scale's first.
    if (String(candidate['severity']).includes(PLACEHOLDER_MARKER)) candidate['severity'] = config.severities[0]?.id;
    const result = schema.safeParse(candidate, { reportInput: true });
    if (result.success) return;
    const issues = result.error.issues.filter(
      (issue) => !(typeof issue.input === 'string' && issue.input.includes(PLACEHOLDER_MARKER)),
    );
    const onTimeline = issues.find((issue) => issue.path[0] === 'timeline' && typeof issue.path[1] === 'number');
    if (!onTimeline) {
      for (const issue of issues)
        notes.push({ kind: 'check', message: `npm run check will report ${issue.path.join('.')}: ${issue.message}` });
      return;
    }
    const index = onTimeline.path[1] as number;
    const entry = timeline[index]!;
    if (entry.kind !== 'note') {
      notes.push({
        kind: 'guessed',
        message: `timeline entry "${entry.event}" kept as a note, not \`${entry.kind}\`: ${onTimeline.message}`,
      });
      entry.kind = 'note';
    } else {
      timeline.splice(index, 1);
      notes.push({
        kind: 'dropped',
        message: `timeline entry "${entry.event}" left in the body only: ${onTimeline.message}`,
      });
      if (timeline.length === 0) delete frontmatter['timeline'];
    }
  }
}

/**
 * The moment of each timeline entry, where one is known: exact times as they are, and
 * `HH:MM` times on the day the source names, rolling over midnight as the schema does.
 */
function timelineMoments(
  record: SourceRecord,
  day: string | undefined,
  zone: string,
  resolve: (time: SourceTime) => Date | undefined,
): { entry: SourceTimelineEntry; at: Date | undefined }[] {
  const entries = record.timeline?.value ?? [];
  if (!day) return entries.map((entry) => ({ entry, at: resolve(entry.at) }));
  const written = entries.map((entry) => {
    if (entry.at.kind === 'wall-clock') return !entry.at.zone || entry.at.zone === zone ? entry.at.time : undefined;
    const at = resolve(entry.at);
    return at && formatInZone(at, zone);
  });
  const known = written.flatMap((text) => (text === undefined ? [] : [text]));
  const resolved = resolveTimelineTimes(known, startOfDay(day, zone), zone);
  let index = 0;
  return entries.map((entry, position) => {
    if (written[position] === undefined) return { entry, at: undefined };
    const result = resolved[index++]!;
    if (entry.at.kind === 'wall-clock') resolve({ kind: 'local', date: day, time: entry.at.time, text: '' });
    return { entry, at: result.ok ? result.at : undefined };
  });
}

/**
 * Timeline entries the schema accepts: each at a time it can place, in order and
 * within a day of the incident. An entry that is not is left out of the frontmatter
 * (it stays in the body) with a note.
 */
function mapTimeline(
  record: SourceRecord,
  context: {
    startedAt: Date | undefined;
    resolvedAt: Date | undefined;
    zone: string;
    resolve: (time: SourceTime) => Date | undefined;
    notes: ImportNote[];
  },
): { at: Scalar; event: string; kind: string }[] {
  const { startedAt, resolvedAt, zone, notes } = context;
  const accepted: { at: Scalar; event: string; kind: string }[] = [];
  const written: string[] = [];
  let previous: Date | undefined;
  for (const entry of record.timeline?.value ?? []) {
    const exact = context.resolve(entry.at);
    const wallClock = exact && startedAt ? shortTime(exact, written, startedAt, zone) : undefined;
    const sameZoneTime =
      entry.at.kind === 'wall-clock' && (!entry.at.zone || entry.at.zone === zone) ? entry.at.time : undefined;
    const at = wallClock ?? (exact ? formatInZone(exact, zone) : sameZoneTime);
    const leaveOut = (why: string) =>
      notes.push({
        kind: 'dropped',
        message: `timeline entry "${entry.at.text} ${entry.event}" left in the body only: ${why}`,
      });
    if (!at) {
      leaveOut(`its time names no moment in ${zone}`);
      continue;
    }
    if (startedAt) {
      const result = resolveTimelineTimes([...written, at], startedAt, zone).at(-1)!;
      if (!result.ok) {
        leaveOut(result.reason);
        continue;
      }
      const latest = Math.max(resolvedAt?.getTime() ?? startedAt.getTime(), startedAt.getTime()) + TIMELINE_MARGIN_MS;
      if (result.at.getTime() < startedAt.getTime() - TIMELINE_MARGIN_MS || result.at.getTime() > latest) {
        leaveOut('more than a day outside the incident');
        continue;
      }
      if (previous && result.at < previous) {
        leaveOut('it is out of order');
        continue;
      }
      previous = result.at;
    }
    written.push(at);
    accepted.push({ at: quoted(at), event: entry.event, kind: entry.kind });
  }
  return accepted;
}

/** `HH:MM` for `instant` when the schema would read it back as the same moment after `written`, else `undefined`. */
function shortTime(instant: Date, written: readonly string[], startedAt: Date, zone: string): string | undefined {
  const local = formatInZone(instant, zone);
  if (!local.includes(':00', 16)) return undefined;
  const time = local.slice(11, 16);
  const result = resolveTimelineTimes([...written, time], startedAt, zone).at(-1);
  return result?.ok && result.at.getTime() === instant.getTime() ? time : undefined;
}

/** The body with every required section present: a missing one is added with a `TODO:` prompt. */
function completeBody(
  body: string,
  required: readonly Pick<Section, 'title' | 'prompt'>[],
  placeholders: Placeholder[],
): string {
  const present = new Set([...body.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)].map((match) => normaliseHeading(match[1]!)));
  const missing = required.filter(({ title }) => !present.has(normaliseHeading(title)));
  const added = missing.map(({ title, prompt }) => {
    placeholders.push({ field: `body: ## ${title}`, prompt });
    return `## ${title}\n\n${PLACEHOLDER_MARKER} ${prompt}`;
  });
  return [body.trim(), ...added].filter(Boolean).join('\n\n');
}
