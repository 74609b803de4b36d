import { forEachProseText, frontmatterStrings } from '../text';
import type { LintRule } from '../types';

const patterns = new WeakMap<readonly string[], RegExp | undefined>();

/** One pattern for all phrases, compiled once per configuration rather than once per file. */
function phrasePattern(phrases: readonly string[]): RegExp | undefined {
  if (phrases.length === 0) return undefined;
  if (!patterns.has(phrases)) {
    const escaped = phrases.map((phrase) =>
      phrase
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\s+/g, '\\s+'),
    );
    patterns.set(phrases, new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu'));
  }
  return patterns.get(phrases);
}

export const blameLanguage: LintRule = {
  id: 'blameless',
  severity: 'warning',
  needsTree: true,
  description:
    'None of the phrases in `lint.blamePhrases` ("human error", "careless", "should have known", "whose fault", …): describe what in the system allowed the mistake.',
  check(document, context, report) {
    const pattern = phrasePattern(context.config.blamePhrases);
    if (!pattern) return;
    const message = (phrase: string) =>
      `"${phrase}" assigns blame to people; describe what in the system or process allowed it (blameless postmortems find more causes)`;
    for (const { path, value } of frontmatterStrings(document.file.raw)) {
      for (const match of value.matchAll(pattern)) report(document.file.locate(path), message(match[0]));
    }
    if (!document.tree) return;
    forEachProseText(document, (value, offset) => {
      for (const match of value.matchAll(pattern)) report(document.positionAt(offset + match.index), message(match[0]));
    });
  },
};
