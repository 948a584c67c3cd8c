// Edge tables for the exporters (issue 13): UTF-16 → code point offsets, the format table, entity
// names. Each row is written from the format's rules, not from the current output.
import assert from 'node:assert/strict';
import { codePointOffsets, entityName, EXPORT_FORMATS, exportAnnotations, type ExportDocument, type ExportFormatInfo } from '../../src/export';
import type { Entity, Span } from '../../src/core/types';
import { emptySidecar } from '../../src/sidecar/store';
import type { Annotation, AnnotationOrigin, AnnotationStatus, FigureAnnotation, QuoteAnnotation, Sidecar, SpeakerAnnotation } from '../../src/sidecar/types';
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

function quote(text: string, id: string, span: Span, more: Common & Partial<Pick<QuoteAnnotation, 'kind' | 'speaker' | 'cue' | 'speakerMention'>> = {}): QuoteAnnotation {
  return { ...common(text, id, span, more), type: 'quote', kind: more.kind ?? 'direct', speaker: more.speaker ?? null, cue: more.cue ?? null, speakerMention: more.speakerMention ?? null };
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
    quote(t, 'q-1', at(t, '"Fees fell 5%,"'), { status: 'accepted', speaker: 'ivo-tan', cue: at(t, 'said'), speakerMention: at(t, 'he') }),
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
        { ...doc, id: 'q-1', type: 'quote', ...span(26, 41, '"Fees fell 5%,"'), status: 'accepted', origin: 'auto', kind: 'direct', speaker: 'ivo-tan', speakerName: 'Ivo Tan', cue: { start: 45, end: 49 }, speakerMention: { start: 42, end: 44 }, orphaned: false },
        { ...doc, id: 'f-2', type: 'figure', ...span(37, 39, '5%'), status: 'rejected', origin: 'auto', kind: 'percent', unit: null, orphaned: false },
        { ...doc, id: 'q-2', type: 'quote', ...span(66, 76, '"Not yet."'), status: 'suggested', origin: 'auto', kind: 'partial', speaker: null, speakerName: null, cue: null, speakerMention: null, orphaned: false },
        '',
      ]);
      assert.equal(records, 5);
    });
  });
});
