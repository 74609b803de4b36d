import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContentFolder } from '../../src/lib/content-folder';
import { duePolicyOf } from '../../src/lib/due-dates';
import { ALL_RULES, createLintContext } from '../../src/lib/lint';
import { countWords } from '../../src/lib/lint/text';
import { defineSiteConfig } from '../../src/lib/define-site-config';
import { DEFAULT_SEVERITY_SCALE } from '../../src/schemas/severity';
import { syntheticPostmortems, writeSyntheticCorpus } from './synthetic-corpus';

const schemaOptions = { severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC' };

describe('writeSyntheticCorpus', () => {
  test('writes postmortems that pass the schema and the corpus rules', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'postmortems-synthetic-'));
    const ids = await writeSyntheticCorpus({ dir, count: 80 });
    expect(ids).toHaveLength(80);
    const { files, problems } = await checkContentFolder({ root: dir, contentDir: dir, schema: schemaOptions });
    expect(files).toHaveLength(80);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  test('writes the same files for the same seed and others for another', async () => {
    const [a, b, c] = await Promise.all(
      [1, 1, 2].map(async (seed) => {
        const dir = await mkdtemp(join(tmpdir(), 'postmortems-synthetic-'));
        const ids = await writeSyntheticCorpus({ dir, count: 5, seed });
        return { ids, first: await readFile(join(dir, `${ids[0]}.md`), 'utf8') };
      }),
    );
    expect(b).toEqual(a);
    expect(c!.ids).not.toEqual(a!.ids);
  });

  test('writes MDX that passes every rule of npm run check, as of the day the corpus ends', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'postmortems-synthetic-'));
    const end = new Date('2024-06-01T00:00:00Z');
    await writeSyntheticCorpus({ dir, count: 40, format: 'mdx', end });
    const lint = {
      rules: ALL_RULES,
      context: createLintContext({
        root: dir,
        config: {
          requiredSections: ['Root cause and resolution', 'Corrective and preventative measures'],
          wordCount: { min: 400, max: 600 },
          blamePhrases: ['human error'],
          actionItemsRequiredFor: ['SEV1', 'SEV2'],
        },
        policy: duePolicyOf(defineSiteConfig({})),
        now: end,
      }),
    };
    const { files, problems } = await checkContentFolder({ root: dir, contentDir: dir, schema: schemaOptions, lint });
    expect(files.map((file) => file.file.endsWith('.mdx'))).toEqual(Array(40).fill(true));
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(problems.filter((problem) => problem.rule === 'word-count')).toEqual([]);
  });
});

describe('syntheticPostmortems', () => {
  test('follow the frontmatter contract of a realistic postmortem: 8 timeline entries, 3 action items, about 550 words', () => {
    const postmortems = [...syntheticPostmortems({ count: 200 })];
    const sections = postmortems.map(({ source }) => source.split('\n---\n'));
    expect(sections.every(([frontmatter]) => (frontmatter!.match(/^ {2}- \{ at: /gm) ?? []).length === 8)).toBe(true);
    expect(sections.every(([frontmatter]) => (frontmatter!.match(/^ {2}- title: /gm) ?? []).length === 3)).toBe(true);
    const words = sections.map(([, body]) => countWords(body!));
    expect(Math.min(...words)).toBeGreaterThan(450);
    expect(Math.max(...words)).toBeLessThan(650);
    const share = (pattern: RegExp) =>
      postmortems.filter(({ source }) => pattern.test(source)).length / postmortems.length;
    expect(share(/^visibility: internal$/m)).toBeGreaterThan(0.1);
    expect(share(/^status: draft$/m)).toBeGreaterThan(0);
    expect(share(/^status: draft$/m)).toBeLessThan(0.1);
    expect(share(/^related: /m)).toBeGreaterThan(0.05);
  });
});
