import { htmlAttributeName, isSafeAttributeValue, isSafeUrl } from '../../content-policy';
import { scanHtml } from '../../raw-html';
import { quoteValue } from '../../errors';
import type { LintRule } from '../types';
import { startOf } from './safe-html';

const FIX = 'links and images may use only http:, https:, mailto:, relative paths and #fragments';

export const safeLinks: LintRule = {
  id: 'safe-links',
  severity: 'error',
  needsTree: true,
  description:
    'Links, images, definitions and URL attributes (`href`, `src`, `srcset`, `cite`…) use only `http:`, `https:`, `mailto:`, relative paths and `#fragments`: no `javascript:`, `vbscript:`, `data:`, `file:` or `//host` URLs, however encoded.',
  check(document, _context, report) {
    if (!document.tree) return;
    for (const node of document.nodes('link', 'image', 'definition')) {
      if (!isSafeUrl(node.url)) report(startOf(node), `URL ${quoteValue(node.url)} is not allowed; ${FIX}`);
    }
    for (const node of document.nodes('html')) {
      const start = node.position?.start.offset ?? 0;
      for (const tag of scanHtml(node.value).tags) {
        for (const attribute of tag.attributes) {
          if (!isSafeAttributeValue(attribute.name, attribute.value)) {
            report(
              document.positionAt(start + attribute.offset),
              `URL ${quoteValue(attribute.value)} in ${quoteValue(attribute.name)} is not allowed; ${FIX}`,
            );
          }
        }
      }
    }
    for (const element of document.nodes('mdxJsxFlowElement', 'mdxJsxTextElement')) {
      for (const attribute of element.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
        const name = htmlAttributeName(attribute.name);
        if (!isSafeAttributeValue(name, attribute.value)) {
          report(
            startOf(element),
            `URL ${quoteValue(attribute.value)} in ${quoteValue(attribute.name)} is not allowed; ${FIX}`,
          );
        }
      }
    }
  },
};
