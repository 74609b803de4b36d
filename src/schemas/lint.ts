import { z } from 'astro/zod';

/** Words that assign blame to people; reviewers want systems and decisions described instead. */
const DEFAULT_BLAME_PHRASES = [
  'human error',
  'careless',
  'should have known',
  'whose fault',
  'negligent',
  'incompetent',
  'blame',
];

/** The body-lint rules of `npm run check`, as a team configures them. */
export const LintConfigSchema = z.object({
  /** Replaced by `sections` (src/schemas/sections.ts); the site config says how to move a list written here. */
  requiredSections: z.array(z.string()).optional(),
  /** Body length the team aims for; outside it `check` warns. Code blocks do not count. */
  wordCount: z
    .object({
      min: z.number().int().nonnegative().default(400),
      max: z.number().int().positive().default(600),
    })
    .prefault({}),
  /** Phrases that point at people rather than systems; `check` warns on each (case-insensitive, whole words). */
  blamePhrases: z.array(z.string().min(1)).default(DEFAULT_BLAME_PHRASES),
  /** Severities whose postmortems must list action items. */
  actionItemsRequiredFor: z.array(z.string()).default(['SEV1', 'SEV2']),
});

export type LintConfig = z.output<typeof LintConfigSchema>;
