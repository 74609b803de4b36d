import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runImport } from '../src/lib/import/run';
import { SiteConfigSchema } from '../src/schemas/site-config';
import { buildSite, projectRoot, type SiteBuild } from './build-site';

/**
 * What a reviewer does with an imported draft before publishing it: a severity, an
 * author and a start time where the report asked, `status: draft` removed. Prompts in
 * the body are left, as `check` reports them but the build accepts them.
 */
function fillIn(text: string): string {
  return text
    .replace(/^severity: "TODO: [^"]*"$/m, 'severity: SEV3')
    .replace(/^ {2}- "TODO: who wrote the postmortem"$/m, '  - Imported by the reliability team')
    .replace(/^status: draft\n/m, '');
}

describe('a site built from imported postmortems', () => {
  let site: SiteBuild;
  let written: string[];
  beforeAll(async () => {
    const contentDir = await mkdtemp(join(tmpdir(), 'imported-'));
    let report = '';
    const exitCode = await runImport({
      root: projectRoot,
      cwd: projectRoot,
      argv: ['tests/fixtures/import/postmortems-app', 'tests/fixtures/import/markdown', '--out', contentDir],
      env: {},
      stdout: { write: (text: string) => (report += text) },
      stderr: { write: () => true },
      now: new Date('2024-06-01T00:00:00Z'),
      config: SiteConfigSchema.parse({}),
    });
    if (exitCode !== 0) throw new Error(`import failed:\n${report}`);
    written = await readdir(contentDir);
    for (const name of written) {
      const path = join(contentDir, name);
      await writeFile(path, fillIn(await readFile(path, 'utf8')));
    }
    site = await buildSite(contentDir);
    if (site.exitCode !== 0) throw new Error(`build failed:\n${site.output}`);
  }, 240_000);

  test('has a page for every imported postmortem once its drafts are published', async () => {
    expect(written).toHaveLength(8);
    const api = JSON.parse(await site.read('api/postmortems.json')) as { count: number };
    expect(api.count).toBe(written.length);
    const html = await site.read('postmortems/2022-10-11-payment-webhooks-delayed-by-a-stuck-partition/index.html');
    expect(html).toContain('Payment webhooks delayed by a stuck partition');
    expect(html).toContain('https://engineering.example-pay.com/blog/webhook-delays');
  });

  test('is searchable: the imported postmortems are in the search index', async () => {
    const entry = JSON.parse(await site.read('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    expect(pages).toBe(written.length);
  });

  test('shows escaped HTML from a source as text, never as markup', async () => {
    const html = await site.read('postmortems/2024-03-14-cluster-outage-in-eu-west-1/index.html');
    expect(html).not.toContain('<script>fetch(');
    expect(html).toContain('&lt;script&gt;fetch(');
  });
});
