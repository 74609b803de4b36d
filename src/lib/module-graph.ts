/**
 * The project's own modules that some modules import, directly or through
 * others: what a cache of their results must be keyed on, and nothing more.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * Module specifiers in TypeScript formatted by Prettier: `import … from '…'` and
 * `export … from '…'` (over several lines too), `import '…'` and `import('…')`.
 * Only relative ones are kept by the caller. A specifier in a comment is a false
 * positive, which costs a file read and never a missed module.
 */
const SPECIFIER = /\b(?:from|import)\s*\(?\s*'([^'\n]+)'/g;

/** Extensions tried, in order, for a specifier written without one (TypeScript's resolution for our sources). */
const EXTENSIONS = ['', '.ts', '.mts', '.js', '.mjs', '/index.ts'];

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/** The file a relative `specifier` of the module at `from` names, if it exists. */
async function resolveSpecifier(from: string, specifier: string): Promise<string | undefined> {
  const base = resolve(dirname(from), specifier);
  for (const extension of EXTENSIONS) if (await isFile(base + extension)) return base + extension;
  return undefined;
}

/** The relative specifiers `source` imports or re-exports (type-only imports included: cheap, and safe). */
export function relativeSpecifiers(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((match) => match[1]!).filter((specifier) => specifier.startsWith('.'));
}

/**
 * Every local module reachable from `entries` (absolute paths) through relative
 * imports, the entries included, as absolute paths in sorted order. Packages are
 * not followed: their versions are the caller's to key on.
 */
export async function localModules(entries: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    if (!/\.(ts|mts|js|mjs)$/.test(path)) continue;
    const source = await readFile(path, 'utf8');
    for (const specifier of relativeSpecifiers(source)) {
      const target = await resolveSpecifier(path, specifier);
      if (target && !seen.has(target)) pending.push(target);
    }
  }
  return [...seen].sort();
}
