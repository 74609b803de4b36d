import { toString } from 'mdast-util-to-string';
import type { LintRule } from '../types';

const normalise = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();

export const requiredSections: LintRule = {
  id: 'required-sections',
  severity: 'error',
  needsTree: true,
  description:
    'The body has each section in `lint.requiredSections` as a heading (default "Root cause and resolution" and "Corrective and preventative measures").',
  check(document, context, report) {
    if (!document.tree) return;
    const present = new Set<string>();
    for (const node of document.nodes('heading')) {
      present.add(normalise(toString(node)));
    }
    for (const section of context.config.requiredSections) {
      if (!present.has(normalise(section))) {
        report(
          { line: document.file.bodyStartLine, column: 1 },
          `missing section "## ${section}"; add it with what it asks for`,
        );
      }
    }
  },
};
