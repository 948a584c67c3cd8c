import assert from 'node:assert/strict';
import { applyEdits, contextOf, reanchor, type TextEdit } from '../../src/sidecar/anchor';
import { addAnnotation, emptySidecar } from '../../src/sidecar/store';
import type { Annotation, QuoteAnnotation } from '../../src/sidecar/types';
import { at, DOC, sampleSidecar, unwrap } from './sidecar-fixtures';
import { sha256Of } from '../hash';

function quoteOf(list: readonly Annotation[]): QuoteAnnotation {
  const q = list.find((a): a is QuoteAnnotation => a.type === 'quote');
  assert.ok(q);
  return q;
}

function manual(doc: string, snippet: string, occurrence = 0): Annotation {
  return unwrap(addAnnotation(emptySidecar('d.txt', doc, sha256Of(doc)), doc, { type: 'figure', ...at(doc, snippet, occurrence), kind: 'count', unit: null })).annotation;
}

describe('sidecar anchor', () => {
  it('contextOf gives up to 32 code units each side without splitting surrogate pairs', () => {
    const doc = 'a'.repeat(40) + 'MID' + 'b'.repeat(40);
    assert.deepEqual(contextOf(doc, 40, 43), { prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) });
    const emoji = '😀'.repeat(20) + 'X' + '😀'.repeat(20);
    const c = contextOf(emoji, 40, 41);
    assert.ok(c.prefix.length <= 32 && c.suffix.length <= 32);
    assert.equal(c.prefix, '😀'.repeat(16));
    assert.equal(c.suffix, '😀'.repeat(16));
    // 'x' + 20 emoji + 'YZ': a 32-unit window before Z would start on a low surrogate.
    const odd = 'x' + '😀'.repeat(20) + 'YZ';
    const c2 = contextOf(odd, 42, 43);
    assert.equal(c2.prefix, '😀'.repeat(15) + 'Y');
    assert.equal(c2.suffix, '');
  });

  it('keeps annotations on an unchanged document (identical values, new objects)', () => {
    const s = sampleSidecar();
    const out = reanchor(DOC, s.annotations);
    assert.deepEqual(out, s.annotations);
    assert.notEqual(out[0], s.annotations[0]);
  });

  it('shifts annotations, cue and speaker mention when text is inserted before', () => {
    const s = sampleSidecar();
    const doc2 = 'BREAKING: ' + DOC;
    const out = reanchor(doc2, s.annotations);
    for (const a of out) {
      assert.equal(doc2.slice(a.start, a.end), a.text);
      assert.equal(a.orphaned, undefined);
    }
    const q = quoteOf(out);
    const q0 = quoteOf(s.annotations);
    assert.equal(q.start, q0.start + 10);
    assert.deepEqual(q.cue, { start: q0.cue!.start + 10, end: q0.cue!.end + 10 });
    assert.equal(doc2.slice(q.speakerMention!.start, q.speakerMention!.end), 'Anna Berg');
    assert.equal(q.prefix, contextOf(doc2, q.start, q.end).prefix);
  });

  it('keeps an annotation on the second of two duplicated paragraphs when the first is edited', () => {
    const para = 'Officials said the "plan is final" and left.\n';
    const doc = para + para;
    const a = manual(doc, '"plan is final"', 1);
    // Edit the first copy near the quote (changes its context, not its text).
    const doc2 = para.replace('Officials said', 'Two officials quietly said') + para;
    const [moved] = reanchor(doc2, [a]);
    assert.equal(moved.start, at(doc2, '"plan is final"', 1).start);
    // Edit the first copy far from the quote: both copies keep identical context; the old offset decides.
    const long = 'Filler text line number one here.\nOfficials said the "plan is final" and left.\nMore filler text at the end here.\n';
    const b = manual(long + long, '"plan is final"', 1);
    const doc3 = long.replace('Filler text', 'Edited filler words') + long;
    const [moved3] = reanchor(doc3, [b]);
    assert.notEqual(doc3.slice(b.start, b.end), b.text, 'the old offset alone no longer fits');
    assert.equal(moved3.start, at(doc3, '"plan is final"', 1).start);
    assert.equal(moved3.prefix, b.prefix);
    // And an annotation on the first copy stays on the first copy.
    const first = manual(doc, '"plan is final"', 0);
    const [stay] = reanchor('Intro.\n' + doc, [first]);
    assert.equal(stay.start, 7 + first.start);
  });

  it('never puts two annotations of the same type on one span (each duplicate keeps its copy)', () => {
    const para = 'Starmer has called for a "backstop" for any deal, he said on Monday.\n';
    const doc = 'Headline here.\n\n' + para + '\n' + para;
    const anns = [manual(doc, 'Starmer', 0), manual(doc, 'Starmer', 1)];
    // Both copies lose their stored prefix: one gets words glued on, the other a new paragraph before it.
    const doc2 = 'Headline here.\n\nINSERTED WORDS ' + para + '\nA brand new paragraph.\n' + para;
    const out = reanchor(doc2, anns);
    assert.deepEqual(out.map((a) => a.start), [at(doc2, 'Starmer', 0).start, at(doc2, 'Starmer', 1).start]);
    assert.ok(out.every((a) => a.orphaned === undefined));
  });

  it('re-finds slightly changed text approximately', () => {
    const doc = 'Before. "The bridge will reopen in the spring of next year," she said. After.';
    const a = manual(doc, '"The bridge will reopen in the spring of next year,"');
    const doc2 = 'Before. "The bridge will re-open in spring of next year," she said. After.';
    const [out] = reanchor(doc2, [a]);
    assert.equal(out.orphaned, undefined);
    assert.equal(out.text, doc2.slice(out.start, out.end));
    assert.match(out.text, /^"The bridge will re-open in spring of next year,"?$/);
  });

  it('keeps deleted text as orphaned with clamped offsets, never dropping it', () => {
    const doc = 'First sentence here. The committee approved 17 new rules. Last one.';
    const a = manual(doc, '17 new rules');
    const doc2 = 'First sentence here.';
    const out = reanchor(doc2, [a]);
    assert.equal(out.length, 1);
    assert.equal(out[0].orphaned, true);
    assert.equal(out[0].text, '17 new rules');
    assert.equal(out[0].prefix, a.prefix);
    assert.ok(out[0].start <= out[0].end && out[0].end <= doc2.length);
    // Restoring the text restores the annotation.
    const [back] = reanchor(doc, out);
    assert.deepEqual(back, a);
  });

  it('does not move a short text onto an unrelated occurrence', () => {
    const doc = 'Alpha said 12 things. Beta wrote more.';
    const a = manual(doc, '12');
    const doc2 = 'Completely different text with 12 in the middle of nowhere.';
    assert.equal(reanchor(doc2, [a])[0].orphaned, true);
  });

  it('re-anchors from an LF document to the same document with CRLF line ends', () => {
    const lf = 'Line one.\nLine two has "a quoted phrase" in it.\nLine three says 3 things.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const anns = [manual(lf, '"a quoted phrase"'), manual(lf, '3 things')];
    const out = reanchor(crlf, anns);
    assert.deepEqual(out.map((a) => crlf.slice(a.start, a.end)), ['"a quoted phrase"', '3 things']);
    assert.deepEqual(out.map((a) => a.start), [anns[0].start + 1, anns[1].start + 2]);
  });

  it('handles emoji (surrogate pairs) inserted before the span', () => {
    const doc = 'Fans cheered. "What a night," the coach said.';
    const a = manual(doc, '"What a night,"');
    const doc2 = '🎉🎉 ' + doc;
    const [out] = reanchor(doc2, [a]);
    assert.equal(out.start, a.start + 5);
    assert.equal(doc2.slice(out.start, out.end), a.text);
  });

  describe('applyEdits', () => {
    const doc = 'Intro. The 40 workers struck. End.';
    const base = () => manual(doc, '40 workers');

    it('shifts an annotation when typing before it, and leaves it when typing after', () => {
      const edit: TextEdit = { start: 0, end: 0, newText: 'New ' };
      const doc2 = 'New ' + doc;
      const [out] = applyEdits([base()], [edit], doc2);
      assert.equal(doc2.slice(out.start, out.end), '40 workers');
      assert.equal(out.text, '40 workers');
      assert.equal(out.prefix, contextOf(doc2, out.start, out.end).prefix);
      const after = doc.length - 1;
      const doc3 = doc.slice(0, after) + '!' + doc.slice(after);
      const [out3] = applyEdits([base()], [{ start: after, end: after, newText: '!' }], doc3);
      assert.equal(out3.start, base().start);
      assert.equal(out3.suffix, contextOf(doc3, out3.start, out3.end).suffix);
    });

    it('grows and shrinks an annotation when editing inside it', () => {
      const b = base();
      const inside = b.start + 2; // after "40"
      const doc2 = doc.slice(0, inside) + ' striking' + doc.slice(inside);
      const [grown] = applyEdits([b], [{ start: inside, end: inside, newText: ' striking' }], doc2);
      assert.equal(grown.text, '40 striking workers');
      const doc3 = doc.slice(0, b.start) + doc.slice(b.start + 3);
      const [shrunk] = applyEdits([b], [{ start: b.start, end: b.start + 3, newText: '' }], doc3);
      assert.equal(shrunk.text, 'workers');
    });

    it('marks an annotation orphaned when its whole span is deleted, keeping it', () => {
      const b = base();
      const doc2 = doc.slice(0, b.start - 4) + doc.slice(b.end + 1);
      const out = applyEdits([b], [{ start: b.start - 4, end: b.end + 1, newText: '' }], doc2);
      assert.equal(out.length, 1);
      assert.equal(out[0].orphaned, true);
      assert.equal(out[0].text, '40 workers');
    });

    it('applies several edits in order', () => {
      const b = base();
      // VS Code order: later edit first, so each range is valid when applied sequentially.
      const edits: TextEdit[] = [
        { start: doc.length - 4, end: doc.length, newText: 'Fin.' },
        { start: 0, end: 6, newText: 'Introduction:' },
      ];
      let doc2 = doc;
      for (const e of edits) doc2 = doc2.slice(0, e.start) + e.newText + doc2.slice(e.end);
      const [out] = applyEdits([b], edits, doc2);
      assert.equal(out.text, '40 workers');
      assert.equal(out.start, b.start + 7);
    });

    it('moves quote cue and speaker-mention spans too, without mutating the input', () => {
      const s = sampleSidecar();
      const before = JSON.stringify(s.annotations);
      const doc2 = 'X ' + DOC;
      const out = applyEdits(s.annotations, [{ start: 0, end: 0, newText: 'X ' }], doc2);
      const q = quoteOf(out);
      assert.equal(doc2.slice(q.cue!.start, q.cue!.end), 'said');
      assert.equal(doc2.slice(q.speakerMention!.start, q.speakerMention!.end), 'Anna Berg');
      assert.equal(JSON.stringify(s.annotations), before);
    });
  });
});
