/**
 * The frontmatter's JSON Schema, generated from the zod schema, for editors
 * (completion and validation while writing) and other tools.
 */
import { z } from 'astro/zod';
import { createPostmortemSchema } from '../schemas/postmortem';
import type { SeverityLevel } from '../schemas/severity';

/** A JSON Schema object, as far as callers look into it. */
export type JsonSchema = Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };

/** JSON Schema (draft 2020-12) of the frontmatter as written, for the site's severity scale. */
export function postmortemJsonSchema({
  severities,
  defaultTimezone,
  url,
}: {
  severities: readonly SeverityLevel[];
  defaultTimezone: string;
  url: string;
}): JsonSchema {
  const schema = createPostmortemSchema({ severities, defaultTimezone });
  // `io: 'input'` describes what writers type (strings for dates) rather than what the build produces.
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  // The severity is checked by a transform, which JSON Schema cannot see; list the scale (either case) for completion.
  json.properties['severity'] = {
    type: 'string',
    enum: [...severities.map((level) => level.id), ...severities.map((level) => level.id.toLowerCase())],
    description: severities.map((level) => `${level.id}: ${level.label}. ${level.description}`).join('\n'),
  };
  return { ...json, $id: new URL('schema/postmortem.json', url).href, title: 'Postmortem frontmatter' };
}
