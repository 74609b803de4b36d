/**
 * The one reader of HTML, for raw HTML in postmortems and for the built pages
 * alike: parse5's tokenizer, the HTML standard's own algorithm, so
 * `<div title="a>b">`, unquoted values, character references and tags a tree
 * builder would drop are all read as a browser reads them. No tree is built:
 * a visitor sees each token once, with its offsets, which is what the build's
 * passes over every page (links, diagrams) need and all they can afford.
 */
import { Tokenizer, TokenizerMode, type Token, type TokenHandler } from 'parse5';

/** One attribute of a start tag: its name as the browser reads it (lowercase), its decoded value, its offsets. */
interface HtmlAttribute {
  name: string;
  value: string;
  offset: number;
  /** Just past the attribute's value. */
  end: number;
}

/** One start tag, from `<` (`offset`) to just past `>` (`end`). */
export interface HtmlTag {
  name: string;
  offset: number;
  end: number;
  attributes: HtmlAttribute[];
}

/** What a caller of `readHtml` is told, token by token, in document order. */
export interface HtmlVisitor {
  startTag?: (tag: HtmlTag) => void;
  /** An end tag, from `<` (`offset`) to just past `>` (`end`). */
  endTag?: (name: string, offset: number, end: number) => void;
  /** Text, character references decoded, in pieces as the tokenizer finds them. */
  text?: (text: string) => void;
  /** A comment, `<!--` to `-->` included. */
  comment?: (offset: number, end: number) => void;
}

/** Where text is not markup to a browser: inside these elements, reading it as markup would report what is not there. */
const TEXT_MODES: Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]> = {
  textarea: TokenizerMode.RCDATA,
  title: TokenizerMode.RCDATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  script: TokenizerMode.SCRIPT_DATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

/** Reads `html` as a browser's tokenizer does and tells `visitor` each start tag, end tag, text and comment. */
export function readHtml(html: string, visitor: HtmlVisitor): void {
  const ignore = () => undefined;
  const text = visitor.text
    ? (token: Token.CharacterToken) => {
        visitor.text!(token.chars);
      }
    : ignore;
  const handler: TokenHandler = {
    onStartTag(token: Token.TagToken) {
      const location = token.location;
      const offset = location?.startOffset ?? 0;
      visitor.startTag?.({
        name: token.tagName,
        offset,
        end: location?.endOffset ?? html.length,
        attributes: token.attrs.map((attribute) => {
          const at = location?.attrs?.[attribute.name];
          return {
            name: attribute.name,
            value: attribute.value,
            offset: at?.startOffset ?? offset,
            end: at?.endOffset ?? offset,
          };
        }),
      });
      const mode = TEXT_MODES[token.tagName];
      if (mode !== undefined) {
        tokenizer.state = mode;
        tokenizer.lastStartTagName = token.tagName;
      }
    },
    onEndTag(token: Token.TagToken) {
      visitor.endTag?.(token.tagName, token.location?.startOffset ?? 0, token.location?.endOffset ?? html.length);
    },
    onComment(token: Token.CommentToken) {
      visitor.comment?.(token.location?.startOffset ?? 0, token.location?.endOffset ?? html.length);
    },
    onCharacter: text,
    onWhitespaceCharacter: text,
    onNullCharacter: text,
    onDoctype: ignore,
    onEof: ignore,
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, handler);
  tokenizer.write(html, true);
}

/** The value of `tag`'s attribute `name` (lowercase), or `undefined` when it has none. */
export function attributeOf(tag: HtmlTag, name: string): string | undefined {
  return tag.attributes.find((attribute) => attribute.name === name)?.value;
}

/** `html` with each `[start, end)` range (in order, not overlapping) replaced by its text. */
export function replaceRanges(
  html: string,
  replacements: readonly { start: number; end: number; text: string }[],
): string {
  let result = '';
  let from = 0;
  for (const { start, end, text } of replacements) {
    result += html.slice(from, start) + text;
    from = end;
  }
  return result + html.slice(from);
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
  readHtml(html, {
    startTag: (tag) => scanned.tags.push(tag),
    endTag: (name) => scanned.endTags.push(name),
    comment: (offset, end) => scanned.comments.push([offset, end]),
  });
  return scanned;
}

/** `html` without its comments: they are notes to other writers, never published. */
export function withoutComments(html: string, comments: readonly [number, number][]): string {
  return replaceRanges(
    html,
    comments.map(([start, end]) => ({ start, end, text: '' })),
  );
}
