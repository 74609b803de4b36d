/**
 * A postmortem file prepared for linting: its Markdown/MDX syntax tree with
 * positions in the file, and its validated frontmatter. The tree is parsed on
 * first use, so rules that do not need it (and builds that run only those) pay nothing.
 *
 * The body is parsed by Sätteri, the parser Astro renders it with, so `check`
 * and the build agree on what is valid MDX and what is a table or a footnote
 * (GFM); it is native, twenty times faster than micromark. Only the body is
 * parsed: the frontmatter has been read as YAML already. Lines in the tree are
 * the file's lines; offsets index into the body.
 */
import type { Nodes, Root } from 'mdast';
// `satteri` also adds MDX's nodes (JSX elements, expressions, ESM) to mdast's node types.
import { markdownToMdast, mdxToMdast, type TreeOptions } from 'satteri';
import type { SourcePosition } from '../frontmatter';
import type { ValidatedFile } from '../validate';

/** A body opening with `---` has a thematic break there, not frontmatter: that was split off before. */
const PARSE_OPTIONS: TreeOptions = { position: true, features: { frontmatter: false } };

/** Sätteri's errors read `3:1: Expected a closing tag for `<Internal>` (3:1) (mdx-jsx:unexpected-character)`. */
const PARSE_ERROR = /^(\d+):(\d+): (.*?)(?: \(\d+:\d+\))?(?: \([\w:-]+\))?$/s;

/** Why a body could not be parsed, and where. */
export interface SyntaxError extends SourcePosition {
  message: string;
}

/** Everything a lint rule may look at. */
export class LintDocument {
  readonly isMdx: boolean;
  #lineStarts: number[] | undefined;
  #parsed: { tree: Root | undefined; syntaxError: SyntaxError | undefined } | undefined;
  #nodesByType: Map<string, Nodes[]> | undefined;

  /**
   * @param file the file as validated against the schema
   * @param absolutePath for resolving relative links and imports
   */
  constructor(
    readonly file: ValidatedFile,
    readonly absolutePath: string,
  ) {
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
        if ('children' in node)
          for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index] as Nodes);
      }
    }
    const found = types.flatMap((type) => this.#nodesByType!.get(type) ?? []);
    if (types.length > 1) found.sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0));
    return found as Extract<Nodes, { type: Type }>[];
  }

  /** Line (in the file) and column of an offset into the body. */
  positionAt(offset: number): SourcePosition {
    const lineStarts = (this.#lineStarts ??= [
      0,
      ...[...this.file.body.matchAll(/\n/g)].map((match) => match.index + 1),
    ]);
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + this.file.bodyStartLine, column: offset - lineStarts[low]! + 1 };
  }

  #parse() {
    if (this.#parsed) return this.#parsed;
    try {
      const tree = (this.isMdx ? mdxToMdast : markdownToMdast)(this.file.body, PARSE_OPTIONS) as Root;
      this.#moveToFileLines(tree);
      this.#parsed = { tree, syntaxError: undefined };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const [, line = '1', column = '1', message = text] = PARSE_ERROR.exec(text) ?? [];
      this.#parsed = {
        tree: undefined,
        syntaxError: { line: Number(line) + this.file.bodyStartLine - 1, column: Number(column), message },
      };
    }
    return this.#parsed;
  }

  /** Turns the tree's lines, counted from the body's first line, into the file's. */
  #moveToFileLines(tree: Root): void {
    const shift = this.file.bodyStartLine - 1;
    if (shift === 0) return;
    const pending: Nodes[] = [tree];
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (node.position) {
        node.position.start.line += shift;
        node.position.end.line += shift;
      }
      if ('children' in node) pending.push(...(node.children as Nodes[]));
    }
  }
}
