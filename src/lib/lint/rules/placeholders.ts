import { quoteValue } from '../../errors';
import { forEachProseText, frontmatterStrings } from '../text';
import type { LintRule } from '../types';

/** What `npm run new` writes where the writer has work to do. */
export const PLACEHOLDER_MARKER = 'TODO:';

export const placeholders: LintRule = {
  id: 'placeholder',
  severity: 'error',
  needsTree: true,
  description: 'No `TODO:` prompt from `npm run new` is left.',
  check(document, _context, report) {
    // A placeholder the schema already rejects (a date-time, say) is reported once, by the schema.
    const rejected = new Set(document.file.problems.map((problem) => `${problem.line}:${problem.column}`));
    for (const { path, value } of frontmatterStrings(document.file.raw)) {
      // Locating a value parses the YAML again, with positions: only for a value that has a placeholder.
      if (!value.includes(PLACEHOLDER_MARKER)) continue;
      const position = document.file.locate(path);
      if (!rejected.has(`${position.line}:${position.column}`)) {
        report(position, `placeholder left in \`${path.join('.')}\`: replace ${quoteValue(value)} with the real text`);
      }
    }
    if (!document.tree) return;
    forEachProseText(document, (value, offset) => {
      const index = value.indexOf(PLACEHOLDER_MARKER);
      if (index !== -1) {
        const prompt = value.slice(index).split('\n')[0];
        report(
          document.positionAt(offset + index),
          `placeholder left in the body: replace ${quoteValue(prompt)} with what it asks for`,
        );
      }
    });
  },
};
