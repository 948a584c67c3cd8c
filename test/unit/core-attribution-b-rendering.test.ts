// `sameRendering`: whether two paragraphs differ only in typography. Rows give the whole text and
// the two spans [a, b] as written paragraphs; the spans are cut out of a longer text on purpose, so
// that a comparison reading past the end of a span would see the characters after it.
import { strict as assert } from 'node:assert';
import { sameRendering } from '../../src/core/attribution';
import { tokenize } from '../../src/core/text';

/** [name, text, [a.start, a.end], [b.start, b.end], expected]. */
type Row = [name: string, text: string, a: [number, number], b: [number, number], expected: boolean];

/** Spans of the two parts of `x|y` (the bar is a separator in the text). */
function halves(text: string): [[number, number], [number, number]] {
  const bar = text.indexOf('|');
  return [[0, bar], [bar + 1, text.length]];
}

const row = (name: string, text: string, expected: boolean): Row => {
  const [a, b] = halves(text);
  return [name, text, a, b, expected];
};
const reversed = (name: string, text: string, expected: boolean): Row => {
  const [a, b] = halves(text);
  return [name, text, b, a, expected];
};

const ROWS: readonly Row[] = [
  row('the same characters', 'The port is full.|The port is full.', true),
  row('one letter differs, same length', 'The cat sat.|The cot sat.', false),
  row('a leading space on one side only', ' Full|Full', false),
  row('a space against a letter', 'a b|aXb', false),
  row('folds ‘ ’ ¿ to an apostrophe', '‘Yes’ ¿no|\'Yes\' \'no', true),
  row('folds “ ” to a double mark', '“Yes”|"Yes"', true),
  row('folds – — to a hyphen', 'a – b — c|a - b - c', true),
  row('a tab and a no-break space are spaces', 'a\t\u00a0b|a b', true),
  row('a mark that does not fold stays different', '«Yes»|"Yes"', false),
  row('"…" on the first side', 'Wait… now|Wait... now', true),
  reversed('"…" on the second side', 'Wait… now|Wait... now', true),
  row('after "…": a run of spaces folds to one', 'Wait…  now|Wait... now', true),
  row('after "…": a space is no nothing', 'Wait… now|Wait...now', false),
  row('after "…": a tab and a no-break space fold too', 'Wait…\t\u00a0now|Wait... now', true),
  row('after "…": marks still fold', 'Wait… “now”|Wait... "now"', true),
  row('after "…": a shorter second side', 'Wait… now|Wait... no', false),
  reversed('after "…": a shorter first side', 'Wait… now|Wait... no', false),
  row('after "…": one letter differs', 'Wait… cat|Wait... cot', false),
  row('"…" against two dots', 'Wait…|Wait..', false),
  row('"…" on both sides', 'Wait… now|Wait… now', true),
  ['a span that stops before the same letter: a prefix', 'abc|abc', [0, 2], [4, 7], false],
  ['the other way round', 'abc|abc', [4, 7], [0, 2], false],
  ['a first span that ends before a line break, against the shorter second', 'ab\n|ab', [0, 3], [4, 6], false],
  ['a second span that ends before a line break, against the shorter first', 'ab|ab\n', [0, 2], [3, 6], false],
  ['after "…": a prefix that stops before the same letter', 'W…abc|W...abc', [0, 4], [6, 13], false],
  ['after "…": the other way round', 'W...abc|W…abc', [0, 6], [8, 13], false],
  ['after "…": a span ending inside a run of spaces', 'W…a  b|W...a b', [0, 4], [7, 14], false],
  ['two empty spans', 'x|y', [0, 0], [2, 2], true],
  ['an empty span against a letter', 'x|y', [0, 0], [2, 3], false],
];

describe('core: sameRendering of two spans (b)', () => {
  for (const [name, text, a, b, expected] of ROWS) {
    it(name, () => {
      const units = tokenize(text).units;
      assert.equal(sameRendering(units, { start: a[0], end: a[1] }, { start: b[0], end: b[1] }), expected);
    });
  }
});
