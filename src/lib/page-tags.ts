/**
 * The start tags of the site's own built pages, read fast.
 *
 * The build reads every page it wrote (links, `finish-pages`): at 10,000
 * postmortems that is 13,000 pages and 230 MB. parse5's tokenizer
 * (`raw-html.ts`) reads them as a browser would, but spent 4.5 s of CPU per
 * 1,000 pages on it; htmlparser2's tokenizer reads them in a fifth of that.
 * These pages are Astro's output, every value escaped, raw HTML from
 * postmortems already checked by the content guard: the browser's corner cases
 * parse5 exists for are not in them. Untrusted HTML is still read by parse5.
 */
import { Tokenizer } from 'htmlparser2';
import type { HtmlTag } from './raw-html';

/** Tells `onTag` each start tag of `html`, with its attributes decoded, as `readHtml` would. */
export function readStartTags(html: string, onTag: (tag: HtmlTag) => void): void {
  let tag: HtmlTag | undefined;
  let attribute: HtmlTag['attributes'][number] | undefined;
  const finishTag = (endIndex: number) => {
    if (!tag) return;
    tag.end = endIndex + 1;
    onTag(tag);
    tag = undefined;
  };
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onopentagname(start, endIndex) {
        tag = { name: html.slice(start, endIndex).toLowerCase(), offset: start - 1, end: endIndex, attributes: [] };
      },
      onattribname(start, endIndex) {
        attribute = { name: html.slice(start, endIndex).toLowerCase(), value: '', offset: start, end: endIndex };
      },
      onattribdata(start, endIndex) {
        if (attribute) attribute.value += html.slice(start, endIndex);
      },
      onattribentity(codepoint) {
        if (attribute) attribute.value += String.fromCodePoint(codepoint);
      },
      onattribend(_quote, endIndex) {
        if (!attribute || !tag) return;
        attribute.end = endIndex;
        // As in a browser, the first of two attributes of one name is the one that counts.
        if (!tag.attributes.some(({ name }) => name === attribute!.name)) tag.attributes.push(attribute);
        attribute = undefined;
      },
      onopentagend: finishTag,
      onselfclosingtag: finishTag,
      onclosetag() {},
      ontext() {},
      ontextentity() {},
      oncomment() {},
      oncdata() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
}
