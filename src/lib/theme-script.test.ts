import { Script } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { THEME_SCRIPT, THEME_SCRIPT_HASH } from './theme-script';

describe('THEME_SCRIPT', () => {
  test('stays under 1 KB, since every page carries it inline', () => {
    expect(Buffer.byteLength(THEME_SCRIPT, 'utf8')).toBeLessThan(1024);
  });

  test('is valid JavaScript, and its hash is what the Content-Security-Policy allows', () => {
    expect(() => new Script(THEME_SCRIPT)).not.toThrow();
    expect(THEME_SCRIPT_HASH).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
  });
});
