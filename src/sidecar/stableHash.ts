/**
 * A cheap, stable, non-cryptographic hash for annotation ids: FNV-1a (32-bit) over the UTF-16 code
 * units of a string, run in two lanes that start from different offset bases, so that an id can
 * carry more than 32 bits. It uses only 32-bit integer arithmetic (`Math.imul`, `^`, `>>> 0`), so
 * every engine on every platform gives the same digits, run after run.
 *
 * Not for security or integrity (the document hash stays SHA-256): ids only need to be stable and
 * to collide rarely; the store salts the rare collision away.
 */

/** The 32-bit FNV prime. */
const FNV_PRIME = 0x01000193;
/** The standard 32-bit FNV offset basis: the first lane is plain FNV-1a for ASCII text. */
export const FNV_OFFSET_BASIS = 0x811c9dc5;
/** The second lane's basis: any other constant works; this is the 32-bit golden ratio. */
const SECOND_LANE_BASIS = 0x9e3779b9;

/**
 * FNV-1a over the UTF-16 code units of `text` (one xor-multiply step per code unit, so ASCII text
 * hashes exactly as its bytes do), as an unsigned 32-bit number.
 */
export function fnv1a32(text: string, basis = FNV_OFFSET_BASIS): number {
  let hash = basis;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** The two hex digits of each byte value. */
const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * 8 lower-case hex digits of an unsigned 32-bit number, a byte at a time: `n.toString(16)` is over
 * ten times slower for numbers above 2^31, and a 1 MB article needs some 50,000 of these.
 */
function hex8(n: number): string {
  return HEX_BYTE[n >>> 24] + HEX_BYTE[(n >>> 16) & 0xff] + HEX_BYTE[(n >>> 8) & 0xff] + HEX_BYTE[n & 0xff];
}

/** 16 lower-case hex digits: the first lane's 8, then the second lane's 8. */
export function stableHashHex(text: string): string {
  return hex8(fnv1a32(text, FNV_OFFSET_BASIS)) + hex8(fnv1a32(text, SECOND_LANE_BASIS));
}
