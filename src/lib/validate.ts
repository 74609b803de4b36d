/**
 * Validation of postmortem files, shared by the build's content loader and by
 * `npm run check`: the frontmatter schema per file, then the rules that need the
 * whole corpus (unique ids, related ids, file names).
 */
import type { PostmortemData, PostmortemSchema } from '../schemas/postmortem';
import { quoteValue, type Problem } from './errors';
import { isEmptyYaml, parseFrontmatter, splitFrontmatter, type ParsedFrontmatter } from './frontmatter';
import { PLACEHOLDER_MARKER } from './lint/rules/placeholders';
import { localDate } from './time';
import { editDistance } from './typo-correction';
import { describeIssue, describePath } from './zod-issues';

/** File names: `YYYY-MM-DD-slug.md` or `.mdx`, slug in lowercase kebab-case. */
const FILE_NAME_PATTERN = /^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.(md|mdx)$/;

/** The id of a postmortem: its path under the content folder, without extension, with `/` separators. */
export function idFromPath(relativePath: string): string {
  return relativePath.replaceAll('\\', '/').replace(/\.(md|mdx)$/i, '');
}

/** One postmortem file after per-file validation. */
export interface ValidatedFile {
  /** Path shown in messages. */
  file: string;
  id: string;
  /** Frontmatter as written (plain YAML values), when the YAML parsed. */
  raw: unknown;
  /** Normalised frontmatter, when valid. */
  data: PostmortemData | undefined;
  body: string;
  bodyStartLine: number;
  locate: ParsedFrontmatter['locate'];
  problems: Problem[];
}

/** Validates one file's frontmatter against the schema. */
export function validatePostmortemSource(
  { file, relativePath, source }: { file: string; relativePath: string; source: string },
  schema: PostmortemSchema,
): ValidatedFile {
  const split = splitFrontmatter(source);
  const frontmatter = parseFrontmatter(split);
  const problem = (position: { line: number; column: number }, message: string, rule = 'schema'): Problem => ({
    file,
    ...position,
    severity: 'error',
    message,
    rule,
  });
  const result: ValidatedFile = {
    file,
    id: idFromPath(relativePath),
    raw: frontmatter.data,
    data: undefined,
    body: split.body,
    bodyStartLine: split.bodyStartLine,
    locate: frontmatter.locate,
    problems: [],
  };
  if (split.yaml === undefined) {
    result.problems.push(
      problem(
        { line: 1, column: 1 },
        'no frontmatter: start the file with a `---` line, the YAML fields, and another `---` line (run `npm run new` for a template)',
        'frontmatter',
      ),
    );
    return result;
  }
  if (isEmptyYaml(split.yaml)) {
    result.problems.push(
      problem(
        { line: split.yamlStartLine - 1, column: 1 },
        'empty frontmatter: write the fields (title, summary, severity, startedAt…) between the `---` lines (run `npm run new` for a template)',
        'frontmatter',
      ),
    );
    return result;
  }
  if (frontmatter.syntaxErrors.length > 0) {
    result.problems.push(
      ...frontmatter.syntaxErrors.map((error) =>
        problem(
          error,
          `YAML syntax: ${error.message}; ${error.hint ?? 'indent with spaces and quote values containing ": "'}`,
          'yaml-syntax',
        ),
      ),
    );
    return result;
  }
  if (frontmatter.data === null || typeof frontmatter.data !== 'object' || Array.isArray(frontmatter.data)) {
    result.problems.push(
      problem(
        { line: split.yamlStartLine, column: 1 },
        'the frontmatter must be a set of `field: value` lines',
        'frontmatter',
      ),
    );
    return result;
  }
  const parsed = schema.safeParse(frontmatter.data, { reportInput: true });
  if (parsed.success) {
    result.data = parsed.data;
  } else {
    result.problems.push(
      ...parsed.error.issues.map((issue) =>
        // A `TODO:` prompt where the schema wants a date-time or a severity is a placeholder first.
        typeof issue.input === 'string' && issue.input.includes(PLACEHOLDER_MARKER)
          ? problem(
              frontmatter.locate(issue.path),
              `placeholder left in \`${describePath(issue.path)}\`: replace ${quoteValue(issue.input)} with the real value`,
              'placeholder',
            )
          : // An unknown key is reported at the key, not at the map holding it.
            problem(
              frontmatter.locate(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path),
              describeIssue(issue),
            ),
      ),
    );
  }
  return result;
}

/** A file of the content folder, known by path even when not validated in this run. */
export interface KnownFile {
  id: string;
  file: string;
}

/**
 * A function giving, for an id that matches none of `ids`, ` (did you mean `x`?)` with the closest of them
 * (at most a third of its letters apart), or `''` when none is that close. The ids are listed on the first miss only.
 */
function closestIdSuggestion(ids: Iterable<string>): (id: string) => string {
  let known: string[] | undefined;
  return (id) => {
    known ??= [...ids];
    const limit = Math.max(1, Math.floor(id.length / 3));
    let best: { id: string; distance: number } | undefined;
    for (const candidate of known) {
      const distance = editDistance(id, candidate, best ? Math.min(best.distance - 1, limit) : limit);
      if (distance <= limit && (!best || distance < best.distance)) best = { id: candidate, distance };
    }
    return best ? ` (did you mean ${quoteValue(best.id)}?)` : '';
  };
}

/**
 * Rules that need more than one file: ids are unique, `related` and `notRepeatOf` ids exist, and
 * the file name is `YYYY-MM-DD-slug` with the date of startedAt in the incident's zone.
 * `files` are checked against `known`, every file of the content folder (by default `files` themselves),
 * so checking one changed file still sees the whole corpus without reading it.
 */
export function crossFileProblems(files: readonly ValidatedFile[], known: readonly KnownFile[] = files): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, KnownFile[]>();
  for (const file of known) byId.set(file.id, [...(byId.get(file.id) ?? []), file]);
  const suggest = closestIdSuggestion(byId.keys());

  for (const file of files) {
    const at = (path: readonly PropertyKey[], message: string, rule: string) =>
      problems.push({ file: file.file, ...file.locate(path), severity: 'error', message, rule });

    const twins = (byId.get(file.id) ?? []).filter((other) => other.file !== file.file);
    if (twins.length > 0) {
      problems.push({
        file: file.file,
        line: 1,
        column: 1,
        severity: 'error',
        message: `id ${quoteValue(file.id)} is also used by ${twins.map((twin) => quoteValue(twin.file, 200)).join(', ')}; rename one of the files so every id is unique`,
        rule: 'unique-id',
      });
    }

    const baseName = file.id.split('/').at(-1)! + file.file.slice(file.file.lastIndexOf('.'));
    const nameMatch = FILE_NAME_PATTERN.exec(baseName);
    if (!nameMatch) {
      problems.push({
        file: file.file,
        line: 1,
        column: 1,
        severity: 'error',
        message: `file name ${quoteValue(baseName)} must be YYYY-MM-DD-slug.md or .mdx, with the slug in lowercase kebab-case, e.g. 2024-03-14-checkout-timeouts.mdx`,
        rule: 'file-name',
      });
    }
    if (!file.data) continue;
    if (nameMatch) {
      const startedOn = localDate(file.data.startedAt, file.data.timezone);
      if (nameMatch[1] !== startedOn) {
        at(
          ['startedAt'],
          `file name starts with ${nameMatch[1]} but startedAt is on ${startedOn} in ${file.data.timezone}; rename the file to ${startedOn}-${nameMatch[2]}.${nameMatch[3]} or correct startedAt`,
          'file-name-date',
        );
      }
    }
    file.data.related.forEach((relatedId, index) => {
      if (relatedId === file.id) {
        at(
          ['related', index],
          `related lists this postmortem itself (${quoteValue(relatedId)}); remove it`,
          'related-exists',
        );
      } else if (!byId.has(relatedId)) {
        at(
          ['related', index],
          `related id ${quoteValue(relatedId)} matches no postmortem${suggest(relatedId)}; use the file path under the content folder without extension, e.g. 2024-03-14-checkout-timeouts`,
          'related-exists',
        );
      }
    });
    file.data.notRepeatOf.forEach(({ id }, index) => {
      if (!byId.has(id))
        at(
          ['notRepeatOf', index, 'id'],
          `notRepeatOf id ${quoteValue(id)} matches no postmortem${suggest(id)}; use the file path under the content folder without extension, e.g. 2024-03-14-checkout-timeouts`,
          'related-exists',
        );
    });
  }
  return problems;
}
