import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { duePolicyOf } from '../lib/due-dates';
import { createLintContext } from '../lib/lint';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { SiteConfigSchema } from '../schemas/site-config';
import { validateFiles } from './validate-files';

const accepted = new URL('../../tests/fixtures/accepted/2024-03-13-non-ascii.md', import.meta.url);

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'validate-files-'));
  await copyFile(accepted, join(dir, '2024-03-13-non-ascii.md'));
  const config = SiteConfigSchema.parse({});
  const lines: string[] = [];
  return {
    dir,
    lines,
    options: {
      root: dir,
      contentDir: dir,
      schema: { severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC' },
      lintContext: createLintContext({
        root: dir,
        config: config.lint,
        policy: duePolicyOf(config),
        now: new Date('2024-03-20T00:00:00Z'),
      }),
      logger: { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) },
    },
  };
}

describe('validateFiles', () => {
  test("gives each file's validated data and says how many of the folder it validated", async () => {
    const { options, lines } = await setup();
    const folder = await validateFiles({ ...options, all: ['2024-03-13-non-ascii.md'], only: undefined });
    expect(folder.files.map((file) => file.data?.severity)).toEqual(['SEV3']);
    expect(lines).toEqual([expect.stringMatching(/^Validated 1 of 1 postmortems in \d+ ms\.$/)]);
  });

  test('applies the cross-file rules to one changed file, against every file of the folder', async () => {
    const { dir, options } = await setup();
    const relating = [
      '---',
      'title: Related to a postmortem that does not exist',
      'summary: Checkout failed for some users.',
      'severity: SEV3',
      'startedAt: "2024-03-14T09:12:00Z"',
      'resolvedAt: "2024-03-14T09:59:00Z"',
      'services: [checkout]',
      'authors: [Ada Lovelace]',
      'related: [2024-03-13-non-ascii, 2024-01-01-gone]',
      '---',
      '',
      '## Root cause and resolution',
      '',
      'A configuration change halved the database connection pool.',
      '',
    ].join('\n');
    await writeFile(join(dir, '2024-03-14-relating.md'), relating);
    const all = ['2024-03-13-non-ascii.md', '2024-03-14-relating.md'];
    await expect(validateFiles({ ...options, all, only: ['2024-03-14-relating.md'] })).rejects.toThrow(
      /2024-03-14-relating\.md:9:.*2024-01-01-gone/,
    );
  });
});
