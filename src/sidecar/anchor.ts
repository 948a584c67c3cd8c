/**
 * Re-anchoring: keeping annotations on the right text when the document changes. This is the one
 * routine used by the CLI (`analyze` on a changed file) and by the extension (file changed on disk,
 * or a sidecar opened against an edited document). `applyEdits` is the cheap path for live typing.
 */
import search from 'approx-string-match';
import { distance } from 'fastest-levenshtein';
import type { Span } from '../core/types';
import { CONTEXT_LENGTH, type Annotation } from './types';

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Up to CONTEXT_LENGTH code units before and after the span (never half a surrogate pair). */
export function contextOf(doc: string, start: number, end: number): { prefix: string; suffix: string } {
  let ps = Math.max(0, start - CONTEXT_LENGTH);
  if (ps > 0 && isLowSurrogate(doc.charCodeAt(ps)) && isHighSurrogate(doc.charCodeAt(ps - 1))) ps++;
  let se = Math.min(doc.length, end + CONTEXT_LENGTH);
  if (se < doc.length && isLowSurrogate(doc.charCodeAt(se)) && isHighSurrogate(doc.charCodeAt(se - 1))) se--;
  return { prefix: doc.slice(ps, Math.max(ps, start)), suffix: doc.slice(Math.min(end, se), se) };
}

function similarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - distance(a, b) / len;
}

export interface Candidate {
  start: number;
  end: number;
  score: number;
  context: number;
}

/** Score weights: the stored context dominates; the old offset only breaks ties between copies. */
const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_POSITION = 2;

function scoreCandidate(doc: string, a: Annotation, start: number, end: number, quoteSimilarity: number): Candidate {
  const prefixSim = similarity(a.prefix, doc.slice(Math.max(0, start - a.prefix.length), start));
  const suffixSim = similarity(a.suffix, doc.slice(end, end + a.suffix.length));
  const position = 1 - Math.min(1, Math.abs(start - a.start) / Math.max(1, doc.length));
  return {
    start,
    end,
    context: (prefixSim + suffixSim) / 2,
    score: W_QUOTE * quoteSimilarity + W_PREFIX * prefixSim + W_SUFFIX * suffixSim + W_POSITION * position,
  };
}

function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.start - b.start || a.end - b.end;
}

/** Exact matches shorter than this must also agree with their stored context. */
const SHORT_TEXT = 12;
const MIN_CONTEXT_FOR_SHORT = 0.4;

/**
 * Acceptable places for `a.text` in `doc`, best first: exact matches (short texts only where their
 * context agrees), or, when the text occurs nowhere exactly, approximate matches with up to
 * text.length / 8 errors.
 */
export function candidatesFor(doc: string, a: Annotation): Candidate[] {
  const text = a.text;
  if (text.length === 0) return [];
  const exact: Candidate[] = [];
  for (let i = doc.indexOf(text); i !== -1; i = doc.indexOf(text, i + 1)) {
    exact.push(scoreCandidate(doc, a, i, i + text.length, 1));
  }
  if (exact.length > 0) {
    return exact.filter((c) => text.length >= SHORT_TEXT || c.context >= MIN_CONTEXT_FOR_SHORT).sort(byScore);
  }
  const maxErrors = Math.floor(text.length / 8);
  if (maxErrors < 1) return [];
  return search(doc, text, maxErrors)
    .filter((m) => m.end > m.start)
    .map((m) => scoreCandidate(doc, a, m.start, m.end, 1 - m.errors / text.length))
    .sort(byScore);
}

/** Where `a.text` now lives in `doc`, or undefined when it cannot be found with confidence. */
export function locate(doc: string, a: Annotation): Span | undefined {
  const [top] = candidatesFor(doc, a);
  return top && { start: top.start, end: top.end };
}

function shiftSpan(span: Span | null, delta: number, docLength: number): Span | null {
  if (span === null) return null;
  const start = span.start + delta;
  const end = span.end + delta;
  return start >= 0 && end <= docLength && start <= end ? { start, end } : null;
}

function fitSpan(span: Span | null, docLength: number): Span | null {
  return span !== null && span.end <= docLength ? { start: span.start, end: span.end } : null;
}

function moved<T extends Annotation>(doc: string, a: T, start: number, end: number): T {
  const delta = start - a.start;
  const out: T = { ...a, start, end, text: doc.slice(start, end), ...contextOf(doc, start, end) };
  delete out.orphaned;
  if (out.type === 'quote' && a.type === 'quote') {
    out.cue = shiftSpan(a.cue, delta, doc.length);
    out.speakerMention = shiftSpan(a.speakerMention, delta, doc.length);
  }
  return out;
}

function orphan<T extends Annotation>(doc: string, a: T): T {
  const start = Math.min(Math.max(0, a.start), doc.length);
  const end = Math.min(Math.max(start, a.end), doc.length);
  const out: T = { ...a, start, end, orphaned: true };
  if (out.type === 'quote' && a.type === 'quote') {
    out.cue = fitSpan(a.cue, doc.length);
    out.speakerMention = fitSpan(a.speakerMention, doc.length);
  }
  return out;
}

/**
 * Re-anchors annotations to `doc`. An annotation whose text and context still agree stays put;
 * otherwise it moves to the best exact (then approximate) match of its text, scored by context and
 * closeness to its old offset; if nothing acceptable is found it is kept with `orphaned: true`.
 * Two annotations of the same type never land on the same span: the better-scoring one gets it and
 * the other takes its next candidate (so of two duplicated paragraphs each keeps its own copy).
 * Never drops an annotation; never mutates the input.
 */
export function reanchor<T extends Annotation>(doc: string, annotations: readonly T[]): T[] {
  const out: (T | undefined)[] = annotations.map(() => undefined);
  const claimed = new Set<string>();
  const key = (type: string, start: number, end: number) => `${type}:${start}:${end}`;
  const pending: { index: number; candidates: Candidate[] }[] = [];
  annotations.forEach((a, index) => {
    if (a.end <= doc.length && a.start <= a.end && doc.slice(a.start, a.end) === a.text) {
      const ctx = contextOf(doc, a.start, a.end);
      if (ctx.prefix === a.prefix && ctx.suffix === a.suffix) {
        const same: T = { ...a };
        delete same.orphaned;
        out[index] = same;
        claimed.add(key(a.type, a.start, a.end));
        return;
      }
    }
    pending.push({ index, candidates: candidatesFor(doc, a) });
  });
  // Greedy assignment: the most confident annotations choose first.
  pending.sort((x, y) => (y.candidates[0]?.score ?? -1) - (x.candidates[0]?.score ?? -1) || x.index - y.index);
  for (const { index, candidates } of pending) {
    const a = annotations[index];
    const free = candidates.find((c) => !claimed.has(key(a.type, c.start, c.end)));
    if (free) {
      claimed.add(key(a.type, free.start, free.end));
      out[index] = moved(doc, a, free.start, free.end);
    } else {
      out[index] = orphan(doc, a);
    }
  }
  return out.map((a, i) => a ?? orphan(doc, annotations[i]));
}

/** A replacement in the pre-edit document (VS Code `contentChanges`: rangeOffset, rangeLength, text). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Maps a span through one edit. Insertions at either edge stay outside the span; replacement text
 * that overlaps the span counts as inside it. Returns null when the edit removes the whole span.
 */
export function mapSpan(span: Span, edit: TextEdit): Span | null {
  const { start, end } = span;
  const es = Math.min(edit.start, edit.end);
  const ee = Math.max(edit.start, edit.end);
  const delta = edit.newText.length - (ee - es);
  if (ee <= start) return { start: start + delta, end: end + delta };
  if (es >= end) return { start, end };
  if (es <= start && ee >= end) return null;
  if (es >= start && ee <= end) return { start, end: end + delta };
  if (es < start) return { start: es, end: end + delta };
  return { start, end: es + edit.newText.length };
}

/**
 * Moves annotations through edits made while typing. Edits apply in the order given (each in the
 * coordinates left by the previous one). An annotation whose whole span is deleted is kept as
 * orphaned (its text and context are left as they were, so `reanchor` can restore it after an
 * undo); every other annotation gets text, prefix and suffix refreshed from `newDoc`.
 */
export function applyEdits<T extends Annotation>(annotations: readonly T[], edits: readonly TextEdit[], newDoc: string): T[] {
  return annotations.map((a) => {
    let span: Span = { start: a.start, end: a.end };
    let orphaned = a.orphaned === true;
    let cue = a.type === 'quote' ? a.cue : null;
    let mention = a.type === 'quote' ? a.speakerMention : null;
    for (const edit of edits) {
      const next = mapSpan(span, edit);
      if (next === null) {
        orphaned = true;
        const at = Math.min(edit.start, edit.end);
        span = { start: at, end: at };
      } else {
        span = next;
      }
      if (cue) cue = mapSpan(cue, edit);
      if (mention) mention = mapSpan(mention, edit);
    }
    const clampedStart = Math.min(Math.max(0, span.start), newDoc.length);
    const clampedEnd = Math.min(Math.max(clampedStart, span.end), newDoc.length);
    let out: T;
    if (orphaned) {
      out = { ...a, start: clampedStart, end: clampedEnd, orphaned: true };
    } else {
      out = { ...a, start: clampedStart, end: clampedEnd, text: newDoc.slice(clampedStart, clampedEnd), ...contextOf(newDoc, clampedStart, clampedEnd) };
      delete out.orphaned;
    }
    if (out.type === 'quote') {
      out.cue = cue && cue.end <= newDoc.length && cue.start < cue.end ? { start: cue.start, end: cue.end } : null;
      out.speakerMention = mention && mention.end <= newDoc.length && mention.start < mention.end ? { start: mention.start, end: mention.end } : null;
    }
    return out;
  });
}
