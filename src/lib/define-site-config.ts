import { SiteConfigSchema, type SiteConfig, type SiteConfigInput } from '../schemas/site-config';
import { describeIssue } from './zod-issues';

/**
 * Validates the site configuration and fills in defaults. A mistake stops the
 * build with the field, the bad value and the fix, instead of a stack trace.
 */
export function defineSiteConfig(input: SiteConfigInput): SiteConfig {
  const result = SiteConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => `  - ${describeIssue(issue)}`).join('\n');
  throw new Error(
    `src/site.config.ts is not valid:\n${details}\nFix the fields above; every field and its default is documented in src/schemas/site-config.ts.`,
  );
}

export type { SiteConfig };
