import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { htmlToHast } from 'satteri';
import { expect, test } from 'vitest';
import { buildSite } from './build-site';

/** Every construct of Markdown a postmortem is likely to use, braces and angle brackets in code included, with no JSX or expression. */
const BODY = `## Issue summary

From 09:00 to 09:47 UTC, checkout failed for **30%** of customers -- the "pool" was *half* its size... It's fixed.
See [the runbook](https://runbooks.example.com/orders-db) or www.example.com, and note A &amp; B &copy; 2024.\\
A hard break, \`pool_size < 10\`, \`{"pool": 10}\` and ~~a wrong lead~~.

## Root cause and resolution

> The change was reviewed, but the review could not see the pool limit.

3. Detected by an alert
4. Reverted
   - then scaled the pool
   - then replayed 120 jobs

| Step | Minutes |
| :--- | ------: |
| Detect | 8 |
| Resolve | 47 |

\`\`\`ts
const pool = createPool({ size: 10 });
\`\`\`

\`\`\`mermaid
flowchart LR
  deploy --> pool --> checkout
\`\`\`

***

## Root cause and resolution

The heading repeats on purpose: its id must be the same in both renderings.[^1]

## Corrective and preventative measures

- [ ] Alert on pool saturation.
- [x] Revert the change.

[^1]: Footnotes too.
`;

function postmortem(title: string, body: string): string {
  return `---
title: ${title}
summary: Checkout failed for 47 minutes for 30% of customers after a configuration change halved the database pool.
severity: SEV2
startedAt: "2024-03-01T09:00:00Z"
resolvedAt: "2024-03-01T09:47:00Z"
services: [checkout]
authors: [Ada Lovelace]
---

${body}`;
}

/**
 * The DOM `html` parses to, as JSON, in a form two serialisers agree on: an
 * attribute present without a value or as `"true"` is present, and a style
 * reads the same with or without spaces. Text is compared as parsed, so
 * `&quot;` and `"` are equal, and so are `<input>` and `<input/>`.
 */
function parsedForm(html: string): string {
  return JSON.stringify(htmlToHast(html, { fragment: true }), (key, value: unknown) => {
    if (key === 'position') return undefined;
    if (key === 'style' && typeof value === 'string') return value.replaceAll(/\s+/g, '');
    return value === '' || value === 'true' ? true : value;
  });
}

/** The rendered body of a postmortem page. */
function prose(html: string): string {
  const match =
    /<div class="prose"[^>]*>([\s\S]*?)<\/div>\s*<\/div>\s*(?:<footer class="postmortem-footer"|<\/article>)/.exec(
      html,
    );
  if (!match?.[1]) throw new Error('no .prose block in the page');
  return match[1];
}

test('an MDX postmortem without JSX, or with <Internal> passages only, renders exactly as Astro renders MDX, without a module to compile', async () => {
  const contentDir = await mkdtemp(join(tmpdir(), 'postmortems-mdx-'));
  const passage = '\n<Internal>\nThe rota is **canary-rota**.\n</Internal>\n';
  await writeFile(join(contentDir, '2024-03-01-plain.mdx'), postmortem('Plain MDX', `${BODY}${passage}`));
  // The same body with a callout: Astro compiles this one into a module, as it does every MDX file by default.
  await writeFile(
    join(contentDir, '2024-03-01-with-callout.mdx'),
    postmortem('MDX with a component', `${BODY}${passage}\n<Callout kind="note">\nOne more thing.\n</Callout>\n`),
  );
  const build = await buildSite(contentDir, { POSTMORTEMS_CHROMIUM: 'none' });
  expect(build.exitCode, build.output).toBe(0);
  expect(build.output).toContain(
    'Rendered 1 MDX postmortem to HTML while syncing; Astro compiles 1 other, with JSX, expressions, imports or images.',
  );

  const plain = prose(await build.read('postmortems/2024-03-01-plain/index.html'));
  const compiled = prose(await build.read('postmortems/2024-03-01-with-callout/index.html'));
  expect(compiled).toContain('One more thing.');
  const withoutCallout = compiled.replace(/\n?<div class="callout[\s\S]*?<\/div>/, '');
  expect(parsedForm(plain.trim())).toBe(parsedForm(withoutCallout.trim()));
  for (const expected of [
    '<h2 id="root-cause-and-resolution-1"',
    '<table>',
    'class="token keyword"',
    '<pre class="mermaid">',
    '“pool”',
    'data-footnote-ref',
    '<section class="internal-passage" aria-label="Internal only"><p class="internal-label">Internal</p><p>The rota is <strong>canary-rota</strong>.</p></section>',
  ]) {
    expect(plain).toContain(expected);
  }
}, 120_000);

/** A valid 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

test('the MDX components render at build time: a chart as SVG with its words escaped, a figure, a callout', async () => {
  const contentDir = await mkdtemp(join(tmpdir(), 'postmortems-components-'));
  // Column names and a label written to inject markup: they must reach the page as text.
  await writeFile(
    join(contentDir, 'errors.csv'),
    'time,<script>alert(1)</script>\n2024-03-01T08:50:00Z,2\n2024-03-01T09:20:00Z,412\n2024-03-01T10:00:00Z,3\n',
  );
  await writeFile(join(contentDir, 'dashboard.png'), PNG);
  const body = `${BODY}
<MetricChart src="./errors.csv" y="<script>alert(1)</script>" label="Errors <img src=x onerror=alert(2)>" unit="req/s" />

<Figure src="./dashboard.png" alt="The error dashboard" caption="Errors by region" credit="Grafana" />

<Callout kind="warning">
The pool size is now **checked** in review.
</Callout>
`;
  await writeFile(
    join(contentDir, '2024-03-01-components.mdx'),
    postmortem('Components', body).replace('resolvedAt:', 'detectedAt: "2024-03-01T09:05:00Z"\nresolvedAt:'),
  );
  const build = await buildSite(contentDir, { POSTMORTEMS_CHROMIUM: 'none' });
  expect(build.exitCode, build.output).toBe(0);
  const html = prose(await build.read('postmortems/2024-03-01-components/index.html'));

  expect(html).not.toContain('<script>alert(1)');
  expect(html).not.toContain('<img src=x');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).toMatch(
    /<svg class="chart-svg"[^>]* role="img"[^>]*><title[^>]*>Errors &lt;img src=x onerror=alert\(2\)&gt;<\/title>/,
  );
  expect(html).toContain('peaked at 412 req/s at 09:20 (20 min after the incident started)');
  expect(html).toContain('>Detected 09:05</text>');
  expect(html).toContain('>Resolved 09:47</text>');
  expect(html).toMatch(/<caption[^>]*>Errors &lt;img src=x onerror=alert\(2\)&gt; \(req\/s\), times in UTC<\/caption>/);
  expect(html).toMatch(/<details class="chart-numbers">[\s\S]*<td[^>]*>412<\/td>/);

  expect(html).toMatch(/<figure class="figure"[^>]*><img src="\/_astro\/dashboard\.[^"]+" alt="The error dashboard"/);
  expect(html).toMatch(
    /<figcaption[^>]*>\s*Errors by region\s*<span class="figure-credit"[^>]*>Credit: Grafana<\/span>/,
  );
  expect(html).toMatch(
    /<div class="callout callout-warning" role="note" aria-label="Warning"[^>]*><p class="callout-label"[^>]*>Warning<\/p>/,
  );
  expect(html).toContain('<strong>checked</strong>');
}, 120_000);
