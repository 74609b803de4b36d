/**
 * Mermaid diagrams in built pages: finding the ```mermaid fences the Markdown
 * processors leave as plain code, and replacing them with rendered diagrams.
 */
import type { Nodes, Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { splitFrontmatter } from './frontmatter';

/** A mermaid fence as the Markdown processors render it (syntax highlighting excludes mermaid). */
const MERMAID_BLOCK = /<pre[^>]*><code class="language-mermaid"[^>]*>([\s\S]*?)<\/code><\/pre>/g;

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

function decodeEntities(html: string): string {
  return html.replace(/&(?:lt|gt|amp|quot|#39|#x27);/g, (entity) => ENTITIES[entity]!);
}

/** Escapes text for HTML content and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[char]};`);
}

/** The source of every mermaid diagram in a page, in order. */
export function findMermaidSources(html: string): string[] {
  return [...html.matchAll(MERMAID_BLOCK)].map((match) => decodeEntities(match[1]!).replace(/\n$/, ''));
}

/** Replaces each mermaid block with `replacement(source, index)`. */
export function replaceMermaidBlocks(html: string, replacement: (source: string, index: number) => string): string {
  let index = 0;
  return html.replace(MERMAID_BLOCK, (_block, code: string) =>
    replacement(decodeEntities(code).replace(/\n$/, ''), index++),
  );
}

/** The source, kept beside the picture for readers of assistive technology, search and copy-paste. */
function sourceDetails(source: string): string {
  return `<details><summary>Diagram source</summary><pre><code class="diagram-source">${escapeHtml(source)}</code></pre></details>`;
}

/** A diagram drawn at build time, as a file of its own: where it is and its natural size in CSS pixels. */
export interface DiagramFile {
  /** URL of the SVG file. */
  href: string;
  width: number;
  height: number;
}

/** The natural size of a drawn diagram, from its `viewBox` (mermaid sizes its SVG to 100% of its container). */
export function diagramSize(svg: string): { width: number; height: number } {
  const viewBox = /<svg[^>]*\sviewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  return { width: Math.ceil(Number(viewBox?.[1] ?? 600)), height: Math.ceil(Number(viewBox?.[2] ?? 400)) };
}

/**
 * The SVG as a standalone file at its natural size, so it opens full size on its own
 * and an `<img>` can show it at that size (text as mermaid set it, 16 px) instead of squeezed to the column.
 */
export function standaloneSvg(svg: string): string {
  const { width, height } = diagramSize(svg);
  return svg.replace(/^<svg([^>]*)>/, (_tag, attributes: string) => {
    const sized = attributes.replace(/\swidth="[^"]*"/, '').replace(/\sstyle="max-width:[^"]*"/, '');
    return `<svg${sized} width="${width}" height="${height}">`;
  });
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
    `<img src="${escapeHtml(file.href)}" width="${file.width}" height="${file.height}" alt="${label}; its source follows" loading="lazy"></div>` +
    `<figcaption><a href="${escapeHtml(file.href)}">Open ${label.toLowerCase()} at full size</a>${sourceDetails(source)}</figcaption></figure>`
  );
}

/** A diagram left for the browser to draw (no browser was available to the build). */
export function clientDiagram(source: string): string {
  return `<figure class="diagram"><pre class="mermaid">${escapeHtml(source)}</pre><figcaption>${sourceDetails(source)}</figcaption></figure>`;
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
