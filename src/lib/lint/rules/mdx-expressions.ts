import { tokenizer } from 'acorn';
import type { LintRule } from '../types';
import { startOf } from './safe-html';

/** Whether an expression's source is only comments (`{/* note *\/}`), which MDX allows and never publishes. */
function isCommentOnly(source: string): boolean {
  try {
    for (const _token of tokenizer(source, { ecmaVersion: 'latest' })) return false;
    return true;
  } catch {
    return false;
  }
}

const WHY = 'a postmortem is data, never code, so nothing in `{…}` is evaluated';

export const mdxExpressions: LintRule = {
  id: 'mdx-expressions',
  severity: 'error',
  needsTree: true,
  description:
    'MDX holds no `{…}` expression, in text or in an attribute, and no `{...spread}`: a postmortem is data, never code. `{/* comments */}` are fine and never published; write `\\{` for a literal brace.',
  appliesTo: (document) => document.isMdx && document.file.body.includes('{'),
  check(document, _context, report) {
    if (!document.tree || !document.isMdx) return;
    for (const node of document.nodes('mdxFlowExpression', 'mdxTextExpression')) {
      if (isCommentOnly(node.value)) continue;
      report(
        startOf(node),
        `\`{…}\` expressions are not allowed: ${WHY}; write the text itself, or \`\\{\` for a brace`,
      );
    }
    for (const element of document.nodes('mdxJsxFlowElement', 'mdxJsxTextElement')) {
      for (const attribute of element.attributes) {
        if (attribute.type === 'mdxJsxExpressionAttribute') {
          report(
            startOf(element),
            `\`{...}\` spread attributes are not allowed: ${WHY}; write each attribute as name="value"`,
          );
        } else if (typeof attribute.value === 'object' && attribute.value !== null) {
          report(
            startOf(element),
            `attribute \`${attribute.name}\` is an expression: ${WHY}; write its value as a string, ${attribute.name}="…"`,
          );
        }
      }
    }
  },
};
