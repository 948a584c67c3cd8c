// Edge table of the figure scan (src/core/figures.ts): money, percentages, years and their bounds,
// number words, scales written onto a number, and what is never a figure (times, versions,
// identifiers, links). Each row is a short text and its figures, written as pieces in order with
// kind, counted noun and value; the helper turns each piece into its exact span.
import * as assert from 'node:assert/strict';
import { findFigures } from '../../src/core/figures';
import { paragraphsOf, splitLines } from '../../src/core/text';
import type { FigureFinding, FigureKind } from '../../src/core/types';

/** A figure as a row writes it. */
type Piece = [text: string, kind: FigureKind, unit: string | null, value: number | null];

/** The figures of `text`, scanned paragraph by paragraph as `analyze` does. */
function figuresIn(text: string): FigureFinding[] {
  const lines = splitLines(text);
  return findFigures(text, paragraphsOf(text, lines, new Set()).paragraphs);
}

/** The pieces as findings: each piece looked for after the end of the one before. */
function findingsOf(text: string, pieces: readonly Piece[]): FigureFinding[] {
  let from = 0;
  return pieces.map(([piece, kind, unit, value]) => {
    const start = text.indexOf(piece, from);
    assert.ok(start >= 0, `the row's piece ${JSON.stringify(piece)} is in its text`);
    from = start + piece.length;
    return { start, end: from, text: piece, kind, unit, value };
  });
}

const ROWS: [name: string, text: string, figures: Piece[]][] = [
  // Years: four digits from 1000 to 2100 without a counted noun; from 1900 on also before a noun after "in", "by", a hyphen…
  ['years at the bounds of the range', 'The abbey dates from 1000, the well from 999.', [['1000', 'year', null, 1000], ['999', 'count', null, 999]]],
  ['2100 is still a year, 2101 is not', 'It may open in 2100 or in 2101.', [['2100', 'year', null, 2100], ['2101', 'count', null, 2101]]],
  ['before a counted noun: a year after "in" from 1900 on', 'Back in 1900 workers struck, in 1899 workers struck.', [['1900', 'year', null, 1900], ['1899', 'count', 'workers', 1899]]],
  ['"in 2100 cars" is a year, "in 2101 cars" a count', 'By then in 2100 cars fly, in 2101 cars fly.', [['2100', 'year', null, 2100], ['2101', 'count', 'cars', 2101]]],
  ['a capitalised "In" at a sentence start reads the same', 'In 2024 voters chose. Since 1995 farmers sow.', [['2024', 'year', null, 2024], ['1995', 'year', null, 1995]]],
  ['a four-digit count before its noun', 'They hired 2024 workers.', [['2024', 'count', 'workers', 2024]]],
  ['decades are years', 'In the 1990s, the ’90s and the 2020s, 1980s’ bands', [['1990s', 'year', null, 1990], ['90s', 'year', null, 90], ['2020s', 'year', null, 2020], ['1980s', 'year', null, 1980]]],
  ['no decade: "300s", "1995s"', 'Not the 300s or 1995s.', []],
  ['years after a hyphen or a dash', 'Output fell to pre-2014 levels in the 2008–2009 slump.', [['2014', 'year', null, 2014], ['2008', 'year', null, 2008], ['2009', 'year', null, 2009]]],
  // Money
  ['currency symbols with a scale written onto the number', 'It cost $4.5bn, €300m, £20k and €1,500m.', [['$4.5bn', 'money', null, 4.5e9], ['€300m', 'money', null, 3e8], ['£20k', 'money', null, 2e4], ['€1,500m', 'money', null, 1.5e9]]],
  ['country prefixes of the dollar', 'It cost A$3m, HK$10 and US$5 billion.', [['A$3m', 'money', null, 3e6], ['HK$10', 'money', null, 10], ['US$5 billion', 'money', null, 5e9]]],
  ['a scale word after a space', 'Aid of $7 bn and ¥5 trillion came.', [['$7 bn', 'money', null, 7e9], ['¥5 trillion', 'money', null, 5e12]]],
  ['currency words and codes', 'It cost 40 euros, 100 USD, 7 EUR and 2 billion pounds.', [['40 euros', 'money', null, 40], ['100 USD', 'money', null, 100], ['7 EUR', 'money', null, 7], ['2 billion pounds', 'money', null, 2e9]]],
  ['number words before a currency word', 'It cost two million dollars and three hundred pounds.', [['two million dollars', 'money', null, 2e6], ['three hundred pounds', 'money', null, 300]]],
  // Percentages
  ['percent signs and words', 'Turnout rose 20%, then 12.5 percent, then 7 per cent and fifty per cent.', [['20%', 'percent', null, 20], ['12.5 percent', 'percent', null, 12.5], ['7 per cent', 'percent', null, 7], ['fifty per cent', 'percent', null, 50]]],
  // Counts and number words
  ['grouped digits with decimals', 'Some 1,234,567.89 people voted.', [['1,234,567.89', 'count', 'people', 1234567.89]]],
  ['a scale letter on a count', 'Some 5m people, 1,500m voters and 2.5k fans.', [['5m', 'count', 'people', 5e6], ['1,500m', 'count', 'voters', 1.5e9], ['2.5k', 'count', 'fans', 2500]]],
  ['compound number words', 'It took two hundred thousand workers and twenty-one days.', [['two hundred thousand', 'count', 'workers', 200000], ['twenty-one days', 'duration', null, 21]]],
  ['"a hundred" and "a dozen"', 'They sent a hundred guards and a dozen medics.', [['a hundred', 'count', 'guards', 100], ['a dozen', 'count', 'medics', 12]]],
  ['a capitalised number word counts only at a sentence start', 'Seven players left. The club signed Nine Elms.', [['Seven', 'count', 'players', 7]]],
  ['a trailing dot or comma is no part of the number', 'It rose to 300. Then to 400, not 12abc.', [['300', 'count', null, 300], ['400', 'count', null, 400]]],
  // Durations and vague quantities
  ['durations; "a few" and "several" are none', 'It lasted 3 hours, a few days and several weeks.', [['3 hours', 'duration', null, 3]]],
  ['"tens" only before "of dozens/hundreds/thousands/millions"', 'Tens of cats, tens of dozens of birds, dozens of letters.', [['tens of dozens', 'vague', 'birds', null], ['dozens', 'vague', 'letters', null]]],
  // Dates
  ['dates both ways round, with a year or a month alone', 'On 3 March 2024, in May 2024, on Sept. 5, not JAN 7.', [['3 March 2024', 'date', null, null], ['May 2024', 'date', null, null], ['Sept. 5', 'date', null, null], ['7', 'count', null, 7]]],
  // Never figures
  ['times, ratios, versions and model names', 'Due at 10:30, odds of 3:1, v2.5 of the A300.', []],
  ['identifiers after a capitalised head', 'See Flight 370, Article 5 and Room 101.', []],
  ['handles and links', 'Write to @user123, see example.com/page/42 or https://x.org/2024/05 now.', []],
];

describe('core: figures, edge table', () => {
  for (const [name, text, pieces] of ROWS) {
    it(name, () => {
      assert.deepStrictEqual(figuresIn(text), findingsOf(text, pieces));
    });
  }
});
