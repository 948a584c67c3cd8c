/**
 * Quote spans: straight and curly marks, `¿` as a corrupted mark, apostrophes told apart from
 * quote marks, interrupted quotes, multi-paragraph and merged-paragraph pieces, nested quotes.
 */
import { FINITE_AUX, PREDICATE_STARTS, RELATIVE_PRONOUNS, SUBJECT_PRONOUNS } from './lexicon';
import { charClass, codes, isQuoteMarkCode, isRegexSpaceCode, isSpaceCode, isTerminalCode, OPENING_MARK_CODES, tokenAtFrom, tokenize, type Line, type Tokens } from './text';
import type { QuoteKind, Span } from './types';
import { work } from './work';

type Family = 'double' | 'single' | 'guillemet';
type Role = 'open' | 'close' | 'either';

interface Mark {
  pos: number;
  family: Family;
  role: Role;
  /** A closer that may be a plural possessive ("members’ soldiers"). */
  weak: boolean;
}

export interface RawQuote extends Span {
  closed: boolean;
  kind: QuoteKind;
}

/** Characters before an opening mark (besides white space): ( [ { — – - / : " “ ‘ « */
const OPEN_CONTEXT = codes('([{—–-/:"“‘«');
/** Characters after a closing mark (besides white space). */
const CLOSE_CONTEXT = codes('.,;:!?)]}—–-…"”’\'¿»');

/** A curly double mark typed the wrong way round, from the codes around it (NaN at a line end): ” that opens (`opener`) or “ that closes. */
function mistypedCurly(prev: number, next: number, opener: boolean): boolean {
  if (opener) return prev !== prev || (isSpaceCode(prev) && next === next && (charClass(next) & 1) !== 0);
  return prev === prev && ((charClass(prev) & 1) !== 0 || prev === 44 /* , */ || prev === 46 /* . */) && (next !== next || isSpaceCode(next));
}

/** Classifies the quote mark at i; character codes outside the line read as NaN (start or end of line). */
function classify(text: string, i: number, lineStart: number, lineEnd: number): Mark | null {
  const c = text.charCodeAt(i);
  const prev = i > lineStart ? text.charCodeAt(i - 1) : NaN;
  const next = i + 1 < lineEnd ? text.charCodeAt(i + 1) : NaN;
  switch (c) {
    case 0x201c: // “, or a mistyped closer: after a word or a comma and before a space or the end ("not,“ he said")
      return { pos: i, family: 'double', role: mistypedCurly(prev, next, false) ? 'close' : 'open', weak: false };
    case 0x201d: // ”, or a mistyped opener: at the start of a line, or after a space and before a word ("”We are done")
      return { pos: i, family: 'double', role: mistypedCurly(prev, next, true) ? 'open' : 'close', weak: false };
    case 0xab: // «
      return { pos: i, family: 'guillemet', role: 'open', weak: false };
    case 0xbb: // »
      return { pos: i, family: 'guillemet', role: 'close', weak: false };
    default:
      break;
  }
  const prevWord = prev === prev && (charClass(prev) & 1) !== 0;
  const nextWord = next === next && (charClass(next) & 1) !== 0;
  if (c === 0x2018 /* ‘ */) {
    if (prevWord && nextWord) return null;
    return { pos: i, family: 'single', role: 'open', weak: false };
  }
  if (isApostropheCode(c) && prevWord && nextWord) return null; // don't, Britain's, Trump¿s
  if (andContractionAt(text, i, lineStart, lineEnd) || andContractionAt(text, i - 2, lineStart, lineEnd)) return null; // rock ’n’ roll
  const prevOpen = prev !== prev || isRegexSpaceCode(prev) || OPEN_CONTEXT.has(prev);
  const nextBlank = next !== next || isSpaceCode(next);
  const nextEnds = nextBlank || CLOSE_CONTEXT.has(next);
  if (c === 34 /* " */) {
    if (prevOpen && !nextBlank) return { pos: i, family: 'double', role: 'open', weak: false };
    if (!prevOpen && nextEnds) return { pos: i, family: 'double', role: 'close', weak: false };
    return { pos: i, family: 'double', role: 'either', weak: false };
  }
  if (isApostropheCode(c)) {
    if (prevOpen && !nextBlank) {
      if (next >= 48 && next <= 57 && c !== 0xbf) return null; // ’90s
      return { pos: i, family: 'single', role: 'open', weak: false };
    }
    if (!prevOpen && nextEnds) {
      const weak = (prev === 115 || prev === 83) && next === 32 && /\p{Ll}/u.test(text[i + 2] ?? '');
      return { pos: i, family: 'single', role: 'close', weak };
    }
    return null;
  }
  return null;
}

/** ’ ' ¿: the marks that also write an apostrophe. */
function isApostropheCode(c: number): boolean {
  return c === 0x2019 || c === 39 || c === 0xbf;
}

/** Whether text[p, p + 3) is the word ’n’ ("rock ’n’ roll", "fish 'n' chips"): two apostrophes, not a quote of "n". */
function andContractionAt(text: string, p: number, lineStart: number, lineEnd: number): boolean {
  if (p < lineStart || p + 3 > lineEnd) return false;
  if (!isApostropheCode(text.charCodeAt(p)) || (text.charCodeAt(p + 1) | 32) !== 110 /* n */ || !isApostropheCode(text.charCodeAt(p + 2))) return false;
  return !(p > lineStart && (charClass(text.charCodeAt(p - 1)) & 1) !== 0) && !(p + 3 < lineEnd && (charClass(text.charCodeAt(p + 3)) & 1) !== 0);
}

/** Lines that hold no quotes: embedded tweets (headline + byline) and page boilerplate. */
export function blockedLines(lines: readonly Line[]): Set<number> {
  const blocked = new Set<number>();
  for (let n = 0; n < lines.length; n++) {
    const t = lines[n].text;
    // (The regexes run only on lines that hold their fixed text: most lines do not.)
    if ((holdsTcoPath(t) || t.includes('pic.twitter.com')) && /https?:\/\/t\.co\/|pic\.twitter\.com/.test(t)) blocked.add(n);
    if (t.includes('(@') && /^\s*[—–-]\s+.*\(@\w+\)/u.test(t)) {
      blocked.add(n);
      for (let p = n - 1; p >= 0 && p >= n - 2; p--) {
        if (lines[p].text.trim() === '') continue;
        blocked.add(p);
        break;
      }
    }
    if (isHeadline(t)) blocked.add(n);
  }
  return blocked;
}

/** " ” ’ ' */
function isClosingCode(c: number): boolean {
  return c === 34 || c === 0x201d || c === 0x2019 || c === 39;
}

/**
 * Whether "t.co/" occurs in the line: looked for from its slashes, which are rare in prose (a search
 * for the whole string starts at every "t", one letter in fifteen).
 */
function holdsTcoPath(line: string): boolean {
  for (let i = line.indexOf('/'); i >= 0; i = line.indexOf('/', i + 1)) if (i >= 4 && line.startsWith('t.co', i - 4)) return true;
  return false;
}

const HEADLINE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'as', 'from', 'vs', 'but']);

/** A title-case line without sentence punctuation: a headline, whose quote marks are titles. */
export function isHeadline(line: string): boolean {
  // Without its white space (`trim`'s): longer than a headline, or ending like a sentence (a mark of
  // . ! ? … and at most one quote mark after it) — most lines, told apart with no copy and no regex.
  let a = 0;
  let b = line.length;
  while (a < b && isRegexSpaceCode(line.charCodeAt(a))) a++;
  while (b > a && isRegexSpaceCode(line.charCodeAt(b - 1))) b--;
  if (b - a > 200 || (b > a && (isTerminalCode(line.charCodeAt(b - 1)) || (b - 1 > a && isClosingCode(line.charCodeAt(b - 1)) && isTerminalCode(line.charCodeAt(b - 2)))))) return false;
  // The words between runs of white space that start with a letter or an opening mark; the share
  // of them that are capitalised (after one opening mark) or small words. Read in place, no copies
  // but of words short enough to be small words.
  let words = 0;
  let caps = 0;
  for (let i = a; i < b; ) {
    const ws = i;
    while (i < b && !isRegexSpaceCode(line.charCodeAt(i))) i++;
    const we = i;
    while (i < b && isRegexSpaceCode(line.charCodeAt(i))) i++;
    const c = line.charCodeAt(ws);
    const mark = isHeadlineMark(c);
    if (!mark && (charClass(c) & 16) === 0 && !(c >= 0xd800 && c <= 0xdbff && /^\p{L}/u.test(line.slice(ws, ws + 2)))) continue;
    words++;
    const first = mark ? ws + 1 : ws;
    if ((first < we && (charClass(line.charCodeAt(first)) & 2) !== 0) || (we - ws <= 4 && HEADLINE_SMALL_WORDS.has(line.slice(ws, we).toLowerCase()))) caps++;
  }
  return words >= 3 && caps / words >= 0.85;
}

/** “ ‘ " ' */
function isHeadlineMark(c: number): boolean {
  return c === 0x201c || c === 0x2018 || c === 34 || c === 39;
}

const NONE_DISABLED: ReadonlySet<number> = new Set<number>();

/**
 * Finds quote spans in one line, whose quote marks are at `quoteMarks[from, to)`. `nextLineOpens`
 * says whether the next paragraph opens with a quote mark.
 */
function scanLine(text: string, line: Line, quoteMarks: readonly number[], from: number, to: number, nextLineOpens: boolean): RawQuote[] {
  const marks: Mark[] = [];
  for (let k = from; k < to; k++) {
    const mark = classify(text, quoteMarks[k], line.start, line.end);
    if (mark) marks.push(mark);
  }
  if (marks.length === 0) return [];
  // Most lines scan once: the set of disabled openers is made at the first retry.
  let disabled: Set<number> | null = null;
  for (let attempt = 0; attempt < 50; attempt++) {
    const result = tryScan(text, line, marks, disabled ?? NONE_DISABLED, nextLineOpens);
    if (result.retry === null) return result.quotes;
    (disabled ??= new Set<number>()).add(result.retry);
  }
  return [];
}

function tryScan(text: string, line: Line, marks: readonly Mark[], disabled: ReadonlySet<number>, nextLineOpens: boolean): { quotes: RawQuote[]; retry: number | null } {
  const quotes: RawQuote[] = [];
  // The open quote: its mark's position (-1 for none), family, and whether it re-opened a merged paragraph.
  let openPos = -1;
  let openFamily: Family = 'double';
  let openChained = false;
  // Per mark: whether a strong closer of its family follows (made at the first weak closer).
  let strongAfter: Uint8Array | null = null;
  work.steps += marks.length;
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k];
    if (disabled.has(m.pos)) continue;
    if (openPos < 0) {
      if (m.role === 'open' || m.role === 'either') {
        openPos = m.pos;
        openFamily = m.family;
        openChained = false;
      }
      continue;
    }
    if (m.family !== openFamily) continue; // nested quote of the other family
    if (m.role === 'close' || m.role === 'either') {
      if (m.weak && (strongAfter ??= strongClosersAfter(marks, disabled))[k] === 1) continue;
      if (m.pos - openPos > 1) quotes.push({ start: openPos, end: m.pos + 1, closed: true, kind: 'partial' });
      openPos = -1;
      continue;
    }
    // Another opener of the same family while open: a merged paragraph re-opens after a sentence end.
    const before = trimEndIndex(text, m.pos, openPos);
    if (isTerminalCode(text.charCodeAt(before - 1))) {
      quotes.push({ start: openPos, end: before, closed: false, kind: 'partial' });
      openPos = m.pos;
      openFamily = m.family;
      openChained = true;
    }
  }
  if (openPos >= 0) {
    const end = trimEndIndex(text, line.end, openPos);
    const plausible = openFamily !== 'single' || openChained || nextLineOpens || plausibleOpenEnd(text, openPos + 1, end);
    if (!plausible) return { quotes, retry: openPos };
    if (end - openPos > 1) quotes.push({ start: openPos, end, closed: false, kind: 'partial' });
  }
  return { quotes, retry: null };
}

/**
 * A single quote left open at a paragraph end, text[from, to), is a quote if it ends like a sentence
 * (. ! ? …) and has four words or more (splits into four pieces or more at runs of white space, as
 * `split(/\s+/)` counts them): read in place, and only as far as the fourth word.
 */
function plausibleOpenEnd(text: string, from: number, to: number): boolean {
  if (to <= from || !isTerminalCode(text.charCodeAt(to - 1))) return false;
  let runs = 0;
  for (let i = from; i < to && runs < 3; i++) {
    work.steps++;
    if (isRegexSpaceCode(text.charCodeAt(i)) && (i === from || !isRegexSpaceCode(text.charCodeAt(i - 1)))) runs++;
  }
  return runs >= 3;
}

const FAMILY_BIT: Readonly<Record<Family, number>> = { double: 1, single: 2, guillemet: 4 };

/**
 * Per mark k: whether a later mark of marks[k]'s family, not disabled, closes and is not weak. One
 * pass from the end for the whole line (asked mark by mark, it was a pass over the rest of the line each).
 */
function strongClosersAfter(marks: readonly Mark[], disabled: ReadonlySet<number>): Uint8Array {
  const after = new Uint8Array(marks.length);
  let seen = 0;
  for (let j = marks.length - 1; j >= 0; j--) {
    work.steps++;
    const x = marks[j];
    const bit = FAMILY_BIT[x.family];
    if ((seen & bit) !== 0) after[j] = 1;
    if (!disabled.has(x.pos) && (x.role === 'close' || x.role === 'either') && !x.weak) seen |= bit;
  }
  return after;
}

function trimEndIndex(text: string, end: number, floor: number): number {
  while (end > floor + 1 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Finds all quote spans of a document, sorted by start. */
export function findQuotes(text: string, lines: readonly Line[], blocked: ReadonlySet<number>, tokens: Tokens = tokenize(text)): RawQuote[] {
  const quoteMarks = tokens.quoteMarks;
  // One word reader for every quote of the text.
  const reader = new Words(tokens);
  const out: RawQuote[] = [];
  let m = 0;
  for (let n = 0; n < lines.length; n++) {
    if (blocked.has(n)) continue;
    const line = lines[n];
    // The line's quote marks: quoteMarks[from, to).
    while (m < quoteMarks.length && quoteMarks[m] < line.start) m++;
    const from = m;
    while (m < quoteMarks.length && quoteMarks[m] < line.end) m++;
    if (m === from) continue;
    // The first character of the next paragraph that is not white space (`trim`'s, which lacks U+0085).
    let opener = -1;
    for (let next = n + 1; next < lines.length && opener < 0; next++) {
      for (let p = lines[next].start; p < lines[next].end; p++) {
        const c = text.charCodeAt(p);
        if (isRegexSpaceCode(c)) continue;
        opener = c;
        break;
      }
    }
    const nextLineOpens = OPENING_MARK_CODES.has(opener);
    for (const q of scanLine(text, line, quoteMarks, from, m, nextLineOpens)) {
      // ''…'' (two apostrophes for a double mark, as some wires write): the closing pair stays whole.
      if (q.closed && q.end < line.end && text.charCodeAt(q.end) === 39 && text.charCodeAt(q.end - 1) === 39 && text.charCodeAt(q.start) === 39 && text.charCodeAt(q.start + 1) === 39) q.end++;
      q.kind = quoteKindAt(text, q.start, q.end, reader);
      out.push(q);
    }
  }
  return out;
}


/** Code point at i of a string that ends at `end` (a lone surrogate stays itself). */
function codePointAt(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

const astralClass = new Map<number, number>();
/** Class bits (1 letter or digit, 16 letter) of any code point; outside the BMP through a memoised regex test. */
function classOfPoint(cp: number): number {
  if (cp < 0x10000) return cp >= 0xd800 && cp <= 0xdfff ? 0 : charClass(cp);
  let v = astralClass.get(cp);
  if (v === undefined) {
    const ch = String.fromCodePoint(cp);
    v = (/[\p{L}\p{N}]/u.test(ch) ? 1 : 0) | (/\p{L}/u.test(ch) ? 16 : 0);
    astralClass.set(cp, v);
  }
  return v;
}

/**
 * The matches of `[\p{L}\p{N}]+(?:['’][\p{L}]+)*` (flags gu) in text.slice(from, end), scanned by hand (no
 * match objects) and only as far as asked: a run of letters and digits, then any apostrophe + letters
 * pieces. `lower(k)` is word k lower-cased, curly apostrophes straightened. A word that is exactly a
 * token of `tokens` (when given) is that token's string and folded form, with no copy made (the
 * fold of such a word, which holds no ¿ or ‘, is its lower-cased form).
 */
class Words {
  /** The words read so far (the first `count` entries; the arrays are reused by `reset`). */
  private readonly words: string[] = [];
  private readonly lowered: string[] = [];
  private count = 0;
  private text = '';
  private pos = 0;
  private end = 0;
  /** The token found for the last word read: where the next lookup starts (`tokenAtFrom`). */
  private token = 0;

  constructor(private readonly tokens?: Tokens) {}

  /** Starts reading text.slice(from, end) (of the tokens' text, when tokens were given). */
  reset(text: string, from: number, end: number): this {
    this.text = text;
    this.pos = from;
    this.end = end;
    this.count = 0;
    return this;
  }

  /** Whether there is a word k (from 0). */
  has(k: number): boolean {
    while (this.count <= k) if (!this.read()) return false;
    return true;
  }

  /** Word k, after `has(k)`. */
  word(k: number): string {
    return this.words[k];
  }

  lower(k: number): string {
    return this.lowered[k];
  }

  /** Reads the next word; false at the end. */
  private read(): boolean {
    const s = this.text;
    const n = this.end;
    let i = this.pos;
    let cp = 0;
    while (i < n) {
      cp = codePointAt(s, i, n);
      if ((classOfPoint(cp) & 1) !== 0) break;
      i += cp > 0xffff ? 2 : 1;
    }
    if (i >= n) {
      this.pos = n;
      return false;
    }
    const start = i;
    do {
      i += cp > 0xffff ? 2 : 1;
      cp = i < n ? codePointAt(s, i, n) : -1;
    } while (cp >= 0 && (classOfPoint(cp) & 1) !== 0);
    // (?:['’][\p{L}]+)*
    while (i + 1 < n && (s.charCodeAt(i) === 39 || s.charCodeAt(i) === 0x2019)) {
      let j = i + 1;
      let lp = codePointAt(s, j, n);
      if ((classOfPoint(lp) & 16) === 0) break;
      do {
        j += lp > 0xffff ? 2 : 1;
        lp = j < n ? codePointAt(s, j, n) : -1;
      } while (lp >= 0 && (classOfPoint(lp) & 16) !== 0);
      i = j;
    }
    const t = this.tokens;
    const k = t === undefined ? 0 : (this.token = tokenAtFrom(t, start, this.token));
    if (t !== undefined && k < t.length && t.start[k] === start && t.end[k] === i) {
      this.words[this.count] = t.w(k);
      this.lowered[this.count] = t.lw(k);
    } else {
      const w = s.slice(start, i);
      this.words[this.count] = w;
      this.lowered[this.count] = lowerWord(w);
    }
    this.count++;
    this.pos = i;
    return true;
  }
}

/**
 * `direct` when the quoted words hold an independent clause (a subject with a finite verb, or a
 * whole sentence inside the marks); `partial` for words, phrases and subject-less fragments.
 */
export function quoteKind(quote: string): QuoteKind {
  return quoteKindAt(quote, 0, quote.length, new Words());
}


/** A word lower-cased, curly apostrophes straightened; an ASCII word without capitals is itself. */
function lowerWord(w: string): string {
  let plain = true;
  for (let k = 0; k < w.length && plain; k++) {
    const c = w.charCodeAt(k);
    plain = c < 128 && !(c >= 65 && c <= 90);
  }
  const lower = plain ? w : w.toLowerCase();
  return lower.includes('’') ? lower.replaceAll('’', "'") : lower;
}

const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set(['i', 'we', 'they', 'he', 'she']);
/** Words after a personal pronoun that is not a subject: "you and I", "for they and". */
const PRONOUN_NOT_BEFORE: ReadonlySet<string> = new Set(['and', 'or', 'to', 'of', 'in', 'on', 'at', 'for', 'with']);
const IT_S: ReadonlySet<string> = new Set(["it's", "that's", "there's", "he's", "she's"]);

/** `quoteKind` of text[start, end), read in place rather than from a copy of the quote. */
function quoteKindAt(text: string, start: number, end: number, reader: Words): QuoteKind {
  // The inner words: without the marks at either end, then trimmed.
  let a = start;
  let b = end;
  while (a < b && isQuoteMarkCode(text.charCodeAt(a))) a++;
  while (b > a && isQuoteMarkCode(text.charCodeAt(b - 1))) b--;
  while (a < b && isRegexSpaceCode(text.charCodeAt(a))) a++;
  while (b > a && isRegexSpaceCode(text.charCodeAt(b - 1))) b--;
  // Words are read as far as the checks below need them (at most up to the 13th).
  const words = reader.reset(text, a, b);
  if (!words.has(2)) return 'partial';
  // A sentence boundary inside the marks followed by a capitalised word.
  if (/[.!?…]\s+["“‘']?\p{Lu}/u.test(text.slice(a, b))) return 'direct';
  const first = words.lower(0);
  if (RELATIVE_PRONOUNS.has(first) && first !== 'that') return 'partial';
  if (PREDICATE_STARTS.has(first)) return 'partial';
  // Subject pronoun or contraction start: "we are", "it's", "I do".
  if (/^(?:it|that|there|he|she|what|who|here)'s$/.test(first) || /^(?:i|we|you|they)'(?:m|re|ve|ll|d)$/.test(first)) return 'direct';
  if (SUBJECT_PRONOUNS.has(first)) return 'direct';
  // Both in one pass, as either makes the quote direct:
  // a personal pronoun subject anywhere ("In the pilot schools they rose"), words 1 to 11 with a next word;
  // a finite verb after the first word ("the policy has always been", "Poland will support"), words 1 to 12.
  for (let k = 1; k <= 12 && words.has(k); k++) {
    const w = words.lower(k);
    if (k <= 11 && PERSONAL_PRONOUNS.has(w) && words.has(k + 1) && /^\p{Ll}/u.test(words.word(k + 1)) && !PRONOUN_NOT_BEFORE.has(words.lower(k + 1))) return 'direct';
    // ", and discussing it now is" or a subject right before the verb.
    if (FINITE_AUX.has(w) || IT_S.has(w)) return 'direct';
  }
  // A capitalised start with a verb-looking second word ("Europe must", "Peace is") is covered above;
  // an adverb then a pronoun subject: "Unfortunately we are".
  if (SUBJECT_PRONOUNS.has(words.lower(1)) && first.endsWith('ly')) return 'direct';
  return 'partial';
}
