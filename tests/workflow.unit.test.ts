import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from './build-site';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}

const workflow = parse(await readFile(join(projectRoot, '.github/workflows/postmortems.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
};
const runs = (job: Job) => job.steps.flatMap((step) => (step.run ? [step.run] : []));
const uses = (job: Job) => job.steps.flatMap((step) => (step.uses ? [step.uses.split('@')[0]] : []));

describe('the GitHub workflow', () => {
  test('runs on pull requests and on pushes to the default branch', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(workflow.on['push']).toEqual({ branches: ['main'] });
  });

  test('checks changed postmortems with annotations, then builds, on pull requests', () => {
    const check = workflow.jobs['check']!;
    expect(check.if).toBe("github.event_name == 'pull_request'");
    expect(check.steps.find((step) => step.uses?.startsWith('actions/checkout'))?.with).toEqual({ 'fetch-depth': 0 });
    expect(runs(check)).toEqual([
      'npm ci',
      'npm run check -- --changed --base "origin/${{ github.base_ref }}"',
      'npm run build',
    ]);
  });

  test('builds and deploys to GitHub Pages from the default branch', () => {
    const build = workflow.jobs['build']!;
    expect(build.if).toContain('github.event.repository.default_branch');
    expect(runs(build)).toEqual(['npm ci', 'npm run build']);
    expect(build.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))?.with).toEqual({
      path: 'dist',
    });
    const deploy = workflow.jobs['deploy']!;
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(uses(deploy)).toEqual(['actions/deploy-pages']);
  });

  test('uses the Node version the project pins', async () => {
    for (const job of [workflow.jobs['check']!, workflow.jobs['build']!]) {
      expect(job.steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({
        'node-version-file': '.nvmrc',
      });
    }
    expect((await readFile(join(projectRoot, '.nvmrc'), 'utf8')).trim()).toBe('24');
  });
});

describe('the pull-request template', () => {
  test('gives reviewers the checklist', async () => {
    const template = await readFile(join(projectRoot, '.github/pull_request_template.md'), 'utf8');
    for (const item of ['Blameless', 'owner and a due date', 'offset or `Z`', 'timezone'])
      expect(template).toContain(item);
  });
});
