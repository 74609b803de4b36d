import { describe, expect, test } from 'vitest';
import {
  clientDiagram,
  findMermaidSources,
  renderedDiagram,
  replaceMermaidBlocks,
  standaloneSvg,
} from './diagram-markup';

const page = `<h2>Root cause</h2><pre><code class="language-mermaid">flowchart LR
  A[&quot;Client&quot;] --&gt; B
</code></pre><p>text</p><pre><code class="language-js">a &gt; b</code></pre>`;

describe('findMermaidSources', () => {
  test('finds mermaid fences and decodes their text, ignoring other code', () => {
    expect(findMermaidSources(page)).toEqual(['flowchart LR\n  A["Client"] --> B']);
  });

  test('reads the page as a browser does: a > in an attribute value, a fence merely shown as text', () => {
    const html = `<pre data-title="a>b" tabindex="0"><code class="language-mermaid">graph TD\n  a --&gt; b\n</code></pre>
      <p>&lt;pre&gt;&lt;code class="language-mermaid"&gt;not a diagram&lt;/code&gt;&lt;/pre&gt;</p>`;
    expect(findMermaidSources(html)).toEqual(['graph TD\n  a --> b']);
  });
});

describe('replaceMermaidBlocks', () => {
  test('replaces each diagram and leaves the rest of the page alone', () => {
    const html = replaceMermaidBlocks(page, (source, index) =>
      renderedDiagram({ href: `/_diagrams/diagram-${index}.svg`, width: 900, height: 120 }, source, index),
    );
    expect(html).toContain(
      '<img src="/_diagrams/diagram-0.svg" width="900" height="120" alt="Diagram 1; its source follows"',
    );
    expect(html).toContain('<div class="diagram-frame" tabindex="0" role="group"');
    expect(html).toContain(
      '<a href="/_diagrams/diagram-0.svg">Open diagram 1 at full size</a><details><summary>Diagram source</summary>',
    );
    expect(html).toContain('A["Client"] --&gt; B');
    expect(html).toContain('<pre><code class="language-js">a &gt; b</code></pre>');
    expect(findMermaidSources(html)).toEqual([]);
  });
});

describe('standaloneSvg', () => {
  test('gives the drawing its natural size from its viewBox instead of the width of its container', () => {
    const svg = '<svg id="d0" width="100%" style="max-width: 2005.8px;" viewBox="0 0 2005.8 131"><g></g></svg>';
    expect(standaloneSvg(svg)).toBe('<svg id="d0" viewBox="0 0 2005.8 131" width="2006" height="131"><g></g></svg>');
  });
});

describe('clientDiagram', () => {
  test('escapes the source so the browser draws it as text', () => {
    expect(clientDiagram('A --> B<script>')).toContain('<pre class="mermaid">A --&gt; B&lt;script&gt;</pre>');
  });
});
