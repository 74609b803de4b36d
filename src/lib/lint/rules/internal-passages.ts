import type { LintRule } from '../types';

/** A tag opening an `<Internal>` passage, as raw HTML in Markdown. */
const INTERNAL_TAG = /<\s*Internal\b/g;

export const internalPassages: LintRule = {
  id: 'internal-passages',
  severity: 'error',
  needsTree: true,
  description: '`<Internal>` passages only in `.mdx` files: Markdown would publish them as they are.',
  appliesTo: (document) => !document.isMdx && document.file.body.includes('<'),
  check(document, _context, report) {
    if (document.isMdx || !document.tree) return;
    for (const node of document.nodes('html')) {
      const start = node.position?.start.offset ?? 0;
      for (const match of node.value.matchAll(INTERNAL_TAG)) {
        report(
          document.positionAt(start + match.index),
          '`<Internal>` works only in MDX: rename the file to .mdx, or the passage would appear in the public site',
        );
      }
    }
  },
};
