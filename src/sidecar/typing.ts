/**
 * Live typing: keeping annotations on their text while a document is edited, at a cost that
 * follows the edit rather than the document.
 *
 * `shiftAnnotations` is what `applyEdits` (anchor.ts) decides for one change event — the same span
 * mapping (`mapSpan`: insertions at an edge stay outside, a span deleted whole is kept orphaned) —
 * without reading the whole document: an annotation the edits do not come near keeps its object
 * (before the edit) or only gets new offsets (after it; its text and context are unchanged, they
 * moved with it). Only the annotations an edit reaches (span or context) are re-checked: their
 * text, prefix and suffix are read again from the edited text around them, through a `TextWindow`
 * (the editor buffer read by range, or a string). So after every event the annotations are exactly
 * what `applyEdits` gives; what is left out of date is the sidecar's `document` (length and hash),
 * which the store brings up to date with `settleDocument` before saving and before anything that
 * compares it with the text.
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

/** One annotation followed through the edits of an event. */
interface Followed {
  span: Span;
  orphaned: boolean;
  cue: Span | null;
  mention: Span | null;
  /** Whether an edit came near enough to change its text, prefix or suffix. */
  reached: boolean;
}

function editBounds(edit: TextEdit): { es: number; ee: number } {
  return { es: Math.min(edit.start, edit.end), ee: Math.max(edit.start, edit.end) };
}

/** The span together with a quote's cue and speaker mention, which may lie outside it. */
function extentOf(a: Annotation): Span {
  let { start, end } = a;
  if (a.type === 'quote') {
    for (const inner of [a.cue, a.speakerMention]) {
      if (inner) {
        start = Math.min(start, inner.start);
        end = Math.max(end, inner.end);
      }
    }
  }
  return { start, end };
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
  let reached = false;
  for (const edit of edits) {
    const { es, ee } = editBounds(edit);
    if (es <= span.end + REACH && ee >= span.start - REACH) reached = true;
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
  return { span, orphaned, cue, mention, reached };
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

/** The annotation after the event: new offsets; text and context read again only when `refresh`. */
function place<T extends Annotation>(a: T, f: Followed, doc: TextWindow, refresh: boolean): T {
  const start = Math.min(Math.max(0, f.span.start), doc.length);
  const end = Math.min(Math.max(start, f.span.end), doc.length);
  let out: T;
  if (f.orphaned) {
    out = { ...a, start, end, orphaned: true };
  } else {
    out = refresh ? { ...a, start, end, ...textAround(doc, start, end) } : { ...a, start, end };
    delete out.orphaned;
  }
  if (out.type === 'quote') {
    out.cue = keptInner(f.cue, doc.length);
    out.speakerMention = keptInner(f.mention, doc.length);
  }
  return out;
}

export interface ShiftResult<T extends Annotation> {
  annotations: T[];
  /** Ids of the annotations this event orphaned (their whole span was deleted). */
  orphanedIds: string[];
}

/**
 * Moves annotations through one change event (`edits` in order, each in the coordinates left by
 * the previous one; `after` is the text after all of them). Given annotations whose text and
 * context match the text before the event (as `applyEdits` and `reanchor` leave them), the result
 * deep-equals `applyEdits(annotations, edits, text after)`. Work per annotation: a comparison for
 * those before the edits, new offsets for those after, a read of the text around it for those an
 * edit reaches. Never mutates the input.
 */
export function shiftAnnotations<T extends Annotation>(annotations: readonly T[], edits: readonly TextEdit[], after: TextWindow): ShiftResult<T> {
  // Everything starting past this point (in the coordinates before the event) is untouched.
  const firstEdit = Math.min(...edits.map((e) => editBounds(e).es));
  const orphanedIds: string[] = [];
  const out = annotations.map((a) => {
    if (edits.length === 0 || extentOf(a).end + REACH < firstEdit) {
      // Before every edit. With several edits, an earlier one may still move text before this
      // annotation, so only a single edit (or none) lets it through unchanged.
      if (edits.length <= 1 && isSettled(a, after.length)) return a;
    }
    const f = follow(a, edits);
    if (f.orphaned && a.orphaned !== true) orphanedIds.push(a.id);
    return place(a, f, after, f.reached);
  });
  return { annotations: out, orphanedIds };
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
  return annotations.map((a) => {
    const f = follow(a, edits);
    return place(a, f, doc, true);
  });
}

/**
 * The sidecar with its document length and hash brought up to date (run before saving, and before
 * anything compares them with the text). The one place typing asks for the document hash.
 */
export function settleDocument(sidecar: Sidecar, text: string): Sidecar {
  return { ...sidecar, document: documentInfo(sidecar.document.path, text) };
}
