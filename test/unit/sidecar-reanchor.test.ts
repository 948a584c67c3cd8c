import assert from 'node:assert/strict';
import { contextOf, reanchor } from '../../src/sidecar/anchor';
import { addAnnotation, addEntity, emptySidecar, setStatus } from '../../src/sidecar/store';
import type { Annotation, Sidecar } from '../../src/sidecar/types';
import { at, unwrap } from './sidecar-fixtures';
import { sha256Of } from '../hash';

type Init = { type: 'quote' | 'figure' | 'speaker'; snippet: string; occurrence?: number };

/** A reviewed sidecar on `doc`: one manual annotation per init, in order. */
function reviewed(doc: string, inits: readonly Init[]): Annotation[] {
  let s: Sidecar = addEntity(emptySidecar('a.txt', doc, sha256Of(doc)), 'Mara Lind', 'person').sidecar;
  const ids: string[] = [];
  for (const init of inits) {
    const span = at(doc, init.snippet, init.occurrence ?? 0);
    const r =
      init.type === 'quote'
        ? unwrap(addAnnotation(s, doc, { type: 'quote', ...span, kind: 'direct', speaker: 'mara-lind' }))
        : init.type === 'speaker'
          ? unwrap(addAnnotation(s, doc, { type: 'speaker', ...span, entity: 'mara-lind' }))
          : unwrap(addAnnotation(s, doc, { type: 'figure', ...span, kind: 'count', unit: null }));
    s = r.sidecar;
    ids.push(r.annotation.id);
  }
  // Reject every second one so that accepted and rejected work sit side by side.
  s = setStatus(s, ids.filter((_, k) => k % 2 === 1), 'rejected');
  return ids.map((id) => s.annotations.find((a) => a.id === id)!);
}

/** What each annotation must look like on `doc`: the span, and text/prefix/suffix read from `doc`. */
function expected(doc: string, spans: readonly ({ start: number; end: number } | 'orphaned')[]) {
  return spans.map((span) =>
    span === 'orphaned' ? { orphaned: true } : { start: span.start, end: span.end, text: doc.slice(span.start, span.end), ...contextOf(doc, span.start, span.end) },
  );
}

function placements(list: readonly Annotation[]) {
  return list.map((a) => (a.orphaned ? { orphaned: true } : { start: a.start, end: a.end, text: a.text, prefix: a.prefix, suffix: a.suffix }));
}

const PARA = 'The council met again on Tuesday. "We will not close the library this winter," Mara Lind told the meeting, and the vote was 9 to 2.\n';

describe('sidecar reanchor: duplicated text, quote marks, line breaks', () => {
  it('keeps each copy of a duplicated paragraph on its own annotations when text is inserted before both', () => {
    const doc = 'Library saved.\n\n' + PARA + '\n' + PARA;
    const quote = '"We will not close the library this winter,"';
    const anns = reviewed(doc, [
      { type: 'quote', snippet: quote, occurrence: 0 },
      { type: 'quote', snippet: quote, occurrence: 1 },
      { type: 'figure', snippet: '9 to 2', occurrence: 0 },
      { type: 'figure', snippet: '9 to 2', occurrence: 1 },
    ]);
    // The inserted lead is longer than the distance between the copies.
    const lead = 'A long new lead paragraph was added by the editor at the top of the story today; it runs for well over a paragraph in length, with more words than the paragraph below.\n\n';
    assert.ok(lead.length > PARA.length + 1);
    const doc2 = lead + doc;
    const want = expected(doc2, [at(doc2, quote, 0), at(doc2, quote, 1), at(doc2, '9 to 2', 0), at(doc2, '9 to 2', 1)]);
    assert.deepStrictEqual(placements(reanchor(doc2, anns)), want);
    assert.deepStrictEqual(placements(reanchor(doc2, anns, doc)), want);
    // Statuses travel with their annotations: the rejected copy stays the rejected one.
    assert.deepStrictEqual(reanchor(doc2, anns).map((a) => a.status), ['accepted', 'rejected', 'accepted', 'rejected']);
  });

  it('keeps the copies apart when a paragraph is duplicated or one before them is edited', () => {
    const other = 'Opening hours will be shorter, the council said.\n';
    const doc = other + '\n' + PARA + '\n' + PARA;
    const quote = '"We will not close the library this winter,"';
    const anns = reviewed(doc, [
      { type: 'quote', snippet: quote, occurrence: 0 },
      { type: 'quote', snippet: quote, occurrence: 1 },
    ]);
    // Lengthen the first paragraph by more than the distance between the copies.
    const doc2 = other.replace('Opening hours', 'Starting next month the opening hours of every branch in the whole district') + '\n' + PARA + '\n' + PARA + 'x'.repeat(200);
    const want = expected(doc2, [at(doc2, quote, 0), at(doc2, quote, 1)]);
    assert.deepStrictEqual(placements(reanchor(doc2, anns)), want);
    assert.deepStrictEqual(placements(reanchor(doc2, anns, doc)), want);
    // Duplicating the second paragraph: with the previous text, the originals stay where they were.
    const doc3 = other + '\n' + PARA + '\n' + PARA + '\n' + PARA;
    assert.deepStrictEqual(placements(reanchor(doc3, anns, doc)), expected(doc3, [at(doc3, quote, 0), at(doc3, quote, 1)]));
    assert.deepStrictEqual(placements(reanchor(doc3, anns)), expected(doc3, [at(doc3, quote, 0), at(doc3, quote, 1)]));
  });

  it('follows curly ↔ straight quote conversion, keeping the new document text', () => {
    const doc = 'Mara Lind said: "It\'s done." Then she left.\nShe added, "We\'ll see" and smiled.\n';
    const anns = reviewed(doc, [
      { type: 'quote', snippet: '"It\'s done."' },
      { type: 'speaker', snippet: 'Mara Lind' },
      { type: 'quote', snippet: '"We\'ll see"' },
    ]);
    const curly = 'Mara Lind said: “It’s done.” Then she left.\nShe added, “We’ll see” and smiled.\n';
    const want = expected(curly, [at(curly, '“It’s done.”'), at(curly, 'Mara Lind'), at(curly, '“We’ll see”')]);
    assert.deepStrictEqual(placements(reanchor(curly, anns)), want);
    assert.deepStrictEqual(placements(reanchor(curly, anns, doc)), want);
    // And back: from the curly sidecar to a straight document.
    const back = reanchor(doc, reanchor(curly, anns));
    assert.deepStrictEqual(placements(back), expected(doc, [at(doc, '"It\'s done."'), at(doc, 'Mara Lind'), at(doc, '"We\'ll see"')]));
  });

  it('follows re-wrapping (line breaks ↔ spaces, runs of spaces) inside and around the span', () => {
    const doc = 'The mayor said "the budget for road repairs will double next year" at noon, and 40 people applauded.\n';
    const anns = reviewed(doc, [
      { type: 'quote', snippet: '"the budget for road repairs will double next year"' },
      { type: 'figure', snippet: '40 people' },
    ]);
    const wrapped = 'The mayor said "the budget for road\nrepairs will double next year" at  noon,\nand 40\npeople applauded.\n';
    const want = expected(wrapped, [at(wrapped, '"the budget for road\nrepairs will double next year"'), at(wrapped, '40\npeople')]);
    assert.deepStrictEqual(placements(reanchor(wrapped, anns)), want);
    assert.deepStrictEqual(placements(reanchor(wrapped, anns, doc)), want);
    const unwrapped = reanchor(doc, reanchor(wrapped, anns));
    assert.deepStrictEqual(placements(unwrapped), expected(doc, [anns[0], anns[1]]));
  });

  it('follows CRLF, LF and CR line ends', () => {
    const lf = 'Line one.\nLine two has "a quoted phrase,\nwrapped" in it.\nLine three says 3 things.\n';
    const anns = reviewed(lf, [
      { type: 'quote', snippet: '"a quoted phrase,\nwrapped"' },
      { type: 'figure', snippet: '3 things' },
    ]);
    for (const eol of ['\r\n', '\r']) {
      const doc = lf.replace(/\n/g, eol);
      const want = expected(doc, [at(doc, `"a quoted phrase,${eol}wrapped"`), at(doc, '3 things')]);
      assert.deepStrictEqual(placements(reanchor(doc, anns)), want, JSON.stringify(eol));
      assert.deepStrictEqual(placements(reanchor(doc, anns, lf)), want, JSON.stringify(eol));
    }
  });

  it('shifts past emoji (surrogate pairs) inserted before the span', () => {
    const doc = 'Fans cheered. "What a night," the coach said. 3 goals.';
    const anns = reviewed(doc, [
      { type: 'quote', snippet: '"What a night,"' },
      { type: 'figure', snippet: '3 goals' },
    ]);
    const doc2 = '🎉👩‍👩‍👧 ' + doc.replace('cheered.', 'cheered 🎉.');
    const want = expected(doc2, [at(doc2, '"What a night,"'), at(doc2, '3 goals')]);
    assert.deepStrictEqual(placements(reanchor(doc2, anns)), want);
    assert.deepStrictEqual(placements(reanchor(doc2, anns, doc)), want);
  });

  it('orphans the annotations of a deleted paragraph even when its words occur elsewhere', () => {
    const keep = 'Mara Lind opened the session. "Budgets are tight," she said.\n';
    // The deleted paragraph's mention has other words around it than the mentions that stay.
    const gone = 'Reporters later heard Mara Lind say "the pool stays open until 2027" twice.\n';
    const doc = keep + gone + keep.replace('opened', 'closed');
    const anns = reviewed(doc, [
      { type: 'speaker', snippet: 'Mara Lind', occurrence: 0 },
      { type: 'speaker', snippet: 'Mara Lind', occurrence: 1 },
      { type: 'quote', snippet: '"the pool stays open until 2027"' },
      { type: 'speaker', snippet: 'Mara Lind', occurrence: 2 },
    ]);
    const doc2 = keep + keep.replace('opened', 'closed');
    const want = expected(doc2, [at(doc2, 'Mara Lind', 0), 'orphaned', 'orphaned', at(doc2, 'Mara Lind', 1)]);
    assert.deepStrictEqual(placements(reanchor(doc2, anns)), want);
    assert.deepStrictEqual(placements(reanchor(doc2, anns, doc)), want);
  });

  it('moves a quote\'s cue and speaker mention with their own words, not with the quote', () => {
    const doc = '"The pool stays open until 2027," Mara Lind said on Monday.\n';
    let s: Sidecar = addEntity(emptySidecar('a.txt', doc, sha256Of(doc)), 'Mara Lind', 'person').sidecar;
    s = unwrap(addAnnotation(s, doc, { type: 'speaker', ...at(doc, 'Mara Lind'), entity: 'mara-lind' })).sidecar;
    s = unwrap(addAnnotation(s, doc, { type: 'quote', ...at(doc, '"The pool stays open until 2027,"'), speaker: 'mara-lind', cue: at(doc, 'said'), speakerMention: at(doc, 'Mara Lind') })).sidecar;
    // Words inserted between the quote and its attribution, and the lines re-wrapped.
    const doc2 = 'Update:\n"The pool stays open until 2027," council leader\nMara Lind has said on Monday.\n';
    for (const previous of [undefined, doc]) {
      const q = reanchor(doc2, s.annotations, previous).find((a) => a.type === 'quote');
      assert.ok(q?.type === 'quote');
      assert.deepStrictEqual([q.cue, q.speakerMention], [at(doc2, 'said'), at(doc2, 'Mara Lind')], String(previous !== undefined));
    }
  });

  it('gives orphans of identical copies back their own copy, by where their text was deleted', () => {
    const filler = 'Filler words before the quote, long enough. ';
    const para = `${filler}"We will not close the library this winter," she said, ${filler}\n`;
    const doc = para + para;
    const quote = '"We will not close the library this winter,"';
    const [first, second] = reviewed(doc, [
      { type: 'quote', snippet: quote, occurrence: 0 },
      { type: 'quote', snippet: quote, occurrence: 1 },
    ]);
    // Orphaned where each paragraph was deleted (its start), as typing leaves them; the text is back.
    const orphans = [
      { ...second, start: para.length, end: para.length, orphaned: true },
      { ...first, start: 0, end: 0, orphaned: true },
    ];
    assert.deepStrictEqual(placements(reanchor(doc, orphans)), expected(doc, [at(doc, quote, 1), at(doc, quote, 0)]));
  });

  it('follows the edit between the previous and the new text when the text changed inside the span', () => {
    const doc = 'Intro line. "Prices will rise by spring," Mara Lind said. Outro line.';
    const anns = reviewed(doc, [{ type: 'quote', snippet: '"Prices will rise by spring,"' }]);
    const doc2 = 'Intro line. "Prices will fall by spring," Mara Lind said. Outro line.';
    assert.deepStrictEqual(placements(reanchor(doc2, anns, doc)), expected(doc2, [at(doc2, '"Prices will fall by spring,"')]));
  });
});
