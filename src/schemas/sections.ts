/**
 * Section templates: the `##` sections a postmortem's body has, as a team names them.
 * `npm run new` writes them as the skeleton, and the `required-sections` rule checks
 * the ones marked required, with more for the severities that need them.
 */
import { z } from 'astro/zod';

/** One `##` section of the body. */
const SectionSchema = z.object({
  /** The heading, matched case-insensitively, e.g. "Root cause and resolution". */
  title: z.string().trim().min(1),
  /** What the writer puts in it: the `TODO:` prompt of `npm run new`. Default "Write this section." */
  prompt: z.string().trim().min(1).default('Write this section.'),
  /** Whether `check` reports a body without it. Default `true`. */
  required: z.boolean().default(true),
});

type SectionInput = z.input<typeof SectionSchema>;
export type Section = z.output<typeof SectionSchema>;

/**
 * The classic template (Google's API infrastructure outage template, as the README describes it):
 * only the sections the page places structured data in are required, as they always were.
 */
const CLASSIC: SectionInput[] = [
  {
    title: 'Issue summary',
    prompt:
      'In a short paragraph: how long it lasted, with start and end times and the time zone; the impact; the share of users affected; the root cause in one sentence.',
    required: false,
  },
  {
    title: 'Timeline',
    prompt:
      'Tell the story of the frontmatter timeline, which the page shows under this heading: how the problem was detected and by what, the misleading paths, when and to whom it was escalated, and what resolved it. Explain; do not list the times again.',
    required: false,
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
    required: false,
  },
];

/** The shape of the postmortem in Google's SRE book (chapter "Example Postmortem"), in our words. */
const GOOGLE_SRE: SectionInput[] = [
  { title: 'Summary', prompt: 'One paragraph: what broke, for how long, and for whom.', required: false },
  { title: 'Impact', prompt: 'Who and what was hit: users, requests, revenue, data.' },
  {
    title: 'Root causes',
    prompt: 'The conditions in the system that made the failure possible, not the people who met them.',
  },
  { title: 'Trigger', prompt: 'The change or event that turned those conditions into an outage.', required: false },
  { title: 'Resolution', prompt: 'What stopped the impact, and what repaired the system afterwards.' },
  { title: 'Detection', prompt: 'How and when the problem was noticed, and what would have noticed it sooner.' },
  {
    title: 'Action items',
    prompt:
      'What the frontmatter actionItems address; the page lists them here with owner, status and due date, so do not repeat them as a checklist.',
  },
  {
    title: 'Lessons learned',
    prompt: 'Three short lists: what went well, what went wrong, and where we got lucky.',
  },
  {
    title: 'Timeline',
    prompt: 'The story behind the frontmatter timeline, which the page shows here; do not list the times again.',
    required: false,
  },
  { title: 'Supporting information', prompt: 'Links to dashboards, graphs and chat logs.', required: false },
];

/** The shape of Atlassian's incident postmortem (Incident Handbook), in our words. */
const ATLASSIAN: SectionInput[] = [
  { title: 'Incident summary', prompt: 'What happened, when, for how long and to whom, in a few sentences.' },
  { title: 'Leadup', prompt: 'The changes and circumstances that led to the incident.', required: false },
  { title: 'Fault', prompt: 'What failed, and how it behaved once it had.' },
  { title: 'Impact', prompt: 'What customers saw, how many of them, and which support cases it raised.' },
  { title: 'Detection', prompt: 'How the team learned of it, how long that took, and how to learn sooner.' },
  { title: 'Response', prompt: 'Who responded and when, with what they tried and what slowed them.', required: false },
  { title: 'Recovery', prompt: 'How service came back, and how long each step took.' },
  {
    title: 'Timeline',
    prompt: 'The story behind the frontmatter timeline, which the page shows here; do not list the times again.',
    required: false,
  },
  {
    title: 'Five whys',
    prompt: 'Ask why from the symptom down, five times or until the answer is a system to change.',
  },
  { title: 'Root cause', prompt: 'The cause the five whys ended at, in terms of systems and decisions.' },
  { title: 'Backlog check', prompt: 'Any earlier ticket that would have prevented this, and why it waited.' },
  { title: 'Lessons learned', prompt: 'What went well, what could have gone better, and where we got lucky.' },
  {
    title: 'Corrective actions',
    prompt:
      'What the frontmatter actionItems address; the page lists them here with owner, status and due date, so do not repeat them as a checklist.',
  },
];

/** Templates a team can name instead of listing sections. */
const SECTION_PRESETS = { classic: CLASSIC, 'google-sre': GOOGLE_SRE, atlassian: ATLASSIAN } as const;
type PresetName = keyof typeof SECTION_PRESETS;
const PRESET_NAMES = Object.keys(SECTION_PRESETS) as [PresetName, ...PresetName[]];

/** The body's sections, as a team configures them. */
export const SectionsConfigSchema = z
  .object({
    /**
     * A preset (`classic`, `google-sre`, `atlassian`) or the team's own list of sections,
     * e.g. `[{ title: 'What happened' }, { title: 'Where we got lucky', required: false }]`. Default `classic`.
     */
    template: z
      .union([z.enum(PRESET_NAMES), z.array(SectionSchema).min(1)], {
        error: `expected a preset (${PRESET_NAMES.join(', ')}) or a list of sections, each { title, prompt?, required? }`,
      })
      .default('classic'),
    /**
     * Sections that postmortems of a severity have too, or that become required for it, by severity id,
     * e.g. `{ SEV1: [{ title: 'Lessons learned' }] }`. Default none.
     */
    bySeverity: z.record(z.string(), z.array(SectionSchema)).default({}),
  })
  .transform(({ template, bySeverity }) => ({
    template:
      typeof template === 'string'
        ? SECTION_PRESETS[template].map((section) => SectionSchema.parse(section))
        : template,
    bySeverity,
  }));

export type SectionsConfig = z.output<typeof SectionsConfigSchema>;
