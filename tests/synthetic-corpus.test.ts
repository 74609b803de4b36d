import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContentFolder } from '../src/lib/content-folder';
import { createPostmortemSchema } from '../src/schemas/postmortem';
import { DEFAULT_SEVERITY_SCALE } from '../src/schemas/severity';
import { projectRoot } from './build-site';
import { writeSyntheticCorpus } from './synthetic-corpus';

const schema = createPostmortemSchema({ severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC' });

describe('writeSyntheticCorpus', () => {
  test('writes postmortems that pass the schema and the corpus rules', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'postmortems-synthetic-'));
    const ids = await writeSyntheticCorpus({ dir, count: 80 });
    expect(ids).toHaveLength(80);
    const { files, problems } = await checkContentFolder({ root: projectRoot, contentDir: dir, schema });
    expect(files).toHaveLength(80);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  test('writes the same files for the same seed and others for another', async () => {
    const [a, b, c] = await Promise.all([1, 1, 2].map(async (seed) => {
      const dir = await mkdtemp(join(tmpdir(), 'postmortems-synthetic-'));
      const ids = await writeSyntheticCorpus({ dir, count: 5, seed });
      return { ids, first: await readFile(join(dir, `${ids[0]}.md`), 'utf8') };
    }));
    expect(b).toEqual(a);
    expect(c!.ids).not.toEqual(a!.ids);
  });
});
