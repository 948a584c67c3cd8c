// Edge table for moving annotations through one edit: inserts, deletes and replacements exactly at
// a span's start and end, straddling either edge, inside it, over it whole, and across two spans.
// Each row states the exact offsets afterwards; both paths that move annotations (`applyEdits`,
// used by re-analysis and undo replay, and `LiveAnnotations`, used while typing) must give them,
// with text, prefix and suffix equal to the new document's slices.
import * as assert from 'assert';
import { applyEdits, contextOf, type TextEdit } from '../../src/sidecar/anchor';
import { LiveAnnotations, stringWindow } from '../../src/sidecar/typing';
import type { Annotation, QuoteAnnotation } from '../../src/sidecar/types';
import { DOC, at, sampleSidecar } from './sidecar-fixtures';

/** The quote Q and the speaker name S (which is also Q's speaker mention), in DOC. */
const Q = at(DOC, '"We will rebuild the bridge by spring,"');
const S = at(DOC, 'Anna Berg');

type Expect = { start: number; end: number } | 'orphaned';

interface Row {
  name: string;
  edit: TextEdit;
  quote: Expect;
  speaker: Expect;
}

const ins = (offset: number, newText: string): TextEdit => ({ start: offset, end: offset, newText });
const del = (start: number, end: number): TextEdit => ({ start, end, newText: '' });

// Quote and speaker move by hand-computed offsets: "+2" is a two-character insertion before them.
const ROWS: Row[] = [
  { name: 'insert at the start of the document', edit: ins(0, 'XY'), quote: { start: Q.start + 2, end: Q.end + 2 }, speaker: { start: S.start + 2, end: S.end + 2 } },
  { name: 'insert exactly at the quote start (stays outside)', edit: ins(Q.start, 'XY'), quote: { start: Q.start + 2, end: Q.end + 2 }, speaker: { start: S.start + 2, end: S.end + 2 } },
  { name: 'insert exactly at the quote end (stays outside)', edit: ins(Q.end, 'XY'), quote: Q, speaker: { start: S.start + 2, end: S.end + 2 } },
  { name: 'insert inside the quote', edit: ins(Q.start + 3, 'XY'), quote: { start: Q.start, end: Q.end + 2 }, speaker: { start: S.start + 2, end: S.end + 2 } },
  { name: 'insert one after the quote start', edit: ins(Q.start + 1, 'X'), quote: { start: Q.start, end: Q.end + 1 }, speaker: { start: S.start + 1, end: S.end + 1 } },
  { name: 'insert one before the quote end', edit: ins(Q.end - 1, 'X'), quote: { start: Q.start, end: Q.end + 1 }, speaker: { start: S.start + 1, end: S.end + 1 } },
  { name: 'delete ending exactly at the quote start', edit: del(Q.start - 2, Q.start), quote: { start: Q.start - 2, end: Q.end - 2 }, speaker: { start: S.start - 2, end: S.end - 2 } },
  { name: 'delete starting exactly at the quote end', edit: del(Q.end, Q.end + 2), quote: Q, speaker: { start: S.start - 2, end: S.end - 2 } },
  { name: 'delete straddling the quote start', edit: del(Q.start - 2, Q.start + 3), quote: { start: Q.start - 2, end: Q.end - 5 }, speaker: { start: S.start - 5, end: S.end - 5 } },
  { name: 'delete straddling the quote end', edit: del(Q.end - 3, Q.end + 2), quote: { start: Q.start, end: Q.end - 3 }, speaker: { start: S.start - 5, end: S.end - 5 } },
  { name: 'replace straddling the quote start (new text counts as inside)', edit: { start: Q.start - 2, end: Q.start + 3, newText: 'Q' }, quote: { start: Q.start - 2, end: Q.end - 4 }, speaker: { start: S.start - 4, end: S.end - 4 } },
  { name: 'replace straddling the quote end (new text counts as inside)', edit: { start: Q.end - 3, end: Q.end + 2, newText: 'Q' }, quote: { start: Q.start, end: Q.end - 2 }, speaker: { start: S.start - 4, end: S.end - 4 } },
  { name: 'replace inside the quote', edit: { start: Q.start + 4, end: Q.start + 8, newText: 'shall' }, quote: { start: Q.start, end: Q.end + 1 }, speaker: { start: S.start + 1, end: S.end + 1 } },
  { name: 'delete the quote exactly: orphaned, the rest moves', edit: del(Q.start, Q.end), quote: 'orphaned', speaker: { start: S.start - (Q.end - Q.start), end: S.end - (Q.end - Q.start) } },
  { name: 'replace the speaker name exactly: orphaned', edit: { start: S.start, end: S.end, newText: 'Ana Berg' }, quote: Q, speaker: 'orphaned' },
  { name: 'delete across the quote end and the speaker start', edit: del(Q.end - 2, S.start + 2), quote: { start: Q.start, end: Q.end - 2 }, speaker: { start: Q.end - 2, end: S.end - (S.start + 2 - (Q.end - 2)) } },
  { name: 'delete from inside the quote to past the speaker', edit: del(Q.start + 5, S.end + 1), quote: { start: Q.start, end: Q.start + 5 }, speaker: 'orphaned' },
  { name: 'insert at the end of the document', edit: ins(DOC.length, 'More.'), quote: Q, speaker: S },
  { name: 'an emoji inserted before both', edit: ins(Q.start - 1, '🎉'), quote: { start: Q.start + 2, end: Q.end + 2 }, speaker: { start: S.start + 2, end: S.end + 2 } },
  { name: 'a CRLF inserted inside the quote', edit: ins(Q.start + 10, '\r\n'), quote: { start: Q.start, end: Q.end + 2 }, speaker: { start: S.start + 2, end: S.end + 2 } },
];

function edited(doc: string, e: TextEdit): string {
  return doc.slice(0, e.start) + e.newText + doc.slice(e.end);
}

function annotationsOf(): { quote: QuoteAnnotation; speaker: Annotation; all: Annotation[] } {
  const all = sampleSidecar(DOC).annotations;
  const quote = all.find((a): a is QuoteAnnotation => a.type === 'quote');
  const speaker = all.find((a) => a.type === 'speaker');
  assert.ok(quote && speaker);
  assert.deepStrictEqual([{ start: quote.start, end: quote.end }, { start: speaker.start, end: speaker.end }], [Q, S]);
  return { quote, speaker, all };
}

function check(name: string, doc: string, a: Annotation | undefined, expect: Expect): void {
  assert.ok(a, `${name}: the annotation is kept`);
  if (expect === 'orphaned') {
    assert.strictEqual(a.orphaned, true, `${name}: orphaned`);
    return;
  }
  assert.deepStrictEqual({ start: a.start, end: a.end, orphaned: a.orphaned }, { ...expect, orphaned: undefined }, name);
  assert.strictEqual(a.text, doc.slice(a.start, a.end), `${name}: text`);
  assert.deepStrictEqual({ prefix: a.prefix, suffix: a.suffix }, contextOf(doc, a.start, a.end), `${name}: context`);
}

describe('sidecar: one edit at the edges of annotations (edge table)', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const { quote, speaker, all } = annotationsOf();
      const doc = edited(DOC, row.edit);
      const moved = applyEdits(all, [row.edit], doc);
      const byId = (id: string) => moved.find((a) => a.id === id);
      check(`${row.name} (quote)`, doc, byId(quote.id), row.quote);
      check(`${row.name} (speaker)`, doc, byId(speaker.id), row.speaker);
      // The quote's speaker mention covers the speaker name, so it moves exactly as the name does.
      const movedQuote = byId(quote.id) as QuoteAnnotation;
      if (row.quote !== 'orphaned') assert.deepStrictEqual(movedQuote.speakerMention, row.speaker === 'orphaned' ? null : row.speaker, `${row.name}: speaker mention`);
      // The typing path gives the same annotations, and says which ones the edit orphaned.
      const live = new LiveAnnotations(all);
      const orphanedNow = live.apply([row.edit], stringWindow(doc));
      assert.deepStrictEqual(live.annotations(), moved, `${row.name}: typing path`);
      assert.deepStrictEqual(orphanedNow, moved.filter((a) => a.orphaned).map((a) => a.id), `${row.name}: orphaned ids`);
    });
  }
});
