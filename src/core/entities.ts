/**
 * Named mentions: people (every mention), organisations, countries and groups (kept as candidates;
 * they become mentions where they speak). Aliases of one person are merged into one entity:
 * "Keir Starmer" = "Sir Keir" = "Starmer" = "Kier Starmer" = "Stammer".
 */
import {
  CAPITALISED_STOPWORDS, COUNTRIES, DEMONYMS, FEMALE_FIRST_NAMES, GROUP_NOUNS, HONORIFICS, NUMBER_WORDS, MEDIA_HEADS, MENTION_HONORIFICS,
  MONTHS, ORG_HEADS, ORGANISATIONS, SPEECH_VERBS, TITLE_WORDS, US_STATE_ABBREVIATIONS, US_STATES, WEEKDAYS, WORDS_BEFORE_SPEECH_VERB,
} from './lexicon';
import { KNOWN_PEOPLE, type KnownPerson } from './people';
import { charClass, editDistance, kebab, possessiveEnd, sortByStart, WordClasses, type Tokens, type WordList } from './text';
import type { Entity, EntityKind, Span } from './types';
import { work } from './work';

export interface Candidate extends Span {
  text: string;
  kind: EntityKind;
  /** Entity id once clustered. */
  entity: string;
  possessive: boolean;
  /** Lower-case office titles seen with this mention ("chancellor", "prime minister"). */
  titles: readonly string[];
  /** First and last token index of the mention. */
  t0: number;
  t1: number;
  /** Mentions in headlines/tweets: persons only. */
  blocked: boolean;
  female: boolean;
  media: boolean;
}

const LOCATION_HEADS = new Set(['county', 'palace', 'street', 'square', 'house', 'hall', 'sea', 'ocean', 'river', 'mountains', 'island', 'islands', 'bay', 'airport', 'base', 'city', 'province', 'region', 'oblast', 'valley', 'park', 'bridge', 'avenue', 'road', 'cathedral', 'church', 'tower', 'castle', 'peninsula', 'strait', 'gulf', 'lake', 'border', 'front', 'line', 'states', 'war', 'day', 'summit', 'conference', 'talks', 'deal', 'plan', 'agreement', 'treaty', 'accords', 'games', 'cup', 'prize', 'award', 'act', 'bill', 'law', 'continent', 'baltics', 'heights']);
/** Months and weekdays. */
const DATE_WORDS: ReadonlySet<string> = new Set([...MONTHS.keys(), ...WEEKDAYS]);
/** Words that are not a name on their own: demonyms, group nouns, capitalised stopwords. */
const LONE_NON_NAMES: ReadonlySet<string> = new Set([...DEMONYMS, ...GROUP_NOUNS, ...CAPITALISED_STOPWORDS]);
const MODIFIED_NOUNS = new Set(['administration', 'government', 'campaign', 'team', 'camp', 'era', 'presidency', 'doctrine']);
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'bin', 'al', 'da', 'di', 'del', 'della', 'la', 'le', 'du', 'dos', 'das', 'ter', 'ibn', 'el']);

interface Segment {
  kind: 'org' | 'country' | 'title' | 'honorific' | 'name';
  t0: number;
  t1: number;
  canonical: string | undefined;
}


/** `w` without a final "'s" (with `curly`, also "’s" and "¿s"). */
function dropS(w: string, curly: boolean): string {
  const n = w.length;
  if (n < 2 || w.charCodeAt(n - 1) !== 115) return w;
  const a = w.charCodeAt(n - 2);
  return a === 39 || (curly && (a === 0x2019 || a === 0xbf)) ? w.slice(0, -2) : w;
}

/**
 * First words of every gazetteer entry, each with the most words (split at spaces and hyphens) of an
 * entry it starts: a run of more tokens than that cannot spell an entry (tokens in a run are joined
 * by a space or a hyphen), so longer lookups are skipped.
 */
const GAZETTEER_FIRST_WORDS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const k of [...ORGANISATIONS.keys(), ...COUNTRIES.keys()]) {
    const parts = k.split(/[\s-]/);
    m.set(parts[0], Math.max(m.get(parts[0]) ?? 0, parts.length));
  }
  return m;
})();

// Word lists looked up on the folded word without a possessive 's ("base") ...
const B_HONORIFIC = 1;
const B_TITLE = 2;
const B_ORG_HEAD = 4;
const B_STOPWORD = 8;
const B_DATE = 16; // month or weekday
const B_MEDIA_HEAD = 32;
const B_LOCATION_HEAD = 64;
const B_LONE_NON_NAME = 128; // demonym, group noun or capitalised stopword: not a name on its own
// ... and on the folded word as it is ("raw").
const R_PARTICLE = 1;
const R_TITLE = 2;
const R_NUMBER = 4;
const R_MENTION_HONORIFIC = 8;
const R_MODIFIED_NOUN = 16;
const R_SPEECH_VERB = 32;
const R_SKIPPED_BEFORE_VERB = 64;
const R_US_STATE = 128;
const R_US_STATE_ABBREVIATION = 256;
const R_OF = 512; // the word "of"
/** The lists of the B_ and R_ bits, in bit order. */
const BASE_LISTS: readonly WordList[] = [HONORIFICS, TITLE_WORDS, ORG_HEADS, CAPITALISED_STOPWORDS, DATE_WORDS, MEDIA_HEADS, LOCATION_HEADS, LONE_NON_NAMES];
const RAW_LISTS: readonly WordList[] = [PARTICLES, TITLE_WORDS, NUMBER_WORDS, MENTION_HONORIFICS, MODIFIED_NOUNS, SPEECH_VERBS, WORDS_BEFORE_SPEECH_VERB, US_STATES, US_STATE_ABBREVIATIONS, new Set(['of'])];

/**
 * Facts about the words of one text that depend on the word alone, each found once per distinct
 * word: a 1 MB article has about 170,000 tokens but only about 10,000 distinct words.
 */
class WordFacts {
  readonly base: WordClasses;
  readonly raw: WordClasses;
  /** Per word id: the most words of a gazetteer entry the word starts (0 none), -1 not yet known. */
  private readonly firstWords: Int8Array;
  /** Per word id: the gazetteer entry the whole word names, as [organisation, country]; undefined not yet known. */
  private readonly entries: ([string | undefined, string | undefined] | undefined)[];

  constructor(private readonly tokens: Tokens) {
    this.base = new WordClasses(tokens, BASE_LISTS, (lw) => dropS(lw, false));
    this.raw = new WordClasses(tokens, RAW_LISTS);
    this.firstWords = new Int8Array(tokens.wordCount).fill(-1);
    this.entries = new Array<[string | undefined, string | undefined] | undefined>(tokens.wordCount);
  }

  /** The most words of a gazetteer entry that token k (without a possessive ending) can start. */
  gazetteerWords(k: number): number {
    const id = this.tokens.wordId(k)!;
    let v = this.firstWords[id];
    if (v < 0) {
      v = GAZETTEER_FIRST_WORDS.get(dropS(this.tokens.w(k), true)) ?? 0;
      this.firstWords[id] = v;
    }
    return v;
  }

  /**
   * Index of the speech verb right after token t1, past at most three auxiliaries or adverbs
   * ("X has also said"), or -1.
   */
  speechVerbAfter(t1: number): number {
    for (let k = t1 + 1; k <= t1 + 4 && k < this.tokens.length; k++) {
      const bits = this.raw.of(k);
      if ((bits & R_SPEECH_VERB) !== 0) return k;
      if ((bits & R_SKIPPED_BEFORE_VERB) === 0) return -1;
    }
    return -1;
  }

  /** The organisation and country that token k's whole word names. */
  entry(k: number): [string | undefined, string | undefined] {
    const id = this.tokens.wordId(k)!;
    let v = this.entries[id];
    if (v === undefined) {
      const w = this.tokens.w(k);
      v = [ORGANISATIONS.get(w), COUNTRIES.get(w)];
      this.entries[id] = v;
    }
    return v;
  }
}

/** Tokens a and a + 1 are separated by one space, or by a hyphen before a capital. */
function joined(tokens: Tokens, a: number): boolean {
  const end = tokens.end[a];
  if (tokens.start[a + 1] - end !== 1) return false;
  const c = tokens.units[end];
  return c === 32 || (c === 45 && tokens.capitalised(a + 1));
}

/** Tokens a and a + 1 are separated by one line break ("\n", "\r\n" or "\r"): a line wrapped inside a paragraph. */
function wrapped(tokens: Tokens, a: number): boolean {
  const end = tokens.end[a];
  const gap = tokens.start[a + 1] - end;
  const c = tokens.units[end];
  return gap === 2 ? c === 13 && tokens.units[end + 1] === 10 : gap === 1 && (c === 10 || c === 13);
}

/** End of token k without its possessive ending. */
function baseEnd(tokens: Tokens, k: number): number {
  const e = possessiveEnd(tokens, k);
  return e < 0 ? tokens.end[k] : e;
}

/** Last token index of the capitalised run starting at token i (a capitalised token). */
function runEnd(tokens: Tokens, facts: WordFacts, i: number): number {
  let j = i;
  while (j + 1 < tokens.length) {
    if (possessiveEnd(tokens, j) >= 0) break;
    const b = j + 1;
    // A name wrapped over two lines ("Dorian\nWelk"); not a name run into the next line's first word
    // ("― Vera Stone\nThe mayor"): a stopword, title, honorific or date there starts something else.
    if (wrapped(tokens, j) && tokens.capitalised(b) && (facts.base.of(b) & (B_STOPWORD | B_TITLE | B_HONORIFIC | B_DATE)) === 0) {
      j++;
      continue;
    }
    if (!joined(tokens, j)) break;
    if (tokens.capitalised(b)) {
      j++;
      continue;
    }
    const bits = facts.raw.of(b);
    if ((bits & R_PARTICLE) !== 0 && j + 2 < tokens.length && tokens.capitalised(j + 2) && joined(tokens, b)) j += 2;
    else if ((bits & R_OF) !== 0 && j + 2 < tokens.length && tokens.capitalised(j + 2) && facts.raw.is(j, R_TITLE)) j += 2;
    else break;
  }
  return j;
}

/**
 * The segments of one run. The segment objects are kept for the next run of the same call and made
 * afresh (`make`) by resetting them: segments never outlive the run being read.
 */
class Segments {
  private readonly items: Segment[] = [];
  private readonly pool: Segment[] = [];
  private made = 0;
  length = 0;
  push(seg: Segment): void {
    this.items[this.length++] = seg;
  }
  at(k: number): Segment | undefined {
    return k >= 0 && k < this.length ? this.items[k] : undefined;
  }
  /** A segment for the current run (not yet pushed). */
  make(kind: Segment['kind'], t0: number, t1: number, canonical: string | undefined): Segment {
    let seg = this.pool[this.made];
    if (seg === undefined) {
      seg = { kind, t0, t1, canonical };
      this.pool.push(seg);
    } else {
      seg.kind = kind;
      seg.t0 = t0;
      seg.t1 = t1;
      seg.canonical = canonical;
    }
    this.made++;
    return seg;
  }
  /** Starts the next run. */
  clear(): void {
    this.length = 0;
    this.made = 0;
  }
}

/** Tokens t0..t1 name a US state, or are a state abbreviation with its dot after "Town, ". */
function isUsState(tokens: Tokens, facts: WordFacts, t0: number, t1: number): boolean {
  if (t1 === t0 + 1) return STATE_FIRST_WORDS.has(tokens.lw(t0)) && US_STATES.has(`${tokens.lw(t0)} ${tokens.lw(t1)}`);
  if (t0 !== t1) return false;
  const raw = facts.raw.of(t0);
  if ((raw & R_US_STATE) !== 0) return true;
  if ((raw & R_US_STATE_ABBREVIATION) === 0) return false;
  const start = tokens.start[t0];
  return tokens.units[tokens.end[t0]] === 46 /* . */ && tokens.units[start - 1] === 32 && tokens.units[start - 2] === 44 /* , */;
}

/** First words of the US states named by two words. */
const STATE_FIRST_WORDS: ReadonlySet<string> = new Set([...US_STATES].filter((s) => s.includes(' ')).map((s) => s.split(' ')[0]));

/** Countries that are also surnames. */
const SURNAME_COUNTRIES = new Set(['jordan', 'georgia', 'israel', 'chad', 'kenya', 'england', 'france', 'wales', 'holland']);

/** Title words that are also surnames. */
const SURNAME_TITLES = new Set(['king', 'bishop', 'major', 'judge', 'marshal', 'cardinal', 'dean', 'knight', 'prince', 'pope', 'sheriff', 'chamberlain', 'steward']);

/** "Mr. King", "Ms. Bishop": a title word that is also a surname, alone after "Mr."/"Ms."/"Dr." …, is the name. */
function surnameAfterHonorific(tokens: Tokens, facts: WordFacts, segs: Segments, i: number, i1: number): boolean {
  if (i !== i1 || !SURNAME_TITLES.has(dropS(tokens.lw(i), false))) return false;
  const prev = segs.at(segs.length - 1);
  return prev !== undefined && prev.kind === 'honorific' && prev.t1 === i - 1 && facts.raw.is(i - 1, R_MENTION_HONORIFIC);
}

/** Ends the name segment being built, if any: returns the new (empty) name. */
function flush(segs: Segments, name: Segment | null): null {
  if (name) segs.push(name);
  return null;
}

/** Splits the capitalised run i0..i1 into organisation/country/title/honorific/name segments, appended to `segs`. */
function segmentRun(text: string, tokens: Tokens, facts: WordFacts, i0: number, i1: number, sentenceStartAt: (offset: number) => boolean, segs: Segments): void {
  let i = i0;
  let name: Segment | null = null;
  while (i <= i1) {
    // Longest gazetteer match (organisations first, then countries).
    let matched = false;
    const words = facts.gazetteerWords(i);
    for (let len = Math.min(6, words, i1 - i + 1); len >= 1 && !matched; len--) {
      const end = baseEnd(tokens, i + len - 1);
      let org: string | undefined;
      let country: string | undefined;
      if (len === 1 && end === tokens.end[i]) {
        // One whole token: looked up once per distinct word.
        [org, country] = facts.entry(i);
      } else {
        const surface = text.slice(tokens.start[i], end);
        org = ORGANISATIONS.get(surface);
        country = COUNTRIES.get(surface);
      }
      // "Chuck Jordan", "Bill Georgia": a country that is also a surname, right after a name, is part of the name.
      if (org === undefined && len === 1 && name !== null && name.t1 === i - 1 && SURNAME_COUNTRIES.has(tokens.lw(i))) country = undefined;
      if (org !== undefined || country !== undefined) {
        // A name continuing after the match ("Washington Post" inside "The Washington Post Company") is fine.
        name = flush(segs, name);
        segs.push(segs.make(org !== undefined ? 'org' : 'country', i, i + len - 1, org ?? country));
        i += len;
        matched = true;
      }
    }
    if (matched) continue;
    const base = facts.base.of(i);
    // A capitalised speech verb inside a run ends the name: headlines such as "Obama Says It Is Time".
    if (i > i0 && facts.raw.is(i, R_SPEECH_VERB) && (base & (B_ORG_HEAD | B_TITLE)) === 0) {
      name = flush(segs, name);
      i++;
      continue;
    }
    if ((base & B_HONORIFIC) !== 0 && i < i1) {
      name = flush(segs, name);
      segs.push(segs.make('honorific', i, i, undefined));
    } else if ((base & B_TITLE) !== 0 && !surnameAfterHonorific(tokens, facts, segs, i, i1) && (name === null || (i < i1 && (base & B_ORG_HEAD) === 0 && !facts.base.is(i + 1, B_ORG_HEAD)))) {
      name = flush(segs, name);
      const prev = segs.at(segs.length - 1);
      if (prev && prev.kind === 'title') prev.t1 = i;
      else segs.push(segs.make('title', i, i, undefined));
    } else if (((base & B_STOPWORD) !== 0 && (i === i0 || sentenceStartAt(tokens.start[i]))) || (base & B_DATE) !== 0) {
      name = flush(segs, name);
    } else if (name) {
      (name).t1 = i;
    } else {
      name = segs.make('name', i, i, undefined);
    }
    i++;
  }
  name = flush(segs, name);
}

export interface EntityResult {
  candidates: Candidate[];
  entities: Map<string, Entity>;
  /** Index of the speech verb right after token t1 ("X has also said"), or -1: one routine for lone surnames here and speaking organisations in `analyze`. */
  speechVerbAfter: (t1: number) => number;
}

/** Finds mention candidates and clusters them into entities. `sentenceStartAt(offset)` tells a sentence-initial word; `blockedAt(offset)` marks headline/tweet text. */
export function findEntities(
  text: string,
  tokens: Tokens,
  sentenceStartAt: (offset: number) => boolean,
  blockedAt: (offset: number) => boolean,
  known: readonly Entity[] = [],
): EntityResult {
  const raw: RawCandidate[] = [];
  /** The person candidates, as indices into `raw`. */
  const persons: number[] = [];
  const segs = new Segments();
  const facts = new WordFacts(tokens);
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens.capitalised(i)) continue;
    const j = runEnd(tokens, facts, i);
    // A lone title, capitalised stopword or date ("The", "But", "Minister", "Monday") that starts no
    // gazetteer entry makes no segment but a title or nothing, so no candidate: `segmentRun` is skipped.
    if (j === i && facts.gazetteerWords(i) === 0 && (facts.base.of(i) & (B_TITLE | B_STOPWORD | B_DATE)) !== 0) continue;
    segs.clear();
    segmentRun(text, tokens, facts, i, j, sentenceStartAt, segs);
    i = j;
    for (let s = 0; s < segs.length; s++) {
      const seg = segs.at(s)!;
      if (seg.kind === 'title' || seg.kind === 'honorific') continue;
      // A compound adjective before a name of two words or more is no part of it: "the Kremlin-backed
      // Ivo Brandt". (Before one word it is left to make no name: "a Cuban-born Christian minister".)
      if (seg.kind === 'name') while (seg.t1 - seg.t0 >= 2 && hyphenLower(tokens.w(seg.t0))) seg.t0++;
      const firstStart = tokens.start[seg.t0];
      const pe = possessiveEnd(tokens, seg.t1);
      const possessive = pe >= 0;
      const end = possessive ? pe : tokens.end[seg.t1];
      const blocked = blockedAt(firstStart);
      if (seg.kind === 'org' || seg.kind === 'country') {
        const canonical = seg.canonical!;
        const kind: EntityKind = seg.kind === 'org' ? 'organization' : canonical === 'Europe' ? 'group' : 'country';
        raw.push(cand(spanText(text, tokens, seg.t0, end), firstStart, end, kind, canonical, possessive, NO_TITLES, seg.t0, seg.t1, blocked));
        continue;
      }
      // name segment
      const lastBase = facts.base.of(seg.t1);
      const prevSeg = segs.at(s - 1);
      if ((lastBase & B_ORG_HEAD) !== 0 && !(prevSeg && prevSeg.kind === 'honorific')) {
        let t0 = seg.t0;
        if (prevSeg && prevSeg.kind === 'country' && prevSeg.t1 === seg.t0 - 1) t0 = prevSeg.t0;
        if (t0 > 0 && tokens.w(t0 - 1) === 'The' && (lastBase & B_MEDIA_HEAD) !== 0 && tokens.start[t0] - tokens.end[t0 - 1] === 1 && tokens.units[tokens.end[t0 - 1]] === 32) t0--;
        const surface = spanText(text, tokens, t0, end);
        const org = cand(surface, tokens.start[t0], end, 'organization', surface, possessive, NO_TITLES, t0, seg.t1, blocked);
        org.media = (lastBase & B_MEDIA_HEAD) !== 0;
        raw.push(org);
        continue;
      }
      const nameLen = seg.t1 - seg.t0 + 1;
      // A place ("Harbour Park"), unless a known first name comes before the place word ("Lena Park").
      if ((lastBase & B_LOCATION_HEAD) !== 0 && !(nameLen === 2 && FEMALE_FIRST_NAMES.has(tokens.lw(seg.t0)) && tokens.lw(seg.t0 - 1) !== 'the')) continue;
      // "the Baltic states": one word between "the" and a lower-case place word names the place.
      if (nameLen === 1 && tokens.lw(seg.t0 - 1) === 'the' && seg.t1 + 1 < tokens.length && !tokens.capitalised(seg.t1 + 1) && !possessive && joined(tokens, seg.t1) && facts.base.is(seg.t1 + 1, B_LOCATION_HEAD)) continue;
      if (tokens.units[firstStart - 1] === 40 /* ( */ && /^[A-Z]-[A-Z]/.test(text.slice(firstStart, firstStart + 3))) continue; // "(D-N.C.)", "(D-Nev.)" party tags
      if (nameLen > 4) continue;
      // Not names: number words ("Article Five"), hyphenated adjectives ("French-led"), lone demonyms and group nouns.
      let notName = false;
      for (let t = seg.t0; t <= seg.t1 && !notName; t++) notName = facts.raw.is(t, R_NUMBER) || hyphenLower(tokens.w(t));
      if (notName) continue;
      if (nameLen === 1 && (lastBase & B_LONE_NON_NAME) !== 0) continue;
      // US states are places: "Columbus, Ohio, said", "Flint, Mich., said".
      // ("New Jersey": the capitalised stopword "New" at the start of the run is no part of the segment.)
      if (isUsState(tokens, facts, seg.t0, seg.t1) || (nameLen === 1 && seg.t0 > 0 && (joined(tokens, seg.t0 - 1) || wrapped(tokens, seg.t0 - 1)) && isUsState(tokens, facts, seg.t0 - 1, seg.t1))) continue;
      let start = firstStart;
      // (Made only for a name with titles: most have none.)
      let titles: string[] | null = null;
      let honorific = false;
      for (let p = s - 1; p >= 0; p--) {
        const ps = segs.at(p)!;
        if (ps.kind === 'honorific' && p === s - 1) {
          honorific = true;
          if (facts.raw.is(ps.t0, R_MENTION_HONORIFIC)) start = tokens.start[ps.t0];
          else (titles ??= []).push(tokens.lw(ps.t0).replace(/\.$/, ''));
        } else if (ps.kind === 'title') {
          (titles ??= []).push(text.slice(tokens.start[ps.t0], tokens.end[ps.t1]).toLowerCase());
        } else break;
      }
      // Lower-case titles right before the run: "defence secretary Pete Hegseth", "spokesman Dmitry Peskov".
      let lowerTitles: string[] | null = null;
      for (let p = seg.t0 - 1; p >= Math.max(0, seg.t0 - 3); p--) {
        if (tokens.capitalised(p) || !facts.raw.is(p, R_TITLE)) break;
        if (tokens.start[p + 1] - tokens.end[p] !== 1 || tokens.units[tokens.end[p]] !== 32) break;
        (lowerTitles ??= []).unshift(tokens.lw(p));
      }
      if (lowerTitles !== null && !['of', 'the', 'state', 'national', 'security', 'former'].includes(lowerTitles[lowerTitles.length - 1])) (titles ??= []).push(lowerTitles.join(' '));
      const nameText = spanText(text, tokens, seg.t0, end);
      const c = cand(start === firstStart ? nameText : text.slice(start, end), start, end, 'person', nameText, possessive, titles ?? NO_TITLES, seg.t0, seg.t1, blocked);
      c.honorific = honorific || titles !== null;
      // "the Trump administration", "Trump administration officials": a modifier, not a mention.
      if (seg.t1 + 1 < tokens.length && !possessive && facts.raw.is(seg.t1 + 1, R_MODIFIED_NOUN)) continue;
      persons.push(raw.length);
      raw.push(c);
    }
  }
  return cluster(text, tokens, facts, raw, persons, known);
}

/** The titles of every organisation and country candidate: one shared empty list. */
const NO_TITLES: readonly string[] = Object.freeze([]);


/** A hyphen followed by a lower-case letter ("French-led"). */
/** Compound adjectives ("French-led", "Kremlin-backed"); "Geun-hye" or "al-Assad"-style names are kept. */
const ADJECTIVE_SUFFIXES = new Set(['led', 'based', 'born', 'backed', 'owned', 'run', 'style', 'era', 'speaking', 'like', 'made', 'funded', 'linked', 'controlled', 'aligned', 'friendly', 'leaning', 'held', 'occupied', 'sponsored', 'dominated', 'allied', 'bound', 'wide', 'level', 'minded', 'inspired', 'focused', 'centric', 'related', 'specific', 'american', 'european', 'russian', 'ukrainian', 'british', 'french', 'german']);
function hyphenLower(w: string): boolean {
  for (let k = w.indexOf('-'); k >= 0; k = w.indexOf('-', k + 1)) {
    if ((charClass(w.charCodeAt(k + 1)) & 4) === 0) continue;
    const next = w.indexOf('-', k + 1);
    if (ADJECTIVE_SUFFIXES.has(w.slice(k + 1, next < 0 ? w.length : next).toLowerCase())) return true;
  }
  return false;
}

const mediaNameCache = new Map<string, boolean>();
/** The last word of an organisation's name is a media head ("The Washington Post"). */
function mediaName(canonical: string): boolean {
  let v = mediaNameCache.get(canonical);
  if (v === undefined) {
    v = MEDIA_HEADS.has(canonical.split(/\s+/).pop()!.toLowerCase());
    if (mediaNameCache.size >= 10_000) mediaNameCache.clear();
    mediaNameCache.set(canonical, v);
  }
  return v;
}

/** A candidate while clustering; every candidate gets all fields up front, so they share one shape. */
interface RawCandidate extends Candidate {
  /** Named with an honorific or a title. */
  honorific: boolean;
  cluster: PersonCluster | null;
}

/** The text from the start of token k to `end`, reusing the (interned) token word when that is all of it. */
function spanText(text: string, tokens: Tokens, k: number, end: number): string {
  return tokens.end[k] === end ? tokens.w(k) : text.slice(tokens.start[k], end);
}

/** A candidate; `surface` is the text of start..end. */
function cand(surface: string, start: number, end: number, kind: EntityKind, canonical: string, possessive: boolean, titles: readonly string[], t0: number, t1: number, blocked: boolean): RawCandidate {
  return new RawCand(start, end, surface, kind, canonical, possessive, titles, t0, t1, blocked, kind === 'organization' && mediaName(canonical));
}
const POSSESSIVE = 1;
const BLOCKED = 2;
const FEMALE = 4;
const MEDIA = 8;
const HONORIFIC = 16;

/**
 * A candidate: one class, so all share a shape; its five yes/no facts are bits of one number (a 1 MB
 * text has some 20,000 candidates, read in several passes: ten fields a candidate instead of fourteen).
 */
class RawCand implements RawCandidate {
  private bits: number;
  cluster: PersonCluster | null = null;
  constructor(
    public start: number,
    public end: number,
    public text: string,
    public kind: EntityKind,
    public entity: string,
    possessive: boolean,
    public titles: readonly string[],
    public t0: number,
    public t1: number,
    blocked: boolean,
    media: boolean,
  ) {
    this.bits = (possessive ? POSSESSIVE : 0) | (blocked ? BLOCKED : 0) | (media ? MEDIA : 0);
  }
  private flag(bit: number, on: boolean): void {
    this.bits = on ? this.bits | bit : this.bits & ~bit;
  }
  get possessive(): boolean {
    return (this.bits & POSSESSIVE) !== 0;
  }
  get blocked(): boolean {
    return (this.bits & BLOCKED) !== 0;
  }
  get female(): boolean {
    return (this.bits & FEMALE) !== 0;
  }
  set female(on: boolean) {
    this.flag(FEMALE, on);
  }
  get media(): boolean {
    return (this.bits & MEDIA) !== 0;
  }
  set media(on: boolean) {
    this.flag(MEDIA, on);
  }
  get honorific(): boolean {
    return (this.bits & HONORIFIC) !== 0;
  }
  set honorific(on: boolean) {
    this.flag(HONORIFIC, on);
  }
}

const foldCache = new Map<string, string>();
const fold = (s: string): string => {
  let v = foldCache.get(s);
  if (v === undefined) {
    v = /[^\x00-\x7f]/.test(s) ? s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase() : s.toLowerCase();
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(s, v);
  }
  return v;
};

/** A well-known person whose surname (or a close misspelling) and first name fit the cluster; null when ambiguous. */
function knownPerson(k: PersonCluster): KnownPerson | undefined {
  const last = fold(k.last);
  let hits = KNOWN_BY_SURNAME.get(last) ?? [];
  if (hits.length === 0 && last.length >= 6) {
    hits = [];
    for (const [surname, people] of KNOWN_BY_SURNAME) if (surname[0] === last[0] && editDistance(surname, last, 1) <= 1) hits.push(...people);
  }
  if (k.first !== null) {
    const byFirst = (name: string): IndexedPerson[] => {
      const first = fold(name);
      return hits.filter((p) => p.firsts.some((f) => f === first || (first.length >= 4 && editDistance(f, first, 2) <= 2)));
    };
    let fitting = byFirst(k.first);
    // "Liar-of the Year Barack Obama": a capitalised word run into the name; the word before the surname may be the first name.
    if (fitting.length === 0) {
      for (const full of k.full.keys()) {
        const words = full.split(' ');
        if (words.length >= 3) fitting = byFirst(words[words.length - 2]);
        if (fitting.length > 0) break;
      }
    }
    hits = fitting;
  }
  return hits.length === 1 ? hits[0].person : undefined;
}

interface IndexedPerson {
  person: KnownPerson;
  firsts: string[];
}

const KNOWN_BY_SURNAME: ReadonlyMap<string, IndexedPerson[]> = (() => {
  const m = new Map<string, IndexedPerson[]>();
  for (const person of KNOWN_PEOPLE) {
    const words = person.name.split(' ');
    const firsts = [fold(words[0])];
    const surnames = [fold(words[words.length - 1])];
    for (const v of person.variants ?? []) {
      const vw = v.split(' ');
      (/^\p{Lu}/u.test(v) && vw.length === 1 && fold(v)[0] === firsts[0][0] && fold(v) !== surnames[0] && editDistance(fold(v), firsts[0], 3) <= 3 ? firsts : surnames).push(fold(vw[vw.length - 1]));
    }
    for (const surname of surnames) m.set(surname, [...(m.get(surname) ?? []), { person, firsts }]);
  }
  return m;
})();

function withoutHonorific(form: string): string {
  const sp = form.indexOf(' ');
  return sp > 0 && MENTION_HONORIFICS.has(form.slice(0, sp).toLowerCase()) ? form.slice(sp + 1) : form;
}

interface PersonCluster {
  first: string | null;
  last: string;
  /** `last` folded. */
  lastFold: string;
  forms: Map<string, number>;
  full: Map<string, number>;
  titles: Set<string>;
  female: boolean;
  order: number;
  /** Position in the list of clusters (order of creation). */
  created: number;
}

const NO_CLUSTERS: readonly PersonCluster[] = [];

/**
 * How many clusters of one surname (or one first name) a full name is compared with, in order of
 * creation. An article names a few people of one surname; a text with thousands of them ("Ka
 * Smith", "Lo Smith", …) made every new name a pass over all the ones before.
 */
const NAMESAKES = 64;

/** The first of the first NAMESAKES clusters of `list` that `pred` accepts. */
function firstNamesake(list: readonly PersonCluster[] | undefined, pred: (k: PersonCluster) => boolean): PersonCluster | undefined {
  if (list === undefined) return undefined;
  const n = Math.min(list.length, NAMESAKES);
  for (let j = 0; j < n; j++) {
    work.steps++;
    if (pred(list[j])) return list[j];
  }
  return undefined;
}

/** Index of the first cluster of `list` (in order of creation) created at or after position `from`. */
function firstCreatedFrom(list: readonly PersonCluster[], from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].created < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Clusters the candidates into entities; `persons` are the indices of the person candidates in `raw`. */
function cluster(_text: string, tokens: Tokens, facts: WordFacts, raw: RawCandidate[], persons: readonly number[], known: readonly Entity[]): EntityResult {
  const entities = new Map<string, Entity>();
  const clusters: PersonCluster[] = [];
  // The clusters by folded surname, by folded first name (those with one) and by the lower-cased
  // initial of the surname, each list in order of creation: a lookup reads the clusters that can
  // answer it, not all of them (a text of a few hundred articles has thousands of clusters).
  const byLast = new Map<string, PersonCluster[]>();
  const byFirstName = new Map<string, PersonCluster[]>();
  /** By initial, then by the length of the folded surname (an edit distance is at least the difference of lengths). */
  const byInitial = new Map<string, Map<number, PersonCluster[]>>();
  const addTo = <K>(index: Map<K, PersonCluster[]>, key: K, k: PersonCluster): void => {
    const list = index.get(key);
    if (list) list.push(k);
    else index.set(key, [k]);
  };
  /** A new cluster (`first` null for a surname alone), indexed. */
  const addCluster = (first: string | null, last: string, order: number): PersonCluster => {
    const k: PersonCluster = { first, last, lastFold: fold(last), forms: new Map(), full: new Map(), titles: new Set(), female: false, order, created: clusters.length };
    clusters.push(k);
    const lastFold = k.lastFold;
    addTo(byLast, lastFold, k);
    if (k.first !== null) addTo(byFirstName, fold(k.first), k);
    const initial = k.last[0].toLowerCase();
    let byLength = byInitial.get(initial);
    if (byLength === undefined) byInitial.set(initial, (byLength = new Map<number, PersonCluster[]>()));
    addTo(byLength, lastFold.length, k);
    return k;
  };
  // Answers of `closeSurname` so far: the cluster found, or none among the first `upTo` clusters
  // (clusters are only added, so a later call reads only the newer ones).
  const closeMemo = new Map<string, { found: PersonCluster | undefined; upTo: number }>();
  /** The first cluster (in order of creation) whose surname starts with `last`'s initial and is at most `edits` edits from it. */
  const closeSurname = (last: string, edits: number): PersonCluster | undefined => {
    const memo = closeMemo.get(last);
    if (memo?.found !== undefined) return memo.found;
    const from = memo?.upTo ?? 0;
    let best: PersonCluster | undefined;
    const byLength = byInitial.get(last[0]);
    if (byLength !== undefined) {
      for (let len = last.length - edits; len <= last.length + edits; len++) {
        const list = byLength.get(len);
        if (list === undefined) continue;
        for (let j = firstCreatedFrom(list, from); j < list.length; j++) {
          const x = list[j];
          if (best !== undefined && x.created > best.created) break;
          if (editDistance(x.lastFold, last, edits) <= edits) {
            best = x;
            break;
          }
        }
      }
    }
    closeMemo.set(last, { found: best, upTo: clusters.length });
    return best;
  };
  // Per person candidate (by index in `persons`): how many name words it has, its first and last
  // words without possessive endings, all of them joined, and the folded first and last words.
  const sizeOf = new Int32Array(persons.length);
  const firstWordOf = new Array<string>(persons.length);
  const lastWordOf = new Array<string>(persons.length);
  const fullOf = new Array<string>(persons.length);
  const firstOf = new Array<string>(persons.length);
  const lastOf = new Array<string>(persons.length);
  // Per distinct word: the word without its possessive ending, and that folded. Names of one or two
  // words are joined once per pair of words, so a name repeated through the text is one string
  // (its hash is computed once for the lookups below).
  const wordCount = tokens.wordCount;
  const bareOf = new Array<string | undefined>(wordCount);
  const foldedOf = new Array<string | undefined>(wordCount);
  const bare = (t: number): string => {
    const id = tokens.wordId(t)!;
    return (bareOf[id] ??= dropS(tokens.w(t), true));
  };
  const folded = (t: number): string => {
    const id = tokens.wordId(t)!;
    return (foldedOf[id] ??= fold(bare(t)));
  };
  /** What joins token t to the next in a name: the hyphen of "Brandt-Meyer", else a space (also for a line break). */
  const separator = (t: number): string => (tokens.units[tokens.end[t]] === 45 ? '-' : ' ');
  const pairs = new Map<number, string>();
  for (let pi = 0; pi < persons.length; pi++) {
    const c = raw[persons[pi]];
    const firstWord = bare(c.t0);
    let full = firstWord;
    if (c.t1 === c.t0 + 1) {
      const key = tokens.wordId(c.t0)! * wordCount + tokens.wordId(c.t1)!;
      let pair = pairs.get(key);
      if (pair === undefined) {
        pair = `${firstWord}${separator(c.t0)}${bare(c.t1)}`;
        pairs.set(key, pair);
      }
      full = pair;
    } else {
      for (let t = c.t0 + 1; t <= c.t1; t++) full += `${separator(t - 1)}${bare(t)}`;
    }
    sizeOf[pi] = c.t1 - c.t0 + 1;
    firstWordOf[pi] = firstWord;
    lastWordOf[pi] = c.t1 > c.t0 ? bare(c.t1) : firstWord;
    fullOf[pi] = full;
    firstOf[pi] = folded(c.t0);
    lastOf[pi] = folded(c.t1);
  }
  // The first cluster of this surname whose first name is missing or close; else the first with this
  // first name and a surname one edit away (surnames of five letters or more).
  // (Among the first NAMESAKES clusters of the surname or first name only: see there.)
  const byFullName = (last: string, first: string): PersonCluster | undefined =>
    firstNamesake(byLast.get(last), (x) => x.first === null || closeFirstNames(fold(x.first), first)) ??
    (last.length >= 5 ? firstNamesake(byFirstName.get(first), (x) => editDistance(x.lastFold, last, 1) <= 1) : undefined);

  // 1. Multi-token person names form clusters keyed by surname; close first names merge.
  const seenFull = new Map<string, PersonCluster>();
  for (let pi = 0; pi < persons.length; pi++) {
    const c = raw[persons[pi]];
    if (sizeOf[pi] < 2) continue;
    const full = fullOf[pi];
    const last = lastOf[pi];
    if (c.blocked && !byLast.has(last)) continue;
    const first = firstOf[pi];
    let k = seenFull.get(full) ?? byFullName(last, first);
    k ??= addCluster(firstWordOf[pi], lastWordOf[pi], c.start);
    seenFull.set(full, k);
    k.full.set(full, (k.full.get(full) ?? 0) + 1);
    if (FEMALE_FIRST_NAMES.has(first)) k.female = true;
  }
  // Known entities (from the sidecar) seed clusters so user names and merges are kept.
  const knownByForm = new Map<string, Entity>();
  for (const e of known) for (const f of [e.name, ...e.aliases]) knownByForm.set(fold(f), e);

  // 2. Assign every person candidate to a cluster (exact surname, first name with honorific, or a close misspelling).
  // Clusters found per joined name, with and without an honorific.
  const found = new Map<string, PersonCluster>();
  const foundHonorific = new Map<string, PersonCluster>();
  // Names whose cluster lookup failed, with the cluster count then: the lookups depend only on the
  // clusters, so they fail again until a cluster is added.
  const missed = new Map<string, number>();
  const missedHonorific = new Map<string, number>();
  for (let pi = 0; pi < persons.length; pi++) {
    const c = raw[persons[pi]];
    const size = sizeOf[pi];
    const last = lastOf[pi];
    const first = firstOf[pi];
    const hasHonorific = c.honorific;
    const full = fullOf[pi];
    const foundMemo = hasHonorific ? foundHonorific : found;
    const missedMemo = hasHonorific ? missedHonorific : missed;
    let k: PersonCluster | undefined = foundMemo.get(full);
    if (k) {
      // known answer
    } else if (missedMemo.get(full) === clusters.length) {
      // known to fail: only the fallback below
    } else if (size >= 2) k = byFullName(last, first);
    else {
      k = byLast.get(last)?.[0];
      // A first name alone: "Mr. Keir" for the first person who has it, and "Hillary shot back" when
      // exactly one person of the text has it.
      if (!k && (hasHonorific || last.length >= 4)) {
        const byFirst = byFirstName.get(last) ?? NO_CLUSTERS;
        if (hasHonorific || byFirst.length === 1) k = byFirst[0];
      }
      // A misspelt surname: the first cluster with the same initial and a surname one edit away (two from eight letters).
      if (!k && last.length >= 5) {
        const edits = last.length >= 8 ? 2 : 1;
        k = closeSurname(last, edits);
      }
    }
    if (!k) missedMemo.set(full, clusters.length);
    if (!k && size < 2) {
      if (!c.blocked) {
        const knownE = knownByForm.get(fold(c.text));
        const speaks = facts.speechVerbAfter(c.t1) >= 0;
        if (hasHonorific || speaks || knownE) {
          k = addCluster(null, firstWordOf[pi], c.start);
        }
      }
    }
    if (!k) continue;
    foundMemo.set(full, k);
    const form = c.text;
    k.forms.set(form, (k.forms.get(form) ?? 0) + 1);
    for (let t = 0; t < c.titles.length; t++) k.titles.add(c.titles[t]);
    c.cluster = k;
  }

  // 3. Entities: canonical name = most frequent full name, else the longest form.
  const idOf = new Map<PersonCluster, string>();
  for (const k of clusters) {
    if (k.forms.size === 0) continue;
    const fulls = [...k.full.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
    let name = fulls[0]?.[0] ?? withoutHonorific([...k.forms.keys()].sort((a, b) => b.length - a.length)[0]);
    // The first of the name and the forms that is a known entity. (A plain loop: `map(...).find(...)` here kept deoptimising.)
    let knownE = knownByForm.size === 0 ? undefined : knownByForm.get(fold(name));
    if (knownE === undefined && knownByForm.size > 0) {
      for (const f of k.forms.keys()) {
        knownE = knownByForm.get(fold(f));
        if (knownE !== undefined) break;
      }
    }
    const public_ = knownE ? undefined : knownPerson(k);
    if (public_) {
      name = public_.name;
      if (public_.female) k.female = true;
      if (k.full.size > 0) k.full.set(public_.name, 0);
    }
    if (knownE) name = knownE.name;
    // Clusters that name the same well-known person ("Democrat Hillary Clinton", "Hillary Clinton") are one entity.
    const id = knownE ? knownE.id : public_ ? kebab(public_.name) : uniqueId(entities, kebab(name));
    const aliases = new Set<string>([...(knownE?.aliases ?? []), ...k.forms.keys(), ...k.full.keys()]);
    if (k.full.size > 0) aliases.add(k.last);
    aliases.delete(name);
    const prev = entities.get(id);
    entities.set(id, { id, name, kind: 'person', aliases: [...new Set([...(prev?.aliases ?? []), ...aliases])].sort() });
    idOf.set(k, id);
  }
  const out: Candidate[] = [];
  // One titles array per cluster, shared by its mentions (read-only from here on).
  const titlesOf = new Map<PersonCluster, string[]>();
  for (const k of clusters) titlesOf.set(k, [...k.titles]);
  // Every candidate in text order: persons with a cluster, organisations, countries and groups.
  for (let a = 0; a < raw.length; a++) {
    const c = raw[a];
    if (c.kind === 'person') {
      const k = c.cluster;
      if (k === null) continue;
      const id = idOf.get(k);
      if (!id) continue;
      c.entity = id;
      c.titles = titlesOf.get(k)!;
      c.female = k.female;
      out.push(c);
      continue;
    }
    if (c.blocked) continue;
    const canonical = c.entity;
    const knownE = knownByForm.size === 0 ? undefined : knownByForm.get(fold(canonical)) ?? knownByForm.get(fold(c.text));
    const id = knownE ? knownE.id : kebabCached(canonical);
    c.entity = id;
    let e = entities.get(id);
    if (e === undefined) {
      const name = knownE?.name ?? canonical;
      // (A known entity's aliases may list its own name: an alias is another name.)
      e = { id, name, kind: knownE?.kind ?? c.kind, aliases: (knownE?.aliases ?? []).filter((x) => x !== name) };
      entities.set(id, e);
    }
    // Aliases of organisations and countries: surface forms seen.
    if (c.text !== e.name && !e.aliases.includes(c.text)) e.aliases = [...e.aliases, c.text].sort();
    out.push(c);
  }
  sortByStart(out);
  return { candidates: out, entities, speechVerbAfter: (t1) => facts.speechVerbAfter(t1) };
}

const kebabCache = new Map<string, string>();
function kebabCached(name: string): string {
  let v = kebabCache.get(name);
  if (v === undefined) {
    v = kebab(name);
    if (kebabCache.size > 10_000) kebabCache.clear();
    kebabCache.set(name, v);
  }
  return v;
}

/**
 * Two folded first names that may be one person's ("Keith"/"Kieth", "Tilda"/"Tilde"): up to two edits
 * from six letters, one from four, none below ("Ka Smith" and "Lo Smith" are two people).
 */
function closeFirstNames(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  const edits = n >= 6 ? 2 : n >= 4 ? 1 : 0;
  return editDistance(a, b, edits) <= edits;
}

function uniqueId(entities: ReadonlyMap<string, Entity>, id: string): string {
  if (!entities.has(id)) return id;
  for (let n = 2; ; n++) if (!entities.has(`${id}-${n}`)) return `${id}-${n}`;
}

