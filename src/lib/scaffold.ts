/**
 * The skeleton `npm run new` writes: complete frontmatter and the sections of the
 * site's template (`sections`, default the classic ones), with a `TODO:` prompt
 * wherever the writer has work to do. The page places structured data in sections by
 * their headings (src/lib/body-sections.ts): the frontmatter timeline under "Timeline",
 * the action items under "Corrective and preventative measures" or "Action items", so
 * the body explains them instead of repeating them.
 * `npm run check` reports every prompt left, so nothing half-written is merged.
 */
import { slug } from 'github-slugger';
import { Scalar, stringify } from 'yaml';
import { enumValuesOf, type CustomField, type CustomFieldValues } from '../schemas/custom-fields';
import type { Section } from '../schemas/sections';
import { PLACEHOLDER_MARKER } from './lint/rules/placeholders';
import { localDate, zonedParts } from './time';

/** What the writer told `npm run new`. */
export interface ScaffoldInput {
  title: string;
  severity: string;
  services: string[];
  startedAt: Date;
  timezone: string;
  authors: string[];
  /** `md` or `mdx`. */
  format: 'md' | 'mdx';
  /** The sections of the site's template for the severity (see `sectionsFor`), each with its prompt. */
  sections: readonly Pick<Section, 'title' | 'prompt'>[];
  /** The site's custom fields: each is written under `fields:` with a prompt saying what it takes. */
  fields: readonly CustomField[];
  /** Custom field values the writer gave already; the other fields get a `TODO:` prompt. */
  fieldValues?: CustomFieldValues;
}

const todo = (prompt: string) => `${PLACEHOLDER_MARKER} ${prompt}`;

/** Times are written in double quotes, as the README recommends, so no YAML reader takes them for numbers or dates. */
function quoted(value: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/**
 * A title as a file name's slug, in the lowercase ASCII kebab-case the file-name
 * rule wants: github-slugger's slug, with accents folded (`ś` → `s`), anything
 * else outside a–z and 0–9 dropped, and the hyphens it leaves collapsed
 * (`Guilds & Connection` gives `guilds--connection` before that).
 */
function fileSlug(title: string): string {
  return slug(title.normalize('NFKD').replace(/\p{M}/gu, ''))
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+/, '');
}

/** Longest slug kept in a file name, so names stay readable in a terminal. */
const MAX_SLUG_LENGTH = 60;

/** What a custom field takes, for its `TODO:` prompt. */
const VALUE_HINTS: Record<CustomField['type'], string> = {
  text: 'text',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date YYYY-MM-DD',
  'date-time': 'a date-time with an offset, e.g. 2024-03-14T09:12:00Z',
  url: 'an https:// link',
  enum: 'one of',
  list: 'a list, e.g. [first, second]',
};

/** The prompt of a custom field: its label and description, what it takes, and whether it may be left out. */
function fieldPrompt(field: CustomField): string {
  const values = enumValuesOf(field)?.map(({ value }) => value);
  const takes =
    field.type === 'enum' || (field.type === 'list' && values)
      ? `${field.type === 'list' ? 'a list of' : 'one of'} ${values?.join(', ')}`
      : field.type === 'number' && field.unit
        ? `a number in ${field.unit}`
        : VALUE_HINTS[field.type];
  const about = field.description ? `${field.label} (${field.description})` : field.label;
  return `${about}: ${takes}${field.required ? '' : '; or remove the line'}`;
}

/** `YYYY-MM-DD-slug.mdx`, dated by the local date of the start in the incident's zone. */
export function scaffoldFileName({
  title,
  startedAt,
  timezone,
  format,
}: Pick<ScaffoldInput, 'title' | 'startedAt' | 'timezone' | 'format'>): string {
  const titleSlug = fileSlug(title).slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '') || 'incident';
  return `${localDate(startedAt, timezone)}-${titleSlug}.${format}`;
}

/** The file's whole text. */
export function renderScaffold(input: ScaffoldInput): string {
  const start = zonedParts(input.startedAt, input.timezone);
  const frontmatter = {
    title: input.title,
    summary: todo('one or two sentences: what happened, for how long, who was affected, and why.'),
    severity: input.severity,
    status: 'draft',
    visibility: 'internal',
    startedAt: quoted(input.startedAt.toISOString().replace('.000Z', 'Z')),
    detectedAt: todo('when it was noticed, e.g. 2024-03-14T09:20:00Z'),
    mitigatedAt: todo('when the impact stopped or eased'),
    resolvedAt: todo('when it was over'),
    timezone: input.timezone,
    services: input.services,
    tags: [],
    authors: input.authors,
    impact: { usersAffectedPct: 0, categories: ['partial-outage'] },
    detection: 'monitoring-alert',
    trigger: 'unknown',
    timeline: [
      { at: quoted(start.time), event: todo('what started the incident'), kind: 'trigger' },
      // Times after the start are the writer's to fill: the moments detectedAt, mitigatedAt and resolvedAt name must agree with them.
      { at: todo('HH:MM of detectedAt'), event: todo('how it was detected, and by what'), kind: 'detected' },
      { at: todo('HH:MM it was done'), event: todo('what was done'), kind: 'action' },
      { at: todo('HH:MM of mitigatedAt'), event: todo('what stopped the impact'), kind: 'mitigated' },
      { at: todo('HH:MM of resolvedAt'), event: todo('when everything was back to normal'), kind: 'resolved' },
    ],
    actionItems: [
      {
        title: todo('a specific task that prevents a repeat'),
        owner: todo('a person or team'),
        type: 'prevent',
        status: 'open',
      },
    ],
    related: [],
    ...(input.fields.length > 0
      ? {
          fields: Object.fromEntries(
            input.fields.map((field) => {
              const given = input.fieldValues?.[field.key];
              return [
                field.key,
                given instanceof Date ? quoted(given.toISOString()) : (given ?? todo(fieldPrompt(field))),
              ];
            }),
          ),
        }
      : {}),
  };
  const body = input.sections.map(({ title, prompt }) => `## ${title}\n\n${todo(prompt)}`).join('\n\n');
  return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}\n`;
}
