/**
 * Next / previous annotation as a table over the sample (mention, quote, figure inside it, a
 * suggested quote, a rejected quote, the money figure): from each start, both ways, with the
 * default filter (rejected ones are passed over), with every annotation included, and with an
 * orphaned one. Also where navigation starts from a selection.
 */
import assert from 'node:assert/strict';
import { navigationOrigin, neighbourAnnotation } from '../../src/extension/model/targets';
import type { Sidecar } from '../../src/sidecar/types';
import { buildSample, span, TEXT } from './extension-fixtures';

describe('extension model: targets table', () => {
  it('moves to the next or previous annotation start, wrapping, passing over rejected and orphaned ones', () => {
    const { sidecar, ids } = buildSample();
    const startOf = (id: string): number => sidecar.annotations.find((a) => a.id === id)!.start;
    const everything = (): boolean => true;
    const orphanedFigure: Sidecar = { ...sidecar, annotations: sidecar.annotations.map((a) => (a.id === ids.figure ? { ...a, orphaned: true } : a)) };
    const rows: [string, Sidecar, number, 1 | -1, ((a: Sidecar['annotations'][number]) => boolean) | undefined, string | undefined][] = [
      ['forward from the document start', sidecar, 0, 1, undefined, ids.mention],
      ['forward from a start: the next start, not this one', sidecar, startOf(ids.mention), 1, undefined, ids.q1],
      ['forward from the quote: the figure inside it', sidecar, startOf(ids.q1), 1, undefined, ids.figure],
      ['forward past the rejected quote', sidecar, startOf(ids.q2), 1, undefined, ids.money],
      ['forward from inside the rejected quote', sidecar, startOf(ids.q3), 1, undefined, ids.money],
      ['forward from the last start wraps to the first', sidecar, startOf(ids.money), 1, undefined, ids.mention],
      ['back past the rejected quote', sidecar, startOf(ids.money), -1, undefined, ids.q2],
      ['back from a start: the previous start, not this one', sidecar, startOf(ids.q1), -1, undefined, ids.mention],
      ['back from the first start wraps to the last', sidecar, startOf(ids.mention), -1, undefined, ids.money],
      ['back from the document end', sidecar, TEXT.length, -1, undefined, ids.money],
      ['forward with rejected ones included', sidecar, startOf(ids.q2), 1, everything, ids.q3],
      ['back with rejected ones included', sidecar, startOf(ids.money), -1, everything, ids.q3],
      ['forward past an orphaned figure', orphanedFigure, startOf(ids.q1), 1, undefined, ids.q2],
      ['back past an orphaned figure', orphanedFigure, startOf(ids.q2), -1, undefined, ids.q1],
      ['only rejected ones: none to go to', { ...sidecar, annotations: sidecar.annotations.filter((a) => a.id === ids.q3) }, 0, 1, undefined, undefined],
    ];
    assert.deepStrictEqual(
      rows.map(([name, s, offset, direction, include]) => [name, neighbourAnnotation(s, offset, direction, include)?.id]),
      rows.map(([name, , , , , expected]) => [name, expected]),
    );
  });

  it('starts forward from just inside the selection end, back from its start', () => {
    const sel = span(TEXT, 'Brandt');
    assert.deepStrictEqual(
      [navigationOrigin(sel.start, sel.end, 1), navigationOrigin(sel.start, sel.end, -1), navigationOrigin(5, 5, 1), navigationOrigin(5, 5, -1)],
      [sel.end - 1, sel.start, 5, 5],
    );
  });
});
