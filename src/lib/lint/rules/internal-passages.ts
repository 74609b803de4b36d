import { isInternalTag } from '../../content-policy';
import { scanHtml } from '../../raw-html';
import type { LintDocument } from '../document';
import type { LintRule, Report } from '../types';
import { startOf } from './safe-html';

/** Offsets `[start, end)` of every `<Internal>` passage. */
function internalRanges(document: LintDocument): [number, number][] {
  return document
    .nodes('mdxJsxFlowElement', 'mdxJsxTextElement')
    .filter((element) => element.name === 'Internal')
    .map((element) => [element.position?.start.offset ?? 0, element.position?.end.offset ?? 0]);
}

/** Whether a node starts inside one of `ranges`. */
function isInside(
  node: { position?: { start: { offset?: number | undefined } } | undefined },
  ranges: [number, number][],
) {
  const offset = node.position?.start.offset ?? -1;
  return ranges.some(([start, end]) => offset >= start && offset < end);
}

/** In Markdown, `<Internal>` is plain HTML that every build would publish. */
function checkMarkdown(document: LintDocument, report: Report): void {
  for (const node of document.nodes('html')) {
    const start = node.position?.start.offset ?? 0;
    for (const tag of scanHtml(node.value).tags) {
      if (!isInternalTag(tag.name)) continue;
      report(
        document.positionAt(start + tag.offset),
        '`<Internal>` works only in MDX: rename the file to .mdx, or the passage would appear in the public site',
      );
    }
  }
}

/**
 * A footnote or link definition inside `<Internal>` leaves the public build with
 * the passage; a reference to it from outside would be left dangling there.
 */
function checkReferences(document: LintDocument, report: Report): void {
  const ranges = internalRanges(document);
  if (ranges.length === 0) return;
  // Positions, not nesting: the parser lifts link definitions out of the element they were written in.
  const definedInside = new Map<string, string>();
  for (const node of document.nodes('footnoteDefinition', 'definition')) {
    if (!isInside(node, ranges)) continue;
    if (node.type === 'footnoteDefinition')
      definedInside.set(`^${node.identifier}`, `[^${node.label ?? node.identifier}]`);
    else definedInside.set(node.identifier, `[${node.label ?? node.identifier}]`);
  }
  for (const node of document.nodes('footnoteReference', 'linkReference', 'imageReference')) {
    if (isInside(node, ranges)) continue;
    const label = definedInside.get(node.type === 'footnoteReference' ? `^${node.identifier}` : node.identifier);
    if (label) {
      report(
        startOf(node),
        `${label} is defined inside \`<Internal>\`, which the public site leaves out; move the definition outside the passage, or the reference inside it`,
      );
    }
  }
}

export const internalPassages: LintRule = {
  id: 'internal-passages',
  severity: 'error',
  needsTree: true,
  description:
    '`<Internal>` passages only in `.mdx` files (Markdown would publish them as they are, in any letter case), and no reference from outside a passage to a footnote or link defined inside it.',
  appliesTo: (document) => /<\s*internal/i.test(document.file.body),
  check(document, _context, report) {
    if (!document.tree) return;
    if (document.isMdx) checkReferences(document, report);
    else checkMarkdown(document, report);
  },
};
