import { describe, expect, test } from 'vitest';
import { runSiteBuild, type SiteBuildContext } from './site-build';

/** A moment for the other side to act, so the order of events shows. */
const tick = () => new Promise((done) => setTimeout(done, 5));

/**
 * A context whose `astro build` says its pages are in `/work/site/dist` (unless `announces` is false), then exits
 * with `exitCode`; its index reads, waits for the build's outcome, and writes. `events` records the order.
 */
function standIn({
  argv = [],
  exitCode = 0,
  announces = true,
  indexError,
}: { argv?: string[]; exitCode?: number; announces?: boolean; indexError?: Error } = {}) {
  const events: string[] = [];
  let stderr = '';
  const context: SiteBuildContext = {
    argv,
    startAstroBuild: (args) => {
      events.push(`astro build ${args.join(' ')}`.trim());
      const pagesWritten = announces ? tick().then(() => '/work/site/dist') : new Promise<undefined>(() => {});
      const exited = tick()
        .then(tick)
        .then(() => {
          events.push(`astro exited ${String(exitCode)}`);
          return exitCode;
        });
      return { pagesWritten: Promise.race([pagesWritten, exited.then(() => undefined)]), exited };
    },
    indexSite: async (outDir, buildSucceeded) => {
      events.push(`index reads ${outDir}`);
      if (indexError) throw indexError;
      if (await buildSucceeded) events.push('index written');
    },
    stderr: { write: (text: string) => (stderr += text) },
  };
  return { context, events, stderr: () => stderr };
}

describe('runSiteBuild', () => {
  test('reads the pages as soon as Astro says they are written, and writes the index once it has exited', async () => {
    const build = standIn({ argv: ['--outDir', 'dist'] });
    expect(await runSiteBuild(build.context)).toBe(0);
    expect(build.events).toEqual([
      'astro build --outDir dist',
      'index reads /work/site/dist',
      'astro exited 0',
      'index written',
    ]);
    expect(build.stderr()).toBe('');
  });

  test('writes no index when the build fails after its pages (a dangling link), and fails with its exit code', async () => {
    const build = standIn({ exitCode: 1 });
    expect(await runSiteBuild(build.context)).toBe(1);
    expect(build.events).not.toContain('index written');
    expect(build.stderr()).toBe('');
  });

  test('indexes nothing when the build fails before its pages are written', async () => {
    const build = standIn({ exitCode: 1, announces: false });
    expect(await runSiteBuild(build.context)).toBe(1);
    expect(build.events).toEqual(['astro build', 'astro exited 1']);
  });

  test('indexes nothing when only asked for help', async () => {
    const build = standIn({ argv: ['--help'], announces: false });
    expect(await runSiteBuild(build.context)).toBe(0);
    expect(build.stderr()).toBe('');
  });

  test('fails, saying how to fix it, when a good build never says where its pages are', async () => {
    const build = standIn({ announces: false });
    expect(await runSiteBuild(build.context)).toBe(1);
    expect(build.stderr()).toContain('Keep pagesWritten() among the integrations in astro.config.mjs.');
  });

  test('fails with what went wrong and the hint, line by line, controls escaped, without a stack trace', async () => {
    const error = Object.assign(new Error('Pagefind could not read the built pages:\n  - bad \u001b[31mpage'), {
      hint: 'Run `npm ci`, then build again.',
    });
    const build = standIn({ indexError: error });
    expect(await runSiteBuild(build.context)).toBe(1);
    expect(build.stderr()).toBe(
      'build: Pagefind could not read the built pages:\n  - bad \\x1b[31mpage\nRun `npm ci`, then build again.\n',
    );
  });
});
