/** Figures: counts, money, percentages, dates, years, durations and vague quantities. */
import { CURRENCY_SYMBOLS, CURRENCY_WORDS, IDENTIFIER_HEADS, MONTHS, NUMBER_WORDS, SCALE_WORDS, TIME_UNITS, UNIT_STOPWORDS } from './lexicon';
import { charClass, isRegexSpaceCode, lowerBoundOf, tokenAt, tokenize, type Line, type Tokens } from './text';
import type { FigureFinding, FigureKind } from './types';
import { work } from './work';

const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?';
const NUM = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const WORDNUM = "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\\s+hundred|a\\s+dozen|dozen)(?:\\s+(?:hundred|thousand|million|billion|trillion))*";
const SCALE = '(?:\\s?(?:hundred|thousand|million|billion|trillion|bn|mn|tn)\\b|(?<=\\d)(?:bn|m|k)\\b)';
const CUR = `[${CURRENCY_SYMBOLS}]`;

/** What one pass over a paragraph found (see `scanParagraph`). */
const DIGIT = 1; // an ASCII digit
const NUM_WORD = 2; // a number word that can start a figure: "twenty", "one", "a hundred", "dozen"
const FEW = 4; // "several", "a few"
const MONTH = 8; // a capitalised month abbreviation: "Jan", "Sept"
const CUR_SYMBOL = 16; // a currency symbol
const CUR_WORD = 32; // a currency word: "pounds", "USD"
const PERCENT = 64; // "%", "percent" or "cent"
const TIME_UNIT = 128; // "days", "year"
const VAGUE = 256; // "tens", "hundreds", "scores"
const GATE = 512; // a digit, or a word that starts with a number word (the paragraph gate)
const LINK = 1024; // "/" or "@": a URL or handle may be present
/** Prefix flags that make a word start a candidate position. */
const STARTS = NUM_WORD | FEW | MONTH | VAGUE;

/**
 * Each pattern with a cheap test on the paragraph's flags, a condition every match of the pattern
 * needs (a currency word in a money figure follows a digit or a space and ends a word; a time unit
 * in a duration follows a hyphen or a space and ends a word; every date holds a digit and a month).
 * `sticky` is `re` anchored at a position: the pattern is only tried at candidate positions.
 */
const PATTERNS: { kind: FigureKind; re: RegExp; sticky: RegExp; needs: (flags: number) => boolean }[] = ([
  { kind: 'date', needs: (f) => (f & DIGIT) !== 0 && (f & MONTH) !== 0, re: new RegExp(`\\b(?:${MONTH_NAMES})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH_NAMES})(?:,?\\s+\\d{4})?\\b|\\b(?:${MONTH_NAMES})\\s+\\d{4}\\b`, 'g') },
  { kind: 'money', needs: (f) => ((f & CUR_SYMBOL) !== 0 && (f & DIGIT) !== 0) || ((f & CUR_WORD) !== 0 && (f & (DIGIT | NUM_WORD)) !== 0), re: new RegExp(`(?:US|A|C|NZ|HK)?${CUR}\\s?(?:${NUM})${SCALE}?|(?:${NUM})${SCALE}?\\s?(?:${[...CURRENCY_WORDS].join('|')}|euros?|USD|EUR|GBP)\\b|\\b${WORDNUM}\\s+(?:${[...CURRENCY_WORDS].join('|')})\\b`, 'gi') },
  { kind: 'percent', needs: (f) => (f & PERCENT) !== 0 && (f & (DIGIT | NUM_WORD)) !== 0, re: new RegExp(`(?:${NUM})\\s?(?:%|per\\s?cent\\b|percent\\b)|\\b${WORDNUM}\\s+(?:per\\s?cent|percent)\\b`, 'gi') },
  { kind: 'duration', needs: (f) => (f & TIME_UNIT) !== 0 && (f & (DIGIT | NUM_WORD | FEW)) !== 0, re: new RegExp(`\\b(?:${NUM}|${WORDNUM}|a\\s+few|several)[-\\s](?:${[...TIME_UNITS].join('|')})\\b`, 'gi') },
  { kind: 'vague', needs: (f) => (f & VAGUE) !== 0, re: /\b(?:tens|hundreds|thousands|millions|billions|dozens|scores)(?:\s+of\s+(?:thousands|millions|billions|dozens|hundreds))?\b/gi },
  // (A decade, "1990s" or "’90s", is read whole: the count check below makes it a year.)
  { kind: 'count', needs: (f) => (f & (DIGIT | NUM_WORD)) !== 0, re: new RegExp(`(?:\\d\\d)?\\d0s\\b|(?:${NUM})${SCALE}?|\\b${WORDNUM}\\b`, 'gi') },
] as { kind: FigureKind; re: RegExp; needs: (flags: number) => boolean }[]).map((p) => ({ ...p, sticky: new RegExp(p.re.source, p.re.flags.replace('g', 'y')) }));

/**
 * A trie of lower-case ASCII words, 26 children a node (0: none; the root is node 0). `prefixFlags`
 * hold for every word that starts with the node's letters, `wordFlags` for the node's word only.
 */
const trieChildren: number[] = new Array<number>(26).fill(0);
const prefixFlags: number[] = [0];
const wordFlags: number[] = [0];
function addWord(word: string, prefix: number, whole: number): void {
  let node = 0;
  for (let k = 0; k < word.length; k++) {
    const slot = node * 26 + word.charCodeAt(k) - 97;
    if (trieChildren[slot] === 0) {
      trieChildren[slot] = prefixFlags.length;
      prefixFlags.push(0);
      wordFlags.push(0);
      for (let c = 0; c < 26; c++) trieChildren.push(0);
    }
    node = trieChildren[slot];
  }
  prefixFlags[node] |= prefix;
  wordFlags[node] |= whole;
}
// The paragraph gate: these words at the start of a word (`\b(?:one|two|…)`, no end boundary).
for (const w of 'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion dozen'.split(' ')) addWord(w, GATE, 0);
// First words of WORDNUM ("a hundred", "a dozen" are read in `scanParagraph`).
for (const w of 'twenty thirty forty fifty sixty seventy eighty ninety zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen dozen'.split(' ')) addWord(w, NUM_WORD, 0);
addWord('several', FEW, 0);
for (const w of 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ')) addWord(w, MONTH, 0);
for (const w of 'tens hundreds thousands millions billions dozens scores'.split(' ')) addWord(w, VAGUE, 0);
for (const w of [...CURRENCY_WORDS, 'euro', 'euros', 'usd', 'eur', 'gbp']) addWord(w, 0, CUR_WORD);
for (const w of TIME_UNITS) addWord(w, 0, TIME_UNIT);
addWord('percent', 0, PERCENT);
addWord('cent', 0, PERCENT);
const TRIE = Int32Array.from(trieChildren);
const PREFIX_FLAGS = Int32Array.from(prefixFlags);
const WORD_FLAGS = Int32Array.from(wordFlags);
/** The trie node after a word's first two letters (26 × 26, by letter index), and the prefix flags on the way. */
const PAIRS = new Int32Array(26 * 26);
const PAIR_FLAGS = new Int32Array(26 * 26);
for (let x = 0; x < 26; x++) {
  const first = TRIE[x];
  if (first === 0) continue;
  for (let y = 0; y < 26; y++) {
    PAIRS[x * 26 + y] = TRIE[first * 26 + y];
    PAIR_FLAGS[x * 26 + y] = PREFIX_FLAGS[first] | PREFIX_FLAGS[TRIE[first * 26 + y]];
  }
}

/** Character kinds for `scanParagraph`: 0 other, then: */
const K_LETTER = 1; // A-Z a-z
const K_DIGIT = 2; // 0-9
const K_PERCENT = 3; // %
const K_LINK = 4; // / @
const K_CURRENCY = 5; // a currency symbol
const KIND = new Uint8Array(65536);
for (let c = 65; c <= 90; c++) KIND[c] = KIND[c + 32] = K_LETTER;
for (let c = 48; c <= 57; c++) KIND[c] = K_DIGIT;
KIND[37] = K_PERCENT;
KIND[47] = KIND[64] = K_LINK;
for (const c of CURRENCY_SYMBOLS) KIND[c.charCodeAt(0)] = K_CURRENCY;

// Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: only narrows the month flag; the date pattern is case-sensitive, so a month flag too many finds nothing
const isAsciiLower = (c: number): boolean => c >= 97 && c <= 122;

/** Positions where a figure can start: `at[0, n)`, sorted (the array is reused from paragraph to paragraph). */
interface Starts {
  at: number[];
  n: number;
}

/**
 * Adds the sorted positions `extra` to the sorted starts, each position once (a merge of two sorted
 * lists, where inserting them one by one would move the tail of the list for each).
 */
function mergeStarts(starts: Starts, extra: readonly number[]): void {
  const old = starts.at.slice(0, starts.n);
  const at = starts.at;
  let i = 0;
  let j = 0;
  let n = 0;
  // Stryker disable next-line EqualityOperator,ConditionalExpression: a currency symbol's starts always lie before its digit, an old start, so none is left after the old ones
  while (i < old.length || j < extra.length) {
    work.steps++;
    // Stryker disable next-line EqualityOperator,LogicalOperator,ConditionalExpression: only the order of equal positions or of reads past the end changes; duplicates are dropped below or tried twice
    const q = j >= extra.length || (i < old.length && old[i] <= extra[j]) ? old[i++] : extra[j++];
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a start kept twice is tried twice and finds the same match or is skipped as inside it
    if (n === 0 || at[n - 1] !== q) at[n++] = q;
  }
  starts.n = n;
}

/** How a run found in a word is read where the word stands (see `WordScan`). */
const RUN_DIGIT = 0; // a digit: always a start
const RUN_WORD = 1; // a word of letters: not after an underscore when it opens the token
const RUN_A = 2; // "a" at the end of the token: its flags depend on the next word ("a hundred")

/**
 * What one word (token) holds for the figure scan, the same wherever it stands: `always`, flags
 * of words it holds ("pounds", "percent"); `runs`, triples of (offset in the token, flags, RUN_…)
 * for its digits and for the letter runs that start a figure or flag something.
 */
interface WordScan {
  always: number;
  runs: readonly number[];
}

/**
 * Scans the ASCII letter runs and digits of one token, `units[s, e)`. The reading of each run is the
 * paragraph scan's (regex `\b` before a word: no digit or underscore; months capitalised; "a
 * hundred"), with what lies outside the token left to the caller: the character before the token
 * (never a letter or digit, perhaps an underscore) and the words after a final "a".
 */
function scanWord(units: Uint16Array, s0: number, e: number): WordScan {
  let always = 0;
  const runs: number[] = [];
  let i = s0;
  while (i < e) {
    const c = units[i];
    const kind = KIND[c];
    if (kind !== K_LETTER) {
      if (kind === K_DIGIT) runs.push(i - s0, DIGIT | GATE, RUN_DIGIT);
      i++;
      continue;
    }
    // Follow the run in the trie while it can still be a listed word (no listed word has a single letter; "a" is read by the caller).
    const s = i;
    let node = 0;
    let found = 0;
    i++;
    if (i < e && KIND[units[i]] === K_LETTER) {
      const pair = ((c | 32) - 97) * 26 + (units[i] | 32) - 97;
      node = PAIRS[pair];
      found = PAIR_FLAGS[pair];
      for (i++; node !== 0 && i < e; i++) {
        const l = units[i];
        if (KIND[l] !== K_LETTER) break;
        node = TRIE[node * 26 + (l | 32) - 97];
        found |= PREFIX_FLAGS[node];
      }
    }
    // (node 0: the run left the trie)
    if (node !== 0) always |= WORD_FLAGS[node];
    while (i < e && KIND[units[i]] === K_LETTER) i++;
    // "a" inside a token ("a-b") is followed by a joiner, not white space: it flags nothing.
    const a = i - s === 1 && (c | 32) === 97 && i === e;
    if (found === 0 && !a) continue;
    // A regex word boundary before a run inside the token: no digit before it.
    if (s > s0 && isDigit(units[s - 1])) continue;
    // Months are capitalised: "Jan", not "jan" or "JAN" (characters past the run are no letters).
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator,AssignmentOperator,UnaryOperator: only narrows the month flag (see isAsciiLower)
    if ((found & MONTH) !== 0 && !(c <= 90 && s + 2 < i && isAsciiLower(units[s + 1]) && isAsciiLower(units[s + 2]))) found &= ~MONTH;
    runs.push(s - s0, found, a ? RUN_A : RUN_WORD);
  }
  return { always, runs };
}

/** The scans of the words of one text, by word id: `plain` 0 not yet scanned, 1 + flags for a word without runs, -1 for one in `full`. */
interface WordScans {
  plain: Int32Array;
  full: (WordScan | undefined)[];
}

/**
 * Reads paragraph `line`: returns flags for what it holds, and fills `starts` (from empty) with the
 * positions (relative to the paragraph) where a figure pattern can begin: every digit, a currency
 * symbol and the two characters before it ("US$"), and the start of every word (at a regex `\b`)
 * that begins with a number word, "several", "a hundred/dozen/few", a month or a vague quantity.
 * The patterns fold case for ASCII letters only (flag `i` without `u`), as the trie does. Words are
 * read token by token, each distinct word scanned once (`scans`, by word id).
 */
function scanParagraph(tokens: Tokens, line: Line, starts: Starts, scans: WordScans): number {
  const { start, end } = line;
  const units = tokens.units;
  let flags = 0;
  for (let k = tokenAt(tokens, start); k < tokens.length && tokens.start[k] < end; k++) {
    const id = tokens.wordId(k)!;
    const ts = tokens.start[k];
    let v = scans.plain[id];
    if (v === 0) {
      const scan = scanWord(units, ts, tokens.end[k]);
      // Most words have no runs: their flags alone, without the object.
      v = scan.runs.length === 0 ? 1 + scan.always : -1;
      scans.plain[id] = v;
      if (v < 0) scans.full[id] = scan;
    }
    if (v > 0) {
      flags |= v - 1;
      continue;
    }
    const scan = scans.full[id]!;
    flags |= scan.always;
    const runs = scan.runs;
    for (let r = 0; r < runs.length; r += 3) {
      const rel = runs[r];
      let found = runs[r + 1];
      const mode = runs[r + 2];
      if (mode !== RUN_DIGIT && rel === 0 && ts > start && units[ts - 1] === 95 /* _ */) continue;
      if (mode === RUN_A) {
        // "a hundred", "a dozen", "a few"
        const i = tokens.end[k];
        let j = i;
        while (j < end && isRegexSpaceCode(units[j])) j++;
        if (j > i && j < end) {
          const n = units[j] | 32;
          if (n === 104 || n === 100) found |= NUM_WORD;
          else if (n === 102) found |= FEW;
        }
      }
      flags |= found;
      if (mode === RUN_DIGIT || (found & STARTS) !== 0) starts.at[starts.n++] = ts + rel - start;
    }
  }
  if ((flags & GATE) === 0) return flags;
  // The symbols between the words: a currency symbol and the two characters before it are starts
  // (in order, each once: a range that overlaps the one before only adds what lies past it).
  const symbols = tokens.symbols;
  let extra: number[] | null = null;
  for (let y = lowerBoundOf(symbols, start); y < symbols.length && symbols[y] < end; y++) {
    const i = symbols[y];
    const kind = KIND[units[i]];
    if (kind === K_PERCENT) flags |= PERCENT;
    else if (kind === K_LINK) flags |= LINK;
    else {
      flags |= CUR_SYMBOL;
      extra ??= [];
      for (let q = Math.max(start, i - 2); q <= i; q++) if (extra.length === 0 || q - start > extra[extra.length - 1]) extra.push(q - start);
    }
  }
  if (extra !== null) mergeStarts(starts, extra);
  return flags;
}

/** A regex `\w`: ASCII letter, digit or underscore. */
const isAsciiWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** A character of the regex class `[\w.-]`. */
const isDomainCode = (c: number): boolean => isAsciiWord(c) || c === 46 || c === 45;
/** The top-level domains a link without a scheme ends its host with, before a "/". */
const LINK_DOMAINS = ['com', 'co', 'org', 'net', 'uk', 'io'];

/** End of the run of non-white-space characters (regex `\S*`) of text[i, end) from i. */
function nonSpaceEnd(text: string, i: number, end: number): number {
  while (i < end && !isRegexSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/**
 * The links and handles of text[start, end), as the global matches of
 * `/https?:\/\/\S+|\b[\w.-]+\.(?:com|co|org|net|uk|io)\/\S*|@\w+/g` (no flags) on that text,
 * passed to `add(start, end)`. Read by hand, run of [\w.-] by run: the regex backtracked through the
 * whole of a long run of letters and dots from each word boundary in it (a dotted word has one at
 * every dot). A match starts in such a run (the first two alternatives) or at an "@".
 */
function findLinks(text: string, start: number, end: number, add: (s: number, e: number) => void): void {
  let p = start;
  while (p < end) {
    work.steps++;
    const c = text.charCodeAt(p);
    if (c === 64 /* @ */ && p + 1 < end && isAsciiWord(text.charCodeAt(p + 1))) {
      let e = p + 2;
      while (e < end && isAsciiWord(text.charCodeAt(e))) e++;
      add(p, e);
      p = e;
      continue;
    }
    if (!isDomainCode(c)) {
      p++;
      continue;
    }
    let r = p + 1;
    while (r < end && isDomainCode(text.charCodeAt(r))) r++;
    const match = linkInRun(text, start, end, p, r);
    if (match < 0) {
      p = r;
      continue;
    }
    // Both alternatives end with the run of non-white-space after their "/" or "://".
    const e = nonSpaceEnd(text, r, end);
    add(match, e);
    p = e;
  }
}

/**
 * Where the leftmost link match starts in the run text[p, r) of [\w.-] (read from p on, inside
 * text[start, end)), or -1. "http://" or "https://" can only end the run (":" is no part of it),
 * and needs a non-space character after it. A link without a scheme starts at the run's first word
 * boundary and needs a listed domain that ends the run right before a "/", with its dot after that
 * boundary. Of two matches at one position, the scheme wins (the regex's order).
 */
function linkInRun(text: string, start: number, end: number, p: number, r: number): number {
  let scheme = -1;
  if (r + 3 < end && text.startsWith('://', r) && !isRegexSpaceCode(text.charCodeAt(r + 3))) {
    if (r - 5 >= p && text.startsWith('https', r - 5)) scheme = r - 5;
    else if (r - 4 >= p && text.startsWith('http', r - 4)) scheme = r - 4;
  }
  const dot = hostDotBefore(text, r, end);
  let boundary = -1;
  if (dot >= 0) {
    // A word boundary: a word character on one side only (before `start` counts as none).
    let previous = p > start && isAsciiWord(text.charCodeAt(p - 1));
    for (let b = p; b < r && boundary < 0; b++) {
      const word = isAsciiWord(text.charCodeAt(b));
      if (word !== previous) boundary = b;
      previous = word;
    }
  }
  const host = boundary >= 0 && dot > boundary ? boundary : -1;
  if (scheme >= 0 && (host < 0 || scheme <= host)) return scheme;
  return host;
}

/**
 * For a run of [\w.-] that ends at `runEnd`: the offset of the dot of a listed domain that ends it
 * right before a "/" ("example.co.uk/": the dot of ".uk"), or -1. (The regex gives back characters
 * of the run from its end; the first dot it finds a domain and the "/" after is that one.)
 */
function hostDotBefore(text: string, runEnd: number, end: number): number {
  if (runEnd >= end || text.charCodeAt(runEnd) !== 47 /* / */) return -1;
  for (const len of [2, 3]) {
    const dot = runEnd - 1 - len;
    if (dot < 0 || text.charCodeAt(dot) !== 46) continue;
    const domain = text.slice(dot + 1, runEnd);
    if (LINK_DOMAINS.includes(domain)) return dot;
  }
  return -1;
}

/** Finds figures in the document, skipping URLs, handles and identifiers. */
export function findFigures(text: string, lines: readonly Line[], tokens: Tokens = tokenize(text)): FigureFinding[] {
  const out: FigureFinding[] = [];
  const starts: Starts = { at: [], n: 0 };
  const scans: WordScans = { plain: new Int32Array(tokens.wordCount), full: new Array<WordScan | undefined>(tokens.wordCount) };
  // (Sources: the patterns by index, then the links.)
  const taken = new TakenSpans(PATTERNS.length + 1);
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    starts.n = 0;
    const flags = scanParagraph(tokens, line, starts, scans);
    if ((flags & GATE) === 0) continue;
    // URLs and handles are never figures.
    taken.clear();
    if ((flags & LINK) !== 0) {
      // (exec rather than matchAll, which clones the regex per call; no empty matches)
      findLinks(text, line.start, line.end, (s, e) => taken.add(PATTERNS.length, s, e));
    }
    for (let p = 0; p < PATTERNS.length; p++) {
      const { kind, sticky, needs } = PATTERNS[p];
      if (!needs(flags)) continue;
      // The global scan of `re`, tried only where a match can begin: the leftmost match at or
      // after the end of the previous one. No pattern matches the empty string.
      let from = 0;
      for (let q = 0; q < starts.n; q++) {
        const at = starts.at[q];
        if (at < from) continue;
        sticky.lastIndex = at;
        if (!sticky.test(line.text)) continue;
        from = sticky.lastIndex;
        // The match is text[s, e); the checks below read the text by character code.
        const s = line.start + at;
        let e = line.start + from;
        // trim trailing spaces
        // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: no pattern match ends with a space
        while (e > s && text.charCodeAt(e - 1) === 32) e--;
        if (!taken.free(s, e)) continue;
        // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: charCodeAt(-1) is NaN; charClass of NaN, -1 and 1 has no bit set, and none is a dot, slash, colon or hyphen
        const before = s > 0 ? text.charCodeAt(s - 1) : -1;
        // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: as for `before`
        const after = e < text.length ? text.charCodeAt(e) : -1;
        if ((before >= 0 && (charClass(before) & 1) !== 0) || (after >= 0 && (charClass(after) & 1) !== 0 && kind !== 'count')) continue;
        let k: FigureKind = kind;
        if (kind === 'count') {
          // Not before a letter; not after "." "/" ":" or before ":" and a digit (times, versions, ratios).
          if (after >= 0 && (charClass(after) & 16) !== 0) continue;
          if (before === 46 || before === 47 || before === 58 || (after === 58 && isDigit(text.charCodeAt(e + 1)))) continue;
          if (e - s === 4 && allDigits(text, s, e)) {
            const val = Number(text.slice(s, e));
            if (val >= 1000 && val <= 2100 && (!hasCountedNoun(text, e) || (val >= 1900 && /(?:[-–]|\b(?:in|since|by|until|from|of|before|after|through|to)\s)$/i.test(text.slice(Math.max(0, s - 8), s))))) k = 'year';
          // Stryker disable next-line ConditionalExpression,LogicalOperator,Regex: a count match ending in "s" is always digits and "s" (a decade); the first test is a shortcut
          } else if (text.charCodeAt(e - 1) === 115 && /^\d+s$/.test(text.slice(s, e))) k = 'year';
          const first = text.charCodeAt(s);
          if (isIdentifier(text, s) || (k === 'count' && first >= 65 && first <= 90 && !isSentenceStart(text, s))) continue;
          if (isWord(text, s, e, 'one')) {
            if (!countedNounAfter(text, e)) continue;
            if (/\b(?:the|this|that|no|any|every|each|which)\s+$/i.test(text.slice(Math.max(0, s - 8), s))) continue;
          }
          // A digit run after a hyphen and a digit: "4-3" (the end of a range of years, "1939-1945", stays).
          if (k === 'count' && before === 45 && isDigit(text.charCodeAt(s - 2)) && allDigits(text, s, e)) continue;
        }
        // Stryker disable all: the vague pattern already takes "tens of dozens/hundreds/thousands/millions", so a match of "tens" alone has none of them after it (unless the word runs on: "tens of hundredsfold") and is always dropped
        if (kind === 'vague' && isWord(text, s, e, 'tens')) {
          // "tens of dozens"
          const rest = /^\s+of\s+(dozens|hundreds|thousands|millions)/i.exec(text.slice(e));
          if (!rest) continue;
          e += rest[0].length;
        }
        // Stryker restore all
        // Stryker disable next-line ConditionalExpression,LogicalOperator: only the duration pattern matches "a few"/"several", always at its start; the first-letter test is a shortcut
        if (kind === 'duration' && ((text.charCodeAt(s) | 32) === 97 || (text.charCodeAt(s) | 32) === 115) && /^(?:a\s+few|several)/i.test(text.slice(s, e))) continue;
        while (e > s && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 44)) e--; // . ,
        const surface = text.slice(s, e);
        taken.add(p, s, e);
        const unit = k === 'count' || k === 'vague' ? countedNoun(text, e) : null;
        if (k === 'vague' && unit === null) continue;
        out.push({ start: s, end: e, text: surface, kind: k, unit, value: valueOf(surface, k) });
      }
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/**
 * The spans already taken in a paragraph, one list per source (each pattern, and the links): a
 * source finds its spans in order and takes only free ones, so each list is sorted and without
 * overlaps, and a span's overlap with a list is found by bisection rather than by reading all of it.
 */
class TakenSpans {
  /** Per source: start, end pairs. */
  private readonly lists: number[][];

  constructor(sources: number) {
    this.lists = Array.from({ length: sources }, () => []);
  }

  clear(): void {
    for (const list of this.lists) list.length = 0;
  }

  add(source: number, s: number, e: number): void {
    this.lists[source].push(s, e);
  }

  /** Whether [s, e) overlaps none of the taken spans. */
  free(s: number, e: number): boolean {
    for (const list of this.lists) {
      if (list.length === 0) continue;
      work.steps++;
      // The last span that starts before e: of the list's spans, the only one that can reach past s.
      let lo = 0;
      let hi = list.length >> 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[2 * mid] < e) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0 && list[2 * lo - 1] > s) return false;
    }
    return true;
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function allDigits(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return e > s;
}

/** Whether text[s, e) is `word` (lower-case ASCII) in any ASCII case. */
function isWord(text: string, s: number, e: number, word: string): boolean {
  if (e - s !== word.length) return false;
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(s + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

function isSentenceStart(text: string, s: number): boolean {
  const before = text.slice(Math.max(0, s - 3), s);
  return s === 0 || /(?:^|[.!?]\s+|[\n\r\u2028\u2029])$/.test(before) || /^[“"‘']$/.test(text[s - 1] ?? '');
}

/** Whether a capitalised identifier head ("Article", "Flight") and white space come right before s. */
function isIdentifier(text: string, s: number): boolean {
  // `/([A-Za-z.]+)\s+$/` on the 20 characters before s, read backwards: the white space, then the word.
  const lo = Math.max(0, s - 20);
  let j = s;
  while (j > lo && isRegexSpaceCode(text.charCodeAt(j - 1))) j--;
  // Stryker disable next-line ConditionalExpression: without white space the word loop below stops at once (a letter or dot right before the number drops it earlier)
  if (j === s) return false;
  let k = j;
  while (k > lo && isLetterOrDot(text.charCodeAt(k - 1))) k--;
  // Stryker disable next-line ConditionalExpression: `text[k]` is then white space, never a capital
  if (k === j) return false;
  const first = text.charCodeAt(k);
  return first >= 65 && first <= 90 && IDENTIFIER_HEADS.has(text.slice(k, j).toLowerCase());
}

const isLetterOrDot = (c: number): boolean => c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

const WORD_RE = /^[\s—–-]*((?:of\s+)?(?:such\s+|the\s+|these\s+)?)([\p{L}][\p{L}’'-]*)/u;

const UNIT_WORDS = /([\p{L}][\p{L}’'-]*)(\s*)/gu;

function hasCountedNoun(text: string, e: number): boolean {
  const m = /^\s+([a-z][a-z-]+)/.exec(text.slice(e, e + 30));
  return !!m && !UNIT_STOPWORDS.has(m[1]) && !/^(?:and|or|but|to|through|until|when|after|before|as)$/.test(m[1]) && /s$/.test(m[1]);
}

function countedNounAfter(text: string, e: number): boolean {
  return countedNoun(text, e) !== null;
}

/** The counted head noun after a number: "30,000 European troops" → "troops". */
export function countedNoun(text: string, e: number): string | null {
  let rest = text.slice(e, e + 120);
  const lead = WORD_RE.exec(rest);
  if (!lead) return null;
  let unit: string | null = null;
  let count = 0;
  // Skip an "of such"/"of" lead for vague quantities: "thousands of European NATO members’ soldiers".
  rest = rest.slice(lead.index + lead[0].length - lead[2].length);
  // (exec rather than matchAll, which clones the regex per call; no empty matches)
  UNIT_WORDS.lastIndex = 0;
  for (let m = UNIT_WORDS.exec(rest); m !== null; m = UNIT_WORDS.exec(rest)) {
    if (m.index !== 0 && count === 0) break;
    const w = m[1].replace(/[’']$/, '');
    const lw = w.toLowerCase();
    if (UNIT_STOPWORDS.has(lw) || SCALE_WORDS.has(lw) && count === 0 || NUMBER_WORDS.has(lw) || MONTHS.has(lw)) break;
    if (/^[A-Z]/.test(w) && count === 0 && !/^(?:European|British|American|Russian|Ukrainian|French|German|Polish|NATO|US|U\.S|EU)$/.test(w)) {
      unit = null;
      break;
    }
    // A verb after the noun ends it ("one soldier died and", "300 people gathered outside the", "5,000
    // women marched."), where a participle before a noun does not ("an undocumented population").
    if (count > 0 && ((lw.length >= 4 && /[^e]ed$/.test(lw)) || PAST_FORMS.has(lw)) && !beforeNoun(rest, m.index + m[0].length)) break;
    unit = w;
    count++;
    const sep = m[2];
    if (sep === '' || count >= 4) break;
    // stop at punctuation after the word
    if (/[,.;:!?)]/.test(rest[m.index + m[0].length] ?? '')) break;
    if (!/^\s$/.test(sep)) break;
    // Plural head found, and the next word is not a noun-like continuation.
    if (((/s$/.test(lw) && !/(?:ss|ous|ics)$/.test(lw)) || IRREGULAR_PLURALS.has(lw)) && !isPossessive(m[1])) {
      const nxt = /^([\p{L}]+)/u.exec(rest.slice(m.index + m[0].length));
      if (!nxt || UNIT_STOPWORDS.has(nxt[1].toLowerCase()) || /^[A-Z]/.test(nxt[1])) break;
      if (!/s$/.test(nxt[1])) break;
    }
  }
  if (unit && /^[A-Z]/.test(unit) && !/^[A-Z]+s$/.test(unit)) return null;
  return unit;
}

/** Words that open what follows a verb, not a noun a participle describes. */
const AFTER_VERB: ReadonlySet<string> = new Set(['another', 'some', 'all', 'every', 'no', 'any', 'outside', 'inside', 'down', 'away', 'back', 'together', 'home', 'abroad', 'overnight', 'early', 'late']);

/** Whether a lower-case word that could be a noun comes next at `at` in `rest` (after any white space). */
function beforeNoun(rest: string, at: number): boolean {
  const next = /^\s*(\p{Ll}[\p{L}’'-]*)/u.exec(rest.slice(at));
  if (!next) return false;
  const w = next[1].toLowerCase();
  return !UNIT_STOPWORDS.has(w) && !AFTER_VERB.has(w) && !/ly$/.test(w);
}

/** Plural nouns without a final "s": a counted head ("30,000 people came"). */
const IRREGULAR_PLURALS: ReadonlySet<string> = new Set(['people', 'children', 'men', 'women', 'police', 'personnel', 'cattle', 'feet', 'teeth', 'geese', 'mice', 'gunmen', 'policemen', 'servicemen', 'firemen', 'fishermen', 'businessmen', 'congressmen', 'spokesmen', 'militiamen', 'countrymen', 'tradesmen']);

/** Past tenses without "-ed" that follow a counted noun as its verb ("40 people came"). */
const PAST_FORMS: ReadonlySet<string> = new Set(['came', 'went', 'fled', 'fought', 'met', 'left', 'held', 'made', 'won', 'lost', 'took', 'gave', 'saw', 'got', 'ran', 'fell', 'rose', 'began', 'stood', 'sat', 'spent', 'paid', 'sent', 'built', 'kept', 'told', 'flew', 'grew', 'drew', 'threw', 'wore', 'broke', 'spoke', 'wrote', 'drove', 'rode', 'sold', 'bought', 'brought', 'thought', 'caught', 'became', 'led', 'shot', 'hit', 'struck', 'swam', 'knew', 'found', 'heard', 'felt', 'slept', 'woke', 'ate', 'drank', 'sang', 'lay']);

function isPossessive(w: string): boolean {
  return /[’']$/.test(w);
}

function valueOf(surface: string, kind: FigureKind): number | null {
  if (kind === 'date' || kind === 'vague') return null;
  // Digits alone: their number (the general reading below gives the same).
  // Stryker disable next-line ConditionalExpression: a shortcut; the general reading gives the same number
  if (allDigits(surface, 0, surface.length)) return Number(surface);
  const digits = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/.exec(surface);
  let value: number | null = digits ? Number(digits[1].replace(/,/g, '')) : null;
  // Stryker disable next-line Regex: the empty words of a split at each character match no number word
  const words = surface.toLowerCase().split(/[\s-]+/);
  if (value === null) {
    let total = 0;
    let current = 0;
    // Stryker disable next-line BooleanLiteral: every figure without digits holds a number word (the patterns need one)
    let any = false;
    for (const w of words) {
      const n = NUMBER_WORDS.get(w);
      if (n === undefined) continue;
      any = true;
      if (n === 100) current = (current || 1) * 100;
      else if (n >= 1000) {
        total += (current || 1) * n;
        current = 0;
      } else current += n;
    }
    value = any ? total + current : null;
  } else {
    for (const w of words) {
      // A scale written onto the number ("40m", "$4.5bn", "€1,500m"): what follows the symbols and digits.
      // Stryker disable next-line Regex: unanchored, the match still starts at 0 (`\D*`)
      const scale = SCALE_WORDS.get(w.replace(/^\D*\d[\d,]*(?:\.\d+)?/, '')) ?? SCALE_WORDS.get(w);
      // Stryker disable next-line Regex: no scale word is made of digits
      if (scale !== undefined && !/^\d+$/.test(w)) value *= scale;
    }
  }
  return value;
}
