/**
 * Zod's findings in words a writer can act on: the one place a validation issue
 * becomes a message, for postmortems, the site config and component props alike.
 */
import type { z } from 'astro/zod';
import { quoteValue } from './errors';

/** A path as written in the file: `timeline[2].at`, `impact.usersAffectedPct`. */
export function describePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (label, segment) =>
      typeof segment === 'number' ? `${label}[${segment}]` : label ? `${label}.${String(segment)}` : String(segment),
    '',
  );
}

/** One issue: the field, what is wrong, and the value found (escaped and shortened) when it helps. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = describePath(issue.path);
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `missing required field \`${field}\`; ${issue.message}`;
  }
  const shown =
    issue.code !== 'custom' && issue.input !== undefined && typeof issue.input !== 'object'
      ? ` (got ${quoteValue(issue.input)})`
      : '';
  return field ? `${field}: ${issue.message}${shown}` : `${issue.message}${shown}`;
}
