/**
 * What a reader makes of one source, whatever its format: each value with where it
 * was found and, when it was inferred rather than read, from what. Mapping it onto
 * the frontmatter contract is `map.ts`'s job; readers only say what the source says.
 */
import type { ImportConfig } from '../../schemas/import';
import { IMPORT_TARGET_FIELDS } from '../../schemas/import';
import {
  DETECTION_METHODS,
  TRIGGERS,
  type ACTION_ITEM_STATUSES,
  type ACTION_ITEM_TYPES,
  type IMPACT_CATEGORIES,
  type TimelineKind,
} from '../../schemas/postmortem';
import { parseSourceTime, type SourceTime } from './source-time';

export const IMPORT_FORMATS = ['markdown', 'postmortems-app', 'cstate', 'incident-io'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A value and where it came from: `from` names the source's field or section, `guess` says what it was inferred from. */
export interface Found<T> {
  value: T;
  from: string;
  /** Set when the value was inferred, not read: what from, in words for the report. */
  guess?: string | undefined;
}

/** One line of the report about something the importer changed or left out. */
export interface ImportNote {
  /** `check`: something `npm run check` will report that is not a placeholder. */
  kind: 'dropped' | 'escaped' | 'guessed' | 'zone' | 'check';
  message: string;
}

export interface SourceTimelineEntry {
  at: SourceTime;
  event: string;
  kind: TimelineKind;
  /** The word the kind was inferred from, if any. */
  kindWord?: string | undefined;
}

export interface SourceActionItem {
  title: string;
  owner?: string | undefined;
  type?: (typeof ACTION_ITEM_TYPES)[number] | undefined;
  status?: (typeof ACTION_ITEM_STATUSES)[number] | undefined;
  due?: string | undefined;
  ticket?: string | undefined;
}

/** What one source says about one incident. */
export interface SourceRecord {
  format: ImportFormat;
  /** The reference recorded in `source`, e.g. `postmortems-app:3f1c…`. */
  reference: string;
  /** The source file as shown in the report. */
  file: string;
  title?: Found<string>;
  summary?: Found<string>;
  /** The source's own severity name, mapped onto the scale later. */
  severity?: Found<string>;
  startedAt?: Found<SourceTime>;
  detectedAt?: Found<SourceTime>;
  mitigatedAt?: Found<SourceTime>;
  resolvedAt?: Found<SourceTime>;
  timezone?: Found<string>;
  services?: Found<string[]>;
  tags?: Found<string[]>;
  authors?: Found<string[]>;
  escalatedTo?: Found<string[]>;
  usersAffectedPct?: Found<number>;
  impactCategories?: Found<(typeof IMPACT_CATEGORIES)[number][]>;
  detection?: Found<(typeof DETECTION_METHODS)[number]>;
  trigger?: Found<(typeof TRIGGERS)[number]>;
  visibility?: Found<'public' | 'internal'>;
  timeline?: Found<SourceTimelineEntry[]>;
  actionItems?: Found<SourceActionItem[]>;
  /** The Markdown body, already safe (see `safe-body.ts`). */
  body: string;
  notes: ImportNote[];
}

type TargetField = (typeof IMPORT_TARGET_FIELDS)[number];

/** Field names other tools and templates use, and ours they mean. A team adds its own in `import.fields`. */
const COMMON_FIELD_NAMES: Record<string, TargetField> = {
  title: 'title',
  name: 'title',
  headline: 'title',
  summary: 'summary',
  description: 'summary',
  severity: 'severity',
  sev: 'severity',
  priority: 'severity',
  level: 'severity',
  startedat: 'startedAt',
  started: 'startedAt',
  start: 'startedAt',
  starttime: 'startedAt',
  date: 'startedAt',
  incidentdate: 'startedAt',
  detectedat: 'detectedAt',
  detected: 'detectedAt',
  mitigatedat: 'mitigatedAt',
  mitigated: 'mitigatedAt',
  resolvedat: 'resolvedAt',
  resolvedwhen: 'resolvedAt',
  resolved: 'resolvedAt',
  end: 'resolvedAt',
  endtime: 'resolvedAt',
  ended: 'resolvedAt',
  timezone: 'timezone',
  tz: 'timezone',
  services: 'services',
  service: 'services',
  affected: 'services',
  affectedservices: 'services',
  components: 'services',
  systems: 'services',
  product: 'services',
  products: 'services',
  tags: 'tags',
  keywords: 'tags',
  categories: 'tags',
  labels: 'tags',
  authors: 'authors',
  author: 'authors',
  by: 'authors',
  names: 'authors',
  writtenby: 'authors',
  escalatedto: 'escalatedTo',
  detection: 'detection',
  trigger: 'trigger',
};

/** A field name as compared: lowercase letters and digits only (`start_time` → `starttime`). */
function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Which of our fields a source field stands for: the team's `import.fields` first, then common names. */
function targetField(name: string, config: ImportConfig): TargetField | undefined {
  const key = fieldKey(name);
  for (const [theirs, ours] of Object.entries(config.fields)) if (fieldKey(theirs) === key) return ours;
  return COMMON_FIELD_NAMES[key];
}

/** A list from a YAML list, a TOML array or a comma-separated line. */
export function textList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/,|;|\band\b/) : [value];
  return items
    .filter((item) => typeof item === 'string' || typeof item === 'number')
    .map((item) => String(item).trim())
    .filter(Boolean);
}

/** A scalar as text: dates from TOML or YAML as their ISO text, numbers as digits. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

/**
 * Reads the fields of a frontmatter-like object into `record`: each known name into
 * our field, values checked for their type. `label` says where they were found
 * ("frontmatter"; `describe` words it otherwise), and the names left over are returned for the format to read.
 */
export function readFields(
  fields: Record<string, unknown>,
  record: SourceRecord,
  config: ImportConfig,
  label: string,
  describe: (name: string) => string = (name) => `${label} \`${name}\``,
): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const target = targetField(name, config);
    const from = describe(name);
    const text = scalarText(value);
    switch (target) {
      case 'title':
      case 'summary':
      case 'severity':
      case 'timezone':
        if (text && !record[target]) record[target] = { value: text, from };
        else if (!text) rest[name] = value;
        break;
      case 'detection': {
        const method = DETECTION_METHODS.find((known) => known === text);
        if (method) record.detection = { value: method, from };
        else rest[name] = value;
        break;
      }
      case 'trigger': {
        const trigger = TRIGGERS.find((known) => known === text);
        if (trigger) record.trigger = { value: trigger, from };
        else rest[name] = value;
        break;
      }
      case 'startedAt':
      case 'detectedAt':
      case 'mitigatedAt':
      case 'resolvedAt': {
        const time = text ? parseSourceTime(text) : undefined;
        if (time && !record[target]) record[target] = { value: time, from };
        else if (!time) rest[name] = value;
        break;
      }
      case 'services':
      case 'tags':
      case 'authors':
      case 'escalatedTo': {
        const list = textList(value);
        if (list.length > 0) {
          const previous = record[target];
          record[target] = previous
            ? { value: [...previous.value, ...list], from: `${previous.from}, ${from}` }
            : { value: list, from };
        }
        break;
      }
      default:
        rest[name] = value;
    }
  }
  return rest;
}
