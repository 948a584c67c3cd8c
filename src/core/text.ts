/** Low-level text helpers: character classes, lines, word tokens, sentences. Pure. */
import { CURRENCY_SYMBOLS } from './lexicon';
import type { Span } from './types';
import { work } from './work';

/** 1 = letter or digit, 2 = upper-case letter, 4 = lower-case letter, 16 = letter; 8 = not yet computed. Filled lazily. */
const CLASS = new Uint8Array(65536).fill(8);
for (let c = 0; c < 128; c++) computeClass(c);
/** Works out the class bits of code unit c and stores them (see `charClass`, which reads them). */
function computeClass(c: number): number {
  const ch = String.fromCharCode(c);
  let v = 0;
  if (c < 0xd800 || c > 0xdfff) {
    if (/[\p{L}\p{N}]/u.test(ch)) v |= 1;
    if (/\p{Lu}/u.test(ch)) v |= 2;
    if (/\p{Ll}/u.test(ch)) v |= 4;
    if (/\p{L}/u.test(ch)) v |= 16;
  }
  CLASS[c] = v;
  return v;
}
/**
 * Per code unit: a quote mark (" ' « » ¿ ‘ ’ “ ”), a sentence-ending mark (. ! ? …), a symbol the
 * figure scan reads (% / @ and the currency symbols) or none of them (0).
 */
const QUOTE_MARK = 1;
const TERMINAL_MARK = 2;
const SYMBOL_MARK = 3;
const MARK_KIND = new Uint8Array(65536);
for (const c of '"\'«»¿‘’“”') MARK_KIND[c.charCodeAt(0)] = QUOTE_MARK;
for (const c of '.!?…') MARK_KIND[c.charCodeAt(0)] = TERMINAL_MARK;
for (const c of `%/@${CURRENCY_SYMBOLS}`) MARK_KIND[c.charCodeAt(0)] = SYMBOL_MARK;

/** Quote marks: " ' « » ¿ ‘ ’ “ ” */
export function isQuoteMarkCode(c: number): boolean {
  return MARK_KIND[c] === QUOTE_MARK;
}

/** . ! ? … */
export function isTerminalCode(c: number): boolean {
  return MARK_KIND[c] === TERMINAL_MARK;
}

const wordAt = (text: string, i: number): boolean => i < text.length && (charClass(text.charCodeAt(i)) & 1) !== 0;

export const isWordChar = (c: string | undefined): boolean => c !== undefined && c.length > 0 && (charClass(c.charCodeAt(0)) & 1) !== 0;
export const isUpper = (c: string | undefined): boolean => c !== undefined && c.length > 0 && (charClass(c.charCodeAt(0)) & 2) !== 0;
export const isLower = (c: string | undefined): boolean => c !== undefined && c.length > 0 && (charClass(c.charCodeAt(0)) & 4) !== 0;
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x1680 || c === 0x85 || c === 0xfeff;
}
export const isSpace = (c: string | undefined): boolean => c !== undefined && c.length > 0 && isSpaceCode(c.charCodeAt(0));
/** A character of regex `\s`, which is also what `trim` removes: `isSpaceCode` without U+0085. */
export const isRegexSpaceCode = (c: number): boolean => c !== 0x85 && isSpaceCode(c);

export interface Line extends Span {
  /** Text without the line break. */
  text: string;
}

/** A code unit that is the first (high) half of a surrogate pair. */
export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** A code unit that is the second (low) half of a surrogate pair. */
export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** A code unit that ends a line: LF, CR (alone or before LF), U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR. */
export function isLineBreakCode(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** Offset of the first line break (`isLineBreakCode`) in text[from, to), or `to` when there is none. */
export function lineBreakIn(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (isLineBreakCode(text.charCodeAt(i))) return i;
  return to;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/g;

/**
 * Splits into lines at every line ending (LF, CRLF, a lone CR, U+2028, U+2029); offsets are into the
 * text as it is and exclude the line break. A blank line made of any of them is an empty line.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  // Most texts end their lines with LF alone: then `indexOf` finds them, faster than any other search.
  const lfOnly = text.indexOf('\r') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0;
  let start = 0;
  for (;;) {
    let end: number;
    if (lfOnly) {
      end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
    } else {
      LINE_BREAK.lastIndex = start;
      end = LINE_BREAK.test(text) ? LINE_BREAK.lastIndex - 1 : text.length;
    }
    lines.push({ start, end, text: text.slice(start, end) });
    if (end === text.length) break;
    // CRLF is one line ending.
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  return lines;
}

/**
 * Paragraphs: one per line for texts that put each paragraph on one line; for hard-wrapped texts
 * (short lines, paragraphs separated by blank lines) consecutive lines join into one paragraph.
 * Lines in `keepApart` (headlines, tweets) always stay paragraphs of their own.
 */
export function paragraphsOf(text: string, lines: readonly Line[], keepApart: ReadonlySet<number>): { paragraphs: Line[]; apart: Set<number> } {
  const nonEmpty = lines.filter((l) => l.end > l.start);
  let joined = 0;
  let longest = 0;
  for (let n = 0; n < lines.length; n++) {
    const l = lines[n];
    if (l.end === l.start) continue;
    longest = Math.max(longest, l.end - l.start);
    if (n + 1 < lines.length && lines[n + 1].end > lines[n + 1].start) joined++;
  }
  const wrapped = nonEmpty.length >= 3 && longest <= 120 && joined >= nonEmpty.length * 0.4;
  const paragraphs: Line[] = [];
  const apart = new Set<number>();
  for (let n = 0; n < lines.length; n++) {
    const l = lines[n];
    if (l.end === l.start) continue;
    if (!wrapped || keepApart.has(n)) {
      if (keepApart.has(n)) apart.add(paragraphs.length);
      paragraphs.push(l);
      continue;
    }
    let m = n;
    while (m + 1 < lines.length && lines[m + 1].end > lines[m + 1].start && !keepApart.has(m + 1)) m++;
    const start = l.start;
    const end = lines[m].end;
    paragraphs.push({ start, end, text: text.slice(start, end) });
    n = m;
  }
  return { paragraphs, apart };
}

/**
 * The word tokens of a text as parallel arrays (no object per token: a 1 MB article has about
 * 170,000 tokens): token k spans `start[k]`..`end[k]`, with surface `w(k)` and folded form `lw(k)`.
 * A word repeated through the text is one string. Outside 0..length-1, `w` and `lw` give undefined.
 */
export class Tokens {
  constructor(
    readonly length: number,
    readonly start: Int32Array,
    readonly end: Int32Array,
    /** Per token: the index of its word in `words` and `folds`. */
    private readonly ids: Int32Array,
    private readonly words: readonly string[],
    private readonly folds: readonly string[],
    /** The code units of the whole text, in a typed array: read several times faster than with `charCodeAt`. */
    readonly units: Uint16Array,
    /** Offsets of the quote marks (`isQuoteMarkCode`), in order. */
    readonly quoteMarks: readonly number[],
    /** Offsets of the sentence-ending marks (. ! ? …), in order. */
    readonly terminals: readonly number[],
    /** Offsets of the symbols the figure scan reads (% / @ and the currency symbols), in order. */
    readonly symbols: readonly number[],
  ) {}

  /** Whether token k starts with a capital letter. */
  capitalised(k: number): boolean {
    return (charClass(this.units[this.start[k]]) & 2) !== 0;
  }

  /** Surface text of token k. */
  w(k: number): string {
    return this.words[this.ids[k]];
  }

  /** Lower-case form of token k, with curly apostrophes and `¿` folded to `'`. */
  lw(k: number): string {
    return this.folds[this.ids[k]];
  }

  /** Whether k is a token index. */
  has(k: number): boolean {
    return k >= 0 && k < this.length;
  }

  /** Index of token k's word among the distinct words of the text (undefined outside the list). */
  wordId(k: number): number | undefined {
    return this.ids[k];
  }

  /** How many distinct words the text has. */
  get wordCount(): number {
    return this.words.length;
  }
}

/** A word list (only `has` is used). */
export type WordList = ReadonlySet<string> | ReadonlyMap<string, unknown>;

/** Per array of word lists (module constants, never changed): every listed word with the mask of the lists that hold it. */
const LIST_INDEXES = new WeakMap<readonly WordList[], ReadonlyMap<string, number>>();
/** One lookup answers for all the lists at once (an attributor asks about 21 of them). */
function listIndex(lists: readonly WordList[]): ReadonlyMap<string, number> {
  let index = LIST_INDEXES.get(lists);
  if (index === undefined) {
    const m = new Map<string, number>();
    for (let b = 0; b < lists.length; b++) for (const w of lists[b].keys()) m.set(w, (m.get(w) ?? 0) | (1 << b));
    LIST_INDEXES.set(lists, m);
    index = m;
  }
  return index;
}

/**
 * Which of some word lists each token's word is in, as a bit mask (bit b: `lists[b]`), looked up
 * once per distinct word of the text instead of once per token. `key` turns the folded word into
 * the form the lists hold (by default the folded word itself).
 */
export class WordClasses {
  private readonly memo: Int32Array;
  private readonly index: ReadonlyMap<string, number>;

  constructor(
    private readonly tokens: Tokens,
    lists: readonly WordList[],
    private readonly key: (lw: string) => string = (lw) => lw,
  ) {
    if (lists.length > 30) throw new Error('at most 30 word lists');
    this.memo = new Int32Array(tokens.wordCount);
    this.index = listIndex(lists);
  }

  /** The mask of token k's word; 0 outside the token list. */
  of(k: number): number {
    const id = this.tokens.wordId(k);
    if (id === undefined) return 0;
    let v = this.memo[id];
    if (v === 0) {
      v = (1 << 30) | (this.index.get(this.key(this.tokens.lw(k))) ?? 0); // bit 30: known
      this.memo[id] = v;
    }
    return v;
  }

  /** Token k's word is in list `bit` (a mask of one or more bits: in any of them). */
  is(k: number, bits: number): boolean {
    return (this.of(k) & bits) !== 0;
  }
}

/** Abbreviations that keep their final dot in a token ("Mr."). */
const ABBREVIATION_WORDS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Adm', 'Sgt', 'Sen', 'Rep', 'Del', 'Gov', 'Prof', 'Rev', 'St', 'No', 'Jr', 'Sr']);

export function fold(s: string): string {
  const lower = s.toLowerCase();
  return lower.indexOf('’') >= 0 || lower.indexOf('¿') >= 0 || lower.indexOf('‘') >= 0 ? lower.replace(/[’¿‘]/g, "'") : lower;
}

/**
 * The distinct words of one text, in an open-addressing hash table: a word repeated through the
 * text is found again without slicing it out, and its fold is computed once.
 */
class WordTable {
  readonly words: string[] = [];
  readonly folds: string[] = [];
  /** Per word: its hash, the offset of its first occurrence and its length (the characters are compared in the text itself). */
  private hashes = new Int32Array(1024);
  private firsts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  /** Per word: 0 / 1 / 2 = abbreviation not yet known / keeps a following dot / does not. */
  private abbreviation = new Uint8Array(1024);
  /** Slots: 1 + word index, 0 for empty. */
  private slots = new Int32Array(4096);

  /** Index of the word text[start, end) (whose hash is h; `units` are the text's code units), adding it if new. */
  id(text: string, units: Uint16Array, start: number, end: number, h: number): number {
    const len = end - start;
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = this.slots[slot];
      if (v === 0) return this.add(slot, text, start, end, h);
      const id = v - 1;
      if (this.hashes[id] === h && this.lengths[id] === len && sameUnits(units, this.firsts[id], start, len)) return id;
    }
  }

  private add(slot: number, text: string, start: number, end: number, h: number): number {
    const id = this.words.length;
    const word = text.slice(start, end);
    this.words.push(word);
    this.folds.push(isPlain(word) ? word : fold(word));
    if (id === this.hashes.length) {
      this.hashes = grown(this.hashes, id * 2);
      this.firsts = grown(this.firsts, id * 2);
      this.lengths = grown(this.lengths, id * 2);
      const abbreviation = new Uint8Array(id * 2);
      abbreviation.set(this.abbreviation);
      this.abbreviation = abbreviation;
    }
    this.hashes[id] = h;
    this.firsts[id] = start;
    this.lengths[id] = end - start;
    this.slots[slot] = id + 1;
    // Kept at most half full: doubled and refilled.
    if (this.words.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      const mask = this.slots.length - 1;
      for (let w = 0; w < this.words.length; w++) {
        let s = this.hashes[w] & mask;
        while (this.slots[s] !== 0) s = (s + 1) & mask;
        this.slots[s] = w + 1;
      }
    }
    return id;
  }

  /** An abbreviation that keeps a following dot ("Mr", "U.S"). */
  isAbbreviation(id: number): boolean {
    let v = this.abbreviation[id];
    if (v === 0) {
      const w = this.words[id];
      // "Mr", "U.S", and middle initials ("Harry M. Reid").
      v = ABBREVIATION_WORDS.has(w) || /^(?:\p{Lu}\.)*\p{Lu}$/u.test(w) ? 1 : 2;
      this.abbreviation[id] = v;
    }
    return v === 1;
  }
}

/** "said.Trump": a dot between a lower-case letter and a capital is a sentence end missing its space, not "t.co" or "U.S". */
function missingSpace(text: string, dot: number): boolean {
  return (charClass(text.charCodeAt(dot - 1)) & 4) !== 0 && (charClass(text.charCodeAt(dot + 1)) & 2) !== 0 && (charClass(text.charCodeAt(dot + 2)) & 4) !== 0;
}

/** Only ASCII characters and no capitals: the word is its own fold. */
function isPlain(w: string): boolean {
  for (let j = 0; j < w.length; j++) {
    const c = w.charCodeAt(j);
    if (c >= 128 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

/** The code units at a and at b are the same for len units. */
function sameUnits(units: Uint16Array, a: number, b: number, len: number): boolean {
  for (let j = 0; j < len; j++) if (units[a + j] !== units[b + j]) return false;
  return true;
}

/**
 * Word tokens: letters and digits, joined through inner apostrophes (’ ' ¿), dots ("t.co", "3.79",
 * "U.S"), and hyphens before a lower-case letter or digit ("pre-2014", "well-known"). Abbreviations
 * keep their final dot ("Mr.", "U.S.").
 */
export function tokenize(text: string): Tokens {
  const n = text.length;
  // The text's code units, copied as this loop reads them in order (look-aheads read the string):
  // the word table compares words here, and `Tokens.units` hands them on to the other scans.
  const units = new Uint16Array(n);
  // Room for a word every 4 characters (news prose averages about 6), so the arrays rarely grow; trimmed at the end.
  let cap = (n >> 2) + 16;
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let ids = new Int32Array(cap);
  const table = new WordTable();
  // Where the quote marks, the sentence-ending marks and the figure symbols are (for the quote, sentence and figure scans).
  const quoteMarks: number[] = [];
  const terminals: number[] = [];
  const symbols: number[] = [];
  /** The lists by mark kind (`MARK_KIND`; kind 0, no mark, is never pushed to). */
  const marksOf: number[][] = [[], quoteMarks, terminals, symbols];
  let count = 0;
  let i = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    units[i] = code;
    let cls = CLASS[code];
    if (cls === 8) cls = computeClass(code);
    if ((cls & 1) === 0) {
      const mark = MARK_KIND[code];
      if (mark !== 0) marksOf[mark].push(i);
      i++;
      continue;
    }
    const start = i;
    // Hash of the word's characters, for the word table.
    let h = code;
    i++;
    for (;;) {
      while (i < n) {
        code = text.charCodeAt(i);
        units[i] = code;
        // (Lower-case ASCII letters, most of a word's characters, skip the class table.)
        if (code - 97 >>> 0 >= 26) {
          cls = CLASS[code];
          if (cls === 8) cls = computeClass(code);
          if ((cls & 1) === 0) break;
        }
        h = (Math.imul(h, 31) + code) | 0;
        i++;
      }
      if (i >= n) break;
      // code is the character at i (not a word character)
      if ((code === 0x2019 /* ’ */ || code === 39 /* ' */ || code === 0xbf /* ¿ */ || code === 46 /* . */) && wordAt(text, i + 1) && !(code === 46 && missingSpace(text, i))) {
        marksOf[MARK_KIND[code]].push(i);
        h = (Math.imul(h, 31) + code) | 0;
        i += 1;
        continue;
      }
      if (code === 45 /* - */ && i + 1 < n) {
        const next = text.charCodeAt(i + 1);
        if ((charClass(next) & 4) !== 0 || (next >= 48 && next <= 57)) {
          h = (Math.imul(h, 31) + code) | 0;
          i += 1;
          continue;
        }
      }
      break;
    }
    let id = table.id(text, units, start, i, h);
    // Abbreviations keep their final dot ("Mr.", "U.S.").
    if (code === 46 && i < n && table.isAbbreviation(id)) {
      terminals.push(i);
      i++;
      id = table.id(text, units, start, i, (Math.imul(h, 31) + 46) | 0);
    }
    if (count === cap) {
      cap *= 2;
      starts = grown(starts, cap);
      ends = grown(ends, cap);
      ids = grown(ids, cap);
    }
    starts[count] = start;
    ends[count] = i;
    ids[count] = id;
    count++;
    if (i < n && code !== 46) {
      // The character that ended the word (code, at i) is read already: passed here, not read again.
      // (A dot is left to the loop: an abbreviation may have taken it.)
      const mark = MARK_KIND[code];
      if (mark !== 0) marksOf[mark].push(i);
      i++;
    }
  }
  return new Tokens(count, starts.subarray(0, count), ends.subarray(0, count), ids.subarray(0, count), table.words, table.folds, units, quoteMarks, terminals, symbols);
}

function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Index of the first token whose start is >= offset (binary search). */
export function tokenAt(tokens: Tokens, offset: number): number {
  return lowerBoundOf(tokens.start, offset);
}

/**
 * `tokenAt`, searched from a hint (a token index near the answer): it gallops from the hint, then
 * bisects, so lookups that move forward through a text cost a few steps each.
 */
export function tokenAtFrom(tokens: Tokens, offset: number, hint: number): number {
  const starts = tokens.start;
  const n = tokens.length;
  const h = hint < 0 ? 0 : hint > n ? n : hint;
  // The answer lies in [lo, hi].
  let lo: number;
  let hi: number;
  if (h > 0 && starts[h - 1] >= offset) {
    hi = h - 1;
    let step = 1;
    lo = hi - step;
    while (lo > 0 && starts[lo - 1] >= offset) {
      hi = lo - 1;
      step *= 2;
      lo = hi - step;
    }
    if (lo < 0) lo = 0;
  } else {
    lo = h;
    hi = h;
    let step = 1;
    while (hi < n && starts[hi] < offset) {
      lo = hi + 1;
      hi = lo + step;
      step *= 2;
    }
    if (hi > n) hi = n;
  }
  return lowerBoundOf(starts, offset, lo, hi);
}

/** Sorts spans by start (stable); spans already in order, the usual case, are left as they are. */
export function sortByStart<T extends Span>(spans: T[]): void {
  for (let k = 1; k < spans.length; k++) {
    if (spans[k].start < spans[k - 1].start) {
      spans.sort((a, b) => a.start - b.start);
      return;
    }
  }
}

/** Index of the first number >= value in a sorted array, looked for in [lo, hi] (the whole array by default). */
export function lowerBoundOf(sorted: ArrayLike<number>, value: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first span whose start is >= offset among spans[0, n), sorted by start. */
export function lowerBound(spans: readonly Span[], offset: number, n = spans.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** End offset of token k without its possessive ending ("Trump" in "Trump's", "countries’"), or -1 when it has none. */
export function possessiveEnd(tokens: Tokens, k: number): number {
  const units = tokens.units;
  const start = tokens.start[k];
  const end = tokens.end[k];
  if (units[end - 1] !== 115 /* s */) return -1;
  if (end - start > 2) {
    const a = units[end - 2];
    if (a === 39 || a === 0x2019 || a === 0xbf) return end - 2;
  }
  const next = units[end];
  if ((next === 0x2019 || next === 39) && !(end + 1 < units.length && (charClass(units[end + 1]) & 1) !== 0)) return end;
  return -1;
}

/** Character class bits of a UTF-16 code unit: 1 letter or digit, 2 upper-case, 4 lower-case, 16 letter. */
export function charClass(c: number): number {
  const v = CLASS[c];
  return v === 8 ? computeClass(c) : v;
}

/** Words whose dot ends no sentence: the abbreviations that keep their dot in a token, and more. */
const ABBREVIATIONS = new Set([...[...ABBREVIATION_WORDS].map((w) => w.toLowerCase()), 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'approx', 'est', 'fig']);

/**
 * Sentence spans of one line. `atomic` spans (quotes) are never split inside; a sentence may end
 * right after an atomic span whose text ends with terminal punctuation.
 */
export function splitSentences(text: string, line: Line, atomic: readonly Span[]): Span[] {
  return splitSentencesInto(text, line, atomic, []);
}

/** `splitSentences`, appending to `out`; `terminals` are the offsets of the text's . ! ? … marks (`Tokens.terminals`). */
export function splitSentencesInto(text: string, line: Line, atomic: readonly Span[], out: Span[], terminals: readonly number[] = tokenize(text).terminals): Span[] {
  // The next terminal mark at or after i, once looked for (terminals[t], or the line end).
  let next = -1;
  let t = lowerBoundOf(terminals, line.start);
  let start = skipSpace(text, line.start, line.end);
  let k = lowerBound(atomic, line.start);
  // atomic spans may start before line.start only if they cross lines (they do not).
  let i = start;
  while (i < line.end) {
    const a = atomic[k];
    if (a && a.start <= i && i < a.end) {
      // Inside a quote: jump to its end; it is a boundary if the quote ends a sentence.
      i = a.end;
      k++;
      // The quote's text without its closing marks ends with terminal punctuation.
      let e = a.end;
      while (e > a.start && isQuoteMarkCode(text.charCodeAt(e - 1))) e--;
      if (e > a.start && isTerminalCode(text.charCodeAt(e - 1)) && boundaryFollows(text, i, line.end)) {
        out.push({ start, end: i });
        start = skipSpace(text, i, line.end);
        i = start;
      }
      continue;
    }
    if (a && a.end <= i) {
      k++;
      continue;
    }
    // Fast path: skip to the next terminal mark before the next atomic span (nothing else matters in between).
    const stop = a && a.start < line.end ? a.start : line.end;
    if (next < i) {
      while (t < terminals.length && terminals[t] < i) t++;
      next = t < terminals.length && terminals[t] < line.end ? terminals[t] : line.end;
    }
    i = next < stop ? next : stop;
    if (i >= stop) continue;
    const c = text.charCodeAt(i);
    let j = i + 1;
    while (j < line.end && AFTER_TERMINAL_CODES.has(text.charCodeAt(j)) && !(atomic[k] && atomic[k].start === j)) j++;
    if (boundaryFollows(text, j, line.end) && !(c === 46 && isAbbreviationBefore(text, i))) {
      out.push({ start, end: j });
      start = skipSpace(text, j, line.end);
      i = start;
      continue;
    }
    i = j;
  }
  if (start < line.end) {
    let end = line.end;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** The character codes of `chars`, as a set. */
export function codes(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((c) => c.charCodeAt(0)));
}

/** Marks that can open a quote: " “ ‘ ' ¿ « */
export const OPENING_MARK_CODES = codes('"“‘\'¿«');

/** Characters that may follow a terminal mark within the same sentence end. */
const AFTER_TERMINAL_CODES = codes('.!?…)]"”’\'');
/** Characters other than capitals that may open a new sentence. */
const SENTENCE_OPENER_CODES = codes('“‘"\'¿«(0123456789—–-');

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

function boundaryFollows(text: string, i: number, end: number): boolean {
  if (i >= end) return true;
  if (!isSpaceCode(text.charCodeAt(i))) return false;
  const j = skipSpace(text, i, end);
  if (j >= end) return true;
  const c = text.charCodeAt(j);
  return (charClass(c) & 2) !== 0 || SENTENCE_OPENER_CODES.has(c);
}

const abbreviationCache = new Map<string, boolean>();
function isAbbreviationBefore(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0) {
    const c = text.charCodeAt(s - 1);
    // Letters, and dots that join letters into one word as the tokenizer does ("e.g", "U.S"): not a
    // dot after a non-letter ("paused...Dr.") or a sentence end missing its space ("said.Mr.").
    if (c === 46 ? (charClass(text.charCodeAt(s - 2)) & 16) === 0 || missingSpace(text, s - 1) : (charClass(c) & 16) === 0) break;
    s--;
  }
  // Memoised per word: the answer depends only on the letters and dots before the dot.
  const before = text.slice(s, dot);
  let v = abbreviationCache.get(before);
  if (v === undefined) {
    v = ABBREVIATIONS.has(before.toLowerCase()) || /^(?:\p{L}\.)*\p{Lu}$/u.test(before) || /^(?:\p{L}\.)+\p{L}$/u.test(before);
    if (abbreviationCache.size >= 20_000) abbreviationCache.clear();
    abbreviationCache.set(before, v);
  }
  return v;
}

/** Kebab-case ASCII id of a name: "José Manuel Albares" → "jose-manuel-albares". */
export function kebab(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/['’¿.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^the-(?=.)/, '');
  return id || 'entity';
}

/** a and b (different, lengths at most one apart) are one insertion, deletion, substitution or swap of neighbours apart. */
function oneEditApart(a: string, b: string): boolean {
  const long = a.length >= b.length ? a : b;
  const short = long === a ? b : a;
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
  if (long.length !== short.length) return long.startsWith(short.slice(i), i + 1);
  if (long.startsWith(short.slice(i + 1), i + 1)) return true;
  return i + 1 < long.length && long.charCodeAt(i) === short.charCodeAt(i + 1) && long.charCodeAt(i + 1) === short.charCodeAt(i) && long.startsWith(short.slice(i + 2), i + 2);
}

/**
 * Optimal-string-alignment edit distance (a transposition counts as one edit: "Kier" ~ "Keir"), exact
 * up to `max`; above it, some number greater than `max`. Only the band of the table within `max` of
 * its diagonal is filled (a cell farther out is above `max`), three rows of it, so two long words
 * cost their length times the band, not one length times the other; it stops at the first row
 * whose every cell is above `max` (no later cell can come back under it).
 */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (a === b) return 0;
  if (max <= 1) return oneEditApart(a, b) ? 1 : 2;
  const over = max + 1;
  let before = new Array<number>(lb + 1).fill(over); // row i - 2
  let prev = new Array<number>(lb + 1).fill(over);
  let cur = new Array<number>(lb + 1).fill(over);
  for (let j = 0; j <= Math.min(lb, max); j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    const ca = a.charCodeAt(i - 1);
    const from = Math.max(1, i - max);
    const to = Math.min(lb, i + max);
    // The cells left of the band read as above `max`; column 0 is i while i is within the band.
    cur[from - 1] = from === 1 && i <= max ? i : over;
    let rowMin = cur[from - 1];
    for (let j = from; j <= to; j++) {
      work.steps++;
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && before[j - 2] + 1 < v) v = before[j - 2] + 1;
      if (v > over) v = over;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // The cell right of the band, which the next row reads above it, is above `max` too.
    if (to < lb) cur[to + 1] = over;
    if (rowMin > max) return over;
    const spare = before;
    before = prev;
    prev = cur;
    cur = spare;
  }
  return prev[lb];
}
