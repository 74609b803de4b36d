import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { writeSyntheticCorpus } from '../../scripts/bench/synthetic-corpus';
import { checkContentFolder, workerExecArgv } from './content-folder';
import { duePolicyOf } from './due-dates';
import { ALL_RULES, createLintContext } from './lint';
import { esbuildServices } from './process-table';
import { SiteConfigSchema } from '../schemas/site-config';

describe('workerExecArgv', () => {
  test("reuses this process's flags under tsx, and adds tsx's hook otherwise", () => {
    expect(workerExecArgv(['--import', 'file:///x/node_modules/tsx/dist/loader.mjs'], () => false)).toEqual({
      execArgv: ['--import', 'file:///x/node_modules/tsx/dist/loader.mjs'],
    });
    expect(workerExecArgv(['--max-old-space-size=4096'], () => true)).toEqual({
      execArgv: ['--max-old-space-size=4096', '--import', 'tsx'],
    });
  });

  test('says why no worker can start when tsx is not installed', () => {
    expect(workerExecArgv([], () => false)).toEqual({
      unavailable: expect.stringContaining('tsx, which is not installed: checking on one thread') as string,
    });
  });
});

describe('checkContentFolder', () => {
  test('finds the same files and problems, in the same order, with worker threads as without', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'postmortems-parallel-'));
    await writeSyntheticCorpus({ dir, count: 450, end: new Date('2024-06-01T00:00:00Z') });
    const config = SiteConfigSchema.parse({});
    // A day long after the corpus ends: many action items are overdue, so there are warnings to compare.
    const options = {
      root: dir,
      contentDir: dir,
      schema: { severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC' },
      lint: {
        rules: ALL_RULES,
        context: createLintContext({
          root: dir,
          config: config.lint,
          policy: duePolicyOf(config),
          now: new Date('2025-06-01T00:00:00Z'),
        }),
      },
    };

    const alone = await checkContentFolder(options);
    const servicesBefore = await esbuildServices();
    const shared = await checkContentFolder({ ...options, workers: 2 });

    expect(alone.problems.length).toBeGreaterThan(10);
    expect(shared).toEqual(alone);
    // The esbuild services tsx started to load the workers' code are stopped with them, not left behind.
    expect(await esbuildServices()).toEqual(servicesBefore);
  }, 60_000);
});
