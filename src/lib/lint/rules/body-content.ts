import type { LintRule } from '../types';

/** Larger bodies are almost always a pasted log; they slow the build and nobody reads them. */
const MAX_BODY_BYTES = 200_000;

export const bodyContent: LintRule = {
  id: 'body',
  severity: 'error',
  needsTree: false,
  description: 'The body is not empty and under 200 kB: link to long logs instead of pasting them.',
  check(document, _context, report) {
    const where = { line: document.file.bodyStartLine, column: 1 };
    const bytes = Buffer.byteLength(document.file.body, 'utf8');
    if (document.file.body.trim() === '') {
      report(
        { line: Math.max(1, where.line - 1), column: 1 },
        'the body is empty; write the postmortem below the frontmatter (run `npm run new` for the sections)',
      );
    } else if (bytes > MAX_BODY_BYTES) {
      report(
        where,
        `the body is ${Math.round(bytes / 1000)} kB, over the ${MAX_BODY_BYTES / 1000} kB limit; link to long logs or data instead of pasting them`,
      );
    }
  },
};
