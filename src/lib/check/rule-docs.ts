/**
 * The README's table of what `npm run check` and the build report, made from
 * the rules themselves: each lint rule's `description`, and the descriptions
 * below for what is checked before lint (the file, its YAML, the schema, the
 * corpus). `npm run docs` writes it into the README; a test keeps it current.
 */
import type { Problem } from '../errors';
import type { LintRule } from '../lint';

/** One row of the table: the rules it covers, their level and what they want. */
interface RuleDoc {
  ids: readonly string[];
  severity: Problem['severity'];
  description: string;
}

/** What is checked before the body's lint rules run, in the order a file meets it. */
const VALIDATION_RULES: readonly RuleDoc[] = [
  {
    ids: ['encoding', 'skipped-file'],
    severity: 'error',
    description:
      'Files are UTF-8 text without NUL bytes, named `.md` or `.mdx` in lowercase; a file that looks like a postmortem but would be skipped (`.MD`, `.markdown`, a dot-file) is named with what to rename it to.',
  },
  {
    ids: ['yaml-syntax', 'frontmatter'],
    severity: 'error',
    description:
      'The frontmatter is YAML between `---` lines, indented with spaces, without anchors or aliases. Quote values containing `: `.',
  },
  {
    ids: ['schema'],
    severity: 'error',
    description: 'The frontmatter follows the reference; the message names the field, the value and what is expected.',
  },
  {
    ids: ['file-name', 'file-name-date'],
    severity: 'error',
    description:
      "The file is `YYYY-MM-DD-slug.md(x)` and the date is `startedAt`'s date in the incident's zone; rename the file or fix `startedAt`.",
  },
  {
    ids: ['unique-id', 'related-exists'],
    severity: 'error',
    description: 'No two files share an id; every `related` id names another postmortem.',
  },
  {
    ids: ['syntax'],
    severity: 'error',
    description:
      'The Markdown or MDX parses, with the parser the build renders it with (Sätteri). In MDX, write `{` as `\\{` and `<` as `&lt;` in text.',
  },
];

/** What only `npm run check` reports, comparing the checked files with every other postmortem. */
const CHECK_ONLY_RULES: readonly RuleDoc[] = [
  {
    ids: ['possible-repeat'],
    severity: 'warning',
    description:
      'A postmortem that reads like an earlier one (see [Repeat incidents](#repeat-incidents)) lists it in `related`, or in `notRepeatOf` with a reason; the warning names the earlier incidents, their dates, the shared evidence and their action items not done.',
  },
];

/** What only the build can check, because only the build does it. */
const BUILD_ONLY_RULES: readonly RuleDoc[] = [
  {
    ids: ['diagram'],
    severity: 'error',
    description: 'Every mermaid diagram can be drawn (the build draws them); the error names the fence.',
  },
];

/** Escapes a table cell: a `|` would end it. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** The rules table in Markdown: validation first, then the lint rules in `rules` order, then check's and the build's own. */
export function rulesTable(rules: readonly LintRule[]): string {
  const docs: RuleDoc[] = [
    ...VALIDATION_RULES,
    ...rules.map((rule) => ({ ids: [rule.id], severity: rule.severity, description: rule.description })),
    ...CHECK_ONLY_RULES,
    ...BUILD_ONLY_RULES,
  ];
  return [
    '| Rule | Level | What it wants, and how to fix it |',
    '| --- | --- | --- |',
    ...docs.map(
      (doc) => `| ${doc.ids.map((id) => `\`${id}\``).join(', ')} | ${doc.severity} | ${cell(doc.description)} |`,
    ),
  ].join('\n');
}

/**
 * `readme` with the text between `<!-- name:start -->` and `<!-- name:end -->` replaced by `text`;
 * throws when the markers are missing. Every generated part of the README stands between such markers.
 */
export function withGeneratedBlock(readme: string, name: string, text: string): string {
  const [start, end] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to < from) throw new Error(`README.md has no ${start} … ${end} block`);
  return `${readme.slice(0, from + start.length)}\n\n${text}\n\n${readme.slice(to)}`;
}

/** `readme` with the rules table between its markers replaced by `table`. */
export function withRulesTable(readme: string, table: string): string {
  return withGeneratedBlock(readme, 'rules-table', table);
}
