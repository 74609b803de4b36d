import { describe, expect, test } from 'vitest';
import { decodeUtf8 } from './text-encoding';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeUtf8', () => {
  test('reads UTF-8 text, dropping a byte-order mark', () => {
    expect(decodeUtf8(utf8('\uFEFFCafé ☕\n'))).toEqual({ ok: true, text: 'Café ☕\n' });
  });

  test('names Latin-1 bytes with their line, column and letter', () => {
    const bytes = Uint8Array.from([...utf8('---\ntitle: Caf'), 0xe9, ...utf8(' down\n')]);
    expect(decodeUtf8(bytes)).toMatchObject({
      ok: false,
      encoding: 'Latin-1 (ISO 8859-1) or Windows-1252',
      line: 2,
      column: 11,
      message: expect.stringContaining('byte 0xE9 (`é` in Latin-1 or Windows-1252) is not valid UTF-8') as string,
    });
  });

  test('names UTF-16 with either byte-order mark', () => {
    const little = Uint8Array.from([0xff, 0xfe, ...Buffer.from('---\n', 'utf16le')]);
    const big = Uint8Array.from([0xfe, 0xff, ...Buffer.from('---\n', 'utf16le').swap16()]);
    expect(decodeUtf8(little)).toMatchObject({ ok: false, encoding: 'UTF-16 LE', line: 1 });
    expect(decodeUtf8(big)).toMatchObject({ ok: false, encoding: 'UTF-16 BE', line: 1 });
  });

  test('recognises UTF-16 without a byte-order mark by its zero bytes', () => {
    const little = Buffer.from('---\ntitle: x\n---\n', 'utf16le');
    expect(decodeUtf8(little)).toMatchObject({ ok: false, encoding: 'UTF-16 LE' });
    expect(decodeUtf8(Buffer.from(little).swap16())).toMatchObject({ ok: false, encoding: 'UTF-16 BE' });
  });

  test('rejects a NUL byte in UTF-8 text at its place', () => {
    expect(decodeUtf8(utf8('---\n---\nab\u0000c'))).toMatchObject({
      ok: false,
      encoding: 'UTF-8 with NUL bytes',
      line: 3,
      column: 3,
    });
  });
});
