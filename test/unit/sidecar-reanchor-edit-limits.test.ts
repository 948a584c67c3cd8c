/**
 * With the previous text, a quote edited in place is followed through the word diff while the new
 * text is at least half the old one (similarity = 1 − edit distance / the longer length ≥ 0.5).
 */
import assert from 'node:assert/strict';
import { contextOf, reanchor } from '../../src/sidecar/anchor';
import type { QuoteAnnotation } from '../../src/sidecar/types';
import { at } from './sidecar-fixtures';

const QUOTE = '"We will not close the library,"';
const DOC = `The council met on Tuesday. ${QUOTE} Mara Lind told the meeting.\n`;

describe('sidecar reanchor: how much an edited quote may grow', () => {
  // Words inserted after "close" (neither side of the insertion is long enough for an approximate match): a pure insertion of k code units is an edit distance of k, so the
  // similarity is 1 − k / (n + k), exactly 0.5 when k equals the quote's length n.
  const n = QUOTE.length;
  const insertion = (k: number) => ' ' + 'y'.repeat(k - 1);
  const rows: [string, number, boolean][] = [
    ['grown by its own length (similarity exactly 0.5): followed', n, true],
    ['grown by one code unit more: orphaned', n + 1, false],
    ['grown by a little under its length (the similarity over the shorter length would be below 0.5): followed', n - 4, true],
  ];
  for (const [name, k, followed] of rows) {
    it(name, () => {
      const span = at(DOC, QUOTE);
      const q: QuoteAnnotation = { id: 'q1', type: 'quote', kind: 'direct', speaker: null, cue: null, speakerMention: null, ...span, text: QUOTE, ...contextOf(DOC, span.start, span.end), status: 'accepted', origin: 'manual' };
      const grown = QUOTE.replace('close', 'close' + insertion(k));
      const newDoc = DOC.replace(QUOTE, grown);
      const g = at(newDoc, grown);
      const want = followed ? { ...q, ...g, text: grown, ...contextOf(newDoc, g.start, g.end) } : { ...q, orphaned: true };
      assert.deepStrictEqual(reanchor(newDoc, [q], DOC), [want]);
    });
  }
});
