import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from './build-site';

interface Step {
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

const workflow = parse(await readFile(join(projectRoot, '.github/workflows/action-items.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};
const packageJson = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('the action-items workflow', () => {
  test('runs weekly and on demand', () => {
    expect(workflow.on).toEqual({ schedule: [{ cron: '0 7 * * 1' }], workflow_dispatch: null });
  });

  test('asks only for what it needs: reading the code, writing issues', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', issues: 'write' });
  });

  test('writes the digest to the summary, then updates the issue with the workflow token', () => {
    const steps = workflow.jobs['digest']!.steps;
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({
      'node-version-file': '.nvmrc',
    });
    expect(steps.flatMap((step) => (step.run ? [step.run] : []))).toEqual([
      'npm ci',
      'npm run --silent actions -- --due-within 14 --format markdown >> "$GITHUB_STEP_SUMMARY"',
      'npm run actions:issue',
    ]);
    expect(steps.at(-1)!.env).toEqual({ GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}' });
    expect(packageJson.scripts['actions']).toBe('tsx scripts/actions.ts');
    expect(packageJson.scripts['actions:issue']).toBe('tsx scripts/actions-issue.ts');
  });
});
