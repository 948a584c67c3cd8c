/**
 * Turning a document file's bytes into text, and the one documented size limit for articles.
 *
 *   decodeDocument(bytes) → { ok: true, text } | { ok: false, problem }
 *     UTF-8 (a byte order mark is dropped), and UTF-16 LE/BE when the file starts with a byte order
 *     mark. Latin-1 or other invalid UTF-8, and NUL bytes without a UTF-16 mark (real binary files),
 *     give a one-line `problem`.
 *   MAX_ARTICLE_BYTES / articleSizeProblem(bytes): articles over the limit are refused before analysis.
 *   MAX_SIDECAR_BYTES / sidecarSizeProblem(bytes): the largest sidecar read or written; it covers
 *     the sidecar of a dense article at MAX_ARTICLE_BYTES, and writers refuse anything larger, so
 *     whatever a writer produces a reader accepts.
 *   utf8Length(text): the byte length of text once written as UTF-8.
 * Pure: `TextDecoder` is a web global available in Node and in VS Code.
 */

const MIB = 1024 * 1024;

/**
 * The largest article analysed: 2 MiB, some twenty times the longest news feature. The limit is
 * set by the sidecar it produces, not by the analysis: see MAX_SIDECAR_BYTES.
 */
export const MAX_ARTICLE_BYTES = 2 * MIB;

/**
 * The largest sidecar read or written. A dense article (a quote, a speaker and two or three figures
 * in every sentence) gives a sidecar of about 22 bytes per article byte — each annotation carries
 * its text and 64 characters of context — so an article at MAX_ARTICLE_BYTES gives about 44 MiB;
 * the limit adds a margin of half as much again (measured by `test/faults/limits.fault.ts`).
 * Degenerate texts (a figure every two characters) can give more: writers refuse those with a
 * clear message instead of writing a sidecar no reader would accept.
 */
export const MAX_SIDECAR_BYTES = 32 * MAX_ARTICLE_BYTES;

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: string };

/** `512 bytes`, `1.5 KiB`, `2 MiB`, `64.2 MiB`. */
export function formatBytes(bytes: number): string {
  const [value, unit] = bytes >= MIB ? [bytes / MIB, 'MiB'] : bytes >= 1024 ? [bytes / 1024, 'KiB'] : [bytes, 'bytes'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

function sizeProblem(what: string, bytes: number, limit: number): string | undefined {
  return bytes > limit ? `${what} too large (${formatBytes(bytes)}; the limit is ${formatBytes(limit)})` : undefined;
}

/** A one-line problem when an article of `bytes` bytes is over MAX_ARTICLE_BYTES. */
export function articleSizeProblem(bytes: number): string | undefined {
  return sizeProblem('article', bytes, MAX_ARTICLE_BYTES);
}

/** A one-line problem when a sidecar of `bytes` bytes is over `limit` (MAX_SIDECAR_BYTES by default). */
export function sidecarSizeProblem(bytes: number, limit = MAX_SIDECAR_BYTES): string | undefined {
  return sizeProblem('sidecar', bytes, limit);
}

/** Bytes of `text` in UTF-8 (lone surrogates count as the 3-byte replacement character). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): DecodeResult {
  if (bytes.length % 2 !== 0) return { ok: false, problem: 'not valid UTF-16 text (odd number of bytes)' };
  let units = bytes;
  if (bigEndian) {
    // Swap to little endian: every TextDecoder has utf-16le, not every build has utf-16be.
    units = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i += 2) {
      units[i] = bytes[i + 1];
      units[i + 1] = bytes[i];
    }
  }
  try {
    // The decoder drops the byte order mark.
    return { ok: true, text: new TextDecoder('utf-16le', { fatal: true }).decode(units) };
  } catch {
    return { ok: false, problem: 'not valid UTF-16 text (unpaired surrogate)' };
  }
}

function decodeUtf8(bytes: Uint8Array): DecodeResult {
  if (bytes.includes(0)) return { ok: false, problem: 'binary file (contains NUL bytes and no UTF-16 byte order mark)' };
  try {
    // The decoder drops a UTF-8 byte order mark.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: 'not valid UTF-8 text (Latin-1? convert it to UTF-8)' };
  }
}

export function decodeDocument(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, false);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, true);
  return decodeUtf8(bytes);
}
