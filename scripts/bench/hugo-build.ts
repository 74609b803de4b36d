/**
 * The Hugo + Pagefind comparison (`--compare hugo`): the same Markdown built
 * by Hugo with a minimal layout (scripts/bench/hugo-site/), then indexed by
 * Pagefind's own command, as a team would run them in CI.
 */
import { spawn } from 'node:child_process';
import { link, mkdir, readdir, rm, writeFile, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { combineMeasurements, runMeasured, type BuildMeasurement } from './measure';

/** The Hugo site, relative to the project root. */
const HUGO_SITE = 'scripts/bench/hugo-site';

/** What the benchmark prints when Hugo is not installed, before going on without the comparison. */
export function hugoMissingMessage(platform: NodeJS.Platform): string {
  const install =
    platform === 'darwin'
      ? '`brew install hugo`'
      : platform === 'win32'
        ? '`winget install Hugo.Hugo.Extended`'
        : "`sudo apt-get install hugo` (Debian, Ubuntu) or your distribution's `hugo` package";
  return (
    'Hugo is not installed (no `hugo` on PATH), so the comparison with Hugo + Pagefind is skipped. ' +
    `Install it with ${install}, or see https://gohugo.io/installation/, then run the benchmark again.`
  );
}

/** Hugo's version line, or `null` when `hugo` cannot be run. */
export function findHugo(env: Record<string, string>): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn('hugo', ['version'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', () => {
      resolve(null);
    });
    child.on('close', (code) => {
      resolve(code === 0 ? output.trim() : null);
    });
  });
}

/**
 * A content folder for Hugo holding the corpus as `postmortems/<name>.md`:
 * Hugo reads no `.mdx`, so MDX files enter under a `.md` name (their JSX tags
 * are raw HTML to Hugo, left out as unsafe). Files are hard links, so an edit
 * of the corpus is an edit of Hugo's content, as in a real repository.
 */
export async function prepareHugoContent(corpusDir: string, contentDir: string): Promise<number> {
  const section = join(contentDir, 'postmortems');
  await rm(contentDir, { recursive: true, force: true });
  await mkdir(section, { recursive: true });
  await writeFile(join(section, '_index.md'), '---\ntitle: Postmortems\n---\n');
  const names = (await readdir(corpusDir)).filter((name) => /\.mdx?$/.test(name) && !name.startsWith('_'));
  for (const name of names) {
    const target = join(section, name.replace(/\.mdx$/, '.md'));
    await link(join(corpusDir, name), target).catch(() => copyFile(join(corpusDir, name), target));
  }
  return names.length;
}

/** One Hugo + Pagefind build. */
export interface HugoBuildOptions {
  /** The project: holds the Hugo site and node_modules/.bin/pagefind. */
  root: string;
  contentDir: string;
  outDir: string;
  /** Hugo's cache folder; reuse one for a warm rebuild. */
  cacheDir: string;
  env: Record<string, string>;
}

/** Builds the site with Hugo, then indexes the postmortem pages with Pagefind's command. */
export async function runHugoBuild(options: HugoBuildOptions): Promise<BuildMeasurement> {
  const hugo = await runMeasured({
    command: 'hugo',
    args: [
      '--source',
      join(options.root, HUGO_SITE),
      '--contentDir',
      options.contentDir,
      '--destination',
      options.outDir,
      '--cacheDir',
      options.cacheDir,
      '--quiet',
    ],
    cwd: options.root,
    env: options.env,
  });
  if (hugo.exitCode !== 0) return hugo;
  const pagefind = await runMeasured({
    command: join(options.root, 'node_modules', '.bin', 'pagefind'),
    args: ['--site', options.outDir, '--glob', 'postmortems/**/*.html'],
    cwd: options.root,
    env: options.env,
  });
  return combineMeasurements([hugo, pagefind]);
}
