/** The matching form code unit by code unit, and the offset map at every offset of a text. */
import assert from 'node:assert/strict';
import { isWhiteSpaceCode, matchingForm, normalizedOffset, normalizeText } from '../../src/sidecar/normalize';

describe('sidecar matching form table', () => {
  it('every code unit: white space of \\s to a space, the listed quote marks folded, the rest kept', () => {
    const spaces: number[] = [];
    const doubles: number[] = [];
    const singles: number[] = [];
    const others: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const form = matchingForm(ch);
      if (form === ' ') spaces.push(c);
      else if (form === '"' && ch !== '"') doubles.push(c);
      else if (form === "'" && ch !== "'") singles.push(c);
      else if (form !== ch) others.push(c);
      if (isWhiteSpaceCode(c) !== /\s/.test(ch)) others.push(c);
    }
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
    assert.deepStrictEqual(spaces, [...range(0x09, 0x0d), 0x20, 0xa0, 0x1680, ...range(0x2000, 0x200a), 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
    assert.deepStrictEqual(doubles, [0xab, 0xbb, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033]);
    assert.deepStrictEqual(singles, [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2039, 0x203a]);
    assert.deepStrictEqual(others, []);
  });

  it('a run of mixed white space is one space; quote marks are never part of a run', () => {
    const n = normalizeText('a \t\u00a0\u2028b\u201c \u201dc');
    assert.deepStrictEqual([n.text, [...n.starts], [...n.ends]], ['a b" "c', [0, 1, 5, 6, 7, 8, 9], [1, 5, 6, 7, 8, 9, 10]]);
  });

  it('normalizedOffset at every offset: a collapsed run maps to its one space, the end to the length', () => {
    // 'ab  \r\n c' becomes 'ab c'; the run [2, 7) is normalized code unit 2.
    const n = normalizeText('ab  \r\n c');
    assert.equal(n.text, 'ab c');
    assert.deepStrictEqual(
      Array.from({ length: 9 }, (_, o) => normalizedOffset(n, o)),
      [0, 1, 2, 2, 2, 2, 2, 3, 4],
    );
  });
});
