/**
 * Live typing: keeping annotations on their text while a document is edited, at a cost that
 * follows the edit rather than the document.
 *
 `LiveAnnotations` decides what `applyEdits` (anchor.ts) decides per change event — the same span
 * mapping (`mapSpan`: insertions at an edge stay outside, a span deleted whole is kept orphaned) —
 * without reading the whole document or making an object per annotation: offsets move in arrays
 * (annotations after the edit by its length), and only the annotations an edit reaches (span or
 * context) are re-checked: their text, prefix and suffix are read again from the edited text
 * around them, through a `TextWindow` (the editor buffer read by range, or a string). Annotation
 * objects are made when asked for. What is left out of date is the sidecar's `document` (length
 * and hash), which the store brings up to date with `settleDocument` before saving and before
 * anything that compares it with the text.
 *
 * Undo snapshots are not rewritten per keystroke either: the undo stack keeps the events typed
 * since each snapshot, and `replayEdits` moves a snapshot through them when it is popped.
 */
import type { Span } from '../core/types';
import { contextOf, mapSpan, type TextEdit } from './anchor';
import { documentInfo } from './store';
import { CONTEXT_LENGTH, type Annotation, type Sidecar } from './types';

/** The edited document, read piecewise (the extension reads the editor buffer by range). */
export interface TextWindow {
  /** Length in UTF-16 code units. */
  readonly length: number;
  /** The code units [start, end) (0 <= start <= end <= length). */
  slice(start: number, end: number): string;
}

export function stringWindow(text: string): TextWindow {
  return { length: text.length, slice: (start, end) => text.slice(start, end) };
}

/**
 * How far (code units) from a span an edit can change its stored text or context: the context,
 * plus the code unit before it that `contextOf` looks at so as not to cut a surrogate pair, plus
 * one for the edges (an edit touching the window counts as reaching it).
 */
const REACH = CONTEXT_LENGTH + 2;

/** Where an annotation ended up after some edits. */
interface Followed {
  span: Span;
  orphaned: boolean;
  cue: Span | null;
  mention: Span | null;
}

function editBounds(edit: TextEdit): { es: number; ee: number } {
  return { es: Math.min(edit.start, edit.end), ee: Math.max(edit.start, edit.end) };
}

/**
 * Whether `a` comes out of `applyEdits` as it went in when no edit comes near it: a clean
 * `orphaned` flag (applyEdits removes `orphaned: false`) and a cue and speaker mention that are
 * non-empty and inside the document (applyEdits drops any other).
 */
function isSettled(a: Annotation, docLength: number): boolean {
  if (a.orphaned === false || a.end > docLength || a.start > a.end) return false;
  if (a.type !== 'quote') return true;
  return [a.cue, a.speakerMention].every((inner) => inner === null || (inner.start < inner.end && inner.end <= docLength));
}

/** Follows an annotation through the edits in order, exactly as `applyEdits` maps it. */
function follow(a: Annotation, edits: readonly TextEdit[]): Followed {
  let span: Span = { start: a.start, end: a.end };
  let orphaned = a.orphaned === true;
  let cue = a.type === 'quote' ? a.cue : null;
  let mention = a.type === 'quote' ? a.speakerMention : null;
  for (const edit of edits) {
    const { es } = editBounds(edit);
    const next = mapSpan(span, edit);
    if (next === null) {
      orphaned = true;
      span = { start: es, end: es };
    } else {
      span = next;
    }
    if (cue) cue = mapSpan(cue, edit);
    if (mention) mention = mapSpan(mention, edit);
  }
  return { span, orphaned, cue, mention };
}

/** A cue or speaker mention as `applyEdits` keeps it: non-empty and inside the document, else null. */
function keptInner(inner: Span | null, docLength: number): Span | null {
  return inner && inner.end <= docLength && inner.start < inner.end ? { start: inner.start, end: inner.end } : null;
}

/** Text, prefix and suffix of [start, end), reading only the window `contextOf` looks at. */
function textAround(doc: TextWindow, start: number, end: number): { text: string; prefix: string; suffix: string } {
  // One code unit more than the context on either side: contextOf checks the one before its
  // window's start and the one at its end for surrogate pairs.
  const from = Math.max(0, start - CONTEXT_LENGTH - 1);
  const to = Math.min(doc.length, end + CONTEXT_LENGTH + 1);
  const region = doc.slice(from, to);
  return { text: region.slice(start - from, end - from), ...contextOf(region, start - from, end - from) };
}

/**
 * The annotation at its new place, as `applyEdits` leaves it in a document of `length`; `doc`,
 * when given, is read for its text and context (else they are kept).
 */
function place<T extends Annotation>(a: T, f: Followed, length: number, doc?: TextWindow): T {
  const start = Math.min(Math.max(0, f.span.start), length);
  const end = Math.min(Math.max(start, f.span.end), length);
  let out: T;
  if (f.orphaned) {
    out = { ...a, start, end, orphaned: true };
  } else {
    out = doc ? { ...a, start, end, ...textAround(doc, start, end) } : { ...a, start, end };
    delete out.orphaned;
  }
  if (out.type === 'quote') {
    out.cue = keptInner(f.cue, length);
    out.speakerMention = keptInner(f.mention, length);
  }
  return out;
}

/** A span as four numbers in the live arrays; -1 marks a missing cue or speaker mention. */
const NONE = -1;

/**
 * Where `[start, end)` is after `edit`, written to `out` (false when the edit removes it whole).
 * The two cases every keystroke meets for most annotations (the edit after the span, or before
 * it) are worked out here without allocating; the others go to `mapSpan`, which decides them all.
 */
function mapInto(start: number, end: number, edit: TextEdit, es: number, ee: number, out: Int32Array): boolean {
  // The first two rules of mapSpan, in its order.
  if (ee <= start) {
    const delta = edit.newText.length - (ee - es);
    out[0] = start + delta;
    out[1] = end + delta;
    return true;
  }
  if (es >= end) {
    out[0] = start;
    out[1] = end;
    return true;
  }
  const mapped = mapSpan({ start, end }, edit);
  if (!mapped) return false;
  out[0] = mapped.start;
  out[1] = mapped.end;
  return true;
}

/**
 * The annotations of a document being typed in. Per change event (`apply`) only numbers move:
 * the offsets are kept in arrays beside the annotations, and the text, prefix and suffix of the
 * annotations an edit reaches are read again around them. Annotation objects are made when they
 * are asked for (`annotations()`, once per pause in typing rather than per keystroke), then the
 * ones made become the new base.
 *
 * After any number of events, `annotations()` deep-equals what `applyEdits` per event gives, for
 * annotations whose text and context matched the text when the model was made (as `applyEdits` and
 * `reanchor` leave them).
 */
export class LiveAnnotations<T extends Annotation> {
  private items: T[];
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  /** Cue and speaker mention of quotes (NONE when missing). */
  private readonly cueStart: Int32Array;
  private readonly cueEnd: Int32Array;
  private readonly mentionStart: Int32Array;
  private readonly mentionEnd: Int32Array;
  private readonly orphaned: Uint8Array;
  /** Offsets or state differ from `items[i]`: a new object is due. */
  private readonly moved: Uint8Array;
  /** Text, prefix and suffix read again since `items` was made. */
  private readonly fresh = new Map<number, { text: string; prefix: string; suffix: string }>();
  /** The document's length after the last event. */
  private length = 0;
  /** Events applied since the objects were last made. */
  private pending = false;
  private orphans = 0;

  constructor(annotations: readonly T[]) {
    this.items = [...annotations];
    const n = annotations.length;
    [this.start, this.end, this.cueStart, this.cueEnd, this.mentionStart, this.mentionEnd] = Array.from({ length: 6 }, () => new Int32Array(n));
    this.orphaned = new Uint8Array(n);
    this.moved = new Uint8Array(n);
    annotations.forEach((a, i) => {
      this.start[i] = a.start;
      this.end[i] = a.end;
      const cue = a.type === 'quote' ? a.cue : null;
      const mention = a.type === 'quote' ? a.speakerMention : null;
      this.cueStart[i] = cue ? cue.start : NONE;
      this.cueEnd[i] = cue ? cue.end : NONE;
      this.mentionStart[i] = mention ? mention.start : NONE;
      this.mentionEnd[i] = mention ? mention.end : NONE;
      this.orphaned[i] = a.orphaned === true ? 1 : 0;
      this.orphans += this.orphaned[i];
    });
  }

  /** Whether events were applied since `annotations()` last made the objects. */
  get changed(): boolean {
    return this.pending;
  }

  /** How many annotations are orphaned now. */
  get orphanCount(): number {
    return this.orphans;
  }

  /**
   * One change event: `edits` in order (each in the coordinates left by the previous one), `after`
   * the text after all of them. Returns the ids of the annotations it orphaned (deleted whole), in
   * their order.
   */
  apply(edits: readonly TextEdit[], after: TextWindow): string[] {
    if (edits.length === 0) return [];
    this.pending = true;
    const reached = new Set<number>();
    const wasOrphaned = new Set<number>();
    const out = new Int32Array(2);
    for (const edit of edits) {
      const { es, ee } = editBounds(edit);
      for (let i = 0; i < this.items.length; i++) {
        // Before the edit, with its cue and speaker mention: nothing to do.
        if (Math.max(this.end[i], this.cueEnd[i], this.mentionEnd[i]) + REACH < es) continue;
        const start = this.start[i];
        const end = this.end[i];
        if (es <= end + REACH && ee >= start - REACH) reached.add(i);
        if (mapInto(start, end, edit, es, ee, out)) {
          this.start[i] = out[0];
          this.end[i] = out[1];
        } else {
          if (this.orphaned[i] === 0) {
            wasOrphaned.add(i);
            this.orphans++;
          }
          this.orphaned[i] = 1;
          this.start[i] = es;
          this.end[i] = es;
        }
        this.mapInner(this.cueStart, this.cueEnd, i, edit, es, ee, out);
        this.mapInner(this.mentionStart, this.mentionEnd, i, edit, es, ee, out);
        this.moved[i] = 1;
      }
    }
    this.length = after.length;
    for (const i of reached) {
      // An orphan keeps the text it had before its deletion (read again by an earlier event or not).
      if (this.orphaned[i] === 0) this.fresh.set(i, textAround(after, this.start[i], this.end[i]));
    }
    return [...wasOrphaned].sort((x, y) => x - y).map((i) => this.items[i].id);
  }

  /** The annotations now, as objects (made for those that changed, then kept). */
  annotations(): T[] {
    if (this.pending) {
      this.items = this.items.map((a, i) => (this.moved[i] === 0 && !this.fresh.has(i) && isSettled(a, this.length) ? a : this.object(i)));
      this.moved.fill(0);
      this.fresh.clear();
      this.pending = false;
    }
    return this.items;
  }

  private mapInner(starts: Int32Array, ends: Int32Array, i: number, edit: TextEdit, es: number, ee: number, out: Int32Array): void {
    if (starts[i] === NONE) return;
    if (mapInto(starts[i], ends[i], edit, es, ee, out)) {
      starts[i] = out[0];
      ends[i] = out[1];
    } else {
      starts[i] = NONE;
      ends[i] = NONE;
    }
  }

  /** The annotation `i` as `applyEdits` leaves it. */
  private object(i: number): T {
    const span = (starts: Int32Array, ends: Int32Array): Span | null => (starts[i] === NONE ? null : { start: starts[i], end: ends[i] });
    const f: Followed = {
      span: { start: this.start[i], end: this.end[i] },
      orphaned: this.orphaned[i] === 1,
      cue: span(this.cueStart, this.cueEnd),
      mention: span(this.mentionStart, this.mentionEnd),
    };
    const a = this.items[i];
    const fresh = this.fresh.get(i);
    return place(fresh ? { ...a, ...fresh } : a, f, this.length);
  }
}

/**
 * Moves an undo snapshot through the change events typed since it was taken, when it is popped.
 * Spans, cues and speaker mentions are mapped exactly as `applyEdits` per event maps them; the
 * annotations still found get text and context from `text` (the document now). One that the
 * typing deleted is orphaned and keeps the text and context it had in the snapshot (`applyEdits`
 * per event kept those of the moment before its deletion, which are no longer known).
 */
export function replayEdits<T extends Annotation>(annotations: readonly T[], events: readonly (readonly TextEdit[])[], text: string): T[] {
  if (events.length === 0) return [...annotations];
  const edits = events.flat();
  const doc = stringWindow(text);
  return annotations.map((a) => place(a, follow(a, edits), doc.length, doc));
}

/**
 * The sidecar with its document length and hash brought up to date (run before saving, and before
 * anything compares them with the text). The one place typing asks for the document hash.
 */
export function settleDocument(sidecar: Sidecar, text: string, sha256: string): Sidecar {
  return { ...sidecar, document: documentInfo(sidecar.document.path, text, sha256) };
}
