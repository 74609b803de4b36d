/**
 * The frontmatter's JSON Schema, generated from the zod schema, for editors
 * (completion and validation while writing) and other tools.
 */
import { z } from 'astro/zod';
import { createPostmortemSchema } from '../schemas/postmortem';
import { enumValuesOf, type CustomField } from '../schemas/custom-fields';
import type { SeverityLevel } from '../schemas/severity';

/** A JSON Schema object, as far as callers look into it. */
export type JsonSchema = Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };

/** JSON Schema (draft 2020-12) of the frontmatter as written, for the site's severity scale. */
export function postmortemJsonSchema({
  severities,
  defaultTimezone,
  fields = [],
  url,
}: {
  severities: readonly SeverityLevel[];
  defaultTimezone: string;
  /** The site's custom fields: each is a property of `fields`, with its label, type and allowed values. */
  fields?: readonly CustomField[];
  url: string;
}): JsonSchema {
  const schema = createPostmortemSchema({ severities, defaultTimezone, fields });
  // `io: 'input'` describes what writers type (strings for dates) rather than what the build produces.
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  // The severity is checked by a transform, which JSON Schema cannot see; list the scale (either case) for completion.
  json.properties['severity'] = {
    type: 'string',
    enum: [...severities.map((level) => level.id), ...severities.map((level) => level.id.toLowerCase())],
    description: severities.map((level) => `${level.id}: ${level.label}. ${level.description}`).join('\n'),
  };
  // Enum values are matched by a transform too; list them for completion.
  const custom = json.properties['fields'] as JsonSchema | undefined;
  for (const field of fields) {
    const values = enumValuesOf(field)?.map(({ value }) => value);
    const property = custom?.properties[field.key];
    if (!values || !property) continue;
    if (field.type === 'list') property['items'] = { type: 'string', enum: values };
    else property['enum'] = values;
  }
  return { ...json, $id: new URL('schema/postmortem.json', url).href, title: 'Postmortem frontmatter' };
}
