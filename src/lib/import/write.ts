/**
 * Writing imported postmortems: the file's text, its name as the contract wants
 * (`YYYY-MM-DD-slug.md`, dated by the start in the incident's zone), the sources
 * already imported (so a second run skips them), and never overwriting a file.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { listPostmortemFiles } from '../content-folder';
import { splitFrontmatter } from '../frontmatter';
import { readFiles } from '../read-files';
import { scaffoldFileName } from '../scaffold';
import type { MappedPostmortem } from './map';
import { startOfDay } from './source-time';

/** The whole text of an imported postmortem: YAML frontmatter, then the body. */
export function renderPostmortem(mapped: Pick<MappedPostmortem, 'frontmatter' | 'body'>): string {
  return `---\n${stringify(mapped.frontmatter, { lineWidth: 0 })}---\n\n${mapped.body}\n`;
}

/** `YYYY-MM-DD-slug.md`, or `undefined` when no date of the incident is known. */
export function importedFileName(
  mapped: Pick<MappedPostmortem, 'startDate' | 'title' | 'frontmatter'>,
): string | undefined {
  if (!mapped.startDate) return undefined;
  const timezone = String(mapped.frontmatter['timezone']);
  return scaffoldFileName({
    title: mapped.title,
    startedAt: startOfDay(mapped.startDate, timezone),
    timezone,
    format: 'md',
  });
}

/** The top-level `source:` line of a frontmatter, as the importer writes it. */
const SOURCE_LINE = /^source:.*$/m;

/**
 * The `source` of every postmortem in `dir` and the file that records it. Only the
 * `source:` line is parsed, not the whole frontmatter, so a large folder costs little.
 */
export async function importedSources(dir: string): Promise<Map<string, string>> {
  const files = await listPostmortemFiles(dir).catch(() => []);
  const sources = new Map<string, string>();
  for await (const { file, text } of readFiles(dir, files)) {
    const line = splitFrontmatter(text).yaml?.match(SOURCE_LINE)?.[0];
    if (!line) continue;
    try {
      const data = parse(line) as { source?: unknown } | null;
      if (typeof data?.source === 'string') sources.set(data.source, file);
    } catch {
      // A file whose YAML does not parse records no source; `npm run check` reports it.
    }
  }
  return sources;
}

/** Names tried after `name` when it is taken by another incident: `…-2.md`, `…-3.md`… */
const MAX_SUFFIX = 99;

/**
 * Writes new files into `dir`, never over an existing one: a name taken (on disk, or
 * earlier in this run) gets `-2`, `-3`… before the extension. Names are claimed in
 * the order `write` is called, so a run names files the same way whatever order the
 * disk finishes them in.
 */
export async function createFileWriter(
  dir: string,
): Promise<{ write(fileName: string, text: string): Promise<string> }> {
  await mkdir(dir, { recursive: true });
  const claimed = new Set(await readdir(dir));
  const claim = (fileName: string) => {
    const stem = fileName.replace(/\.md$/, '');
    for (let attempt = 1; attempt <= MAX_SUFFIX; attempt += 1) {
      const name = attempt === 1 ? fileName : `${stem}-${attempt}.md`;
      if (!claimed.has(name)) {
        claimed.add(name);
        return name;
      }
    }
    throw new Error(`${fileName} and ${MAX_SUFFIX - 1} variants of it exist in ${dir}; rename some of them`);
  };
  return {
    async write(fileName, text) {
      let name = claim(fileName);
      for (;;) {
        try {
          await writeFile(join(dir, name), text, { flag: 'wx' });
          return name;
        } catch (error) {
          // Written by someone else since the folder was listed: take the next free name.
          if ((error as { code?: string }).code !== 'EEXIST') throw error;
          name = claim(fileName);
        }
      }
    },
  };
}
