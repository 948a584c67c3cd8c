// Pure review model: progress counts and the next/previous unreviewed annotation.
import assert from 'node:assert/strict';
import { nextUnreviewed, progressText, reviewProgress } from '../../src/extension/model/review';
import type { Annotation, AnnotationStatus, Sidecar } from '../../src/sidecar/types';
import { buildSample, span, TEXT } from './extension-fixtures';

/**
 * The sample as the analyser would have left it (every annotation found automatically), with the
 * sample's statuses: accepted Brandt mention, q1 and money; suggested figure "3 new parks" (inside
 * q1) and q2; rejected q3.
 */
function autoSample() {
  const built = buildSample();
  const sidecar: Sidecar = { ...built.sidecar, annotations: built.sidecar.annotations.map((a) => ({ ...a, origin: 'auto' as const })) };
  return { sidecar, ids: built.ids };
}

function withChanges(sidecar: Sidecar, change: (a: Annotation) => Partial<Annotation>): Sidecar {
  return { ...sidecar, annotations: sidecar.annotations.map((a) => ({ ...a, ...change(a) }) as Annotation) };
}

/** Ids of next (1) or previous (-1) unreviewed annotation from a cursor or selection. */
function next(sidecar: Sidecar, start: number, end: number, direction: 1 | -1): string | undefined {
  return nextUnreviewed(sidecar, start, end, direction)?.id;
}

describe('extension model: review progress', () => {
  it('counts accepted, rejected and manual annotations as reviewed, out of all of them', () => {
    const { sidecar, ids } = autoSample();
    assert.deepStrictEqual(reviewProgress(sidecar), { reviewed: 4, total: 6 });
    // A hand-tagged annotation is reviewed whatever its status says.
    const manualSuggestion = withChanges(sidecar, (a) => (a.id === ids.q2 ? { origin: 'manual' } : {}));
    assert.deepStrictEqual(reviewProgress(manualSuggestion), { reviewed: 5, total: 6 });
    // Orphaned ones stay in the total: they are kept and still wait for a decision.
    const orphaned = withChanges(sidecar, (a) => (a.id === ids.figure ? { orphaned: true } : {}));
    assert.deepStrictEqual(reviewProgress(orphaned), { reviewed: 4, total: 6 });
  });

  it('reads 0/0 without a sidecar and formats the status text', () => {
    assert.deepStrictEqual(reviewProgress(undefined), { reviewed: 0, total: 0 });
    assert.strictEqual(progressText({ reviewed: 12, total: 40 }), 'QuoteLens 12/40 reviewed');
  });
});

describe('extension model: nextUnreviewed', () => {
  const figure = span(TEXT, '3 new parks');
  const q2 = span(TEXT, '"Nobody waits longer."');

  it('goes forward and back from the start, wrapping, skipping reviewed and rejected ones', () => {
    const { sidecar, ids } = autoSample();
    assert.deepStrictEqual([next(sidecar, 0, 0, 1), next(sidecar, 0, 0, -1)], [ids.figure, ids.q2]);
    assert.deepStrictEqual([next(sidecar, TEXT.length, TEXT.length, 1), next(sidecar, TEXT.length, TEXT.length, -1)], [ids.figure, ids.q2]);
  });

  it('from a cursor inside an annotation: forward leaves it, back goes to its start', () => {
    const { sidecar, ids } = autoSample();
    const inside = figure.start + 2;
    assert.deepStrictEqual([next(sidecar, inside, inside, 1), next(sidecar, inside, inside, -1)], [ids.q2, ids.figure]);
  });

  it('from the annotation selected, or the cursor at its end, goes on to the neighbours', () => {
    const { sidecar, ids } = autoSample();
    assert.deepStrictEqual([next(sidecar, figure.start, figure.end, 1), next(sidecar, figure.start, figure.end, -1)], [ids.q2, ids.q2]);
    assert.deepStrictEqual([next(sidecar, figure.end, figure.end, 1), next(sidecar, q2.end, q2.end, 1)], [ids.q2, ids.figure]);
    // The only unreviewed one left wraps onto itself.
    const one = withChanges(sidecar, (a) => (a.id === ids.q2 ? { status: 'accepted' as AnnotationStatus } : {}));
    assert.deepStrictEqual([next(one, figure.start, figure.end, 1), next(one, figure.start, figure.end, -1)], [ids.figure, ids.figure]);
  });

  it('skips orphaned suggestions', () => {
    const { sidecar, ids } = autoSample();
    const orphaned = withChanges(sidecar, (a) => (a.id === ids.figure ? { orphaned: true } : {}));
    assert.deepStrictEqual([next(orphaned, 0, 0, 1), next(orphaned, q2.end, q2.end, 1), next(orphaned, 0, 0, -1)], [ids.q2, ids.q2, ids.q2]);
  });

  it('finds nothing when only rejected, reviewed or no annotations are left', () => {
    const { sidecar } = autoSample();
    const onlyRejected = withChanges(sidecar, () => ({ status: 'rejected' as AnnotationStatus }));
    const allReviewed = withChanges(sidecar, (a) => (a.status === 'suggested' ? { status: 'accepted' as AnnotationStatus } : {}));
    const none: Sidecar = { ...sidecar, annotations: [] };
    assert.deepStrictEqual(
      [onlyRejected, allReviewed, none].flatMap((s) => [next(s, 0, 0, 1), next(s, 0, 0, -1)]),
      [undefined, undefined, undefined, undefined, undefined, undefined],
    );
    assert.deepStrictEqual(reviewProgress(onlyRejected), { reviewed: 6, total: 6 });
  });
});
