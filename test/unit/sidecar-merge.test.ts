import assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { mergeSidecars, type MergeResult } from '../../src/sidecar/merge';
import { validateSidecar } from '../../src/sidecar/schema';
import { orderedSidecar } from '../../src/sidecar/serialize';
import { reanchor } from '../../src/sidecar/anchor';
import { addAnnotation, buildSidecar, removeAnnotation, renameEntity, setStatus } from '../../src/sidecar/store';
import type { Annotation, Sidecar } from '../../src/sidecar/types';
import { at, DOC, sampleSidecar, unwrap } from './sidecar-fixtures';
import { sha256Of } from '../hash';

/** The sample sidecar as an analysis would leave it: every annotation an auto suggestion. */
function suggestions(): Sidecar {
  const s = sampleSidecar();
  return { ...s, annotations: s.annotations.map((a) => ({ ...a, status: 'suggested' as const, origin: 'auto' as const })) };
}

const BASE = suggestions();
const idOf = (type: Annotation['type']): string => BASE.annotations.find((a) => a.type === type)!.id;
const QUOTE = idOf('quote');
const MENTION = idOf('speaker');
const FIGURE = idOf('figure');

/** A new suggestion as a fresh analysis would add it (auto, suggested). */
function withSuggestion(s: Sidecar, snippet: string, id: string): Sidecar {
  const added = unwrap(addAnnotation(s, DOC, { type: 'figure', ...at(DOC, snippet), kind: 'date', unit: null }, { id })).sidecar;
  return { ...added, annotations: added.annotations.map((a) => (a.id === id ? { ...a, status: 'suggested' as const, origin: 'auto' as const } : a)) };
}

function manualFigure(s: Sidecar, snippet: string, id: string): Sidecar {
  return unwrap(addAnnotation(s, DOC, { type: 'figure', ...at(DOC, snippet), kind: 'date', unit: null }, { id })).sidecar;
}

function result(sidecar: Sidecar, conflicts: string[] = []): MergeResult {
  return { sidecar: orderedSidecar(sidecar), conflicts };
}

interface Case {
  name: string;
  base: Sidecar | undefined;
  mine: Sidecar;
  theirs: Sidecar;
  expected: MergeResult;
}

// CLI re-analysis: the previous suggestions are replaced — the figure is no longer found and a new
// suggestion ('Monday') appears.
const REANALYSED = withSuggestion(removeAnnotation(BASE, FIGURE), 'Monday', 'f-monday');

const CASES: Case[] = [
  {
    name: 'CLI re-analysis vs an accept made meanwhile: the accept survives',
    base: BASE,
    mine: REANALYSED,
    theirs: setStatus(BASE, [QUOTE], 'accepted'),
    expected: result(setStatus(REANALYSED, [QUOTE], 'accepted')),
  },
  {
    name: 'a manual tag added meanwhile survives a re-analysis',
    base: BASE,
    mine: REANALYSED,
    theirs: manualFigure(BASE, 'spring', 'f-manual'),
    expected: result(manualFigure(REANALYSED, 'spring', 'f-manual')),
  },
  {
    name: 'a rejection survives a re-analysis that dropped the suggestion',
    base: BASE,
    mine: REANALYSED,
    theirs: setStatus(BASE, [FIGURE], 'rejected'),
    expected: result({ ...REANALYSED, annotations: [...REANALYSED.annotations, { ...BASE.annotations.find((a) => a.id === FIGURE)!, status: 'rejected' }] }),
  },
  {
    name: 'both sides accepted different annotations: both accepts kept',
    base: BASE,
    mine: setStatus(BASE, [QUOTE], 'accepted'),
    theirs: setStatus(BASE, [MENTION], 'accepted'),
    expected: result(setStatus(BASE, [QUOTE, MENTION], 'accepted')),
  },
  {
    name: 'both reviewed the same annotation differently: theirs, with a conflict',
    base: BASE,
    mine: setStatus(BASE, [QUOTE], 'accepted'),
    theirs: setStatus(BASE, [QUOTE], 'rejected'),
    expected: result(setStatus(BASE, [QUOTE], 'rejected'), [`annotation ${QUOTE}: reviewed differently on both sides; kept the version on disk (rejected, auto)`]),
  },
  {
    name: 'reviewed on my side, still a suggestion changed on theirs: mine',
    base: BASE,
    mine: setStatus(BASE, [FIGURE], 'accepted'),
    theirs: { ...BASE, annotations: BASE.annotations.map((a) => (a.id === FIGURE && a.type === 'figure' ? { ...a, kind: 'count' as const } : a)) },
    expected: result(setStatus(BASE, [FIGURE], 'accepted')),
  },
  {
    name: 'a reviewed annotation deleted on one side and unchanged on the other is deleted',
    base: setStatus(BASE, [FIGURE], 'accepted'),
    mine: setStatus(BASE, [FIGURE], 'accepted'),
    theirs: removeAnnotation(setStatus(BASE, [FIGURE], 'accepted'), FIGURE),
    expected: result(removeAnnotation(BASE, FIGURE)),
  },
  {
    name: 'both add the same type on the same span: one, the reviewed one',
    base: BASE,
    mine: withSuggestion(BASE, 'Monday', 'f-mine'),
    theirs: manualFigure(BASE, 'Monday', 'f-theirs'),
    expected: result(manualFigure(BASE, 'Monday', 'f-theirs')),
  },
  {
    name: 'both add the same suggestion under different ids: one (theirs)',
    base: BASE,
    mine: withSuggestion(BASE, 'Monday', 'f-mine'),
    theirs: withSuggestion(BASE, 'Monday', 'f-theirs'),
    expected: result(withSuggestion(BASE, 'Monday', 'f-theirs')),
  },
  {
    name: 'no base (the file appeared meanwhile): everything of both sides kept',
    base: undefined,
    mine: withSuggestion(BASE, 'Monday', 'f-mine'),
    theirs: manualFigure(BASE, 'spring', 'f-theirs'),
    expected: result(manualFigure(withSuggestion(BASE, 'Monday', 'f-mine'), 'spring', 'f-theirs')),
  },
  {
    name: 'an entity renamed meanwhile keeps its new name',
    base: BASE,
    mine: REANALYSED,
    theirs: renameEntity(BASE, 'anna-berg', 'Anna M. Berg'),
    expected: result(renameEntity(REANALYSED, 'anna-berg', 'Anna M. Berg')),
  },
  {
    name: 'an entity renamed meanwhile while a re-analysis added an alias: new name, both aliases',
    base: BASE,
    mine: { ...BASE, entities: [{ ...BASE.entities[0], aliases: ['Berg'] }] },
    theirs: renameEntity(BASE, 'anna-berg', 'Anna M. Berg'),
    expected: result({ ...BASE, entities: [{ id: 'anna-berg', name: 'Anna M. Berg', kind: 'person', aliases: ['Anna Berg', 'Berg'] }] }),
  },
  {
    name: 'an entity renamed differently on both sides: theirs, with a conflict',
    base: BASE,
    mine: renameEntity(BASE, 'anna-berg', 'Anne Berg'),
    theirs: renameEntity(BASE, 'anna-berg', 'Anna M. Berg'),
    expected: result(
      { ...BASE, entities: [{ id: 'anna-berg', name: 'Anna M. Berg', kind: 'person', aliases: ['Anna Berg', 'Anne Berg'] }] },
      ['entity anna-berg: changed on both sides; kept the name and kind on disk ("Anna M. Berg", person)'],
    ),
  },
];

describe('sidecar merge (three-way)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const got = mergeSidecars(c.base, c.mine, c.theirs);
      assert.deepStrictEqual(got, c.expected);
      assert.ok(validateSidecar(got.sidecar).ok);
    });
  }

  it('an entity deleted on one side comes back when a kept annotation refers to it', () => {
    // Theirs removed the mention and the quote's speaker and then the unused entity; mine accepted the mention.
    const theirs: Sidecar = { ...removeAnnotation(BASE, MENTION), entities: [] };
    theirs.annotations = theirs.annotations.map((a) => (a.type === 'quote' ? { ...a, speaker: null } : a));
    const mine = setStatus(BASE, [MENTION], 'accepted');
    const got = mergeSidecars(BASE, mine, theirs);
    const expected: Sidecar = { ...mine, annotations: mine.annotations.map((a) => (a.type === 'quote' ? { ...a, speaker: null } : a)) };
    assert.deepStrictEqual(got, result(expected));
    assert.ok(validateSidecar(got.sidecar).ok);
  });

  it('an accept made on the old document survives a re-analysis of the edited one, re-anchored', () => {
    const edited = 'NEW FIRST LINE.\n' + DOC;
    const mine = buildSidecar('article.txt', edited, sha256Of(edited), analyze(edited), BASE);
    const theirs = setStatus(BASE, [QUOTE], 'accepted');
    const got = mergeSidecars(BASE, mine, theirs, { documentText: edited, documentHash: sha256Of(edited) });
    const [moved] = reanchor(edited, theirs.annotations.filter((a) => a.id === QUOTE));
    // The fresh suggestion on the accepted quote's span gives way to it, as analyze does.
    const others = mine.annotations.filter((a) => !(a.type === 'quote' && a.start === moved.start));
    const expected: Sidecar = { ...mine, annotations: [...others, moved] };
    assert.equal(moved.start, theirs.annotations.find((a) => a.id === QUOTE)!.start + 16);
    assert.equal(others.length, mine.annotations.length - 1);
    assert.deepStrictEqual(got, result(expected));
    assert.ok(validateSidecar(got.sidecar).ok);
  });
});
