/**
 * Body lint: the rules `npm run check` applies beyond the frontmatter schema.
 * The safety and body rules also run in the build, so nothing unsafe is ever published.
 */
import { resolve } from 'node:path';
import type { LintConfig } from '../../schemas/lint';
import { SectionsConfigSchema, type SectionsConfig } from '../../schemas/sections';
import { siteToday, type DuePolicy } from '../due-dates';
import type { Problem } from '../errors';
import type { LintDocument } from './document';
import { actionItemsRequired, overdueActionItems } from './rules/action-item-rules';
import { dueDatePolicy } from './rules/due-date-policy';
import { blameLanguage } from './rules/blame-language';
import { bodyContent } from './rules/body-content';
import { imagesExist } from './rules/images';
import { internalPassages } from './rules/internal-passages';
import { mdxComponents } from './rules/mdx-components';
import { mdxExpressions } from './rules/mdx-expressions';
import { mdxImports } from './rules/mdx-imports';
import { metricCharts } from './rules/metric-charts';
import { placeholders } from './rules/placeholders';
import { requiredSections } from './rules/required-sections';
import { safeHtml } from './rules/safe-html';
import { safeLinks } from './rules/safe-links';
import { wordCount } from './rules/word-count';
import { MDX_COMPONENTS_DIR, type LintContext, type LintRule } from './types';

/** Rules the build enforces too: what must never reach a published page. */
export const BUILD_RULES: readonly LintRule[] = [
  mdxExpressions,
  mdxComponents,
  mdxImports,
  safeHtml,
  safeLinks,
  internalPassages,
  imagesExist,
  metricCharts,
  bodyContent,
];

/** Every rule of `npm run check`, in the order the README lists them. */
export const ALL_RULES: readonly LintRule[] = [
  ...BUILD_RULES,
  placeholders,
  requiredSections,
  actionItemsRequired,
  overdueActionItems,
  dueDatePolicy,
  wordCount,
  blameLanguage,
];

/**
 * The lint context of a project at a moment: `now`, read as a date in the site's
 * zone, decides which action items are overdue under the due-date `policy`.
 */
export function createLintContext({
  root,
  contentDir = resolve(root, 'postmortems'),
  config,
  sections = SectionsConfigSchema.parse({}),
  policy,
  now,
}: {
  root: string;
  /** The content folder (`POSTMORTEMS_DIR`); default `postmortems/` under `root`. */
  contentDir?: string | undefined;
  config: LintConfig;
  /** The site's section template; default the classic one. */
  sections?: SectionsConfig;
  policy: DuePolicy;
  now: Date;
}): LintContext {
  return {
    config,
    sections,
    contentDir,
    today: siteToday(now, policy),
    duePolicy: policy,
    mdxComponentsDir: resolve(root, MDX_COMPONENTS_DIR),
  };
}

/** Runs `rules` over one document; every finding goes through one `report`. */
export function lintDocument(
  document: LintDocument,
  context: LintContext,
  allRules: readonly LintRule[] = ALL_RULES,
): Problem[] {
  const problems: Problem[] = [];
  const rules = allRules.filter((rule) => rule.appliesTo?.(document) ?? true);
  if (rules.some((rule) => rule.needsTree) && document.syntaxError) {
    problems.push({
      file: document.file.file,
      line: document.syntaxError.line,
      column: document.syntaxError.column,
      severity: 'error',
      message: `${document.isMdx ? 'MDX' : 'Markdown'} syntax: ${document.syntaxError.message}${document.isMdx ? ' (in MDX, write `{` as `\\{` and `<` as `&lt;` in text)' : ''}`,
      rule: 'syntax',
    });
  }
  for (const rule of rules) {
    rule.check(document, context, (position, message, severity = rule.severity) => {
      problems.push({
        file: document.file.file,
        line: position.line,
        column: position.column,
        severity,
        message,
        rule: rule.id,
      });
    });
  }
  return problems;
}

export { type LintContext, type LintRule } from './types';
export { LintDocument } from './document';
