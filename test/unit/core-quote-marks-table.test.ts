// Edge table of the quote scan (src/core/quotes.ts): which marks open and close a quote, which are
// apostrophes, and where an unclosed quote ends. Each row is a short text and the quotes found in
// it, written as the quoted pieces in order; the helper turns each piece into its exact span.
import * as assert from 'node:assert/strict';
import { blockedLines, findQuotes, type RawQuote } from '../../src/core/quotes';
import { paragraphsOf, splitLines } from '../../src/core/text';
import type { QuoteKind } from '../../src/core/types';

/** A quote as a row writes it: its text (marks included), whether it was closed, its kind. */
type Piece = [text: string, closed: boolean, kind: QuoteKind];

/** The raw quotes of `text`, scanned paragraph by paragraph as `analyze` does. */
function quotesIn(text: string): RawQuote[] {
  const lines = splitLines(text);
  const { paragraphs, apart } = paragraphsOf(text, lines, blockedLines(lines));
  return findQuotes(text, paragraphs, apart);
}

/** The pieces as spans: each piece looked for after the end of the one before. */
function spansOf(text: string, pieces: readonly Piece[]): RawQuote[] {
  let from = 0;
  return pieces.map(([piece, closed, kind]) => {
    const start = text.indexOf(piece, from);
    assert.ok(start >= 0, `the row's piece ${JSON.stringify(piece)} is in its text`);
    from = start + piece.length;
    return { start, end: from, closed, kind };
  });
}

const ROWS: [name: string, text: string, quotes: Piece[]][] = [
  // Mark families
  ['straight double marks', 'Ana said "we are ready" on Monday.', [['"we are ready"', true, 'direct']]],
  ['curly double marks', 'Ana called “the old plan” a mistake.', [['“the old plan”', true, 'partial']]],
  ['curly single marks', 'Ana called it ‘a bold plan’ on Monday.', [['‘a bold plan’', true, 'partial']]],
  ['straight single marks', "Ana called it 'a bold plan' on Monday.", [["'a bold plan'", true, 'partial']]],
  ['guillemets', 'Ana said «we will stay here» and left.', [['«we will stay here»', true, 'direct']]],
  ['¿ around a word: a corrupted quote mark', 'Ana called the dam ¿safe¿ on Monday.', [['¿safe¿', true, 'partial']]],
  // Emptiness: two marks side by side hold no quote; one character between them is a quote.
  ['empty straight quote ""', 'Ana wrote "" on the form.', []],
  ['empty curly quote “”', 'Ana wrote “” on the form.', []],
  ['empty guillemets «»', 'Ana wrote «» on the form.', []],
  ['one character between the marks', 'Ana wrote "x" on the form.', [['"x"', true, 'partial']]],
  // Nesting: a mark of another family inside the quote does not close it.
  ['single quote inside a double one', 'Ana said “they called it ‘a scandal’ on air” today.', [['“they called it ‘a scandal’ on air”', true, 'direct']]],
  ['double quote inside guillemets', 'Ana said «they wrote "never" on the wall» today.', [['«they wrote "never" on the wall»', true, 'direct']]],
  ['double quote inside a single one', "Ana said 'they wrote \"never\" on it' today.", [["'they wrote \"never\" on it'", true, 'direct']]],
  // Unclosed quotes end at the paragraph end, without trailing white space.
  ['an unclosed double quote runs to the line end', 'Ana said "we will not go back', [['"we will not go back', false, 'direct']]],
  ['an unclosed quote ends before trailing spaces', 'Ana said "we will not go back  \t', [['"we will not go back', false, 'direct']]],
  ['an unclosed single quote that reads as a sentence of four words is kept', 'Ana said: ‘We stay right here.', [['‘We stay right here.', false, 'direct']]],
  ['an unclosed single quote of three words is not', 'Ana said: ‘We stay here.', []],
  ['an unclosed single quote without a sentence end is not', 'Ana said: ‘We stay right here and now', []],
  ['an unclosed single quote before a paragraph that opens with a mark is kept', 'Ana said: ‘we stay\n\n‘and we fight.’', [['‘we stay', false, 'partial'], ['‘and we fight.’', true, 'direct']]],
  // Multi-paragraph quotes: the next paragraph re-opens with a mark.
  [
    'a quote over two paragraphs, the second re-opened',
    'Ana said: “The first part of it is here.\n\n“And the second part is this one.”',
    [['“The first part of it is here.', false, 'direct'], ['“And the second part is this one.”', true, 'direct']],
  ],
  [
    'a merged paragraph re-opens after a sentence end',
    'Ana said: "We made a plan today. "We kept it to the end."',
    [['"We made a plan today.', false, 'direct'], ['"We kept it to the end."', true, 'direct']],
  ],
  [
    'an opening mark after a comma re-opens nothing: the quote runs on to the next closing mark',
    'Ana said: "we made a plan, "we kept it" and left.',
    [['"we made a plan, "we kept it"', true, 'direct']],
  ],
  // Apostrophes are no quote marks.
  ['contractions and possessives', "Ana's plan and Norway’s budget don’t matter, Ruiz¿s does.", []],
  ['’90s before a quote', 'In the ’90s Ana called it ‘a good time’ on air.', [['‘a good time’', true, 'partial']]],
  ["'90s (straight) before a quote", "In the '90s Ana called it 'a good time' on air.", [["'a good time'", true, 'partial']]],
  ['’90s inside a quote', 'Ana said ‘the ’90s were wild’ on air.', [['‘the ’90s were wild’', true, 'direct']]],
  ['¿ before a digit still opens (a corrupted opening mark)', 'Ana said ¿90 days¿ was enough.', [['¿90 days¿', true, 'partial']]],
  ['rock ’n’ roll', 'Ana loves rock ’n’ roll and jazz.', []],
  ["fish 'n' chips", "Ana sold fish 'n' chips there.", []],
  ['rock ’n’ roll inside a quote', "Ana said: 'Rock ’n’ roll is back for good,' and left.", [["'Rock ’n’ roll is back for good,'", true, 'direct']]],
  ['’n’ at the start and the end of a line', '’n’ is short\nfor and, as in rock ’n’', []],
  ['a weak closer (plural possessive) before a strong one stays inside', 'Ana said ‘the members’ votes count now’ today.', [['‘the members’ votes count now’', true, 'partial']]],
  ['a weak closer with no strong closer after it closes', 'Ana called the ‘members’ club elite.', [['‘members’', true, 'partial']]],
  // Mistyped curly marks.
  ['” opening a line', '”We are ready now,” she said.', [['”We are ready now,”', true, 'direct']]],
  ['“ closing after a comma', '“We are ready now,“ she said.', [['“We are ready now,“', true, 'direct']]],
  // A straight mark read either way, by the characters around it.
  ['a mark between spaces opens, the next one closes', 'Ana said " we go " now.', [['" we go "', true, 'partial']]],
  ['a closing mark with nothing open is ignored', 'The 5" screen and "big" ones.', [['"big"', true, 'partial']]],
  // Doubled apostrophes for a double mark.
  ["''…'' keeps its closing pair", "Ana called it ''a fine mess'' today.", [["''a fine mess''", true, 'partial']]],
  ["''…'' at the end of a line", "Ana called it ''a fine mess''", [["''a fine mess''", true, 'partial']]],
  ["'…'' (one opening apostrophe): the closing one only", "Ana called it 'a fine mess'' today.", [["'a fine mess'", true, 'partial']]],
  ["''…' (one closing apostrophe): nothing added", "Ana called it ''a fine mess' today.", [["''a fine mess'", true, 'partial']]],
  ['“ closing after a full stop', 'Ana said “we won.“ Then she left.', [['“we won.“', true, 'partial']]],
  ['” between spaces opens nothing', 'Ana said ” we won” today', []],
  // Lines that hold no quotes.
  ['a headline: its marks are titles', 'Council Backs ‘Bold’ Flood Plan\n\nAna said ‘no’.', [['‘no’', true, 'partial']]],
  ['an embedded tweet and its byline', 'Ana: ‘not now’ pic.twitter.com/abc\n— Ana Ruiz (@anaruiz) May 1, 2024\nAna said ‘yes’.', [['‘yes’', true, 'partial']]],
];

describe('core: quote marks, edge table', () => {
  for (const [name, text, pieces] of ROWS) {
    it(name, () => {
      assert.deepStrictEqual(quotesIn(text), spansOf(text, pieces));
    });
  }
});
