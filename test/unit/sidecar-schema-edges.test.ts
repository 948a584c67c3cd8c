// Edges of the sidecar schema and its helpers, as tables with whole results: the document hash
// format, span order (an empty span is valid, a reversed one is not), path formatting of keys that
// are not identifiers, JSON numbers with exponents, and the one issue of a changed document.
import * as assert from 'assert';
import { checkAgainstDocument, formatPath, parseJson, validateSidecar, type ParseResult } from '../../src/sidecar/schema';
import type { Annotation, Sidecar } from '../../src/sidecar/types';

const HASH = 'a'.repeat(64);

function sidecar(sha256: string, annotations: Annotation[] = []): Sidecar {
  return { version: 1, document: { path: 'a.txt', sha256, length: 10, offsetUnit: 'utf16' }, entities: [], annotations };
}

function quote(cue: { start: number; end: number }, speakerMention: { start: number; end: number }): Annotation {
  return { id: 'q1', type: 'quote', start: 0, end: 2, text: 'ab', prefix: '', suffix: 'cdefghij', status: 'accepted', origin: 'manual', kind: 'direct', speaker: null, cue, speakerMention };
}

describe('sidecar schema edges (table)', () => {
  const rows: [string, Sidecar, ParseResult][] = [
    ['a hash of 64 lower-case hex digits', sidecar(HASH), { ok: true, sidecar: sidecar(HASH) }],
    ['a hash with a character before the 64 digits', sidecar(`x${HASH}`), { ok: false, issues: [{ path: 'document.sha256', message: 'Expected 64 lower-case hex digits' }] }],
    ['a hash with a character after the 64 digits', sidecar(`${HASH}x`), { ok: false, issues: [{ path: 'document.sha256', message: 'Expected 64 lower-case hex digits' }] }],
    ['an empty cue span is valid', sidecar(HASH, [quote({ start: 3, end: 3 }, { start: 4, end: 5 })]), { ok: true, sidecar: sidecar(HASH, [quote({ start: 3, end: 3 }, { start: 4, end: 5 })]) }],
    [
      'a speaker mention ending before it starts',
      sidecar(HASH, [quote({ start: 3, end: 3 }, { start: 5, end: 4 })]),
      { ok: false, issues: [{ path: 'annotations[0].speakerMention.end', message: 'End must not be before start' }] },
    ],
  ];
  for (const [name, input, expected] of rows) {
    it(name, () => assert.deepStrictEqual(validateSidecar(input), expected));
  }

  const paths: [readonly PropertyKey[], string][] = [
    [[], '$'],
    [['annotations', 3, 'start'], 'annotations[3].start'],
    [['a', '1x'], 'a["1x"]'],
    [['a', 'x-1', 'ok'], 'a["x-1"].ok'],
    [['$ok', '_2'], '$ok._2'],
  ];
  for (const [path, expected] of paths) {
    it(`formatPath ${JSON.stringify(path)} -> ${expected}`, () => assert.strictEqual(formatPath(path), expected));
  }

  it('JSON numbers with exponents of more than one digit', () => {
    assert.deepStrictEqual(parseJson('[1e10, -0.5E+12, 2e-10]'), { ok: true, value: [1e10, -0.5e12, 2e-10] });
  });

  it('a changed document gives one issue on the hash, whatever the annotations', () => {
    assert.deepStrictEqual(checkAgainstDocument(sidecar(HASH), '0123456789', 'b'.repeat(64)), {
      changed: true,
      issues: [{ path: 'document.sha256', message: 'The document has changed since the annotations were written (run analyze to re-anchor)' }],
    });
  });
});
