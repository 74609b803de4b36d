import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findHugo, hugoMissingMessage, prepareHugoContent } from './hugo-build';

describe('hugoMissingMessage', () => {
  test('says the comparison is skipped and how to install Hugo on this platform', () => {
    expect(hugoMissingMessage('linux')).toBe(
      'Hugo is not installed (no `hugo` on PATH), so the comparison with Hugo + Pagefind is skipped. ' +
        "Install it with `sudo apt-get install hugo` (Debian, Ubuntu) or your distribution's `hugo` package, " +
        'or see https://gohugo.io/installation/, then run the benchmark again.',
    );
    expect(hugoMissingMessage('darwin')).toContain('`brew install hugo`');
  });
});

describe('findHugo', () => {
  test('returns null when no hugo is on PATH', async () => {
    expect(await findHugo({ PATH: '/nowhere' })).toBeNull();
  });
});

describe('prepareHugoContent', () => {
  test('gives Hugo every postmortem as Markdown in a postmortems section, and sees later edits', async () => {
    const work = await mkdtemp(join(tmpdir(), 'hugo-content-'));
    const corpus = join(work, 'corpus');
    await mkdir(corpus);
    await writeFile(join(corpus, '2024-01-02-a.mdx'), '---\ntitle: A\n---\nBody <Internal>x</Internal>\n');
    await writeFile(join(corpus, '2024-01-03-b.md'), '---\ntitle: B\n---\nBody\n');
    await writeFile(join(corpus, '_template.md'), 'not a postmortem');
    await writeFile(join(corpus, 'notes.txt'), 'not Markdown');

    expect(await prepareHugoContent(corpus, join(work, 'content'))).toBe(2);

    expect((await readdir(join(work, 'content', 'postmortems'))).sort()).toEqual([
      '2024-01-02-a.md',
      '2024-01-03-b.md',
      '_index.md',
    ]);
    await writeFile(join(corpus, '2024-01-03-b.md'), '---\ntitle: B\n---\nEdited\n');
    expect(await readFile(join(work, 'content', 'postmortems', '2024-01-03-b.md'), 'utf8')).toContain('Edited');
  });
});
