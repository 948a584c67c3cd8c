// The live typing model (src/sidecar/typing.ts) against the rewrite-everything path it replaces:
// `applyEdits` per change event (text, prefix and suffix of every annotation read again) and, for
// undo snapshots, `applyEdits` on every snapshot per event.
import { sha256Of } from '../hash';
import * as assert from 'assert';
import { applyEdits, contextOf, type TextEdit } from '../../src/sidecar/anchor';
import { LiveAnnotations, replayEdits, settleDocument, stringWindow } from '../../src/sidecar/typing';
import { documentInfo } from '../../src/sidecar/store';
import type { Annotation, QuoteAnnotation, Sidecar } from '../../src/sidecar/types';
import { seeded } from '../faults/random';
import { countingWindow, DOC, sampleSidecar } from './sidecar-fixtures';

type Rng = () => number;

const WORDS = ['the', 'mayor', 'said', '"We', 'will', 'rebuild,"', '4', 'million', 'euros', 'Anna', 'Berg', '🎉', 'é', 'x', 'quay'];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function int(rng: Rng, below: number): number {
  return Math.floor(rng() * below);
}

/** A text of words, line breaks (some CRLF) and emoji (surrogate pairs). */
function randomText(rng: Rng, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(pick(rng, WORDS), rng() < 0.08 ? pick(rng, ['\n', '\r\n', '\n\n']) : ' ');
  return parts.join('');
}

/** A span starting and ending on code-point boundaries (as the analysis and the editor make them). */
function randomSpan(rng: Rng, doc: string, maxLength: number): { start: number; end: number } {
  let start = int(rng, doc.length);
  let end = Math.min(doc.length, start + 1 + int(rng, maxLength));
  if (start > 0 && /[\udc00-\udfff]/.test(doc[start])) start--;
  if (end < doc.length && /[\udc00-\udfff]/.test(doc[end])) end++;
  return { start, end };
}

/** Annotations as the analysis and reanchor leave them: text and context read from `doc`. */
function randomAnnotations(rng: Rng, doc: string, count: number): Annotation[] {
  const out: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const { start, end } = randomSpan(rng, doc, rng() < 0.2 ? 3 : 60);
    const base = { id: `a-${i}`, start, end, text: doc.slice(start, end), ...contextOf(doc, start, end), status: pick(rng, ['suggested', 'accepted', 'rejected'] as const), origin: pick(rng, ['auto', 'manual'] as const) };
    const kind = int(rng, 3);
    let a: Annotation;
    if (kind === 0) {
      // The cue and the speaker mention often lie outside the quote.
      a = { ...base, type: 'quote', kind: 'direct', speaker: null, cue: rng() < 0.8 ? randomSpan(rng, doc, 8) : null, speakerMention: rng() < 0.7 ? randomSpan(rng, doc, 12) : null };
    } else if (kind === 1) {
      a = { ...base, type: 'speaker', entity: 'anna-berg' };
    } else {
      a = { ...base, type: 'figure', kind: 'count', unit: null };
    }
    if (rng() < 0.05) a = { ...a, orphaned: true, text: 'gone text', prefix: 'old ', suffix: ' old' };
    out.push(a);
  }
  return out;
}

/** A position, often at the edge of an annotation (where `mapSpan`'s rules differ). */
function randomPosition(rng: Rng, doc: string, annotations: readonly Annotation[]): number {
  if (annotations.length > 0 && rng() < 0.5) {
    const a = pick(rng, annotations);
    return Math.min(doc.length, Math.max(0, pick(rng, [a.start, a.end, a.start - 1, a.end + 1, a.start + 1, a.end - 1, a.start - 33, a.end + 33])));
  }
  return int(rng, doc.length + 1);
}

/** One change event as VS Code reports it: one edit (typing, backspace, paste, delete) or several (multi-cursor). */
function randomEvent(rng: Rng, doc: string, annotations: readonly Annotation[]): TextEdit[] {
  const one = (): TextEdit => {
    const start = randomPosition(rng, doc, annotations);
    const r = rng();
    if (r < 0.4) return { start, end: start, newText: pick(rng, ['a', ' ', '🎉', '\n', 'said']) };
    if (r < 0.6) return { start: Math.max(0, start - 1), end: start, newText: '' };
    const end = Math.min(doc.length, start + 1 + int(rng, 80));
    return { start, end, newText: rng() < 0.5 ? '' : pick(rng, ['x', 'replaced words', '"', '']) };
  };
  if (rng() < 0.85) return [one()];
  // Multi-cursor: VS Code lists the later edit first, so applying them in order stays valid.
  const [x, y] = [one(), one()].sort((p, q) => q.start - p.start);
  return y.end <= x.start ? [x, y] : [x];
}

function apply(doc: string, edits: readonly TextEdit[]): string {
  return edits.reduce((text, e) => text.slice(0, e.start) + e.newText + text.slice(e.end), doc);
}

describe('sidecar: live typing model', () => {
  it('gives exactly what applyEdits gives, event by event, over random typing (seeded)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const rng = seeded(seed);
      let doc = randomText(rng, 300);
      let expected = randomAnnotations(rng, doc, 60);
      const live = new LiveAnnotations(expected);
      for (let step = 0; step < 30; step++) {
        const edits = randomEvent(rng, doc, expected);
        doc = apply(doc, edits);
        const orphaned = applyEdits(expected, edits, doc).filter((a, i) => a.orphaned && !expected[i].orphaned).map((a) => a.id);
        expected = applyEdits(expected, edits, doc);
        assert.deepStrictEqual(live.apply(edits, stringWindow(doc)), orphaned, `seed ${seed}, step ${step}`);
        // Read now and then (objects are made when read), and at the end.
        if (rng() < 0.3 || step === 29) assert.deepStrictEqual(live.annotations(), expected, `seed ${seed}, step ${step}, edits ${JSON.stringify(edits)}`);
      }
      assert.strictEqual(live.orphanCount, expected.filter((a) => a.orphaned).length);
    }
  });

  it('reports the annotations an event orphans, once', () => {
    const doc = 'Intro. The 40 workers struck. End.';
    const start = doc.indexOf('40');
    const [a] = randomAnnotations(seeded(3), doc, 1);
    const b: Annotation = { ...a, id: 'w', start, end: start + 2, text: '40', ...contextOf(doc, start, start + 2) };
    delete b.orphaned;
    const edits: TextEdit[] = [{ start: start - 1, end: start + 3, newText: '' }];
    const doc2 = apply(doc, edits);
    const live = new LiveAnnotations([b]);
    assert.deepStrictEqual(live.apply(edits, stringWindow(doc2)), ['w']);
    assert.deepStrictEqual(live.annotations(), applyEdits([b], edits, doc2));
    assert.deepStrictEqual(live.apply(edits, stringWindow(apply(doc2, edits))), []);
    assert.strictEqual(live.orphanCount, 1);
  });

  it('reads only the text around the annotations an edit reaches, and keeps the others as they are', () => {
    const filler = 'Nothing to see in this part of the article at all. '.repeat(40);
    const doc = `${filler}"We will rebuild," said Anna Berg.${filler}The 4 million euros. ${filler}`;
    const quote = doc.indexOf('"We will');
    const figure = doc.indexOf('4 million');
    const mk = (id: string, start: number, end: number): Annotation => ({ id, type: 'figure', kind: 'count', unit: null, status: 'accepted', origin: 'manual', start, end, text: doc.slice(start, end), ...contextOf(doc, start, end) });
    const annotations = [mk('q', quote, quote + 17), mk('f', figure, figure + 9)];
    // Typing one character inside the quote: the figure after it only moves.
    const edits: TextEdit[] = [{ start: quote + 4, end: quote + 4, newText: 'X' }];
    const doc2 = apply(doc, edits);
    const window = countingWindow(doc2);
    const live = new LiveAnnotations(annotations);
    live.apply(edits, window);
    // The quote's text and context, plus the code unit on either side that contextOf checks.
    assert.strictEqual(window.read, 18 + 2 * 33);
    const out = live.annotations();
    assert.deepStrictEqual(out, applyEdits(annotations, edits, doc2));
    assert.strictEqual(live.changed, false);
    // An edit after both reads nothing and leaves the very same objects.
    const late: TextEdit[] = [{ start: doc2.length - 5, end: doc2.length - 5, newText: 'Y' }];
    const lateWindow = countingWindow(apply(doc2, late));
    live.apply(late, lateWindow);
    assert.strictEqual(lateWindow.read, 0);
    assert.strictEqual(live.changed, true);
    assert.deepStrictEqual(
      live.annotations().map((a, i) => a === out[i]),
      [true, true],
    );
  });

  it('replays the typing since an undo snapshot when it is popped, as applyEdits per event would have moved it', () => {
    for (let seed = 101; seed <= 112; seed++) {
      const rng = seeded(seed);
      let doc = randomText(rng, 300);
      const snapshot = randomAnnotations(rng, doc, 60);
      let expected = snapshot;
      const events: TextEdit[][] = [];
      const orphanedByTyping = new Set<string>();
      for (let step = 0; step < 25; step++) {
        const edits = randomEvent(rng, doc, expected);
        doc = apply(doc, edits);
        events.push(edits);
        const next = applyEdits(expected, edits, doc);
        next.forEach((a, i) => {
          if (a.orphaned && !expected[i].orphaned) orphanedByTyping.add(a.id);
        });
        expected = next;
      }
      // The one difference, by design: an annotation the typing deleted keeps the text and
      // context it had in the snapshot (applyEdits kept those just before the deletion).
      const snapshotById = new Map(snapshot.map((a) => [a.id, a]));
      const want = expected.map((a) => {
        if (!orphanedByTyping.has(a.id)) return a;
        const { text, prefix, suffix } = snapshotById.get(a.id)!;
        return { ...a, text, prefix, suffix };
      });
      assert.deepStrictEqual(replayEdits(snapshot, events, doc), want, `seed ${seed}`);
    }
  });

  it('replays undo snapshots exactly when the typing deleted nothing annotated', () => {
    const s = sampleSidecar();
    const q = s.annotations.find((a): a is QuoteAnnotation => a.type === 'quote')!;
    // Type before the quote, inside it, at both its edges, and delete a word inside it.
    const events: TextEdit[][] = [
      [{ start: 0, end: 0, newText: 'Update: ' }],
      [{ start: q.start + 8 + 4, end: q.start + 8 + 4, newText: ' all' }],
      [{ start: q.start + 8, end: q.start + 8, newText: '>' }],
      [{ start: q.end + 8 + 4 + 1, end: q.end + 8 + 4 + 1, newText: '<' }],
      [{ start: q.start + 9 + 8, end: q.start + 9 + 8 + 5, newText: '' }],
    ];
    let doc = DOC;
    let expected = s.annotations;
    for (const edits of events) {
      doc = apply(doc, edits);
      expected = applyEdits(expected, edits, doc);
    }
    assert.deepStrictEqual(replayEdits(s.annotations, events, doc), expected);
    assert.deepStrictEqual(replayEdits(s.annotations, [], doc), s.annotations);
  });

  it('settles the document length and hash from the text', () => {
    const s: Sidecar = sampleSidecar();
    const doc2 = 'X ' + DOC;
    assert.deepStrictEqual(settleDocument(s, doc2, sha256Of(doc2)), { ...s, document: documentInfo(s.document.path, doc2, sha256Of(doc2)) });
  });
});
