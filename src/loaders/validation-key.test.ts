import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, test } from 'vitest';
import { validationKey, validationModules } from './validation-key';

describe('validationModules', () => {
  test('hashes the loader, validation, lint rules, schemas and plain MDX, and no charts, benchmark or client code', async () => {
    const src = fileURLToPath(new URL('..', import.meta.url));
    const modules = (await validationModules()).map((path) => path.slice(src.length).replaceAll('\\', '/'));
    expect(modules).toEqual(
      expect.arrayContaining([
        'loaders/postmortems.ts',
        'loaders/changed-files.ts',
        'loaders/render-plain.ts',
        'lib/validate.ts',
        'lib/lint/index.ts',
        'lib/plain-mdx.ts',
        'lib/content-folder-worker.ts',
        'schemas/postmortem.ts',
        'site.config.ts',
      ]),
    );
    expect(modules.filter((path) => /^lib\/bench\/|^lib\/charts|^client\/|\.test\.ts$/.test(path))).toEqual([]);
  });
});

describe('validationKey', () => {
  const context = (markdown: object) =>
    ({
      config: { markdown: { processor: satteri(), ...markdown } },
      generateDigest: (value: unknown) => JSON.stringify(value),
    }) as unknown as Pick<LoaderContext, 'config' | 'generateDigest'>;

  test('changes with the settings and the Markdown settings, and holds while neither changes', async () => {
    const key = await validationKey(context({ gfm: true }), { audience: 'public' });
    expect(await validationKey(context({ gfm: true }), { audience: 'public' })).toBe(key);
    expect(await validationKey(context({ gfm: true }), { audience: 'internal' })).not.toBe(key);
    expect(await validationKey(context({ gfm: false }), { audience: 'public' })).not.toBe(key);
  });
});
