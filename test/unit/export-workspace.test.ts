// Exports of a small hand-written two-document workspace (one reviewed by hand, one as suggested by
// the analysis), compared whole with golden text, and checked by format validators written from
// brat's documented format and the W3C Web Annotation data model.
import assert from 'node:assert/strict';
import { csvText, exportAnnotations, sentenceAround, type ExportedFile } from '../../src/export';
import { bratProblems, harbourDoc, HARBOUR, VOTE, voteDoc, w3cProblems, workspaceDocs } from './export-fixtures';

function file(files: readonly ExportedFile[], path: string): string {
  const found = files.find((f) => f.path === path);
  assert.ok(found, `${path} in ${files.map((f) => f.path).join(', ')}`);
  return found.content;
}

const CSV_ROWS = [
  'type,document,id,text,kind,status,origin,orphaned,start,end,speaker_name,speaker_entity,speaker_kind,cue,speaker_mention,sentence,value,unit,rule',
  'quote,harbour.txt,q-a1,"""We kept the ferry running, all winter,""",direct,accepted,manual,false,33,73,Mara Quill,mara-quill,person,said,Mara Quill,"""We kept the ferry running, all winter,"" said Mara Quill.",,,',
  'quote,harbour.txt,q-a2,"""The old pier is gone.""",direct,rejected,manual,true,33,73,Mara Quill,mara-quill,person,,,,,,',
  'quote,notes/vote.txt,q-b1,"“The vote was close,”",direct,suggested,auto,false,28,49,Ana Ruiz,ana-ruiz,person,told,Ana Ruiz,"“The vote was close,” Ana Ruiz told reporters.",,,',
  'quote,notes/vote.txt,q-b2,"“Nobody expected\nit.”",partial,suggested,auto,false,75,96,,,,,,"“Nobody expected\nit.”",,,',
  'figure,harbour.txt,f-a1,5%,percent,accepted,manual,false,102,104,,,,,,Fares rose 5% in May.,5,,',
  'figure,notes/vote.txt,f-b1,312,count,suggested,auto,false,105,108,,,,,,"In all, 312 votes were cast.",312,votes,',
];

const HARBOUR_ANN = [
  'T1\tQuote 31 71\t"We kept the ferry running, all winter,"',
  'T2\tSpeaker 77 87\tMara Quill',
  'T3\tFigure 100 102\t5%',
  'A1\tQuoteKind T1 direct',
  'A2\tStatus T1 accepted',
  'A3\tManual T1',
  'R1\tSpokenBy Arg1:T1 Arg2:T2',
  '#1\tAnnotatorNotes T1\tspeaker: Mara Quill (mara-quill)',
  'A4\tStatus T2 accepted',
  'A5\tManual T2',
  '#2\tAnnotatorNotes T2\tentity: Mara Quill (mara-quill)',
  'A6\tFigureKind T3 percent',
  'A7\tStatus T3 accepted',
  'A8\tManual T3',
  '',
].join('\n');

const VOTE_ANN = [
  'T1\tQuote 28 49\t“The vote was close,”',
  'T2\tSpeaker 50 58\tAna Ruiz',
  'T3\tQuote 75 91;92 96\t“Nobody expected it.”',
  'T4\tFigure 105 108\t312',
  'A1\tQuoteKind T1 direct',
  'A2\tStatus T1 suggested',
  'R1\tSpokenBy Arg1:T1 Arg2:T2',
  '#1\tAnnotatorNotes T1\tspeaker: Ana Ruiz (ana-ruiz)',
  'A3\tStatus T2 suggested',
  '#2\tAnnotatorNotes T2\tentity: Ana Ruiz (ana-ruiz)',
  'A4\tQuoteKind T3 partial',
  'A5\tStatus T3 suggested',
  'A6\tFigureKind T4 count',
  'A7\tStatus T4 suggested',
  '#3\tAnnotatorNotes T4\tunit: votes',
  '',
].join('\n');

const ANNOTATION_CONF = [
  '[entities]',
  'Quote',
  'Speaker',
  'Figure',
  '',
  '[relations]',
  'SpokenBy\tArg1:Quote, Arg2:Speaker',
  '',
  '[events]',
  '',
  '[attributes]',
  'QuoteKind\tArg:Quote, Value:direct|partial',
  'FigureKind\tArg:Figure, Value:count|money|percent|date|year|duration|vague',
  'Status\tArg:<ENTITY>, Value:suggested|accepted|rejected',
  'Manual\tArg:<ENTITY>',
  '',
].join('\n');

describe('export of a two-document workspace', () => {
  describe('csv', () => {
    it('one file: a row per quote, then a row per figure, all columns, BOM and CRLF', () => {
      const { files, records } = exportAnnotations('csv', workspaceDocs());
      assert.deepStrictEqual(files, [{ path: 'annotations.csv', content: '\uFEFF' + CSV_ROWS.join('\r\n') + '\r\n' }]);
      assert.equal(records, CSV_ROWS.length - 1);
    });

    it('without the byte order mark when asked', () => {
      assert.deepStrictEqual(exportAnnotations('csv', workspaceDocs(), { csvBom: false }).files[0].content, CSV_ROWS.join('\r\n') + '\r\n');
    });

    it('quotes fields holding a lone LF or CR, a comma or a double quote (RFC 4180)', () => {
      assert.deepStrictEqual(
        csvText(['a', 'b', 'c', 'd', 'e'], [['x\ny', 'p\rq', 'r,s', 'say "hi"', 'plain']]),
        'a,b,c,d,e\r\n"x\ny","p\rq","r,s","say ""hi""",plain\r\n',
      );
    });

    it('the sentence window: previous sentence end or line break to the next, capped', () => {
      const text = 'First one. Dr Lee said "it works." Then more\nNext line, 5.2 per cent rose! End';
      const around = (needle: string) => sentenceAround(text, text.indexOf(needle), text.indexOf(needle) + needle.length);
      const long = `${'word '.repeat(100)}"quoted" ${'tail '.repeat(100)}`;
      const q = long.indexOf('"quoted"');
      assert.deepStrictEqual(
        [around('"it works."'), around('more'), around('5.2'), around('First'), sentenceAround(long, q, q + 8).length],
        ['Dr Lee said "it works."', 'Then more', 'Next line, 5.2 per cent rose!', 'First one.', 300 + 8 + 300],
      );
    });
  });

  describe('brat', () => {
    it('a .ann and a .txt per document, annotation.conf and visual.conf per folder', () => {
      const { files, records } = exportAnnotations('brat', workspaceDocs());
      assert.deepStrictEqual(files.map((f) => f.path), [
        'harbour.ann', 'harbour.txt', 'notes/vote.ann', 'notes/vote.txt',
        'annotation.conf', 'visual.conf', 'notes/annotation.conf', 'notes/visual.conf',
      ]);
      assert.deepStrictEqual(
        [file(files, 'harbour.ann'), file(files, 'harbour.txt'), file(files, 'notes/vote.ann'), file(files, 'notes/vote.txt')],
        [HARBOUR_ANN, HARBOUR, VOTE_ANN, VOTE],
      );
      assert.equal(file(files, 'annotation.conf'), ANNOTATION_CONF);
      assert.equal(file(files, 'notes/annotation.conf'), ANNOTATION_CONF);
      assert.equal(records, 7);
    });

    it('declares only the types used', () => {
      const doc = harbourDoc();
      const onlyFigure = { ...doc, sidecar: { ...doc.sidecar, annotations: doc.sidecar.annotations.filter((a) => a.type === 'figure').map((a) => ({ ...a, origin: 'auto' as const })) } };
      assert.deepStrictEqual(
        file(exportAnnotations('brat', [onlyFigure]).files, 'annotation.conf'),
        ['[entities]', 'Figure', '', '[relations]', '', '[events]', '', '[attributes]', 'FigureKind\tArg:Figure, Value:count|money|percent|date|year|duration|vague', 'Status\tArg:<ENTITY>, Value:suggested|accepted|rejected', ''].join('\n'),
      );
    });

    it('passes the brat validator: declared types, code-point spans equal to the .txt (emoji before)', () => {
      const { files } = exportAnnotations('brat', workspaceDocs());
      const problems = ['harbour', 'notes/vote'].map((base) => {
        const folder = base.includes('/') ? 'notes/' : '';
        return bratProblems(file(files, `${base}.ann`), file(files, `${base}.txt`), file(files, `${folder}annotation.conf`));
      });
      assert.deepStrictEqual(problems, [[], []]);
    });

    it('the brat validator finds undeclared types, bad values and UTF-16 offsets', () => {
      const conf = ANNOTATION_CONF.replace('Manual\tArg:<ENTITY>\n', '');
      const ann = [
        'T1\tQuote 33 73\t"We kept the ferry running, all winter,"', // UTF-16 offsets: two units off after the emoji
        'T2\tPlace 0 6\tCrowds',
        'A1\tStatus T1 maybe',
        'A2\tManual T1',
        'R1\tSpokenBy Arg1:T2 Arg2:T1',
        'X1\tsomething',
        '',
      ].join('\n');
      assert.deepStrictEqual(bratProblems(ann, HARBOUR, conf), [
        'T1: text ""We kept the ferry running, all winter,"" but the .txt has "e kept the ferry running, all winter," s"',
        'T2: entity type Place not declared',
        'not a brat line: "X1\\tsomething"',
        'A1: value maybe not declared for Status',
        'A2: attribute Manual not declared',
        'R1: SpokenBy arguments of undeclared types',
        'malformed line: "X1\\tsomething"',
      ]);
    });
  });

  describe('W3C Web Annotation', () => {
    const texts = new Map([
      ['urn:quotelens:document:harbour.txt', HARBOUR],
      ['urn:quotelens:document:notes%2Fvote.txt', VOTE],
    ]);

    it('meets the data model: IRIs, Annotation type, TextualBody, code-point selectors', () => {
      const { files, records } = exportAnnotations('w3c', workspaceDocs());
      assert.deepStrictEqual(w3cProblems(files[0].content, texts), []);
      assert.equal(records, 7);
    });

    it('the first annotation in full: position counted in code points after two emoji', () => {
      const out = JSON.parse(exportAnnotations('w3c', [harbourDoc()]).files[0].content) as { first: { items: unknown[] } };
      assert.deepStrictEqual(out.first.items[0], {
        id: 'urn:quotelens:harbour.txt:q-a1',
        type: 'Annotation',
        motivation: 'tagging',
        body: [
          { type: 'TextualBody', purpose: 'tagging', value: 'quote' },
          { type: 'TextualBody', purpose: 'classifying', value: 'direct' },
          { type: 'TextualBody', purpose: 'identifying', value: 'Mara Quill' },
          { type: 'TextualBody', purpose: 'tagging', value: 'status:accepted' },
        ],
        target: {
          source: 'urn:quotelens:document:harbour.txt',
          selector: [
            { type: 'TextQuoteSelector', exact: '"We kept the ferry running, all winter,"', prefix: 'rowds 🎉🎉 cheered at the quay. ', suffix: ' said Mara Quill. Fares rose 5% ' },
            { type: 'TextPositionSelector', start: 31, end: 71 },
          ],
        },
      });
    });

    it('uses the document IRI given by the caller as the target source', () => {
      const doc = { ...voteDoc(), source: 'file:///news/notes/vote.txt' };
      const { files } = exportAnnotations('w3c', [doc]);
      assert.deepStrictEqual(w3cProblems(files[0].content, new Map([[doc.source, VOTE]])), []);
    });

    it('the W3C checker finds a relative source, UTF-16 positions and a wrong exact', () => {
      const item = (source: string, start: number, end: number, exact: string) => ({
        id: 'urn:x:1',
        type: 'Annotation',
        body: [{ type: 'TextualBody', value: 'quote' }],
        target: { source, selector: [{ type: 'TextQuoteSelector', exact }, { type: 'TextPositionSelector', start, end }] },
      });
      const collection = (items: unknown[]) => JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: items.length, first: { type: 'AnnotationPage', items } });
      const quote = '"We kept the ferry running, all winter,"';
      assert.deepStrictEqual(w3cProblems(collection([item('harbour.txt', 31, 71, quote)]), texts), ['item 0: target needs an IRI source']);
      assert.deepStrictEqual(w3cProblems(collection([item('urn:quotelens:document:harbour.txt', 33, 73, quote)]), texts), [
        'item 0: exact "' + quote + '" but the code points there are "e kept the ferry running, all winter," s"',
      ]);
    });
  });

  it('counts what each format writes', () => {
    const docs = workspaceDocs();
    const counts = (['json', 'csv', 'jsonl', 'w3c', 'brat'] as const).map((f) => exportAnnotations(f, docs).records);
    const jsonl = exportAnnotations('jsonl', docs).files[0].content.trimEnd().split('\n').length;
    // json and jsonl: every annotation (orphans flagged); csv: quotes and figures; w3c and brat: not the orphan.
    assert.deepStrictEqual(counts, [8, 6, jsonl, 7, 7]);
    assert.equal(jsonl, 8);
  });
});
