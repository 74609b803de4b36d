import type { MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import { ALLOWED_ELEMENTS, htmlAttributeName, isAllowedAttribute, isHtmlElementName } from '../../content-policy';
import { scanHtml } from '../../raw-html';
import type { LintDocument } from '../document';
import type { LintRule, Report } from '../types';

const ELEMENT_FIX =
  'write it in Markdown, or show markup in a code block (postmortems may use the HTML GitHub renders)';

/** Where a node starts, in the file. */
export function startOf(node: { position?: { start: { line: number; column: number } } | undefined }) {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

function checkRawHtml(document: LintDocument, report: Report): void {
  for (const node of document.nodes('html')) {
    const start = node.position?.start.offset ?? 0;
    for (const tag of scanHtml(node.value).tags) {
      if (tag.name === 'internal') continue; // internal-passages reports it
      if (!ALLOWED_ELEMENTS.has(tag.name)) {
        report(
          document.positionAt(start + tag.offset),
          `\`<${tag.name}>\` is not allowed in a postmortem; ${ELEMENT_FIX}`,
        );
        continue;
      }
      for (const attribute of tag.attributes) {
        if (!isAllowedAttribute(tag.name, attribute.name)) {
          report(
            document.positionAt(start + attribute.offset),
            `attribute \`${attribute.name}\` is not allowed on \`<${tag.name}>\`; remove it`,
          );
        }
      }
    }
  }
}

function checkJsxElement(element: MdxJsxFlowElement | MdxJsxTextElement, report: Report): void {
  const name = element.name;
  if (!name || !isHtmlElementName(name) || name === 'internal') return; // components: mdx-components
  if (!ALLOWED_ELEMENTS.has(name)) {
    report(startOf(element), `\`<${name}>\` is not allowed in a postmortem; ${ELEMENT_FIX}`);
    return;
  }
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue; // spreads: mdx-expressions
    const html = htmlAttributeName(attribute.name);
    if (!isAllowedAttribute(name, html)) {
      report(startOf(element), `attribute \`${attribute.name}\` is not allowed on \`<${name}>\`; remove it`);
    }
  }
}

export const safeHtml: LintRule = {
  id: 'safe-html',
  severity: 'error',
  needsTree: true,
  description:
    'Raw HTML (and JSX elements in MDX) use only the elements and attributes GitHub renders in a pull request: no `<script>`, `<style>`, `<meta>`, `<base>`, `<link>`, `<form>`, `<iframe>`, `<object>`, `<embed>`, `<svg>`, `style=` or `on…=` handlers.',
  check(document, _context, report) {
    if (!document.tree) return;
    checkRawHtml(document, report);
    for (const element of document.nodes('mdxJsxFlowElement', 'mdxJsxTextElement')) checkJsxElement(element, report);
  },
};
