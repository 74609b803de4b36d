import { plural } from '../../format';
import { countWords, forEachProseText } from '../text';
import type { LintRule } from '../types';

export const wordCount: LintRule = {
  id: 'word-count',
  severity: 'warning',
  needsTree: true,
  description: 'The body (code aside) is within `lint.wordCount` (default 400–600 words).',
  check(document, context, report) {
    if (!document.tree) return;
    let words = 0;
    forEachProseText(document, (value) => (words += countWords(value)));
    const { min, max } = context.config.wordCount;
    const where = { line: document.file.bodyStartLine, column: 1 };
    if (words < min)
      report(
        where,
        `the body has ${plural(words, 'word')}; aim for ${min}–${max} so the postmortem says enough to learn from`,
      );
    else if (words > max)
      report(where, `the body has ${plural(words, 'word')}; aim for ${min}–${max} so people read it to the end`);
  },
};
