import type { LintRule } from '../types';

/** Elements that run code or embed other sites: never allowed in a postmortem. */
const FORBIDDEN_ELEMENTS = ['script', 'iframe'];
const FORBIDDEN_ELEMENT_PATTERN = new RegExp(`<\\s*(${FORBIDDEN_ELEMENTS.join('|')})\\b`, 'gi');
/** Inline event handlers such as `onclick=` inside a tag. */
const EVENT_HANDLER_PATTERN = /<[^>]*\s(on[a-z]+)\s*=/gi;

export const safeHtml: LintRule = {
  id: 'safe-html',
  severity: 'error',
  needsTree: true,
  description: 'No `<script>`, `<iframe>` or inline event handlers (`onclick=`…) in the body.',
  // HTML and JSX both start with `<`.
  appliesTo: (document) => document.file.body.includes('<'),
  check(document, _context, report) {
    if (!document.tree) return;
    for (const node of document.nodes('html')) {
      const start = node.position?.start.offset ?? 0;
      for (const match of node.value.matchAll(FORBIDDEN_ELEMENT_PATTERN)) {
        report(
          document.positionAt(start + match.index),
          `\`<${match[1]!.toLowerCase()}>\` is not allowed in a postmortem; describe it in text or show it in a code block`,
        );
      }
      for (const match of node.value.matchAll(EVENT_HANDLER_PATTERN)) {
        report(
          document.positionAt(start + match.index + match[0].lastIndexOf(match[1]!)),
          `inline event handler \`${match[1]}\` is not allowed; remove the attribute`,
        );
      }
    }
    for (const element of document.nodes('mdxJsxFlowElement', 'mdxJsxTextElement')) {
      const position = { line: element.position?.start.line ?? 1, column: element.position?.start.column ?? 1 };
      if (element.name && FORBIDDEN_ELEMENTS.includes(element.name.toLowerCase())) {
        report(
          position,
          `\`<${element.name}>\` is not allowed in a postmortem; describe it in text or show it in a code block`,
        );
      }
      for (const attribute of element.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && /^on[a-z]/i.test(attribute.name)) {
          report(position, `inline event handler \`${attribute.name}\` is not allowed; remove the attribute`);
        }
      }
    }
  },
};
