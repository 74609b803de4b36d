import { toString } from 'mdast-util-to-string';
import { headingKey, sectionsFor } from '../../sections';
import type { LintRule } from '../types';

export const requiredSections: LintRule = {
  id: 'required-sections',
  severity: 'error',
  needsTree: true,
  description:
    'The body has each required section of the site\'s template (`sections`; default "Root cause and resolution" and "Corrective and preventative measures"), and those `sections.bySeverity` adds for its severity, as `##` headings.',
  check(document, context, report) {
    const data = document.file.data;
    if (!document.tree || !data) return;
    const { body, bodyStartLine } = document.file;
    const lastLine = bodyStartLine + body.trimEnd().split('\n').length - 1;
    const headings = document.nodes('heading').map((node) => ({
      title: headingKey(toString(node)),
      line: node.position?.start.line ?? bodyStartLine,
    }));
    const planned = sectionsFor(context.sections, data.severity);
    const lineOf = (title: string) => headings.find((heading) => heading.title === headingKey(title))?.line;
    planned.forEach((section, index) => {
      if (!section.required || lineOf(section.title) !== undefined) return;
      // Where the template puts it: before the next of its sections the body has, else after the body.
      const next = planned.slice(index + 1).find((later) => lineOf(later.title) !== undefined);
      const where = next
        ? { line: lineOf(next.title)!, hint: `before "## ${next.title}"` }
        : { line: lastLine, hint: 'at the end of the body' };
      const why = section.forSeverity ? `${section.forSeverity} postmortems need` : 'missing';
      report(
        { line: where.line, column: 1 },
        `${why} section "## ${section.title}"; add it ${where.hint}: ${section.prompt}`,
      );
    });
  },
};
