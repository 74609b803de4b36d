/**
 * Postmortem records for unit tests: valid frontmatter through the real
 * schema, with only the fields a test is about written out.
 */
import type { PostmortemRecord } from '../src/lib/corpus';
import { createPostmortemSchema, type PostmortemSchema } from '../src/schemas/postmortem';
import { DEFAULT_SEVERITY_SCALE } from '../src/schemas/severity';

const defaultSchema = createPostmortemSchema({ severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC' });

/**
 * A SEV3 on `api`, one hour on 1 January 2024 UTC, unless `fields` say otherwise;
 * read by `schema` when a test needs a site's own (custom fields, say).
 */
export function postmortemRecord(
  id: string,
  fields: Record<string, unknown> = {},
  schema: PostmortemSchema = defaultSchema,
): PostmortemRecord {
  return {
    id,
    data: schema.parse({
      title: id,
      summary: 's',
      severity: 'SEV3',
      startedAt: '2024-01-01T10:00:00Z',
      resolvedAt: '2024-01-01T11:00:00Z',
      services: ['api'],
      authors: ['a'],
      ...fields,
    }),
  };
}
