import assert from 'node:assert/strict';
import { checkAgainstDocument } from '../../src/sidecar/schema';
import { buildSidecar, documentInfo, emptySidecar } from '../../src/sidecar/store';
import { sha256Of } from '../hash';
import { DOC, sampleSidecar } from './sidecar-fixtures';

/** Not the hash of anything: shows that the layer records what the host gives it. */
const GIVEN = 'ab'.repeat(32);

describe('document hash from the host', () => {
  it('documentInfo, emptySidecar and buildSidecar record the hash they are given', () => {
    const analysis = { entities: [], quotes: [], mentions: [], figures: [] };
    const expected = { path: 'a.txt', sha256: GIVEN, length: DOC.length, offsetUnit: 'utf16' };
    assert.deepStrictEqual(
      [documentInfo('a.txt', DOC, GIVEN), emptySidecar('a.txt', DOC, GIVEN).document, buildSidecar('a.txt', DOC, GIVEN, analysis).document],
      [expected, expected, expected],
    );
  });

  it('checkAgainstDocument compares the given hash with the stored one', () => {
    const s = sampleSidecar();
    assert.deepStrictEqual(
      [checkAgainstDocument(s, DOC, sha256Of(DOC)).changed, checkAgainstDocument(s, DOC, GIVEN).changed],
      [false, true],
    );
  });
});
