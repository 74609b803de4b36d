/**
 * incident.io: a JSON export of the v2 API, `{ "incidents": [...], "follow_ups": [...] }`
 * (the bodies of `GET /v2/incidents` and `GET /v2/follow_ups`, in one file or two).
 * Each incident becomes a postmortem; its follow-ups become its action items.
 * Field names as documented at https://api-docs.incident.io/tag/Incidents-V2 and
 * https://api-docs.incident.io/tag/Follow-ups-V2.
 */
import type { ImportConfig } from '../../schemas/import';
import { actionItemStatus } from './meaning';
import { emptyRecord, parseMarkdownSource } from './markdown';
import { isSafeUrl } from '../content-policy';
import { applyEdits, safetyEdits } from './safe-body';
import { readFields, scalarText, type SourceActionItem, type SourceRecord } from './source-record';
import { parseSourceTime } from './source-time';

interface Named {
  name?: unknown;
}
interface IncidentIoIncident {
  id?: unknown;
  reference?: unknown;
  name?: unknown;
  summary?: unknown;
  severity?: Named | null;
  incident_status?: (Named & { category?: unknown }) | null;
  visibility?: unknown;
  created_at?: unknown;
  permalink?: unknown;
  postmortem_document_url?: unknown;
  incident_timestamp_values?: { incident_timestamp?: Named; value?: { value?: unknown } | null }[];
  custom_field_entries?: {
    custom_field?: Named;
    values?: { value_option?: { value?: unknown }; value_catalog_entry?: Named; value_text?: unknown }[];
  }[];
  incident_role_assignments?: { role?: Named & { role_type?: unknown }; assignee?: Named | null }[];
}
interface IncidentIoFollowUp {
  id?: unknown;
  incident_id?: unknown;
  title?: unknown;
  status?: unknown;
  assignee?: Named | null;
  external_issue_reference?: { issue_permalink?: unknown } | null;
}

/** One JSON file of an export, as parsed. */
export interface IncidentIoDocument {
  file: string;
  data: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether parsed JSON looks like an incident.io export: incidents, follow-ups, or a list of incidents. */
export function isIncidentIoExport(data: unknown): boolean {
  if (Array.isArray(data)) return data.some((item) => isObject(item) && 'incident_status' in item);
  return isObject(data) && (Array.isArray(data['incidents']) || Array.isArray(data['follow_ups']));
}

function listOf<T>(data: unknown, key: string): T[] {
  if (Array.isArray(data)) return key === 'incidents' ? (data as T[]) : [];
  return isObject(data) && Array.isArray(data[key]) ? (data[key] as T[]) : [];
}

/** Which of our time fields an incident.io timestamp's name means. */
function timestampField(name: string): 'startedAt' | 'detectedAt' | 'mitigatedAt' | 'resolvedAt' | undefined {
  const text = name.toLowerCase();
  if (/impact start|started/.test(text)) return 'startedAt';
  if (/reported|detected|identified/.test(text)) return 'detectedAt';
  if (/fixed|mitigated/.test(text)) return 'mitigatedAt';
  if (/resolved/.test(text)) return 'resolvedAt';
  return undefined;
}

const FOLLOW_UP_STATUSES: Record<string, SourceActionItem['status']> = {
  outstanding: 'open',
  completed: 'done',
  not_doing: 'wont-do',
};

/** Reads every incident of the export, with the follow-ups of all its files as action items. */
export function readIncidentIo(documents: readonly IncidentIoDocument[], config: ImportConfig): SourceRecord[] {
  const followUps = new Map<string, IncidentIoFollowUp[]>();
  for (const { data } of documents)
    for (const followUp of listOf<IncidentIoFollowUp>(data, 'follow_ups')) {
      const id = scalarText(followUp.incident_id);
      if (id) followUps.set(id, [...(followUps.get(id) ?? []), followUp]);
    }
  return documents.flatMap(({ file, data }) =>
    listOf<IncidentIoIncident>(data, 'incidents').flatMap((incident) => {
      const id = scalarText(incident.id);
      return id ? [readIncident(incident, id, file, followUps.get(id) ?? [], config)] : [];
    }),
  );
}

function readIncident(
  incident: IncidentIoIncident,
  id: string,
  file: string,
  followUps: readonly IncidentIoFollowUp[],
  config: ImportConfig,
): SourceRecord {
  const record = emptyRecord('incident-io', file, `incident-io:${id}`);
  const reference = scalarText(incident.reference);
  readFields(
    { name: incident.name, summary: incident.summary, severity: incident.severity?.name },
    record,
    config,
    reference ?? id,
    (name) => `\`${name === 'severity' ? 'severity.name' : name}\``,
  );
  if (incident.visibility === 'public' || incident.visibility === 'private')
    record.visibility = {
      value: incident.visibility === 'public' ? 'public' : 'internal',
      from: `\`visibility\` ${incident.visibility}`,
    };

  for (const entry of incident.incident_timestamp_values ?? []) {
    const name = scalarText(entry.incident_timestamp?.name);
    const value = scalarText(entry.value?.value);
    const field = name ? timestampField(name) : undefined;
    const time = value ? parseSourceTime(value) : undefined;
    if (field && time && !record[field]) record[field] = { value: time, from: `timestamp "${name}"` };
  }
  const created = scalarText(incident.created_at);
  const createdAt = created ? parseSourceTime(created) : undefined;
  if (!record.startedAt && createdAt)
    record.startedAt = {
      value: createdAt,
      from: '`created_at`',
      guess: 'when the incident was declared, as no "Impact started" timestamp is set',
    };
  const category = scalarText(incident.incident_status?.category);
  if (category && !['closed', 'resolved', 'post-incident', 'learning'].includes(category)) {
    record.notes.push({ kind: 'dropped', message: `the incident is still \`${category}\`: no end time taken` });
    delete record.resolvedAt;
  }

  // Custom fields by the name the team gave them: "Affected services" → services, and what import.fields adds.
  const custom: Record<string, string[]> = {};
  for (const entry of incident.custom_field_entries ?? []) {
    const name = scalarText(entry.custom_field?.name);
    if (!name) continue;
    custom[name] = (entry.values ?? []).flatMap((value) => {
      const text =
        scalarText(value.value_option?.value) ??
        scalarText(value.value_catalog_entry?.name) ??
        scalarText(value.value_text);
      return text ? [text] : [];
    });
  }
  const unread = Object.keys(readFields(custom, record, config, 'custom field', (name) => `custom field "${name}"`));
  if (unread.length > 0)
    record.notes.push({
      kind: 'dropped',
      message: `custom fields not imported: ${unread.map((name) => `"${name}"`).join(', ')} (name them in the site config's import.fields to keep them)`,
    });

  const lead = incident.incident_role_assignments?.find((assignment) => assignment.role?.role_type === 'lead');
  const leadName = scalarText(lead?.assignee?.name);
  if (leadName && !record.authors)
    record.authors = {
      value: [leadName],
      from: 'role assignments',
      guess: `the incident lead (${scalarText(lead?.role?.name) ?? 'lead'})`,
    };

  const items: SourceActionItem[] = [];
  for (const followUp of followUps) {
    const title = scalarText(followUp.title);
    const status = scalarText(followUp.status);
    if (!title) continue;
    if (status === 'deleted') {
      record.notes.push({ kind: 'dropped', message: `follow-up "${title}" was deleted in incident.io; left out` });
      continue;
    }
    items.push({
      title,
      owner: scalarText(followUp.assignee?.name),
      status: status ? (FOLLOW_UP_STATUSES[status] ?? actionItemStatus(status)) : undefined,
      ticket: scalarText(followUp.external_issue_reference?.issue_permalink),
    });
  }
  if (items.length > 0) record.actionItems = { value: items, from: `${items.length} follow-ups` };

  record.body = incidentBody(incident, record);
  return record;
}

/** The body: the summary as the issue summary, with links to the write-up and the incident. */
function incidentBody(incident: IncidentIoIncident, record: SourceRecord): string {
  const parts: string[] = [];
  const summary = scalarText(incident.summary);
  if (summary) {
    const parsed = parseMarkdownSource(summary);
    const safety = safetyEdits(parsed.tree);
    record.notes.push(...safety.notes);
    parts.push(`## Issue summary\n\n${applyEdits(summary, safety.edits).trim()}`);
  }
  const links = [
    ['The postmortem document', scalarText(incident.postmortem_document_url)],
    ['The incident in incident.io', scalarText(incident.permalink)],
  ].filter((link): link is [string, string] => Boolean(link[1] && /^https?:\/\//i.test(link[1]) && isSafeUrl(link[1])));
  if (links.length > 0) parts.push(links.map(([label, url]) => `- [${label}](<${url}>)`).join('\n'));
  return parts.join('\n\n');
}
