/**
 * The limits of the search for a quote's cue when the text between the cue and the quote changed
 * (no previous text): the cue's old words are known only when it lies within the quote's stored
 * context (32 code units on either side), and they are looked for only within two contexts (64)
 * of the quote's new place. Outside those limits the cue moves with the nearer edge of the quote.
 */
import assert from 'node:assert/strict';
import { contextOf, reanchor } from '../../src/sidecar/anchor';
import type { Span } from '../../src/core/types';
import type { QuoteAnnotation } from '../../src/sidecar/types';
import { at } from './sidecar-fixtures';

const QUOTE = '"The bridge will be rebuilt by the spring of next year,"';

function quoteOn(doc: string, cue: Span): QuoteAnnotation {
  const span = at(doc, QUOTE);
  return { id: 'q1', type: 'quote', kind: 'direct', speaker: null, cue, speakerMention: null, start: span.start, end: span.end, text: QUOTE, ...contextOf(doc, span.start, span.end), status: 'accepted', origin: 'manual' };
}

/** `length` code units of filler between words (never the cue word). */
const gap = (length: number) => ' ' + 'w'.repeat(length - 2) + ' ';

describe('sidecar reanchor: the limits of the cue search', () => {
  // [name, gap between quote and cue, code units inserted between them, cue found by its words]
  const rows: [string, number, number, boolean][] = [
    ['the cue at the very edge of the stored context: found', 28, 4, true],
    ['the cue one code unit beyond the stored context: moved with the quote', 29, 4, false],
    ['the cue moved to the very edge of the search window: found', 20, 40, true],
    ['the cue moved one code unit beyond the search window: moved with the quote', 20, 41, false],
  ];
  for (const [name, g, inserted, found] of rows) {
    it(`after the quote: ${name}`, () => {
      const doc = 'Intro line here. ' + QUOTE + gap(g) + 'said the mayor on Monday.\n';
      const q = quoteOn(doc, at(doc, 'said'));
      const newDoc = doc.replace(QUOTE, QUOTE + ' ' + 'v'.repeat(inserted - 1));
      // The quote kept its offsets: moved with its end, the cue keeps its old ones.
      const cue = found ? at(newDoc, 'said') : at(doc, 'said');
      const quote = at(newDoc, QUOTE);
      assert.deepStrictEqual(reanchor(newDoc, [q]), [{ ...q, ...quote, ...contextOf(newDoc, quote.start, quote.end), cue }]);
    });
    it(`before the quote: ${name}`, () => {
      const doc = 'Intro, said' + gap(g) + QUOTE + ' End of the report.\n';
      const q = quoteOn(doc, at(doc, 'said'));
      const newDoc = doc.replace(QUOTE, 'v'.repeat(inserted - 1) + ' ' + QUOTE);
      // Moved with the quote's start: shifted by what was inserted.
      const old = at(doc, 'said');
      const cue = found ? at(newDoc, 'said') : { start: old.start + inserted, end: old.end + inserted };
      const quote = at(newDoc, QUOTE);
      assert.deepStrictEqual(reanchor(newDoc, [q]), [{ ...q, ...quote, ...contextOf(newDoc, quote.start, quote.end), cue }]);
    });
  }
});
