import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LintConfigSchema } from '../../schemas/lint';
import { createPostmortemSchema } from '../../schemas/postmortem';
import { SectionsConfigSchema } from '../../schemas/sections';
import { DEFAULT_SEVERITY_SCALE } from '../../schemas/severity';
import { duePolicyOf } from '../due-dates';
import { defineSiteConfig } from '../define-site-config';
import { validatePostmortemSource } from '../validate';
import { ALL_RULES, createLintContext, LintDocument, lintDocument } from './index';
import { frontmatterStrings } from './text';

const schema = createPostmortemSchema({ severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC' });
const root = mkdtempSync(join(tmpdir(), 'lint-'));
const context = createLintContext({
  root,
  contentDir: join(root, 'postmortems'),
  config: LintConfigSchema.parse({ wordCount: { min: 5, max: 60 } }),
  policy: duePolicyOf(defineSiteConfig({})),
  now: new Date('2024-06-01T12:00:00Z'),
});

const FRONTMATTER_LINES = 9;
function frontmatter(extra = '', severity = 'SEV3') {
  return `---
title: Checkout timeouts
summary: Checkout failed for 47 minutes.
severity: ${severity}
startedAt: "2024-03-14T09:12:00Z"
resolvedAt: "2024-03-14T09:59:00Z"
services: [checkout]
authors: [Ada]
${extra}---
`;
}

const GOOD_BODY = `
## Root cause and resolution

A connection pool was halved by a configuration change, and requests queued.

## Corrective and preventative measures

- [ ] Alert on pool saturation.
`;

/** Lints a file written to a temporary folder (so relative images and imports resolve). */
function lint(
  source: string,
  { name = '2024-03-14-checkout.md', rules = ALL_RULES, sections = context.sections } = {},
) {
  const absolutePath = join(root, 'postmortems', name);
  const file = validatePostmortemSource({ file: `postmortems/${name}`, relativePath: name, source }, schema);
  return lintDocument(new LintDocument(file, absolutePath), { ...context, sections }, rules);
}

const found = (problems: ReturnType<typeof lint>, rule: string) =>
  problems
    .filter((problem) => problem.rule === rule)
    .map((problem) => `${problem.line}:${problem.column} ${problem.severity} ${problem.message}`);

describe('a well-formed postmortem', () => {
  test('passes every rule', () => {
    expect(lint(frontmatter() + GOOD_BODY)).toEqual([]);
  });
});

describe('safe-html', () => {
  test('reports <script>, <iframe> and inline handlers in Markdown at their position', () => {
    const problems = lint(
      `${frontmatter()}${GOOD_BODY}\n<script>alert(1)</script>\n\nText <img src="x.png" onerror="alert(1)"> and\n\n<iframe src="https://example.com"></iframe>\n`,
    );
    expect(found(problems, 'safe-html')).toEqual([
      `${FRONTMATTER_LINES + 10}:1 error \`<script>\` is not allowed in a postmortem; write it in Markdown, or show markup in a code block (postmortems may use the HTML GitHub renders)`,
      `${FRONTMATTER_LINES + 12}:23 error attribute \`onerror\` is not allowed on \`<img>\`; remove it`,
      `${FRONTMATTER_LINES + 14}:1 error \`<iframe>\` is not allowed in a postmortem; write it in Markdown, or show markup in a code block (postmortems may use the HTML GitHub renders)`,
    ]);
  });

  test('reports them in MDX as JSX', () => {
    const problems = lint(`${frontmatter()}${GOOD_BODY}\n<script>{'x'}</script>\n\n<div onClick={() => 1}>hi</div>\n`, {
      name: '2024-03-14-checkout.mdx',
    });
    expect(found(problems, 'safe-html')).toEqual([
      `${FRONTMATTER_LINES + 10}:1 error \`<script>\` is not allowed in a postmortem; write it in Markdown, or show markup in a code block (postmortems may use the HTML GitHub renders)`,
      `${FRONTMATTER_LINES + 12}:1 error attribute \`onClick\` is not allowed on \`<div>\`; remove it`,
    ]);
  });

  test('leaves code blocks that show HTML alone', () => {
    expect(
      found(lint(`${frontmatter()}${GOOD_BODY}\n\`\`\`html\n<script src="app.js"></script>\n\`\`\`\n`), 'safe-html'),
    ).toEqual([]);
  });
});

describe('safe-links', () => {
  test('reports javascript: in links, definitions and HTML attributes, however disguised', () => {
    const problems = lint(
      `${frontmatter()}${GOOD_BODY}\n[click](javascript:alert(1)) and [x][ref]\n\n[ref]: JavaScript:void(0)\n\n<a href="java\tscript:alert(1)">x</a>\n`,
    );
    expect(found(problems, 'safe-links').map((line) => line.split(' ')[0])).toEqual([
      `${FRONTMATTER_LINES + 10}:1`,
      `${FRONTMATTER_LINES + 12}:1`,
      `${FRONTMATTER_LINES + 14}:4`,
    ]);
  });

  test('accepts http(s) and relative links', () => {
    expect(
      found(lint(`${frontmatter()}${GOOD_BODY}\n[a](https://example.com) [b](../other/)\n`), 'safe-links'),
    ).toEqual([]);
  });
});

describe('mdx-imports', () => {
  test('accepts imports from the MDX components folder', () => {
    const source = `${frontmatter()}\nimport Callout from '../src/components/mdx/Callout.astro';\n${GOOD_BODY}`;
    expect(found(lint(source, { name: '2024-03-14-checkout.mdx' }), 'mdx-imports')).toEqual([]);
  });

  test('reports other imports and any export at their line', () => {
    const source = `${frontmatter()}\nimport fs from 'node:fs';\nexport const owner = 'me';\n${GOOD_BODY}`;
    expect(found(lint(source, { name: '2024-03-14-checkout.mdx' }), 'mdx-imports')).toEqual([
      `${FRONTMATTER_LINES + 2}:1 error import from \`node:fs\` is not allowed; postmortems may import only components from src/components/mdx/`,
      `${FRONTMATTER_LINES + 3}:1 error \`export\` is not allowed in a postmortem; keep data in the frontmatter`,
    ]);
  });

  test('reports TypeScript in an import, which MDX accepts and the rule cannot read', () => {
    const source = `${frontmatter()}\nimport type { Props } from '../src/components/mdx/Callout.astro';\n${GOOD_BODY}`;
    expect(found(lint(source, { name: '2024-03-14-checkout.mdx' }), 'mdx-imports')).toEqual([
      `${FRONTMATTER_LINES + 2}:1 error this \`import\`/\`export\` is not plain JavaScript; import a component as \`import Name from "../src/components/mdx/Name.astro";\``,
    ]);
  });
});

describe('frontmatterStrings', () => {
  test('lists every string with its path, once per frontmatter', () => {
    const frontmatter = {
      title: 'T',
      timeline: [{ at: '09:12', event: 'Paged' }],
      impact: { usersAffectedPercent: 5 },
    };
    expect(frontmatterStrings(frontmatter)).toEqual([
      { path: ['title'], value: 'T' },
      { path: ['timeline', 0, 'at'], value: '09:12' },
      { path: ['timeline', 0, 'event'], value: 'Paged' },
    ]);
    expect(frontmatterStrings(frontmatter)).toBe(frontmatterStrings(frontmatter));
  });
});

describe('positions in the body', () => {
  test("are the file's lines and columns with a byte-order mark and CRLF line endings", () => {
    const source = `\uFEFF${frontmatter()}${GOOD_BODY}\nIt was human error.\n`.replaceAll('\n', '\r\n');
    expect(found(lint(source), 'blameless').map((line) => line.split(' ')[0])).toEqual([`${FRONTMATTER_LINES + 10}:8`]);
  });

  test('are right when the body opens with a thematic break, which is not a second frontmatter', () => {
    const source = `${frontmatter()}---\n\nA careless deploy.\n\n---\n${GOOD_BODY}`;
    expect(found(lint(source), 'blameless').map((line) => line.split(' ')[0])).toEqual([`${FRONTMATTER_LINES + 3}:3`]);
  });
});

describe('syntax', () => {
  test('reports an MDX syntax error with its position', () => {
    const problems = lint(`${frontmatter()}${GOOD_BODY}\nLatency went from 5ms to {oops\n`, {
      name: '2024-03-14-checkout.mdx',
    });
    expect(found(problems, 'syntax')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${FRONTMATTER_LINES + 10}:26 error .*Unexpected end of file in expression, expected a corresponding closing brace for \`\\{\``,
        ),
      ),
    ]);
    expect(problems).toHaveLength(1);
  });

  test('reports a JSX tag left open where it was opened', () => {
    const problems = lint(`${frontmatter()}${GOOD_BODY}\n<Internal>\nThe rota.\n`, { name: '2024-03-14-checkout.mdx' });
    expect(found(problems, 'syntax')).toEqual([
      expect.stringMatching(
        new RegExp(`^${FRONTMATTER_LINES + 10}:1 error .*Expected a closing tag for \`<Internal>\``),
      ),
    ]);
  });

  test('reads `<` and `{` in Markdown as text', () => {
    expect(
      found(lint(`${frontmatter()}${GOOD_BODY}\nLatency went from 5ms to {oops} when a < b.\n`), 'syntax'),
    ).toEqual([]);
  });
});

describe('body', () => {
  test('reports an empty body', () => {
    expect(found(lint(frontmatter()), 'body')).toEqual([
      expect.stringContaining(`${FRONTMATTER_LINES}:1 error the body is empty`),
    ]);
  });

  test('reports a body over the size limit', () => {
    expect(found(lint(`${frontmatter()}${GOOD_BODY}\n${'word '.repeat(50_000)}\n`), 'body')).toEqual([
      expect.stringMatching(/over the 200 kB limit/),
    ]);
  });
});

describe('placeholder', () => {
  test('reports TODO: left in the frontmatter and the body', () => {
    const source = `${frontmatter().replace('summary: Checkout failed for 47 minutes.', 'summary: "TODO: what happened"')}${GOOD_BODY}\nTODO: describe the impact.\n`;
    expect(found(lint(source), 'placeholder')).toEqual([
      '3:1 error placeholder left in `summary`: replace `TODO: what happened` with the real text',
      `${FRONTMATTER_LINES + 10}:1 error placeholder left in the body: replace \`TODO: describe the impact.\` with what it asks for`,
    ]);
  });
});

describe('required-sections', () => {
  test('reports a missing section before the next section of the template the body has', () => {
    expect(
      found(
        lint(`${frontmatter()}\n## Corrective and preventative measures\n\nText here for words.\n`),
        'required-sections',
      ),
    ).toEqual([
      `${FRONTMATTER_LINES + 2}:1 error missing section "## Root cause and resolution"; add it before "## Corrective and preventative measures": Explain what caused the incident, in terms of systems and decisions rather than people, and exactly what fixed it. A diagram helps.`,
    ]);
  });

  test('reports a missing last section at the end of the body', () => {
    const problems = found(
      lint(`${frontmatter()}\n## Root Cause and Resolution\n\nText here for words.\n`),
      'required-sections',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(
        `^${FRONTMATTER_LINES + 4}:1 error missing section "## Corrective and preventative measures"; add it at the end of the body: `,
      ),
    );
  });

  test('checks the sections of a preset', () => {
    const sections = SectionsConfigSchema.parse({ template: 'google-sre' });
    const problems = found(lint(`${frontmatter()}${GOOD_BODY}`, { sections }), 'required-sections');
    expect(problems.map((problem) => /"## ([^"]+)"/.exec(problem)?.[1])).toEqual([
      'Impact',
      'Root causes',
      'Resolution',
      'Detection',
      'Action items',
      'Lessons learned',
    ]);
  });

  test("requires a severity's own sections of its postmortems only", () => {
    const sections = SectionsConfigSchema.parse({
      bySeverity: { SEV1: [{ title: 'Lessons learned', prompt: 'What applies beyond this incident.' }] },
    });
    expect(found(lint(`${frontmatter('', 'SEV1')}${GOOD_BODY}`, { sections }), 'required-sections')).toEqual([
      `${FRONTMATTER_LINES + 8}:1 error SEV1 postmortems need section "## Lessons learned"; add it at the end of the body: What applies beyond this incident.`,
    ]);
    expect(found(lint(`${frontmatter('', 'SEV3')}${GOOD_BODY}`, { sections }), 'required-sections')).toEqual([]);
  });
});

describe('action-items-required', () => {
  test('requires action items for SEV1 and SEV2 only', () => {
    expect(found(lint(`${frontmatter('', 'SEV1')}${GOOD_BODY}`), 'action-items-required')).toEqual([
      '4:1 error SEV1 postmortems need action items; add each corrective or preventative measure under actionItems with an owner and a due date',
    ]);
    expect(
      found(
        lint(`${frontmatter('actionItems:\n  - { title: Alert, owner: SRE }\n', 'SEV1')}${GOOD_BODY}`),
        'action-items-required',
      ),
    ).toEqual([]);
    expect(found(lint(`${frontmatter('', 'SEV3')}${GOOD_BODY}`), 'action-items-required')).toEqual([]);
  });
});

describe('overdue-action-item', () => {
  test('warns on open or in-progress items due before today, at their due date', () => {
    const items = `actionItems:
  - { title: Late, owner: SRE, due: 2024-05-31 }
  - { title: Busy, owner: SRE, status: in-progress, due: 2024-01-01 }
  - { title: Today, owner: SRE, due: 2024-06-01 }
  - { title: Finished, owner: SRE, status: done, due: 2024-01-01 }
`;
    expect(found(lint(`${frontmatter(items)}${GOOD_BODY}`), 'overdue-action-item')).toEqual([
      '10:32 warning action item `Late` was due 2024-05-31 (1 day ago) and is still open; finish it, move the date, or mark it wont-do',
      '11:53 warning action item `Busy` was due 2024-01-01 (152 days ago) and is still in-progress; finish it, move the date, or mark it wont-do',
    ]);
  });

  test('warns on items without a due date past the policy’s date, at the item', () => {
    // A SEV3 resolved on 14 March: the default policy gives 8 weeks, to 9 May.
    const items = `actionItems:
  - { title: Undated, owner: SRE }
`;
    expect(found(lint(`${frontmatter(items)}${GOOD_BODY}`), 'overdue-action-item')).toEqual([
      '10:5 warning action item `Undated` was due by policy on 2024-05-09 (23 days ago) and is still open; finish it, set a `due` date, or mark it wont-do',
    ]);
  });

  test('reads today in the site’s zone, not in UTC', () => {
    const policy = duePolicyOf(defineSiteConfig({ defaultTimezone: 'Pacific/Kiritimati' }));
    // Noon UTC on 1 June is already 2 June at UTC+14.
    expect(
      createLintContext({ root, config: context.config, policy, now: new Date('2024-06-01T12:00:00Z') }).today,
    ).toBe('2024-06-02');
  });
});

describe('due-date-policy', () => {
  test('warns at the due date of an open item when it is later than the policy allows, not of finished ones', () => {
    // SEV2 resolved on 14 March: `prevent` items are due within 4 weeks (11 April), `detect` items within 8 (9 May).
    const items = `actionItems:
  - { title: Slow fix, owner: SRE, due: 2024-05-01 }
  - { title: Alert, owner: SRE, type: detect, due: 2024-05-01 }
  - { title: Dropped, owner: SRE, status: wont-do, due: 2025-01-01 }
  - { title: Finished late, owner: SRE, status: done, due: 2025-01-01 }
`;
    expect(found(lint(`${frontmatter(items, 'SEV2')}${GOOD_BODY}`), 'due-date-policy')).toEqual([
      "10:36 warning action item `Slow fix` is due 2024-05-01, 20 days after the policy allows: SEV2 `prevent` items are due within 4 weeks of resolvedAt, by 2024-04-11; bring the date forward, or remove `due` to take the policy's date",
    ]);
  });
});

describe('word-count', () => {
  test('warns below and above the configured range, not counting code', () => {
    expect(found(lint(`${frontmatter()}\nOne.\n\n\`\`\`\n${'code '.repeat(100)}\n\`\`\`\n`), 'word-count')).toEqual([
      `${FRONTMATTER_LINES + 1}:1 warning the body has 1 word; aim for 5–60 so the postmortem says enough to learn from`,
    ]);
    expect(found(lint(`${frontmatter()}${GOOD_BODY}\n${'word '.repeat(80)}\n`), 'word-count')).toEqual([
      expect.stringMatching(/warning the body has \d+ words; aim for 5–60 so people read it to the end/),
    ]);
  });
});

describe('blameless', () => {
  test('warns on blaming phrases as whole words, in the body and frontmatter', () => {
    const source = `${frontmatter().replace('Checkout failed for 47 minutes.', 'A human error took checkout down.')}${GOOD_BODY}\nThe operator was careless.\nCarelessness of design is fine to name, \`careless\` in code too.\n`;
    expect(found(lint(source), 'blameless').map((line) => line.split(' warning ')[0])).toEqual([
      '3:1',
      `${FRONTMATTER_LINES + 10}:18`,
    ]);
  });
});

describe('image-exists', () => {
  test('reports a relative image that does not exist, and accepts one that does', () => {
    mkdirSync(join(root, 'postmortems'), { recursive: true });
    writeFileSync(join(root, 'postmortems', 'diagram.png'), 'PNG');
    const problems = lint(
      `${frontmatter()}${GOOD_BODY}\n![Request path](./diagram.png)\n\n![Missing](./missing.png)\n\n![Remote](https://example.com/x.png)\n`,
    );
    expect(found(problems, 'image-exists')).toEqual([
      `${FRONTMATTER_LINES + 12}:1 error image \`./missing.png\` does not exist; put the file next to the postmortem or fix the path`,
    ]);
  });
});

describe('internal-passages', () => {
  test('reports <Internal> in Markdown, where nothing would remove it from the public site', () => {
    expect(
      found(
        lint(`${frontmatter()}${GOOD_BODY}\n<Internal>\nThe on-call phone number.\n</Internal>\n`),
        'internal-passages',
      ),
    ).toEqual([
      `${FRONTMATTER_LINES + 10}:1 error \`<Internal>\` works only in MDX: rename the file to .mdx, or the passage would appear in the public site`,
    ]);
  });

  test('accepts <Internal> in MDX', () => {
    expect(
      lint(`${frontmatter()}${GOOD_BODY}\n<Internal>\nThe on-call phone number.\n</Internal>\n`, {
        name: '2024-03-14-checkout.mdx',
      }),
    ).toEqual([]);
  });
});
