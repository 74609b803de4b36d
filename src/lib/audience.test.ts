import { describe, expect, test } from 'vitest';
import { isInBuild, resolveAudience } from './audience';

describe('resolveAudience', () => {
  test('defaults to internal and accepts either audience in any case', () => {
    expect(resolveAudience(undefined)).toBe('internal');
    expect(resolveAudience('')).toBe('internal');
    expect(resolveAudience('Public')).toBe('public');
  });

  test('names the variable and the choices on a typo', () => {
    expect(() => resolveAudience('publik')).toThrow('POSTMORTEMS_AUDIENCE is `publik`; use "internal"');
  });
});

describe('isInBuild', () => {
  const internal = { audience: 'internal', includeDrafts: false } as const;
  const publicSite = { audience: 'public', includeDrafts: false } as const;

  test('the internal site has everything but drafts, which only astro dev shows', () => {
    expect(isInBuild({ status: 'published', visibility: 'internal' }, internal)).toBe(true);
    expect(isInBuild({ status: 'in-review', visibility: 'public' }, internal)).toBe(true);
    expect(isInBuild({ status: 'draft', visibility: 'public' }, internal)).toBe(false);
    expect(isInBuild({ status: 'draft', visibility: 'internal' }, { audience: 'internal', includeDrafts: true })).toBe(
      true,
    );
  });

  test('the public site has only public, published postmortems, even in astro dev', () => {
    expect(isInBuild({ status: 'published', visibility: 'public' }, publicSite)).toBe(true);
    expect(isInBuild({ status: 'published', visibility: 'internal' }, publicSite)).toBe(false);
    expect(isInBuild({ status: 'in-review', visibility: 'public' }, publicSite)).toBe(false);
    expect(isInBuild({ status: 'draft', visibility: 'public' }, { audience: 'public', includeDrafts: true })).toBe(
      false,
    );
  });
});
