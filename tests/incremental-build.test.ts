import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { glob } from 'tinyglobby';
import { writeSyntheticCorpus } from '../scripts/bench/synthetic-corpus';
import { buildSite, type SiteBuild } from './build-site';

/** Every file of a built site, by path. */
async function filesOf(build: SiteBuild): Promise<Map<string, string>> {
  const paths = (await glob('**/*', { cwd: build.outDir })).sort();
  return new Map(
    await Promise.all(paths.map(async (path) => [path, await readFile(join(build.outDir, path), 'base64')] as const)),
  );
}

describe('a rebuild with the cache of the last build', () => {
  test('after editing two postmortems and the data of a chart, writes exactly what a build from scratch writes, and validates only those files', async () => {
    const contentDir = await mkdtemp(join(tmpdir(), 'postmortems-incremental-'));
    const cacheDir = await mkdtemp(join(tmpdir(), 'postmortems-incremental-cache-'));
    // MDX: most bodies are rendered while syncing and kept in the cache, the ones with an <Internal> passage compiled.
    const ids = await writeSyntheticCorpus({
      dir: contentDir,
      count: 60,
      format: 'mdx',
      end: new Date('2024-06-01T00:00:00Z'),
    });
    // A chart: changing its data file alone makes its postmortem a changed file, drawn again.
    const charted = join(contentDir, `${ids[20]}.mdx`);
    const chartSource = await readFile(charted, 'utf8');
    const startedAt = new Date(/^startedAt: "?([^"\n]+)"?$/m.exec(chartSource)![1]!).getTime();
    const csv = (peak: number) =>
      `time,errors\n${[0, 10, 20].map((minutes, index) => `${new Date(startedAt + minutes * 60_000).toISOString()},${index === 1 ? peak : 1}`).join('\n')}\n`;
    await writeFile(join(contentDir, 'errors.csv'), csv(412));
    await writeFile(charted, `${chartSource}\n<MetricChart src="./errors.csv" y="errors" label="Errors" />\n`);
    const first = await buildSite(contentDir, { POSTMORTEMS_CACHE_DIR: cacheDir });
    expect(first.exitCode, first.output).toBe(0);

    // A new title shows on the neighbours, the related incidents and the lists, not only on the page itself.
    const retitled = join(contentDir, `${ids[30]}.mdx`);
    const source = await readFile(retitled, 'utf8');
    await writeFile(retitled, `${source.replace(/^title: "/m, 'title: "Edited: ')}\nOne more lesson learned.\n`);
    // A body that gains a component is compiled from now on.
    const withCallout = join(contentDir, `${ids[31]}.mdx`);
    await writeFile(
      withCallout,
      `${await readFile(withCallout, 'utf8')}\n<Callout kind="lesson">\nThe rota is canary-rota.\n</Callout>\n`,
    );
    await writeFile(join(contentDir, 'errors.csv'), csv(9876));
    const [warm, cold] = await Promise.all([
      buildSite(contentDir, { POSTMORTEMS_CACHE_DIR: cacheDir }),
      buildSite(contentDir),
    ]);
    expect(warm.exitCode, warm.output).toBe(0);
    expect(cold.exitCode, cold.output).toBe(0);

    expect(warm.output).toMatch(
      /Validated 3 of 60 postmortems in \d+ ms; the others are unchanged since the last build\./,
    );
    expect(warm.output).toContain('Rendered 1 MDX postmortem to HTML while syncing; Astro compiles 2 others,');
    expect(await first.read(`postmortems/${ids[20]}/index.html`)).toContain('peaked at 412');
    expect(await warm.read(`postmortems/${ids[20]}/index.html`)).toContain('peaked at 9,876');
    expect(await warm.read(`postmortems/${ids[30]}/index.html`)).toContain('Edited: ');
    expect(await warm.read(`postmortems/${ids[31]}/index.html`)).toContain('canary-rota');
    expect(await filesOf(warm)).toEqual(await filesOf(cold));
  }, 240_000);
});
