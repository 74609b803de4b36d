import { findPackageJSON } from 'node:module';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroConfig } from 'astro';
import { describe, expect, test } from 'vitest';
import mdx from '../integrations/mdx';
import { createPlainMdxRenderer, plainMdxUnavailable } from './plain-mdx';

const fileURL = new URL('file:///postmortems/2024-03-14-checkout.mdx');

/** The Markdown settings of astro.config.mjs, with the parts the renderer reads. */
function markdownSettings(overrides: Partial<AstroConfig['markdown']> = {}): AstroConfig['markdown'] {
  return {
    processor: satteri(),
    syntaxHighlight: { type: 'prism', excludeLangs: ['mermaid'] },
    shikiConfig: { langs: [], langAlias: {}, theme: 'github-dark', themes: {}, wrap: false, transformers: [] },
    remarkPlugins: [],
    rehypePlugins: [],
    remarkRehype: {},
    ...overrides,
  };
}

describe('createPlainMdxRenderer', () => {
  test("compiles with the very packages Astro's MDX integration uses, so the two renderings cannot drift apart", () => {
    const mdxIntegration = import.meta.resolve('@astrojs/mdx');
    const markdownSatteri = findPackageJSON('@astrojs/markdown-satteri', import.meta.url);
    expect(markdownSatteri).toBeDefined();
    expect(findPackageJSON('@astrojs/markdown-satteri', mdxIntegration)).toBe(markdownSatteri);
    expect(findPackageJSON('satteri', pathToFileURL(markdownSatteri!))).toBe(
      findPackageJSON('satteri', import.meta.url),
    );
  });

  test('renders with heading ids, GFM, smart punctuation and Prism, and lists the headings', async () => {
    const render = await createPlainMdxRenderer(markdownSettings());
    const rendered = await render!(
      [
        '## Root cause',
        '',
        'The "pool" was full -- it\'s fixed.',
        '',
        '## Root cause',
        '',
        '| Step | Minutes |',
        '| :--- | ------: |',
        '| Detect | 8 |',
        '',
        '- [ ] Alert on saturation',
        '',
        '```js',
        'const size = 10;',
        '```',
        '',
        '```mermaid',
        'flowchart LR',
        '  a --> b',
        '```',
      ].join('\n'),
      fileURL,
    );
    expect(rendered?.metadata.headings).toEqual([
      { depth: 2, slug: 'root-cause', text: 'Root cause' },
      { depth: 2, slug: 'root-cause-1', text: 'Root cause' },
    ]);
    const html = rendered?.html ?? '';
    expect(html).toContain('<h2 id="root-cause">Root cause</h2>');
    expect(html).toContain('<h2 id="root-cause-1">');
    expect(html).toContain('The “pool” was full – it’s fixed.');
    expect(html).toMatch(/<td align="right">8<\/td>|<td style="text-align: ?right;?">8<\/td>/);
    expect(html).toContain('<input type="checkbox" disabled');
    expect(html).toContain(
      '<pre class="language-js" data-language="js"><code class="language-js"><span class="token keyword">const</span>',
    );
    // Mermaid fences stay text for the diagrams integration.
    expect(html).toContain('<code class="language-mermaid">flowchart LR\n  a --&gt; b\n</code>');
  });

  test('renders braces and angle brackets in code, and text that only looks like ESM', async () => {
    const render = await createPlainMdxRenderer(markdownSettings());
    const html = (await render!('Imports were late: `size < 10`.\n\n```json\n{"pool": 10}\n```\n', fileURL))?.html;
    expect(html).toContain('<p>Imports were late: <code>size &lt; 10</code>.</p>');
    expect(html).toContain('<span class="token punctuation">{</span>');
  });

  test('leaves JSX, expressions, ESM and images to Astro, without running any of it', async () => {
    const render = await createPlainMdxRenderer(markdownSettings());
    const bodies = [
      // A passage holding a component, or written inline, or with attributes.
      '<Internal>\n<Callout kind="lesson">\nLook first.\n</Callout>\n</Internal>\n',
      'Before <Internal>secret</Internal> after.',
      '<Internal class="x">\nSecret.\n</Internal>\n',
      // The components postmortems may use: Astro renders them, with their data, images and labels.
      '<MetricChart src="./errors.csv" y="errors" label="Errors" />',
      '<Figure src="./dashboard.png" alt="The dashboard" caption="Errors" />',
      '<Callout kind="lesson">\nLook at what changed first.\n</Callout>\n',
      'Inline <abbr title="Domain Name System">DNS</abbr> too.',
      'Took {globalThis.expressionRan = true} hours.',
      'import Chart from "../src/components/mdx/Chart.astro";\n\nText.',
      'export const answer = 42;\n\nText.',
      '![The queue](./queue.png)',
      '![The queue][queue]\n\n[queue]: ./queue.png',
    ];
    for (const body of bodies) expect(await render!(body, fileURL), body).toBeUndefined();
    expect('expressionRan' in globalThis).toBe(false);
  });

  test('renders an <Internal> passage of Markdown as the component renders it in the internal build', async () => {
    const render = await createPlainMdxRenderer(markdownSettings());
    const html = (
      await render!('Before.\n\n<Internal>\nThe rota is **canary-rota**.\n</Internal>\n\nAfter.\n', fileURL)
    )?.html;
    expect(html).toBe(
      '<p>Before.</p>\n<section class="internal-passage" aria-label="Internal only"><p class="internal-label">Internal</p>' +
        '<p>The rota is <strong>canary-rota</strong>.</p></section>\n<p>After.</p>',
    );
  });

  test('numbers repeated headings afresh in every body it renders', async () => {
    const render = await createPlainMdxRenderer(markdownSettings());
    for (let round = 0; round < 2; round++)
      expect((await render!('## Timeline\n\n## Timeline\n', fileURL))?.html).toBe(
        '<h2 id="timeline">Timeline</h2>\n<h2 id="timeline-1">Timeline</h2>',
      );
  });

  test('follows the Markdown settings: no smart punctuation when turned off', async () => {
    const render = await createPlainMdxRenderer(markdownSettings({ smartypants: false }));
    expect((await render!('It\'s "fixed".', fileURL))?.html).toBe('<p>It\'s "fixed".</p>');
  });

  test('renders nothing with another Markdown processor: Astro compiles every MDX file then', async () => {
    const unified = {
      name: 'unified',
      options: {},
      createRenderer: (...args: Parameters<ReturnType<typeof satteri>['createRenderer']>) =>
        satteri().createRenderer(...args),
    } as AstroConfig['markdown']['processor'];
    expect(await createPlainMdxRenderer(markdownSettings({ processor: unified }))).toBeUndefined();
  });
});

describe('plainMdxUnavailable', () => {
  const config = (
    integrations: AstroConfig['integrations'],
    processor: AstroConfig['markdown']['processor'] = satteri(),
  ) => ({ markdown: markdownSettings({ processor }), integrations }) as Pick<AstroConfig, 'markdown' | 'integrations'>;

  test("is available with `mdx()` as this project configures it: no options, Sätteri's settings", () => {
    expect(plainMdxUnavailable(config([mdx()]))).toBeUndefined();
  });

  test('turns itself off, saying which, when `mdx()` is given options it would not apply', () => {
    expect(plainMdxUnavailable(config([mdx({ optimize: true, extendMarkdownConfig: false })]))).toBe(
      '`mdx()` has options (`optimize`, `extendMarkdownConfig`) that plain MDX rendering does not apply',
    );
  });

  test('turns itself off when `mdx()` comes straight from @astrojs/mdx, whose options it cannot see', async () => {
    const astroMdx = (await import('@astrojs/mdx')).default;
    expect(plainMdxUnavailable(config([astroMdx({ optimize: true })]))).toContain('options cannot be read');
  });

  test('turns itself off with another Markdown processor', () => {
    const other = { ...satteri(), name: 'unified' } as AstroConfig['markdown']['processor'];
    expect(plainMdxUnavailable(config([mdx()], other))).toContain('the Markdown processor is `unified`');
  });
});

describe('the plugins of the Markdown processor', () => {
  test('are honoured: a plugin added to Sätteri, by the config or an integration, changes the HTML rendered', async () => {
    const shout = {
      name: 'shout',
      text: (
        node: { value: string },
        context: { setProperty: (node: object, key: string, value: unknown) => void },
      ) => {
        context.setProperty(node, 'value', node.value.toUpperCase());
      },
    };
    const processor = satteri({ mdastPlugins: [shout] as never });
    const render = await createPlainMdxRenderer(markdownSettings({ processor }));
    expect((await render!('Quiet words.', fileURL))?.html).toBe('<p>QUIET WORDS.</p>');
  });
});
