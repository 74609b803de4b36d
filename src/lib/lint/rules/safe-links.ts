import type { LintRule } from '../types';

/** Browsers ignore whitespace and control characters inside a scheme, so `java\tscript:` is still JavaScript. */
export function isJavaScriptUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^javascript:/i.test(url.replace(/[\u0000-\u0020]/g, ''));
}

/** "javascript" with any whitespace or control characters between its letters, found without copying the body. */
const JAVASCRIPT_WORD = new RegExp('javascript'.split('').join('[\\u0000-\\u0020]*'), 'i');

/**
 * Whether `body` could hold a `javascript:` URL: the word written out (whatever
 * the case and whatever control characters sit inside it), or character references that might spell it.
 */
export function mayHoldJavaScriptUrl(body: string): boolean {
  return body.includes('&') || JAVASCRIPT_WORD.test(body);
}

const HTML_URL_ATTRIBUTE = /\s(?:href|src|action|formaction)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const MESSAGE = '`javascript:` URLs are not allowed; link to an http(s) page instead';

export const safeLinks: LintRule = {
  id: 'safe-links',
  severity: 'error',
  needsTree: true,
  description: 'No `javascript:` URLs in links, images or HTML attributes.',
  appliesTo: (document) => mayHoldJavaScriptUrl(document.file.body),
  check(document, _context, report) {
    if (!document.tree) return;
    const at = (node: { position?: { start: { line: number; column: number } } | undefined }) => ({
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
    });
    for (const node of document.nodes('link', 'image', 'definition')) {
      if (isJavaScriptUrl(node.url)) report(at(node), MESSAGE);
    }
    for (const node of document.nodes('html')) {
      const start = node.position?.start.offset ?? 0;
      for (const match of node.value.matchAll(HTML_URL_ATTRIBUTE)) {
        if (isJavaScriptUrl(match[1] ?? match[2] ?? match[3] ?? ''))
          report(document.positionAt(start + match.index + 1), MESSAGE);
      }
    }
    for (const node of document.nodes('mdxJsxFlowElement', 'mdxJsxTextElement')) {
      for (const attribute of node.attributes) {
        if (
          attribute.type === 'mdxJsxAttribute' &&
          typeof attribute.value === 'string' &&
          isJavaScriptUrl(attribute.value)
        ) {
          report(at(node), MESSAGE);
        }
      }
    }
  },
};
