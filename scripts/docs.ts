/** Entry point of `npm run docs`: writes the generated parts of README.md (the rules table, the MDX components) from the code. */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { rulesTable, withGeneratedBlock, withRulesTable } from '../src/lib/check/rule-docs';
import { componentsReference } from '../src/lib/component-docs';
import { MDX_COMPONENTS } from '../src/lib/content-policy';
import { ALL_RULES } from '../src/lib/lint';

const path = fileURLToPath(new URL('../README.md', import.meta.url));
const readme = await readFile(path, 'utf8');
const options = { ...(await resolveConfig(path)), filepath: path };
const generated = withGeneratedBlock(
  withRulesTable(readme, rulesTable(ALL_RULES)),
  'mdx-components',
  componentsReference(MDX_COMPONENTS),
);
await writeFile(path, await format(generated, options));
