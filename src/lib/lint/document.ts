/**
 * A postmortem file prepared for linting: its Markdown/MDX syntax tree with
 * positions in the file, and its validated frontmatter. The tree is parsed on
 * first use, so rules that do not need it (and builds that run only those) pay nothing.
 */
import type { Nodes, Root } from 'mdast';
// Adds MDX's nodes (JSX elements, ESM) to mdast's node types.
import type {} from 'mdast-util-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { SourcePosition } from '../frontmatter';
import type { ValidatedFile } from '../validate';

const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const mdxParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx);

/** Why a body could not be parsed, and where. */
export interface SyntaxError extends SourcePosition {
  message: string;
}

/** Everything a lint rule may look at. */
export class LintDocument {
  /** The file's text without a byte-order mark; tree offsets index into it. */
  readonly source: string;
  readonly isMdx: boolean;
  #lineStarts: number[] | undefined;
  #parsed: { tree: Root | undefined; syntaxError: SyntaxError | undefined } | undefined;
  #nodesByType: Map<string, Nodes[]> | undefined;

  /**
   * @param file the file as validated against the schema
   * @param absolutePath for resolving relative links and imports
   * @param rawSource the file's text as read
   */
  constructor(
    readonly file: ValidatedFile,
    readonly absolutePath: string,
    rawSource: string,
  ) {
    this.source = rawSource.replace(/^\uFEFF/, '');
    this.isMdx = absolutePath.toLowerCase().endsWith('.mdx');
  }

  /** The syntax tree, or `undefined` when the body could not be parsed (see `syntaxError`). */
  get tree(): Root | undefined {
    return this.#parse().tree;
  }

  get syntaxError(): SyntaxError | undefined {
    return this.#parse().syntaxError;
  }

  /**
   * Every node of the given types, in document order. The tree is walked once
   * per document whatever the number of rules, which keeps `check` fast on large corpora.
   */
  nodes<Type extends Nodes['type']>(...types: Type[]): Extract<Nodes, { type: Type }>[] {
    if (!this.#nodesByType) {
      this.#nodesByType = new Map();
      const pending: Nodes[] = this.tree ? [this.tree] : [];
      while (pending.length > 0) {
        const node = pending.pop()!;
        const list = this.#nodesByType.get(node.type);
        if (list) list.push(node);
        else this.#nodesByType.set(node.type, [node]);
        if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index] as Nodes);
      }
    }
    const found = types.flatMap((type) => this.#nodesByType!.get(type) ?? []);
    if (types.length > 1) found.sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0));
    return found as Extract<Nodes, { type: Type }>[];
  }

  /** Line and column of an offset into `source`. */
  positionAt(offset: number): SourcePosition {
    const lineStarts = (this.#lineStarts ??= [0, ...[...this.source.matchAll(/\n/g)].map((match) => match.index + 1)]);
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  }

  #parse() {
    if (this.#parsed) return this.#parsed;
    try {
      this.#parsed = { tree: (this.isMdx ? mdxParser : markdownParser).parse(this.source) as Root, syntaxError: undefined };
    } catch (error) {
      const { place, reason } = error as { place?: SourcePosition | { start?: SourcePosition }; reason?: string };
      const start = place && 'start' in place ? place.start : (place as SourcePosition | undefined);
      this.#parsed = {
        tree: undefined,
        syntaxError: { line: start?.line ?? this.file.bodyStartLine, column: start?.column ?? 1, message: reason ?? String(error) },
      };
    }
    return this.#parsed;
  }
}
