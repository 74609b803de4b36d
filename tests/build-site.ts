/**
 * Builds the site for integration tests: a real `npm run build` (`astro build`,
 * then the search index) of a content folder given through `POSTMORTEMS_DIR`,
 * into a temporary output folder.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** `npm run build`'s entry point, run as npm runs it (`tsx scripts/build.ts`) but without npm's start-up. */
const buildScript = join(projectRoot, 'scripts', 'build.ts');

/** The result of one build. */
export interface SiteBuild {
  exitCode: number;
  output: string;
  outDir: string;
  /** Reads a file of the built site, relative to its root. */
  read(path: string): Promise<string>;
}

/**
 * The environment of a user's shell: Vitest adds NODE_ENV, MODE, DEV and PROD
 * to `process.env`, which would make Astro build in development mode (drafts shown).
 */
function cleanEnvironment(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'NODE_EXTRA_CA_CERTS', 'CI'];
  return Object.fromEntries(
    keep.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])),
  );
}

/**
 * Runs `npm run build` over `contentDir` with a fixed build date and a cache of its own, so builds can run in parallel.
 * Each build runs from a folder of its own holding the output: Astro bundles the pages it prerenders next to an
 * output folder under the working directory, else into `<root>/.astro/`, where parallel builds would delete each other's.
 */
export async function buildSite(contentDir: string, env: Record<string, string> = {}): Promise<SiteBuild> {
  const workDir = await mkdtemp(join(tmpdir(), 'postmortems-build-'));
  await symlink(join(projectRoot, 'node_modules'), join(workDir, 'node_modules'));
  const outDir = join(workDir, 'dist');
  const cacheDir = await mkdtemp(join(tmpdir(), 'postmortems-cache-'));
  const child = spawn(process.execPath, ['--import', 'tsx', buildScript, '--root', projectRoot, '--outDir', outDir], {
    cwd: workDir,
    env: {
      ...cleanEnvironment(),
      POSTMORTEMS_DIR: contentDir,
      POSTMORTEMS_CACHE_DIR: cacheDir,
      POSTMORTEMS_BUILD_DATE: '2024-06-01T00:00:00Z',
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number>((done) =>
    child.on('close', (code) => {
      done(code ?? 1);
    }),
  );
  return { exitCode, output, outDir, read: (path) => readFile(join(outDir, path), 'utf8') };
}
