import { describe, expect, test } from 'vitest';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { postmortemJsonSchema } from './json-schema';

const json = postmortemJsonSchema({
  severities: DEFAULT_SEVERITY_SCALE,
  defaultTimezone: 'UTC',
  url: 'https://postmortems.example.com',
});

describe('postmortemJsonSchema', () => {
  test('requires the fields the schema requires and forbids unknown ones', () => {
    expect(json.$id).toBe('https://postmortems.example.com/schema/postmortem.json');
    expect(json['required']).toEqual([
      'title',
      'summary',
      'severity',
      'startedAt',
      'resolvedAt',
      'services',
      'authors',
    ]);
    expect(json['additionalProperties']).toBe(false);
  });

  test('lists the values of enumerations for completion', () => {
    expect(json.properties['severity']!['enum']).toEqual([
      'SEV1',
      'SEV2',
      'SEV3',
      'SEV4',
      'SEV5',
      'sev1',
      'sev2',
      'sev3',
      'sev4',
      'sev5',
    ]);
    expect(json.properties['status']).toMatchObject({
      enum: ['draft', 'in-review', 'published'],
      default: 'published',
    });
    const timeline = json.properties['timeline'] as {
      items: { properties: { kind: { enum: string[] } }; required: string[] };
    };
    expect(timeline.items.properties.kind.enum).toContain('misleading');
    expect(timeline.items.required).toEqual(['at', 'event']);
    const actionItems = json.properties['actionItems'] as { items: { required: string[] } };
    expect(actionItems.items.required).toEqual(['title', 'owner']);
  });

  test('describes date-times as strings, as writers type them', () => {
    expect(json.properties['startedAt']).toMatchObject({ type: 'string' });
  });
});
