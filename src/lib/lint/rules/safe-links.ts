import type { Definition, Html, Image, Link } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { LintRule } from '../types';

/** Browsers ignore whitespace and control characters inside a scheme, so `java\tscript:` is still JavaScript. */
export function isJavaScriptUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^javascript:/i.test(url.replace(/[\u0000-\u0020]/g, ''));
}

const HTML_URL_ATTRIBUTE = /\s(?:href|src|action|formaction)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const MESSAGE = '`javascript:` URLs are not allowed; link to an http(s) page instead';

export const safeLinks: LintRule = {
  id: 'safe-links',
  severity: 'error',
  needsTree: true,
  description: 'No `javascript:` URLs in links, images or HTML attributes.',
  check(document, _context, report) {
    if (!document.tree) return;
    const at = (node: { position?: { start: { line: number; column: number } } | undefined }) => ({
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
    });
    visit(document.tree, ['link', 'image', 'definition'], (node) => {
      if (isJavaScriptUrl((node as Link | Image | Definition).url)) report(at(node), MESSAGE);
    });
    visit(document.tree, 'html', (node: Html) => {
      const start = node.position?.start.offset ?? 0;
      for (const match of node.value.matchAll(HTML_URL_ATTRIBUTE)) {
        if (isJavaScriptUrl(match[1] ?? match[2] ?? match[3] ?? '')) report(document.positionAt(start + match.index + 1), MESSAGE);
      }
    });
    visit(document.tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'], (node) => {
      for (const attribute of (node as MdxJsxFlowElement | MdxJsxTextElement).attributes) {
        if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string' && isJavaScriptUrl(attribute.value)) {
          report(at(node), MESSAGE);
        }
      }
    });
  },
};
