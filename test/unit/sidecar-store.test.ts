import assert from 'node:assert/strict';
import type { Analysis, Entity } from '../../src/core/types';
import { parseSidecar } from '../../src/sidecar/schema';
import { serializeSidecar } from '../../src/sidecar/serialize';
import {
  acceptAll,
  addAnnotation,
  addEntity,
  annotationId,
  buildSidecar,
  emptySidecar,
  mergeEntities,
  removeAnnotation,
  renameEntity,
  setQuoteSpeaker,
  setStatus,
} from '../../src/sidecar/store';
import type { QuoteAnnotation, Sidecar } from '../../src/sidecar/types';
import { at, DOC, sampleSidecar, unwrap } from './sidecar-fixtures';
import { sha256Of } from '../hash';

const TEXT = 'Mayor Jo Park said: "Taxes will not rise." Later Park added that "the budget is sound." The city has 3 parks.\n';

const PARK: Entity = { id: 'jo-park', name: 'Jo Park', kind: 'person', aliases: ['Park', 'Mayor Jo Park'] };

function analysisOf(text: string, entity: Entity = PARK): Analysis {
  const q1 = at(text, '"Taxes will not rise."');
  const q2 = at(text, '"the budget is sound."');
  return {
    entities: [entity],
    quotes: [
      { ...q1, text: text.slice(q1.start, q1.end), kind: 'direct', speaker: entity.id, cue: at(text, 'said'), speakerMention: at(text, 'Jo Park') },
      { ...q2, text: text.slice(q2.start, q2.end), kind: 'direct', speaker: entity.id, cue: at(text, 'added'), speakerMention: at(text, 'Park', 1) },
    ],
    mentions: [
      { ...at(text, 'Jo Park'), text: 'Jo Park', entity: entity.id },
      { ...at(text, 'Park', 1), text: 'Park', entity: entity.id },
    ],
    figures: [{ ...at(text, '3'), text: '3', kind: 'count', unit: 'parks', value: 3 }],
  };
}

function quotes(s: Sidecar): QuoteAnnotation[] {
  return s.annotations.filter((a): a is QuoteAnnotation => a.type === 'quote');
}

function assertValid(s: Sidecar): void {
  const r = parseSidecar(serializeSidecar(s));
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
}

describe('sidecar store', () => {
  it('emptySidecar describes the document', () => {
    const s = emptySidecar('a.txt', 'abc', sha256Of('abc'));
    assert.deepEqual(s.document, { path: 'a.txt', sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', length: 3, offsetUnit: 'utf16' });
    assert.deepEqual([s.entities, s.annotations], [[], []]);
  });

  it('annotationId is deterministic, typed and short', () => {
    assert.equal(annotationId('quote', 1, 5, 'abcd'), annotationId('quote', 1, 5, 'abcd'));
    assert.match(annotationId('quote', 1, 5, 'abcd'), /^q-[0-9a-f]{10}$/);
    assert.match(annotationId('figure', 1, 5, 'abcd'), /^f-/);
    assert.notEqual(annotationId('quote', 1, 5, 'abcd'), annotationId('quote', 2, 6, 'abcd'));
    assert.notEqual(annotationId('quote', 1, 5, 'abcd'), annotationId('quote', 1, 5, 'abcd', 1));
  });

  it('buildSidecar turns findings into suggestions with deterministic ids', () => {
    const a = buildSidecar('t.txt', TEXT, sha256Of(TEXT), analysisOf(TEXT));
    const b = buildSidecar('t.txt', TEXT, sha256Of(TEXT), analysisOf(TEXT));
    assert.equal(serializeSidecar(a), serializeSidecar(b));
    assertValid(a);
    assert.deepEqual(a.annotations.map((x) => x.type).sort(), ['figure', 'quote', 'quote', 'speaker', 'speaker']);
    assert.ok(a.annotations.every((x) => x.status === 'suggested' && x.origin === 'auto' && TEXT.slice(x.start, x.end) === x.text));
    assert.deepEqual(a.entities, [PARK]);
    // Re-running on the unchanged document with the previous sidecar changes nothing.
    assert.equal(serializeSidecar(buildSidecar('t.txt', TEXT, sha256Of(TEXT), analysisOf(TEXT), a)), serializeSidecar(a));
  });

  it('keeps manual, accepted and rejected work, does not re-suggest it, replaces suggestions', () => {
    let s = buildSidecar('t.txt', TEXT, sha256Of(TEXT), analysisOf(TEXT));
    const [q1, q2] = quotes(s);
    s = setStatus(s, [q1.id], 'accepted');
    s = setStatus(s, [q2.id], 'rejected');
    s = unwrap(addAnnotation(s, TEXT, { type: 'figure', ...at(TEXT, 'The city'), kind: 'vague', unit: null })).sidecar;
    const edited = 'UPDATE. ' + TEXT;
    // A new analysis that finds the same quotes (to be deduplicated) and no figures.
    const analysis = { ...analysisOf(edited), figures: [] };
    const out = buildSidecar('t.txt', edited, sha256Of(edited), analysis, s);
    assertValid(out);
    const qs = quotes(out);
    assert.equal(qs.length, 2, 'no duplicate quote re-suggested');
    assert.equal(qs.find((q) => q.id === q1.id)?.status, 'accepted');
    assert.equal(qs.find((q) => q.id === q2.id)?.status, 'rejected');
    assert.equal(qs.find((q) => q.id === q1.id)?.start, q1.start + 8);
    const figures = out.annotations.filter((x) => x.type === 'figure');
    assert.deepEqual(figures.map((f) => [f.text, f.origin]), [['The city', 'manual']], 'old suggested figure dropped, manual kept');
  });

  it('keeps orphaned reviewed annotations and drops orphaned suggestions', () => {
    let s = buildSidecar('t.txt', TEXT, sha256Of(TEXT), analysisOf(TEXT));
    s = setStatus(s, [quotes(s)[0].id], 'accepted');
    const shorter = 'Nothing left of it.';
    const out = buildSidecar('t.txt', shorter, sha256Of(shorter), { entities: [], quotes: [], mentions: [], figures: [] }, s);
    assert.equal(out.annotations.length, 1);
    assert.equal(out.annotations[0].orphaned, true);
    assert.deepEqual(out.entities.map((e) => e.id), ['jo-park'], 'entity still referenced by the kept quote');
    assertValid(out);
  });

  it('entity renames and merges persist through re-analysis', () => {
    let s = buildSidecar('t.txt', TEXT, sha256Of(TEXT), analysisOf(TEXT));
    s = acceptAll(s);
    s = renameEntity(s, 'jo-park', 'Josephine Park');
    const e = s.entities[0];
    assert.equal(e.id, 'jo-park');
    assert.equal(e.name, 'Josephine Park');
    assert.ok(e.aliases.includes('Jo Park'));
    // A later analysis that knows nothing of the rename uses a different id but the same name.
    const other: Entity = { id: 'park-jo', name: 'Jo Park', kind: 'person', aliases: [] };
    const fresh = { ...analysisOf(TEXT, other) };
    const out = buildSidecar('t.txt', TEXT, sha256Of(TEXT), fresh, setStatus(s, s.annotations.map((a) => a.id), 'suggested'));
    assert.deepEqual(out.entities.map((x) => [x.id, x.name]), [['jo-park', 'Josephine Park']]);
    assert.ok(quotes(out).every((q) => q.speaker === 'jo-park'));
  });

  it('after a merge, findings of the old entity map to the kept one', () => {
    let s = buildSidecar('t.txt', TEXT, sha256Of(TEXT), analysisOf(TEXT));
    const added = addEntity(s, 'The Mayor', 'person');
    s = added.sidecar;
    assert.equal(added.entity.id, 'mayor');
    s = setQuoteSpeaker(s, quotes(s)[0].id, 'mayor');
    s = acceptAll(s);
    s = mergeEntities(s, 'mayor', 'jo-park');
    assert.deepEqual(s.entities.map((x) => x.id), ['jo-park']);
    assert.ok(s.entities[0].aliases.includes('The Mayor'));
    assert.ok(quotes(s).every((q) => q.speaker === 'jo-park'));
    assertValid(s);
    // Re-analysis produces the old entity again: it maps onto jo-park via the alias.
    const mayor: Entity = { id: 'the-mayor', name: 'the mayor', kind: 'person', aliases: [] };
    const text2 = TEXT + 'The mayor said: "No comment."\n';
    const q = at(text2, '"No comment."');
    const analysis: Analysis = { entities: [mayor], quotes: [{ ...q, text: '"No comment."', kind: 'direct', speaker: 'the-mayor', cue: null, speakerMention: null }], mentions: [], figures: [] };
    const out = buildSidecar('t.txt', text2, sha256Of(text2), analysis, s);
    assert.deepEqual(out.entities.map((x) => x.id), ['jo-park']);
    assert.equal(quotes(out).find((x) => x.text === '"No comment."')?.speaker, 'jo-park');
    assertValid(out);
  });

  it('addEntity de-duplicates ids; addAnnotation trims and rejects bad spans', () => {
    let s = emptySidecar('a.txt', DOC, sha256Of(DOC));
    s = addEntity(s, 'José Núñez', 'person').sidecar;
    const second = addEntity(s, 'Jose Nunez', 'person');
    assert.deepEqual(second.sidecar.entities.map((e) => e.id), ['jose-nunez', 'jose-nunez-2']);
    const r = unwrap(addAnnotation(s, DOC, { type: 'figure', start: at(DOC, '4 million').start - 1, end: at(DOC, '4 million').end + 1 }));
    assert.equal(r.annotation.text, '4 million');
    assert.equal(r.annotation.origin, 'manual');
    assert.equal(r.annotation.status, 'accepted');
    assert.ok('error' in addAnnotation(s, DOC, { type: 'figure', start: 5, end: 5 }));
    assert.ok('error' in addAnnotation(s, DOC, { type: 'figure', start: 3, end: 4 }), 'whitespace only');
    assert.ok('error' in addAnnotation(s, DOC, { type: 'figure', start: 0, end: DOC.length + 1 }));
    assert.ok('error' in addAnnotation(s, DOC, { type: 'speaker', start: 0, end: 3, entity: 'nobody' }));
  });

  it('never mutates its input', () => {
    const s = sampleSidecar();
    const snapshot = JSON.stringify(s);
    const q = quotes(s)[0];
    setStatus(s, [q.id], 'rejected');
    acceptAll(s);
    removeAnnotation(s, q.id);
    setQuoteSpeaker(s, q.id, null);
    renameEntity(s, 'anna-berg', 'Anna B.');
    mergeEntities(addEntity(s, 'Someone', 'person').sidecar, 'someone', 'anna-berg');
    addAnnotation(s, DOC, { type: 'figure', ...at(DOC, 'Monday') });
    buildSidecar('article.txt', 'X ' + DOC, sha256Of('X ' + DOC), analysisOf(TEXT.slice(0, 0) + TEXT), s);
    assert.equal(JSON.stringify(s), snapshot);
    assert.equal(removeAnnotation(s, q.id).annotations.length, 2);
    assert.equal(quotes(setQuoteSpeaker(s, q.id, null))[0].speaker, null);
    assert.equal(quotes(setQuoteSpeaker(s, q.id, 'ghost'))[0].speaker, 'anna-berg', 'unknown entity ignored');
  });
});
