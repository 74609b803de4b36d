import { describe, expect, test } from 'vitest';
import {
  htmlAttributeName,
  isAllowedAttribute,
  isAllowedHtml,
  isInternalTag,
  isMdxComponent,
  isSafeSrcset,
  isSafeUrl,
} from './content-policy';
import { scanHtml } from './raw-html';

describe('isSafeUrl', () => {
  test('accepts http(s), mailto, relative paths and fragments', () => {
    for (const url of [
      'https://a.example/x',
      'http://a.example',
      'mailto:a@example.com',
      './x.png',
      'x/y',
      '#timeline',
      '?q=1',
    ]) {
      expect(isSafeUrl(url), url).toBe(true);
    }
  });

  test('refuses every other scheme, however disguised, and protocol-relative URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'java\u0000script:alert(1)',
      'vbscript:x',
      'data:text/html,<script>',
      'file:///etc/passwd',
      '//evil.example/x',
      '\\\\evil.example\\x',
    ]) {
      expect(isSafeUrl(url), JSON.stringify(url)).toBe(false);
    }
  });

  test('reads every candidate of a srcset', () => {
    expect(isSafeSrcset('a.png 1x, b.png 2x')).toBe(true);
    expect(isSafeSrcset('a.png 1x, javascript:alert(1) 2x')).toBe(false);
  });
});

describe('the element and attribute allow-list', () => {
  test("is GitHub's: details and tables yes, styles, scripts and handlers no", () => {
    expect(isAllowedAttribute('details', 'open')).toBe(true);
    expect(isAllowedAttribute('td', 'colspan')).toBe(true);
    expect(isAllowedAttribute('img', 'alt')).toBe(true);
    expect(isAllowedAttribute('div', 'style')).toBe(false);
    expect(isAllowedAttribute('img', 'onerror')).toBe(false);
    expect(isAllowedAttribute('a', 'action')).toBe(false);
  });

  test('reads JSX attribute names as HTML spells them', () => {
    expect(htmlAttributeName('className')).toBe('class');
    expect(htmlAttributeName('onClick')).toBe('onclick');
    expect(htmlAttributeName('colSpan')).toBe('colspan');
  });

  test('judges raw HTML by its start and end tags, attributes and URLs', () => {
    expect(isAllowedHtml(scanHtml('<details><summary>Logs</summary>x</details>'))).toBe(true);
    expect(isAllowedHtml(scanHtml('</details>'))).toBe(true);
    expect(isAllowedHtml(scanHtml('</script>'))).toBe(false);
    expect(isAllowedHtml(scanHtml('<a href="https://x.example" title="a>b">x</a>'))).toBe(true);
    expect(isAllowedHtml(scanHtml('<a href="javascript:x">x</a>'))).toBe(false);
    expect(isAllowedHtml(scanHtml('<meta http-equiv="refresh" content="0">'))).toBe(false);
  });
});

describe('MDX components', () => {
  test('are the registered ones; <internal> in another case is recognised as Internal', () => {
    expect(isMdxComponent('Internal')).toBe(true);
    expect(isMdxComponent('Chart')).toBe(false);
    expect(isMdxComponent('toString')).toBe(false);
    expect(['Internal', 'internal', 'INTERNAL'].every(isInternalTag)).toBe(true);
  });
});
