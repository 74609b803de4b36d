import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validatePostmortemSource } from '../src/lib/validate';
import { ActionItemSchema, createPostmortemSchema, ImpactSchema, TimelineEntrySchema } from '../src/schemas/postmortem';
import { DEFAULT_SEVERITY_SCALE } from '../src/schemas/severity';
import { projectRoot } from './build-site';

const schema = createPostmortemSchema({ severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC' });
const readme = await readFile(join(projectRoot, 'README.md'), 'utf8');

describe('README', () => {
  test('documents every frontmatter field in the reference table', () => {
    const documented = new Set([...readme.matchAll(/^\| `([A-Za-z.[\]]+)` +\|/gm)].map((match) => match[1]));
    const fields = [
      ...Object.keys(schema.in.shape),
      ...Object.keys(ImpactSchema.shape).map((key) => `impact.${key}`),
      ...Object.keys(TimelineEntrySchema.shape).map((key) => `timeline[].${key}`),
      ...Object.keys(ActionItemSchema.shape).map((key) => `actionItems[].${key}`),
    ].filter((field) => !['impact', 'timeline', 'actionItems'].includes(field));
    expect(fields.filter((field) => !documented.has(field))).toEqual([]);
  });

  test('shows an example frontmatter that passes validation', () => {
    const example = /```yaml\n(---\n[\s\S]*?\n---)\n```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const result = validatePostmortemSource(
      { file: 'README.md', relativePath: '2024-03-14-example.md', source: `${example}\n\nBody.\n` },
      schema,
    );
    expect(result.problems).toEqual([]);
  });
});

describe('README rules table', () => {
  test('documents every rule check can report', async () => {
    const { ALL_RULES } = await import('../src/lib/lint');
    const documented = new Set([...readme.matchAll(/`([a-z-]+)`/g)].map((match) => match[1]));
    const ids = [
      ...ALL_RULES.map((rule) => rule.id),
      'schema',
      'yaml-syntax',
      'frontmatter',
      'file-name',
      'file-name-date',
      'unique-id',
      'related-exists',
      'syntax',
    ];
    expect(ids.filter((id) => !documented.has(id))).toEqual([]);
  });
});
