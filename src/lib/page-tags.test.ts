import { describe, expect, test } from 'vitest';
import { readStartTags } from './page-tags';
import { readHtml, type HtmlTag } from './raw-html';

const startTags = (html: string) => {
  const tags: HtmlTag[] = [];
  readStartTags(html, (tag) => tags.push(tag));
  return tags;
};

describe('readStartTags', () => {
  test('reads start tags with the offsets and decoded values the browser-exact reader gives', () => {
    const html =
      '<a href="x" title="a>b" href="y">t</a><img src=foo.png alt=\'q\'><br/><a href=&amp;x&#x41; rel=me>' +
      '<script>var a = "<a href=nope>"</script><textarea><a href=no></textarea><A HREF="/up/">';
    const exact: HtmlTag[] = [];
    readHtml(html, { startTag: (tag) => exact.push(tag) });
    expect(startTags(html)).toEqual(exact);
  });

  test('keeps the first of two attributes of one name, as a browser does', () => {
    expect(startTags('<a href="/first/" href="/second/">')[0]?.attributes).toEqual([
      { name: 'href', value: '/first/', offset: 3, end: 17 },
    ]);
  });
});
