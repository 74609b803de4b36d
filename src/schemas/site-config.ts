import { z } from 'astro/zod';
import { CustomFieldsSchema } from './custom-fields';
import { FollowThroughConfigSchema } from './follow-through';
import { ImportConfigSchema } from './import';
import { LintConfigSchema } from './lint';
import { SectionsConfigSchema } from './sections';
import { DEFAULT_SEVERITY_SCALE, SeverityScaleSchema } from './severity';
import { SimilarityConfigSchema } from './similarity';
import { TimeZoneSchema } from './time-zone';

/** Everything a team edits to make the site its own. */
export const SiteConfigSchema = z
  .object({
    /** Site title, shown in the header, feeds and page titles. */
    title: z.string().min(1).default('Postmortems'),
    /** One sentence describing the site, used in feeds and meta tags. */
    description: z.string().default('Incident postmortems: what happened, why, and what we changed.'),
    /** The deployed site's absolute URL; needed for feeds and the sitemap. */
    url: z.url().default('https://postmortems.example.com'),
    /** Zone used for display and `HH:MM` timeline times when a postmortem sets no `timezone`. Default `UTC`. */
    defaultTimezone: TimeZoneSchema.default('UTC'),
    /** The severity scale, most severe first. Default SEV1…SEV5. */
    severities: SeverityScaleSchema.default(DEFAULT_SEVERITY_SCALE),
    /**
     * Base URL for "Edit this postmortem" links; the file's path from the project
     * root is appended, e.g. `https://github.com/acme/postmortems/edit/main/`. Omit to hide the link.
     */
    editLinkBase: z.url().optional(),
    /** Postmortems per page on paginated lists. Default 20. */
    pageSize: z.number().int().positive().default(20),
    /**
     * The body's `##` sections: a preset (`classic`, `google-sre`, `atlassian`) or the team's own list, and
     * sections particular severities need, e.g. `{ template: 'google-sre', bySeverity: { SEV1: [{ title: 'Lessons learned' }] } }`.
     * Default: the classic template.
     */
    sections: SectionsConfigSchema.prefault({}),
    /** The rules of `npm run check` beyond the schema. */
    lint: LintConfigSchema.prefault({}),
    /** Due dates by policy and owners' GitHub handles, for following action items through. */
    followThrough: FollowThroughConfigSchema.prefault({}),
    /** How `npm run import` reads other tools' field and severity names into ours. Default: common names only. */
    import: ImportConfigSchema.prefault({}),
    /**
     * Facts the team records beyond the built-in frontmatter, written under `fields:` in a postmortem,
     * e.g. `{ key: 'region', type: 'enum', label: 'Region', values: ['eu-west-1', 'us-east-1'], facet: true }`.
     * Default none.
     */
    fields: CustomFieldsSchema.default([]),
    /** Weights and thresholds of the similarity score behind related incidents and repeats (`possible-repeat`). */
    similarity: SimilarityConfigSchema.prefault({}),
  })
  .superRefine((config, ctx) => {
    // A policy rule naming a severity the scale lacks would silently never apply.
    const ids = config.severities.map((level) => level.id);
    const isSeverity = (severity: string) => ids.some((id) => id.toLowerCase() === severity.toLowerCase());
    for (const severity of Object.keys(config.sections.bySeverity)) {
      if (isSeverity(severity)) continue;
      ctx.addIssue({
        code: 'custom',
        path: ['sections', 'bySeverity', severity],
        message: `\`${severity}\` is not a severity of this site; use one of ${ids.join(', ')}`,
      });
    }
    if (config.lint.requiredSections) {
      ctx.addIssue({
        code: 'custom',
        path: ['lint', 'requiredSections'],
        message:
          "required sections are part of the section template now; remove lint.requiredSections and list them under `sections`, e.g. sections: { template: [{ title: 'Root cause and resolution' }, …] }",
      });
    }
    config.followThrough.dueWithin.forEach((rule, index) => {
      rule.severities?.forEach((severity, position) => {
        if (isSeverity(severity)) return;
        ctx.addIssue({
          code: 'custom',
          path: ['followThrough', 'dueWithin', index, 'severities', position],
          message: `\`${severity}\` is not a severity of this site; use one of ${ids.join(', ')}`,
        });
      });
    });
  });

export type SiteConfigInput = z.input<typeof SiteConfigSchema>;
export type SiteConfig = z.output<typeof SiteConfigSchema>;
