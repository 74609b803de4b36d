import { z } from 'astro/zod';

/** One level of the site's severity scale. */
const SeverityLevelSchema = z.object({
  /** Identifier used in frontmatter (`severity: SEV1`) and URLs (`/severity/sev1/`). */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'use letters, digits and hyphens, e.g. "SEV1"'),
  /** Short label shown beside the id, e.g. "Critical". */
  label: z.string().min(1),
  /** One sentence saying which incidents get this level. */
  description: z.string().min(1),
  /** Badge colour (any CSS colour); severity is also always shown as text. */
  color: z.string().min(1),
});

/**
 * The site's severity scale, most severe first. Ids must be unique
 * (compared case-insensitively, because frontmatter matches them that way).
 */
export const SeverityScaleSchema = z
  .array(SeverityLevelSchema)
  .min(1)
  .superRefine((levels, ctx) => {
    const seen = new Set<string>();
    levels.forEach((level, index) => {
      const key = level.id.toLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `severity id \`${level.id}\` is used twice; ids must be unique`,
        });
      }
      seen.add(key);
    });
  });

export type SeverityLevel = z.output<typeof SeverityLevelSchema>;

/**
 * The default scale: SEV1 (most severe) to SEV5. The colours are from Okabe and Ito's palette for
 * colour-vision deficiencies (https://jfly.uni-koeln.de/color/), dark red to light blue so neighbouring
 * levels also differ in lightness; every badge pairs its colour with the level's text and shape.
 */
export const DEFAULT_SEVERITY_SCALE: SeverityLevel[] = [
  {
    id: 'SEV1',
    label: 'Critical',
    description: 'Complete outage or data loss for many customers; all hands.',
    color: '#a4161a',
  },
  {
    id: 'SEV2',
    label: 'Major',
    description: 'A core feature unavailable or badly degraded for a large share of customers.',
    color: '#d55e00',
  },
  {
    id: 'SEV3',
    label: 'Moderate',
    description: 'Partial degradation with a workaround, or a small share of customers affected.',
    color: '#e69f00',
  },
  {
    id: 'SEV4',
    label: 'Minor',
    description: 'Limited impact on customers; internal tooling or a non-critical feature.',
    color: '#0072b2',
  },
  { id: 'SEV5', label: 'Low', description: 'No customer impact; a near miss worth learning from.', color: '#56b4e9' },
];
