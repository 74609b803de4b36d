/** Entry point of `npm run docs`: writes the generated parts of README.md (the rules table) from the code. */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { rulesTable, withRulesTable } from '../src/lib/check/rule-docs';
import { ALL_RULES } from '../src/lib/lint';

const path = fileURLToPath(new URL('../README.md', import.meta.url));
const readme = await readFile(path, 'utf8');
const options = { ...(await resolveConfig(path)), filepath: path };
await writeFile(path, await format(withRulesTable(readme, rulesTable(ALL_RULES)), options));
