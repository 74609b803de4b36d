import { readdirSync, readFileSync } from 'node:fs';
import { load, CORE_SCHEMA } from 'js-yaml';
import { parseDocument, Parser, Composer, LineCounter } from 'yaml';
const dir = '/tmp/c1k';
const yamls = readdirSync(dir).map((f) => readFileSync(`${dir}/${f}`, 'utf8')).map((s) => s.slice(4, s.indexOf('\n---\n', 4)));
for (let round = 0; round < 3; round++) {
  let t = performance.now(); for (const y of yamls) load(y, { schema: CORE_SCHEMA }); console.log('js-yaml', (performance.now() - t).toFixed(0));
  t = performance.now(); for (const y of yamls) parseDocument(y, { lineCounter: new LineCounter(), schema: 'core', uniqueKeys: true, prettyErrors: false }); console.log('parseDocument', (performance.now() - t).toFixed(0));
  t = performance.now(); for (const y of yamls) { for (const _ of new Parser().parse(y)); } console.log('cst', (performance.now() - t).toFixed(0));
  t = performance.now(); for (const y of yamls) { const lc = new LineCounter(); for (const _ of new Parser(lc.addNewLine).parse(y)); } console.log('cst+lc', (performance.now() - t).toFixed(0));
}
