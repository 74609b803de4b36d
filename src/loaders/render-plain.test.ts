import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { PlainMdxRenderer } from '../lib/plain-mdx';
import { renderPlainFiles } from './render-plain';

/** Renders every body but those holding `<`, as the real renderer leaves JSX to Astro. */
const render: PlainMdxRenderer = (body) =>
  Promise.resolve(body.includes('<') ? undefined : { html: `<p>${body.trim()}</p>`, metadata: { headings: [] } });

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'render-plain-'));
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  return dir;
}

describe('renderPlainFiles', () => {
  test('renders the plain MDX bodies without their frontmatter, by absolute path, and says what is left to Astro', async () => {
    const dir = await folder({
      'a.mdx': '---\ntitle: A\n---\nPlain.\n',
      'b.mdx': '---\ntitle: B\n---\n<Internal>x</Internal>\n',
      'c.md': '---\ntitle: C\n---\nMarkdown.\n',
    });
    const lines: string[] = [];
    const rendered = await renderPlainFiles(render, dir, ['a.mdx', 'b.mdx', 'c.md'], {
      info: (line) => lines.push(line),
    });
    expect(rendered).toEqual(new Map([[join(dir, 'a.mdx'), { html: '<p>Plain.</p>', metadata: { headings: [] } }]]));
    expect(lines).toEqual([
      'Rendered 1 MDX postmortem to HTML while syncing; Astro compiles 1 other, with JSX, expressions, imports or images.',
    ]);
  });

  test('renders and says nothing when the fast path is off or there is no MDX', async () => {
    const dir = await folder({ 'a.mdx': 'Plain.\n', 'c.md': 'Markdown.\n' });
    const lines: string[] = [];
    const logger = { info: (line: string) => lines.push(line) };
    expect(await renderPlainFiles(undefined, dir, ['a.mdx'], logger)).toEqual(new Map());
    expect(await renderPlainFiles(render, dir, ['c.md'], logger)).toEqual(new Map());
    expect(lines).toEqual([]);
  });
});
