// The live typing model as a table: each row is a document, its annotations and one change event,
// with the annotations expected afterwards written out (offsets moved by hand, text and context
// read from the edited text). Beside the whole result each row states which annotations must come
// back as the very objects passed in (no edit reached them and they were clean), which ids the
// event reports as orphaned, and how much text the model read. Every row also equals what
// `applyEdits`, the path the model replaces, gives.
import * as assert from 'assert';
import { applyEdits, contextOf, type TextEdit } from '../../src/sidecar/anchor';
import { LiveAnnotations, replayEdits } from '../../src/sidecar/typing';
import type { Annotation, QuoteAnnotation, SpeakerAnnotation, FigureAnnotation } from '../../src/sidecar/types';
import type { Span } from '../../src/core/types';
import { countingWindow } from './sidecar-fixtures';

const FILLER = 'The board met for two hours and heard eleven speakers. ';
/** Starts with a blank line, so the speaker's name starts at offset 1. */
const DOC = `\nAnn Lee said: "The ferry opens in June." ${FILLER.repeat(3)}It approved 12 ferries.\n`;

function at(text: string, snippet: string): Span {
  const start = text.indexOf(snippet);
  assert.ok(start >= 0, snippet);
  return { start, end: start + snippet.length };
}

function edited(text: string, e: TextEdit): string {
  return text.slice(0, e.start) + e.newText + text.slice(e.end);
}

/** `a` at [start, end) of `text`, with text and context read from it. */
function placedIn<T extends Annotation>(a: T, text: string, start: number, end: number): T {
  return { ...a, start, end, text: text.slice(start, end), ...contextOf(text, start, end) };
}

const base = (id: string, s: Span) => ({ id, ...s, text: DOC.slice(s.start, s.end), ...contextOf(DOC, s.start, s.end), status: 'accepted' as const, origin: 'auto' as const });

const NAME = at(DOC, 'Ann Lee');
const SAID = at(DOC, 'said');
const M: SpeakerAnnotation = { ...base('m', NAME), type: 'speaker', entity: 'ann-lee' };
const Q: QuoteAnnotation = { ...base('q', at(DOC, '"The ferry opens in June."')), type: 'quote', kind: 'direct', speaker: 'ann-lee', cue: SAID, speakerMention: NAME };
const F: FigureAnnotation = { ...base('f', at(DOC, '12 ferries')), type: 'figure', kind: 'count', unit: 'ferries' };
/** "two" in the last filler sentence: far after the quote, before the figure. */
const TWO = { start: DOC.lastIndexOf('two'), end: DOC.lastIndexOf('two') + 3 };

interface Row {
  name: string;
  annotations: Annotation[];
  edits: TextEdit[];
  expected: (after: string) => Annotation[];
  /** Ids of the annotations that come back as the very objects passed in. */
  same: string[];
  orphaned: string[];
  /** Code units read from the edited text. */
  read: number;
}

const insertBeforeF: TextEdit = { start: F.start, end: F.start, newText: 'new ' };
const insertAtStart: TextEdit = { start: 0, end: 0, newText: 'Update: ' };
/** What reading an annotation's text and context costs: its text and the context window, plus one code unit each side. */
const readOf = (length: number, start: number, end: number): number => Math.min(length, end + 33) - Math.max(0, start - 33);

const ROWS: Row[] = [
  {
    name: 'an edit far after: the annotations before it are the same objects, the one after moves',
    annotations: [M, Q, F],
    edits: [insertBeforeF],
    expected: (after) => [M, Q, placedIn(F, after, F.start + 4, F.end + 4)],
    same: ['m', 'q'],
    orphaned: [],
    read: readOf(DOC.length + 4, F.start + 4, F.end + 4),
  },
  {
    name: 'an untouched annotation with orphaned: false loses the flag, as applyEdits drops it',
    annotations: [{ ...M, orphaned: false }, Q, F],
    edits: [insertBeforeF],
    expected: (after) => [M, Q, placedIn(F, after, F.start + 4, F.end + 4)],
    same: ['q'],
    orphaned: [],
    read: readOf(DOC.length + 4, F.start + 4, F.end + 4),
  },
  {
    name: 'an untouched quote with an empty cue: the cue is dropped',
    annotations: [{ ...Q, cue: { start: SAID.start, end: SAID.start } }],
    edits: [insertBeforeF],
    expected: () => [{ ...Q, cue: null }],
    same: [],
    orphaned: [],
    read: 0,
  },
  {
    name: 'an untouched quote without a cue and with an empty speaker mention: the mention is dropped',
    annotations: [{ ...Q, cue: null, speakerMention: { start: NAME.end, end: NAME.end } }],
    edits: [insertBeforeF],
    expected: () => [{ ...Q, cue: null, speakerMention: null }],
    same: [],
    orphaned: [],
    read: 0,
  },
  {
    name: 'an untouched quote without a cue: the same object',
    annotations: [{ ...Q, cue: null }],
    edits: [insertBeforeF],
    expected: () => [{ ...Q, cue: null }],
    same: ['q'],
    orphaned: [],
    read: 0,
  },
  {
    name: 'an insertion at the start: everything moves, a speaker mention at offset 1 too',
    annotations: [M, Q, F],
    edits: [insertAtStart],
    expected: (after) => [
      placedIn(M, after, M.start + 8, M.end + 8),
      { ...placedIn(Q, after, Q.start + 8, Q.end + 8), cue: { start: SAID.start + 8, end: SAID.end + 8 }, speakerMention: { start: NAME.start + 8, end: NAME.end + 8 } },
      placedIn(F, after, F.start + 8, F.end + 8),
    ],
    same: [],
    orphaned: [],
    read: readOf(DOC.length + 8, M.start + 8, M.end + 8) + readOf(DOC.length + 8, Q.start + 8, Q.end + 8),
  },
  {
    name: 'a moved quote with an empty cue and a mention past the end of the text: both dropped',
    annotations: [{ ...Q, cue: { start: SAID.start, end: SAID.start }, speakerMention: { start: DOC.length - 3, end: DOC.length + 2 } }],
    edits: [insertAtStart],
    expected: (after) => [{ ...placedIn(Q, after, Q.start + 8, Q.end + 8), cue: null, speakerMention: null }],
    same: [],
    orphaned: [],
    read: readOf(DOC.length + 8, Q.start + 8, Q.end + 8),
  },
  {
    name: 'a quote far before the edit whose cue lies after it: the cue moves, the quote text is not read',
    annotations: [{ ...Q, cue: { start: F.start, end: F.end } }],
    edits: [{ start: TWO.start, end: TWO.end, newText: 'three' }],
    expected: () => [{ ...Q, cue: { start: F.start + 2, end: F.end + 2 } }],
    same: [],
    orphaned: [],
    read: 0,
  },
  {
    name: 'an annotation deleted whole: orphaned at the place, keeping its text and context, reported',
    annotations: [M, Q, F],
    edits: [{ start: F.start - 1, end: F.end, newText: '' }],
    expected: () => [M, Q, { ...F, start: F.start - 1, end: F.start - 1, orphaned: true }],
    same: ['m', 'q'],
    orphaned: ['f'],
    read: 0,
  },
];

describe('sidecar: live typing model (table)', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const after = row.edits.reduce(edited, DOC);
      const live = new LiveAnnotations(row.annotations);
      assert.strictEqual(live.changed, false, 'a new model has no pending events');
      const window = countingWindow(after);
      assert.deepStrictEqual(live.apply(row.edits, window), row.orphaned, 'orphaned ids');
      assert.strictEqual(live.changed, true);
      assert.strictEqual(window.read, row.read, 'code units read');
      const out = live.annotations();
      assert.deepStrictEqual(out, row.expected(after));
      assert.deepStrictEqual(out, applyEdits(row.annotations, row.edits, after), 'as applyEdits gives');
      assert.deepStrictEqual(
        out.filter((a, i) => a === row.annotations[i]).map((a) => a.id),
        row.same,
        'the very objects passed in',
      );
      assert.strictEqual(live.changed, false);
      assert.strictEqual(live.orphanCount, row.orphaned.length);
      assert.deepStrictEqual(replayEdits(row.annotations, [row.edits], after), row.expected(after), 'an undo snapshot replayed');
    });
  }

  it('an event without edits changes nothing and reports nothing', () => {
    const live = new LiveAnnotations([M, Q, F]);
    const window = countingWindow(DOC);
    assert.deepStrictEqual(live.apply([], window), []);
    assert.deepStrictEqual([live.changed, window.read], [false, 0]);
    assert.deepStrictEqual(live.annotations().map((a, i) => a === [M, Q, F][i]), [true, true, true]);
  });
});
