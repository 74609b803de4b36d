import { describe, expect, test } from 'vitest';
import { builtSiteFolder, runSiteBuild, type SiteBuildContext } from './site-build';

describe('builtSiteFolder', () => {
  test('is dist/ in the folder the command runs in, by default', () => {
    expect(builtSiteFolder([], '/work/site')).toBe('/work/site/dist');
  });

  test('reads --root against the working folder and --outDir against the root, in either spelling', () => {
    expect(builtSiteFolder(['--root', 'docs', '--outDir', 'public-site'], '/work')).toBe('/work/docs/public-site');
    expect(builtSiteFolder(['--root=/srv/site', '--outDir=/tmp/out'], '/work')).toBe('/tmp/out');
    expect(builtSiteFolder(['--verbose', '--outDir', 'out'], '/work')).toBe('/work/out');
  });
});

/** A context whose `astro build` exits with `exitCode`, and a record of what happened in which order. */
function standIn(argv: string[], exitCode = 0, indexError?: Error) {
  const events: string[] = [];
  let stderr = '';
  const context: SiteBuildContext = {
    argv,
    cwd: '/work/site',
    runAstroBuild: async (args) => {
      events.push(`astro build ${args.join(' ')}`);
      await new Promise((done) => setTimeout(done, 5));
      events.push('astro exited');
      return exitCode;
    },
    indexSite: async (outDir) => {
      events.push(`index ${outDir}`);
      if (indexError) throw indexError;
    },
    stderr: { write: (text: string) => (stderr += text) },
  };
  return { context, events, stderr: () => stderr };
}

describe('runSiteBuild', () => {
  test('indexes the folder Astro wrote, once Astro has exited', async () => {
    const build = standIn(['--outDir', 'out']);
    expect(await runSiteBuild(build.context)).toBe(0);
    expect(build.events).toEqual(['astro build --outDir out', 'astro exited', 'index /work/site/out']);
  });

  test('indexes nothing after a failed build, and fails with its exit code', async () => {
    const build = standIn([], 1);
    expect(await runSiteBuild(build.context)).toBe(1);
    expect(build.events).toEqual(['astro build ', 'astro exited']);
  });

  test('indexes nothing when only asked for help', async () => {
    const build = standIn(['--help']);
    expect(await runSiteBuild(build.context)).toBe(0);
    expect(build.events).not.toContain('index /work/site/dist');
  });

  test('fails with what went wrong and the hint, line by line, controls escaped, without a stack trace', async () => {
    const error = Object.assign(new Error('Pagefind could not read the built pages:\n  - bad \u001b[31mpage'), {
      hint: 'Run `npm ci`, then build again.',
    });
    const build = standIn([], 0, error);
    expect(await runSiteBuild(build.context)).toBe(1);
    expect(build.stderr()).toBe(
      'build: Pagefind could not read the built pages:\n  - bad \\x1b[31mpage\nRun `npm ci`, then build again.\n',
    );
  });
});
