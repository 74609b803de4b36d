/**
 * Raw HTML as a browser reads it: every start tag with its attributes, and
 * every comment, with offsets. Read by parse5's tokenizer, the HTML standard's
 * own algorithm, so `<div title="a>b">`, unquoted values, `<body onload=…>` and
 * other tags a tree builder would drop are all seen, as a browser sees them.
 */
import { Tokenizer, TokenizerMode, type Token, type TokenHandler } from 'parse5';

/** One attribute of a start tag: its name as the browser reads it (lowercase), its decoded value, its offset. */
interface HtmlAttribute {
  name: string;
  value: string;
  offset: number;
}

/** One start tag. */
interface HtmlTag {
  name: string;
  offset: number;
  attributes: HtmlAttribute[];
}

/** What a piece of raw HTML holds. */
export interface ScannedHtml {
  tags: HtmlTag[];
  /** Names of the end tags (`</details>`), which a piece of raw HTML may hold without its start tag. */
  endTags: string[];
  /** Comments as `[start, end)` offsets, `<!--` to `-->` included. */
  comments: [number, number][];
}

/** Tags and comments of `html`. */
export function scanHtml(html: string): ScannedHtml {
  const scanned: ScannedHtml = { tags: [], endTags: [], comments: [] };
  const ignore = () => undefined;
  const handler: TokenHandler = {
    onStartTag(token: Token.TagToken) {
      const start = token.location?.startOffset ?? 0;
      scanned.tags.push({
        name: token.tagName,
        offset: start,
        attributes: token.attrs.map((attribute) => ({
          name: attribute.name,
          value: attribute.value,
          offset: token.location?.attrs?.[attribute.name]?.startOffset ?? start,
        })),
      });
      // Text inside these is not markup to a browser; reading it as markup would report what is not there.
      if (token.tagName === 'textarea' || token.tagName === 'title') tokenizer.state = TokenizerMode.RCDATA;
      else if (['style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript'].includes(token.tagName))
        tokenizer.state = TokenizerMode.RAWTEXT;
      else if (token.tagName === 'script') tokenizer.state = TokenizerMode.SCRIPT_DATA;
      else if (token.tagName === 'plaintext') tokenizer.state = TokenizerMode.PLAINTEXT;
      if (tokenizer.state !== TokenizerMode.DATA) tokenizer.lastStartTagName = token.tagName;
    },
    onComment(token: Token.CommentToken) {
      scanned.comments.push([token.location?.startOffset ?? 0, token.location?.endOffset ?? html.length]);
    },
    onDoctype: ignore,
    onEndTag(token: Token.TagToken) {
      scanned.endTags.push(token.tagName);
    },
    onEof: ignore,
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, handler);
  tokenizer.write(html, true);
  return scanned;
}

/** `html` without its comments: they are notes to other writers, never published. */
export function withoutComments(html: string, comments: readonly [number, number][]): string {
  let kept = '';
  let from = 0;
  for (const [start, end] of comments) {
    kept += html.slice(from, start);
    from = end;
  }
  return kept + html.slice(from);
}
