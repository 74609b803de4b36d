/**
 * Content-Security-Policy of built pages. Astro writes a policy into each page
 * with hashes of the scripts and styles it emitted; markup added after the build
 * (diagrams drawn as inline SVG) brings its own styles, whose hashes are added here.
 */
import { createHash } from 'node:crypto';

const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;

/** `'sha256-…'` source of a text, as CSP expects it. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Decodes the few entities that can appear in attribute values and `<style>` text we hash. */
function decode(text: string): string {
  return text.replace(
    /&(quot|amp|lt|gt|#39);/g,
    (_entity, name: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'" })[name]!,
  );
}

/** The inline styles of a fragment of markup: `<style>` element texts and `style` attribute values. */
export function inlineStyles(markup: string): { elements: string[]; attributes: string[] } {
  const elements = [...markup.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((match) => match[1]!);
  const attributes = [...markup.matchAll(/<[a-z][^>]*?\sstyle="([^"]*)"/gi)].map((match) => decode(match[1]!));
  return { elements: [...new Set(elements)], attributes: [...new Set(attributes)] };
}

/**
 * Allows the given inline styles in a page's policy: `<style>` texts by hash and
 * `style` attributes by hash with `'unsafe-hashes'` (never `'unsafe-inline'`).
 */
export function allowInlineStyles(html: string, styles: { elements: string[]; attributes: string[] }): string {
  if (styles.elements.length === 0 && styles.attributes.length === 0) return html;
  return html.replace(CSP_META, (_meta, start: string, policy: string, end: string) => {
    const sources = [...styles.elements, ...styles.attributes].map(cspHash);
    if (styles.attributes.length > 0) sources.unshift("'unsafe-hashes'");
    const directives = policy
      .split(';')
      .map((directive) => directive.trim())
      .filter(Boolean);
    const index = directives.findIndex((directive) => directive.startsWith('style-src '));
    if (index === -1) directives.push(`style-src 'self' ${sources.join(' ')}`);
    else {
      const existing = new Set(directives[index]!.split(/\s+/).slice(1));
      directives[index] = `style-src ${[...existing, ...sources.filter((source) => !existing.has(source))].join(' ')}`;
    }
    return `${start}${directives.join('; ')};${end}`;
  });
}
