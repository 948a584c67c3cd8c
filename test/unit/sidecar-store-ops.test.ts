// Every store operation on a fixture that holds what real files hold: two entities each with a
// speaker mention and a quote, a rejected suggestion, an orphaned accepted annotation and one
// tagged by hand. Each result is compared whole with a sidecar written out here by hand, is
// validated, and the input is left exactly as it was.
import * as assert from 'assert';
import { validateSidecar } from '../../src/sidecar/schema';
import { acceptAll, mergeEntities, removeAnnotation, renameEntity, setQuoteSpeaker, setStatus } from '../../src/sidecar/store';
import type { Entity } from '../../src/core/types';
import type { Annotation, QuoteAnnotation, Sidecar } from '../../src/sidecar/types';
import { contextOf } from '../../src/sidecar/anchor';
import { sha256Of } from '../hash';

const TEXT = '"The pier opens in May," said Anna Berg. The mayor said: "Not before June." Costs: 4 million euros. Monday.\n';

function span(snippet: string): { start: number; end: number; text: string; prefix: string; suffix: string } {
  const start = TEXT.indexOf(snippet);
  assert.ok(start >= 0, snippet);
  return { start, end: start + snippet.length, text: snippet, ...contextOf(TEXT, start, start + snippet.length) };
}

function within(snippet: string): { start: number; end: number } {
  const { start, end } = span(snippet);
  return { start, end };
}

const ANNA: Entity = { id: 'anna-berg', name: 'Anna Berg', kind: 'person', aliases: ['Berg'] };
const MAYOR: Entity = { id: 'the-mayor', name: 'The mayor', kind: 'person', aliases: ['Mayor'] };

const Q1: Annotation = { id: 'q-1', type: 'quote', ...span('"The pier opens in May,"'), status: 'suggested', origin: 'auto', kind: 'direct', speaker: 'anna-berg', cue: within('said'), speakerMention: within('Anna Berg'), rule: 'after.said-x' };
const S1: Annotation = { id: 's-1', type: 'speaker', ...span('Anna Berg'), status: 'accepted', origin: 'auto', entity: 'anna-berg' };
const S2: Annotation = { id: 's-2', type: 'speaker', ...span('The mayor'), status: 'suggested', origin: 'auto', entity: 'the-mayor' };
const Q2: Annotation = { id: 'q-2', type: 'quote', ...span('"Not before June."'), status: 'suggested', origin: 'auto', kind: 'direct', speaker: 'the-mayor', cue: null, speakerMention: within('The mayor'), rule: 'before.x-said' };
const F1: Annotation = { id: 'f-1', type: 'figure', ...span('4 million euros'), status: 'rejected', origin: 'auto', kind: 'money', unit: 'euros' };
const F2: Annotation = { id: 'f-2', type: 'figure', ...span('Monday'), status: 'accepted', origin: 'manual', kind: 'date', unit: null };
/** Accepted, then its text was deleted: kept, orphaned, at the place it was. */
const F3: Annotation = { id: 'f-3', type: 'figure', start: 10, end: 10, text: 'in 2029', prefix: 'The pier ', suffix: ' opens', status: 'accepted', origin: 'auto', kind: 'year', unit: null, orphaned: true };

function withoutRule(a: Annotation): QuoteAnnotation {
  assert.ok(a.type === 'quote');
  const out: QuoteAnnotation = { ...a };
  delete out.rule;
  return out;
}

function fixture(): Sidecar {
  return {
    version: 1,
    document: { path: 'pier.txt', sha256: sha256Of(TEXT), length: TEXT.length, offsetUnit: 'utf16' },
    entities: [ANNA, MAYOR],
    annotations: [Q1, F3, S1, S2, Q2, F1, F2],
  };
}

function withAnnotations(annotations: Annotation[], entities: Entity[] = [ANNA, MAYOR]): Sidecar {
  return { ...fixture(), entities, annotations };
}

interface Row {
  name: string;
  op: (s: Sidecar) => Sidecar;
  expected: Sidecar;
}

const ROWS: Row[] = [
  { name: 'setStatus accepts the given ids only', op: (s) => setStatus(s, ['q-1', 'f-1'], 'accepted'), expected: withAnnotations([{ ...Q1, status: 'accepted' }, F3, S1, S2, Q2, { ...F1, status: 'accepted' }, F2]) },
  { name: 'setStatus rejects, also an orphaned one', op: (s) => setStatus(s, ['s-2', 'f-3'], 'rejected'), expected: withAnnotations([Q1, { ...F3, status: 'rejected' }, S1, { ...S2, status: 'rejected' }, Q2, F1, F2]) },
  { name: 'setStatus with an unknown id changes nothing', op: (s) => setStatus(s, ['nope'], 'accepted'), expected: fixture() },
  { name: 'acceptAll accepts suggestions only: rejected stays rejected', op: acceptAll, expected: withAnnotations([{ ...Q1, status: 'accepted' }, F3, S1, { ...S2, status: 'accepted' }, { ...Q2, status: 'accepted' }, F1, F2]) },
  { name: 'removeAnnotation removes one, also a rejected one', op: (s) => removeAnnotation(removeAnnotation(s, 'f-1'), 'q-2'), expected: withAnnotations([Q1, F3, S1, S2, F2]) },
  { name: 'setQuoteSpeaker to the other entity drops the rule that found the old one', op: (s) => setQuoteSpeaker(s, 'q-1', 'the-mayor'), expected: withAnnotations([{ ...withoutRule(Q1), speaker: 'the-mayor' }, F3, S1, S2, Q2, F1, F2]) },
  { name: 'setQuoteSpeaker to nobody drops the rule', op: (s) => setQuoteSpeaker(s, 'q-2', null), expected: withAnnotations([Q1, F3, S1, S2, { ...withoutRule(Q2), speaker: null }, F1, F2]) },
  { name: 'setQuoteSpeaker to the same speaker keeps the rule', op: (s) => setQuoteSpeaker(s, 'q-1', 'anna-berg'), expected: fixture() },
  { name: 'setQuoteSpeaker to an unknown entity changes nothing', op: (s) => setQuoteSpeaker(s, 'q-1', 'ghost'), expected: fixture() },
  { name: 'setQuoteSpeaker on a figure changes nothing', op: (s) => setQuoteSpeaker(s, 'f-1', 'anna-berg'), expected: fixture() },
  { name: 'renameEntity keeps the id and makes the old name an alias', op: (s) => renameEntity(s, 'anna-berg', '  Anna  Lind '), expected: withAnnotations([Q1, F3, S1, S2, Q2, F1, F2], [{ ...ANNA, name: 'Anna Lind', aliases: ['Berg', 'Anna Berg'] }, MAYOR]) },
  { name: 'renameEntity to an alias drops it from the aliases', op: (s) => renameEntity(s, 'anna-berg', 'berg'), expected: withAnnotations([Q1, F3, S1, S2, Q2, F1, F2], [{ ...ANNA, name: 'berg', aliases: ['Anna Berg'] }, MAYOR]) },
  { name: 'renameEntity to a blank name changes nothing', op: (s) => renameEntity(s, 'anna-berg', '   '), expected: fixture() },
  {
    name: 'mergeEntities repoints every quote and speaker mention, and takes the names over',
    op: (s) => mergeEntities(s, 'the-mayor', 'anna-berg'),
    expected: withAnnotations([Q1, F3, S1, { ...S2, entity: 'anna-berg' }, { ...Q2, speaker: 'anna-berg' }, F1, F2], [{ ...ANNA, aliases: ['Berg', 'The mayor', 'Mayor'] }]),
  },
  { name: 'mergeEntities into itself changes nothing', op: (s) => mergeEntities(s, 'anna-berg', 'anna-berg'), expected: fixture() },
  { name: 'mergeEntities with an unknown entity changes nothing', op: (s) => mergeEntities(s, 'ghost', 'anna-berg'), expected: fixture() },
];

describe('sidecar store operations, each compared whole (table)', () => {
  it('the fixture is valid', () => {
    assert.deepStrictEqual(validateSidecar(fixture()), { ok: true, sidecar: fixture() });
  });
  for (const row of ROWS) {
    it(row.name, () => {
      const input = fixture();
      const result = row.op(input);
      assert.deepStrictEqual(result, row.expected);
      const validated = validateSidecar(result);
      assert.deepStrictEqual(validated.ok ? [] : validated.issues, [], 'the result is valid');
      assert.deepStrictEqual(input, fixture(), 'the input is unchanged');
    });
  }
});
