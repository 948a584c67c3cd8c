// OccurrenceIndex as a table: every start offset of a needle, overlapping ones included, with the
// expected offsets written out. The rows reach what the sidecar text index does internally: the
// 2-unit and 8-unit window tables, a text longer than the initial table (1,024 windows), a window
// at the text's end, and needles whose windows share a hash ("Aa" and "BB") or hash to bucket 0
// (two spaces).
import * as assert from 'assert';
import { OccurrenceIndex } from '../../src/sidecar/docIndex';

/** "The ferry sails at dawn. " 60 times: 1,500 code units, more windows than the initial table. */
const LINE = 'The ferry sails at dawn. ';
const LONG = LINE.repeat(60);
const everyLine = (offset: number): number[] => Array.from({ length: 60 }, (_, k) => k * LINE.length + offset);

const rows: [string, string, string, number[]][] = [
  ['an empty needle', 'abc', '', []],
  ['a single character, scanned', 'a banana', 'a', [0, 3, 5, 7]],
  ['a 2-unit needle, overlapping', 'aaaa', 'aa', [0, 1, 2]],
  ['a 3-unit needle, overlapping', 'aaaa', 'aaa', [0, 1]],
  ['a needle at the very end', 'ferries: 12', '12', [9]],
  ['a needle that is the whole text', 'Monday', 'Monday', [0]],
  ['a needle longer than the text', 'May', 'Mayor', []],
  ['an absent needle', 'The mayor said', 'bridge', []],
  ['two spaces (their window hashes to bucket 0), also at the end', 'Costs:  4  ', '  ', [6, 9]],
  ['"Aa" where "BB" (the same hash) also occurs', 'BB Aa BBAa', 'Aa', [3, 8]],
  ['"BB" where "Aa" also occurs', 'BB Aa BBAa', 'BB', [0, 6]],
  ['an 8-unit needle', 'the council said, the council said.', 'council said', [4, 22]],
  ['an 8-unit needle overlapping itself', 'abababababab', 'abababab', [0, 2, 4]],
  ['a long text: a phrase on every line', LONG, 'ferry sails', everyLine(4)],
  ['a long text: a short word on every line', LONG, 'at', everyLine(16)],
  ['a long text: a phrase across lines', LONG, 'dawn. The', everyLine(19).slice(0, 59)],
  ['a long text: the last window', LONG, 'n. ', [...everyLine(22)]],
  ['a long text: absent', LONG, 'ferry sailed', []],
];

describe('sidecar OccurrenceIndex (table)', () => {
  for (const [name, text, needle, expected] of rows) {
    it(name, () => {
      const index = new OccurrenceIndex(text);
      assert.deepStrictEqual(index.occurrences(needle), expected);
      assert.deepStrictEqual(index.occurrences(needle), expected, 'asked again');
    });
  }
});
