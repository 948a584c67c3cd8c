/**
 * Re-anchoring as a table: each row is an edit a user makes to an article, and the whole re-anchored
 * annotations are compared with what they must be on the new text (text, prefix and suffix read
 * from the new document). Rows were chosen from the mutants of anchor.ts that no test killed.
 */
import assert from 'node:assert/strict';
import { applyEdits, contextOf, locate, reanchor, type TextEdit } from '../../src/sidecar/anchor';
import type { Span } from '../../src/core/types';
import type { Annotation, QuoteAnnotation } from '../../src/sidecar/types';
import { at } from './sidecar-fixtures';

type Kind = 'quote' | 'speaker' | 'figure';

/** An annotation on `doc` at `span`, as the store makes it: text and context read from `doc`. */
function ann(doc: string, type: Kind, span: Span, id: string, inner: { cue?: Span | null; speakerMention?: Span | null } = {}): Annotation {
  const base = { id, start: span.start, end: span.end, text: doc.slice(span.start, span.end), ...contextOf(doc, span.start, span.end), status: 'accepted' as const, origin: 'manual' as const };
  if (type === 'quote') return { ...base, type, kind: 'direct', speaker: null, cue: inner.cue ?? null, speakerMention: inner.speakerMention ?? null };
  if (type === 'speaker') return { ...base, type, entity: 'mara-lind' };
  return { ...base, type, kind: 'count', unit: null };
}

/** The same annotation moved to `span` of `doc` (text and context from `doc`). */
function movedTo(a: Annotation, doc: string, span: Span, inner: { cue?: Span | null; speakerMention?: Span | null } = {}): Annotation {
  const out = { ...a, start: span.start, end: span.end, text: doc.slice(span.start, span.end), ...contextOf(doc, span.start, span.end) };
  delete out.orphaned;
  if (out.type === 'quote') {
    out.cue = inner.cue === undefined ? (a as QuoteAnnotation).cue : inner.cue;
    out.speakerMention = inner.speakerMention === undefined ? (a as QuoteAnnotation).speakerMention : inner.speakerMention;
  }
  return out;
}

const ARTICLE =
  'The council met again on Tuesday after a long summer break. "We will not close the library this winter," Mara Lind told the meeting. ' +
  'The vote was 9 to 2 and the budget grew by 4 million euros over two years.\n';

describe('sidecar reanchor table: contextOf never splits a surrogate pair', () => {
  const pad = (n: number) => 'a'.repeat(n);
  // The prefix starts CONTEXT_LENGTH (32) code units before the span; the suffix ends 32 after it.
  const rows: { name: string; before: string; after: string; prefix: string; suffix: string }[] = [
    { name: 'emoji cut at the prefix start', before: 'x\u{1F600}' + pad(31), after: '', prefix: pad(31), suffix: '' },
    { name: 'emoji whole at the prefix start', before: '\u{1F600}' + pad(30), after: '', prefix: '\u{1F600}' + pad(30), suffix: '' },
    { name: 'lowest high and low surrogates', before: 'x\uD800\uDC00' + pad(31), after: '', prefix: pad(31), suffix: '' },
    { name: 'highest high and low surrogates', before: 'x\uDBFF\uDFFF' + pad(31), after: '', prefix: pad(31), suffix: '' },
    { name: 'below the high surrogates', before: 'x\uD7FF\uDC00' + pad(31), after: '', prefix: '\uDC00' + pad(31), suffix: '' },
    { name: 'a low surrogate before a low one', before: 'x\uDC00\uDC00' + pad(31), after: '', prefix: '\uDC00' + pad(31), suffix: '' },
    { name: 'a high surrogate before a high one', before: 'x\uD800\uDBFF' + pad(31), after: '', prefix: '\uDBFF' + pad(31), suffix: '' },
    { name: 'above the low surrogates', before: 'x\uD800\uE000' + pad(31), after: '', prefix: '\uE000' + pad(31), suffix: '' },
    { name: 'emoji cut at the suffix end', before: '', after: pad(31) + '\u{1F600}z', prefix: '', suffix: pad(31) },
    { name: 'emoji whole at the suffix end', before: '', after: pad(30) + '\u{1F600}z', prefix: '', suffix: pad(30) + '\u{1F600}' },
    { name: 'suffix: below the high surrogates', before: '', after: pad(31) + '\uD7FF\uDC00', prefix: '', suffix: pad(31) + '\uD7FF' },
    { name: 'suffix: highest pair', before: '', after: pad(31) + '\uDBFF\uDFFFz', prefix: '', suffix: pad(31) },
    { name: 'suffix: a high surrogate before a high one', before: '', after: pad(31) + '\uD800\uDBFF', prefix: '', suffix: pad(31) + '\uD800' },
    { name: 'suffix: above the low surrogates', before: '', after: pad(31) + '\uD800\uE000', prefix: '', suffix: pad(31) + '\uD800' },
    { name: 'short document', before: 'ab', after: 'cd', prefix: 'ab', suffix: 'cd' },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const doc = row.before + 'SPAN' + row.after;
      const start = row.before.length;
      assert.deepStrictEqual(contextOf(doc, start, start + 4), { prefix: row.prefix, suffix: row.suffix });
    });
  }
});

describe('sidecar reanchor table: one edit, whole annotations compared', () => {
  const quote = '"We will not close the library this winter,"';
  /** The spans of `snippets` in `doc`, or orphaned for null. */
  const spansIn = (doc: string, ...snippets: (string | null)[]) => snippets.map((x) => (x === null ? ('orphaned' as const) : at(doc, x)));
  const crlf = ARTICLE.replace('meeting. ', 'meeting.\r\n');
  const emoji = ARTICLE.replace('break. ', 'break \u{1F4DA}. ');
  const noFigure = ARTICLE.replace(' by 4 million euros', '');
  const editedQuote = '"We will never close the library this winter,"';
  const edited = 'Intro. ' + ARTICLE.replace(quote, editedQuote);
  const rewritten = ARTICLE.replace(quote, '"Nothing is decided yet, ask me in spring,"');
  const renumbered = ARTICLE.replace('4 million euros', '5 million euros');
  const wordyQuote = '"We will probably not close the old library this coming winter,"';
  const wordy = ARTICLE.replace(quote, wordyQuote);
  const rows: { name: string; doc: string; spans: (Span | 'orphaned')[]; previous?: boolean }[] = [
    { name: 'nothing changed', doc: ARTICLE, spans: [at(ARTICLE, quote), at(ARTICLE, 'Mara Lind'), at(ARTICLE, '4 million euros')] },
    {
      name: 'text inserted before everything',
      doc: 'UPDATE: corrected. ' + ARTICLE,
      spans: [at('UPDATE: corrected. ' + ARTICLE, quote), at('UPDATE: corrected. ' + ARTICLE, 'Mara Lind'), at('UPDATE: corrected. ' + ARTICLE, '4 million euros')],
    },
    {
      name: 'text changed right after a span: same offsets, the suffix is the new one',
      doc: ARTICLE.replace('over two years', 'over three years'),
      spans: [at(ARTICLE, quote), at(ARTICLE, 'Mara Lind'), at(ARTICLE, '4 million euros')],
    },
    {
      name: 'text changed right before a span: the prefix is the new one',
      doc: ARTICLE.replace('budget grew by', 'budget rose by'),
      spans: [at(ARTICLE, quote), at(ARTICLE, 'Mara Lind'), at(ARTICLE, '4 million euros')],
    },
    { name: 'words added inside the quote, with the previous text: the diff follows the edit', doc: wordy, spans: spansIn(wordy, wordyQuote, 'Mara Lind', '4 million euros'), previous: true },
    { name: 'words added inside the quote, without the previous text: too far from the old text, orphaned', doc: wordy, spans: spansIn(wordy, null, 'Mara Lind', '4 million euros') },
    { name: 'a number changed in place: same offsets, the new text', doc: renumbered, spans: spansIn(renumbered, quote, 'Mara Lind', '5 million euros') },
    { name: 'line ends converted to CRLF', doc: crlf, spans: spansIn(crlf, quote, 'Mara Lind', '4 million euros') },
    { name: 'an emoji inserted before the quote', doc: emoji, spans: spansIn(emoji, quote, 'Mara Lind', '4 million euros') },
    { name: 'the figure deleted: orphaned, the others stay', doc: noFigure, spans: spansIn(noFigure, quote, 'Mara Lind', null) },
    { name: 'the figure deleted, with the previous text', doc: noFigure, spans: spansIn(noFigure, quote, 'Mara Lind', null), previous: true },
    { name: 'the quote edited lightly, with the previous text', doc: edited, spans: spansIn(edited, editedQuote, 'Mara Lind', '4 million euros'), previous: true },
    { name: 'the quote edited lightly, without the previous text (approximate match)', doc: edited, spans: spansIn(edited, editedQuote, 'Mara Lind', '4 million euros') },
    { name: 'the quote rewritten completely, with the previous text: orphaned', doc: rewritten, spans: spansIn(rewritten, null, 'Mara Lind', '4 million euros'), previous: true },
    { name: 'the quote rewritten completely, without the previous text: orphaned', doc: rewritten, spans: spansIn(rewritten, null, 'Mara Lind', '4 million euros') },
    {
      name: 'the paragraph duplicated after itself: the first copy keeps the annotations',
      doc: ARTICLE + ARTICLE,
      spans: [at(ARTICLE, quote), at(ARTICLE, 'Mara Lind'), at(ARTICLE, '4 million euros')],
    },
    {
      name: 'text inserted before, the paragraph duplicated after',
      doc: 'Intro. ' + ARTICLE + ARTICLE,
      spans: [at('Intro. ' + ARTICLE, quote), at('Intro. ' + ARTICLE, 'Mara Lind'), at('Intro. ' + ARTICLE, '4 million euros')],
    },
    {
      name: 'the paragraph duplicated with an edited copy, text inserted before',
      doc: 'Intro. ' + ARTICLE + ARTICLE.replace('not close', 'never close'),
      spans: [at('Intro. ' + ARTICLE, quote), at('Intro. ' + ARTICLE, 'Mara Lind'), at('Intro. ' + ARTICLE, '4 million euros')],
      previous: true,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const anns = [ann(ARTICLE, 'quote', at(ARTICLE, quote), 'q1'), ann(ARTICLE, 'speaker', at(ARTICLE, 'Mara Lind'), 's1'), ann(ARTICLE, 'figure', at(ARTICLE, '4 million euros'), 'f1')];
      const frozen = structuredClone(anns);
      const got = reanchor(row.doc, anns, row.previous ? ARTICLE : undefined);
      const want = anns.map((a, k) => {
        const span = row.spans[k];
        if (span !== 'orphaned') return movedTo(a, row.doc, span);
        const start = Math.min(a.start, row.doc.length);
        return { ...a, start, end: Math.min(a.end, row.doc.length), orphaned: true };
      });
      assert.deepStrictEqual(got, want);
      for (const a of got) if (!a.orphaned) assert.deepStrictEqual([a.text, a.prefix, a.suffix], [row.doc.slice(a.start, a.end), ...Object.values(contextOf(row.doc, a.start, a.end))]);
      assert.deepStrictEqual(anns, frozen, 'the input is not mutated');
    });
  }
});

describe('sidecar reanchor table: short texts that occur more than once', () => {
  const doc = 'In March the price was 12 euros. In May the price rose again, now it is 12 euros and more.\n';
  const moved12 = 'X. ' + doc.replace('now it is 12 euros and more', 'now it is 12 euros here');
  const lost12 = doc.replace('the price rose again, now it is 12 euros and more', 'nothing like this: 12 euros.');
  const rows: { name: string; newDoc: string; want: Span | 'orphaned' }[] = [
    { name: 'text inserted before both copies: the one with its context', newDoc: 'Prices. ' + doc, want: at('Prices. ' + doc, '12 euros', 1) },
    { name: 'the annotated copy deleted: the other copy has other context', newDoc: doc.replace('now it is 12 euros and more', 'now it is more'), want: 'orphaned' },
    { name: 'the text after it rewritten, the text before kept: found by its prefix', newDoc: moved12, want: at(moved12, '12 euros', 1) },
    { name: 'all its context rewritten: orphaned', newDoc: lost12, want: 'orphaned' },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const a = ann(doc, 'figure', at(doc, '12 euros', 1), 'f2');
      const [got] = reanchor(row.newDoc, [a]);
      const want = row.want === 'orphaned' ? { ...a, start: Math.min(a.start, row.newDoc.length), end: Math.min(a.end, row.newDoc.length), orphaned: true } : movedTo(a, row.newDoc, row.want);
      assert.deepStrictEqual(got, want);
      assert.deepStrictEqual(locate(row.newDoc, a), row.want === 'orphaned' ? undefined : row.want);
    });
  }
});

describe('sidecar reanchor table: short texts need their context, long ones do not', () => {
  // SHORT_TEXT is 12 code units: a text that long is found alone; a shorter one only with its context.
  const rows: { name: string; text: string; found: boolean }[] = [
    { name: 'a 12-character figure is found in new surroundings', text: '12.5 million', found: true },
    { name: 'an 11-character figure in new surroundings is orphaned', text: '1.5 million', found: false },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const doc = `Costs in the north of the region: ${row.text} were paid last year.\n`;
      const newDoc = `Completely other words stand here now, ${row.text} and more text after that.\n`;
      const a = ann(doc, 'figure', at(doc, row.text), 'f1');
      const want = row.found ? movedTo(a, newDoc, at(newDoc, row.text)) : { ...a, orphaned: true };
      assert.deepStrictEqual(reanchor(newDoc, [a]), [want]);
    });
  }
});

describe('sidecar reanchor table: two annotations never end on one span unless they shared it', () => {
  const doc = 'North: 12.5 million were paid. South: 12.5 million were paid too, said the report.\n';
  it('one copy of a text left for two figures: the nearer keeps it, the other is orphaned', () => {
    const f1 = ann(doc, 'figure', at(doc, '12.5 million', 0), 'f1');
    const f2 = ann(doc, 'figure', at(doc, '12.5 million', 1), 'f2');
    const newDoc = 'Intro. ' + doc.replace(' South: 12.5 million were paid too,', '');
    assert.deepStrictEqual(reanchor(newDoc, [f1, f2]), [movedTo(f1, newDoc, at(newDoc, '12.5 million')), { ...f2, orphaned: true }]);
  });
  it('two figures that shared a span move onto it together', () => {
    const f1 = ann(doc, 'figure', at(doc, '12.5 million', 1), 'f1');
    const f2 = ann(doc, 'figure', at(doc, '12.5 million', 1), 'f2');
    const newDoc = doc.replace('North: 12.5 million were paid. ', 'North: nothing. ');
    assert.deepStrictEqual(reanchor(newDoc, [f1, f2]), [movedTo(f1, newDoc, at(newDoc, '12.5 million')), movedTo(f2, newDoc, at(newDoc, '12.5 million'))]);
  });
});

describe('sidecar reanchor table: a duplicated paragraph keeps its annotations on each copy', () => {
  const P = 'The council met. "We will not close the library this winter," Mara Lind said. The vote was 9 to 2.\n';
  const doc = 'Oslo report today.\n' + P + 'Bergen report today.\n' + P;
  const q = '"We will not close the library this winter,"';
  // [type, snippet, occurrence]: two unique anchors and the quote and vote of both copies.
  const marks: [Kind, string, number][] = [
    ['figure', 'Oslo report today', 0],
    ['quote', q, 0],
    ['figure', '9 to 2', 0],
    ['figure', 'Bergen report today', 0],
    ['quote', q, 1],
    ['figure', '9 to 2', 1],
  ];
  const rows: { name: string; newDoc: string }[] = [
    { name: 'a long text inserted before both copies', newDoc: 'A much longer introduction that shifts everything by far.\n' + doc },
    { name: 'a long text inserted between the copies', newDoc: doc.replace('Bergen report', 'A much longer paragraph between the two copies of the text.\nBergen report') },
    { name: 'a long text inserted after the first quote', newDoc: doc.replace(' Mara Lind said.', ' Mara Lind said, after a very long pause that moved everything.') },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const anns = marks.map(([type, snippet, k], n) => ann(doc, type, at(doc, snippet, k), `a${n}`));
      const got = reanchor(row.newDoc, anns);
      const want = anns.map((a, n) => {
        const [, snippet, k] = marks[n];
        return movedTo(a, row.newDoc, at(row.newDoc, snippet, k));
      });
      assert.deepStrictEqual(got, want);
    });
  }
});

describe('sidecar reanchor table: orphans found again', () => {
  const doc = 'Intro line here. "The bridge will be rebuilt by the spring of next year," said the mayor. End.\n';
  const quote = '"The bridge will be rebuilt by the spring of next year,"';
  it('an orphan whose text came back (undo) is placed on it, no longer orphaned', () => {
    const a = { ...ann(doc, 'quote', at(doc, quote), 'q1'), start: 10, end: 10, orphaned: true };
    assert.deepStrictEqual(reanchor(doc, [a]), [movedTo(a, doc, at(doc, quote))]);
  });
  it('an orphan whose text came back edited is placed on the approximate match', () => {
    const edited = doc.replace('rebuilt', 'rebuild');
    const a = { ...ann(doc, 'quote', at(doc, quote), 'q1'), orphaned: true };
    assert.deepStrictEqual(reanchor(edited, [a]), [movedTo(a, edited, at(edited, '"The bridge will be rebuild by the spring of next year,"'))]);
  });
  it('an orphan whose text is gone stays orphaned where it was, clamped to the document', () => {
    const a = { ...ann(doc, 'quote', at(doc, quote), 'q1'), orphaned: true };
    assert.deepStrictEqual(reanchor('Short.', [a]), [{ ...a, start: 6, end: 6 }]);
  });
  it('of two copies an orphan takes the one whose context agrees', () => {
    const two = 'Other words around it. ' + quote + ' asked the crowd. ' + doc;
    const a = { ...ann(doc, 'quote', at(doc, quote), 'q1'), start: 0, end: 0, orphaned: true };
    assert.deepStrictEqual(reanchor(two, [a]), [movedTo(a, two, at(two, quote, 1))]);
  });
  it('of two copies an orphan takes the one whose context agrees, even when the other is nearer', () => {
    const two = doc + 'Other words around it. ' + quote + ' asked the crowd.\n';
    const a = { ...ann(doc, 'quote', at(doc, quote), 'q1'), start: two.length - 5, end: two.length - 5, orphaned: true };
    assert.deepStrictEqual(reanchor(two, [a]), [movedTo(a, two, at(two, quote, 0))]);
  });
  it('of two copies with the same context an orphan takes the first when it is nearer', () => {
    const two = doc + doc;
    const a = { ...ann(doc, 'quote', at(doc, quote), 'q1'), orphaned: true, start: 3, end: 3 };
    assert.deepStrictEqual(reanchor(two, [a]), [movedTo(a, two, at(two, quote, 0))]);
  });
  it('of two copies with the same context an orphan takes the one nearest its old offset', () => {
    const two = doc + doc;
    const a = { ...ann(doc, 'quote', at(doc, quote), 'q1'), orphaned: true, start: two.length - 5, end: two.length - 5 };
    assert.deepStrictEqual(reanchor(two, [a]), [movedTo(a, two, at(two, quote, 1))]);
  });
});

describe('sidecar reanchor table: a quote keeps its cue and speaker mention', () => {
  const doc = 'Intro line here. "The bridge will be rebuilt by the spring of next year," said Mara Lind on Monday.\n';
  const quote = '"The bridge will be rebuilt by the spring of next year,"';
  const rows: { name: string; newDoc: string; previous?: boolean; cue: Span | null; mention: Span | null }[] = [
    { name: 'text inserted before', newDoc: 'NEW. ' + doc, cue: at('NEW. ' + doc, 'said'), mention: at('NEW. ' + doc, 'Mara Lind') },
    { name: 'text inserted before, with the previous text', newDoc: 'NEW. ' + doc, previous: true, cue: at('NEW. ' + doc, 'said'), mention: at('NEW. ' + doc, 'Mara Lind') },
    {
      name: 'words inserted between the quote and the cue',
      newDoc: doc.replace(', said', ', she said'),
      cue: at(doc.replace(', said', ', she said'), 'said'),
      mention: at(doc.replace(', said', ', she said'), 'Mara Lind'),
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const q = ann(doc, 'quote', at(doc, quote), 'q1', { cue: at(doc, 'said'), speakerMention: at(doc, 'Mara Lind') });
      const s = ann(doc, 'speaker', at(doc, 'Mara Lind'), 's1');
      const got = reanchor(row.newDoc, [q, s], row.previous ? doc : undefined);
      assert.deepStrictEqual(got, [movedTo(q, row.newDoc, at(row.newDoc, quote), { cue: row.cue, speakerMention: row.mention }), movedTo(s, row.newDoc, at(row.newDoc, 'Mara Lind'))]);
    });
  }
  it('an orphaned quote keeps the cue and mention that still fit the document, drops the others', () => {
    const q = { ...ann(doc, 'quote', at(doc, quote), 'q1', { cue: at(doc, 'said'), speakerMention: at(doc, 'Mara Lind') }), orphaned: true };
    const short = 'Z'.repeat(at(doc, 'Lind').end - 2);
    const got = reanchor(short, [q]);
    assert.deepStrictEqual(got, [{ ...q, cue: at(doc, 'said'), speakerMention: null }]);
  });
  it('a cue far from the quote moves with the quote edge it follows', () => {
    const far = doc.replace(' said Mara Lind on Monday.', ' The mayor, after a pause of many seconds, then said so.');
    const q = ann(far, 'quote', at(far, quote), 'q1', { cue: at(far, 'said'), speakerMention: null });
    const moved = 'Longer intro line here. ' + far.slice('Intro line here. '.length);
    const [got] = reanchor(moved, [q]);
    assert.deepStrictEqual(got, movedTo(q, moved, at(moved, quote), { cue: at(moved, 'said'), speakerMention: null }));
  });
  it('a far speaker mention that is also an annotation goes where that annotation went', () => {
    const far = doc.replace(' said Mara Lind on Monday.', ' The mayor, after a pause of many seconds, handed over to Mara Lind.');
    const q = ann(far, 'quote', at(far, quote), 'q1', { cue: null, speakerMention: at(far, 'Mara Lind') });
    const s = ann(far, 'speaker', at(far, 'Mara Lind'), 's1');
    const edited = far.replace('many seconds', 'many long seconds');
    assert.deepStrictEqual(reanchor(edited, [q, s]), [movedTo(q, edited, at(edited, quote), { speakerMention: at(edited, 'Mara Lind') }), movedTo(s, edited, at(edited, 'Mara Lind'))]);
  });
  it('a cue that fell off the end of the document is dropped even when the quote did not move', () => {
    const far = doc.replace(' said Mara Lind on Monday.', ' The mayor, after a pause of many seconds, then said so.');
    const q = ann(far, 'quote', at(far, quote), 'q1', { cue: at(far, 'said'), speakerMention: null });
    const cut = far.slice(0, at(far, 'then').start);
    assert.deepStrictEqual(reanchor(cut, [q]), [{ ...q, cue: null }]);
  });
  it('a cue far after a quote that grew moves with the end of the quote', () => {
    const far = doc.replace(' said Mara Lind on Monday.', ' The mayor, after a pause of many seconds, then said so.');
    const q = ann(far, 'quote', at(far, quote), 'q1', { cue: at(far, 'said'), speakerMention: null });
    const grown = far.replace('rebuilt by', 'rebuilt again by');
    const [got] = reanchor(grown, [q]);
    assert.deepStrictEqual(got, movedTo(q, grown, at(grown, '"The bridge will be rebuilt again by the spring of next year,"'), { cue: at(grown, 'said'), speakerMention: null }));
  });
  it('a far cue at the very start and one at the very end of the document move with the quote', () => {
    const rows = [
      { old: 'Abc. Said the mayor, after a long pause of many seconds: ' + quote + ' End.\n', cue: 'Said', edit: (d: string) => d.slice('Abc. '.length) },
      { old: 'Intro. ' + quote + ' The mayor, after a pause of many seconds, then said', cue: 'said', edit: (d: string) => 'Hello. ' + d },
    ];
    for (const row of rows) {
      const q = ann(row.old, 'quote', at(row.old, quote), 'q1', { cue: at(row.old, row.cue), speakerMention: null });
      const edited = row.edit(row.old);
      assert.deepStrictEqual(reanchor(edited, [q]), [movedTo(q, edited, at(edited, quote), { cue: at(edited, row.cue), speakerMention: null })]);
    }
  });
  it('with the previous text, a far cue follows the words inserted between it and the quote', () => {
    const far = doc.replace(' said Mara Lind on Monday.', ' The mayor, after a pause of many seconds, then said so.');
    const q = ann(far, 'quote', at(far, quote), 'q1', { cue: at(far, 'said'), speakerMention: null });
    const edited = far.replace('many seconds', 'many long seconds');
    assert.deepStrictEqual(reanchor(edited, [q], far), [movedTo(q, edited, at(edited, quote), { cue: at(edited, 'said'), speakerMention: null })]);
  });
  it('a cue word that occurs twice near the quote stays on its own occurrence', () => {
    const twice = doc.replace(' said Mara Lind on Monday.', ' she said, he said.');
    const q = ann(twice, 'quote', at(twice, quote), 'q1', { cue: at(twice, 'said', 1), speakerMention: null });
    const edited = 'Breaking. ' + twice;
    assert.deepStrictEqual(reanchor(edited, [q]), [movedTo(q, edited, at(edited, quote), { cue: at(edited, 'said', 1), speakerMention: null })]);
  });
  it('a cue far after the quote that fell off the end of the document is dropped', () => {
    const far = doc.replace(' said Mara Lind on Monday.', ' The mayor, after a pause of many seconds, then said so.');
    const q = ann(far, 'quote', at(far, quote), 'q1', { cue: at(far, 'said'), speakerMention: null });
    const cut = 'Hello. ' + far.slice(0, at(far, 'then').start);
    const [got] = reanchor(cut, [q]);
    assert.deepStrictEqual(got, movedTo(q, cut, at(cut, quote), { cue: null, speakerMention: null }));
  });
});

describe('sidecar reanchor table: applyEdits while typing', () => {
  const doc = 'Intro. "We will rebuild the bridge," said Mara Lind. Costs: 4 million.\n';
  const quote = '"We will rebuild the bridge,"';
  const rows: { name: string; edits: TextEdit[]; newDoc: string; quote: Span | 'orphaned'; cue: Span | null; mention: Span | null }[] = [
    { name: 'no edit', edits: [], newDoc: doc, quote: at(doc, quote), cue: at(doc, 'said'), mention: at(doc, 'Mara Lind') },
    {
      name: 'typing before the quote',
      edits: [{ start: 0, end: 0, newText: 'New ' }],
      newDoc: 'New ' + doc,
      quote: at('New ' + doc, quote),
      cue: at('New ' + doc, 'said'),
      mention: at('New ' + doc, 'Mara Lind'),
    },
    {
      name: 'replacing the end of the quote and what follows',
      edits: [{ start: at(doc, 'bridge,"').start, end: at(doc, 'bridge," said').end, newText: 'road" says' }],
      newDoc: doc.replace('bridge," said', 'road" says'),
      quote: { start: at(doc, quote).start, end: at(doc, 'bridge,"').start + 'road" says'.length },
      cue: null,
      mention: at(doc.replace('bridge," said', 'road" says'), 'Mara Lind'),
    },
    {
      name: 'deleting the quote: orphaned where it was',
      edits: [{ start: at(doc, quote).start, end: at(doc, quote).end + 1, newText: '' }],
      newDoc: doc.replace(quote + ' ', ''),
      quote: 'orphaned',
      cue: at(doc.replace(quote + ' ', ''), 'said'),
      mention: at(doc.replace(quote + ' ', ''), 'Mara Lind'),
    },
    {
      name: 'cutting the document right after the mention (it ends at the document end)',
      edits: [{ start: at(doc, 'Mara Lind').end, end: doc.length, newText: '' }],
      newDoc: doc.slice(0, at(doc, 'Mara Lind').end),
      quote: at(doc, quote),
      cue: at(doc, 'said'),
      mention: at(doc, 'Mara Lind'),
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const q = ann(doc, 'quote', at(doc, quote), 'q1', { cue: at(doc, 'said'), speakerMention: at(doc, 'Mara Lind') });
      const [got] = applyEdits([q], row.edits, row.newDoc);
      const want =
        row.quote === 'orphaned'
          ? { ...q, start: at(doc, quote).start, end: at(doc, quote).start, orphaned: true, cue: row.cue, speakerMention: row.mention }
          : movedTo(q, row.newDoc, row.quote, { cue: row.cue, speakerMention: row.mention });
      assert.deepStrictEqual(got, want);
    });
  }
  it('a quote without cue or mention and a figure go through an edit', () => {
    const q = ann(doc, 'quote', at(doc, quote), 'q1');
    const f = ann(doc, 'figure', at(doc, '4 million'), 'f1');
    const newDoc = 'New ' + doc;
    assert.deepStrictEqual(applyEdits([q, f], [{ start: 0, end: 0, newText: 'New ' }], newDoc), [movedTo(q, newDoc, at(newDoc, quote)), movedTo(f, newDoc, at(newDoc, '4 million'))]);
  });
  it('a cue ending at the new end of the document is kept', () => {
    const q = ann(doc, 'quote', at(doc, quote), 'q1', { cue: at(doc, 'said'), speakerMention: at(doc, 'Mara Lind') });
    const cue = at(doc, 'said');
    const newDoc = doc.slice(0, cue.end);
    const [got] = applyEdits([q], [{ start: cue.end, end: doc.length, newText: '' }], newDoc);
    assert.deepStrictEqual(got, movedTo(q, newDoc, at(doc, quote), { cue, speakerMention: null }));
  });
  it('an empty cue is dropped', () => {
    const q = ann(doc, 'quote', at(doc, quote), 'q1', { cue: { start: 40, end: 40 }, speakerMention: { start: 45, end: 45 } });
    const newDoc = 'New ' + doc;
    const [got] = applyEdits([q], [{ start: 0, end: 0, newText: 'New ' }], newDoc);
    assert.deepStrictEqual(got, movedTo(q, newDoc, at(newDoc, quote), { cue: null, speakerMention: null }));
  });
  it('a cue reduced to nothing is dropped', () => {
    const q = ann(doc, 'quote', at(doc, quote), 'q1', { cue: at(doc, 'said'), speakerMention: null });
    const cue = at(doc, 'said');
    const newDoc = doc.slice(0, cue.start) + doc.slice(cue.end);
    // The edit covers the cue exactly but is given as an insertion-less replacement of its inside.
    const [got] = applyEdits([q], [{ start: cue.start, end: cue.end, newText: '' }], newDoc);
    assert.deepStrictEqual(got, movedTo(q, newDoc, at(doc, quote), { cue: null, speakerMention: null }));
  });
});

describe('sidecar reanchor table: a text that occurs twice is looked for where its neighbours say', () => {
  // Two copies of one paragraph; only the first copy's figure is annotated, with headings around.
  const H1 = 'Oslo report today.\n';
  const H2 = 'Bergen report today.\n';
  const P = 'The council met at noon and the budget grew by 4 million euros in the end.\n';
  const fig = '4 million euros';
  const longer = 'A long paragraph was written here, longer than the paragraph that is repeated below it.\n';
  const rows: { name: string; doc: string; newDoc: string; marks: string[] }[] = [
    // A text deleted before everything: the heading before moved back as far as the figure did.
    { name: 'a text longer than half a paragraph deleted before everything', doc: longer + H1 + P + P, newDoc: H1 + P + P, marks: [H1.trim(), fig] },
    // Deleted between the heading and the first copy: the heading after moved as far as the figure.
    { name: 'a long text deleted between the heading and the first copy', doc: H1 + longer + P + P + H2, newDoc: H1 + P + P + H2, marks: [H1.trim(), fig, H2.trim()] },
    // Only a heading after the figure: its shift, and its new place as the bound of the search.
    { name: 'a long text deleted before the first copy, a heading after it', doc: longer + P + H2 + P, newDoc: P + H2 + P, marks: [fig, H2.trim()] },
    // The heading before says the first copy, the heading after the second, both ten code units away: the one before wins.
    {
      name: 'as near to where the heading before puts it as to where the heading after does: the first',
      doc: H1 + P + P + H2,
      newDoc: H1 + 'Ten more. ' + P + P + 'Ten more. ' + 'z'.repeat(P.length - 1) + '\n' + H2,
      marks: [H1.trim(), fig, H2.trim()],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const anns = row.marks.map((m, k) => ann(row.doc, 'figure', at(row.doc, m), `f${k}`));
      const want = anns.map((a, k) => movedTo(a, row.newDoc, at(row.newDoc, row.marks[k])));
      assert.deepStrictEqual(reanchor(row.newDoc, anns), want);
    });
  }
});

describe('sidecar reanchor table: where an orphan goes', () => {
  const doc = 'Intro line here. "The bridge will be rebuilt by the spring of next year," said the mayor. End.\n';
  const quote = '"The bridge will be rebuilt by the spring of next year,"';
  const orphanAt = (start: number) => ({ ...ann(doc, 'quote', at(doc, quote), 'q2'), start, end: start, orphaned: true });
  it('three copies with the same context: the one nearest its old offset, not the last', () => {
    const three = doc + doc + doc;
    const middle = at(three, quote, 1);
    assert.deepStrictEqual(reanchor(three, [orphanAt(middle.start + 3)]), [movedTo(orphanAt(0), three, middle)]);
  });
  it('two copies as near as each other to its old offset: the first', () => {
    const two = doc + '\n' + doc; // the copies an even number of code units apart
    const [first, second] = [at(two, quote, 0), at(two, quote, 1)];
    assert.equal((second.start - first.start) % 2, 0);
    const a = orphanAt((first.start + second.start) / 2);
    assert.deepStrictEqual(reanchor(two, [a]), [movedTo(a, two, first)]);
  });
  it('its text held by another annotation: stays orphaned, also with an edited copy elsewhere', () => {
    const edited = doc + doc.replace('rebuilt', 'rebuild');
    const held = ann(doc, 'quote', at(doc, quote), 'q1');
    const a = orphanAt(0);
    assert.deepStrictEqual(reanchor(edited, [held, a]), [movedTo(held, edited, at(edited, quote)), a]);
  });
  it('a short text whose context does not agree anywhere stays orphaned', () => {
    const prices = 'In May the price was 12 euros, said the shop.\n';
    const a = { ...ann(prices, 'figure', at(prices, '12 euros'), 'f1'), start: 0, end: 0, orphaned: true };
    const other = 'Something else entirely happened, 12 euros were never mentioned before that day.\n';
    assert.deepStrictEqual(reanchor(other, [a]), [a]);
  });
  it('its text edited, far from its old offset: found within the approximate radius (2048 + 4 × its length)', () => {
    const filler = 'word '.repeat(420); // 2,100 code units
    const edited = filler + doc.replace('rebuilt', 'rebuild').slice('Intro line here. '.length);
    const a = orphanAt(0);
    assert.deepStrictEqual(reanchor(edited, [a]), [movedTo(a, edited, at(edited, quote.replace('rebuilt', 'rebuild')))]);
  });
});

describe('sidecar reanchor table: a cue the quote cannot find by its words', () => {
  const quote = '"The bridge will be rebuilt by the spring of next year,"';
  const grown = '"The bridge will be rebuilt again by the spring of next year,"';
  const quoteOn = (doc: string, cue: string) => ann(doc, 'quote', at(doc, quote), 'q1', { cue: at(doc, cue), speakerMention: null }) as QuoteAnnotation;
  it('a far cue before the quote, deleted with the text before it: dropped', () => {
    const doc = 'Abc. Said the mayor, after a long pause of many seconds: ' + quote + ' End.\n';
    const cut = doc.slice('Abc. Said '.length);
    assert.deepStrictEqual(reanchor(cut, [quoteOn(doc, 'Said')]), [movedTo(quoteOn(doc, 'Said'), cut, at(cut, quote), { cue: null })]);
  });
  it('a near cue before the quote, deleted with the text before it: dropped', () => {
    const doc = 'Intro. Said Ann: ' + quote + ' End of the report.\n';
    const cut = doc.slice('Intro. Said '.length);
    assert.deepStrictEqual(reanchor(cut, [quoteOn(doc, 'Said')]), [movedTo(quoteOn(doc, 'Said'), cut, at(cut, quote), { cue: null })]);
  });
  it('the cue word changed before a quote that grew: the cue moves with the quote start', () => {
    const doc = 'Intro. Ann said: ' + quote + ' End of the report.\n';
    const edited = doc.replace(' said:', ' says:').replace(quote, grown);
    assert.deepStrictEqual(reanchor(edited, [quoteOn(doc, 'said')]), [movedTo(quoteOn(doc, 'said'), edited, at(edited, grown), { cue: at(edited, 'says') })]);
  });
  it('the cue word changed right after a quote that grew (no space between): the cue moves with the quote end', () => {
    const doc = 'Intro line here. ' + quote + 'said the mayor on Monday.\n';
    const edited = doc.replace(quote + 'said', grown + 'says');
    assert.deepStrictEqual(reanchor(edited, [quoteOn(doc, 'said')]), [movedTo(quoteOn(doc, 'said'), edited, at(edited, grown), { cue: at(edited, 'says') })]);
  });
  it('an orphaned quote keeps a cue that ends exactly at the end of the document', () => {
    const doc = 'Intro line here. ' + quote + ' said the mayor on Monday.\n';
    const q = { ...quoteOn(doc, 'said'), orphaned: true };
    const short = 'Z'.repeat(at(doc, 'said').end);
    assert.deepStrictEqual(reanchor(short, [q]), [q]);
  });
});

describe('sidecar reanchor table: an edited text between its neighbours (no previous text)', () => {
  // The quote sits in the middle of its paragraph: two copies store the same context.
  const Q = '"We will not close the library this winter,"';
  const P = `The council met at noon on the first day. ${Q} Mara Lind said to all the people there.\n`;
  const H1 = 'Oslo report today.\n';
  const H2 = 'Bergen report today.\n';
  const INTRO = 'An introduction of more than a hundred code units, so that the quotes are far from the start of the text.\n';
  const SHORT = `Mara Lind: ${Q}\n`; // its suffix runs into the next copy
  const light = '"We will never close the library this winter,"';
  const heavy = '"We shall not shut the library this winter,"'; // 8 edits: more than an eighth of 44, at most a quarter
  type Row = { name: string; doc: string; marks: [Kind, string, number][]; newDoc: string; want: (string | [string, number] | null)[] };
  const rows: Row[] = [
    { name: 'up to a quarter of a long quote edited: still found', doc: P, marks: [['quote', Q, 0]], newDoc: P.replace(Q, heavy), want: [heavy] },
    {
      name: 'an 11-character figure with one digit changed: another number, orphaned',
      doc: 'The budget grew by 9.5 million in the last year.\n',
      marks: [['figure', '9.5 million', 0]],
      newDoc: 'The budget grew by 9.6 million in the last year.\n',
      want: [null],
    },
    {
      name: 'a 12-character figure with one digit changed: found (long texts may be matched approximately)',
      doc: 'The budget grew by 19.5 million in the last year.\n',
      marks: [['figure', '19.5 million', 0]],
      newDoc: 'The budget grew by 19.6 million in the last year.\n',
      want: ['19.6 million'],
    },
    {
      // The start of the second copy is just past the approximate search window of the first quote:
      // the window's tail (the second copy cut short, two errors) is no match starting in the window.
      name: 'the first of two short copies edited: its quote takes the edited text, not a cut-off piece of the other copy',
      doc: SHORT + SHORT,
      marks: [['quote', Q, 0], ['quote', Q, 1]],
      newDoc: SHORT.replace(Q, light) + SHORT,
      want: [light, [Q, 0]],
    },
    {
      name: 'the first of two copies edited: its quote takes the edited text, not the other copy',
      doc: INTRO + P + P,
      marks: [['quote', Q, 0], ['quote', Q, 1]],
      newDoc: INTRO + P.replace(Q, light) + P,
      want: [light, [Q, 0]],
    },
    {
      name: 'a long text inserted before an edited quote: found up to 2048 + 4 × its length away',
      doc: P,
      marks: [['quote', Q, 0]],
      newDoc: 'word '.repeat(420) + P.replace(Q, light),
      want: [light],
    },
    {
      name: 'the quote moved to the end, a similar sentence left further than its length from the old place: the exact copy',
      doc: 'Intro. ' + P + 'The end of the report, with nothing else to say about it at all.\n',
      marks: [['quote', Q, 0]],
      newDoc: 'Intro. ' + 'x'.repeat(200) + ' ' + light + ' The end of the report, with nothing else to say about it at all.\n' + Q + '\n',
      want: [[Q, 0]],
    },
    {
      name: 'both copies edited, the second more: each quote stays between its headings',
      doc: H1 + P + H2 + P,
      marks: [['figure', H1.trim(), 0], ['quote', Q, 0], ['figure', H2.trim(), 0], ['quote', Q, 1]],
      newDoc: H1 + P.replace(Q, heavy) + H2 + P.replace(Q, light),
      want: [H1.trim(), heavy, H2.trim(), light],
    },
    {
      name: 'both copies edited, the first more: the second quote does not look before its heading',
      doc: H1 + P + H2 + P,
      marks: [['figure', H2.trim(), 0], ['quote', Q, 1]],
      newDoc: H1 + P.replace(Q, light) + H2 + P.replace(Q, heavy),
      want: [H2.trim(), heavy],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const anns = row.marks.map(([type, snippet, k], n) => ann(row.doc, type, at(row.doc, snippet, k), `a${n}`));
      const want = anns.map((a, n) => {
        const w = row.want[n];
        if (w === null) return { ...a, orphaned: true };
        const [snippet, k] = typeof w === 'string' ? [w, 0] : w;
        return movedTo(a, row.newDoc, at(row.newDoc, snippet, k));
      });
      assert.deepStrictEqual(reanchor(row.newDoc, anns), want);
    });
  }
});

describe('sidecar reanchor table: more edges of the rounds', () => {
  const P = 'The council met at noon and the budget grew by 4 million euros in the end.\n';
  const fig = '4 million euros';
  const H1 = 'Oslo report today.\n';
  const H2 = 'Bergen report today.\n';
  const T = 'A tail paragraph with other words only, long enough to keep the copies far apart from each other.\n';
  const figures = (doc: string, marks: [string, number][]) => marks.map(([m, k], n) => ann(doc, 'figure', at(doc, m, k), `f${n}`));
  it('a paragraph moved away, with a copy elsewhere: the copy nearer to where the heading before it went', () => {
    const doc = H1 + P + H2 + T;
    const newDoc = P + 'x'.repeat(199) + '\n' + H1 + H2 + T + P;
    const anns = figures(doc, [[H1.trim(), 0], [fig, 0], [H2.trim(), 0]]);
    assert.deepStrictEqual(reanchor(newDoc, anns), [movedTo(anns[0], newDoc, at(newDoc, H1.trim())), movedTo(anns[1], newDoc, at(newDoc, fig, 1)), movedTo(anns[2], newDoc, at(newDoc, H2.trim()))]);
  });
  it('two copies as near as each other to the old offset: the one before it', () => {
    const newDoc = P + '\n' + P; // the copies an even number of code units apart
    const half = (at(newDoc, fig, 1).start - at(newDoc, fig, 0).start) / 2;
    assert.ok(Number.isInteger(half));
    const doc = 'z'.repeat(half - 1) + '\n' + newDoc; // deleted: the old offset is halfway between the copies
    const [a] = figures(doc, [[fig, 0]]);
    assert.deepStrictEqual(reanchor(newDoc, [a]), [movedTo(a, newDoc, at(newDoc, fig, 0))]);
  });
  it('two figures that shared a span of a text occurring twice stay together', () => {
    const doc = P + P;
    const newDoc = 'Intro. ' + doc;
    const anns = figures(doc, [[fig, 0], [fig, 0]]);
    assert.deepStrictEqual(reanchor(newDoc, anns), anns.map((a) => movedTo(a, newDoc, at(newDoc, fig, 0))));
  });
  it('a previous text the annotations were not made on is not followed', () => {
    const doc = 'The vote was 9 to 2 in May. Costs: 4 million euros were paid.\n';
    const stale = 'XX' + doc; // at the figure's offsets it reads ": 4 million eur"
    const [a] = figures(doc, [[fig, 0]]);
    assert.deepStrictEqual(reanchor(stale, [a], stale), [movedTo(a, stale, at(stale, fig))]);
  });
  it('an orphan whose 12-character text came back with one character changed is placed on it', () => {
    const doc = 'The budget grew by 12.5 million in the last year.\n';
    const back = 'The budget grew by 12.6 million in the last year.\n';
    const a = { ...ann(doc, 'figure', at(doc, '12.5 million'), 'f1'), orphaned: true };
    assert.deepStrictEqual(reanchor(back, [a]), [movedTo(a, back, at(back, '12.6 million'))]);
  });
  it('a cue word that occurs twice near the quote stays on its own first occurrence', () => {
    const quote = '"The bridge will be rebuilt by the spring of next year,"';
    const twice = 'Intro line here. ' + quote + ' she said, he said.\n';
    const q = ann(twice, 'quote', at(twice, quote), 'q1', { cue: at(twice, 'said', 0), speakerMention: null });
    const edited = 'Breaking. ' + twice;
    assert.deepStrictEqual(reanchor(edited, [q]), [movedTo(q, edited, at(edited, quote), { cue: at(edited, 'said', 0), speakerMention: null })]);
  });
});
