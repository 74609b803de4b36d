/**
 * Mermaid diagrams in built pages: finding the ```mermaid fences the Markdown
 * processors leave as plain code, and replacing them with rendered diagrams.
 */
import type { Nodes, Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { escapeAttribute, escapeText } from 'entities';
import { splitFrontmatter } from './frontmatter';
import { attributeOf, readHtml, replaceRanges, type HtmlTag } from './raw-html';

/** A mermaid fence in a built page: where its `<pre>` starts and ends, and its text, decoded. */
interface MermaidBlock {
  start: number;
  end: number;
  source: string;
}

/**
 * The mermaid fences of a page, as the Markdown processors render them (syntax
 * highlighting excludes mermaid): `<pre …><code class="language-mermaid">…</code></pre>`, nothing between the tags.
 */
function mermaidBlocks(html: string): MermaidBlock[] {
  // Most pages have no diagram: a substring test spares them the tokenizer.
  if (!html.includes('language-mermaid')) return [];
  const blocks: MermaidBlock[] = [];
  // The `<pre>` start tag just read, and the mermaid `<code>` that follows it at once, with its text so far.
  let pre: HtmlTag | undefined;
  let code: { text: string; end?: number } | undefined;
  const reset = () => {
    pre = code = undefined;
  };
  readHtml(html, {
    startTag: (tag) => {
      const opensMermaid =
        tag.name === 'code' && !code && pre?.end === tag.offset && attributeOf(tag, 'class') === 'language-mermaid';
      if (opensMermaid) code = { text: '' };
      else {
        reset();
        if (tag.name === 'pre') pre = tag;
      }
    },
    text: (text) => {
      if (code?.end === undefined && code) code.text += text;
      else reset();
    },
    endTag: (name, offset, end) => {
      if (name === 'code' && code?.end === undefined && code) code.end = end;
      else if (name === 'pre' && pre && code?.end === offset)
        blocks.push({ start: pre.offset, end, source: code.text.replace(/\n$/, '') });
      else reset();
    },
  });
  return blocks;
}

/** The source of every mermaid diagram in a page, in order. */
export function findMermaidSources(html: string): string[] {
  return mermaidBlocks(html).map((block) => block.source);
}

/** Replaces each mermaid block with `replacement(source, index)`. */
export function replaceMermaidBlocks(html: string, replacement: (source: string, index: number) => string): string {
  return replaceRanges(
    html,
    mermaidBlocks(html).map(({ start, end, source }, index) => ({ start, end, text: replacement(source, index) })),
  );
}

/** The source, kept beside the picture for readers of assistive technology, search and copy-paste. */
function sourceDetails(source: string): string {
  return `<details><summary>Diagram source</summary><pre><code class="diagram-source">${escapeText(source)}</code></pre></details>`;
}

/** A diagram drawn at build time, as a file of its own: where it is and its natural size in CSS pixels. */
export interface DiagramFile {
  /** URL of the SVG file. */
  href: string;
  width: number;
  height: number;
}

/** The root `<svg>` start tag of a drawing, or `undefined` when it has none. */
function svgTag(svg: string): HtmlTag | undefined {
  let root: HtmlTag | undefined;
  readHtml(svg, {
    startTag: (tag) => {
      if (tag.name === 'svg') root ??= tag;
    },
  });
  return root;
}

/** The natural size of a drawn diagram, from its `viewBox` (mermaid sizes its SVG to 100% of its container). */
export function diagramSize(svg: string): { width: number; height: number } {
  const root = svgTag(svg);
  const [, , width, height] = ((root && attributeOf(root, 'viewbox')) ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  return { width: Math.ceil(width || 600), height: Math.ceil(height || 400) };
}

/**
 * The SVG as a standalone file at its natural size, so it opens full size on its own
 * and an `<img>` can show it at that size (text as mermaid set it, 16 px) instead of squeezed to the column.
 * The root tag is edited in place, not written anew: an SVG file is XML, whose names (`viewBox`) keep their case.
 */
export function standaloneSvg(svg: string): string {
  const root = svgTag(svg);
  if (!root) return svg;
  const { width, height } = diagramSize(svg);
  const dropped = root.attributes.filter(
    ({ name, value }) => name === 'width' || (name === 'style' && value.startsWith('max-width:')),
  );
  const close = svg.startsWith('/>', root.end - 2) ? root.end - 2 : root.end - 1;
  return replaceRanges(svg, [
    ...dropped.map(({ offset, end }) => ({ start: svg.slice(0, offset).trimEnd().length, end, text: '' })),
    { start: close, end: close, text: ` width="${width}" height="${height}"` },
  ]);
}

/**
 * A diagram drawn at build time: the SVG file at its natural size in a frame that scrolls sideways
 * when wider than the column (focusable, so the keyboard can scroll it too), with a link to the file
 * and the source. No inline SVG, so no inline styles for the page's policy to allow, and no client JavaScript.
 */
export function renderedDiagram(file: DiagramFile, source: string, index: number): string {
  const label = `Diagram ${index + 1}`;
  return (
    `<figure class="diagram"><div class="diagram-frame" tabindex="0" role="group" aria-label="${label}, scrolls sideways when wider than the page">` +
    `<img src="${escapeAttribute(file.href)}" width="${file.width}" height="${file.height}" alt="${label}; its source follows" loading="lazy"></div>` +
    `<figcaption><a href="${escapeAttribute(file.href)}">Open ${label.toLowerCase()} at full size</a>${sourceDetails(source)}</figcaption></figure>`
  );
}

/** A diagram left for the browser to draw (no browser was available to the build). */
export function clientDiagram(source: string): string {
  return `<figure class="diagram"><pre class="mermaid">${escapeText(source)}</pre><figcaption>${sourceDetails(source)}</figcaption></figure>`;
}

/**
 * The file lines of a postmortem's ```mermaid fences, in order: where a diagram
 * that cannot be drawn is reported. The page numbers its diagrams in the same order.
 */
export function mermaidFenceLines(source: string, isMdx: boolean): number[] {
  const { body, bodyStartLine } = splitFrontmatter(source);
  let tree: Root;
  try {
    tree = (isMdx ? mdxToMdast : markdownToMdast)(body, { position: true, features: { frontmatter: false } }) as Root;
  } catch {
    return [];
  }
  const lines: number[] = [];
  const pending: Nodes[] = [tree];
  while (pending.length > 0) {
    const node = pending.shift()!;
    if (node.type === 'code' && node.lang === 'mermaid')
      lines.push((node.position?.start.line ?? 1) + bodyStartLine - 1);
    if ('children' in node) pending.unshift(...(node.children as Nodes[]));
  }
  return lines;
}
