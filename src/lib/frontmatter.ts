/**
 * Reads a postmortem's YAML frontmatter with source positions, so every problem
 * can point at the line and column of the key that causes it.
 */
import { CORE_SCHEMA, load, type YAMLException } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { quoteValue } from './errors';

/** A position in the source file, both 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A postmortem file split into its frontmatter and body. */
export interface SplitSource {
  /** The YAML between the `---` fences, or `undefined` when the file has none. */
  yaml: string | undefined;
  /** Line of the file on which the YAML text starts. */
  yamlStartLine: number;
  /** The Markdown after the closing fence. */
  body: string;
  /** Line of the file on which the body starts. */
  bodyStartLine: number;
}

/** Splits a file into frontmatter and body. Tolerates a byte-order mark and CRLF line endings. */
export function splitFrontmatter(source: string): SplitSource {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') {
    return { yaml: undefined, yamlStartLine: 1, body: lines.join('\n'), bodyStartLine: 1 };
  }
  const closing = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (closing === -1) {
    return { yaml: lines.slice(1).join('\n'), yamlStartLine: 2, body: '', bodyStartLine: lines.length + 1 };
  }
  return {
    yaml: lines.slice(1, closing).join('\n'),
    yamlStartLine: 2,
    body: lines.slice(closing + 1).join('\n'),
    bodyStartLine: closing + 2,
  };
}

/** A syntax error in the YAML itself. */
interface YamlSyntaxError extends SourcePosition {
  message: string;
  /** How to fix it, when it is not the usual (indent with spaces, quote values containing `: `). */
  hint?: string;
}

/** True when the frontmatter holds no field at all: nothing between the fences but blank lines and comments. */
export function isEmptyYaml(yaml: string): boolean {
  return yaml.split('\n').every((line) => /^\s*(#.*)?$/.test(line));
}

/**
 * The first alias (`*name`) of the document, if any. Frontmatter never needs one, and
 * each alias can repeat a value that repeats others: a few lines can stand for
 * billions of values (https://en.wikipedia.org/wiki/Billion_laughs_attack), and js-yaml sets no limit.
 */
function firstAlias(document: Document): { name: string; offset: number } | undefined {
  let found: { name: string; offset: number } | undefined;
  visit(document, {
    Alias(_, alias) {
      found = { name: alias.source, offset: alias.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  return found;
}

/** Parsed frontmatter plus a way to find where any field was written. */
export interface ParsedFrontmatter {
  /** The data as plain JavaScript values (date-times stay strings: YAML 1.2 core schema); `undefined` on a syntax error. */
  data: unknown;
  /** YAML syntax errors (malformed YAML, tabs, duplicate keys). */
  syntaxErrors: YamlSyntaxError[];
  /** Where the value at `path` was written; falls back to the nearest written ancestor. */
  locate: (path: readonly PropertyKey[]) => SourcePosition;
}

/**
 * Parses frontmatter YAML with the YAML 1.2 core schema, so that
 * `2024-03-14T09:12:00` stays the string the writer typed and a missing offset
 * can be reported, instead of silently becoming a UTC `Date`.
 *
 * The values come from js-yaml, ten times faster than a full document parse;
 * the `yaml` package's source ranges are computed only when a position is asked
 * for (a problem to report), so clean files never pay for them.
 */
export function parseFrontmatter(split: SplitSource): ParsedFrontmatter {
  const text = split.yaml ?? '';
  let positioned: { document: Document; lineCounter: LineCounter } | undefined;
  const withPositions = () => {
    if (!positioned) {
      const lineCounter = new LineCounter();
      positioned = {
        document: parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false }),
        lineCounter,
      };
    }
    return positioned;
  };
  const toPosition = (offset: number): SourcePosition => {
    const { line, col } = withPositions().lineCounter.linePos(offset);
    return { line: line + split.yamlStartLine - 1, column: col };
  };
  const fallback: SourcePosition = { line: Math.max(1, split.yamlStartLine - 1), column: 1 };

  // Only text with a `*` can hold an alias: clean files skip the full parse.
  const alias = text.includes('*') ? firstAlias(withPositions().document) : undefined;
  if (alias) {
    return {
      data: undefined,
      syntaxErrors: [
        {
          ...toPosition(alias.offset),
          message: `alias ${quoteValue(`*${alias.name}`)} is not allowed in frontmatter`,
          hint: 'write the value out in full instead of an anchor (`&name`) and an alias (`*name`)',
        },
      ],
      locate: () => fallback,
    };
  }

  let data: unknown;
  let syntaxErrors: YamlSyntaxError[] = [];
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch (error) {
    const { document } = withPositions();
    syntaxErrors = document.errors.map((problem) => ({
      ...toPosition(problem.pos[0]),
      message: problem.message.split('\n')[0]!,
    }));
    if (syntaxErrors.length === 0) {
      const { reason, mark } = error as YAMLException;
      syntaxErrors = [
        { line: (mark?.line ?? 0) + split.yamlStartLine, column: (mark?.column ?? 0) + 1, message: reason },
      ];
    }
    data = undefined;
  }
  return {
    data,
    syntaxErrors,
    locate: (path) => {
      const offset = locateOffset(withPositions().document, path);
      return offset === undefined ? fallback : toPosition(offset);
    },
  };
}

/** Offset of the key (for map entries) or item (for list entries) at `path`. */
function locateOffset(document: Document, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = document.contents;
  let found: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      found = (pair.key as Node).range?.[0] ?? found;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      found = item.range?.[0] ?? found;
      node = item;
    } else {
      break;
    }
  }
  return found;
}
