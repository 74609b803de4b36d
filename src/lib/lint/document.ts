/**
 * A postmortem file prepared for linting: its Markdown/MDX syntax tree with
 * positions in the file, and its validated frontmatter. The tree is parsed on
 * first use, so rules that do not need it (and builds that run only those) pay nothing.
 *
 * Only the body is parsed: the frontmatter has been read as YAML already, and
 * tokenising it again as Markdown took 30% of `check`'s parsing time. Lines in
 * the tree are the file's lines; offsets index into the body.
 */
import type { Nodes, Root } from 'mdast';
// Adds MDX's nodes (JSX elements, ESM) to mdast's node types.
import type {} from 'mdast-util-mdx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { SourcePosition } from '../frontmatter';
import type { ValidatedFile } from '../validate';

const markdownParser = unified().use(remarkParse);
const mdxParser = unified().use(remarkParse).use(remarkMdx);

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
        if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index] as Nodes);
      }
    }
    const found = types.flatMap((type) => this.#nodesByType!.get(type) ?? []);
    if (types.length > 1) found.sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0));
    return found as Extract<Nodes, { type: Type }>[];
  }

  /** Line (in the file) and column of an offset into the body. */
  positionAt(offset: number): SourcePosition {
    const lineStarts = (this.#lineStarts ??= [0, ...[...this.file.body.matchAll(/\n/g)].map((match) => match.index + 1)]);
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
      const tree = (this.isMdx ? mdxParser : markdownParser).parse(this.file.body) as Root;
      this.#moveToFileLines(tree);
      this.#parsed = { tree, syntaxError: undefined };
    } catch (error) {
      const { place, reason } = error as { place?: SourcePosition | { start?: SourcePosition }; reason?: string };
      const start = place && 'start' in place ? place.start : (place as SourcePosition | undefined);
      this.#parsed = {
        tree: undefined,
        syntaxError: { line: (start?.line ?? 1) + this.file.bodyStartLine - 1, column: start?.column ?? 1, message: reason ?? String(error) },
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
