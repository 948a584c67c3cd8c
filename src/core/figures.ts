/** Figures: counts, money, percentages, dates, years, durations and vague quantities. */
import { CURRENCY_SYMBOLS, CURRENCY_WORDS, IDENTIFIER_HEADS, MONTHS, NUMBER_WORDS, SCALE_WORDS, TIME_UNITS, UNIT_STOPWORDS } from './lexicon';
import { isWordChar, type Line } from './text';
import type { FigureFinding, FigureKind } from './types';

const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?';
const NUM = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const WORDNUM = "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\\s+hundred|a\\s+dozen|dozen)(?:\\s+(?:hundred|thousand|million|billion|trillion))*";
const SCALE = '(?:\\s?(?:hundred|thousand|million|billion|trillion|bn|mn|tn)\\b|(?<=\\d)(?:bn|m|k)\\b)';
const CUR = `[${CURRENCY_SYMBOLS}]`;

/**
 * Each pattern with a cheap gate: a literal every match of the pattern must contain. A paragraph
 * without it cannot match, so the (slow, large-alternation) pattern is not run on it. (A currency
 * word in a money figure always follows a digit or a space and ends a word; a time unit in a
 * duration follows a hyphen or a space and ends a word.)
 */
const PATTERNS: { kind: FigureKind; re: RegExp; gate: RegExp | null }[] = [
  { kind: 'date', gate: /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/, re: new RegExp(`\\b(?:${MONTH_NAMES})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH_NAMES})(?:,?\\s+\\d{4})?\\b|\\b(?:${MONTH_NAMES})\\s+\\d{4}\\b`, 'g') },
  { kind: 'money', gate: new RegExp(`${CUR}|[\\d\\s](?:${[...CURRENCY_WORDS].join('|')}|euros?|USD|EUR|GBP)\\b`, 'i'), re: new RegExp(`(?:US|A|C|NZ|HK)?${CUR}\\s?(?:${NUM})${SCALE}?|(?:${NUM})${SCALE}?\\s?(?:${[...CURRENCY_WORDS].join('|')}|euros?|USD|EUR|GBP)\\b|\\b${WORDNUM}\\s+(?:${[...CURRENCY_WORDS].join('|')})\\b`, 'gi') },
  { kind: 'percent', gate: /%|per\s?cent\b/i, re: new RegExp(`(?:${NUM})\\s?(?:%|per\\s?cent\\b|percent\\b)|\\b${WORDNUM}\\s+(?:per\\s?cent|percent)\\b`, 'gi') },
  { kind: 'duration', gate: new RegExp(`[-\\s](?:${[...TIME_UNITS].join('|')})\\b`, 'i'), re: new RegExp(`\\b(?:${NUM}|${WORDNUM}|a\\s+few|several)[-\\s](?:${[...TIME_UNITS].join('|')})\\b`, 'gi') },
  { kind: 'vague', gate: /tens|hundreds|thousands|millions|billions|dozens|scores/i, re: /\b(?:tens|hundreds|thousands|millions|billions|dozens|scores)(?:\s+of\s+(?:thousands|millions|billions|dozens|hundreds))?\b/gi },
  { kind: 'count', gate: null, re: new RegExp(`(?:${NUM})${SCALE}?|\\b${WORDNUM}\\b`, 'gi') },
];

/** Finds figures in the document, skipping URLs, handles and identifiers. */
export function findFigures(text: string, lines: readonly Line[]): FigureFinding[] {
  const out: FigureFinding[] = [];
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    if (!/[0-9]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)/i.test(line.text)) continue;
    const taken: [number, number][] = [];
    const free = (s: number, e: number): boolean => taken.every(([a, b]) => e <= a || s >= b);
    // URLs and handles are never figures.
    if (line.text.includes('/') || line.text.includes('@')) {
      for (const m of line.text.matchAll(/https?:\/\/\S+|\b[\w.-]+\.(?:com|co|org|net|uk|io)\/\S*|@\w+/g)) taken.push([line.start + m.index, line.start + m.index + m[0].length]);
    }
    for (let p = 0; p < PATTERNS.length; p++) {
      const { kind, re, gate } = PATTERNS[p];
      if (gate !== null && !gate.test(line.text)) continue;
      re.lastIndex = 0;
      // exec rather than matchAll (which clones the regex per call); no pattern matches the empty string.
      for (let m = re.exec(line.text); m !== null; m = re.exec(line.text)) {
        let s = line.start + m.index;
        let e = s + m[0].length;
        let surface = m[0];
        // trim trailing spaces
        while (surface.endsWith(' ')) {
          surface = surface.slice(0, -1);
          e--;
        }
        if (!free(s, e)) continue;
        const before = text[s - 1];
        const after = text[e];
        if (isWordChar(before) || (after !== undefined && isWordChar(after) && kind !== 'count')) continue;
        if (kind === 'count' && after !== undefined && /[\p{L}]/u.test(after)) continue;
        if (kind === 'count' && (before === '.' || before === '/' || before === ':' || (after === ':' && /\d/.test(text[e + 1] ?? '')))) continue;
        let k: FigureKind = kind;
        const lower = surface.toLowerCase();
        if (kind === 'count') {
          const digits = /^\d{4}$/.test(surface);
          const val = Number(surface.replace(/,/g, ''));
          if (digits && val >= 1000 && val <= 2100 && (!hasCountedNoun(text, e) || (val >= 1900 && /(?:[-–]|\b(?:in|since|by|until|from|of|before|after|through|to)\s)$/.test(text.slice(Math.max(0, s - 8), s))))) k = 'year';
          else if (/^\d+s$/.test(surface)) k = 'year';
          if (isIdentifier(text, s) || (k === 'count' && /^[A-Z]/.test(surface) && !isSentenceStart(text, s))) continue;
          if (/^(?:one)$/i.test(lower) && !countedNounAfter(text, e)) continue;
          if (/^(?:one)$/i.test(lower) && /\b(?:the|this|that|no|any|every|each|which)\s+$/i.test(text.slice(Math.max(0, s - 8), s))) continue;
        }
        if (kind === 'vague' && /^tens$/i.test(surface)) {
          // "tens of dozens"
          const rest = /^\s+of\s+(dozens|hundreds|thousands|millions)/i.exec(text.slice(e));
          if (!rest) continue;
          e += rest[0].length;
          surface = text.slice(s, e);
        }
        if (kind === 'duration' && /^(?:a\s+few|several)/i.test(surface)) continue;
        if (kind === 'count' && /^\d+$/.test(surface) && text.slice(s - 1, s) === '-' && /\d/.test(text[s - 2] ?? '')) continue;
        if (k === 'year' && /[-–]$/.test(text.slice(s - 1, s)) && /[a-z]/i.test(text[s - 2] ?? '')) {
          // "pre-2014": the year alone.
        }
        while (e > s && /[.,]/.test(text[e - 1])) e--;
        surface = text.slice(s, e);
        taken.push([s, e]);
        const unit = k === 'count' || k === 'vague' ? countedNoun(text, e) : null;
        if ((k === 'count' || k === 'vague') && unit === null && k === 'vague') continue;
        out.push({ start: s, end: e, text: surface, kind: k, unit, value: valueOf(surface, k) });
        s = e;
      }
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

function isSentenceStart(text: string, s: number): boolean {
  const before = text.slice(Math.max(0, s - 3), s);
  return s === 0 || /(?:^|[.!?]\s+|\n)$/.test(before) || /^[“"‘']$/.test(text[s - 1] ?? '');
}

function isIdentifier(text: string, s: number): boolean {
  const m = /([A-Za-z.]+)\s+$/.exec(text.slice(Math.max(0, s - 20), s));
  if (!m) return false;
  const w = m[1];
  return /^[A-Z]/.test(w) && IDENTIFIER_HEADS.has(w.toLowerCase());
}

const WORD_RE = /^[\s—–-]*((?:of\s+)?(?:such\s+|the\s+|these\s+)?)([\p{L}][\p{L}’'-]*)/u;

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
  for (const m of rest.matchAll(/([\p{L}][\p{L}’'-]*)(\s*)/gu)) {
    if (m.index !== 0 && count === 0) break;
    const w = m[1].replace(/[’']$/, '');
    const lw = w.toLowerCase();
    if (UNIT_STOPWORDS.has(lw) || SCALE_WORDS.has(lw) && count === 0 || NUMBER_WORDS.has(lw) || MONTHS.has(lw)) break;
    if (/^[A-Z]/.test(w) && count === 0 && !/^(?:European|British|American|Russian|Ukrainian|French|German|Polish|NATO|US|U\.S|EU)$/.test(w)) {
      unit = null;
      break;
    }
    unit = w;
    count++;
    const sep = m[2];
    if (sep === '' || count >= 4) break;
    // stop at punctuation after the word
    if (/[,.;:!?)]/.test(rest[m.index + m[0].length] ?? '')) break;
    if (!/^\s$/.test(sep)) break;
    // Plural head found, and the next word is not a noun-like continuation.
    if (/s$/.test(lw) && !/(?:ss|ous|ics)$/.test(lw) && !isPossessive(m[1])) {
      const nxt = /^([\p{L}]+)/u.exec(rest.slice(m.index + m[0].length));
      if (!nxt || UNIT_STOPWORDS.has(nxt[1].toLowerCase()) || /^[A-Z]/.test(nxt[1])) break;
      if (!/s$/.test(nxt[1])) break;
    }
  }
  if (unit && /^[A-Z]/.test(unit) && !/^[A-Z]+s$/.test(unit)) return null;
  return unit ? unit.toLowerCase() === unit ? unit : unit : null;
}

function isPossessive(w: string): boolean {
  return /[’']$/.test(w);
}

function valueOf(surface: string, kind: FigureKind): number | null {
  if (kind === 'date' || kind === 'vague') return null;
  const digits = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/.exec(surface);
  let value: number | null = digits ? Number(digits[1].replace(/,/g, '')) : null;
  const words = surface.toLowerCase().split(/[\s-]+/);
  if (value === null) {
    let total = 0;
    let current = 0;
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
      const scale = SCALE_WORDS.get(w.replace(/^\d+(?:\.\d+)?/, '')) ?? SCALE_WORDS.get(w);
      if (scale !== undefined && !/^\d+$/.test(w)) value *= scale;
    }
  }
  return value;
}
