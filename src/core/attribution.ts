/**
 * Speaker attribution: for each quote, the entity who said it, the cue the attribution relied on and
 * the mention of the speaker. Handles "X said", "said X", "X told reporters", "according to X",
 * participle cues ("adding:"), colon introductions, pronouns, titles ("the PM"), publications
 * ("the publication reported"), passive sources ("called a 'backstop' by the British"), nominal cues
 * ("Starmer's rallying cry"), continuation pieces and re-used terms.
 */
import type { AttributionRuleId, TriedStep } from './attributionRules';
import type { Candidate } from './entities';
import {
  DEMONYMS, DOCUMENT_NOUNS, GROUP_NOUNS, HONORIFICS, PERSON_NOUNS, MEDIA_NOUNS, NOMINAL_CUES, PHRASE_CUES, PRONOUNS_FEMALE, PRONOUNS_MALE, ROLE_NOUNS,
  SPEECH_VERBS, TITLE_WORDS,
} from './lexicon';
import { isRegexSpaceCode, kebab, lowerBound, tokenAtFrom, WordClasses, type Tokens, type WordList } from './text';
import type { Entity, QuoteFinding, Span } from './types';
import type { RawQuote } from './quotes';
import { work } from './work';

export interface Speaker {
  entity: string;
  mention: Span;
}

interface Attribution {
  speaker: Speaker | null;
  cue: Span | null;
  /** The rule that found the speaker (null with no speaker). */
  rule: AttributionRuleId | null;
}

export interface AttributionContext {
  text: string;
  tokens: Tokens;
  sentences: readonly Span[];
  paragraphs: readonly Span[];
  /** The lines of the text (without their line breaks), in order. */
  lines: readonly Span[];
  quotes: readonly RawQuote[];
  candidates: Candidate[];
  entities: Map<string, Entity>;
}

const PREPOSITIONS = new Set(['with', 'to', 'for', 'by', 'of', 'from', 'against', 'at', 'on', 'about', 'than', 'between', 'among', 'like', 'alongside', 'including', 'toward', 'towards', 'into', 'over', 'under', 'after', 'before', 'behind', 'beside', 'besides', 'via', 'in', 'meet', 'meets', 'met', 'confronting', 'abandon', 'persuade', 'invited', 'asked']);
const NOUNISH_VERB_FORMS = new Set(['call', 'calls', 'report', 'reports', 'comment', 'comments', 'claim', 'claims', 'post', 'posts', 'demand', 'demands', 'request', 'requests', 'quote', 'quotes', 'answer', 'answers', 'reply', 'replies', 'note', 'notes', 'promise', 'promises', 'pledge', 'pledges', 'vow', 'vows', 'warning', 'statement', 'cry', 'tweet', 'tweets', 'estimate', 'estimates', 'term', 'terms', 'label', 'labels', 'signal', 'signals', 'echo', 'praise', 'counter', 'repeat']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'such', 'no', 'any', 'some', 'every', 'each', 'so-called']);
const SKIPPABLE_AFTER_SUBJECT = /^(also|later|then|has|had|have|previously|earlier|once|again|reportedly|would|will|could|is|was|recently|further|now|quickly|simply|just|repeatedly|publicly|privately|separately|often|frequently|always|sometimes|usually|once|angrily|flatly|bluntly|famously|memorably|proudly|loudly|quietly|softly|firmly|calmly|tersely)$/;
/** Determiners of a described speaker ("the businessman", "a doctor"). */
const DESCRIPTION_DETERMINERS = new Set(['the', 'a', 'an', 'one', 'another', 'my', 'his', 'her', 'their', 'our', 'its']);
/** Words that end a description before its head noun. */
const DESCRIPTION_STOPS = new Set(['and', 'or', 'of', 'who', 'that', 'which', 'in', 'on', 'at', 'to', 'for', 'with']);
/** Words that may open a clause before its subject ("But the Netherlands …"). */
const CLAUSE_OPENERS = new Set(['the', 'and', 'but', 'while', 'meanwhile', 'however', 'also', 'yet', 'so', 'after', 'before', 'following', 'early', 'last', 'night']);
/** Plurals of the person nouns ("the lawyers said"): a plural names a group. */
const PLURAL_PERSON_NOUNS: ReadonlySet<string> = new Set(
  [...PERSON_NOUNS].map((n) => (n.endsWith('man') ? `${n.slice(0, -3)}men` : /(?:s|sh|ch|x)$/.test(n) ? `${n}es` : `${n}s`)).filter((n) => !PERSON_NOUNS.has(n)),
);
const PERSON_NOUNS_AND_PLURALS: ReadonlySet<string> = new Set([...PERSON_NOUNS, ...PLURAL_PERSON_NOUNS]);
/** Words for when someone held an office: "the former secretary", "the outgoing president". */
const TENURE_WORDS = new Set(['former', 'then', 'current', 'outgoing', 'incoming', 'ex', 'onetime', 'one-time', 'longtime', 'sitting']);
/** Nouns for an institution that "the …" can refer back to. */
const INSTITUTION_NOUNS = new Set(['agency', 'department', 'ministry', 'committee', 'commission', 'company', 'firm', 'court', 'council', 'board']);
/** Forms of "be" that make a following participle passive. */
const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'been', 'being', 'be', 'is', 'are']);
const US_UK = new Set(['us', 'u.s.', 'uk', 'u.k.']);
const PASSIVE_SPEECH = new Set(['called', 'described', 'dubbed', 'labelled', 'labeled', 'termed', 'branded', 'characterised', 'characterized', 'deemed']);
/**
 * How far the scans around a quote reach, in tokens: back from a quote for its cue, back from a cue
 * for its subject, forward from a sentence or clause start for its subject. News sentences are far
 * shorter; the fixed reach keeps the work per quote bounded whatever the text (in a text without
 * sentence ends, each quote was scanned back to the start of the text, each cue again from there).
 */
const REACH = 80;
/** How far back from a quote its clause start is looked for, in characters (about REACH tokens). */
const CLAUSE_REACH = 600;
const CLAUSE_BREAK = /;|\s[—–]\s|,\s+(?:while|but|whereas|although|though|yet)\s/g;

const PHRASES: string[][] = PHRASE_CUES.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
const PHRASES_BY_FIRST = new Map<string, string[][]>();
const PHRASES_BY_LAST = new Map<string, string[][]>();
for (const p of PHRASES) {
  PHRASES_BY_FIRST.set(p[0], [...(PHRASES_BY_FIRST.get(p[0]) ?? []), p]);
  PHRASES_BY_LAST.set(p[p.length - 1], [...(PHRASES_BY_LAST.get(p[p.length - 1]) ?? []), p]);
}

/** Bits of the word lists the attributor asks about, in the order of `ATTRIBUTION_LISTS`. */
const W_SPEECH_VERBS = 1 << 0;
const W_NOMINAL_CUES = 1 << 1;
const W_PERSON_NOUNS = 1 << 2;
const W_DOCUMENT_NOUNS = 1 << 3;
const W_ROLE_NOUNS = 1 << 4;
const W_MEDIA_NOUNS = 1 << 5;
const W_GROUP_NOUNS = 1 << 6;
const W_TITLE_WORDS = 1 << 7;
const W_DEMONYMS = 1 << 8;
const W_HONORIFICS = 1 << 9;
const W_PRONOUNS_MALE = 1 << 10;
const W_PRONOUNS_FEMALE = 1 << 11;
const W_PREPOSITIONS = 1 << 12;
const W_DETERMINERS = 1 << 13;
const W_NOUNISH_VERB_FORMS = 1 << 14;
const W_PASSIVE_SPEECH = 1 << 15;
const W_DESCRIPTION_DETERMINERS = 1 << 16;
const W_DESCRIPTION_STOPS = 1 << 17;
const W_CLAUSE_OPENERS = 1 << 18;
const W_US_UK = 1 << 19;
/** Words a cue before a quote can end with: a speech verb, a nominal cue, the last word of a phrase cue. */
const W_CUE_ENDS = 1 << 20;
/** The word lists the attributor asks about, by bit (W_…). */
const ATTRIBUTION_LISTS: readonly WordList[] = [SPEECH_VERBS, NOMINAL_CUES, PERSON_NOUNS_AND_PLURALS, DOCUMENT_NOUNS, ROLE_NOUNS, MEDIA_NOUNS, GROUP_NOUNS, TITLE_WORDS, DEMONYMS, HONORIFICS, PRONOUNS_MALE, PRONOUNS_FEMALE, PREPOSITIONS, DETERMINERS, NOUNISH_VERB_FORMS, PASSIVE_SPEECH, DESCRIPTION_DETERMINERS, DESCRIPTION_STOPS, CLAUSE_OPENERS, US_UK, new Set([...SPEECH_VERBS.keys(), ...NOMINAL_CUES, 'cry', ...PHRASES_BY_LAST.keys()])];

/**
 * The speaker of every quote. With `explain`, `explain[i]` receives the steps tried for quote i,
 * in order (the last one with a rule is the one that won, unless an `after`/`before` conflict was
 * settled for the other).
 */
export function attributeQuotes(ctx: AttributionContext, explain?: TriedStep[][]): QuoteFinding[] {
  const { text, quotes } = ctx;
  const inQuote = (offset: number): boolean => {
    const k = lowerBound(quotes, offset + 1) - 1;
    return k >= 0 && offset >= quotes[k].start && offset < quotes[k].end;
  };
  const a = new Attributor(ctx, inQuote);
  const results: QuoteFinding[] = [];
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi];
    const tried: TriedStep[] | undefined = explain ? [] : undefined;
    const att = a.attribute(q, results, tried);
    if (explain && tried) explain.push(tried);
    const finding: QuoteFinding = {
      start: q.start,
      end: q.end,
      text: text.slice(q.start, q.end),
      kind: q.kind,
      speaker: att.speaker ? att.speaker.entity : null,
      cue: att.speaker ? att.cue : null,
      speakerMention: att.speaker ? att.speaker.mention : null,
    };
    if (att.speaker && att.rule) finding.rule = att.rule;
    results.push(finding);
  }
  return results;
}

/** Answers of a function of a token index, kept once found (the function depends on nothing else). */
class TokenMemo<T> {
  /** Per token: 0 not yet known, 1 none (null), else 2 + the index of the answer in `answers`. */
  private readonly at: Int32Array;
  private readonly answers: T[] = [];

  constructor(
    n: number,
    private readonly find: (k: number) => T | null,
  ) {
    this.at = new Int32Array(n);
  }

  get(k: number): T | null {
    if (k < 0 || k >= this.at.length) return this.find(k);
    const v = this.at[k];
    if (v === 1) return null;
    if (v >= 2) return this.answers[v - 2];
    const answer = this.find(k);
    if (answer === null) this.at[k] = 1;
    else {
      this.at[k] = 2 + this.answers.length;
      this.answers.push(answer);
    }
    return answer;
  }
}

/** Candidates by a token index (the last one set wins): 1 + index into `cands`, 0 for none. */
class ByToken {
  private readonly at: Int32Array;
  constructor(
    n: number,
    private readonly cands: readonly Candidate[],
  ) {
    this.at = new Int32Array(n);
  }
  set(t: number, ci: number): void {
    this.at[t] = ci + 1;
  }
  get(t: number): Candidate | undefined {
    const v = t >= 0 && t < this.at.length ? this.at[t] : 0;
    return v === 0 ? undefined : this.cands[v - 1];
  }
  has(t: number): boolean {
    return t >= 0 && t < this.at.length && this.at[t] !== 0;
  }
}

class Attributor {
  private readonly byT0: ByToken;
  /** Partial quotes already attributed, by normalised text: a re-used term keeps its speaker. */
  private readonly terms = new Map<string, Speaker>();
  private termsSeen = 0;
  private readonly mediaCache = new Map<string, boolean>();
  // Answers kept by token or candidate: they depend on nothing else, and the scans around
  // neighbouring quotes (and cues) ask about the same tokens again.
  private readonly subjectsFor = new Map<number, { sentence: number; clause: number; speaker: Speaker | null }>();
  private readonly subjectsAt: TokenMemo<Speaker>;
  private readonly directSubjects: TokenMemo<Speaker>;
  private readonly pronounOrNominals: TokenMemo<Speaker>;
  private readonly ownedDescriptions = new Map<Candidate, { speaker: Speaker; next: number } | null>();
  private readonly affiliationEnds = new Map<Candidate, number>();
  /** Per token: 0 not yet known, 1 an object, 2 not (see `isObject`). */
  private readonly objects: Uint8Array;
  private mediaEntities: Set<string> | undefined;
  private readonly byT1: ByToken;

  /** Which word lists each token's word is in, found once per distinct word. */
  private readonly words: WordClasses;

  constructor(
    private readonly ctx: AttributionContext,
    private readonly inQuote: (offset: number) => boolean,
  ) {
    this.words = new WordClasses(ctx.tokens, ATTRIBUTION_LISTS);
    this.tokenQuoted = new Uint8Array(ctx.tokens.length);
    this.objects = new Uint8Array(ctx.tokens.length + 1);
    this.subjectsAt = new TokenMemo(ctx.tokens.length, (p) => this.findSubjectAt(p));
    this.directSubjects = new TokenMemo(ctx.tokens.length, (p) => this.findDirectSubjectAt(p));
    this.pronounOrNominals = new TokenMemo(ctx.tokens.length, (p) => this.pronounSubject(p) ?? this.nominalAt(p)?.speaker ?? null);
    this.byT0 = new ByToken(ctx.tokens.length, ctx.candidates);
    this.byT1 = new ByToken(ctx.tokens.length, ctx.candidates);
    for (let ci = 0; ci < ctx.candidates.length; ci++) {
      const c = ctx.candidates[ci];
      this.byT0.set(c.t0, ci);
      this.byT1.set(c.t1, ci);
    }
  }

  /** The last answer of `tokenIndex`: quotes are read in order, so the next lookup lands near it. */
  private tokenHint = 0;

  /** Index of the first token at or after `offset` (`tokenAt`). */
  private tokenIndex(offset: number): number {
    this.tokenHint = tokenAtFrom(this.ctx.tokens, offset, this.tokenHint);
    return this.tokenHint;
  }

  /** Per token: 0 not yet known, 1 inside a quote, 2 outside (see `tokenInQuote`). */
  private readonly tokenQuoted: Uint8Array;

  /** `inQuote` at the start of token k, found once per token. */
  private tokenInQuote(k: number): boolean {
    let v = this.tokenQuoted[k];
    if (v === 0) {
      v = this.inQuote(this.ctx.tokens.start[k]) ? 1 : 2;
      this.tokenQuoted[k] = v;
    }
    return v === 1;
  }

  /** Token k's word is in one of the lists `bits` (W_…); false outside the token list. */
  private is(k: number, bits: number): boolean {
    return this.words.is(k, bits);
  }

  /**
   * The speaker of quote q, with the cue and the rule that found it. `tried`, when given, receives
   * each step looked at, in order, with what it found (for `--explain`).
   */
  attribute(q: RawQuote, prev: readonly QuoteFinding[], tried?: TriedStep[]): Attribution {
    const note = (step: TriedStep['step'], att: Attribution): Attribution => {
      tried?.push({ step, rule: att.rule, speaker: att.speaker ? att.speaker.entity : null });
      return att;
    };
    const nothing: Attribution = { speaker: null, cue: null, rule: null };
    const sentence = this.sentenceOf(q.start);
    const after = note('after', this.afterQuote(q, sentence));
    const before = note('before', this.beforeQuote(q, sentence));
    if (after.speaker && before.speaker) {
      const afterEntity = this.ctx.entities.get(after.speaker.entity);
      const beforeEntity = this.ctx.entities.get(before.speaker.entity);
      if (afterEntity?.kind === 'organization' && beforeEntity?.kind === 'person' && this.isMedia(after.speaker.entity)) return before;
      // 'She adds, “What kind of genius …?” Clinton says …': the next sentence's attribution only
      // counts for a question or exclamation with nothing of its own before it.
      if (sentence.end <= q.end) return before;
      return after;
    }
    if (after.speaker) return after;
    // '“X,” said Tarrow, “Y.”': the second piece shares the attribution that sits between the two.
    const last0 = prev[prev.length - 1];
    if (last0 && last0.speaker && last0.cue && last0.speakerMention && last0.end <= q.start && last0.start >= sentence.start && last0.cue.start >= last0.end && last0.cue.end <= q.start) {
      return note('carry.shared-cue', { speaker: { entity: last0.speaker, mention: last0.speakerMention }, cue: last0.cue, rule: 'carry.shared-cue' });
    }
    note('carry.shared-cue', nothing);
    if (before.speaker) return before;
    // No cue of its own.
    for (let k = this.termsSeen; k < prev.length; k++) {
      const p = prev[k];
      if (p.speaker && p.speakerMention && p.kind === 'partial') this.terms.set(normQuote(p.text), { entity: p.speaker, mention: p.speakerMention });
    }
    this.termsSeen = prev.length;
    const term = q.kind === 'partial' ? this.terms.get(normQuote(this.ctx.text.slice(q.start, q.end))) : undefined;
    if (term) return note('carry.reused-term', { speaker: term, cue: null, rule: 'carry.reused-term' });
    note('carry.reused-term', nothing);
    const sentenceInitial = onlySpace(this.ctx.tokens.units, sentence.start, q.start);
    // "Cruz continued: ¶ “…”": a paragraph ending in a colon introduces the quote that opens the next one.
    if (sentenceInitial) {
      const pi = lowerBound(this.ctx.paragraphs, q.start + 1) - 1;
      const para = this.ctx.paragraphs[pi];
      const prevPara = this.ctx.paragraphs[pi - 1];
      if (para && prevPara && para.start === sentence.start && endsWithColon(this.ctx.tokens.units, prevPara.start, prevPara.end)) {
        const introEnd = trimmedEnd(this.ctx.tokens.units, prevPara.start, prevPara.end); // at the colon, not after spaces
        const prevSentence = this.sentenceOf(introEnd - 1);
        const intro = this.beforeQuote({ start: introEnd, end: introEnd, closed: true, kind: q.kind }, prevSentence);
        if (intro.speaker) return note('carry.colon-intro', { ...intro, rule: 'carry.colon-intro' });
      }
    }
    note('carry.colon-intro', nothing);
    const last = prev[prev.length - 1];
    if (sentenceInitial && last && last.speaker && last.speakerMention && q.start - last.end < 400 && this.sameOrNextParagraph(last.end, q.start)) {
      return note('carry.previous-speaker', { speaker: { entity: last.speaker, mention: last.speakerMention }, cue: null, rule: 'carry.previous-speaker' });
    }
    note('carry.previous-speaker', nothing);
    if (!sentenceInitial) {
      const subject = this.clauseSubject(sentence, q.start);
      if (subject) return note('carry.clause-subject', { speaker: subject, cue: null, rule: 'carry.clause-subject' });
    }
    note('carry.clause-subject', nothing);
    return nothing;
  }

  private isMedia(entity: string): boolean {
    let v = this.mediaCache.get(entity);
    if (v === undefined) {
      v = this.computeMedia(entity);
      this.mediaCache.set(entity, v);
    }
    return v;
  }

  private computeMedia(entity: string): boolean {
    // The entities with a media candidate, found in one pass (not one pass per entity asked about).
    this.mediaEntities ??= new Set(this.ctx.candidates.filter((c) => c.media).map((c) => c.entity));
    return this.mediaEntities.has(entity) || /(?:times|post|journal|news|reuters|press|agency|telegraph|zeitung|figaro|bloomberg)/i.test(this.ctx.entities.get(entity)?.name ?? '');
  }

  private sameOrNextParagraph(a: number, b: number): boolean {
    const pa = lowerBound(this.ctx.paragraphs, a + 1) - 1;
    const pb = lowerBound(this.ctx.paragraphs, b + 1) - 1;
    return pb - pa <= 1;
  }

  /** End of the line that holds `offset` (a line's end is the offset of its line break). */
  private lineEndAt(offset: number): number {
    const lines = this.ctx.lines;
    const k = lowerBound(lines, offset + 1) - 1;
    return k >= 0 ? lines[k].end : this.ctx.text.length;
  }

  private sentenceOf(offset: number): Span {
    const k = lowerBound(this.ctx.sentences, offset + 1) - 1;
    const s = this.ctx.sentences[k];
    return s && offset < s.end ? s : { start: offset, end: offset };
  }

  /** Start of the clause holding `offset` within its sentence. */
  private clauseStart(sentence: Span, offset: number): number {
    // Breaks are looked for only in reach of the quote: the scans that use the clause start reach
    // no further back (without a break in reach, the clause starts with the sentence).
    const breaks = findClauseBreaks(this.ctx.text, this.ctx.tokens.units, Math.max(sentence.start, offset - CLAUSE_REACH), offset);
    let start = sentence.start;
    for (let b = 0; b < breaks.length; b += 2) if (!this.inQuote(breaks[b])) start = breaks[b + 1];
    return start;
  }

  // ---- after the quote: '…,' X said / said X / X told reporters / according to X / by X ----
  private afterQuote(q: RawQuote, sentence: Span): Attribution {
    const { text, tokens, quotes } = this.ctx;
    const none: Attribution = { speaker: null, cue: null, rule: null };
    if (sentence.end <= q.end) {
      // The quote closes its sentence; only a question or exclamation may still be followed by its
      // attribution ("“Why is this not clear?” Vitter demanded.").
      if (!endsWithQuestion(tokens.units, q.start, q.end)) return none;
      const next = this.tokenIndex(q.end);
      if (!tokens.has(next) || !/^\s+$/.test(text.slice(q.end, tokens.start[next]))) return none;
      const att = this.afterAt(next, q);
      return att.cue && att.cue.start - q.end < 60 ? att : none;
    }
    const first = this.tokenIndex(q.end);
    if (!tokens.has(first)) return none;
    // The attribution after a quote stands on the quote's line. (The line is looked up rather than
    // the gap searched for a line break: many quotes can share one long gap before the next word.)
    const lineEnd = this.lineEndAt(q.end);
    if (lineEnd < tokens.start[first]) return none;
    const gap = text.slice(q.end, tokens.start[first]);
    if (/^[\s,]*(?:[—–―-]\s*)?$/.test(gap)) {
      const direct = this.afterAt(first, q);
      if (direct.speaker) return direct;
      // "“…” ― Pamela Padilla" at the end of a line: a byline.
      if (/[—–―]/.test(gap)) {
        const np = this.nounPhrase(first, true);
        if (np && np.speaker.mention.end <= lineEnd && text.slice(np.speaker.mention.end, lineEnd).trim().length < 60) return { speaker: np.speaker, cue: null, rule: 'after.byline' };
      }
    }
    // "“…” from such a decision, German Chancellor Olaf Scholz said": after a comma, before the next quote.
    const nextQuote = quotes[lowerBound(quotes, q.end)];
    const limit = Math.min(sentence.end, nextQuote ? nextQuote.start : sentence.end, q.end + 160);
    for (let k = first; k < tokens.length && tokens.start[k] < limit; k++) {
      if (k === first || !commaGap(tokens.units, tokens.end[k - 1], tokens.start[k])) continue;
      const att = this.afterAt(k, q);
      if (att.speaker) return att;
    }
    return none;
  }

  /** "Greywater's operations director, Casimir Holt": the named person after a possessor and a role. */
  private rolePossessorName(k: number): { speaker: Speaker; next: number } | null {
    const { tokens, text } = this.ctx;
    let p = k;
    if (tokens.lw(p) === 'the') p++;
    const owner = this.byT0.get(p);
    const ownerEnd = owner ? owner.t1 : /['’]s$/.test(tokens.w(p) ?? '') ? p : -1;
    if (ownerEnd < 0 || (owner && !owner.possessive)) return null;
    for (let q = ownerEnd + 1; q <= ownerEnd + 5 && tokens.has(q); q++) {
      if (text.slice(tokens.end[q - 1], tokens.start[q]).startsWith(',')) {
        const c = this.byT0.get(q);
        return c && c.kind === 'person' ? { speaker: mention(this.ctx.candidates, c), next: c.t1 + 1 } : null;
      }
      if (!/^\p{Ll}/u.test(tokens.w(q)) || this.is(q, W_SPEECH_VERBS)) return null;
    }
    return null;
  }

  /**
   * "Mr. Morgan of the Sierra Club", "Rep. Elijah Cummings of Maryland": the token after the
   * affiliation that follows a person's name; -1 when there is none. The affiliation is a candidate (organisation, country) or a run of capitalised words.
   */
  private affiliationEnd(person: Candidate): number {
    let v = this.affiliationEnds.get(person);
    if (v === undefined) {
      v = this.findAffiliationEnd(person);
      this.affiliationEnds.set(person, v);
    }
    return v;
  }

  private findAffiliationEnd(person: Candidate): number {
    const { tokens, text } = this.ctx;
    let p = person.t1 + 1;
    // (The words are read over any white space: a wrapped line may end after "of" or "the".)
    if (person.kind !== 'person' || person.possessive || tokens.lw(p) !== 'of' || !onlySpace(tokens.units, person.end, tokens.start[p])) return -1;
    p++;
    if (tokens.lw(p) === 'the' && onlySpace(tokens.units, tokens.end[p], tokens.start[p + 1])) p++;
    if (!tokens.has(p) || !onlySpace(tokens.units, tokens.end[p - 1], tokens.start[p]) || !/^\p{Lu}/u.test(tokens.w(p))) return -1;
    const c = this.byT0.get(p);
    if (c) return c.kind === 'person' ? -1 : c.t1 + 1;
    let e = p + 1;
    while (tokens.has(e) && tokens.start[e] - tokens.end[e - 1] === 1 && text.charCodeAt(tokens.end[e - 1]) === 32 && /^\p{Lu}/u.test(tokens.w(e)) && !this.byT0.has(e)) e++;
    return e;
  }

  /** Skips "(D-Mo.)", ", 25," or ", a writer for The Atlantic," after a speaker's name. */
  private skipApposition(v: number): number {
    const { tokens, text } = this.ctx;
    if (v < 1 || !tokens.has(v)) return v;
    const person = this.byT1.get(v - 1);
    const affiliation = person ? this.affiliationEnd(person) : -1;
    if (affiliation > v) return this.skipApposition(affiliation);
    const prevEnd = tokens.end[v - 1];
    const gap = text.slice(prevEnd, tokens.start[v]);
    if (/^\s*\(/.test(gap)) {
      // The ")" is looked for only as far as it may be (not to the end of the text, for each name).
      const close = closingParenthesis(tokens.units, prevEnd, prevEnd + 40);
      if (close > 0) return this.skipApposition(this.tokenIndex(close));
    }
    if (commaGap(tokens.units, prevEnd, tokens.start[v])) {
      // Up to two appositions: "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said".
      let from = v;
      for (let n = 0; n < 2; n++) {
        let comma = -1;
        for (let q = from; q < from + 14 && tokens.has(q + 1); q++) {
          // A speech verb inside ("…, who said …,") ends the search; a noun after a determiner ("the states") does not.
          if (this.is(q, W_SPEECH_VERBS) && !this.is(q - 1, W_DETERMINERS)) return v;
          if (this.ctx.text.slice(tokens.end[q], tokens.start[q + 1]).startsWith(',')) {
            comma = q;
            break;
          }
        }
        if (comma < 0) return v;
        if (this.is(comma + 1, W_SPEECH_VERBS)) return comma + 1;
        from = comma + 1;
      }
    }
    return v;
  }

  private afterAt(k: number, q: RawQuote): Attribution {
    const { tokens } = this.ctx;
    const none: Attribution = { speaker: null, cue: null, rule: null };
    if (!tokens.has(k)) return none;
    const lw = tokens.lw(k);
    // according to X
    if (lw === 'according' && tokens.lw(k + 1) === 'to') {
      const np = this.nounPhrase(k + 2, true);
      if (np) return { speaker: np.speaker, cue: tspan(tokens, k, k + 1), rule: 'after.according-to' };
    }
    // (as) described by X / by X after a passive speech participle before the quote
    if (lw === 'as' && this.is(k + 1, W_PASSIVE_SPEECH) && tokens.lw(k + 2) === 'by') {
      const np = this.nounPhrase(k + 3);
      if (np) return { speaker: np.speaker, cue: tspan(tokens, k + 1, k + 1), rule: 'after.passive-as-by' };
    }
    if (lw === 'by') {
      const qt = this.tokenIndex(q.start);
      for (let p = qt - 1; p >= Math.max(0, qt - 3); p--) {
        if (this.is(p, W_PASSIVE_SPEECH)) {
          const np = this.nounPhrase(k + 1);
          if (np) return { speaker: np.speaker, cue: tspan(tokens, p, p), rule: 'after.passive-by' };
        }
      }
    }
    // ", as a Homeland Security memo put it"
    if (lw === 'as' && !this.is(k + 1, W_PASSIVE_SPEECH)) {
      const inner = this.afterAt(k + 1, q);
      if (inner.speaker) return inner;
    }
    // said X / added X / said the company's director, X
    if (this.isCueVerb(k, true)) {
      const phrase = this.phraseAt(k);
      const next = phrase ? phrase.end + 1 : k + 1;
      const np = this.rolePossessorName(next) ?? this.nounPhrase(next, true);
      if (np) return { speaker: np.speaker, cue: phrase ? tspan(tokens, k, phrase.end) : tspan(tokens, k, k), rule: 'after.said-x' };
    }
    // X said / the publication reported / sources quoted her as saying
    const np = this.nounPhrase(k, true);
    if (np) {
      let v = this.skipApposition(np.next);
      for (let skip = 0; skip < 3 && tokens.has(v) && SKIPPABLE_AFTER_SUBJECT.test(tokens.lw(v)) && !this.isCueVerb(v, true); skip++) v++;
      const phrase = this.phraseAt(v);
      if (phrase) {
        const words = phrase.words;
        if (words[0] === 'quoted' && (words[1] === 'her' || words[1] === 'him' || words[1] === 'them')) {
          const who = this.resolvePronoun(v + 1);
          if (who) return { speaker: who, cue: tspan(tokens, v, phrase.end), rule: 'after.quoted-pronoun' };
        }
        return { speaker: np.speaker, cue: tspan(tokens, v, phrase.end), rule: 'after.x-phrase' };
      }
      if (this.isCueVerb(v, true) && !(tokens.lw(v).endsWith('ing') && !/^(?:is|was|are|were)$/.test(tokens.lw(v - 1) ?? ''))) return { speaker: np.speaker, cue: tspan(tokens, v, v), rule: 'after.x-said' };
    }
    return none;
  }

  // ---- before the quote: X said: '…' / X warned “…” / adding: '…' / X's rallying cry for … 'Y' ----
  private beforeQuote(q: RawQuote, sentence: Span): Attribution {
    const { tokens } = this.ctx;
    const none: Attribution = { speaker: null, cue: null, rule: null };
    const clause = this.clauseStart(sentence, q.start);
    const qt = this.tokenIndex(q.start);
    const reach = Math.max(0, qt - REACH);
    for (let k = qt - 1; k >= reach && tokens.start[k] >= clause; k--) {
      work.steps++;
      // (Only a word that can end a cue is read further: the checks below need one.)
      if (!this.is(k, W_CUE_ENDS) || this.tokenInQuote(k)) continue;
      // Nominal cue owned by a possessor: "Keir Starmer’s rallying cry".
      const nominal = this.nominalCueEndingAt(k);
      if (nominal) return nominal;
      const phrase = this.phraseEndingAt(k);
      if (phrase !== null) {
        const words = phrase.words;
        if (words[0] === 'according') {
          const np = this.nounPhrase(k + 1, true);
          if (np && np.next <= qt) return { speaker: np.speaker, cue: tspan(tokens, phrase.start, k), rule: 'before.according-to' };
          continue;
        }
        const subj = this.subjectFor(phrase.start, sentence, clause);
        if (subj) return { speaker: subj, cue: tspan(tokens, phrase.start, k), rule: 'before.x-phrase' };
        continue;
      }
      if (!this.isCueVerb(k, false)) continue;
      if (tokens.lw(k - 1) === 'to') continue; // infinitive: the governing verb is the cue
      const subj = this.subjectFor(k, sentence, clause);
      if (subj) return { speaker: subj, cue: tspan(tokens, k, k), rule: 'before.x-said' };
    }
    return none;
  }

  private nominalCueEndingAt(k: number): Attribution | null {
    const { tokens } = this.ctx;
    const lw = tokens.lw(k);
    // "Brandt’s cry of …", "Brandt’s rallying cry", "Brandt’s rallying call": "rallying" belongs to the cue.
    if (lw !== 'cry' && !this.is(k, W_NOMINAL_CUES)) return null;
    const startTok = tokens.lw(k - 1) === 'rallying' ? k - 1 : k;
    const owner = this.byT1.get(startTok - 1);
    if (!owner || !owner.possessive) return null;
    return { speaker: { entity: owner.entity, mention: { start: owner.start, end: owner.end } }, cue: tspan(tokens, startTok, k), rule: 'before.nominal-cue' };
  }

  private isCueVerb(k: number, after: boolean): boolean {
    const { tokens } = this.ctx;
    if (!tokens.has(k)) return false;
    const lw = tokens.lw(k);
    if (!this.is(k, W_SPEECH_VERBS)) return false;
    // (The word before is read over any white space: "the\nreports" is "the reports" wrapped.)
    if (k > 0 && onlySpace(tokens.units, tokens.end[k - 1], tokens.start[k])) {
      // (A determiner before a noun-like form, "the call", is one of these too.)
      if (this.is(k - 1, W_DETERMINERS) || /['’¿]s$/.test(tokens.w(k - 1)) || this.byT1.get(k - 1)?.possessive) return false;
    }
    if (!after && this.is(k, W_NOUNISH_VERB_FORMS) && !/(?:s|ed)$/.test(lw)) return false;
    // A passive before the quote ("refugees were admitted as …") has no speaker as its subject.
    if (!after && lw.endsWith('ed') && PASSIVE_AUXILIARIES.has(tokens.lw(k - 1))) return false;
    return true;
  }

  /** The words of phrase `p` from token `start` on, with only white space between them ("wrote. On" is no "wrote on"). */
  private phraseMatches(p: readonly string[], start: number): boolean {
    const { tokens } = this.ctx;
    if (start < 0) return false;
    for (let j = 0; j < p.length; j++) {
      if (tokens.lw(start + j) !== p[j]) return false;
      if (j > 0 && !onlySpace(tokens.units, tokens.end[start + j - 1], tokens.start[start + j])) return false;
    }
    return true;
  }

  private phraseAt(k: number): { end: number; words: string[] } | null {
    if (!this.ctx.tokens.has(k)) return null;
    for (const p of PHRASES_BY_FIRST.get(this.ctx.tokens.lw(k)) ?? []) if (this.phraseMatches(p, k)) return { end: k + p.length - 1, words: p };
    return null;
  }

  private phraseEndingAt(k: number): { start: number; words: string[] } | null {
    if (!this.ctx.tokens.has(k)) return null;
    for (const p of PHRASES_BY_LAST.get(this.ctx.tokens.lw(k)) ?? []) if (this.phraseMatches(p, k - p.length + 1)) return { start: k - p.length + 1, words: p };
    return null;
  }

  /** The subject of the cue at token k: the nearest subject-like mention before it in the clause. */
  private subjectFor(k: number, sentence: Span, clause: number): Speaker | null {
    const kept = this.subjectsFor.get(k);
    if (kept !== undefined && kept.sentence === sentence.start && kept.clause === clause) return kept.speaker;
    const speaker = this.findSubjectFor(k, sentence, clause);
    this.subjectsFor.set(k, { sentence: sentence.start, clause, speaker });
    return speaker;
  }

  private findSubjectFor(k: number, sentence: Span, clause: number): Speaker | null {
    const { tokens } = this.ctx;
    const cueStart = tokens.start[k];
    const participle = (/ing$/.test(tokens.lw(k)) && !/^(?:is|are|was|were|be|been|am|'s|being)$/.test(tokens.lw(k - 1) ?? '')) || tokens.lw(k - 1) === 'having';
    // "Nefzi said, adding, “…”": a participle after "X said," belongs to X.
    if (participle && k > 1 && this.ctx.text.slice(tokens.end[k - 1], cueStart) === ', ' && this.isCueVerb(k - 1, false) && !/ing$/.test(tokens.lw(k - 1))) {
      const speaker = this.subjectFor(k - 1, sentence, clause);
      if (speaker) return speaker;
    }
    // "footage of Hillary Clinton asking, “…”": a participle right after a person belongs to that person.
    if (participle && tokens.lw(k - 1) !== 'having') {
      const before = this.byT1.get(k - 1);
      if (before && before.kind === 'person' && !before.possessive && this.ctx.text.slice(before.end, cueStart) === ' ') return mention(this.ctx.candidates, before);
    }
    // "She urges her husband to leave and repeatedly says": a second verb shares the first one's subject.
    let a = k - 1;
    while (a > k - 3 && a >= 0 && /ly$/.test(tokens.lw(a))) a--;
    const coordinated = tokens.lw(a) === 'and' && this.ctx.text.slice(tokens.end[a - 1] ?? 0, tokens.start[a]) === ' ';
    if (!participle && !coordinated) {
      const reach = Math.max(0, k - REACH);
      // "Christie, who has campaigned for Trump since he …, blasted": skip the relative clause.
      let from = k - 1;
      if (k > 0 && this.ctx.text.slice(tokens.end[k - 1], cueStart).startsWith(',')) {
        for (let p = k - 2; p > 0 && p >= reach && tokens.start[p] >= clause; p--) {
          work.steps++;
          if ((tokens.lw(p) === 'who' || tokens.lw(p) === 'which') && this.ctx.text.slice(tokens.end[p - 1], tokens.start[p]).startsWith(',')) {
            from = p - 1;
            break;
          }
        }
      }
      for (let p = from; p >= reach && tokens.start[p] >= clause; p--) {
        work.steps++;
        if (this.tokenInQuote(p)) continue;
        // "McConnell, now the Senate majority leader, who in 2010 said": the person "who" stands for.
        if (tokens.lw(p) === 'who') {
          const antecedent = this.whoAntecedent(p);
          // "anybody who complains …": no named antecedent; the sentence subject is looked for below.
          if (antecedent) return mention(this.ctx.candidates, antecedent);
          break;
        }
        const s = this.subjectAt(p);
        if (s) return s;
      }
    }
    // Participles and clauses without a subject of their own: the sentence's main subject, near its start.
    const first = this.tokenIndex(sentence.start);
    const last = Math.min(k, first + REACH);
    for (let p = first; p < last; p++) {
      work.steps++;
      if (this.tokenInQuote(p)) continue;
      const direct = this.directSubjectAt(p);
      if (direct) return direct;
      const c = this.byT0.get(p);
      const owned = c && c.possessive && !this.isObject(c.t0) ? this.keptOwnedDescription(c) : null;
      if (owned && owned.next <= k) return owned.speaker;
      const other = this.pronounOrNominalAt(p);
      if (other) return other;
    }
    return null;
  }

  /** The candidate starting at token p, when it is no possessive, object or modifier. */
  private directSubjectAt(p: number): Speaker | null {
    return this.directSubjects.get(p);
  }

  private findDirectSubjectAt(p: number): Speaker | null {
    const c = this.byT0.get(p);
    return c && !c.possessive && !this.isObject(c.t0) && !this.isModifier(c) ? mention(this.ctx.candidates, c) : null;
  }

  /** `ownedDescription`, found once per candidate. */
  private keptOwnedDescription(c: Candidate): { speaker: Speaker; next: number } | null {
    let v = this.ownedDescriptions.get(c);
    if (v === undefined) {
      v = this.ownedDescription(c);
      this.ownedDescriptions.set(c, v);
    }
    return v;
  }

  /** The pronoun subject at token p, else the nominal starting there. */
  private pronounOrNominalAt(p: number): Speaker | null {
    return this.pronounOrNominals.get(p);
  }

  /** A subject candidate ending at token p (walking backwards). */
  private subjectAt(p: number): Speaker | null {
    return this.subjectsAt.get(p);
  }

  private findSubjectAt(p: number): Speaker | null {
    const { tokens } = this.ctx;
    let c = this.byT1.get(p);
    // "Mr. Morgan of the Sierra Club said": the person, not the affiliation.
    if (c && c.kind !== 'person') {
      let o = c.t0 - 1;
      if (tokens.lw(o) === 'the') o--;
      const person = tokens.lw(o) === 'of' ? this.byT1.get(o - 1) : undefined;
      if (person && this.affiliationEnd(person) === c.t1 + 1) c = person;
    }
    if (c && !c.possessive && !this.isObject(c.t0) && !this.isModifier(c)) return { entity: c.entity, mention: { start: c.start, end: c.end } };
    const pron = this.pronounSubject(p);
    if (pron) return pron;
    // nominal subjects: "the PM", "the publication", "officials"
    if (this.is(p, W_PERSON_NOUNS | W_DOCUMENT_NOUNS)) {
      for (let d = p - 1; d >= Math.max(0, p - 5); d--) {
        const ref = this.describedRef(d);
        if (ref && ref.next === p + 1) return ref.speaker;
      }
    }
    if (this.is(p, W_ROLE_NOUNS | W_MEDIA_NOUNS | W_GROUP_NOUNS)) {
      let s = p;
      // (Only a few words before p can make a nominal that ends at p: the walk reaches no further than REACH.)
      const reach = Math.max(0, p - REACH);
      while (s > reach && (this.is(s - 1, W_TITLE_WORDS | W_DEMONYMS)) && tokens.lw(s - 1) !== 'the') s--;
      const nom = this.nominalAt(s);
      if (nom && nom.next === p + 1) return nom.speaker;
    }
    return null;
  }

  /** "Mr Trump's Ukraine envoy", "Putin spokesman": a name used as a modifier of a role noun. */
  private isModifier(c: Candidate): boolean {
    const { tokens } = this.ctx;
    const n = c.t1 + 1;
    if (!tokens.has(n)) return false;
    // "Mr. Morgan of the Sierra Club": a name with its affiliation (the "of" is no title word here).
    if (this.affiliationEnd(c) >= 0) return false;
    return tokens.start[n] - c.end === 1 && this.ctx.text.charCodeAt(c.end) === 32 && (this.is(n, W_TITLE_WORDS | W_ROLE_NOUNS)) && !this.is(n, W_SPEECH_VERBS);
  }

  private pronounSubject(p: number): Speaker | null {
    const lw = this.ctx.tokens.lw(p);
    if (lw !== 'he' && lw !== 'she') return null;
    return this.resolvePronoun(p);
  }

  private isObject(t0: number): boolean {
    if (t0 < 0 || t0 > this.ctx.tokens.length) return this.findObject(t0);
    let v = this.objects[t0];
    if (v === 0) {
      v = this.findObject(t0) ? 1 : 2;
      this.objects[t0] = v;
    }
    return v === 1;
  }

  private findObject(t0: number): boolean {
    const { tokens } = this.ctx;
    let p = t0 - 1;
    while (p >= 0 && (this.is(p, W_TITLE_WORDS | W_DEMONYMS) || this.is(p, W_US_UK)) && tokens.lw(p) !== 'of') p--;
    if (!tokens.has(p)) return false;
    if (!onlySpace(tokens.units, tokens.end[p], tokens.start[p + 1])) return false;
    const prev = tokens.lw(p);
    return this.is(p, W_PREPOSITIONS) || (/ing$/.test(prev) && !this.is(p, W_SPEECH_VERBS));
  }

  /** A noun phrase naming a speaker at token k: a mention, a pronoun, or a nominal. */
  private nounPhrase(k: number, loose = false): { speaker: Speaker; next: number } | null {
    const { tokens } = this.ctx;
    let p = k;
    // skip titles/honorifics/demonyms/determiners before a name: "German Chancellor Olaf Scholz", "Rep. Jo Lee"
    let guard = 0;
    if (tokens.lw(p) === 'the' && this.byT0.has(p + 1)) p++;
    while (tokens.has(p) && guard++ < 5) {
      const m = this.byT0.get(p);
      if (m && this.isModifier(m)) p = m.t1 + 1;
      else if (!m && (this.is(p, W_TITLE_WORDS | W_DEMONYMS | W_HONORIFICS)) && tokens.lw(p) !== 'the') p++;
      else break;
    }
    let c = this.byT0.get(p);
    if (!c && loose && p === k) {
      const described = this.describedRef(k);
      // "his friend Mahamat Oumar told": the description, then the name it describes.
      const named = described ? this.personRightAfter(described.next - 1) : undefined;
      if (named) return { speaker: mention(this.ctx.candidates, named), next: named.t1 + 1 };
      if (described) return described;
    }
    // "the Republican presidential candidate said": a description that only starts with a name.
    if (c && loose && c.kind !== 'person' && !c.possessive && p === k + 1) {
      const described = this.describedRef(k);
      if (described && described.next > c.t1 + 1) return described;
    }
    // "Obama's former campaign strategist said", "Ivana Trump's brief said": a possessor and a description.
    if (c && loose && c.possessive) {
      const owned = this.ownedDescription(c);
      if (owned) return owned;
    }
    // "American Action Forum’s Douglas Holtz-Eakin said": an organisation's person.
    if (c && loose && c.kind !== 'person' && c.possessive) {
      const named = this.personRightAfter(c.t1);
      if (named) c = named;
    }
    // "DoubleLine Capital portfolio manager Bonnie Baha said", "the Post's senior politics editor Steven
    // Ginsberg responded": an organisation, its description words, then the person.
    if (c && loose && c.kind !== 'person') {
      for (let q = c.t1 + 1; q <= c.t1 + 4 && tokens.has(q) && /^\p{Ll}/u.test(tokens.w(q)) && !this.is(q, W_SPEECH_VERBS | W_PRONOUNS_MALE | W_PRONOUNS_FEMALE | W_DESCRIPTION_STOPS) && this.ctx.text.slice(tokens.end[q - 1], tokens.start[q]) === ' '; q++) {
        const named = this.personRightAfter(q);
        if (named) {
          c = named;
          break;
        }
      }
    }
    // "political scientist Christopher Wlezien told", "MSNBC host Chris Matthews", "Oversight Chairman
    // Jason Chaffetz": description words (not verbs, not other names) right before a person's name.
    if (!c && loose) {
      for (let q = p; q < p + 5 && tokens.has(q) && !this.byT0.get(q) && !this.is(q, W_SPEECH_VERBS) && !this.is(q, W_PRONOUNS_MALE) && !this.is(q, W_PRONOUNS_FEMALE) && this.ctx.text.slice(tokens.end[q], tokens.start[q + 1] ?? 0) === ' '; q++) {
        const hit = this.byT0.get(q + 1);
        if (hit && hit.kind === 'person') {
          c = hit;
          break;
        }
      }
    }
    if (c) return { speaker: mention(this.ctx.candidates, c), next: c.t1 + 1 };
    if (!tokens.has(k)) return null;
    const lw = tokens.lw(k);
    if (this.is(k, W_PRONOUNS_MALE | W_PRONOUNS_FEMALE)) {
      if (lw === 'his' || lw === 'her') return null;
      const who = this.resolvePronoun(k);
      return who ? { speaker: who, next: k + 1 } : null;
    }
    if (loose && (lw === 'they' || lw === 'it')) {
      const who = this.nearest(tokens.start[k], (x) => (lw === 'they' ? x.kind === 'group' || x.kind === 'organization' || x.kind === 'country' : x.kind === 'organization' || x.kind === 'country') && !this.inQuote(x.start), 1500);
      return who ? { speaker: { entity: who.entity, mention: { start: tokens.start[k], end: tokens.end[k] } }, next: k + 1 } : null;
    }
    return this.nominalAt(k);
  }

  /**
   * The person a relative "who" (token w) stands for: the name right before it ("Obama who …"), or
   * before a comma and at most one apposition ("McConnell, now the majority leader, who …").
   */
  private whoAntecedent(w: number): Candidate | undefined {
    const { tokens, text } = this.ctx;
    const direct = this.byT1.get(w - 1);
    if (direct && direct.kind === 'person' && !direct.possessive) return direct;
    if (!text.slice(tokens.end[w - 1], tokens.start[w]).startsWith(',')) return undefined;
    let commas = 0;
    for (let p = w - 1; p >= Math.max(0, w - 12); p--) {
      const c = this.byT1.get(p);
      if (c && c.kind === 'person' && !c.possessive && text.charCodeAt(c.end) === 44 /* , */) return c;
      if (p > 0 && text.slice(tokens.end[p - 1], tokens.start[p]).startsWith(',') && ++commas > 1) return undefined;
    }
    return undefined;
  }

  /**
   * A description owned by a possessor ("Obama's former campaign strategist"): the person it names
   * right after, the nearest person titled with its head noun, or an entity of its own.
   */
  private ownedDescription(owner: Candidate): { speaker: Speaker; next: number } | null {
    const { tokens, text } = this.ctx;
    let head = -1;
    for (let q = owner.t1 + 1; q <= owner.t1 + 5 && tokens.has(q); q++) {
      if (text.slice(tokens.end[q - 1], tokens.start[q]) !== ' ' || !/^\p{Ll}/u.test(tokens.w(q)) || this.is(q, W_SPEECH_VERBS | W_DESCRIPTION_STOPS | W_DETERMINERS)) break;
      // A past tense or participle ends the description ("Gowdy's office slammed a lawsuit").
      if (tokens.lw(q).endsWith('ed') && !this.is(q, W_PERSON_NOUNS | W_DOCUMENT_NOUNS)) break;
      if (this.is(q, W_PERSON_NOUNS | W_DOCUMENT_NOUNS) && !this.is(q + 1, W_PERSON_NOUNS | W_DOCUMENT_NOUNS)) {
        head = q;
        break;
      }
    }
    if (head < 0) return null;
    const named = this.personRightAfter(head);
    if (named) return { speaker: mention(this.ctx.candidates, named), next: named.t1 + 1 };
    const headLw = tokens.lw(head);
    const mentionSpan = { start: owner.start, end: tokens.end[head] };
    if (this.is(head, W_PERSON_NOUNS)) {
      const titled = this.nearest(owner.start, (c) => c.kind === 'person' && c.entity !== owner.entity && c.titles.some((t) => hasWord(t, headLw)), 2500);
      if (titled) return { speaker: { entity: titled.entity, mention: mentionSpan }, next: head + 1 };
    }
    return { speaker: { entity: this.describedEntity(text.slice(owner.start, tokens.end[head]), head), mention: mentionSpan }, next: head + 1 };
  }

  /**
   * The entity of an unnamed speaker described as `name` ("former campaign strategist"), whose head
   * noun is token `head`: a person, a group for a plural ("the lawyers"), else an organisation or
   * document. Made on first use.
   */
  private describedEntity(name: string, head: number): string {
    const { entities } = this.ctx;
    const id = kebab(name);
    if (!entities.has(id)) entities.set(id, { id, name, kind: PLURAL_PERSON_NOUNS.has(this.ctx.tokens.lw(head)) ? 'group' : this.is(head, W_PERSON_NOUNS) ? 'person' : 'organization', aliases: [] });
    return id;
  }

  /** The person whose name follows token q after one space. */
  private personRightAfter(q: number): Candidate | undefined {
    const c = this.byT0.get(q + 1);
    return c && c.kind === 'person' && this.ctx.text.slice(this.ctx.tokens.end[q], c.start) === ' ' ? c : undefined;
  }

  /** "the PM", "the publication", "the French President", "officials", "European officials". */
  private nominalAt(k: number): { speaker: Speaker; next: number } | null {
    const { tokens } = this.ctx;
    if (!tokens.has(k)) return null;
    let p = k;
    const hasDet = tokens.lw(k) === 'the';
    if (hasDet) p++;
    let mods = 0;
    // "the French President", "the former secretary of state"
    while (tokens.has(p) && (this.is(p, W_DEMONYMS) || (hasDet && TENURE_WORDS.has(tokens.lw(p)))) && mods < 2) {
      p++;
      mods++;
    }
    if (!tokens.has(p)) return null;
    const head = tokens.lw(p);
    const two = tokens.has(p + 1) ? `${head} ${tokens.lw(p + 1)}` : '';
    if (hasDet && ROLE_NOUNS.has(two)) return this.roleRef(k, p + 1, ROLE_NOUNS.get(two)!);
    if (hasDet && this.is(p, W_ROLE_NOUNS)) return this.roleRef(k, p, ROLE_NOUNS.get(head)!);
    if (hasDet && this.is(p, W_MEDIA_NOUNS)) {
      const org = this.nearest(tokens.start[k], (c) => c.kind === 'organization' && (c.media || this.isMedia(c.entity)));
      if (org) return { speaker: { entity: org.entity, mention: { start: tokens.start[k], end: tokens.end[p] } }, next: p + 1 };
      return null;
    }
    if (this.is(p, W_GROUP_NOUNS) && !this.isObject(k)) return this.groupRef(k, p);
    return this.describedRef(k);
  }

  /**
   * "the businessman", "a doctor", "the Indiana governor", "the letter": an unnamed speaker. A
   * person description resolves to the nearest person titled so, else it becomes an entity of its own.
   */
  private describedRef(k: number): { speaker: Speaker; next: number } | null {
    const { tokens, text } = this.ctx;
    if (!tokens.has(k)) return null;
    const det = tokens.lw(k);
    const detStart = tokens.start[k];
    if (!this.is(k, W_DESCRIPTION_DETERMINERS)) return null;
    if (k > 0) {
      const before = tokens.lw(k - 1);
      if ((this.is(k - 1, W_PREPOSITIONS) || before === 'such') && this.ctx.text.slice(tokens.end[k - 1], detStart) === ' ') return null;
    }
    let p = k + 1;
    let head = -1;
    for (let n = 0; n < 6 && tokens.has(p); n++, p++) {
      if (text.slice(tokens.end[p - 1], tokens.start[p]) !== ' ') break;
      if (this.is(p, W_PERSON_NOUNS | W_DOCUMENT_NOUNS)) {
        // a noun used as a modifier ("the campaign statement", "the Republican presidential candidate") keeps going
        let later = false;
        for (let r = p + 1; r <= p + 2 && tokens.has(r) && text.slice(tokens.end[r - 1], tokens.start[r]) === ' ' && !this.is(r, W_SPEECH_VERBS | W_DESCRIPTION_STOPS) && !tokens.lw(r).endsWith('ed'); r++) {
          if (this.is(r, W_PERSON_NOUNS | W_DOCUMENT_NOUNS)) {
            later = true;
            break;
          }
        }
        if (later) continue;
        // A plural is the head only where the phrase ends ("the lawyers said"), not as a modifier ("a veterans group").
        if (PLURAL_PERSON_NOUNS.has(tokens.lw(p)) && tokens.has(p + 1) && text.slice(tokens.end[p], tokens.start[p + 1]) === ' ' && /^\p{Ll}/u.test(tokens.w(p + 1)) && !this.is(p + 1, W_SPEECH_VERBS | W_DESCRIPTION_STOPS | W_PREPOSITIONS)) break;
        head = p;
        break;
      }
      if (this.is(p, W_SPEECH_VERBS | W_DESCRIPTION_STOPS)) break;
    }
    if (head < 0) return null;
    const headLw = tokens.lw(head);
    const mentionSpan = { start: detStart, end: tokens.end[head] };
    if (this.is(head, W_PERSON_NOUNS)) {
      const titled = this.nearest(detStart, (c) => c.kind === 'person' && c.titles.some((t) => hasWord(t, headLw)), 2500);
      if (titled && det === 'the') return { speaker: { entity: titled.entity, mention: mentionSpan }, next: head + 1 };
    }
    // "the department said" after "the State Department": the organisation named so shortly before.
    if (det === 'the' && head === k + 1 && INSTITUTION_NOUNS.has(headLw)) {
      const org = this.nearest(detStart, (c) => c.kind === 'organization' && !this.inQuote(c.start) && hasWord(c.text.toLowerCase(), headLw), 2000);
      if (org) return { speaker: { entity: org.entity, mention: mentionSpan }, next: head + 1 };
    }
    return { speaker: { entity: this.describedEntity(text.slice(tokens.start[k + 1], tokens.end[head]), head), mention: mentionSpan }, next: head + 1 };
  }

  private roleRef(k: number, headIdx: number, role: string): { speaker: Speaker; next: number } | null {
    const { tokens } = this.ctx;
    const start = tokens.start[k];
    const conflicting = (c: Candidate): boolean => c.titles.length > 0 && !c.titles.some((t) => t.includes(role) || (role === 'prime minister' && /\b(?:pm|premier)\b/.test(t)));
    const titled = this.nearest(start, (c) => c.kind === 'person' && c.titles.some((t) => t.includes(role) || (role === 'prime minister' && /\b(?:pm|premier)\b/.test(t))), 3000);
    const free = this.nearest(start, (c) => c.kind === 'person' && !c.possessive && !conflicting(c) && !this.isObject(c.t0), 3000);
    const pick = titled ?? free;
    if (!pick) return null;
    return { speaker: { entity: pick.entity, mention: { start, end: tokens.end[headIdx] } }, next: headIdx + 1 };
  }

  /** A group speaker: "officials", "European officials", "sources" → one group entity per phrase. */
  private groupRef(k: number, headIdx: number): { speaker: Speaker; next: number } | null {
    const { tokens, text, entities } = this.ctx;
    let s = headIdx;
    while (s > k && (this.is(s - 1, W_DEMONYMS) || /^\p{Lu}/u.test(tokens.w(s - 1))) && tokens.lw(s - 1) !== 'the') s--;
    // Include capitalised modifiers right before: "Trump administration officials", "European officials".
    while (s > 0 && s === k && (this.is(s - 1, W_DEMONYMS) || /^(?:administration|government|military|intelligence|defence|defense|security|western|senior|top)$/.test(tokens.lw(s - 1) ?? '')) && text.slice(tokens.end[s - 1], tokens.start[s]) === ' ') s--;
    const name = text.slice(tokens.start[s], tokens.end[headIdx]);
    const id = kebab(name);
    if (!entities.has(id)) entities.set(id, { id, name, kind: 'group', aliases: [] });
    return { speaker: { entity: id, mention: { start: tokens.start[s], end: tokens.end[headIdx] } }, next: headIdx + 1 };
  }

  /** he/she/her/him → the nearest fitting person before it, preferring subjects over objects. */
  resolvePronoun(k: number): Speaker | null {
    const { tokens } = this.ctx;
    const start = tokens.start[k];
    const female = this.is(k, W_PRONOUNS_FEMALE);
    // Known female first names fit she/her; he/him fits everyone else: a subject first, then an object
    // ("X met Marta Quell. … she said"), then anyone not an object, then any person.
    const gender = (c: Candidate): boolean => (female ? c.female : !c.female);
    const fits = (c: Candidate): boolean => c.kind === 'person' && !c.possessive && !c.blocked && !this.inQuote(c.start);
    const any =
      this.nearest(start, (c) => fits(c) && gender(c) && !this.isObject(c.t0), 4000) ??
      this.nearest(start, (c) => fits(c) && gender(c), 4000) ??
      this.nearest(start, (c) => fits(c) && !this.isObject(c.t0), 4000) ??
      this.nearest(start, (c) => c.kind === 'person' && !this.inQuote(c.start), 4000);
    if (!any) return null;
    return { entity: any.entity, mention: { start, end: tokens.end[k] } };
  }

  private nearest(offset: number, pred: (c: Candidate) => boolean, window = 4000): Candidate | null {
    const cs = this.ctx.candidates;
    const ps = this.ctx.paragraphs;
    const pk = lowerBound(ps, offset + 1) - 1;
    const paragraphStart = pk >= 0 ? ps[pk].start : -1;
    // The earlier copy of this paragraph, if it repeats one: looked for only once the walk leaves the paragraph.
    let shadow: Span | null | undefined;
    let budget = window;
    for (let k = lowerBound(cs, offset) - 1; k >= 0; k--) {
      work.steps++;
      const c = cs[k];
      if (shadow === undefined && c.start < paragraphStart) shadow = this.shadowOf(pk);
      if (shadow && c.start >= shadow.start && c.end <= shadow.end) {
        // Past the whole copy at once (it is skipped, and may be as long as the text).
        k = lowerBound(cs, shadow.start);
        continue;
      }
      if (shadow && c.end <= shadow.start) budget = window + (shadow.end - shadow.start);
      if (offset - c.start > budget) break;
      if (c.end <= offset && pred(c)) return c;
    }
    return null;
  }

  /** When paragraph k repeats the one before it (a second rendering of the same text): that earlier copy. */
  private shadowOf(k: number): Span | null {
    const ps = this.ctx.paragraphs;
    if (k <= 0) return null;
    let cached = this.dupCache.get(k);
    if (cached === undefined) {
      const a = ps[k];
      const b = ps[k - 1];
      cached = a.end > a.start && sameRendering(this.ctx.tokens.units, a, b);
      this.dupCache.set(k, cached);
    }
    return cached ? ps[k - 1] : null;
  }

  private readonly dupCache = new Map<number, boolean>();

  /** The subject of the clause a partial quote sits in ("the Netherlands is “not negative”"). */
  private clauseSubject(sentence: Span, quoteStart: number): Speaker | null {
    const clause = this.clauseStart(sentence, quoteStart);
    const qt = this.tokenIndex(quoteStart);
    const first = this.tokenIndex(clause);
    const last = Math.min(qt, first + REACH);
    for (let p = first; p < last; p++) {
      work.steps++;
      if (this.tokenInQuote(p)) continue;
      const c = this.byT0.get(p);
      // "Harbour Trust spokesman Ivo Brandt is …": past the whole modifier, not into its second word.
      if (c && this.isModifier(c)) {
        p = c.t1;
        continue;
      }
      if (c) {
        if (c.possessive || this.isObject(c.t0)) return null;
        return mention(this.ctx.candidates, c);
      }
      const pron = this.pronounSubject(p);
      if (pron) return pron;
      if (!this.is(p, W_CLAUSE_OPENERS | W_TITLE_WORDS | W_DEMONYMS)) return null;
    }
    return null;
  }
}

const NO_BREAKS: readonly number[] = Object.freeze([]);

/** Clause breaks (";", " — ", ", while ") in text[start, end), as (start, end) pairs in order. */
function findClauseBreaks(text: string, units: Uint16Array, start: number, end: number): readonly number[] {
  // Every clause break holds ";", "—", "–" or ",": without one there is nothing to look for.
  let any = false;
  for (let p = start; p < end && !any; p++) {
    const c = units[p];
    any = c === 59 || c === 44 || c === 0x2014 || c === 0x2013;
  }
  if (!any) return NO_BREAKS;
  const breaks: number[] = [];
  work.steps += end - start;
  const slice = text.slice(start, end);
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(slice); m !== null; m = CLAUSE_BREAK.exec(slice)) breaks.push(start + m.index, start + m.index + m[0].length);
  return breaks;
}


/** units[a, b) is white space or nothing (`text.slice(a, b).trim() === ''`). */
function onlySpace(units: Uint16Array, a: number, b: number): boolean {
  for (let p = a; p < b; p++) if (!isRegexSpaceCode(units[p])) return false;
  return true;
}

/** The end of units[a, b) without its trailing white space. */
function trimmedEnd(units: Uint16Array, a: number, b: number): number {
  let p = b;
  while (p > a && isRegexSpaceCode(units[p - 1])) p--;
  return p;
}

/** units[a, b) ends with a colon and white space (regex `/:\s*$/`), read from the end. */
function endsWithColon(units: Uint16Array, a: number, b: number): boolean {
  const p = trimmedEnd(units, a, b);
  return p > a && units[p - 1] === 58;
}

/** units[a, b) ends with "?" or "!" and closing marks (regex `/[?!]["”’'»]*$/`), read from the end. */
function endsWithQuestion(units: Uint16Array, a: number, b: number): boolean {
  let p = b;
  while (p > a && (units[p - 1] === 34 || units[p - 1] === 0x201d || units[p - 1] === 0x2019 || units[p - 1] === 39 || units[p - 1] === 0xbb)) p--;
  return p > a && (units[p - 1] === 63 || units[p - 1] === 33);
}

/** Offset of the first ")" in units[a, b), or -1. */
function closingParenthesis(units: Uint16Array, a: number, b: number): number {
  const end = Math.min(b, units.length);
  for (let p = a; p < end; p++) if (units[p] === 41) return p;
  return -1;
}

/** units[a, b) is a comma and white space (regex `/^,\s+$/`). */
function commaGap(units: Uint16Array, a: number, b: number): boolean {
  if (b - a < 2 || units[a] !== 44) return false;
  for (let p = a + 1; p < b; p++) if (!isRegexSpaceCode(units[p])) return false;
  return true;
}

/** Whether `word` is one of the space-separated words of `phrase`. */
function hasWord(phrase: string, word: string): boolean {
  for (let i = phrase.indexOf(word); i >= 0; i = phrase.indexOf(word, i + 1)) {
    const end = i + word.length;
    if ((i === 0 || phrase.charCodeAt(i - 1) === 32) && (end === phrase.length || phrase.charCodeAt(end) === 32)) return true;
  }
  return false;
}

function mention(_cands: readonly Candidate[], c: Candidate): Speaker {
  return { entity: c.entity, mention: { start: c.start, end: c.end } };
}

/** From the start of token a to the end of token b. */
function tspan(tokens: Tokens, a: number, b: number): Span {
  return { start: tokens.start[a], end: tokens.end[b] };
}

/** Typographic variants folded for `sameRendering`: ‘ ’ ¿ → ', “ ” → ", – — → -. */
function renderFold(c: number): number {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0xbf:
      return 39;
    case 0x201c:
    case 0x201d:
      return 34;
    case 0x2013:
    case 0x2014:
      return 45;
    default:
      return c;
  }
}

const isRenderSpace = (c: number): boolean => c === 32 || c === 9 || c === 0xa0;

/** Reads a paragraph as folded char codes: "…" as three dots, a run of spaces as one, -1 at the end. */
class RenderingCursor {
  private dots = 0; // dots still owed by a "…"

  constructor(
    private readonly units: Uint16Array,
    private i: number,
    private readonly end: number,
  ) {}

  next(): number {
    if (this.dots > 0) {
      this.dots--;
      return 46;
    }
    if (this.i >= this.end) return -1;
    const c = this.units[this.i++];
    if (c === 0x2026) {
      this.dots = 2;
      return 46;
    }
    if (isRenderSpace(c)) {
      while (this.i < this.end && isRenderSpace(this.units[this.i])) this.i++;
      return 32;
    }
    return renderFold(c);
  }
}

/** Two paragraphs of a text (given by its code units) that differ only in typography (curly/straight marks, dashes, "…"/"...", spacing). */
export function sameRendering(units: Uint16Array, a: Span, b: Span): boolean {
  // A plain loop over both paragraphs: characters fold one to one, and runs of spaces fold to one
  // space on both sides. At a "…" (three dots on the other side) the cursors take over for the rest,
  // starting in the same state as if they had read everything before.
  let i = a.start;
  let j = b.start;
  while (i < a.end && j < b.end) {
    const c = units[i];
    const d = units[j];
    if (c === 0x2026 || d === 0x2026) break;
    const cs = isRenderSpace(c);
    if (cs !== isRenderSpace(d)) return false;
    if (cs) {
      while (i < a.end && isRenderSpace(units[i])) i++;
      while (j < b.end && isRenderSpace(units[j])) j++;
      continue;
    }
    if (c !== d && renderFold(c) !== renderFold(d)) return false;
    i++;
    j++;
  }
  const ra = new RenderingCursor(units, i, a.end);
  const rb = new RenderingCursor(units, j, b.end);
  for (;;) {
    const ca = ra.next();
    if (ca !== rb.next()) return false;
    if (ca === -1) return true;
  }
}

function normQuote(s: string): string {
  return s.replace(/["“”'‘’¿«»]/g, '').replace(/[.,;:!?]+$/, '').trim().toLowerCase();
}
