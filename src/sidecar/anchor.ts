/**
 * Re-anchoring: keeping annotations on the right text when the document changes. This is the one
 * routine used by the CLI (`analyze` on a changed file) and by the extension (file changed on disk,
 * or a sidecar opened against an edited document). `applyEdits` is the cheap path for live typing.
 * Matching runs on the normalized form of `normalize.ts`, looks texts up through `docIndex.ts` and,
 * when the previous text is known, follows the word diff of `textDiff.ts`.
 */
import search from 'approx-string-match';
import { distance } from 'fastest-levenshtein';
import { isHighSurrogate, isLowSurrogate, lowerBoundOf as lowerBound } from '../core/text';
import type { Span } from '../core/types';
import { OccurrenceIndex } from './docIndex';
import { matchingForm, normalizedOffset, normalizeText, originalSpan, type NormalizedText } from './normalize';
import { longestNonDecreasing, TextDiff } from './textDiff';
import { CONTEXT_LENGTH, type Annotation } from './types';

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

/** Exact matches shorter than this must also agree with their stored context. */
const SHORT_TEXT = 12;
const MIN_CONTEXT_FOR_SHORT = 0.4;

function shiftSpan(span: Span, delta: number, docLength: number): Span | null {
  const start = span.start + delta;
  const end = span.end + delta;
  return start >= 0 && end <= docLength && start <= end ? { start, end } : null;
}

function fitSpan(span: Span | null, docLength: number): Span | null {
  return span !== null && span.end <= docLength ? { start: span.start, end: span.end } : null;
}

/** The annotation at its new place: exact new text, context refreshed from the new document. */
function moved<T extends Annotation>(doc: string, a: T, start: number, end: number, mapInner: (inner: Span) => Span | null): T {
  const out: T = { ...a, start, end, text: doc.slice(start, end), ...contextOf(doc, start, end) };
  delete out.orphaned;
  if (out.type === 'quote' && a.type === 'quote') {
    out.cue = a.cue && mapInner(a.cue);
    out.speakerMention = a.speakerMention && mapInner(a.speakerMention);
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
 * How far (code units) from where an edited text is expected an approximate match is looked for:
 * far enough for the edits around it, near enough that thousands of lost texts stay cheap.
 */
const APPROXIMATE_RADIUS = 2048;

/** Edited text still counts as the same annotation through the diff down to this similarity. */
const MIN_EDITED_SIMILARITY = 0.5;

/** Where an annotation was placed in the new document; `inOrder` when it may guide its neighbours. */
interface Placed extends Span {
  inOrder: boolean;
}

function claimKey(type: string, start: number, end: number): string {
  return `${type}:${start}:${end}`;
}

/**
 * One re-anchoring run. Annotations are placed in rounds, the surest first:
 * 1. unchanged in place (text and context still at the old offsets);
 * 2. with the previous text: mapped through the word diff, kept when the text under the mapping is
 *    the same (modulo white space and quote marks) or a light edit of it;
 * 3. the only acceptable occurrence of its text in the document;
 * these are the anchors. Anchors whose new order agrees with the old one (a longest non-decreasing
 * run) form the backbone; the others were moved with their paragraph.
 * 4. the rest, in old order, choose between the placed annotation before them and the backbone
 *    anchor after them the free occurrence nearest to their old offset shifted by the displacement
 *    of either (the edit was after them, or before them; after wins a tie), so the copies of a
 *    duplicated paragraph keep their order and their own annotations; a text edited in one copy
 *    is matched approximately where it is expected rather than on the other copy; only if there
 *    is nothing there, the nearest free exact occurrence anywhere (a moved paragraph), searched in a
 *    second pass once every annotation has tried its in-order place, so it never takes the place of
 *    a copy's own annotation; an occurrence whose context agrees better with a later annotation of
 *    the same text (and another old span) is left to it;
 * 5. annotations that were already orphaned, on whatever is left.
 * Matching is on the normalized form of the text; placements are in the exact new offsets.
 */
class Reanchoring<T extends Annotation> {
  private readonly placed: (Placed | undefined)[];
  /** Which old span (or orphan) holds each type+span of the new document. */
  private readonly claims = new Map<string, string>();
  private readonly matchForms = new Map<number, { text: string; prefix: string; suffix: string }>();
  private normalized: NormalizedText | undefined;
  private index: OccurrenceIndex | undefined;
  private diff: TextDiff | undefined;
  /** New places by old span, for a quote's speaker mention that is also an annotation. */
  private readonly placedByOldSpan = new Map<string, Span>();
  /** Round 4: the open annotations still to take their in-order turn, by type and matching text. */
  private readonly waiting = new Map<string, Set<number>>();

  constructor(
    private readonly doc: string,
    private readonly annotations: readonly T[],
    private readonly previousText: string | undefined,
  ) {
    this.placed = annotations.map(() => undefined);
  }

  run(): T[] {
    const orphans: number[] = [];
    let open: number[] = [];
    this.annotations.forEach((a, i) => {
      if (a.orphaned) orphans.push(i);
      else if (this.unchangedInPlace(a)) this.place(i, a, true);
      else open.push(i);
    });
    if (this.previousText !== undefined && open.length > 0) open = this.placeThroughDiff(open, this.previousText);
    const ambiguous = this.placeUnique(open);
    this.placeInOrder(ambiguous);
    for (const i of orphans) this.placeOrphan(i);
    this.annotations.forEach((a, i) => {
      const p = this.placed[i];
      if (p && !a.orphaned) this.placedByOldSpan.set(`${a.start}:${a.end}`, p);
    });
    return this.annotations.map((a, i) => this.output(a, this.placed[i]));
  }

  // ---- rounds ------------------------------------------------------------------------------

  private unchangedInPlace(a: T): boolean {
    if (a.end > this.doc.length || a.start > a.end || this.doc.slice(a.start, a.end) !== a.text) return false;
    const ctx = contextOf(this.doc, a.start, a.end);
    return ctx.prefix === a.prefix && ctx.suffix === a.suffix;
  }

  /** Round 2; returns the annotations still open. */
  private placeThroughDiff(open: number[], previousText: string): number[] {
    const diff = this.diffFrom(previousText);
    const rest: number[] = [];
    for (const i of open) {
      const a = this.annotations[i];
      const span = previousText.slice(a.start, a.end) === a.text ? diff.mapSpan(a.start, a.end) : undefined;
      const now = span && matchingForm(this.doc.slice(span.start, span.end));
      const sameText = now !== undefined && (now === this.forms(i).text || similarity(now, this.forms(i).text) >= MIN_EDITED_SIMILARITY);
      if (span && sameText && this.isFree(i, span)) this.place(i, span, true);
      else rest.push(i);
    }
    return rest;
  }

  /** Round 3; returns the annotations whose text occurs more than once, or not exactly, or clashes. */
  private placeUnique(open: number[]): number[] {
    const rest: number[] = [];
    const wanted = new Map<string, { span: Span; holders: number[] }>();
    for (const i of open) {
      const text = this.forms(i).text;
      const found = this.occurrences(text);
      if (found.length === 1 && this.acceptable(i, found[0])) {
        const span = this.spanAt(found[0], text.length);
        const k = claimKey(this.annotations[i].type, span.start, span.end);
        const entry = wanted.get(k) ?? { span, holders: [] };
        entry.holders.push(i);
        wanted.set(k, entry);
      } else {
        rest.push(i);
      }
    }
    for (const [k, { span, holders }] of wanted) {
      const owners = new Set(holders.map((i) => this.owner(i)));
      const taken = this.claims.get(k);
      if (owners.size === 1 && (taken === undefined || owners.has(taken))) {
        for (const i of holders) this.place(i, span, true);
      } else {
        // Two annotations want the one copy (or it is taken): decide by order below.
        rest.push(...holders);
      }
    }
    return rest;
  }

  /** Round 4. */
  private placeInOrder(open: number[]): void {
    if (open.length === 0) return;
    const byOldOrder = (x: number, y: number) => this.annotations[x].start - this.annotations[y].start || this.annotations[x].end - this.annotations[y].end || x - y;
    const anchors = this.placed.flatMap((p, i) => (p ? [i] : [])).sort(byOldOrder);
    const backbone = new Set(longestNonDecreasing(anchors.map((i) => this.placed[i]!.start)).map((k) => anchors[k]));
    for (const i of anchors) if (!backbone.has(i)) this.placed[i]!.inOrder = false;

    const sequence = [...anchors, ...open].sort(byOldOrder);
    const isOpen = new Set(open);
    // The next backbone anchor after each position of the sequence (its new start bounds the search).
    const nextAnchor: (number | undefined)[] = new Array<number | undefined>(sequence.length);
    for (let k = sequence.length - 1, following: number | undefined; k >= 0; k--) {
      nextAnchor[k] = following;
      if (backbone.has(sequence[k])) following = sequence[k];
    }
    for (const i of open) {
      const key = this.textKey(i);
      const group = this.waiting.get(key) ?? new Set<number>();
      group.add(i);
      this.waiting.set(key, group);
    }
    let lastInOrder: number | undefined;
    sequence.forEach((i, k) => {
      if (isOpen.has(i)) {
        this.waiting.get(this.textKey(i))!.delete(i);
        const next = nextAnchor[k];
        const lower = lastInOrder === undefined ? 0 : this.placed[lastInOrder]!.start;
        const upper = next === undefined ? this.doc.length : this.placed[next]!.start;
        const old = this.annotations[i].start;
        // Where the annotation is if the edit was after it (kept its distance to the anchor before),
        // and where if the edit was before it (kept its distance to the anchor after).
        const afterPrevious = lastInOrder === undefined ? undefined : old + this.displacement(lastInOrder);
        const beforeNext = next === undefined ? undefined : old + this.displacement(next);
        const expected = [afterPrevious, beforeNext].filter((e): e is number => e !== undefined);
        if (expected.length === 0) expected.push(old);
        const inside = lower <= upper ? this.choose(i, lower, upper, expected, true) : undefined;
        if (inside) this.place(i, inside, true);
      }
      const p = this.placed[i];
      if (p?.inOrder) lastInOrder = i;
    });
    // Only once every annotation has had its in-order place, the rest search the whole document
    // (a moved paragraph): searched earlier, one could take the place of a copy's own annotation.
    let lastAny: number | undefined;
    for (const i of sequence) {
      if (!this.placed[i]) {
        const old = this.annotations[i].start;
        const outside = this.choose(i, 0, this.doc.length, [lastAny === undefined ? old : old + this.displacement(lastAny)], false);
        if (outside) this.place(i, outside, false);
      }
      if (this.placed[i]) lastAny = i;
    }
  }

  /**
   * Round 5: an orphan takes the free occurrence whose context agrees best, the one nearest to its
   * kept offset (where its text was deleted) among equals.
   */
  private placeOrphan(i: number): void {
    const text = this.forms(i).text;
    const found = this.occurrences(text);
    const old = this.annotations[i].start;
    let best: { span: Span; score: number } | undefined;
    for (const at of found) {
      const span = this.spanAt(at, text.length);
      if (!this.acceptable(i, at) || !this.isFree(i, span)) continue;
      const score = this.contextScore(i, at, text.length);
      if (!best || score > best.score || (score === best.score && Math.abs(span.start - old) < Math.abs(best.span.start - old))) best = { span, score };
    }
    if (best) {
      this.place(i, best.span, false);
      return;
    }
    if (found.length === 0) {
      const at = normalizedOffset(this.norm(), old);
      const radius = APPROXIMATE_RADIUS + 4 * text.length;
      const match = this.approximate(i, at - radius, at + radius, old, Math.floor(text.length / 8));
      if (match) this.place(i, match.span, false);
    }
  }

  // ---- choosing a place ----------------------------------------------------------------------

  /**
   * The free, acceptable occurrence starting within [lower, upper] nearest to one of the `expected`
   * places (the first of them wins ties). When the text occurs nowhere exactly there, or only far
   * from where it is expected, an approximate match at the expected place is taken instead (the
   * text was edited in one copy of a duplicated paragraph). Between anchors (`bounded`) a quarter
   * of a long text may differ, elsewhere an eighth; short texts are never taken approximately
   * there (an approximate surname or number is another word).
   */
  private choose(i: number, lower: number, upper: number, expected: readonly number[], bounded: boolean): Span | undefined {
    const text = this.forms(i).text;
    const long = text.length >= SHORT_TEXT;
    const maxErrors = Math.floor(text.length / (bounded && long ? 4 : 8));
    const found = this.occurrences(text);
    const norm = this.norm();
    const lowerN = normalizedOffset(norm, lower);
    const upperN = normalizedOffset(norm, upper);
    const from = lowerBound(found, lowerN);
    const to = lowerBound(found, upperN + 1);
    let best: { span: Span; distance: number } | undefined;
    for (const place of expected) {
      const near = this.nearest(i, found, from, to, place);
      const distance = near ? Math.abs(near.start - place) : Infinity;
      if (near && (!best || distance < best.distance)) best = { span: near, distance };
    }
    if ((best && best.distance <= text.length) || !long || !bounded) return best?.span;
    // An edited text: the closest approximate match around where it is expected (near it when an
    // exact copy exists elsewhere; within APPROXIMATE_RADIUS when none does, never the whole document).
    const radius = found.length === 0 ? APPROXIMATE_RADIUS + 4 * text.length : text.length;
    for (const place of expected) {
      const at = normalizedOffset(norm, Math.max(lower, Math.min(upper, place)));
      // Exact occurrences were weighed above; only a real edit counts here.
      const local = this.approximate(i, Math.max(lowerN, at - radius), Math.min(upperN, at + radius), place, maxErrors);
      if (local && local.errors > 0 && Math.abs(local.span.start - place) < (best?.distance ?? Infinity)) return local.span;
    }
    return best?.span;
  }

  /** The free, acceptable occurrence among found[from, to) nearest to `place`, walking outwards. */
  private nearest(i: number, found: readonly number[], from: number, to: number, place: number): Span | undefined {
    const norm = this.norm();
    const length = this.forms(i).text.length;
    let right = Math.max(from, Math.min(to, lowerBound(found, normalizedOffset(norm, Math.max(0, place)))));
    let left = right - 1;
    while (left >= from || right < to) {
      const leftDistance = left >= from ? Math.abs(norm.starts[found[left]] - place) : Infinity;
      const rightDistance = right < to ? Math.abs(norm.starts[found[right]] - place) : Infinity;
      const at = leftDistance <= rightDistance ? found[left--] : found[right++];
      const span = this.spanAt(at, length);
      if (this.acceptable(i, at) && this.isFree(i, span) && !this.outranked(i, at)) return span;
    }
    return undefined;
  }

  /**
   * Whether an annotation still waiting for its in-order turn, with the same text but its own old
   * span, agrees better with the context at `at`: that occurrence is its copy, not this one's
   * (two copies of a paragraph with nothing annotated around them differ only in their context).
   */
  private outranked(i: number, at: number): boolean {
    const rivals = this.waiting.get(this.textKey(i));
    if (!rivals || rivals.size === 0) return false;
    const length = this.forms(i).text.length;
    const own = this.contextScore(i, at, length);
    for (const j of rivals) if (this.owner(j) !== this.owner(i) && this.contextScore(j, at, length) > own) return true;
    return false;
  }

  /** Best approximate match (up to `maxErrors` errors) starting in the normalized window [from, to]. */
  private approximate(i: number, from: number, to: number, expected: number, maxErrors: number): { span: Span; errors: number } | undefined {
    const text = this.forms(i).text;
    if (maxErrors < 1) return undefined;
    const norm = this.norm();
    const windowStart = Math.max(0, from);
    let windowEnd = Math.min(norm.text.length, to + text.length + maxErrors);
    // The slice runs past `to` so that a match starting there can end. `search` returns only the
    // matches with the fewest errors, and one starting after `to` (a piece of a text further on, cut
    // off by the slice, or a nearer copy) would hide those starting in the window: cut it off, again.
    let starting: { start: number; end: number; errors: number }[] = [];
    while (windowEnd > windowStart) {
      const found = search(norm.text.slice(windowStart, windowEnd), text, maxErrors).filter((m) => m.end > m.start);
      starting = found.filter((m) => windowStart + m.start <= to);
      if (starting.length > 0 || found.length === 0) break;
      windowEnd = windowStart + found.reduce((end, m) => Math.min(end, m.end), Infinity) - 1;
    }
    const matches = starting
      .map((m) => ({ errors: m.errors, span: this.spanAt(windowStart + m.start, m.end - m.start) }))
      .filter((m) => this.isFree(i, m.span))
      .sort((x, y) => x.errors - y.errors || Math.abs(x.span.start - expected) - Math.abs(y.span.start - expected));
    return matches[0];
  }

  /** Short texts must also agree with their stored context to count as found. */
  private acceptable(i: number, at: number): boolean {
    const text = this.forms(i).text;
    return text.length >= SHORT_TEXT || this.contextScore(i, at, text.length) >= MIN_CONTEXT_FOR_SHORT;
  }

  private contextScore(i: number, at: number, length: number): number {
    const { prefix, suffix } = this.forms(i);
    const t = this.norm().text;
    const before = t.slice(Math.max(0, at - prefix.length), at);
    const after = t.slice(at + length, at + length + suffix.length);
    return (similarity(prefix, before) + similarity(suffix, after)) / 2;
  }

  // ---- bookkeeping -------------------------------------------------------------------------

  private diffFrom(previousText: string): TextDiff {
    this.diff ??= TextDiff.between(normalizeText(previousText), this.norm());
    return this.diff;
  }

  private norm(): NormalizedText {
    this.normalized ??= normalizeText(this.doc);
    return this.normalized;
  }

  private occurrences(text: string): number[] {
    this.index ??= new OccurrenceIndex(this.norm().text);
    return this.index.occurrences(text);
  }

  private forms(i: number): { text: string; prefix: string; suffix: string } {
    let f = this.matchForms.get(i);
    if (!f) {
      const a = this.annotations[i];
      f = { text: matchingForm(a.text), prefix: matchingForm(a.prefix), suffix: matchingForm(a.suffix) };
      this.matchForms.set(i, f);
    }
    return f;
  }

  private textKey(i: number): string {
    return `${this.annotations[i].type}:${this.forms(i).text}`;
  }

  private spanAt(normalizedStart: number, normalizedLength: number): Span {
    return originalSpan(this.norm(), normalizedStart, normalizedStart + normalizedLength);
  }

  /** Annotations that shared a span before may share it again; orphans own nothing old. */
  private owner(i: number): string {
    const a = this.annotations[i];
    return a.orphaned ? `#${i}` : `${a.start}:${a.end}`;
  }

  private isFree(i: number, span: Span): boolean {
    const holder = this.claims.get(claimKey(this.annotations[i].type, span.start, span.end));
    return holder === undefined || holder === this.owner(i);
  }

  private place(i: number, span: Span, inOrder: boolean): void {
    this.placed[i] = { start: span.start, end: span.end, inOrder };
    this.claims.set(claimKey(this.annotations[i].type, span.start, span.end), this.owner(i));
  }

  private displacement(i: number): number {
    return this.placed[i]!.start - this.annotations[i].start;
  }

  private output(a: T, p: Placed | undefined): T {
    if (!p) return orphan(this.doc, a);
    // Also when the quote itself stayed: text after it may have changed, so its cue and speaker
    // mention are mapped like those of a moved quote.
    return moved(this.doc, a, p.start, p.end, (inner) => this.mapInner(a, p, inner));
  }

  /**
   * A quote's cue or speaker mention: through the diff when known; else where the annotation on
   * the same old span went (a speaker mention usually is one); else, when it lies within the
   * quote's stored text and context (so its old words are known), at the nearest occurrence of
   * those words around the quote's new place; else moved with the nearer edge of the quote.
   */
  private mapInner(a: T, p: Span, inner: Span): Span | null {
    // Also for a quote that stayed in place (the diff is then built here): text after it may have moved.
    const previous = this.previousText;
    const viaDiff = previous !== undefined && !a.orphaned && previous.slice(a.start, a.end) === a.text ? this.diffFrom(previous).mapSpan(inner.start, inner.end) : undefined;
    if (viaDiff) return viaDiff;
    const asAnnotation = a.orphaned ? undefined : this.placedByOldSpan.get(`${inner.start}:${inner.end}`);
    if (asAnnotation) return { start: asAnnotation.start, end: asAnnotation.end };
    const delta = inner.start >= a.end ? p.end - a.end : p.start - a.start;
    const shifted = shiftSpan(inner, delta, this.doc.length);
    const words = a.orphaned ? undefined : innerText(a, inner);
    return (words === undefined ? undefined : this.nearestInWindow(words, p, shifted?.start ?? p.start)) ?? shifted;
  }

  /** The occurrence of `words` (matching form) nearest to `guess`, within two contexts of the span `p`. */
  private nearestInWindow(words: string, p: Span, guess: number): Span | undefined {
    const needle = matchingForm(words);
    const norm = this.norm();
    const from = normalizedOffset(norm, Math.max(0, p.start - 2 * CONTEXT_LENGTH));
    const to = normalizedOffset(norm, Math.min(this.doc.length, p.end + 2 * CONTEXT_LENGTH));
    const window = norm.text.slice(from, to);
    let best: Span | undefined;
    for (let k = window.indexOf(needle); k !== -1 && needle.length > 0; k = window.indexOf(needle, k + 1)) {
      const span = originalSpan(norm, from + k, from + k + needle.length);
      if (!best || Math.abs(span.start - guess) < Math.abs(best.start - guess)) best = span;
    }
    return best;
  }
}

/** The old words of `inner` when they lie within the annotation's stored prefix, text and suffix. */
function innerText(a: Annotation, inner: Span): string | undefined {
  const regionStart = a.start - a.prefix.length;
  const region = a.prefix + a.text + a.suffix;
  if (inner.start < regionStart || inner.end > regionStart + region.length || inner.start >= inner.end) return undefined;
  return region.slice(inner.start - regionStart, inner.end - regionStart);
}


/**
 * Re-anchors annotations to `doc`, the document's current text. An annotation whose text and
 * context still agree stays put. When `previousText` (the text the annotations were made on) is
 * given, each annotation follows the edit between the two texts (a word diff). Otherwise — and
 * for what the diff cannot place — it moves to an occurrence of its text (matched modulo quote
 * marks and white space, so curly/straight conversion, re-wrapping and line ends do not orphan
 * it), chosen by the order of the annotations around it that are placed for sure: copies of a
 * duplicated paragraph keep their own annotations. If the text is not found even approximately it
 * is kept with `orphaned: true`. Two annotations of the same type never end on one span unless
 * they shared it before. Never drops an annotation; never mutates the input.
 */
export function reanchor<T extends Annotation>(doc: string, annotations: readonly T[], previousText?: string): T[] {
  return new Reanchoring(doc, annotations, previousText).run();
}

/** Where `a.text` now lives in `doc` (re-anchored alone), or undefined when it cannot be found with confidence. */
export function locate(doc: string, a: Annotation): Span | undefined {
  const [found] = reanchor(doc, [a]);
  return found.orphaned ? undefined : { start: found.start, end: found.end };
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
