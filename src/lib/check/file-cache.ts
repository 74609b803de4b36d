/**
 * What `npm run check` derives from the postmortems it compares the checked
 * ones with (their validated frontmatter and similarity terms), kept between
 * runs: keyed by each file's content digest and by a key of the code and
 * settings that derive it, so an unchanged file costs a read and a hash
 * instead of a validation and a parse.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { findPackageJSON } from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { CheckedFile } from '../content-folder';
import { localModules } from '../module-graph';

/** Where the cache lives: beside Astro's, in `POSTMORTEMS_CACHE_DIR` or `node_modules/.astro`. */
export function checkCachePath(root: string, env: Record<string, string | undefined> = process.env): string {
  const configured = env['POSTMORTEMS_CACHE_DIR']?.trim();
  const folder = configured
    ? isAbsolute(configured)
      ? configured
      : resolve(root, configured)
    : resolve(root, 'node_modules/.astro');
  return resolve(folder, 'check-files.bin');
}

/**
 * A digest of what a file's derived data depends on besides its text: the
 * schema's settings, the source of the code that validates it and reads its
 * terms (`content-folder.ts` and every module it imports), and the version of
 * the Markdown parser (Sätteri) that finds its root-cause section.
 */
export async function derivationKey(settings: object): Promise<string> {
  const sources = await localModules([fileURLToPath(new URL('../content-folder.ts', import.meta.url))]);
  const hash = createHash('sha256').update(JSON.stringify(settings));
  for (const path of sources) hash.update('\0').update(await readFile(path));
  const manifest = findPackageJSON('satteri', import.meta.url);
  if (manifest) hash.update('\0').update(await readFile(manifest));
  return hash.digest('base64url');
}

/** The digest of a file's bytes. */
export function contentDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/**
 * A file as kept: without its frontmatter as written (only a checked file's is read), and its terms as three
 * arrays, which V8 writes without repeating the property names of each of 100-odd terms: a third of the size.
 */
interface StoredFile {
  digest: string;
  file: Omit<CheckedFile, 'raw' | 'terms'>;
  terms: string[];
  counts: number[];
  identifiers: boolean[];
}

interface Stored {
  key: string;
  /** By path relative to the content folder. */
  files: Map<string, StoredFile>;
}

/** Derived data of files, by path and digest, read from and written to one file; a file read from it has no `raw`. */
export interface FileCache {
  get(path: string, digest: string): CheckedFile | undefined;
  set(path: string, digest: string, file: CheckedFile): void;
  /** Writes the cache when something was set, keeping only the `paths` given (the folder's files). */
  save(paths: readonly string[]): Promise<void>;
}

/**
 * The cache at `cachePath` under `key`; empty when it is missing, unreadable or
 * was made under another key. Written with V8's serializer, which keeps dates.
 */
export async function openFileCache(cachePath: string, key: string): Promise<FileCache> {
  let stored: Stored = { key, files: new Map() };
  try {
    const read = deserialize(await readFile(cachePath)) as Stored;
    if (read.key === key && read.files instanceof Map) stored = read;
  } catch {
    // No cache yet, or one from another Node version: derive everything again.
  }
  let changed = false;
  return {
    get: (path, digest) => {
      const entry = stored.files.get(path);
      if (entry?.digest !== digest) return undefined;
      const { terms, counts, identifiers } = entry;
      return {
        ...entry.file,
        raw: undefined,
        terms: terms.map((term, index) => ({ term, count: counts[index]!, identifier: identifiers[index]! })),
      };
    },
    set: (path, digest, { raw: _raw, terms, ...file }) => {
      stored.files.set(path, {
        digest,
        file,
        terms: terms.map(({ term }) => term),
        counts: terms.map(({ count }) => count),
        identifiers: terms.map(({ identifier }) => identifier),
      });
      changed = true;
    },
    async save(paths) {
      const kept = new Set(paths);
      for (const path of stored.files.keys())
        if (!kept.has(path)) {
          stored.files.delete(path);
          changed = true;
        }
      if (!changed) return;
      await mkdir(dirname(cachePath), { recursive: true });
      // Written whole, then renamed: a run stopped halfway leaves the previous cache, never half of one.
      const temporary = `${cachePath}.${process.pid}.tmp`;
      await writeFile(temporary, serialize(stored));
      await rename(temporary, cachePath);
    },
  };
}
