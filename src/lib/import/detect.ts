/**
 * `--from auto`: which format a source is in, from its extension, its frontmatter's
 * fields and its body, with the reason said in the report.
 */
import { isCstateSource } from './cstate';
import { isIncidentIoExport } from './incident-io';
import { readSourceFrontmatter, type SourceFrontmatter } from './markdown';
import { isPostmortemsAppFrontmatter } from './postmortems-app';
import type { ImportFormat } from './source-record';

/** A format and why it was chosen, or why none was. */
export type Detection =
  | { format: ImportFormat; reason: string; frontmatter?: SourceFrontmatter }
  | { format: undefined; reason: string; frontmatter?: undefined };

/** Extensions of Markdown sources. */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdx', '.txt'];

/** The format of one source file, from its name and text. */
export function detectFormat(file: string, text: string): Detection {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) {
    try {
      const data: unknown = JSON.parse(text);
      return isIncidentIoExport(data)
        ? { format: 'incident-io', reason: 'JSON with `incidents` or `follow_ups` as incident.io exports them' }
        : { format: undefined, reason: 'JSON, but not an incident.io export (no `incidents` or `follow_ups`)' };
    } catch (error) {
      return { format: undefined, reason: `JSON that does not parse: ${(error as Error).message}` };
    }
  }
  if (!MARKDOWN_EXTENSIONS.some((extension) => lower.endsWith(extension)))
    return { format: undefined, reason: 'not a Markdown (.md) or JSON file' };
  const frontmatter = readSourceFrontmatter(text);
  if (isPostmortemsAppFrontmatter(frontmatter.data))
    return {
      format: 'postmortems-app',
      reason: 'frontmatter with `uuid` and `start_time`, `company` or `product`',
      frontmatter,
    };
  if (isCstateSource(frontmatter.data, text))
    return {
      format: 'cstate',
      reason: '`{{< track >}}` updates or cState fields (`resolvedWhen`, `section: issue`)',
      frontmatter,
    };
  return { format: 'markdown', reason: 'Markdown without another tool’s fields', frontmatter };
}
