import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { contentGuard } from './content-guard';

const guard = { internal: contentGuard({ audience: 'internal' }), public: contentGuard({ audience: 'public' }) };

/** The JavaScript module the MDX compiler makes of `source` with the guard first. */
async function compiled(source: string, audience: keyof typeof guard = 'internal'): Promise<string> {
  return (await mdxToJs(source, { mdastPlugins: [guard[audience]] })).code;
}

async function html(source: string, audience: keyof typeof guard = 'internal'): Promise<string> {
  return (await markdownToHtml(source, { mdastPlugins: [guard[audience]] })).html;
}

describe('contentGuard in MDX', () => {
  test('hands the compiler no expression, import, export, expression attribute or spread', async () => {
    const code = await compiled(
      [
        "import fs from 'node:fs';",
        'export const leak = process.env.SECRET_A;',
        '',
        'Text {process.env.SECRET_B} and {/* a note */}.',
        '',
        '{globalThis.process.getBuiltinModule("child_process").execSync("id")}',
        '',
        '<a href={"javascript:" + process.env.SECRET_C}>x</a>',
        '',
        '<img {...{ src: "x", onError: process.env.SECRET_D }} alt="a" />',
      ].join('\n'),
    );
    for (const secret of ['SECRET_A', 'SECRET_B', 'SECRET_C', 'SECRET_D', 'node:fs', 'child_process', 'a note']) {
      expect(code).not.toContain(secret);
    }
    expect(code).toContain('Text');
  });

  test('removes elements and attributes outside the allow-list, and unsafe URLs', async () => {
    const code = await compiled(
      '<script>alert(1)</script>\n\n<div style="x" onClick="y" title="kept">z</div>\n\n<a href="javascript:alert(1)">x</a>\n\n<Chart />',
    );
    expect(code).not.toMatch(/alert|onClick|style|Chart/);
    expect(code).toContain('kept');
  });

  test('keeps <Internal> for the internal site and removes it, with what was defined in it, for the public one', async () => {
    const source =
      'Public text.\n\n<Internal>\n## Runbook heading\n\nThe pager number.[^p]\n\n[^p]: 555-0100\n\n[wiki]: https://wiki.internal.example/\n</Internal>\n';
    expect(await compiled(source, 'internal')).toContain('pager number');
    const published = await compiled(source, 'public');
    for (const secret of ['Runbook heading', 'pager number', '555-0100', 'wiki.internal']) {
      expect(published).not.toContain(secret);
    }
    expect(published).toContain('Public text.');
  });

  test('removes <internal> in any other letter case from every build', async () => {
    expect(await compiled('<internal>secret</internal>', 'internal')).not.toContain('secret');
  });
});

describe('contentGuard in Markdown', () => {
  test('removes HTML comments and keeps the rest', async () => {
    const rendered = await html(
      '<!-- reviewer note -->\n\n<details><!-- inline note --><summary>Logs</summary>x</details>\n',
    );
    expect(rendered).not.toContain('note');
    expect(rendered).toContain('<summary>Logs</summary>');
  });

  test('removes raw HTML that leaves the allow-list, and unsafe links', async () => {
    const rendered = await html(
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">\n\n[click](javascript:alert(1)) [ok](https://example.com/)\n',
    );
    expect(rendered).not.toMatch(/refresh|javascript/);
    expect(rendered).toContain('click');
    expect(rendered).toContain('href="https://example.com/"');
  });
});
