/**
 * The CI workflows against the project they run: what would break only once
 * pushed (a renamed script, a Node version the project refuses, an artifact
 * folder the build does not write) fails here first.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from './build-site';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

const folder = join(projectRoot, '.github/workflows');
const workflows = await Promise.all(
  (await readdir(folder)).map(
    async (name) =>
      [name, parse(await readFile(join(folder, name), 'utf8')) as { jobs: Record<string, { steps: Step[] }> }] as const,
  ),
);
const steps = workflows.flatMap(([name, workflow]) =>
  Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => ({ workflow: name, ...step }))),
);
const packageJson = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  engines: { node: string };
};

describe('the GitHub workflows', () => {
  test('run only npm scripts that package.json defines', () => {
    const scripts = steps.flatMap(({ workflow, run }) =>
      [...(run ?? '').matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((match) => `${workflow}: ${match[1]}`),
    );
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((script) => !(script.split(': ')[1]! in packageJson.scripts))).toEqual([]);
  });

  test('install a Node version the project accepts (`.nvmrc` within `engines`)', async () => {
    const nvmrc = (await readFile(join(projectRoot, '.nvmrc'), 'utf8')).trim();
    const setups = steps.filter((step) => step.uses?.startsWith('actions/setup-node'));
    expect(setups.length).toBeGreaterThan(0);
    for (const setup of setups) expect(setup.with?.['node-version-file']).toBe('.nvmrc');
    const minimum = /^>=\s*(\d+)$/.exec(packageJson.engines.node)?.[1];
    expect(Number(nvmrc)).toBeGreaterThanOrEqual(Number(minimum));
  });

  test('deploy the folder the build writes', () => {
    const uploads = steps.filter((step) => step.uses?.startsWith('actions/upload-pages-artifact'));
    expect(uploads.map((step) => step.with?.['path'])).toEqual(['dist']);
    expect(packageJson.scripts['build']).toBe('tsx scripts/build.ts');
  });
});
