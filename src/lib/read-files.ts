/**
 * Reading many files in order without waiting on the disk for each: the
 * content folder before a build, the built pages after it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeUtf8, TextEncodingError } from './text-encoding';

/** Files read at once: one at a time, reading 13,000 pages kept the build waiting on the disk for 3.3 s; 64 at a time, 0.7 s. */
const READ_AHEAD = 64;

/**
 * Each of `files` (paths relative to `dir`) with its absolute path and text, in order.
 * Text is read as strict UTF-8: a file that is not throws a `TextEncodingError` naming it and the encoding.
 */
export async function* readFiles(
  dir: string,
  files: readonly string[],
): AsyncGenerator<{ file: string; path: string; text: string }> {
  for (let start = 0; start < files.length; start += READ_AHEAD) {
    const batch = files.slice(start, start + READ_AHEAD).map((file) => ({ file, path: join(dir, file) }));
    const contents = await Promise.all(batch.map(({ path }) => readFile(path)));
    for (const [index, { file, path }] of batch.entries()) {
      const decoded = decodeUtf8(contents[index]!);
      if (!decoded.ok) throw new TextEncodingError(path, decoded);
      yield { file, path, text: decoded.text };
    }
  }
}
