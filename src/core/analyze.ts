import { attributeQuotes } from './attribution';
import type { TriedStep } from './attributionRules';
import { findEntities, type Candidate } from './entities';
import { findFigures } from './figures';
import { blockedLines, findQuotes } from './quotes';
import { lowerBound, OPENING_MARK_CODES, paragraphsOf, sortByStart, splitLines, splitSentencesInto, tokenize, type Tokens } from './text';
import type { Analysis, AnalyzeOptions, Entity, MentionFinding, Span } from './types';

/** Finds quotes, speakers, entities and figures in a plain-text article. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const lines = splitLines(text);
  const blockedLineSet = blockedLines(lines);
  const { paragraphs, apart: blocked } = paragraphsOf(text, lines, blockedLineSet);
  const tokens = tokenize(text);
  const quotes = findQuotes(text, paragraphs, blocked, tokens);
  const sentences: Span[] = [];
  for (let p = 0; p < paragraphs.length; p++) splitSentencesInto(text, paragraphs[p], quotes, sentences, tokens.terminals);
  // A sentence starts at its first character, or at the first word after up to three opening quote marks.
  const sentenceStartAt = (offset: number): boolean => {
    const k = lowerBound(sentences, offset + 1) - 1;
    if (k < 0) return false;
    const start = sentences[k].start;
    if (offset - start > 3) return false;
    for (let p = start; p < offset; p++) if (!OPENING_MARK_CODES.has(text.charCodeAt(p))) return false;
    return true;
  };
  const blockedStarts = lines.filter((_, n) => blockedLineSet.has(n));
  const blockedAt = (offset: number): boolean => {
    const k = lowerBound(blockedStarts, offset + 1) - 1;
    return k >= 0 && offset <= blockedStarts[k].end;
  };
  const { candidates, entities, speechVerbAfter } = findEntities(text, tokens, sentenceStartAt, blockedAt, options.knownEntities ?? []);
  linkShortOrganisations(candidates, entities);
  const explained: TriedStep[][] | undefined = options.explain ? [] : undefined;
  const quoteFindings = attributeQuotes({ text, tokens, sentences, paragraphs, lines, quotes, candidates, entities }, explained);

  // Mentions: every person mention; organisations, countries and groups where they speak.
  // Speaker mentions by start, then end.
  const speakerMentions = new Map<number, number[]>();
  for (const q of quoteFindings) {
    const m = q.speakerMention;
    if (!m) continue;
    const ends = speakerMentions.get(m.start);
    if (ends) ends.push(m.end);
    else speakerMentions.set(m.start, [m.end]);
  }
  const mentions: MentionFinding[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (c.kind === 'person' || speakerMentions.get(c.start)?.includes(c.end) === true || speaks(tokens, speechVerbAfter, c)) {
      mentions.push({ start: c.start, end: c.end, text: c.text, entity: c.entity });
    }
  }
  // Groups that speak without a mention of their own get one. (The mentions so far are in order of
  // their starts, like the candidates: looked up by bisection; the added ones are kept apart.)
  const named = mentions.length;
  const added = new Set<number>();
  for (const q of quoteFindings) {
    if (!q.speaker || !q.speakerMention) continue;
    const e = entities.get(q.speaker);
    const start = q.speakerMention.start;
    if (e?.kind === 'group' && !added.has(start) && !startsAt(mentions, named, start)) {
      added.add(start);
      mentions.push({ start: q.speakerMention.start, end: q.speakerMention.end, text: text.slice(q.speakerMention.start, q.speakerMention.end), entity: q.speaker });
    }
  }
  sortByStart(mentions);
  const figures = findFigures(text, paragraphs, tokens);
  // Entities mentioned or speaking. (Plain loops: the spread of `map`/`flatMap` results here kept deoptimising `analyze`.)
  const used = new Set<string>();
  for (let k = 0; k < mentions.length; k++) used.add(mentions[k].entity);
  for (let k = 0; k < quoteFindings.length; k++) {
    const speaker = quoteFindings[k].speaker;
    if (speaker) used.add(speaker);
  }
  const entityList: Entity[] = [...entities.values()].filter((e) => used.has(e.id)).sort((a, b) => a.id.localeCompare(b.id));
  const analysis: Analysis = { entities: entityList, quotes: quoteFindings, mentions, figures };
  if (explained) analysis.explanations = explained;
  return analysis;
}

/** Whether one of spans[0, n) (in order of start) starts at `start`. */
function startsAt(spans: readonly Span[], n: number, start: number): boolean {
  const k = lowerBound(spans, start, n);
  return k < n && spans[k].start === start;
}

/** "the Post" after "The Washington Post": a one-word organisation that ends an earlier one's name. */
function linkShortOrganisations(candidates: Candidate[], entities: Map<string, Entity>): void {
  // Organisations with a name of several words, by their last word (in the order of `entities`).
  const byLast = new Map<string, Entity[]>();
  for (const e of entities.values()) {
    if (e.kind !== 'organization') continue;
    const words = e.name.split(/\s+/);
    if (words.length < 2) continue;
    const last = words[words.length - 1];
    const list = byLast.get(last);
    if (list) list.push(e);
    else byLast.set(last, [e]);
  }
  if (byLast.size === 0) return;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (c.kind !== 'organization') continue;
    // "The Post" at the start of a sentence keeps its article: the name is the word after it.
    const word = c.text.startsWith('The ') ? c.text.slice(4) : c.text;
    const named = byLast.get(word);
    if (named === undefined || /\s/.test(word)) continue;
    let full: Entity | undefined;
    for (let o = 0; o < named.length && full === undefined; o++) if (named[o].id !== c.entity) full = named[o];
    if (!full) continue;
    c.entity = full.id;
    c.media = true;
    if (!full.aliases.includes(c.text)) full.aliases = [...full.aliases, c.text].sort();
  }
}

const SOURCE_LEADS = new Set(['according to', 'citing', 'quoted by', 'relayed by', 'reported by', 'rejected by', 'per']);
/** The two-word source leads by their last word ("to" → "according"): looked up without joining the words. */
const SOURCE_LEAD_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const m = new Map<string, Set<string>>();
  for (const lead of SOURCE_LEADS) {
    const [first, last] = lead.split(' ');
    if (last !== undefined) m.set(last, (m.get(last) ?? new Set<string>()).add(first));
  }
  return m;
})();
/** An organisation, country or group speaks: it is the agent of a speech verb or an attributed source. */
function speaks(tokens: Tokens, speechVerbAfter: (t1: number) => number, c: Candidate): boolean {
  const verb = speechVerbAfter(c.t1);
  if (verb >= 0) {
    const prev = tokens.lw(verb - 1);
    return prev !== 'not' && prev !== 'never';
  }
  // "according to (the) X", "citing X", "quoted by X", "per the X"
  let k = c.t0 - 1;
  if (tokens.lw(k) === 'the') k--;
  const one = tokens.lw(k) ?? '';
  if (SOURCE_LEADS.has(one)) return true;
  return SOURCE_LEAD_PAIRS.get(one)?.has(tokens.lw(k - 1) ?? '') === true;
}
