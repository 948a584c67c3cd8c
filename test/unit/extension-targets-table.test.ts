/**
 * Next / previous annotation as a table over the sample (mention, quote, figure inside it, a
 * suggested quote, a rejected quote, the money figure): from each start, both ways, with the
 * default filter (rejected ones are passed over), with every annotation included, and with an
 * orphaned one. Also where navigation starts from a selection.
 */
import assert from 'node:assert/strict';
import { annotationsAt, navigationOrigin, neighbourAnnotation, targetAnnotations } from '../../src/extension/model/targets';
import type { Sidecar } from '../../src/sidecar/types';
import { buildSample, span, TEXT } from './extension-fixtures';

describe('extension model: targets table', () => {
  it('moves to the next or previous annotation start, wrapping, passing over rejected and orphaned ones', () => {
    const { sidecar, ids } = buildSample();
    const startOf = (id: string): number => sidecar.annotations.find((a) => a.id === id)!.start;
    const everything = (): boolean => true;
    const orphanedFigure: Sidecar = { ...sidecar, annotations: sidecar.annotations.map((a) => (a.id === ids.figure ? { ...a, orphaned: true } : a)) };
    // The sidecar backwards, plus a quote sharing the first quote's start but ending earlier.
    const q1 = sidecar.annotations.find((a) => a.id === ids.q1)!;
    const reversedWithInner: Sidecar = { ...sidecar, annotations: [...sidecar.annotations, { ...q1, id: 'inner', end: q1.end - 5 }].reverse() };
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
      ['forward, sidecar in reverse order', reversedWithInner, startOf(ids.mention), 1, undefined, 'inner'],
      ['forward from the shorter of two at one start', reversedWithInner, startOf(ids.q1), 1, undefined, ids.figure],
      ['back, sidecar in reverse order: the longer of two at one start is later', reversedWithInner, startOf(ids.figure), -1, undefined, ids.q1],
      ['back past the rejected quote, sidecar in reverse order', reversedWithInner, startOf(ids.money), -1, undefined, ids.q2],
      ['only rejected ones: none to go to', { ...sidecar, annotations: sidecar.annotations.filter((a) => a.id === ids.q3) }, 0, 1, undefined, undefined],
    ];
    assert.deepStrictEqual(
      rows.map(([name, s, offset, direction, include]) => [name, neighbourAnnotation(s, offset, direction, include)?.id]),
      rows.map(([name, , , , , expected]) => [name, expected]),
    );
  });

  it('lists the annotations at an offset, ends included, innermost first whatever their order in the sidecar', () => {
    const { sidecar, ids } = buildSample();
    const reversed: Sidecar = { ...sidecar, annotations: [...sidecar.annotations].reverse() };
    const parks = span(TEXT, '3 new parks');
    const q1 = span(TEXT, '"We will open 3 new parks by 2027."');
    const rows: [string, Sidecar, number, string[]][] = [
      ['inside the figure inside the quote', sidecar, parks.start + 1, [ids.figure, ids.q1]],
      ['the same, sidecar in reverse order', reversed, parks.start + 1, [ids.figure, ids.q1]],
      ["at the figure's end", reversed, parks.end, [ids.figure, ids.q1]],
      ["at the quote's end", sidecar, q1.end, [ids.q1]],
      ["at the quote's start", sidecar, q1.start, [ids.q1]],
      ['just before the quote', sidecar, q1.start - 1, []],
    ];
    assert.deepStrictEqual(
      rows.map(([name, s, offset]) => [name, annotationsAt(s, offset).map((a) => a.id)]),
      rows.map(([name, , , expected]) => [name, expected]),
    );
  });

  it('a selection targets every live annotation overlapping it (touching is not overlapping), in document order', () => {
    const { sidecar, ids } = buildSample();
    const reversed: Sidecar = { ...sidecar, annotations: [...sidecar.annotations].reverse() };
    const orphanedFigure: Sidecar = { ...sidecar, annotations: sidecar.annotations.map((a) => (a.id === ids.figure ? { ...a, orphaned: true } : a)) };
    const parks = span(TEXT, '3 new parks');
    const q1 = span(TEXT, '"We will open 3 new parks by 2027."');
    const mention = span(TEXT, 'Ilse Brandt');
    const rows: [string, Sidecar, number, number, string[]][] = [
      ['the figure selected', reversed, parks.start, parks.end, [ids.q1, ids.figure]],
      ['the figure selected, it orphaned', orphanedFigure, parks.start, parks.end, [ids.q1]],
      ['from the mention into the quote', reversed, mention.start, q1.start + 1, [ids.mention, ids.q1]],
      ['ending where the quote starts', sidecar, mention.start, q1.start, [ids.mention]],
      ['starting where the mention ends', sidecar, mention.end, q1.start, []],
    ];
    assert.deepStrictEqual(
      rows.map(([name, s, start, end]) => [name, targetAnnotations(s, start, end).map((a) => a.id)]),
      rows.map(([name, , , , expected]) => [name, expected]),
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
