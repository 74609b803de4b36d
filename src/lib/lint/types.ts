import type { LintConfig } from '../../schemas/lint';
import type { SectionsConfig } from '../../schemas/sections';
import type { DuePolicy } from '../due-dates';
import type { Problem } from '../errors';
import type { SourcePosition } from '../frontmatter';
import type { LintDocument } from './document';

/** Where MDX postmortems may import components from, relative to the project root. */
export const MDX_COMPONENTS_DIR = 'src/components/mdx';

/** What rules know about the site and the moment of the check. */
export interface LintContext {
  config: LintConfig;
  /** The site's section template, for the sections a body must have. */
  sections: SectionsConfig;
  /** Today's date `YYYY-MM-DD` in the site's zone (see `siteToday`), for overdue action items. */
  today: string;
  /** The site's due-date policy, for action items without a due date and due dates later than it allows. */
  duePolicy: DuePolicy;
  /** Absolute path of the content folder: images must be inside it. */
  contentDir: string;
  /** Absolute path of the folder MDX files may import components from. */
  mdxComponentsDir: string;
}

/** Reports a problem of the running rule at a position, with a message saying what to do. */
export type Report = (position: SourcePosition, message: string, severity?: Problem['severity']) => void;

/** One lint rule: an id (shown as `[id]` in reports) and a check over one document. */
export interface LintRule {
  id: string;
  /** Default severity of what it reports. */
  severity: Problem['severity'];
  /** Whether the rule reads the syntax tree (parsing is the costly part of linting). */
  needsTree: boolean;
  /** One sentence for the README: what the rule wants. */
  description: string;
  /**
   * A cheap look at the file before its tree is parsed: `false` when the rule
   * cannot find anything in it (no `<` for the HTML rules, say). When no rule
   * that needs the tree applies, the build never parses the body. Default: applies.
   */
  appliesTo?(document: LintDocument): boolean;
  check(document: LintDocument, context: LintContext, report: Report): void;
}
