import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { format, resolveConfig } from 'prettier';
import { rulesTable } from '../src/lib/check/rule-docs';
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
  test('is the one npm run docs makes from the rules', async () => {
    const { ALL_RULES } = await import('../src/lib/lint');
    const path = join(projectRoot, 'README.md');
    const table = await format(rulesTable(ALL_RULES), { ...(await resolveConfig(path)), parser: 'markdown' });
    expect(readme, 'run `npm run docs` to update the README').toContain(table.trim());
  });
});

describe('README project layout', () => {
  const layout = /## Project layout\n[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const named = new Set([...layout.matchAll(/(?:^|\s)([a-z][\w.-]*)\/(?=\s|$)/gm)].map((match) => match[1]));

  test('says what every folder of src/ holds', async () => {
    const folders = (await readdir(join(projectRoot, 'src'), { withFileTypes: true })).filter((entry) =>
      entry.isDirectory(),
    );
    expect(folders.map((entry) => entry.name).filter((name) => !named.has(name))).toEqual([]);
  });

  test('names only folders that exist', async () => {
    const folders = await Promise.all(
      ['src', 'scripts', 'tests'].map((top) =>
        readdir(join(projectRoot, top), { recursive: true, withFileTypes: true }),
      ),
    );
    const top = await readdir(projectRoot, { withFileTypes: true });
    const all = new Set([...top, ...folders.flat()].filter((entry) => entry.isDirectory()).map((entry) => entry.name));
    expect(named.size).toBeGreaterThan(10);
    expect([...named].filter((name) => !all.has(name!))).toEqual([]);
  });
});
