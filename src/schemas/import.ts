import { z } from 'astro/zod';

/** Our frontmatter fields a team's own field can be read into by `npm run import`. */
export const IMPORT_TARGET_FIELDS = [
  'title',
  'summary',
  'severity',
  'startedAt',
  'detectedAt',
  'mitigatedAt',
  'resolvedAt',
  'timezone',
  'services',
  'tags',
  'authors',
  'escalatedTo',
  'detection',
  'trigger',
] as const;

/**
 * Severity names common in other tools and templates, with the level of the default
 * scale they mean. cState's `down`, `disrupted` and `notice`; incident.io's default
 * `Critical`, `Major` and `Minor`. A name whose level is not on the site's scale is ignored.
 */
const DEFAULT_SEVERITY_NAMES: Record<string, string> = {
  critical: 'SEV1',
  major: 'SEV2',
  minor: 'SEV3',
  down: 'SEV1',
  disrupted: 'SEV2',
  notice: 'SEV4',
};

/** How `npm run import` reads a team's own field names and values into ours. */
export const ImportConfigSchema = z.object({
  /**
   * A team's field names (frontmatter keys, incident.io custom fields, Markdown headings of
   * one line such as `Team: payments`) and the field of ours they mean, e.g.
   * `{ team: 'services', priority: 'severity' }`. Matched case-insensitively. Default none:
   * common names (`date`, `start_time`, `author`, `keywords`…) are known already.
   */
  fields: z.record(z.string().min(1), z.enum(IMPORT_TARGET_FIELDS)).default({}),
  /**
   * A team's severity names and the id of the site's scale each one means, e.g.
   * `{ P1: 'SEV1', 'Customer facing': 'SEV2' }`. Matched case-insensitively; the ids of the
   * scale itself are always understood. Default {@link DEFAULT_SEVERITY_NAMES}.
   */
  severities: z.record(z.string().min(1), z.string().min(1)).default(DEFAULT_SEVERITY_NAMES),
});

export type ImportConfig = z.output<typeof ImportConfigSchema>;
