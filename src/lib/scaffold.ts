/**
 * The skeleton `npm run new` writes: complete frontmatter and the classic
 * postmortem sections, with a `TODO:` prompt wherever the writer has work to do.
 * The sections are the ones the page places structured data in (src/lib/body-sections.ts):
 * the frontmatter timeline under "Timeline", the action items under "Corrective and
 * preventative measures", so the body explains them instead of repeating them.
 * `npm run check` reports every prompt left, so nothing half-written is merged.
 */
import { slug } from 'github-slugger';
import { Scalar, stringify } from 'yaml';
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
  /** Sections the site's lint config requires; each gets a heading if the template lacks it. */
  requiredSections: readonly string[];
}

const todo = (prompt: string) => `${PLACEHOLDER_MARKER} ${prompt}`;

/** Times are written in double quotes, as the README recommends, so no YAML reader takes them for numbers or dates. */
function quoted(value: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/** The sections of a postmortem, each with the prompt saying what it must contain. */
export const SECTIONS: readonly { title: string; prompt: string }[] = [
  {
    title: 'Issue summary',
    prompt:
      'In a short paragraph: how long it lasted, with start and end times and the time zone; the impact; the share of users affected; the root cause in one sentence.',
  },
  {
    title: 'Timeline',
    prompt:
      'Tell the story of the frontmatter timeline, which the page shows under this heading: how the problem was detected and by what, the misleading paths, when and to whom it was escalated, and what resolved it. Explain; do not list the times again.',
  },
  {
    title: 'Root cause and resolution',
    prompt:
      'Explain what caused the incident, in terms of systems and decisions rather than people, and exactly what fixed it. A diagram helps.',
  },
  {
    title: 'Corrective and preventative measures',
    prompt:
      'Say what the action items address. The page lists the frontmatter actionItems under this heading, each with its owner, status and due date: write each task there, not as a checklist here.',
  },
  {
    title: 'Lessons learned',
    prompt: 'What the team learned that applies beyond this incident, in a sentence or two.',
  },
];

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
  };
  const known = new Set(SECTIONS.map((section) => section.title.toLowerCase()));
  const sections = [
    ...SECTIONS,
    ...input.requiredSections
      .filter((title) => !known.has(title.toLowerCase()))
      .map((title) => ({ title, prompt: 'Write this section.' })),
  ];
  const body = sections.map(({ title, prompt }) => `## ${title}\n\n${todo(prompt)}`).join('\n\n');
  return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}\n`;
}
