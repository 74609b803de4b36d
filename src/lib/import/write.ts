/**
 * Writing imported postmortems: the file's text, its name as the contract wants
 * (`YYYY-MM-DD-slug.md`, dated by the start in the incident's zone), the sources
 * already imported (so a second run skips them), and never overwriting a file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
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

const SOURCE_LINE = /^source:/m;

/**
 * The `source` of every postmortem in `dir` and the file that records it. Only
 * frontmatter that mentions `source:` is parsed, so a large folder costs little.
 */
export async function importedSources(dir: string): Promise<Map<string, string>> {
  const files = await listPostmortemFiles(dir).catch(() => []);
  const sources = new Map<string, string>();
  for await (const { file, text } of readFiles(dir, files)) {
    const { yaml } = splitFrontmatter(text);
    if (!yaml || !SOURCE_LINE.test(yaml)) continue;
    try {
      const data = parse(yaml) as { source?: unknown } | null;
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
 * Writes `text` as `dir/fileName`, or as `fileName` with `-2`, `-3`… before the
 * extension when a file of that name exists: never over an existing file.
 * Resolves to the name written.
 */
export async function writeNewFile(dir: string, fileName: string, text: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const stem = fileName.replace(/\.md$/, '');
  for (let attempt = 1; attempt <= MAX_SUFFIX; attempt += 1) {
    const name = attempt === 1 ? fileName : `${stem}-${attempt}.md`;
    try {
      await writeFile(join(dir, name), text, { flag: 'wx' });
      return name;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`${fileName} and ${MAX_SUFFIX - 1} variants of it exist in ${dir}; rename some of them`);
}
