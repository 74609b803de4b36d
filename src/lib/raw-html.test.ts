import { describe, expect, test } from 'vitest';
import { readHtml, replaceRanges, scanHtml, withoutComments } from './raw-html';

describe('scanHtml', () => {
  test('reads tags and attributes as a browser does: quoted >, unquoted values, entities', () => {
    const { tags } = scanHtml('<div title="a>b" onmouseover=alert(1)>x</div><a href="java&#x09;script:x">y</a>');
    expect(tags.map((tag) => [tag.name, tag.attributes.map((a) => [a.name, a.value])])).toEqual([
      [
        'div',
        [
          ['title', 'a>b'],
          ['onmouseover', 'alert(1)'],
        ],
      ],
      ['a', [['href', 'java\tscript:x']]],
    ]);
  });

  test('gives each tag and attribute its offset', () => {
    const html = '<p>x</p>\n<img src="a.png" onerror="y">';
    const image = scanHtml(html).tags[1]!;
    expect(html.slice(image.offset, image.offset + 4)).toBe('<img');
    expect(html.slice(image.attributes[1]!.offset)).toMatch(/^onerror/);
  });

  test('sees tags a tree builder would drop, and not markup inside script or style text', () => {
    expect(scanHtml('<body onload="x"><html lang="en">').tags.map((tag) => tag.name)).toEqual(['body', 'html']);
    expect(scanHtml('<script>if (a<b) "<img src=x>"</script>').tags.map((tag) => tag.name)).toEqual(['script']);
    expect(scanHtml('<style>p::after { content: "<img>" }</style>').tags.map((tag) => tag.name)).toEqual(['style']);
  });

  test('lists end tags and comments', () => {
    const scanned = scanHtml('</details><!-- a --><p>x</p><!-- b -->');
    expect(scanned.endTags).toEqual(['details', 'p']);
    expect(scanned.comments).toHaveLength(2);
  });
});

describe('withoutComments', () => {
  test('removes every comment and keeps the rest', () => {
    const html = '<p>a<!-- secret -->b</p><!-- note -->';
    expect(withoutComments(html, scanHtml(html).comments)).toBe('<p>ab</p>');
  });
});

describe('readHtml', () => {
  test('tells each token in order, with text decoded and the offsets of whole tags', () => {
    const html = '<p class="a">x &amp; y</p>';
    const seen: string[] = [];
    readHtml(html, {
      startTag: (tag) => seen.push(`start ${html.slice(tag.offset, tag.end)}`),
      // Text comes in pieces; a reader joins them.
      text: (text) => {
        const last = seen.at(-1);
        if (last?.startsWith('text ')) seen[seen.length - 1] = last + text;
        else seen.push(`text ${text}`);
      },
      endTag: (name, offset, end) => seen.push(`end ${name} ${html.slice(offset, end)}`),
    });
    expect(seen.join('|')).toBe('start <p class="a">|text x & y|end p </p>');
  });
});

describe('replaceRanges', () => {
  test('replaces each range and keeps everything between', () => {
    expect(
      replaceRanges('<a>b</a>', [
        { start: 2, end: 2, text: ' rel="x"' },
        { start: 3, end: 4, text: 'c' },
      ]),
    ).toBe('<a rel="x">c</a>');
  });
});
