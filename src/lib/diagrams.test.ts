import { describe, expect, test } from 'vitest';
import { clientDiagram, findMermaidSources, renderedDiagram, replaceMermaidBlocks } from './diagrams';

const page = `<h2>Root cause</h2><pre><code class="language-mermaid">flowchart LR
  A[&quot;Client&quot;] --&gt; B
</code></pre><p>text</p><pre><code class="language-js">a &gt; b</code></pre>`;

describe('findMermaidSources', () => {
  test('finds mermaid fences and decodes their text, ignoring other code', () => {
    expect(findMermaidSources(page)).toEqual(['flowchart LR\n  A["Client"] --> B']);
  });
});

describe('replaceMermaidBlocks', () => {
  test('replaces each diagram and leaves the rest of the page alone', () => {
    const html = replaceMermaidBlocks(page, (source, index) => renderedDiagram(`<svg id="d${index}"></svg>`, source));
    expect(html).toContain(
      '<figure class="diagram"><svg id="d0"></svg><figcaption><details><summary>Diagram source</summary>',
    );
    expect(html).toContain('A[&quot;Client&quot;] --&gt; B');
    expect(html).toContain('<pre><code class="language-js">a &gt; b</code></pre>');
    expect(findMermaidSources(html)).toEqual([]);
  });
});

describe('clientDiagram', () => {
  test('escapes the source so the browser draws it as text', () => {
    expect(clientDiagram('A --> B<script>')).toContain('<pre class="mermaid">A --&gt; B&lt;script&gt;</pre>');
  });
});
