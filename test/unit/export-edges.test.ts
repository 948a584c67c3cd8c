// Edge tables for the exporters (issue 13): UTF-16 → code point offsets, the format table, entity
// names, and whole W3C, JSON Lines, CSV and brat outputs of small hand-written documents. Each row
// is written from the format's rules (W3C data model, brat's reader, RFC 4180), not from the output.
import assert from 'node:assert/strict';
import { bratFileName, bratTextName, codePointOffsets, csvRows, entityName, EXPORT_FORMATS, exportAnnotations, lineFragments, sentenceAround, type ExportDocument, type ExportFormatInfo } from '../../src/export';
import type { CsvRow } from '../../src/export/csv';
import type { Entity, Span } from '../../src/core/types';
import { emptySidecar } from '../../src/sidecar/store';
import type { Annotation, AnnotationOrigin, AnnotationStatus, FigureAnnotation, QuoteAnnotation, Sidecar, SpeakerAnnotation } from '../../src/sidecar/types';
import { bratProblems, workspaceDocs } from './export-fixtures';
import { at } from './sidecar-fixtures';
import { sha256Of } from '../hash';

function sidecarWith(text: string, entities: Entity[], annotations: Annotation[] = []): Sidecar {
  return { ...emptySidecar('doc.txt', text, sha256Of(text)), entities, annotations };
}

interface Common {
  status?: AnnotationStatus;
  origin?: AnnotationOrigin;
  orphaned?: boolean;
}

function common(text: string, id: string, span: Span, more: Common) {
  return { id, ...span, text: text.slice(span.start, span.end), prefix: '', suffix: '', status: more.status ?? 'suggested', origin: more.origin ?? 'auto', ...(more.orphaned ? { orphaned: true } : {}) };
}

function quote(text: string, id: string, span: Span, more: Common & Partial<Pick<QuoteAnnotation, 'kind' | 'speaker' | 'cue' | 'speakerMention' | 'rule'>> = {}): QuoteAnnotation {
  const q: QuoteAnnotation = { ...common(text, id, span, more), type: 'quote', kind: more.kind ?? 'direct', speaker: more.speaker ?? null, cue: more.cue ?? null, speakerMention: more.speakerMention ?? null };
  if (more.rule !== undefined) q.rule = more.rule;
  return q;
}

function speaker(text: string, id: string, span: Span, entity: string, more: Common = {}): SpeakerAnnotation {
  return { ...common(text, id, span, more), type: 'speaker', entity };
}

function figure(text: string, id: string, span: Span, kind: FigureAnnotation['kind'], unit: string | null, more: Common = {}): FigureAnnotation {
  return { ...common(text, id, span, more), type: 'figure', kind, unit };
}

const IVO: Entity = { id: 'ivo-tan', name: 'Ivo Tan', kind: 'person', aliases: [] };

/** Starts with a speaker mention (no prefix), ends with a quote (no suffix); no astral characters. */
const DESK = 'Ivo Tan counted 40 boats. "Fees fell 5%," he said. A clerk added: "Not yet."';

/** desk/report.txt: a mention, a counted figure, an attributed quote, a percent, an unattributed quote. */
function deskDoc(): ExportDocument {
  const t = DESK;
  const annotations: Annotation[] = [
    speaker(t, 's-1', at(t, 'Ivo Tan'), 'ivo-tan'),
    figure(t, 'f-1', at(t, '40'), 'count', 'boats', { status: 'accepted', origin: 'manual' }),
    quote(t, 'q-1', at(t, '"Fees fell 5%,"'), { status: 'accepted', speaker: 'ivo-tan', cue: at(t, 'said'), speakerMention: at(t, 'he'), rule: 'after.x-said' }),
    figure(t, 'f-2', at(t, '5%'), 'percent', null, { status: 'rejected' }),
    quote(t, 'q-2', at(t, '"Not yet."'), { kind: 'partial' }),
  ];
  return { path: 'desk/report.txt', text: t, sidecar: sidecarWith(t, [IVO], annotations) };
}

describe('export edges', () => {
  describe('codePointOffsets: every UTF-16 offset from -1 to length + 1', () => {
    // [name, text, code point offset for each UTF-16 offset -1, 0, …, length + 1]. Out-of-range
    // offsets clamp to the text; the low half of a pair rounds down to the pair's code point.
    const rows: [string, string, number[]][] = [
      ['empty text', '', [0, 0, 0]],
      ['ASCII: one unit, one code point', 'ab', [0, 0, 1, 2, 2]],
      ['CR LF and a lone CR are one code point each', 'a\r\nb\rc', [0, 0, 1, 2, 3, 4, 5, 6, 6]],
      ['a pair inside: its low half rounds down', 'a\u{1F600}b', [0, 0, 1, 1, 2, 3, 3]],
      ['a pair at the start', '\u{1F600}a', [0, 0, 0, 1, 2, 2]],
      ['a pair at the end', 'a\u{1F600}', [0, 0, 1, 1, 2, 2]],
      ['two pairs back to back', '\u{1F600}\u{1F389}', [0, 0, 0, 1, 1, 2, 2]],
      ['the lowest pair, U+10000 (D800 DC00)', '\u{10000}', [0, 0, 0, 1, 1]],
      ['the highest pair, U+10FFFF (DBFF DFFF)', '\u{10FFFF}', [0, 0, 0, 1, 1]],
      ['a lone high half at the end', 'a\uD83D', [0, 0, 1, 2, 2]],
      ['a lone high half before a letter', '\uD83Dx', [0, 0, 1, 2, 2]],
      ['a lone high half before U+E000 (not a low half)', '\uD83D\uE000', [0, 0, 1, 2, 2]],
      ['a lone high half before a pair', '\uD83D\uD83D\uDE00', [0, 0, 1, 1, 2, 2]],
      ['a lone low half after a letter', 'a\uDE00', [0, 0, 1, 2, 2]],
      ['a lone low half at the start', '\uDE00a', [0, 0, 1, 2, 2]],
      ['two lone low halves (DC00 is no high half)', '\uDC00\uDC00', [0, 0, 1, 2, 2]],
      ['U+D7FF (just below the surrogates) before a lone low half', '\uD7FF\uDC00', [0, 0, 1, 2, 2]],
    ];
    for (const [name, text, expected] of rows) {
      it(name, () => {
        const map = codePointOffsets(text);
        const offsets = Array.from({ length: text.length + 3 }, (_, k) => k - 1);
        assert.deepStrictEqual(offsets.map(map), expected);
      });
    }
  });

  it('the format table: labels, extensions, and brat the only per-document format', () => {
    const expected: ExportFormatInfo[] = [
      { format: 'json', label: 'QuoteLens JSON (sidecar schema)', extension: '.json', perDocument: false },
      { format: 'csv', label: 'CSV: one row per quote and per figure', extension: '.csv', perDocument: false },
      { format: 'jsonl', label: 'JSON Lines: one annotation per line', extension: '.jsonl', perDocument: false },
      { format: 'w3c', label: 'W3C Web Annotation (JSON-LD)', extension: '.jsonld', perDocument: false },
      { format: 'brat', label: 'brat standoff (.ann + .txt per document, annotation.conf)', extension: '.ann', perDocument: true },
    ];
    assert.deepStrictEqual(EXPORT_FORMATS, expected);
  });

  it('entityName: no speaker is empty, a known id its name, an unknown id itself', () => {
    const s = sidecarWith('x', [
      { id: 'ana-ruiz', name: 'Ana Ruiz', kind: 'person', aliases: [] },
      { id: 'city-council', name: 'City Council', kind: 'organization', aliases: ['the council'] },
    ]);
    const rows: [string | null, string][] = [
      [null, ''],
      ['ana-ruiz', 'Ana Ruiz'],
      ['city-council', 'City Council'],
      ['gone-entity', 'gone-entity'],
    ];
    assert.deepStrictEqual(rows.map(([id]) => entityName(s, id)), rows.map(([, name]) => name));
  });

  describe('W3C and JSON Lines of a document with every kind of annotation', () => {
    const tag = (value: string) => ({ type: 'TextualBody', purpose: 'tagging', value });
    const body = (purpose: string, value: string) => ({ type: 'TextualBody', purpose, value });
    const target = (start: number, end: number, exact: string, context: { prefix?: string; suffix?: string }) => ({
      source: 'urn:quotelens:document:desk%2Freport.txt',
      selector: [{ type: 'TextQuoteSelector', exact, ...context }, { type: 'TextPositionSelector', start, end }],
    });

    it('w3c: the whole collection; bodies by type, no prefix at the start, no suffix at the end', () => {
      const expected = {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        label: 'QuoteLens annotations',
        total: 5,
        first: {
          type: 'AnnotationPage',
          startIndex: 0,
          items: [
            {
              id: 'urn:quotelens:desk%2Freport.txt:s-1', type: 'Annotation', motivation: 'identifying',
              body: [tag('speaker'), body('identifying', 'Ivo Tan'), tag('status:suggested')],
              target: target(0, 7, 'Ivo Tan', { suffix: ' counted 40 boats. "Fees fell 5%' }),
            },
            {
              id: 'urn:quotelens:desk%2Freport.txt:f-1', type: 'Annotation', motivation: 'tagging',
              body: [tag('figure'), body('classifying', 'count'), tag('unit:boats'), tag('status:accepted')],
              target: target(16, 18, '40', { prefix: 'Ivo Tan counted ', suffix: ' boats. "Fees fell 5%," he said.' }),
            },
            {
              id: 'urn:quotelens:desk%2Freport.txt:q-1', type: 'Annotation', motivation: 'tagging',
              body: [tag('quote'), body('classifying', 'direct'), body('identifying', 'Ivo Tan'), tag('status:accepted')],
              target: target(26, 41, '"Fees fell 5%,"', { prefix: 'Ivo Tan counted 40 boats. ', suffix: ' he said. A clerk added: "Not ye' }),
            },
            {
              id: 'urn:quotelens:desk%2Freport.txt:f-2', type: 'Annotation', motivation: 'tagging',
              body: [tag('figure'), body('classifying', 'percent'), tag('status:rejected')],
              target: target(37, 39, '5%', { prefix: 'an counted 40 boats. "Fees fell ', suffix: '," he said. A clerk added: "Not ' }),
            },
            {
              id: 'urn:quotelens:desk%2Freport.txt:q-2', type: 'Annotation', motivation: 'tagging',
              body: [tag('quote'), body('classifying', 'partial'), tag('status:suggested')],
              target: target(66, 76, '"Not yet."', { prefix: 'll 5%," he said. A clerk added: ' }),
            },
          ],
        },
      };
      assert.deepStrictEqual(exportAnnotations('w3c', [deskDoc()]), {
        files: [{ path: 'annotations.jsonld', content: JSON.stringify(expected, null, 2) + '\n' }],
        records: 5,
      });
    });

    it('w3c: a context cut inside an emoji loses the lone half, never the whole context', () => {
      // The prefix window starts on the low half of the first emoji, the suffix window ends on the
      // high half of the last: both halves are dropped, the 31 letters on each side are kept.
      const text = `\u{1F389}${'a'.repeat(31)}Q${'b'.repeat(31)}\u{1F389}`;
      const doc: ExportDocument = { path: 'cut.txt', text, sidecar: sidecarWith(text, [], [figure(text, 'f-q', at(text, 'Q'), 'vague', null)]) };
      const out = JSON.parse(exportAnnotations('w3c', [doc]).files[0].content) as { first: { items: { target: { selector: unknown[] } }[] } };
      assert.deepStrictEqual(out.first.items.map((i) => i.target.selector), [[
        { type: 'TextQuoteSelector', exact: 'Q', prefix: 'a'.repeat(31), suffix: 'b'.repeat(31) },
        { type: 'TextPositionSelector', start: 32, end: 33 },
      ]]);
    });

    it("jsonl: one object per annotation, its type's fields, a null speaker name when no speaker", () => {
      const { files, records } = exportAnnotations('jsonl', [deskDoc()]);
      const doc = { document: 'desk/report.txt' };
      const span = (start: number, end: number, text: string) => ({ start, end, text });
      assert.deepStrictEqual(files.map((f) => f.path), ['annotations.jsonl']);
      assert.deepStrictEqual(files[0].content.split('\n').map((l) => (l === '' ? l : (JSON.parse(l) as unknown))), [
        { ...doc, id: 's-1', type: 'speaker', ...span(0, 7, 'Ivo Tan'), status: 'suggested', origin: 'auto', entity: 'ivo-tan', entityName: 'Ivo Tan', orphaned: false },
        { ...doc, id: 'f-1', type: 'figure', ...span(16, 18, '40'), status: 'accepted', origin: 'manual', kind: 'count', unit: 'boats', orphaned: false },
        { ...doc, id: 'q-1', type: 'quote', ...span(26, 41, '"Fees fell 5%,"'), status: 'accepted', origin: 'auto', kind: 'direct', speaker: 'ivo-tan', speakerName: 'Ivo Tan', cue: { start: 45, end: 49 }, speakerMention: { start: 42, end: 44 }, rule: 'after.x-said', orphaned: false },
        { ...doc, id: 'f-2', type: 'figure', ...span(37, 39, '5%'), status: 'rejected', origin: 'auto', kind: 'percent', unit: null, orphaned: false },
        { ...doc, id: 'q-2', type: 'quote', ...span(66, 76, '"Not yet."'), status: 'suggested', origin: 'auto', kind: 'partial', speaker: null, speakerName: null, cue: null, speakerMention: null, rule: null, orphaned: false },
        '',
      ]);
      assert.equal(records, 5);
    });
  });

  describe('CSV', () => {
    const E = '\u{1F389}';
    // [name, text, annotated span, sentence window]. A sentence ends at `.`, `!` or `?`, perhaps
    // followed by closing marks, before white space or the end of the text; a line break (LF, CR)
    // ends the window too.
    const rows: [string, string, Span | string, string][] = [
      ['a curly double quote after the mark, looking back', 'She said “we won.” Then she left.', 'Then', 'Then she left.'],
      ['a curly double quote after the mark, looking ahead', 'She said “we won.” Then she left.', 'She', 'She said “we won.”'],
      ['a curly single quote after the mark', 'He called it ‘a mess.’ Nobody agreed.', 'Nobody', 'Nobody agreed.'],
      ['a guillemet after the mark', 'Er sagte «Nein.» Dann ging er.', 'Dann', 'Dann ging er.'],
      ['a closing parenthesis after the mark', 'Prices rose (as expected.) Then fell.', 'Then', 'Then fell.'],
      ['a straight double quote after the mark', 'He said "yes." Then left.', 'Then', 'Then left.'],
      ['a straight single quote after the mark', "She wrote 'done.' Then slept.", 'Then', 'Then slept.'],
      ['three closing marks in a row', 'He said “it is ‘over.’” Next day.', 'Next', 'Next day.'],
      ['an exclamation mark, looking back', 'Stop! Go now.', 'Go', 'Go now.'],
      ['an exclamation mark, looking ahead', 'Stop! Go now.', 'Stop', 'Stop!'],
      ['a question mark', 'Why? Because.', 'Because', 'Because.'],
      ['a tab is white space after the mark', 'Done.\tNext one', 'Next', 'Next one'],
      ['a point inside a number ends nothing', 'Growth hit 5.2 per cent.', 'per', 'Growth hit 5.2 per cent.'],
      ['a point before a letter ends nothing', 'Visit example.com today.', 'today', 'Visit example.com today.'],
      ['a mark as the first character of the text', '? Yes, really.', 'Yes', 'Yes, really.'],
      ['closing marks at the start of the text are no sentence end', '” Yes, really.', 'Yes', '” Yes, really.'],
      ['a lone CR (old Mac text), looking back', 'Alpha beta\rGamma delta', 'Gamma', 'Gamma delta'],
      ['a lone CR, looking ahead', 'Alpha beta\rGamma delta', 'beta', 'Alpha beta'],
      ['an LF', 'One two\nThree four', 'Three', 'Three four'],
      ['a CR LF', 'One two\r\nThree four', 'two', 'One two'],
      ['an empty span at the end of a finished text', 'It ended.', { start: 9, end: 9 }, ''],
      ['an empty span at the end of an unfinished text', 'It ended', { start: 8, end: 8 }, 'It ended'],
      ['300 units reached on either side, no more', `${'a'.repeat(350)} Q ${'b'.repeat(350)}`, 'Q', `${'a'.repeat(299)} Q ${'b'.repeat(299)}`],
      // 300 units back is the low half of the first emoji, 300 on the high half of the last.
      ['the reach never splits an emoji: a cut one is left out', `x${E}${'a'.repeat(298)} Q ${'b'.repeat(298)}${E}y`, 'Q', `${'a'.repeat(298)} Q ${'b'.repeat(298)}`],
      ['an emoji just inside the reach is kept whole', `x${E}${'a'.repeat(297)} Q ${'b'.repeat(297)}${E}y`, 'Q', `${E}${'a'.repeat(297)} Q ${'b'.repeat(297)}${E}`],
      ['the annotation itself is never cut, lone halves at its edges included', '\n\uDE00Q\uD83D\n', { start: 1, end: 4 }, '\uDE00Q\uD83D'],
    ];
    for (const [name, text, where, expected] of rows) {
      it(`sentence window: ${name}`, () => {
        const span = typeof where === 'string' ? at(text, where) : where;
        assert.deepStrictEqual(sentenceAround(text, span.start, span.end), expected);
      });
    }

    it('rows: unknown speaker entity, no speaker, figures the analysis reads no number for, an orphan', () => {
      const t = 'Dozens of boats sailed. "Calm seas," said a guard. "Rough," a pilot said. About 40 boats left.';
      const annotations: Annotation[] = [
        quote(t, 'q-1', at(t, '"Calm seas,"'), { status: 'accepted', origin: 'manual', speaker: 'lost-id', cue: at(t, 'said'), speakerMention: at(t, 'a guard'), rule: 'after.said-x' }),
        figure(t, 'f-1', at(t, 'Dozens'), 'vague', 'boats'),
        quote(t, 'q-2', at(t, '"Rough,"'), { cue: at(t, 'said', 1) }),
        figure(t, 'f-2', at(t, '40'), 'count', 'boats', { orphaned: true }),
        figure(t, 'f-3', at(t, 'About 40'), 'count', 'boats', { status: 'rejected' }),
      ];
      const doc: ExportDocument = { path: 'port.txt', text: t, sidecar: sidecarWith(t, [], annotations) };
      const none = { speaker_name: '', speaker_entity: '', speaker_kind: '', cue: '', speaker_mention: '', value: '', unit: '', rule: '' };
      const place = (needle: string) => ({ start: String(at(t, needle).start), end: String(at(t, needle).end), text: needle });
      const expected: CsvRow[] = [
        {
          ...none, type: 'quote', document: 'port.txt', id: 'q-1', ...place('"Calm seas,"'), kind: 'direct', status: 'accepted', origin: 'manual', orphaned: 'false',
          speaker_name: 'lost-id', speaker_entity: 'lost-id', cue: 'said', speaker_mention: 'a guard', sentence: '"Calm seas," said a guard.', rule: 'after.said-x',
        },
        { ...none, type: 'quote', document: 'port.txt', id: 'q-2', ...place('"Rough,"'), kind: 'direct', status: 'suggested', origin: 'auto', orphaned: 'false', cue: 'said', sentence: '"Rough," a pilot said.' },
        { ...none, type: 'figure', document: 'port.txt', id: 'f-1', ...place('Dozens'), kind: 'vague', status: 'suggested', origin: 'auto', orphaned: 'false', sentence: 'Dozens of boats sailed.', unit: 'boats' },
        { ...none, type: 'figure', document: 'port.txt', id: 'f-2', ...place('40'), kind: 'count', status: 'suggested', origin: 'auto', orphaned: 'true', sentence: '', unit: 'boats' },
        { ...none, type: 'figure', document: 'port.txt', id: 'f-3', ...place('About 40'), kind: 'count', status: 'rejected', origin: 'auto', orphaned: 'false', sentence: 'About 40 boats left.', unit: 'boats' },
      ];
      assert.deepStrictEqual(csvRows([doc]), expected);
    });
  });

  describe('brat', () => {
    const conf = (entities: string[], relations: string[], attributes: string[]) =>
      ['[entities]', ...entities, '', '[relations]', ...relations, '', '[events]', '', '[attributes]', ...attributes, ''].join('\n');
    const QUOTE_KIND = 'QuoteKind\tArg:Quote, Value:direct|partial';
    const FIGURE_KIND = 'FigureKind\tArg:Figure, Value:count|money|percent|date|year|duration|vague';
    const STATUS = 'Status\tArg:<ENTITY>, Value:suggested|accepted|rejected';
    const VISUAL_ALL = [
      '[labels]', 'Quote | Quote | Q', 'Speaker | Speaker | Spk | S', 'Figure | Figure | Fig | F', '',
      '[drawing]', 'Quote\tbgColor:#9fc2ee', 'Speaker\tbgColor:#f0b878', 'Figure\tbgColor:#8fd4b0', '',
    ];

    it('a whole collection: notes for speaker, entity and unit, Manual only when manual, no relation to an unannotated mention', () => {
      const { files, records } = exportAnnotations('brat', [deskDoc()]);
      const ann = [
        'T1\tSpeaker 0 7\tIvo Tan',
        'T2\tFigure 16 18\t40',
        'T3\tQuote 26 41\t"Fees fell 5%,"',
        'T4\tFigure 37 39\t5%',
        'T5\tQuote 66 76\t"Not yet."',
        'A1\tStatus T1 suggested',
        '#1\tAnnotatorNotes T1\tentity: Ivo Tan (ivo-tan)',
        'A2\tFigureKind T2 count',
        'A3\tStatus T2 accepted',
        'A4\tManual T2',
        '#2\tAnnotatorNotes T2\tunit: boats',
        'A5\tQuoteKind T3 direct',
        'A6\tStatus T3 accepted',
        '#3\tAnnotatorNotes T3\tspeaker: Ivo Tan (ivo-tan)',
        'A7\tFigureKind T4 percent',
        'A8\tStatus T4 rejected',
        'A9\tQuoteKind T5 partial',
        'A10\tStatus T5 suggested',
        '',
      ].join('\n');
      assert.deepStrictEqual({ files, records }, {
        files: [
          { path: 'desk/report.ann', content: ann },
          { path: 'desk/report.txt', content: DESK },
          { path: 'desk/annotation.conf', content: conf(['Quote', 'Speaker', 'Figure'], [], [QUOTE_KIND, FIGURE_KIND, STATUS, 'Manual\tArg:<ENTITY>']) },
          { path: 'desk/visual.conf', content: VISUAL_ALL.join('\n') },
        ],
        records: 5,
      });
    });

    it('visual.conf: only the used types, SpokenBy when a relation is written', () => {
      const withRelation = [
        '[labels]', 'Quote | Quote | Q', 'Speaker | Speaker | Spk | S', 'Figure | Figure | Fig | F', 'SpokenBy | spoken by', '',
        '[drawing]', 'Quote\tbgColor:#9fc2ee', 'Speaker\tbgColor:#f0b878', 'Figure\tbgColor:#8fd4b0', 'SpokenBy\tcolor:#555555', '',
      ].join('\n');
      const t = 'Tally: 12.';
      const onlyFigure: ExportDocument = { path: 'tally.txt', text: t, sidecar: sidecarWith(t, [], [figure(t, 'f-1', at(t, '12'), 'count', null)]) };
      const visual = (docs: ExportDocument[]) => exportAnnotations('brat', docs).files.filter((f) => f.path.endsWith('visual.conf')).map((f) => f.content);
      assert.deepStrictEqual(
        [visual([onlyFigure]), visual(workspaceDocs())],
        [['[labels]\nFigure | Figure | Fig | F\n\n[drawing]\nFigure\tbgColor:#8fd4b0\n'], [withRelation, withRelation]],
      );
    });

    it('SpokenBy only to a Speaker and only with a speaker; spans of nothing or only a line break are left out; notes on one line', () => {
      const t = '"It is settled," said three judges.\r\n"Appeal," said Mo Lee.\n';
      const annotations: Annotation[] = [
        figure(t, 'x-1', at(t, '\r\n'), 'vague', null),
        speaker(t, 'x-2', { start: 0, end: 0 }, 'mo-lee'),
        quote(t, 'q-1', at(t, '"It is settled,"'), { speaker: 'panel', cue: at(t, 'said'), speakerMention: at(t, 'three judges') }),
        figure(t, 'f-1', at(t, 'three judges'), 'count', 'sitting\r\njudges'),
        speaker(t, 's-1', at(t, 'Mo Lee'), 'mo-lee'),
        quote(t, 'q-2', at(t, '"Appeal,"'), { speakerMention: at(t, 'Mo Lee') }),
      ];
      const entities: Entity[] = [
        { id: 'panel', name: 'The\r\npanel\t\tof judges', kind: 'group', aliases: [] },
        { id: 'mo-lee', name: 'Mo Lee', kind: 'person', aliases: [] },
      ];
      const { files, records } = exportAnnotations('brat', [{ path: 'court.txt', text: t, sidecar: sidecarWith(t, entities, annotations) }]);
      const ann = [
        'T1\tQuote 0 16\t"It is settled,"',
        'T2\tFigure 22 34\tthree judges',
        'T3\tSpeaker 52 58\tMo Lee',
        'T4\tQuote 37 46\t"Appeal,"',
        'A1\tQuoteKind T1 direct',
        'A2\tStatus T1 suggested',
        '#1\tAnnotatorNotes T1\tspeaker: The panel of judges (panel)',
        'A3\tFigureKind T2 count',
        'A4\tStatus T2 suggested',
        '#2\tAnnotatorNotes T2\tunit: sitting judges',
        'A5\tStatus T3 suggested',
        '#3\tAnnotatorNotes T3\tentity: Mo Lee (mo-lee)',
        'A6\tQuoteKind T4 direct',
        'A7\tStatus T4 suggested',
        '',
      ].join('\n');
      assert.deepStrictEqual(
        { records, paths: files.map((f) => f.path), ann: files[0].content, conf: files[2].content },
        { records: 4, paths: ['court.ann', 'court.txt', 'annotation.conf', 'visual.conf'], ann, conf: conf(['Quote', 'Speaker', 'Figure'], [], [QUOTE_KIND, FIGURE_KIND, STATUS]) },
      );
      assert.deepStrictEqual(bratProblems(files[0].content, t, files[2].content), []);
    });

    it('T text keeps tabs: brat reads as many characters as the span covers and compares them with the .txt', () => {
      const t = 'Board:\t"Yes\t\tno"\nand\tmore\n';
      const annotations = [quote(t, 'q-1', at(t, '"Yes\t\tno"')), quote(t, 'q-2', at(t, 'no"\nand\tmore'), { kind: 'partial' })];
      const { files } = exportAnnotations('brat', [{ path: 'board.txt', text: t, sidecar: sidecarWith(t, [], annotations) }]);
      assert.deepStrictEqual(files[0].content.split('\n').filter((l) => l.startsWith('T')), [
        'T1\tQuote 7 16\t"Yes\t\tno"',
        'T2\tQuote 13 16;17 25\tno" and\tmore',
      ]);
      assert.deepStrictEqual(bratProblems(files[0].content, t, files[2].content), []);
    });

    it('file names: the extension after the last slash is replaced, a leading dot is no extension', () => {
      // [document path, .ann, .txt]
      const rows: [string, string, string][] = [
        ['article.txt', 'article.ann', 'article.txt'],
        ['notes', 'notes.ann', 'notes.txt'],
        ['notes.md', 'notes.ann', 'notes.txt'],
        ['report.final.txt', 'report.final.ann', 'report.final.txt'],
        ['.hidden', '.hidden.ann', '.hidden.txt'],
        ['dir/.hidden', 'dir/.hidden.ann', 'dir/.hidden.txt'],
        ['dir.v2/notes', 'dir.v2/notes.ann', 'dir.v2/notes.txt'],
        ['dir.v2\\notes', 'dir.v2\\notes.ann', 'dir.v2\\notes.txt'],
        ['a.b/c.d\\e', 'a.b/c.d\\e.ann', 'a.b/c.d\\e.txt'],
        ['a.b\\c.d/e.txt', 'a.b\\c.d/e.ann', 'a.b\\c.d/e.txt'],
      ];
      assert.deepStrictEqual(rows.map(([p]) => [p, bratFileName(p), bratTextName(p)]), rows);
    });

    it('line fragments: split at LF and CR, empty pieces dropped', () => {
      // [text, start, end, fragments]
      const rows: [string, number, number, [number, number][]][] = [
        ['ab\ncd', 0, 5, [[0, 2], [3, 5]]],
        ['ab\ncd', 1, 4, [[1, 2], [3, 4]]],
        ['ab\n', 0, 2, [[0, 2]]],
        ['ab\n', 0, 3, [[0, 2]]],
        ['\nab', 0, 3, [[1, 3]]],
        ['a\r\n\r\nb', 0, 6, [[0, 1], [5, 6]]],
        ['a\rb', 0, 3, [[0, 1], [2, 3]]],
        ['\r\n', 0, 2, []],
        ['abc', 1, 1, []],
      ];
      assert.deepStrictEqual(rows.map(([text, start, end]) => lineFragments(text, start, end)), rows.map((r) => r[3]));
    });
  });
});
