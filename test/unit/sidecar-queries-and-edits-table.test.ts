// The one set of annotation queries (src/extension/model/targets.ts: annotations at an offset,
// next/previous annotation) and the store's edits that take user input (addAnnotation, addEntity
// and its ids, renameEntity, mergeEntities), each as a table of rows with the whole expected result.
// The queries run on a fixture with nested, equal-span, adjacent and orphaned annotations, once in
// file order and once in reverse order (a hand-edited file need not be sorted).
import * as assert from 'assert';
import { analyze } from '../../src/core';
import { kebab } from '../../src/core/text';
import type { Entity } from '../../src/core/types';
import { contextOf } from '../../src/sidecar/anchor';
import { annotationsAt, neighbourAnnotation } from '../../src/extension/model/targets';
import { validateSidecar } from '../../src/sidecar/schema';
import { compareAnnotations } from '../../src/sidecar/serialize';
import {
  addAnnotation,
  addEntity,
  annotationId,
  emptySidecar,
  mergeEntities,
  renameEntity,
  type AnnotationInit,
} from '../../src/sidecar/store';
import type { Annotation, Sidecar } from '../../src/sidecar/types';
import { sha256Of } from '../hash';

const TEXT = 'Ola Nilsson said: "We open the harbour in June." Critics disagree. Nilsson cited 12 ferries. Ann Lee said: "Too late." May agreed.\n';

function where(snippet: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let k = 0; k <= occurrence; k++) start = TEXT.indexOf(snippet, start + 1);
  assert.ok(start >= 0, snippet);
  return { start, end: start + snippet.length };
}

function span(snippet: string, occurrence = 0): { start: number; end: number; text: string; prefix: string; suffix: string } {
  const { start, end } = where(snippet, occurrence);
  return { start, end, text: snippet, ...contextOf(TEXT, start, end) };
}

const OLA: Entity = { id: 'ola-nilsson', name: 'Ola Nilsson', kind: 'person', aliases: ['Nilsson'] };
const ANN: Entity = { id: 'ann-lee', name: 'Ann Lee', kind: 'person', aliases: [] };
const MAY: Entity = { id: 'may', name: 'May', kind: 'person', aliases: [] };

const S_OLA: Annotation = { id: 's-ola', type: 'speaker', ...span('Ola Nilsson'), status: 'accepted', origin: 'auto', entity: 'ola-nilsson' };
const Q_OLA: Annotation = { id: 'q-ola', type: 'quote', ...span('"We open the harbour in June."'), status: 'suggested', origin: 'auto', kind: 'direct', speaker: 'ola-nilsson', cue: where('said'), speakerMention: where('Ola Nilsson') };
const F_JUNE: Annotation = { id: 'f-june', type: 'figure', ...span('June'), status: 'suggested', origin: 'auto', kind: 'date', unit: null };
/** Accepted, then its text was deleted: orphaned, at the place it was (inside "Critics disagree"). */
const F_GONE: Annotation = { id: 'f-gone', type: 'figure', start: where('disagree').start, end: where('disagree').start, text: 'in 2029', prefix: 'Critics ', suffix: ' disagree', status: 'accepted', origin: 'auto', kind: 'year', unit: null, orphaned: true };
const S_NILSSON: Annotation = { id: 's-nilsson', type: 'speaker', ...span('Nilsson', 1), status: 'rejected', origin: 'auto', entity: 'ola-nilsson' };
const F_12: Annotation = { id: 'f-12', type: 'figure', ...span('12'), status: 'accepted', origin: 'manual', kind: 'count', unit: null };
const F_FERRIES: Annotation = { id: 'f-ferries', type: 'figure', ...span('12 ferries'), status: 'suggested', origin: 'auto', kind: 'count', unit: 'ferries' };
const S_ANN: Annotation = { id: 's-ann', type: 'speaker', ...span('Ann Lee'), status: 'suggested', origin: 'auto', entity: 'ann-lee' };
const Q_ANN: Annotation = { id: 'q-ann', type: 'quote', ...span('"Too late."'), status: 'accepted', origin: 'auto', kind: 'direct', speaker: 'ann-lee', cue: where('said', 1), speakerMention: where('Ann Lee') };
/** "May" read both as a date and as a person: two annotations on one span. */
const F_MAY: Annotation = { id: 'f-may', type: 'figure', ...span('May'), status: 'suggested', origin: 'auto', kind: 'date', unit: null };
const S_MAY: Annotation = { id: 's-may', type: 'speaker', ...span('May'), status: 'suggested', origin: 'auto', entity: 'may' };

/** In file order (start, end, type, id). */
const ORDERED: readonly Annotation[] = [S_OLA, Q_OLA, F_JUNE, F_GONE, S_NILSSON, F_12, F_FERRIES, S_ANN, Q_ANN, F_MAY, S_MAY];

function sidecarOf(annotations: readonly Annotation[], entities: readonly Entity[] = [ANN, MAY, OLA]): Sidecar {
  return {
    version: 1,
    document: { path: 'harbour.txt', sha256: sha256Of(TEXT), length: TEXT.length, offsetUnit: 'utf16' },
    entities: entities.map((e) => ({ ...e, aliases: [...e.aliases] })),
    annotations: annotations.map((a) => structuredClone(a)),
  };
}


const sorted = (): Sidecar => sidecarOf(ORDERED);
const reversed = (): Sidecar => sidecarOf([...ORDERED].reverse());
const all = (): boolean => true;

describe('annotation queries of the extension (targets.ts) on a file of every kind (table)', () => {
  it('the fixture is valid', () => {
    const s = sorted();
    assert.deepStrictEqual(validateSidecar(s), { ok: true, sidecar: s });
  });

  describe('annotationsAt: the innermost non-orphaned annotation with start <= offset <= end first', () => {
    const rows: [string, number, Annotation | undefined][] = [
      ['at the first annotation start', 0, S_OLA],
      ['at an annotation end (exclusive end still counts)', where('Ola Nilsson').end, S_OLA],
      ['inside a quote, outside what it holds', where('harbour').start, Q_OLA],
      ['inside a figure inside a quote: the figure', where('June').start + 1, F_JUNE],
      ['at the place of an orphaned annotation, between annotations: none', F_GONE.start, undefined],
      ['at a shared start: the shorter', where('12').start, F_12],
      ['at the end of the shorter of two with a shared start: still the shorter', where('12').end, F_12],
      ['past the shorter: the longer', where('ferries').start + 2, F_FERRIES],
      ['two on one span: the first in file order', where('May').start + 1, F_MAY],
      ['after the last annotation: none', TEXT.length, undefined],
    ];
    for (const [name, offset, expected] of rows) {
      it(name, () => {
        const s = sorted();
        assert.deepStrictEqual(annotationsAt(s, offset)[0], expected);
        assert.deepStrictEqual(s, sorted(), 'the input is unchanged');
      });
    }
  });

  describe('neighbourAnnotation over every status: by start offset, skipping orphaned ones, wrapping around', () => {
    const rows: [string, number, 1 | -1, Annotation][] = [
      ['forwards from the first start: the next start, not the same one', 0, 1, Q_OLA],
      ['forwards from inside a quote: the figure in it', where('harbour').start, 1, F_JUNE],
      ['forwards past an orphaned one', F_JUNE.start, 1, S_NILSSON],
      ['forwards to a shared start: the first in file order', S_NILSSON.start, 1, F_12],
      ['forwards from a shared start: past both', F_12.start, 1, S_ANN],
      ['forwards from the last start: wraps to the first', F_MAY.start, 1, S_OLA],
      ['backwards past an orphaned one', S_NILSSON.start, -1, F_JUNE],
      ['backwards to a shared start: the last in file order', S_ANN.start, -1, F_FERRIES],
      ['backwards from the first start: wraps to the last', 0, -1, S_MAY],
      ['backwards from the end of the text', TEXT.length, -1, S_MAY],
    ];
    for (const [name, offset, direction, expected] of rows) {
      it(name, () => {
        assert.deepStrictEqual(neighbourAnnotation(sorted(), offset, direction, all), expected);
        assert.deepStrictEqual(neighbourAnnotation(reversed(), offset, direction, all), expected, 'in a file not in order');
      });
    }
    it('only orphaned annotations: none', () => {
      assert.strictEqual(neighbourAnnotation(sidecarOf([F_GONE]), 0, 1, all), undefined);
      assert.strictEqual(neighbourAnnotation(sidecarOf([F_GONE]), TEXT.length, -1, all), undefined);
    });
  });

  it('neighbourAnnotation by default passes over rejected ones', () => {
    assert.deepStrictEqual([neighbourAnnotation(sorted(), F_JUNE.start, 1), neighbourAnnotation(sorted(), F_12.start, -1)], [F_12, F_JUNE]);
  });
});

// ---------------------------------------------------------------------------------------------

const SHORT = 'Ann Lee met Ola Nilsson.  Costs: 12 ferries.\n';

function manual(type: 'quote' | 'speaker' | 'figure', start: number, end: number, id = annotationId(type, start, end, SHORT.slice(start, end))) {
  return { id, start, end, text: SHORT.slice(start, end), ...contextOf(SHORT, start, end), status: 'accepted' as const, origin: 'manual' as const };
}

function shortSidecar(annotations: Annotation[] = [], entities: Entity[] = [ANN]): Sidecar {
  return { version: 1, document: { path: 'short.txt', sha256: sha256Of(SHORT), length: SHORT.length, offsetUnit: 'utf16' }, entities, annotations };
}

function at(snippet: string): { start: number; end: number } {
  const start = SHORT.indexOf(snippet);
  assert.ok(start >= 0, snippet);
  return { start, end: start + snippet.length };
}

describe('addAnnotation (table)', () => {
  const ann = at('Ann Lee');
  const twelve = at('12');
  const gap = SHORT.indexOf('  ');
  const figure12: Annotation = { ...manual('figure', twelve.start, twelve.end), type: 'figure', kind: 'count', unit: null };
  const rows: { name: string; init: AnnotationInit; id?: string; before?: Annotation[]; expected: Annotation | { error: string } }[] = [
    {
      name: 'a quote with defaults: direct, no speaker, no cue or mention',
      init: { type: 'quote', ...at('Costs: 12 ferries.') },
      expected: { ...manual('quote', at('Costs').start, at('ferries.').end), type: 'quote', kind: 'direct', speaker: null, cue: null, speakerMention: null },
    },
    {
      name: 'a quote with speaker, a valid cue and a mention past the end (dropped)',
      init: { type: 'quote', ...at('Costs: 12 ferries.'), kind: 'partial', speaker: 'ann-lee', cue: at('met'), speakerMention: { start: 40, end: SHORT.length + 1 } },
      expected: { ...manual('quote', at('Costs').start, at('ferries.').end), type: 'quote', kind: 'partial', speaker: 'ann-lee', cue: at('met'), speakerMention: null },
    },
    { name: 'a speaker mention, span trimmed of the spaces around it', init: { type: 'speaker', start: ann.start, end: ann.end + 1, entity: 'ann-lee' }, expected: { ...manual('speaker', ann.start, ann.end), type: 'speaker', entity: 'ann-lee' } },
    { name: 'a figure with defaults: count, no unit', init: { type: 'figure', start: twelve.start - 1, end: twelve.end }, expected: figure12 },
    { name: 'a figure up to the end of the text', init: { type: 'figure', start: SHORT.length - 9, end: SHORT.length, kind: 'vague', unit: 'ferries' }, expected: { ...manual('figure', SHORT.length - 9, SHORT.length - 1), type: 'figure', kind: 'vague', unit: 'ferries' } },
    { name: 'with a given id', init: { type: 'figure', ...twelve }, id: 'f-mine', expected: { ...figure12, id: 'f-mine' } },
    { name: 'the same figure again: a salted id', init: { type: 'figure', ...twelve }, before: [figure12], expected: { ...figure12, id: annotationId('figure', twelve.start, twelve.end, '12', 1) } },
    {
      name: 'the same figure a third time: the next salt',
      init: { type: 'figure', ...twelve },
      before: [figure12, { ...figure12, id: annotationId('figure', twelve.start, twelve.end, '12', 1) }],
      expected: { ...figure12, id: annotationId('figure', twelve.start, twelve.end, '12', 2) },
    },
    { name: 'a start that is not a whole number', init: { type: 'figure', start: 1.5, end: 4 }, expected: { error: 'Offsets must be whole numbers' } },
    { name: 'an end that is not a whole number', init: { type: 'figure', start: 1, end: 4.5 }, expected: { error: 'Offsets must be whole numbers' } },
    { name: 'a negative start', init: { type: 'figure', start: -1, end: 3 }, expected: { error: `Span -1-3 is outside the document (length ${SHORT.length})` } },
    { name: 'an end past the text', init: { type: 'figure', start: 0, end: SHORT.length + 1 }, expected: { error: `Span 0-${SHORT.length + 1} is outside the document (length ${SHORT.length})` } },
    { name: 'start after end', init: { type: 'figure', start: 6, end: 4 }, expected: { error: `Span 6-4 is outside the document (length ${SHORT.length})` } },
    { name: 'an empty span', init: { type: 'figure', start: 5, end: 5 }, expected: { error: 'The selection is empty' } },
    { name: 'only a space, with another space after it', init: { type: 'figure', start: gap, end: gap + 1 }, expected: { error: 'The selection is empty' } },
    { name: 'an id already used', init: { type: 'figure', ...twelve }, id: 'f-12', before: [{ ...figure12, id: 'f-12' }], expected: { error: 'Annotation id "f-12" is empty or already used' } },
    { name: 'an empty id', init: { type: 'figure', ...twelve }, id: '', expected: { error: 'Annotation id "" is empty or already used' } },
    { name: 'a quote by an unknown entity', init: { type: 'quote', ...at('Costs: 12 ferries.'), speaker: 'ola-nilsson' }, expected: { error: 'Unknown entity "ola-nilsson"' } },
    { name: 'a mention of an unknown entity', init: { type: 'speaker', ...at('Ola Nilsson'), entity: 'ola-nilsson' }, expected: { error: 'Unknown entity "ola-nilsson"' } },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const before = shortSidecar(row.before);
      const result = addAnnotation(before, SHORT, row.init, row.id === undefined ? {} : { id: row.id });
      assert.deepStrictEqual(before, shortSidecar(row.before), 'the input is unchanged');
      if ('error' in row.expected) {
        assert.deepStrictEqual(result, row.expected);
        return;
      }
      const after = shortSidecar([...(row.before ?? []), row.expected].sort(compareAnnotations));
      assert.deepStrictEqual(result, { sidecar: after, annotation: row.expected });
      const validated = validateSidecar(after);
      assert.deepStrictEqual(validated.ok ? [] : validated.issues, [], 'the expected sidecar is valid');
    });
  }
});

describe('addEntity (table)', () => {
  const rows: [string, Entity[], string, Entity][] = [
    ['spaces trimmed and collapsed', [], '  Ola \t Nilsson ', { id: 'ola-nilsson', name: 'Ola Nilsson', kind: 'group', aliases: [] }],
    ['a blank name', [], '   ', { id: 'unnamed', name: 'Unnamed', kind: 'group', aliases: [] }],
    ['a name without Latin letters or digits', [], '山田太郎', { id: 'entity', name: '山田太郎', kind: 'group', aliases: [] }],
    ['an id in use', [ANN], 'Ann Lee', { id: 'ann-lee-2', name: 'Ann Lee', kind: 'group', aliases: [] }],
    ['an id and its -2 in use', [ANN, { ...ANN, id: 'ann-lee-2' }], 'ann lee', { id: 'ann-lee-3', name: 'ann lee', kind: 'group', aliases: [] }],
  ];
  for (const [name, entities, input, expected] of rows) {
    it(name, () => {
      const result = addEntity(shortSidecar([], entities), input, 'group');
      assert.deepStrictEqual(result, { sidecar: shortSidecar([], [...entities, expected].sort((a, b) => (a.id < b.id ? -1 : 1))), entity: expected });
    });
  }
});

describe('addEntity ids: the ids the analysis gives the same name (table)', () => {
  const rows: [string, string][] = [
    ['Sir Keir Starmer', 'sir-keir-starmer'],
    ['José Núñez', 'jose-nunez'],
    ["Conan O'Brien", 'conan-obrien'],
    ['Shaquille O’Neal', 'shaquille-oneal'],
    ['U.S. Army', 'us-army'],
    ['The Mayor', 'mayor'],
    ['The', 'the'],
    ['Straße Amt', 'strasse-amt'],
    ['“Ann” -- Lee!', 'ann-lee'],
    ['R2-D2 & C-3PO', 'r2-d2-c-3po'],
    ['山田', 'entity'],
  ];
  for (const [input, expected] of rows) {
    it(`${input} -> ${expected}`, () => {
      const { entity } = addEntity(emptySidecar('a.txt', '', sha256Of('')), input, 'person');
      assert.deepStrictEqual([entity.id, kebab(input)], [expected, expected]);
    });
  }

  it('a name the analysis found and the same name added by hand get one id', () => {
    const text = '“The works start in May,” said U.S. Army spokesman José Núñez.';
    const found = analyze(text).entities.map((e) => [e.name, e.id]);
    const added = found.map(([name]) => [name, addEntity(emptySidecar('a.txt', text, sha256Of(text)), name, 'person').entity.id]);
    assert.deepStrictEqual(added, found);
    assert.ok(found.length > 0);
  });
});

describe('renameEntity and mergeEntities, with a bystander entity (table)', () => {
  const THIRD: Entity = { id: 'ann-lee', name: 'Ann Lee', kind: 'person', aliases: ['Lee'] };
  const BERG: Entity = { id: 'berg', name: 'Berg', kind: 'organization', aliases: ['Berg AB'] };
  const OLA2: Entity = { id: 'ola-nilsson', name: 'Ola Nilsson', kind: 'person', aliases: ['Nilsson', 'OLA NILSSON'] };
  const annS = manual('speaker', at('Ann Lee').start, at('Ann Lee').end, 's-ann');
  const olaS = manual('speaker', at('Ola Nilsson').start, at('Ola Nilsson').end, 's-ola');
  const quote = manual('quote', at('Costs').start, at('ferries.').end, 'q-1');
  const S_A: Annotation = { ...annS, type: 'speaker', entity: 'ann-lee' };
  const S_O: Annotation = { ...olaS, type: 'speaker', entity: 'ola-nilsson' };
  const Q_A: Annotation = { ...quote, type: 'quote', kind: 'direct', speaker: 'ann-lee', cue: null, speakerMention: null };
  const fixture = (): Sidecar => shortSidecar([S_A, S_O, Q_A], [THIRD, BERG, OLA2]);
  const rows: [string, (s: Sidecar) => Sidecar, Sidecar][] = [
    ['rename in case only: no alias added', (s) => renameEntity(s, 'ann-lee', 'ANN LEE'), shortSidecar([S_A, S_O, Q_A], [{ ...THIRD, name: 'ANN LEE' }, BERG, OLA2])],
    ['rename when the old name is already an alias in another case: not added twice', (s) => renameEntity(s, 'ola-nilsson', 'Ola N.'), shortSidecar([S_A, S_O, Q_A], [THIRD, BERG, { ...OLA2, name: 'Ola N.' }])],
    ['rename of an unknown id: nothing changes', (s) => renameEntity(s, 'nobody', 'Someone'), fixture()],
    ['rename to the same name: nothing changes', (s) => renameEntity(s, 'berg', ' Berg '), fixture()],
    [
      'merge into an entity that is not the first: quotes of a third entity keep their speaker',
      (s) => mergeEntities(s, 'ola-nilsson', 'berg'),
      shortSidecar([S_A, { ...S_O, entity: 'berg' }, Q_A], [THIRD, { ...BERG, aliases: ['Berg AB', 'Ola Nilsson', 'Nilsson'] }]),
    ],
    [
      'merge a quoted speaker into another: only its quote and mention move',
      (s) => mergeEntities(s, 'ann-lee', 'ola-nilsson'),
      shortSidecar([{ ...S_A, entity: 'ola-nilsson' }, S_O, { ...Q_A, speaker: 'ola-nilsson' }], [BERG, { ...OLA2, aliases: ['Nilsson', 'OLA NILSSON', 'Ann Lee', 'Lee'] }]),
    ],
    ['merge into an unknown entity: nothing changes', (s) => mergeEntities(s, 'ann-lee', 'nobody'), fixture()],
  ];
  for (const [name, op, expected] of rows) {
    it(name, () => {
      const input = fixture();
      assert.deepStrictEqual(op(input), expected);
      assert.deepStrictEqual(input, fixture(), 'the input is unchanged');
    });
  }
});
