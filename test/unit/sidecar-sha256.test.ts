import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha256Hex, utf8Encode } from '../../src/sidecar/sha256';

const nodeSha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sidecar sha256', () => {
  it('matches the standard test vectors', () => {
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(
      sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes the UTF-8 encoding of emoji, CRLF and accented text like node:crypto', () => {
    for (const s of ['Line one\r\nLine two 😀 “quoted” é ü ¿', '👍🏽'.repeat(40), 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'w'.repeat(1000)]) {
      assert.equal(sha256Hex(s), nodeSha(s), JSON.stringify(s.slice(0, 20)));
    }
  });

  it('encodes UTF-8 like TextEncoder, including lone surrogates', () => {
    for (const s of ['aé€😀', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d']) {
      assert.deepEqual([...utf8Encode(s)], [...new TextEncoder().encode(s)]);
    }
  });
});
