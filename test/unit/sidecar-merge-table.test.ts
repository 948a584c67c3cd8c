/**
 * Three-way merges as a table: each row is what two writers (the extension and the CLI, or two
 * editor windows) did to one sidecar since they read it, compared whole with the merged sidecar and
 * its conflicts. Rows were chosen from the mutants of merge.ts that no test killed.
 */
import assert from 'node:assert/strict';
import type { Entity, Span } from '../../src/core/types';
import { contextOf } from '../../src/sidecar/anchor';
import { isReviewed, mergeSidecars, type MergeOptions, type MergeResult } from '../../src/sidecar/merge';
import { validateSidecar } from '../../src/sidecar/schema';
import { orderedSidecar } from '../../src/sidecar/serialize';
import { SIDECAR_VERSION, type Annotation, type AnnotationOrigin, type AnnotationStatus, type DocumentInfo, type Sidecar } from '../../src/sidecar/types';
import { at } from './sidecar-fixtures';

const DOC = 'The mayor spoke on Monday. "We will rebuild the bridge by spring," said Anna Berg. Costs reached 4 million euros.\n';
const DOCUMENT: DocumentInfo = { path: 'article.txt', sha256: 'a'.repeat(64), length: DOC.length, offsetUnit: 'utf16' };

type Look = { status?: AnnotationStatus; origin?: AnnotationOrigin };
const SUGGESTED: Look = { status: 'suggested', origin: 'auto' };
const ACCEPTED: Look = { status: 'accepted', origin: 'auto' };
const REJECTED: Look = { status: 'rejected', origin: 'auto' };
const MANUAL: Look = { status: 'suggested', origin: 'manual' };

function figure(id: string, snippet: string, look: Look = SUGGESTED, doc = DOC): Annotation {
  const span = at(doc, snippet);
  return { id, type: 'figure', ...span, text: snippet, ...contextOf(doc, span.start, span.end), status: 'suggested', origin: 'auto', ...look, kind: 'money', unit: null };
}

function quote(id: string, look: Look = SUGGESTED, inner: { cue?: Span | null; speakerMention?: Span | null; speaker?: string | null } = {}): Annotation {
  const snippet = '"We will rebuild the bridge by spring,"';
  const span = at(DOC, snippet);
  return {
    id,
    type: 'quote',
    ...span,
    text: snippet,
    ...contextOf(DOC, span.start, span.end),
    status: 'suggested',
    origin: 'auto',
    ...look,
    kind: 'direct',
    speaker: inner.speaker === undefined ? 'anna-berg' : inner.speaker,
    cue: inner.cue === undefined ? at(DOC, 'said') : inner.cue,
    speakerMention: inner.speakerMention === undefined ? at(DOC, 'Anna Berg') : inner.speakerMention,
  };
}

const ANNA: Entity = { id: 'anna-berg', name: 'Anna Berg', kind: 'person', aliases: [] };

function sidecar(annotations: Annotation[], entities: Entity[] = [ANNA], document: DocumentInfo = DOCUMENT): Sidecar {
  return { version: SIDECAR_VERSION, document, entities, annotations };
}

function result(s: Sidecar, conflicts: string[] = []): MergeResult {
  return { sidecar: orderedSidecar(s), conflicts };
}

interface Row {
  name: string;
  base: Sidecar | undefined;
  mine: Sidecar;
  theirs: Sidecar;
  options?: MergeOptions;
  expected: MergeResult;
}

const F = figure('f-1', '4 million euros');
const Q = quote('q-1');

const ROWS: Row[] = [
  // ---- one annotation changed on both sides ----
  {
    name: 'both sides accept/reject differently: theirs, with a conflict',
    base: sidecar([F]),
    mine: sidecar([figure('f-1', '4 million euros', REJECTED)]),
    theirs: sidecar([figure('f-1', '4 million euros', ACCEPTED)]),
    expected: result(sidecar([figure('f-1', '4 million euros', ACCEPTED)]), ['annotation f-1: reviewed differently on both sides; kept the version on disk (accepted, auto)']),
  },
  {
    name: 'mine reviewed, theirs a changed suggestion: mine',
    base: sidecar([F]),
    mine: sidecar([figure('f-1', '4 million euros', ACCEPTED)]),
    theirs: sidecar([{ ...F, kind: 'count' } as Annotation]),
    expected: result(sidecar([figure('f-1', '4 million euros', ACCEPTED)])),
  },
  {
    name: 'theirs reviewed, mine a changed suggestion: theirs, no conflict',
    base: sidecar([F]),
    mine: sidecar([{ ...F, kind: 'count' } as Annotation]),
    theirs: sidecar([figure('f-1', '4 million euros', REJECTED)]),
    expected: result(sidecar([figure('f-1', '4 million euros', REJECTED)])),
  },
  {
    name: 'a manual suggestion counts as reviewed: a conflict with theirs accepted',
    base: sidecar([F]),
    mine: sidecar([figure('f-1', '4 million euros', MANUAL)]),
    theirs: sidecar([figure('f-1', '4 million euros', ACCEPTED)]),
    expected: result(sidecar([figure('f-1', '4 million euros', ACCEPTED)]), ['annotation f-1: reviewed differently on both sides; kept the version on disk (accepted, auto)']),
  },
  {
    name: 'both changed suggestions: mine (the newer analysis)',
    base: sidecar([F]),
    mine: sidecar([{ ...F, kind: 'count' } as Annotation]),
    theirs: sidecar([{ ...F, kind: 'percent' } as Annotation]),
    expected: result(sidecar([{ ...F, kind: 'count' } as Annotation])),
  },
  {
    name: 'added on both sides with one id, the same: kept once',
    base: sidecar([]),
    mine: sidecar([F]),
    theirs: sidecar([F]),
    expected: result(sidecar([F])),
  },
  {
    name: 'two conflicts are reported in id order',
    base: sidecar([figure('f-b', '4 million euros'), figure('f-a', 'Monday')]),
    mine: sidecar([figure('f-b', '4 million euros', REJECTED), figure('f-a', 'Monday', REJECTED)]),
    theirs: sidecar([figure('f-b', '4 million euros', ACCEPTED), figure('f-a', 'Monday', ACCEPTED)]),
    expected: result(sidecar([figure('f-b', '4 million euros', ACCEPTED), figure('f-a', 'Monday', ACCEPTED)]), [
      'annotation f-a: reviewed differently on both sides; kept the version on disk (accepted, auto)',
      'annotation f-b: reviewed differently on both sides; kept the version on disk (accepted, auto)',
    ]),
  },
  // ---- deleted on one side ----
  {
    name: 'deleted on disk, unchanged here: deleted',
    base: sidecar([F]),
    mine: sidecar([F]),
    theirs: sidecar([]),
    expected: result(sidecar([])),
  },
  {
    name: 'deleted here, accepted on disk: kept',
    base: sidecar([F]),
    mine: sidecar([]),
    theirs: sidecar([figure('f-1', '4 million euros', ACCEPTED)]),
    expected: result(sidecar([figure('f-1', '4 million euros', ACCEPTED)])),
  },
  {
    name: 'deleted here, changed as a suggestion on disk: deleted',
    base: sidecar([F]),
    mine: sidecar([]),
    theirs: sidecar([{ ...F, kind: 'count' } as Annotation]),
    expected: result(sidecar([])),
  },
  {
    name: 'deleted on disk, already accepted before and unchanged here: deleted',
    base: sidecar([figure('f-1', '4 million euros', ACCEPTED)]),
    mine: sidecar([figure('f-1', '4 million euros', ACCEPTED)]),
    theirs: sidecar([]),
    expected: result(sidecar([])),
  },
  // ---- additions that collide ----
  {
    name: 'a suggestion added here over an accepted figure added on disk: dropped',
    base: sidecar([]),
    mine: sidecar([figure('f-mine', '4 million')]),
    theirs: sidecar([figure('f-disk', 'million euros', ACCEPTED)]),
    expected: result(sidecar([figure('f-disk', 'million euros', ACCEPTED)])),
  },
  {
    name: 'a suggestion added on disk over a figure rejected here: dropped',
    base: sidecar([figure('f-old', '4 million euros', ACCEPTED)]),
    mine: sidecar([figure('f-old', '4 million euros', REJECTED)]),
    theirs: sidecar([figure('f-old', '4 million euros', ACCEPTED), figure('f-new', 'million')]),
    expected: result(sidecar([figure('f-old', '4 million euros', REJECTED)])),
  },
  {
    name: 'a suggestion that only touches reviewed work (adjacent spans) is kept',
    base: sidecar([]),
    mine: sidecar([figure('f-mine', '4 million')]),
    theirs: sidecar([figure('f-disk', ' euros', ACCEPTED)]),
    expected: result(sidecar([figure('f-mine', '4 million'), figure('f-disk', ' euros', ACCEPTED)])),
  },
  {
    name: 'a suggestion overlapping reviewed work of another type is kept',
    base: sidecar([]),
    mine: sidecar([figure('f-mine', 'Anna Berg')]),
    theirs: sidecar([{ ...figure('s-disk', 'Anna Berg', ACCEPTED), type: 'speaker', entity: 'anna-berg' } as unknown as Annotation]),
    expected: result(sidecar([figure('f-mine', 'Anna Berg'), { ...figure('s-disk', 'Anna Berg', ACCEPTED), type: 'speaker', entity: 'anna-berg' } as unknown as Annotation])),
  },
  {
    name: 'a reviewed figure added here over a suggestion added on disk: both kept... the suggestion dropped',
    base: sidecar([]),
    mine: sidecar([figure('f-mine', '4 million euros', ACCEPTED)]),
    theirs: sidecar([figure('f-disk', 'million')]),
    expected: result(sidecar([figure('f-mine', '4 million euros', ACCEPTED)])),
  },
  {
    name: 'the same span added on both sides as suggestions: theirs, no conflict',
    base: sidecar([]),
    mine: sidecar([figure('f-mine', '4 million euros')]),
    theirs: sidecar([figure('f-disk', '4 million euros')]),
    expected: result(sidecar([figure('f-disk', '4 million euros')])),
  },
  {
    name: 'the same span added on both sides as reviewed work: theirs, with a conflict',
    base: sidecar([]),
    mine: sidecar([figure('f-mine', '4 million euros', ACCEPTED)]),
    theirs: sidecar([figure('f-disk', '4 million euros', REJECTED)]),
    expected: result(sidecar([figure('f-disk', '4 million euros', REJECTED)]), ['annotation f-mine: figure added on both sides on the same span; kept f-disk from disk']),
  },
  {
    name: 'overlapping (not equal) spans added on both sides as suggestions: both kept',
    base: sidecar([]),
    mine: sidecar([figure('f-mine', '4 million')]),
    theirs: sidecar([figure('f-disk', 'million euros')]),
    expected: result(sidecar([figure('f-mine', '4 million'), figure('f-disk', 'million euros')])),
  },
  {
    name: 'the same span as a suggestion kept from before on disk and added here: both kept',
    base: sidecar([figure('f-disk', '4 million euros')]),
    mine: sidecar([figure('f-disk', '4 million euros'), figure('f-mine', '4 million euros')]),
    theirs: sidecar([figure('f-disk', '4 million euros')]),
    expected: result(sidecar([figure('f-disk', '4 million euros'), figure('f-mine', '4 million euros')])),
  },
  {
    name: 'an orphaned suggestion does not collide',
    base: sidecar([]),
    mine: sidecar([{ ...figure('f-mine', '4 million'), orphaned: true }]),
    theirs: sidecar([figure('f-disk', 'million euros', ACCEPTED)]),
    expected: result(sidecar([{ ...figure('f-mine', '4 million'), orphaned: true }, figure('f-disk', 'million euros', ACCEPTED)])),
  },
  {
    name: 'a suggestion does not collide with an orphaned reviewed annotation',
    base: sidecar([]),
    mine: sidecar([figure('f-mine', '4 million')]),
    theirs: sidecar([{ ...figure('f-disk', 'million euros', ACCEPTED), orphaned: true }]),
    expected: result(sidecar([figure('f-mine', '4 million'), { ...figure('f-disk', 'million euros', ACCEPTED), orphaned: true }])),
  },
  {
    name: 'the same suggestion added on both sides with one id, over reviewed work added on disk: dropped',
    base: sidecar([]),
    mine: sidecar([figure('f-1', '4 million')]),
    theirs: sidecar([figure('f-1', '4 million'), figure('f-disk', 'million euros', ACCEPTED)]),
    expected: result(sidecar([figure('f-disk', 'million euros', ACCEPTED)])),
  },
  {
    name: 'one id added on both sides as different suggestions, over reviewed work added on disk: dropped',
    base: sidecar([]),
    mine: sidecar([figure('f-1', '4 million')]),
    theirs: sidecar([{ ...figure('f-1', '4 million'), kind: 'count' } as Annotation, figure('f-disk', 'million euros', ACCEPTED)]),
    expected: result(sidecar([figure('f-disk', 'million euros', ACCEPTED)])),
  },
  {
    name: 'accepted here, deleted on disk and re-tagged there on the same span: both kept, no conflict',
    base: sidecar([F]),
    mine: sidecar([figure('f-1', '4 million euros', ACCEPTED)]),
    theirs: sidecar([figure('f-disk', '4 million euros', ACCEPTED)]),
    expected: result(sidecar([figure('f-1', '4 million euros', ACCEPTED), figure('f-disk', '4 million euros', ACCEPTED)])),
  },
  {
    name: 'a suggestion added here right after reviewed work added on disk (adjacent): kept',
    base: sidecar([]),
    mine: sidecar([figure('f-mine', ' euros')]),
    theirs: sidecar([figure('f-disk', '4 million', ACCEPTED)]),
    expected: result(sidecar([figure('f-disk', '4 million', ACCEPTED), figure('f-mine', ' euros')])),
  },
  {
    name: 'a suggestion kept from before overlapping reviewed work of the other side: kept (only additions collide)',
    base: sidecar([figure('f-1', '4 million'), figure('f-2', 'million euros')]),
    mine: sidecar([figure('f-1', '4 million'), figure('f-2', 'million euros', ACCEPTED)]),
    theirs: sidecar([{ ...figure('f-1', '4 million'), kind: 'count' } as Annotation, figure('f-2', 'million euros')]),
    expected: result(sidecar([{ ...figure('f-1', '4 million'), kind: 'count' } as Annotation, figure('f-2', 'million euros', ACCEPTED)])),
  },
  {
    name: 'a suggestion added over reviewed work added on the same side: kept',
    base: sidecar([]),
    mine: sidecar([figure('f-mine', '4 million'), figure('f-mine2', 'million euros', ACCEPTED)]),
    theirs: sidecar([]),
    expected: result(sidecar([figure('f-mine', '4 million'), figure('f-mine2', 'million euros', ACCEPTED)])),
  },
  {
    name: 'suggestions added on both sides with the same end only: both kept',
    base: sidecar([]),
    mine: sidecar([figure('f-mine', '4 million euros')]),
    theirs: sidecar([figure('f-disk', 'million euros')]),
    expected: result(sidecar([figure('f-mine', '4 million euros'), figure('f-disk', 'million euros')])),
  },
  {
    name: 'suggestions added on both sides with the same start only: both kept',
    base: sidecar([]),
    mine: sidecar([figure('f-mine', '4 million')]),
    theirs: sidecar([figure('f-disk', '4 million euros')]),
    expected: result(sidecar([figure('f-mine', '4 million'), figure('f-disk', '4 million euros')])),
  },
  {
    name: 'the same span added reviewed here and as a suggestion on disk: mine, the suggestion dropped',
    base: sidecar([]),
    mine: sidecar([figure('f-mine', '4 million euros', ACCEPTED)]),
    theirs: sidecar([figure('f-disk', '4 million euros')]),
    expected: result(sidecar([figure('f-mine', '4 million euros', ACCEPTED)])),
  },
  {
    name: 'a suggestion added here is checked against every addition on disk, not the first only',
    base: sidecar([]),
    mine: sidecar([figure('f-mine', '4 million euros')]),
    theirs: sidecar([figure('f-a', 'million'), figure('f-b', '4 million', ACCEPTED)]),
    expected: result(sidecar([figure('f-b', '4 million', ACCEPTED), figure('f-a', 'million')])),
  },
  // ---- entities ----
  {
    name: 'an entity renamed here only: mine',
    base: sidecar([], [ANNA]),
    mine: sidecar([], [{ ...ANNA, name: 'Anna B. Berg' }]),
    theirs: sidecar([], [ANNA]),
    expected: result(sidecar([], [{ ...ANNA, name: 'Anna B. Berg' }])),
  },
  {
    name: 'an entity re-kinded on disk only: theirs',
    base: sidecar([], [ANNA]),
    mine: sidecar([], [ANNA]),
    theirs: sidecar([], [{ ...ANNA, kind: 'organization' }]),
    expected: result(sidecar([], [{ ...ANNA, kind: 'organization' }])),
  },
  {
    name: 'an alias added here only: mine',
    base: sidecar([], [ANNA]),
    mine: sidecar([], [{ ...ANNA, aliases: ['Berg'] }]),
    theirs: sidecar([], [ANNA]),
    expected: result(sidecar([], [{ ...ANNA, aliases: ['Berg'] }])),
  },
  {
    name: 'an alias changed on disk only: theirs',
    base: sidecar([], [{ ...ANNA, aliases: ['Berg'] }]),
    mine: sidecar([], [{ ...ANNA, aliases: ['Berg'] }]),
    theirs: sidecar([], [{ ...ANNA, aliases: ['A. Berg'] }]),
    expected: result(sidecar([], [{ ...ANNA, aliases: ['A. Berg'] }])),
  },
  {
    name: 'an entity re-kinded here only: mine',
    base: sidecar([], [ANNA]),
    mine: sidecar([], [{ ...ANNA, kind: 'organization' }]),
    theirs: sidecar([], [ANNA]),
    expected: result(sidecar([], [{ ...ANNA, kind: 'organization' }])),
  },
  {
    name: 'an alias removed here only: mine',
    base: sidecar([], [{ ...ANNA, aliases: ['Berg', 'Lund'] }]),
    mine: sidecar([], [{ ...ANNA, aliases: ['Berg'] }]),
    theirs: sidecar([], [{ ...ANNA, aliases: ['Berg', 'Lund'] }]),
    expected: result(sidecar([], [{ ...ANNA, aliases: ['Berg'] }])),
  },
  {
    name: 'an alias changed here only: mine',
    base: sidecar([], [{ ...ANNA, aliases: ['Berg'] }]),
    mine: sidecar([], [{ ...ANNA, aliases: ['A. Berg'] }]),
    theirs: sidecar([], [{ ...ANNA, aliases: ['Berg'] }]),
    expected: result(sidecar([], [{ ...ANNA, aliases: ['A. Berg'] }])),
  },
  {
    name: 'renamed alike on both sides, an alias added here: theirs with the alias, no conflict',
    base: sidecar([], [ANNA]),
    mine: sidecar([], [{ ...ANNA, name: 'Anna Lund', aliases: ['Berg'] }]),
    theirs: sidecar([], [{ ...ANNA, name: 'Anna Lund' }]),
    expected: result(sidecar([], [{ ...ANNA, name: 'Anna Lund', aliases: ['Berg'] }])),
  },
  {
    name: 'renamed differently, mine with its own name again as an alias in other case: added once',
    base: sidecar([], [ANNA]),
    mine: sidecar([], [{ ...ANNA, name: 'Anna Lund', aliases: ['ANNA LUND'] }]),
    theirs: sidecar([], [{ ...ANNA, name: 'Anna Berg-Lund' }]),
    expected: result(sidecar([], [{ ...ANNA, name: 'Anna Berg-Lund', aliases: ['Anna Lund'] }]), ['entity anna-berg: changed on both sides; kept the name and kind on disk ("Anna Berg-Lund", person)']),
  },
  {
    name: 'renamed on both sides, differing in case only: theirs, no alias added (names compare case-blind), a conflict',
    base: sidecar([], [ANNA]),
    mine: sidecar([], [{ ...ANNA, name: 'Anna Berg-Lund', aliases: ['Berg'] }]),
    theirs: sidecar([], [{ ...ANNA, name: 'ANNA BERG-LUND', aliases: ['berg', 'Lund'] }]),
    expected: result(sidecar([], [{ ...ANNA, name: 'ANNA BERG-LUND', aliases: ['berg', 'Lund'] }]), ['entity anna-berg: changed on both sides; kept the name and kind on disk ("ANNA BERG-LUND", person)']),
  },
  {
    name: 'renamed differently on both sides: theirs, mine as an alias, a conflict',
    base: sidecar([], [ANNA]),
    mine: sidecar([], [{ ...ANNA, name: 'Anna Lund' }]),
    theirs: sidecar([], [{ ...ANNA, name: 'Anna Berg-Lund' }]),
    expected: result(sidecar([], [{ ...ANNA, name: 'Anna Berg-Lund', aliases: ['Anna Lund'] }]), ['entity anna-berg: changed on both sides; kept the name and kind on disk ("Anna Berg-Lund", person)']),
  },
  {
    name: 'kind changed differently on both sides: a conflict',
    base: sidecar([], [ANNA]),
    mine: sidecar([], [{ ...ANNA, kind: 'organization' }]),
    theirs: sidecar([], [{ ...ANNA, kind: 'country' }]),
    expected: result(sidecar([], [{ ...ANNA, kind: 'country' }]), ['entity anna-berg: changed on both sides; kept the name and kind on disk ("Anna Berg", country)']),
  },
  {
    name: 'name changed here, kind on disk: both kept, no conflict',
    base: sidecar([], [ANNA]),
    mine: sidecar([], [{ ...ANNA, name: 'Anna Lund' }]),
    theirs: sidecar([], [{ ...ANNA, kind: 'organization' }]),
    expected: result(sidecar([], [{ ...ANNA, kind: 'organization', aliases: ['Anna Lund'] }])),
  },
  {
    name: 'added on both sides differently (no base): theirs with mine as an alias, a conflict',
    base: undefined,
    mine: sidecar([], [{ ...ANNA, name: 'Anna Lund' }]),
    theirs: sidecar([], [ANNA]),
    expected: result(sidecar([], [{ ...ANNA, aliases: ['Anna Lund'] }]), ['entity anna-berg: changed on both sides; kept the name and kind on disk ("Anna Berg", person)']),
  },
  {
    name: 'entity conflicts in id order',
    base: sidecar([], [{ ...ANNA, id: 'b' }, { ...ANNA, id: 'a' }]),
    mine: sidecar([], [{ ...ANNA, id: 'b', name: 'X' }, { ...ANNA, id: 'a', name: 'X' }]),
    theirs: sidecar([], [{ ...ANNA, id: 'b', name: 'Y' }, { ...ANNA, id: 'a', name: 'Y' }]),
    expected: result(sidecar([], [{ ...ANNA, id: 'a', name: 'Y', aliases: ['X'] }, { ...ANNA, id: 'b', name: 'Y', aliases: ['X'] }]), [
      'entity a: changed on both sides; kept the name and kind on disk ("Y", person)',
      'entity b: changed on both sides; kept the name and kind on disk ("Y", person)',
    ]),
  },
  {
    name: 'an entity deleted on disk, unchanged here: deleted',
    base: sidecar([], [ANNA]),
    mine: sidecar([], [ANNA]),
    theirs: sidecar([], []),
    expected: result(sidecar([], [])),
  },
  {
    name: 'an entity deleted here, renamed on disk: kept',
    base: sidecar([], [ANNA]),
    mine: sidecar([], []),
    theirs: sidecar([], [{ ...ANNA, name: 'Anna Lund' }]),
    expected: result(sidecar([], [{ ...ANNA, name: 'Anna Lund' }])),
  },
  {
    name: 'an entity added on disk only: kept',
    base: sidecar([], []),
    mine: sidecar([], []),
    theirs: sidecar([], [ANNA]),
    expected: result(sidecar([], [ANNA])),
  },
  {
    name: 'an entity deleted on disk but still the speaker of a quote added here: brought back from here',
    base: sidecar([], [{ ...ANNA, aliases: ['Berg'] }]),
    mine: sidecar([Q], [{ ...ANNA, aliases: ['Berg'] }]),
    theirs: sidecar([], []),
    expected: result(sidecar([Q], [{ ...ANNA, aliases: ['Berg'] }])),
  },
  {
    name: 'an entity deleted on both sides but still referred to by a kept speaker: brought back from the base',
    base: sidecar([], [{ ...ANNA, aliases: ['Berg'] }]),
    mine: sidecar([{ ...figure('s-1', 'Anna Berg', ACCEPTED), type: 'speaker', entity: 'anna-berg' } as unknown as Annotation], []),
    theirs: sidecar([], []),
    expected: result(sidecar([{ ...figure('s-1', 'Anna Berg', ACCEPTED), type: 'speaker', entity: 'anna-berg' } as unknown as Annotation], [{ ...ANNA, aliases: ['Berg'] }])),
  },
  {
    name: 'an entity referred to but known nowhere: made up from its id',
    base: undefined,
    mine: sidecar([quote('q-1', ACCEPTED, { speaker: 'mara-lind' })], []),
    theirs: sidecar([], []),
    expected: result(sidecar([quote('q-1', ACCEPTED, { speaker: 'mara-lind' })], [{ id: 'mara-lind', name: 'mara-lind', kind: 'person', aliases: [] }])),
  },
  {
    name: 'a quote without speaker refers to no entity',
    base: sidecar([], [ANNA]),
    mine: sidecar([quote('q-1', ACCEPTED, { speaker: null })], [ANNA]),
    theirs: sidecar([], []),
    expected: result(sidecar([quote('q-1', ACCEPTED, { speaker: null })], [])),
  },
];

describe('sidecar merge table: both writers, whole results', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const frozen = structuredClone([row.base, row.mine, row.theirs]);
      const got = mergeSidecars(row.base, row.mine, row.theirs, row.options);
      assert.deepStrictEqual(got, row.expected);
      assert.deepStrictEqual([row.base, row.mine, row.theirs], frozen, 'the inputs are not mutated');
    });
  }
});

describe('sidecar merge table: isReviewed', () => {
  const rows: [Look, boolean][] = [
    [SUGGESTED, false],
    [ACCEPTED, true],
    [REJECTED, true],
    [MANUAL, true],
    [{ status: 'accepted', origin: 'manual' }, true],
  ];
  for (const [look, want] of rows) {
    it(`${look.origin} ${look.status} → ${want}`, () => assert.equal(isReviewed(figure('f-1', '4 million euros', look)), want));
  }
});

describe('sidecar merge table: which document, and re-anchoring to it', () => {
  const SHORT = 'Costs reached 4 million euros.\n';
  const SHORT_DOC: DocumentInfo = { path: 'article.txt', sha256: 'b'.repeat(64), length: SHORT.length, offsetUnit: 'utf16' };
  const documentRows: { name: string; mine: Partial<DocumentInfo>; theirs: Partial<DocumentInfo>; want: 'mine' | 'theirs' }[] = [
    { name: 'nobody changed it: theirs (the same)', mine: {}, theirs: {}, want: 'theirs' },
    { name: 'renamed here: mine', mine: { path: 'renamed.txt' }, theirs: {}, want: 'mine' },
    { name: 'hash changed here: mine', mine: { sha256: 'c'.repeat(64) }, theirs: { path: 'other.txt' }, want: 'mine' },
    { name: 'length changed here: mine', mine: { length: DOC.length + 1 }, theirs: { path: 'other.txt' }, want: 'mine' },
    { name: 'changed on disk only: theirs', mine: {}, theirs: { path: 'other.txt', sha256: 'd'.repeat(64) }, want: 'theirs' },
  ];
  for (const row of documentRows) {
    it(row.name, () => {
      const mine = { ...DOCUMENT, ...row.mine };
      const theirs = { ...DOCUMENT, ...row.theirs };
      const got = mergeSidecars(sidecar([], [], DOCUMENT), sidecar([], [], mine), sidecar([], [], theirs));
      assert.deepStrictEqual(got, result(sidecar([], [], row.want === 'mine' ? mine : theirs)));
    });
  }
  it('without a base, the document is mine', () => {
    const mine = { ...DOCUMENT, path: 'mine.txt' };
    assert.deepStrictEqual(mergeSidecars(undefined, sidecar([], [], mine), sidecar([], [], DOCUMENT)), result(sidecar([], [], mine)));
  });

  const onShort = (id: string, snippet: string, look: Look) => figure(id, snippet, look, SHORT);
  const reanchorRows: { name: string; options: MergeOptions; want: Annotation[] }[] = [
    {
      name: 'text and hash given: theirs is re-anchored to the new document',
      options: { documentText: SHORT, documentHash: SHORT_DOC.sha256 },
      want: [onShort('f-1', '4 million euros', ACCEPTED), onShort('f-new', 'Costs', ACCEPTED)],
    },
    {
      name: 'no hash: nothing re-anchored, what lies beyond the document is orphaned',
      options: { documentText: SHORT },
      want: [{ ...figure('f-1', '4 million euros', ACCEPTED), start: SHORT.length, end: SHORT.length, orphaned: true }, onShort('f-new', 'Costs', ACCEPTED)],
    },
    {
      name: 'a hash that is not the document’s: nothing re-anchored',
      options: { documentText: SHORT, documentHash: 'e'.repeat(64) },
      want: [{ ...figure('f-1', '4 million euros', ACCEPTED), start: SHORT.length, end: SHORT.length, orphaned: true }, onShort('f-new', 'Costs', ACCEPTED)],
    },
    {
      name: 'a text of another length: nothing re-anchored',
      options: { documentText: SHORT + ' ', documentHash: SHORT_DOC.sha256 },
      want: [{ ...figure('f-1', '4 million euros', ACCEPTED), start: SHORT.length, end: SHORT.length, orphaned: true }, onShort('f-new', 'Costs', ACCEPTED)],
    },
  ];
  for (const row of reanchorRows) {
    it(row.name, () => {
      // The CLI re-analysed an edited (shorter) document and added a figure; meanwhile the
      // extension accepted the old figure on disk, against the old document.
      const base = sidecar([F], [], DOCUMENT);
      const mine = sidecar([F, onShort('f-new', 'Costs', ACCEPTED)], [], SHORT_DOC);
      const theirs = sidecar([figure('f-1', '4 million euros', ACCEPTED)], [], DOCUMENT);
      const got = mergeSidecars(base, mine, theirs, row.options);
      assert.deepStrictEqual(got, result(sidecar(row.want, [], SHORT_DOC)));
      assert.equal(validateSidecar(got.sidecar).ok, true);
    });
  }

  it('a quote whose cue and mention lie beyond a shorter document loses them, the quote is kept', () => {
    const cut = DOC.slice(0, at(DOC, 'said').end + 1);
    const cutDoc: DocumentInfo = { ...DOCUMENT, sha256: 'f'.repeat(64), length: cut.length };
    const q = quote('q-1', ACCEPTED);
    const got = mergeSidecars(sidecar([], [ANNA]), sidecar([], [ANNA], cutDoc), sidecar([q], [ANNA]));
    assert.deepStrictEqual(got, result(sidecar([{ ...q, speakerMention: null } as Annotation], [ANNA], cutDoc)));
  });
  it('a figure ending exactly at the end of a shorter document stays as it is', () => {
    const cut = DOC.slice(0, at(DOC, '4 million euros').end);
    const cutDoc: DocumentInfo = { ...DOCUMENT, sha256: 'f'.repeat(64), length: cut.length };
    const f = figure('f-1', '4 million euros', ACCEPTED);
    const got = mergeSidecars(sidecar([], []), sidecar([], [], cutDoc), sidecar([f], []));
    assert.deepStrictEqual(got, result(sidecar([f], [], cutDoc)));
  });
  it('a quote whose cue ends exactly at the document end keeps it, the mention beyond is dropped', () => {
    const cut = DOC.slice(0, at(DOC, 'said').end);
    const cutDoc: DocumentInfo = { ...DOCUMENT, sha256: 'f'.repeat(64), length: cut.length };
    const q = quote('q-1', ACCEPTED);
    const got = mergeSidecars(sidecar([], [ANNA]), sidecar([], [ANNA], cutDoc), sidecar([q], [ANNA]));
    assert.deepStrictEqual(got, result(sidecar([{ ...q, speakerMention: null } as Annotation], [ANNA], cutDoc)));
  });
  it('a quote whose mention ends exactly at the document end keeps it', () => {
    const cut = DOC.slice(0, at(DOC, 'Anna Berg').end);
    const cutDoc: DocumentInfo = { ...DOCUMENT, sha256: 'f'.repeat(64), length: cut.length };
    const q = quote('q-1', ACCEPTED);
    const got = mergeSidecars(sidecar([], [ANNA]), sidecar([], [ANNA], cutDoc), sidecar([q], [ANNA]));
    assert.deepStrictEqual(got, result(sidecar([q], [ANNA], cutDoc)));
  });
  it('a quote whose cue lies beyond the document loses the cue only', () => {
    const cut = DOC.slice(0, at(DOC, 'said').start + 2);
    const cutDoc: DocumentInfo = { ...DOCUMENT, sha256: 'f'.repeat(64), length: cut.length };
    const q = quote('q-1', ACCEPTED, { speakerMention: { start: 0, end: 9 } });
    const got = mergeSidecars(sidecar([], [ANNA]), sidecar([], [ANNA], cutDoc), sidecar([q], [ANNA]));
    assert.deepStrictEqual(got, result(sidecar([{ ...q, cue: null } as Annotation], [ANNA], cutDoc)));
  });
});
