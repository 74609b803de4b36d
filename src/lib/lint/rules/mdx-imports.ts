import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parse, type Program } from 'acorn';
import { quoteValue } from '../../errors';
import type { LintRule } from '../types';
import { MDX_COMPONENTS_DIR } from '../types';

/** True when `child` is `parent` or inside it. */
function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

export const mdxImports: LintRule = {
  id: 'mdx-imports',
  severity: 'error',
  needsTree: true,
  // ESM starts a line with `import` or `export`; JSX and expressions (`<`, `{`) are what make MDX fail to parse,
  // so a body with none of them is neither parsed nor at risk of a syntax error.
  appliesTo: (document) => document.isMdx && /[<{]|^[ \t]*(?:import|export)\b/m.test(document.file.body),
  description:
    'MDX imports only components from `src/components/mdx/` (none is needed: they are provided by name), and exports nothing.',
  check(document, context, report) {
    if (!document.tree || !document.isMdx) return;
    for (const node of document.nodes('mdxjsEsm')) {
      const start = node.position?.start.offset ?? 0;
      let program: Program;
      try {
        program = parse(node.value, { ecmaVersion: 'latest', sourceType: 'module' });
      } catch {
        // Sätteri accepts TypeScript here (`import type`, `: number`); acorn reads JavaScript only.
        report(
          document.positionAt(start),
          'this `import`/`export` is not plain JavaScript; import a component as `import Name from "../src/components/mdx/Name.astro";`',
        );
        continue;
      }
      for (const statement of program.body) {
        const position = document.positionAt(start + statement.start);
        if (statement.type === 'ImportDeclaration') {
          const source = String(statement.source.value);
          const target = source.startsWith('.') ? resolve(dirname(document.absolutePath), source) : undefined;
          if (!target || !isInside(context.mdxComponentsDir, target)) {
            report(
              position,
              `import from ${quoteValue(source)} is not allowed; postmortems may import only components from ${MDX_COMPONENTS_DIR}/`,
            );
          }
        } else {
          report(position, `\`export\` is not allowed in a postmortem; keep data in the frontmatter`);
        }
      }
    }
  },
};
