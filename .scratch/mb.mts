import { readdirSync, readFileSync } from 'node:fs';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
const dir = '/tmp/c1k';
const sources = readdirSync(dir).map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
const cut = (s: string) => s.indexOf('\n---\n', 4) + 5;
const bodies = sources.map((s) => s.slice(cut(s)));
const blanked = sources.map((s) => '\n'.repeat(s.slice(0, cut(s)).split('\n').length - 1) + s.slice(cut(s)));
const full = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx);
const bodyOnly = unified().use(remarkParse).use(remarkMdx);
for (let round = 0; round < 3; round++) {
  for (const [name, parser, inputs] of [['full', full, sources], ['body', bodyOnly, bodies], ['blanked', bodyOnly, blanked], ['body+fmext', full, bodies]] as const) {
    const t = performance.now();
    for (const s of inputs) parser.parse(s);
    console.log(round, name, (performance.now() - t).toFixed(0), 'ms');
  }
}
