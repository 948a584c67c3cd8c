import assert from 'node:assert/strict';
import { articleSizeProblem, decodeDocument, formatBytes, MAX_ARTICLE_BYTES, MAX_SIDECAR_BYTES, sidecarSizeProblem, utf8Length } from '../../src/sidecar/textFile';

const TEXT = 'Café “Zoë” said: “Ünïcode 😀 works.”\r\nLine two.\n';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from('\ufeff' + text, 'utf16le');
  if (bigEndian) le.swap16();
  return new Uint8Array(le);
}

describe('decodeDocument and size limits', () => {
  const cases: [string, Uint8Array, ReturnType<typeof decodeDocument>][] = [
    ['UTF-8', new Uint8Array(Buffer.from(TEXT)), { ok: true, text: TEXT }],
    ['UTF-8 with a byte order mark (dropped)', new Uint8Array(Buffer.from('\ufeff' + TEXT)), { ok: true, text: TEXT }],
    ['UTF-16 LE with a byte order mark', utf16(TEXT, false), { ok: true, text: TEXT }],
    ['UTF-16 BE with a byte order mark', utf16(TEXT, true), { ok: true, text: TEXT }],
    ['empty', new Uint8Array(0), { ok: true, text: '' }],
    ['Latin-1', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]), { ok: false, problem: 'not valid UTF-8 text (Latin-1? convert it to UTF-8)' }],
    ['binary (NUL bytes, no UTF-16 mark)', new Uint8Array([0x48, 0x00, 0x49, 0x00]), { ok: false, problem: 'binary file (contains NUL bytes and no UTF-16 byte order mark)' }],
    ['UTF-16 with an odd number of bytes', new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]), { ok: false, problem: 'not valid UTF-16 text (odd number of bytes)' }],
    ['a lone 0xFF first is no UTF-16 mark', new Uint8Array([0xff, 0x41]), { ok: false, problem: 'not valid UTF-8 text (Latin-1? convert it to UTF-8)' }],
    ['a lone 0xFE second is no UTF-16 mark', new Uint8Array([0x41, 0xfe]), { ok: false, problem: 'not valid UTF-8 text (Latin-1? convert it to UTF-8)' }],
    ['UTF-16 with an unpaired surrogate', new Uint8Array([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00]), { ok: false, problem: 'not valid UTF-16 text (unpaired surrogate)' }],
  ];
  for (const [name, bytes, expected] of cases) {
    it(name, () => assert.deepStrictEqual(decodeDocument(bytes), expected));
  }

  it('utf8Length agrees with Buffer.byteLength, lone surrogates included', () => {
    const samples = ['', 'abc', 'é', '€', '😀', TEXT, '\ud83d', 'a\ude00b', '\ud83d\ud83d\ude00'];
    // The edges of each byte length and of the surrogate ranges.
    const edges = ['\u007f', '\u0080', '\u07ff', '\u0800', '\uffff', '\ud800\udc00', '\udbff\udfff', '\udc00\udc00', '\ud7ff\udc00', '\ud83d\u00e9', 'a\ud83d', '\udfff\ud800'];
    assert.deepStrictEqual(edges.map(utf8Length), [1, 2, 2, 3, 3, 4, 4, 6, 6, 5, 4, 6]);
    assert.deepStrictEqual(samples.map(utf8Length), samples.map((s) => Buffer.byteLength(s, 'utf8')));
  });

  it('one article limit, a sidecar limit derived from it, one-line messages naming the limit', () => {
    assert.equal(MAX_ARTICLE_BYTES, 2 * 1024 * 1024);
    assert.equal(MAX_SIDECAR_BYTES, 32 * MAX_ARTICLE_BYTES);
    assert.deepStrictEqual(
      [articleSizeProblem(MAX_ARTICLE_BYTES), articleSizeProblem(MAX_ARTICLE_BYTES + 1), articleSizeProblem(20 * 1024 * 1024), sidecarSizeProblem(MAX_SIDECAR_BYTES), sidecarSizeProblem(69_000_000)],
      [undefined, 'article too large (2.0 MiB; the limit is 2 MiB)', 'article too large (20 MiB; the limit is 2 MiB)', undefined, 'sidecar too large (65.8 MiB; the limit is 64 MiB)'],
    );
    assert.deepStrictEqual(
      [formatBytes(512), formatBytes(1023), formatBytes(1024), formatBytes(1536), formatBytes(1024 * 1024), formatBytes(3 * 1024 * 1024)],
      ['512 bytes', '1023 bytes', '1 KiB', '1.5 KiB', '1 MiB', '3 MiB'],
    );
  });
});
