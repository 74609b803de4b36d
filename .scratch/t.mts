import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
const t: any = unified().use(remarkParse).use(remarkMdx).parse('Hello\n\nimport X from "./x"\n');
const st = t.children[1].data.estree.body[0];
console.log(st.start, st.range, st.loc, t.children[1].position);
