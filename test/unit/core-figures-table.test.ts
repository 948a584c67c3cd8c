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
  ['both ends of a range with a hyphen are years, a score is one count', 'The 1939-1945 war, the 2019-2020 season and a 4-3 win.', [['1939', 'year', null, 1939], ['1945', 'year', null, 1945], ['2019', 'year', null, 2019], ['2020', 'year', null, 2020], ['4', 'count', null, 4]]],
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
  // Links: a number in a link would otherwise be a figure (after a hyphen: a year; an identifier's digits)
  ['a link with a scheme and an unlisted domain hides its number, the year after it counts', 'The plan is online at https://www.parliament.nz/report-2030 and runs until 2035.', [['2035', 'year', null, 2035]]],
  ['http as well as https', 'Go to http://harbour.gov/plan-2030 today.', []],
  ['a link without a scheme: a listed domain right before a "/", ".co.uk" too', 'Details: harbour.co.uk/fees-2025 lists 12 new fees.', [['12', 'count', 'fees', 12]]],
  ['links to .io and .net, each up to the next white space', 'The site example.io/v-2 and shop.net/sale-50 went live.', []],
  ['a link from a dotted host name, the figure after it', 'Tickets via http://tickets.example.com/match-7 cost £40.', [['£40', 'money', null, 40]]],
  ['www and a hyphenated host', 'Visit www.harbour.org/plan-2030 or harbour-trust.org.uk/plan-2030.', []],
  ['a scheme not listed: only the listed domain before the "/" makes it a link', 'Files at ftp.example.com/report-2030 and x.co/go-2030 moved.', []],
  ['a scheme needs something after "://"; a host may start with digits', 'See https:// 2030. Visit http://2030.harbour.net/go now.', [['2030', 'year', null, 2030]]],
  ['a link ends at the white space, the figures after it count', 'See example.com/2024/05/vote and @BBCNews at 10.', [['10', 'count', null, 10]]],
  ['handles with an underscore and digits; a "#" is no handle', 'Tag posts @_2024 or @ward_7, not #8.', [['8', 'count', null, 8]]],
  ['an e-mail address is a handle after its "@"', 'Email info@harbour.org about the 12 boats.', [['12', 'count', 'boats', 12]]],
  // Never figures, continued
  ['a number after a dot or a slash', 'He fired a .22 rifle on Route 9/11.', []],
  ['a capitalised number word inside a name, "A Hundred" too', 'The city joined Zero Waste Europe. He read A Hundred Years of Solitude.', [['A Hundred Years', 'duration', null, 100]]],
  // "one": a count only before its counted noun, and not after "the", "that", "any"…
  ['"one" before a noun, not after "that", nor far from the noun', 'Then one man spoke; that is one man too many. That one vote decided it.', [['one', 'count', 'man', 1], ['one', 'count', 'many', 1]]],
  // Counted nouns: where the noun ends
  ['a verb after a singular noun ends it, whatever follows the verb', '300 staff joined the strike, one soldier died overnight and 12 crew fled home.', [['300', 'count', 'staff', 300], ['one', 'count', 'soldier', 1], ['12', 'count', 'crew', 12]]],
  ['an adverb after the verb; a participle before a noun is no verb', 'The 300 staff moved swiftly. About 40 nurse trained staff came.', [['300', 'count', 'staff', 300], ['40', 'count', 'staff', 40]]],
  ['an object pronoun is no counted noun', 'Some 12 people were hurt, 3 of them seriously. About 50 of you came.', [['12', 'count', 'people', 12], ['3', 'count', null, 3], ['50', 'count', null, 50]]],
  ['a possessive plural leads to the noun after it', 'The 15 members’ votes were counted.', [['15', 'count', 'votes', 15]]],
  ['a lower-case word with capitals is a noun; a demonym alone is none', 'Thieves took 40 iPhones. The dead included 40 French and 12 Germans.', [['40', 'count', 'iPhones', 40], ['40', 'count', null, 40], ['12', 'count', null, 12]]],
  ['plural nouns ending in "ss", "ous" or "ics" are read on', 'Some 12 glass panes, 30 famous names and 5 physics teachers.', [['12', 'count', 'panes', 12], ['30', 'count', 'names', 30], ['5', 'count', 'teachers', 5]]],
  ['a plural noun that does not end in "s": the noun after it; a verb not listed as past tense', 'Some 30 bosses quit. Some 12 sales teams met.', [['30', 'count', 'bosses', 30], ['12', 'count', 'teams', 12]]],
  ['a verb before a capitalised word; an analyst is no adverb', 'About 40 staff fled Kyiv. Some 30 army trained analysts left.', [['40', 'count', 'staff', 40], ['30', 'count', 'analysts', 30]]],
  ['listed demonyms before the noun', 'Some 12 Russian soldiers and 40 French troops were seen.', [['12', 'count', 'soldiers', 12], ['40', 'count', 'troops', 40]]],
  ['four digits before a plural noun that starts or ends like "to", "as": counts', 'Officials mapped 1200 areas. About 1500 tourists came.', [['1200', 'count', 'areas', 1200], ['1500', 'count', 'tourists', 1500]]],
  // Sentence starts, identifiers, "one"
  ['a capitalised number word after a sentence end or an opening quotation mark', 'The vote was close. Twelve members abstained. “Nine boats sank,” he said.', [['Twelve', 'count', 'members', 12], ['Nine', 'count', 'boats', 9]]],
  ['identifier heads with a dot or a lower-case "a"', 'He lives at No. 10 with 2 cats. Trains leave from Platform 9 and Gate 12.', [['2', 'count', 'cats', 2]]],
  ['an identifier head in lower case is an ordinary word', 'In each unit 12 workers share a kitchen.', [['12', 'count', 'workers', 12]]],
  ['a title: "A Hundred" inside a sentence', 'Tickets for the play A Hundred Doors sold out.', []],
  ['"one" without a counted noun', 'Only one of them voted.', []],
  ['"that one" at the start of a text', 'That one vote decided it.', []],
  // Values
  ['an abbreviated month ends a date without its dot', 'Voting closes on 5 Jan. and results follow on 12 Feb.', [['5 Jan', 'date', null, null], ['12 Feb', 'date', null, null]]],
  ['decimals after a currency symbol and a scale', 'It raised £3.5m, £12,500 and €1.25bn; prices rose 0.5 per cent, or 2.25%.', [['£3.5m', 'money', null, 3.5e6], ['£12,500', 'money', null, 12500], ['€1.25bn', 'money', null, 1.25e9], ['0.5 per cent', 'percent', null, 0.5], ['2.25%', 'percent', null, 2.25]]],
  ['an ordinal is no count; a day of the month is a date', 'The 1,000th visitor came on 1 May.', [['1 May', 'date', null, null]]],
];

describe('core: figures, edge table', () => {
  for (const [name, text, pieces] of ROWS) {
    it(name, () => {
      assert.deepStrictEqual(figuresIn(text), findingsOf(text, pieces));
    });
  }
});
