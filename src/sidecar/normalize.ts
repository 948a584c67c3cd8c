/**
 * The matching form of a text used by re-anchoring: quote marks folded to straight ones and every
 * run of white space (line breaks of any kind included) collapsed to one space. Converting curly
 * quotes, re-wrapping lines or changing line ends leaves this form unchanged, so an annotation can
 * be found again on it; the offset maps lead back to the exact original text.
 */
import { lowerBoundOf } from '../core/text';

/** The folded form of a quote mark or apostrophe, or undefined for any other code unit. */
function foldedQuote(code: number): string | undefined {
  switch (code) {
    case 0x201c: // “
    case 0x201d: // ”
    case 0x201e: // „
    case 0x201f: // ‟
    case 0x00ab: // «
    case 0x00bb: // »
    case 0x2033: // ″
      return '"';
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201a: // ‚
    case 0x201b: // ‛
    case 0x2039: // ‹
    case 0x203a: // ›
    case 0x2032: // ′
      return "'";
    default:
      return undefined;
  }
}

/** The white space of JavaScript's `\s` (line and paragraph separators, no-break space included). */
export function isWhiteSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export interface NormalizedText {
  /** The matching form. */
  text: string;
  /** For each code unit of `text`, the offset in the original where it starts. */
  starts: Int32Array;
  /** For each code unit of `text`, the offset in the original just after it (a collapsed run ends after the run). */
  ends: Int32Array;
}

/** The matching form of `original` with its maps back to original offsets. */
export function normalizeText(original: string): NormalizedText {
  const starts = new Int32Array(original.length);
  const ends = new Int32Array(original.length);
  // Unchanged stretches are copied as one slice each, so a big document makes few pieces.
  const parts: string[] = [];
  let copyFrom = 0;
  let n = 0;
  let i = 0;
  while (i < original.length) {
    const code = original.charCodeAt(i);
    const quote = foldedQuote(code);
    if (quote === undefined && !isWhiteSpaceCode(code)) {
      starts[n] = i;
      ends[n] = i + 1;
      n++;
      i++;
      continue;
    }
    parts.push(original.slice(copyFrom, i));
    let j = i + 1;
    if (quote === undefined) {
      while (j < original.length && isWhiteSpaceCode(original.charCodeAt(j))) j++;
    }
    parts.push(quote ?? ' ');
    starts[n] = i;
    ends[n] = j;
    n++;
    i = j;
    copyFrom = j;
  }
  parts.push(original.slice(copyFrom));
  return { text: parts.join(''), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** Only the matching form (for short strings such as an annotation's text or context). */
export function matchingForm(original: string): string {
  return normalizeText(original).text;
}

/** The original span of the normalized span [start, end) (end > start). */
export function originalSpan(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  return { start: norm.starts[start], end: norm.ends[end - 1] };
}

/** The normalized offset of the code unit at original offset `offset` (the first one at or after it). */
export function normalizedOffset(norm: NormalizedText, offset: number): number {
  return lowerBoundOf(norm.ends, offset + 1);
}
