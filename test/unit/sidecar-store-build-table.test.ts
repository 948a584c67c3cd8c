// buildSidecar, the merge behind "Analyse document" and `quotelens analyze`, as a table: each row
// is a text, an analysis (and the previous sidecar, if any), and the whole sidecar expected back:
// which findings become suggestions (valid spans only, not where reviewed work of the same type
// lies), their ids, the entities kept and how analysis entities map onto previous ones.
import * as assert from 'assert';
import type { Analysis, Entity, FigureFinding, MentionFinding, QuoteFinding, Span } from '../../src/core/types';
import { contextOf } from '../../src/sidecar/anchor';
import { validateSidecar } from '../../src/sidecar/schema';
import { compareAnnotations } from '../../src/sidecar/serialize';
import { annotationId, buildSidecar } from '../../src/sidecar/store';
import type { Annotation, AnnotationStatus, Sidecar } from '../../src/sidecar/types';
import { sha256Of } from '../hash';

const TEXT = 'Ola Nilsson said: "We open the harbour in June." Critics disagree. Nilsson cited 12 ferries.\n';

function where(text: string, snippet: string, occurrence = 0): Span {
  let start = -1;
  for (let k = 0; k <= occurrence; k++) start = text.indexOf(snippet, start + 1);
  assert.ok(start >= 0, snippet);
  return { start, end: start + snippet.length };
}

type Placed = Span & { id: string; text: string; prefix: string; suffix: string; status: AnnotationStatus; origin: 'auto' | 'manual' };

/** The common part of an annotation on `[start, end)` of `text`: a suggestion with its hash id unless told otherwise. */
function placed(text: string, type: Annotation['type'], s: Span, more: Partial<Placed> = {}): Placed {
  const body = text.slice(s.start, s.end);
  return { id: annotationId(type, s.start, s.end, body), start: s.start, end: s.end, text: body, ...contextOf(text, s.start, s.end), status: 'suggested', origin: 'auto', ...more };
}

function quoteFinding(text: string, s: Span, speaker: string | null, cue: Span | null = null, speakerMention: Span | null = null): QuoteFinding {
  return { ...s, text: text.slice(s.start, s.end), kind: 'direct', speaker, cue, speakerMention };
}
function mentionFinding(text: string, s: Span, entity: string): MentionFinding {
  return { ...s, text: text.slice(s.start, s.end), entity };
}
function figureFinding(text: string, s: Span, kind: FigureFinding['kind'] = 'count', unit: string | null = null): FigureFinding {
  return { ...s, text: text.slice(Math.max(0, s.start), Math.max(0, s.end)), kind, unit, value: null };
}

function sidecar(text: string, entities: Entity[], annotations: Annotation[]): Sidecar {
  return {
    version: 1,
    document: { path: 'doc.txt', sha256: sha256Of(text), length: text.length, offsetUnit: 'utf16' },
    entities: [...entities].sort((a, b) => (a.id < b.id ? -1 : 1)),
    annotations: [...annotations].sort(compareAnnotations),
  };
}

const OLA: Entity = { id: 'ola-nilsson', name: 'Ola Nilsson', kind: 'person', aliases: ['Nilsson'] };

interface Row {
  name: string;
  text: string;
  analysis: Analysis;
  previous?: Sidecar;
  expected: Sidecar;
}

const quote = where(TEXT, '"We open the harbour in June."');
const said = where(TEXT, 'said');
const olaName = where(TEXT, 'Ola Nilsson');
const nilsson = where(TEXT, 'Nilsson', 1);
const june = where(TEXT, 'June');
const ferries = where(TEXT, '12 ferries');
const twelve = where(TEXT, '12');

const Q_SUGGESTED: Annotation = { ...placed(TEXT, 'quote', quote), type: 'quote', kind: 'direct', speaker: 'ola-nilsson', cue: said, speakerMention: olaName };
const S_OLA: Annotation = { ...placed(TEXT, 'speaker', olaName), type: 'speaker', entity: 'ola-nilsson' };
const S_NILSSON: Annotation = { ...placed(TEXT, 'speaker', nilsson), type: 'speaker', entity: 'ola-nilsson' };
const F_JUNE: Annotation = { ...placed(TEXT, 'figure', june), type: 'figure', kind: 'date', unit: null };
const F_FERRIES: Annotation = { ...placed(TEXT, 'figure', ferries), type: 'figure', kind: 'count', unit: 'ferries' };

/** What the analysis finds in TEXT, with the entity ids it chose. */
function analysisOfText(olaId = 'ola-nilsson', entities: Entity[] = [OLA]): Analysis {
  return {
    entities,
    quotes: [quoteFinding(TEXT, quote, olaId, said, olaName)],
    mentions: [mentionFinding(TEXT, olaName, olaId), mentionFinding(TEXT, nilsson, olaId)],
    figures: [figureFinding(TEXT, june, 'date'), figureFinding(TEXT, ferries, 'count', 'ferries')],
  };
}

// Reviewed work on TEXT: an accepted quote, a rejected figure, a manual mention left "suggested"
// (manual work is kept whatever its status) and an auto suggestion (dropped on re-analysis).
const Q_ACCEPTED: Annotation = { ...Q_SUGGESTED, id: 'q-kept', status: 'accepted' };
const F_REJECTED: Annotation = { ...F_FERRIES, id: 'f-kept', status: 'rejected' };
const S_MANUAL: Annotation = { ...S_NILSSON, id: 's-kept', origin: 'manual' };
const F_OLD: Annotation = { ...F_JUNE, id: 'f-old' };
const REVIEWED = sidecar(TEXT, [OLA], [Q_ACCEPTED, F_REJECTED, S_MANUAL, F_OLD]);

/** Another "Ola", whose first name alone was tagged by hand. */
const BERG: Entity = { id: 'ola-berg', name: 'Ola Berg', kind: 'person', aliases: ['Ola'] };
const S_BERG: Annotation = { ...placed(TEXT, 'speaker', { start: 0, end: 3 }, { id: 's-berg', status: 'accepted', origin: 'manual' }), type: 'speaker', entity: 'ola-berg' };

// Two figures that touch (no space between them in Chinese): "in June 2029, the ferry opens".
const CJK = '渡轮将于2029年6月开通。';
const YEAR = where(CJK, '2029年');
const MONTH = where(CJK, '6月');
const figureOf = (s: Span, kind: FigureFinding['kind'], status: AnnotationStatus, origin: 'auto' | 'manual'): Annotation => ({
  ...placed(CJK, 'figure', s, { status, origin }),
  type: 'figure',
  kind,
  unit: null,
});
const cjkAnalysis = (...figures: Span[]): Analysis => ({ entities: [], quotes: [], mentions: [], figures: figures.map((s) => figureFinding(CJK, s, 'date')) });

// Edited text: a second "12" now sits where the rejected one was.
const EDITED = 'Fares: 12 buses. Fares: 12 ferries.\n';

const ROWS: Row[] = [
  {
    name: 'a first build: every valid finding a suggestion, only referenced entities kept',
    text: TEXT,
    analysis: analysisOfText('ola-nilsson', [OLA, { id: 'critics', name: 'Critics', kind: 'group', aliases: [] }]),
    expected: sidecar(TEXT, [OLA], [Q_SUGGESTED, S_OLA, S_NILSSON, F_JUNE, F_FERRIES]),
  },
  {
    name: 'findings with spans not whole, negative, empty, reversed or past the end are skipped; one ending at the end is kept',
    text: 'They ordered 12 ferries',
    analysis: {
      entities: [OLA],
      quotes: [quoteFinding('They ordered 12 ferries', { start: 0, end: 4 }, null, { start: 5, end: 24 }, { start: 0, end: 4 })],
      mentions: [mentionFinding('They ordered 12 ferries', { start: 5, end: 12 }, 'ghost'), { start: 20, end: 30, text: 'ries', entity: 'ola-nilsson' }],
      figures: [
        figureFinding('They ordered 12 ferries', { start: 13.5, end: 15 }),
        figureFinding('They ordered 12 ferries', { start: 13, end: 14.5 }),
        figureFinding('They ordered 12 ferries', { start: -1, end: 4 }),
        figureFinding('They ordered 12 ferries', { start: 13, end: 13 }),
        figureFinding('They ordered 12 ferries', { start: 15, end: 13 }),
        figureFinding('They ordered 12 ferries', { start: 13, end: 24 }),
        figureFinding('They ordered 12 ferries', { start: 13, end: 23 }, 'count', 'ferries'),
      ],
    },
    expected: sidecar('They ordered 12 ferries', [], [
      { ...placed('They ordered 12 ferries', 'quote', { start: 0, end: 4 }), type: 'quote', kind: 'direct', speaker: null, cue: null, speakerMention: { start: 0, end: 4 } },
      { ...placed('They ordered 12 ferries', 'figure', { start: 13, end: 23 }), type: 'figure', kind: 'count', unit: 'ferries' },
    ]),
  },
  {
    name: 're-analysis keeps reviewed and manual work, drops old suggestions, suggests only what no kept annotation of its type covers',
    text: TEXT,
    analysis: { ...analysisOfText(), figures: [figureFinding(TEXT, june, 'date'), figureFinding(TEXT, twelve)] },
    previous: REVIEWED,
    expected: sidecar(TEXT, [OLA], [Q_ACCEPTED, F_REJECTED, S_MANUAL, F_JUNE, S_OLA]),
  },
  {
    name: 'an analysis entity under another id maps onto the previous one by name; its new aliases are added, blank ones not',
    text: TEXT,
    analysis: analysisOfText('nilsson', [{ id: 'nilsson', name: 'Nilsson', kind: 'person', aliases: ['O. Nilsson', ' ', 'ola nilsson'] }]),
    previous: REVIEWED,
    expected: sidecar(TEXT, [{ ...OLA, aliases: ['Nilsson', 'O. Nilsson'] }], [Q_ACCEPTED, F_REJECTED, S_MANUAL, { ...F_JUNE }, S_OLA]),
  },
  {
    name: 'an analysis entity keeps the previous entity of its own id, even if its name is another entity\u2019s alias',
    text: TEXT,
    analysis: { entities: [{ id: 'ola-nilsson', name: 'Ola', kind: 'person', aliases: [] }], quotes: [], mentions: [mentionFinding(TEXT, nilsson, 'ola-nilsson')], figures: [] },
    previous: sidecar(TEXT, [OLA, BERG], [S_BERG]),
    expected: sidecar(TEXT, [{ ...OLA, aliases: ['Nilsson', 'Ola'] }, BERG], [S_BERG, S_NILSSON]),
  },
  {
    name: 'two analysis entities with one id: one entity with the surface forms of both',
    text: TEXT,
    analysis: {
      entities: [
        { id: 'ola-nilsson', name: 'Ola Nilsson', kind: 'person', aliases: [] },
        { id: 'ola-nilsson', name: 'Nilsson', kind: 'person', aliases: ['O. Nilsson'] },
      ],
      quotes: [],
      mentions: [mentionFinding(TEXT, nilsson, 'ola-nilsson')],
      figures: [],
    },
    expected: sidecar(TEXT, [{ ...OLA, aliases: ['Nilsson', 'O. Nilsson'] }], [S_NILSSON]),
  },
  {
    name: 'a kept quote whose speaker is missing from the entities gets a placeholder entity',
    text: TEXT,
    analysis: { entities: [], quotes: [], mentions: [], figures: [] },
    previous: sidecar(TEXT, [], [{ ...Q_ACCEPTED, speaker: 'ghost' }]),
    expected: sidecar(TEXT, [{ id: 'ghost', name: 'ghost', kind: 'person', aliases: [] }], [{ ...Q_ACCEPTED, speaker: 'ghost' }]),
  },
  {
    name: 'a finding that starts where a kept one of its type ends is suggested; one overlapping it is not',
    text: CJK,
    analysis: cjkAnalysis(MONTH, { start: YEAR.start, end: MONTH.end }),
    previous: sidecar(CJK, [], [figureOf(YEAR, 'year', 'accepted', 'manual')]),
    expected: sidecar(CJK, [], [figureOf(YEAR, 'year', 'accepted', 'manual'), figureOf(MONTH, 'date', 'suggested', 'auto')]),
  },
  {
    name: 'a finding that ends where a kept one of its type starts is suggested',
    text: CJK,
    analysis: cjkAnalysis(YEAR),
    previous: sidecar(CJK, [], [figureOf(MONTH, 'date', 'rejected', 'auto')]),
    expected: sidecar(CJK, [], [figureOf(MONTH, 'date', 'rejected', 'auto'), figureOf(YEAR, 'date', 'suggested', 'auto')]),
  },
];

describe('buildSidecar (table)', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const previousCopy = row.previous && structuredClone(row.previous);
      const result = buildSidecar('doc.txt', row.text, sha256Of(row.text), row.analysis, row.previous);
      assert.deepStrictEqual(result, row.expected);
      const validated = validateSidecar(result);
      assert.deepStrictEqual(validated.ok ? [] : validated.issues, [], 'the result is valid');
      assert.deepStrictEqual(row.previous, previousCopy, 'the previous sidecar is unchanged');
    });
  }

  it('a kept annotation orphaned by an edit does not hide a new finding at its place', () => {
    // "Fares" was accepted; the edit replaced the word by "Prices": the accepted figure is kept,
    // orphaned where it was, and must not count as reviewed work covering "Prices".
    const before = 'Fares: 12 ferries.\n';
    const after = 'Prices: 12 ferries.\n';
    const kept: Annotation = { ...placed(before, 'figure', where(before, 'Fares'), { id: 'f-fares', status: 'accepted' }), type: 'figure', kind: 'vague', unit: null };
    const previous = sidecar(before, [], [kept]);
    const result = buildSidecar('doc.txt', after, sha256Of(after), { entities: [], quotes: [], mentions: [], figures: [figureFinding(after, where(after, 'Prices'), 'vague')] }, previous);
    const prices = where(after, 'Prices');
    assert.deepStrictEqual(result, sidecar(after, [], [
      { ...placed(after, 'figure', prices), type: 'figure', kind: 'vague', unit: null },
      { ...kept, orphaned: true },
    ]));
  });

  it('a new finding whose id a kept annotation already has gets a salted id', () => {
    // "12" was rejected at 7-9, where its id comes from; an insertion before it moved it to the
    // second line (ids never change), and the analysis finds a new "12" at 7-9: the same type,
    // span and text, hence the same unsalted id.
    const fresh = where(EDITED, '12');
    const moved = where(EDITED, '12', 1);
    const rejected: Annotation = { ...placed(EDITED, 'figure', moved, { id: annotationId('figure', fresh.start, fresh.end, '12'), status: 'rejected' }), type: 'figure', kind: 'count', unit: 'ferries' };
    const analysis: Analysis = { entities: [], quotes: [], mentions: [], figures: [figureFinding(EDITED, fresh, 'count', 'buses'), figureFinding(EDITED, moved, 'count', 'ferries')] };
    const result = buildSidecar('doc.txt', EDITED, sha256Of(EDITED), analysis, sidecar(EDITED, [], [rejected]));
    assert.deepStrictEqual(result, sidecar(EDITED, [], [
      { ...placed(EDITED, 'figure', fresh, { id: annotationId('figure', fresh.start, fresh.end, '12', 1) }), type: 'figure', kind: 'count', unit: 'buses' },
      rejected,
    ]));
  });
});
