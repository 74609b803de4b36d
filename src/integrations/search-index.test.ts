import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test, vi } from 'vitest';
import { processExists, type ProcessEntry } from '../lib/process-table';
import { bestCorrection, candidateBuckets, knownWordsShard, parseBucket, readKnownWords } from '../lib/typo-correction';
import { buildSearchIndex, TYPO_FOLDER, UNUSED_BUNDLE_FILES, type PagefindApi } from './search-index';

async function writePage(root: string, path: string, body: string): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), `<!doctype html><html lang="en"><body>${body}</body></html>`);
}

const logger = { info: vi.fn() };
const execFileAsync = promisify(execFile);

describe('buildSearchIndex', () => {
  test('indexes postmortem pages only and writes the bundle into pagefind/', async () => {
    const root = await mkdtemp(join(tmpdir(), 'postmortems-index-'));
    await writePage(
      root,
      'postmortems/2024-03-14-a/index.html',
      '<article data-pagefind-body><h1>A</h1><p>Pool exhausted.</p></article>',
    );
    await writePage(
      root,
      'postmortems/2024-03-20-b/index.html',
      '<article data-pagefind-body><h1>B</h1><p>DNS failed.</p></article>',
    );
    await writePage(root, 'index.html', '<h1>Home</h1><p>Everything, listed.</p>');
    await writePage(root, 'tags/dns/index.html', '<h1>Tag: dns</h1>');

    const result = await buildSearchIndex({ dir: pathToFileURL(`${root}/`), logger });

    expect(result).toEqual({ pageCount: 2, outputPath: join(root, 'pagefind/') });
    expect(existsSync(join(root, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(root, 'pagefind/pagefind-worker.js'))).toBe(true);
    expect(UNUSED_BUNDLE_FILES.filter((file) => existsSync(join(root, 'pagefind', file)))).toEqual([]);
    const entry = JSON.parse(await readFile(join(root, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(2);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Indexed 2 postmortem pages for search in [\d.]+ s: Pagefind read them in [\d.]+ s, wrote its index in [\d.]+ s, typo correction took [\d.]+ s \(\d+ distinct words; [\d.]+ kB known-words filter\)\.$/,
      ),
    );
    // Typo correction knows the indexed words, and only those.
    const known = async (word: string) =>
      readKnownWords(
        new Uint8Array(await readFile(join(root, 'pagefind', TYPO_FOLDER, `known-${knownWordsShard(word)}.bin`))),
      );
    expect((await known('exhausted')).has('exhausted')).toBe(true);
    expect((await known('everything')).has('everything')).toBe(false);
    const buckets = await Promise.all(
      candidateBuckets('exhasuted', (await known('exhasuted')).bucketCount).map((bucket) =>
        readFile(join(root, 'pagefind', TYPO_FOLDER, `${bucket}.txt`), 'utf8'),
      ),
    );
    expect(bestCorrection('exhasuted', buckets.flatMap(parseBucket))).toBe('exhausted');
  }, 30_000);

  test('reads the pages before it may write, and writes nothing when the build it waited for failed', async () => {
    const events: string[] = [];
    const api = {
      createIndex: async () => ({
        errors: [],
        index: {
          addDirectory: async () => {
            events.push('read');
            return { errors: [], page_count: 1 };
          },
          writeFiles: async () => {
            events.push('write');
            return { errors: [] };
          },
        },
      }),
      close: async () => {
        events.push('close');
        return null;
      },
    } as unknown as PagefindApi;

    const result = await buildSearchIndex({
      dir: pathToFileURL('/work/site/dist/'),
      logger,
      api,
      readyToWrite: () => {
        events.push('build failed');
        return Promise.resolve(false);
      },
    });

    expect(result).toBeUndefined();
    expect(events).toEqual(['read', 'build failed', 'close']);
  });

  test('leaves no Pagefind process behind, even when the build exits the moment the index is written', async () => {
    const root = await mkdtemp(join(tmpdir(), 'postmortems-index-'));
    await writePage(root, 'postmortems/2024-03-14-a/index.html', '<article data-pagefind-body><p>Pool.</p></article>');
    // A build in its own process, which names the Pagefind process it started and exits as soon as indexing resolves.
    const script = join(root, 'index-and-exit.mts');
    await writeFile(
      script,
      `import * as pagefind from ${JSON.stringify(import.meta.resolve('pagefind'))};
import { readProcessTable } from ${JSON.stringify(fileURLToPath(new URL('../lib/process-table.ts', import.meta.url)))};
import { buildSearchIndex } from ${JSON.stringify(fileURLToPath(new URL('./search-index.ts', import.meta.url)))};
let started = [];
const api = {
  createIndex: async (config) => {
    const created = await pagefind.createIndex(config);
    started = (await readProcessTable()).filter((entry) => entry.ppid === process.pid && entry.name.startsWith('pagefind'));
    console.log(JSON.stringify(started));
    return created;
  },
  // Pagefind holding a large index takes a while to end once signalled: held stopped for 300 ms, it does the same.
  close: () => {
    const [child] = started;
    process.kill(child.pid, 'SIGSTOP');
    setTimeout(() => process.kill(child.pid, 'SIGCONT'), 300).unref();
    return pagefind.close();
  },
};
await buildSearchIndex({ dir: new URL(${JSON.stringify(pathToFileURL(`${root}/`).href)}), logger: { info() {} }, api });
process.exit(0);
`,
    );
    const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd() });
    const started = JSON.parse(stdout.trim().split('\n')[0]!) as ProcessEntry[];

    expect(started).toHaveLength(1);
    // Gone, not merely signalled: a process still there (a zombie included) has outlived its build.
    expect(await processExists(started[0]!.pid, started[0]!.startTicks)).toBe(false);
  }, 30_000);

  test('fails with what Pagefind reported and a hint, and still stops Pagefind', async () => {
    const close = vi.fn(async () => null);
    const api = {
      createIndex: async () => ({
        errors: [],
        index: { addDirectory: async () => ({ errors: ['cannot read /nowhere'], page_count: 0 }) },
      }),
      close,
    } as unknown as PagefindApi;

    const error = await buildSearchIndex({ dir: pathToFileURL('/nowhere/'), logger, api }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toMatchObject({
      message: 'Building the search index failed: Pagefind could not read the built pages:\n  - cannot read /nowhere',
      hint: expect.stringContaining('npm ci'),
      cause: expect.any(Error),
    });
    expect(close).toHaveBeenCalledOnce();
  });
});
