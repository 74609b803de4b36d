/**
 * Reading a postmortem's bytes as text, strictly: a file that is not UTF-8
 * (Latin-1 bytes, UTF-16) or holds NUL bytes is reported with the encoding it
 * seems to be in, instead of being read with U+FFFD in place of its letters.
 */
import { readFile } from 'node:fs/promises';
import type { Problem } from './errors';
import type { SourcePosition } from './frontmatter';

/** Why a file's bytes are not text we read: what they seem to be, where, and the fix. */
export interface EncodingFailure extends SourcePosition {
  /** The encoding the bytes look like, e.g. `UTF-16 LE` or `Latin-1 (ISO 8859-1) or Windows-1252`. */
  encoding: string;
  message: string;
}

/** A file's bytes as text, or why they are not UTF-8 text. */
export type DecodedText = { ok: true; text: string } | ({ ok: false } & EncodingFailure);

const SAVE_AS_UTF8 =
  'save the file as UTF-8 (in most editors: "Save with encoding" or "Reopen with encoding", then UTF-8)';

/** A decoder that throws on the first byte that is not UTF-8; a leading byte-order mark is dropped. */
const strictDecoder = () => new TextDecoder('utf-8', { fatal: true });

/** Bytes sampled to tell UTF-16 without a byte-order mark from UTF-8 with a stray NUL. */
const UTF16_SAMPLE = 512;

/** `UTF-16 LE` or `UTF-16 BE` when at least a third of the sampled code units have a zero byte on one side, as ASCII text in UTF-16 has. */
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
  const units = Math.floor(Math.min(bytes.length, UTF16_SAMPLE) / 2);
  if (units === 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < units * 2; index += 2) {
    if (bytes[index] === 0) evenZeros++;
    if (bytes[index + 1] === 0) oddZeros++;
  }
  if (oddZeros * 3 >= units && oddZeros > evenZeros) return 'UTF-16 LE';
  if (evenZeros * 3 >= units && evenZeros > oddZeros) return 'UTF-16 BE';
  return undefined;
}

/** The offset of the first byte that does not start or continue a valid UTF-8 character. */
function firstInvalidByte(bytes: Uint8Array): number {
  // A prefix that fails stays failed when it grows, so a binary search finds the first failing one.
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      strictDecoder().decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  // The longest prefix may end inside a character the next byte broke: the bad character starts where it does.
  const complete = (length: number) => {
    try {
      strictDecoder().decode(bytes.subarray(0, length));
      return true;
    } catch {
      return false;
    }
  };
  let start = low;
  while (start > 0 && low - start < 3 && !complete(start)) start--;
  return start;
}

/** Line and column (1-based; columns in UTF-16 code units, as the YAML positions count) of the byte at `offset`, all bytes before it being UTF-8. */
function positionOf(bytes: Uint8Array, offset: number): SourcePosition {
  const before = strictDecoder().decode(bytes.subarray(0, offset), { stream: true });
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Decodes `bytes` as UTF-8, or says which encoding they seem to be in and where the first byte that is not UTF-8 is. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const fail = (encoding: string, position: SourcePosition, message: string): DecodedText => ({
    ok: false,
    encoding,
    ...position,
    message,
  });
  const start = { line: 1, column: 1 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return fail('UTF-16 LE', start, `the file is UTF-16 LE (it starts with that byte-order mark); ${SAVE_AS_UTF8}`);
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return fail('UTF-16 BE', start, `the file is UTF-16 BE (it starts with that byte-order mark); ${SAVE_AS_UTF8}`);
  const utf16 = bytes.includes(0) ? utf16WithoutBom(bytes) : undefined;
  if (utf16) return fail(utf16, start, `the file looks like ${utf16} without a byte-order mark; ${SAVE_AS_UTF8}`);

  let text: string;
  try {
    text = strictDecoder().decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    const byte = bytes[offset]!;
    const asLatin1 = new TextDecoder('windows-1252').decode(bytes.subarray(offset, offset + 1));
    return fail(
      'Latin-1 (ISO 8859-1) or Windows-1252',
      positionOf(bytes, offset),
      `the file is not UTF-8: byte ${hex(byte)} (\`${asLatin1}\` in Latin-1 or Windows-1252) is not valid UTF-8; ${SAVE_AS_UTF8}`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1)
    return fail(
      'UTF-8 with NUL bytes',
      positionOf(bytes, nul),
      'NUL byte (\\x00) in the file: it is not text a page can show; delete it (it often comes from a binary paste or a UTF-16 copy)',
    );
  return { ok: true, text };
}

/** Reads the file at `path` as strict UTF-8 (see `decodeUtf8`). */
export async function readUtf8(path: string): Promise<DecodedText> {
  return decodeUtf8(await readFile(path));
}

/** The problem to report for a file that is not UTF-8 text. */
export function encodingProblem(file: string, failure: EncodingFailure): Problem {
  return {
    file,
    line: failure.line,
    column: failure.column,
    severity: 'error',
    message: failure.message,
    rule: 'encoding',
  };
}

/** Thrown where many files are read at once and one is not UTF-8 text. */
export class TextEncodingError extends Error {
  /** The file's absolute path. */
  readonly path: string;
  readonly failure: EncodingFailure;

  constructor(path: string, failure: EncodingFailure) {
    super(`${path}:${failure.line}:${failure.column}: ${failure.message}`);
    this.name = 'TextEncodingError';
    this.path = path;
    this.failure = failure;
  }
}
