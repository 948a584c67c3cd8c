/**
 * Re-anchoring with duplicated paragraphs: reviewed work stays on its own copy. An annotation whose
 * text is gone from its copy is kept orphaned rather than moved onto the other copy, whose own
 * annotation keeps it.
 */
import assert from 'node:assert/strict';
import { contextOf, reanchor } from '../../src/sidecar/anchor';
import type { Span } from '../../src/core/types';
import type { Annotation } from '../../src/sidecar/types';
import { at } from './sidecar-fixtures';

function figure(doc: string, span: Span, id: string): Annotation {
  return { id, type: 'figure', kind: 'count', unit: null, start: span.start, end: span.end, text: doc.slice(span.start, span.end), ...contextOf(doc, span.start, span.end), status: 'accepted', origin: 'manual' };
}

/** `a` moved to `span` of `doc`, text and context read from `doc`. */
function movedTo(a: Annotation, doc: string, span: Span): Annotation {
  return { ...a, start: span.start, end: span.end, text: doc.slice(span.start, span.end), ...contextOf(doc, span.start, span.end) };
}

describe('sidecar reanchor: each copy of a duplicated paragraph keeps its own annotations', () => {
  const P = 'The council met at noon. The vote was 9 to 2 in the end.\n';
  const doc = 'Oslo report today.\n' + P + 'Bergen report today.\n' + P;

  it('the first copy edited before its figure: the first figure is orphaned, the second stays on its copy', () => {
    const heading = figure(doc, at(doc, 'Bergen report today'), 'h');
    const first = figure(doc, at(doc, '9 to 2', 0), 'f1');
    const second = figure(doc, at(doc, '9 to 2', 1), 'f2');
    const newDoc = doc.replace('9 to 2', '10 to 2');
    assert.deepStrictEqual(reanchor(newDoc, [heading, first, second]), [
      movedTo(heading, newDoc, at(newDoc, 'Bergen report today')),
      { ...first, orphaned: true },
      movedTo(second, newDoc, at(newDoc, '9 to 2')),
    ]);
  });

  // Nothing else annotated: no anchor tells the copies apart, only the context stored with each
  // figure (the first one's suffix runs into the second copy, the second one's ends with the text).
  const bare = P + P;
  const intro = 'A much longer introduction that shifts everything by more than half a paragraph.\n';
  const rows: { name: string; newDoc: string; want: (Span | 'orphaned')[] }[] = [
    { name: 'the first figure edited: it is orphaned, the second keeps its copy', newDoc: bare.replace('9 to 2', '10 to 2'), want: ['orphaned', at(bare.replace('9 to 2', '10 to 2'), '9 to 2')] },
    { name: 'the second figure edited: it is orphaned, the first keeps its copy', newDoc: P + P.replace('9 to 2', '10 to 2'), want: [at(P, '9 to 2'), 'orphaned'] },
    { name: 'a long text inserted before both copies: each keeps its own', newDoc: intro + bare, want: [at(intro + bare, '9 to 2', 0), at(intro + bare, '9 to 2', 1)] },
    { name: 'the first copy deleted: the second figure keeps the text, the first is orphaned', newDoc: P, want: ['orphaned', at(P, '9 to 2')] },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const figures = [0, 1].map((k) => figure(bare, at(bare, '9 to 2', k), `f${k}`));
      const want = figures.map((a, k) => {
        const span = row.want[k];
        return span === 'orphaned' ? { ...a, start: Math.min(a.start, row.newDoc.length), end: Math.min(a.end, row.newDoc.length), orphaned: true } : movedTo(a, row.newDoc, span);
      });
      assert.deepStrictEqual(reanchor(row.newDoc, figures), want);
    });
  }
});
