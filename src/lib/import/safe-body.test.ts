import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { applyEdits, safetyEdits } from './safe-body';

function makeSafe(markdown: string) {
  const { edits, notes } = safetyEdits(unified().use(remarkParse).use(remarkGfm).parse(markdown));
  return { text: applyEdits(markdown, edits), notes: notes.map((note) => `${note.kind}: ${note.message}`) };
}

describe('safetyEdits', () => {
  test('shows raw HTML that could run as text, and says so', () => {
    expect(makeSafe('Before\n\n<script>alert(1)</script>\n\nAfter <img src=x onerror=alert(1)>')).toEqual({
      text: 'Before\n\n&lt;script&gt;alert(1)&lt;/script&gt;\n\nAfter &lt;img src=x onerror=alert(1)&gt;',
      notes: [
        'escaped: raw HTML shown as text, not run: `<script>alert(1)</script>`',
        'escaped: raw HTML shown as text, not run: `<img src=x onerror=alert(1)>`',
      ],
    });
  });

  test('escapes <Internal>, which Markdown would publish as it is', () => {
    expect(makeSafe('<Internal>secret runbook</Internal>').text).toBe(
      '&lt;Internal&gt;secret runbook&lt;/Internal&gt;',
    );
  });

  test('keeps bare formatting tags, drops comments and links that are not http(s)', () => {
    expect(
      makeSafe('H<sub>2</sub>O<br>\n\n<!-- hidden -->\n\n[docs](javascript:alert(1)) [ok](https://example.com)'),
    ).toEqual({
      text: 'H<sub>2</sub>O<br>\n\n\n\ndocs [ok](https://example.com)',
      notes: [
        'dropped: HTML comment dropped: `<!-- hidden -->`',
        'dropped: URL `javascript:alert(1)` dropped from link "docs"',
      ],
    });
  });
});
