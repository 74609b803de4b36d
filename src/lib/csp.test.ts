import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { allowInlineStyles, cspHash, inlineStyles } from './csp';

const page = `<head><meta http-equiv="content-security-policy" content="script-src 'self'; style-src 'self' 'sha256-abc=';"></head>`;

describe('inlineStyles', () => {
  test('collects style elements and decoded style attributes, once each', () => {
    const svg =
      '<svg style="max-width: 10px;"><style>#a{fill:red}</style><g style="font: &quot;x&quot;"></g><g style="max-width: 10px;"></g></svg>';
    expect(inlineStyles(svg)).toEqual({ elements: ['#a{fill:red}'], attributes: ['max-width: 10px;', 'font: "x"'] });
  });
});

describe('allowInlineStyles', () => {
  test('adds hashes to style-src, with unsafe-hashes for attributes and never unsafe-inline', () => {
    const html = allowInlineStyles(page, { elements: ['#a{fill:red}'], attributes: ['color: red'] });
    const expected = `'sha256-${createHash('sha256').update('#a{fill:red}').digest('base64')}'`;
    expect(cspHash('#a{fill:red}')).toBe(expected);
    expect(html).toContain(`style-src 'self' 'sha256-abc=' 'unsafe-hashes' ${expected} ${cspHash('color: red')};`);
    expect(html).toContain("script-src 'self';");
    expect(html).not.toContain('unsafe-inline');
  });

  test('leaves a page without new styles as it was', () => {
    expect(allowInlineStyles(page, { elements: [], attributes: [] })).toBe(page);
  });
});
