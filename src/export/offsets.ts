/** UTF-16 offsets (what the sidecar stores) → Unicode code point offsets (W3C selectors, brat). */
export type CodePointMap = (utf16Offset: number) => number;

/** Builds a converter for one document; O(length) once, O(1) per lookup. */
export function codePointOffsets(text: string): CodePointMap {
  const table = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = cp;
    const c = text.charCodeAt(i);
    // Past the end charCodeAt gives NaN, never a low surrogate: a high half at the end stays alone.
    const isPairStart = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (isPairStart) {
      // The low half of a pair maps to the same code point; an offset there rounds down.
      table[i + 1] = cp;
      i++;
    }
    cp++;
  }
  table[text.length] = cp;
  return (offset) => table[Math.min(Math.max(0, offset), text.length)];
}
