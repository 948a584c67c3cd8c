/**
 * Decoration plan edges, compared whole: annotations out of document order (the plan sorts each
 * bucket by start, then end), empty spans, speaker names with stray whitespace or a missing entity,
 * and how often the stepped build stops for each step size.
 */
import assert from 'node:assert/strict';
import { decorationPlan, decorationPlanInSteps, emptyPlan, type DecorationSettings } from '../../src/extension/model/decorationPlan';
import type { Annotation, Sidecar } from '../../src/sidecar/types';
import { buildSample, span, TEXT } from './extension-fixtures';

const ALL_ON: DecorationSettings = { quotes: true, speakers: true, figures: true, showSuggestions: true, speakerAfterQuote: true };

/**
 * The sample in reverse order, Brandt's name spaced out, the second quote's speaker an entity that
 * does not exist, the money figure emptied to a point, and a hand-tagged quote sharing the first
 * quote's start but ending earlier.
 */
function untidy(): Sidecar {
  const { sidecar, ids, brandt } = buildSample();
  const q1 = sidecar.annotations.find((a) => a.id === ids.q1)!;
  const inner = span(TEXT, '"We will open');
  const shorter: Annotation = { ...q1, id: 'q-short', ...inner, text: TEXT.slice(inner.start, inner.end) };
  const annotations = sidecar.annotations.map((a): Annotation => {
    if (a.id === ids.q2 && a.type === 'quote') return { ...a, speaker: 'gone' };
    if (a.id === ids.money) return { ...a, end: a.start, text: '' };
    return a;
  });
  return {
    ...sidecar,
    entities: sidecar.entities.map((e) => (e.id === brandt ? { ...e, name: ' Ilse \n  Brandt ' } : e)),
    annotations: [shorter, ...annotations].reverse(),
  };
}

describe('extension model: decoration plan table', () => {
  it('sorts each bucket and the labels, skips empty spans, tidies names and marks unknown speakers', () => {
    const q1 = span(TEXT, '"We will open 3 new parks by 2027."');
    const q2 = span(TEXT, '"Nobody waits longer."');
    assert.deepStrictEqual(decorationPlan(untidy(), ALL_ON), {
      ...emptyPlan(),
      'quote.suggested': [q2],
      'quote.manual': [span(TEXT, '"We will open'), q1],
      'speaker.manual': [span(TEXT, 'Ilse Brandt')],
      'figure.suggested': [span(TEXT, '3 new parks')],
      speakerLabels: [
        { at: span(TEXT, '"We will open').end, label: '— Ilse Brandt' },
        { at: q1.end, label: '— Ilse Brandt' },
        { at: q2.end, label: '— ?' },
      ],
    });
  });

  it('stops once per step after the first and once before sorting, and not at all in one step', () => {
    const sidecar = untidy();
    const n = sidecar.annotations.length;
    const rows: [number, number][] = [
      [1, n],
      [2, Math.ceil(n / 2)],
      [n - 1, 2],
      [n, 0],
      [n + 1, 0],
      [Infinity, 0],
    ];
    const stops = rows.map(([perStep]): [number, number] => {
      const steps = decorationPlanInSteps(sidecar, ALL_ON, perStep);
      let count = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) count++;
      assert.deepStrictEqual(step.value, decorationPlan(sidecar, ALL_ON), `the plan in steps of ${perStep}`);
      return [perStep, count];
    });
    assert.deepStrictEqual(stops, rows);
  });
});
