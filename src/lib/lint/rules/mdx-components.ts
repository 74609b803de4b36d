import type { MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import { isHtmlElementName, isInternalTag, isMdxComponent, MDX_COMPONENTS } from '../../content-policy';
import { describeIssue } from '../../zod-issues';
import type { LintRule, Report } from '../types';
import { startOf } from './safe-html';

const KNOWN = Object.keys(MDX_COMPONENTS)
  .map((name) => `<${name}>`)
  .join(', ');

/** The props an element's literal attributes give: strings, and `true` for a bare attribute. */
export function literalProps(element: MdxJsxFlowElement | MdxJsxTextElement): Record<string, string | true> {
  const props: Record<string, string | true> = {};
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    if (typeof attribute.value === 'string') props[attribute.name] = attribute.value;
    else if (attribute.value === null || attribute.value === undefined) props[attribute.name] = true;
  }
  return props;
}

function checkComponent(element: MdxJsxFlowElement | MdxJsxTextElement, report: Report): void {
  const name = element.name;
  if (name === null) {
    report(startOf(element), 'fragments (`<>…</>`) are not allowed; write the content without them');
    return;
  }
  if (isInternalTag(name) && name !== 'Internal') {
    report(startOf(element), `write \`<Internal>\` with a capital I: \`<${name}>\` would be published as it is`);
    return;
  }
  if (isHtmlElementName(name)) return; // HTML: safe-html
  if (!isMdxComponent(name)) {
    report(startOf(element), `\`<${name}>\` is not a component postmortems may use; the components are ${KNOWN}`);
    return;
  }
  const parsed = MDX_COMPONENTS[name].safeParse(literalProps(element));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(startOf(element), `\`<${name}>\` props: ${describeIssue(issue)}`);
  }
}

export const mdxComponents: LintRule = {
  id: 'mdx-components',
  severity: 'error',
  needsTree: true,
  description: `MDX uses only the components postmortems may use (${KNOWN}, see [Components you can use in MDX](#components-you-can-use-in-mdx)), with literal props their schema accepts; \`<internal>\` in another letter case is refused, not published.`,
  appliesTo: (document) => document.isMdx && document.file.body.includes('<'),
  check(document, _context, report) {
    if (!document.tree || !document.isMdx) return;
    for (const element of document.nodes('mdxJsxFlowElement', 'mdxJsxTextElement')) checkComponent(element, report);
  },
};
