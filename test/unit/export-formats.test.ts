import assert from 'node:assert/strict';
import { bratFileName, EXPORT_FORMATS, exportAnnotations, lineFragments, type ExportDocument } from '../../src/export';
import { parseSidecar } from '../../src/sidecar/schema';
import { serializeSidecar } from '../../src/sidecar/serialize';
import { addAnnotation, addEntity, emptySidecar, setStatus } from '../../src/sidecar/store';
import type { Sidecar } from '../../src/sidecar/types';
import { at, unwrap } from './sidecar-fixtures';
import { sha256Of } from '../hash';

// Two emoji (2 UTF-16 units, 1 code point each) before the quote.
const EMOJI_DOC = 'Fans 🎉🎉 cheered. "We did it, finally," said Lee Chen, "and we deserve it."\nPrices rose 5%.\n';

function emojiDoc(): ExportDocument {
  let s = emptySidecar('match.txt', EMOJI_DOC, sha256Of(EMOJI_DOC));
  s = addEntity(s, 'Lee Chen', 'person').sidecar;
  s = unwrap(addAnnotation(s, EMOJI_DOC, { type: 'quote', ...at(EMOJI_DOC, '"We did it, finally,"'), kind: 'direct', speaker: 'lee-chen', cue: at(EMOJI_DOC, 'said'), speakerMention: at(EMOJI_DOC, 'Lee Chen') })).sidecar;
  s = unwrap(addAnnotation(s, EMOJI_DOC, { type: 'speaker', ...at(EMOJI_DOC, 'Lee Chen'), entity: 'lee-chen' })).sidecar;
  s = unwrap(addAnnotation(s, EMOJI_DOC, { type: 'figure', ...at(EMOJI_DOC, '5%'), kind: 'percent', unit: null })).sidecar;
  return { path: 'match.txt', text: EMOJI_DOC, sidecar: s };
}

/** The same document with an extra quote that has been orphaned. */
function withOrphan(doc: ExportDocument): ExportDocument {
  const orphan = { ...unwrap(addAnnotation(doc.sidecar, doc.text, { type: 'quote', ...at(EMOJI_DOC, '"and we deserve it."'), kind: 'direct', speaker: null })).annotation, id: 'q-orphan', orphaned: true };
  return { ...doc, sidecar: { ...doc.sidecar, annotations: [...doc.sidecar.annotations, orphan] } };
}

const cp = (s: string) => [...s].length;

function only(format: Parameters<typeof exportAnnotations>[0], docs: ExportDocument[]): string {
  const { files } = exportAnnotations(format, docs);
  assert.equal(files.length, 1);
  return files[0].content;
}

interface W3cAnno {
  id: string;
  body: { purpose: string; value: string }[];
  target: { source: string; selector: ({ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string } | { type: 'TextPositionSelector'; start: number; end: number })[] };
}

describe('export', () => {
  it('lists every format with a label and extension', () => {
    assert.deepEqual(EXPORT_FORMATS.map((f) => f.format), ['json', 'csv', 'jsonl', 'w3c', 'brat']);
    assert.ok(EXPORT_FORMATS.every((f) => f.label.length > 0 && f.extension.startsWith('.')));
  });

  it('json: the sidecar itself for one document, a documents wrapper for several', () => {
    const doc = withOrphan(emojiDoc());
    const one = only('json', [doc]);
    assert.equal(one, serializeSidecar(doc.sidecar));
    assert.ok(parseSidecar(one).ok);
    assert.match(one, /"orphaned": true/);
    const many = JSON.parse(only('json', [doc, doc])) as { version: number; documents: Sidecar[] };
    assert.equal(many.version, 1);
    assert.equal(many.documents.length, 2);
    assert.equal(many.documents[1].annotations.length, 4);
  });

  it('jsonl: one object per annotation with names resolved and orphaned flagged', () => {
    const lines = only('jsonl', [withOrphan(emojiDoc())]).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 4);
    assert.ok(lines.every((l) => l.document === 'match.txt'));
    const quote = lines.find((l) => l.type === 'quote' && l.orphaned === false)!;
    assert.equal(quote.speakerName, 'Lee Chen');
    assert.equal(lines.find((l) => l.type === 'speaker')!.entityName, 'Lee Chen');
    assert.equal(lines.filter((l) => l.orphaned === true).length, 1);
  });

  it('w3c: code-point TextPositionSelector, TextQuoteSelector, bodies, no orphans', () => {
    const doc = withOrphan(emojiDoc());
    const out = JSON.parse(only('w3c', [doc])) as { '@context': string; type: string; total: number; first: { items: W3cAnno[] } };
    assert.equal(out['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(out.type, 'AnnotationCollection');
    assert.equal(out.total, 3);
    const items = out.first.items;
    assert.equal(items.length, 3, 'orphaned annotation left out');
    const quote = items.find((i) => i.body.some((b) => b.value === 'quote'))!;
    assert.equal(quote.target.source, 'urn:quotelens:document:match.txt');
    const pos = quote.target.selector.find((s) => s.type === 'TextPositionSelector')!;
    const utf16 = at(EMOJI_DOC, '"We did it, finally,"');
    assert.deepEqual(pos, { type: 'TextPositionSelector', start: utf16.start - 2, end: utf16.end - 2 });
    assert.equal(pos.start, cp(EMOJI_DOC.slice(0, utf16.start)));
    const exact = quote.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
    assert.equal(exact.exact, '"We did it, finally,"');
    assert.ok(exact.prefix.endsWith('cheered. '));
    assert.ok(quote.body.some((b) => b.purpose === 'identifying' && b.value === 'Lee Chen'));
    assert.ok(quote.body.some((b) => b.value === 'direct'));
    assert.ok(new Set(items.map((i) => i.id)).size === 3);
  });

  it('brat: one .ann per document, code-point offsets, attributes, relation, notes, no orphans', () => {
    const doc = withOrphan(emojiDoc());
    const other: ExportDocument = { path: 'dir/other.txt', text: 'x', sidecar: emptySidecar('other.txt', 'x', sha256Of('x')) };
    const { files } = exportAnnotations('brat', [doc, other]);
    assert.deepEqual(files.filter((f) => f.path.endsWith('.ann')).map((f) => f.path), ['match.ann', 'dir/other.ann']);
    assert.equal(files.find((f) => f.path === 'dir/other.ann')!.content, '');
    const lines = files[0].content.trimEnd().split('\n');
    const tLines = lines.filter((l) => l.startsWith('T'));
    assert.equal(tLines.length, 3, 'orphaned annotation left out');
    const q = at(EMOJI_DOC, '"We did it, finally,"');
    assert.ok(tLines.includes(`T1\tQuote ${q.start - 2} ${q.end - 2}\t"We did it, finally,"`), tLines.join('\n'));
    const speaker = tLines.find((l) => l.includes('\tSpeaker '))!;
    const m = at(EMOJI_DOC, 'Lee Chen');
    assert.equal(speaker.split('\t')[1], `Speaker ${m.start - 2} ${m.end - 2}`);
    assert.ok(lines.includes('A1\tQuoteKind T1 direct'));
    assert.ok(lines.includes('A2\tStatus T1 accepted'));
    assert.ok(lines.some((l) => /^R1\tSpokenBy Arg1:T1 Arg2:T2$/.test(l)));
    assert.ok(lines.some((l) => l === '#1\tAnnotatorNotes T1\tspeaker: Lee Chen (lee-chen)'));
    // Every T line's text equals the code-point slice of the document.
    const cps = [...EMOJI_DOC];
    for (const t of tLines) {
      const [, , ranges, text] = /^(T\d+)\t\w+ ([\d ;]+)\t(.*)$/.exec(t)!;
      const pieces = ranges.split(';').map((r) => r.split(' ').map(Number)).map(([s, e]) => cps.slice(s, e).join(''));
      assert.equal(pieces.join(' '), text);
    }
  });

  it('brat: spans crossing a line break become discontinuous fragments', () => {
    const text = 'He said "first line\nsecond line" today.';
    let s = emptySidecar('x.txt', text, sha256Of(text));
    s = unwrap(addAnnotation(s, text, { type: 'quote', ...at(text, '"first line\nsecond line"'), speaker: null })).sidecar;
    s = setStatus(s, [s.annotations[0].id], 'rejected');
    const { files } = exportAnnotations('brat', [{ path: 'x.txt', text, sidecar: s }]);
    const t = files[0].content.split('\n')[0];
    const q = at(text, '"first line\nsecond line"');
    const nl = text.indexOf('\n');
    assert.equal(t, `T1\tQuote ${q.start} ${nl};${nl + 1} ${q.end}\t"first line second line"`);
    assert.ok(files[0].content.includes('Status T1 rejected'));
    assert.deepEqual(lineFragments('a\r\nb', 0, 4), [[0, 1], [3, 4]]);
    assert.equal(bratFileName('notes'), 'notes.ann');
    assert.equal(bratFileName('.hidden'), '.hidden.ann');
  });
});
