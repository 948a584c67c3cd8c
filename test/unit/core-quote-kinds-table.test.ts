// Edge tables of the quote kind (direct: the quoted words hold a clause; partial: a word, a phrase
// or a fragment without a subject) and of the lines that hold no quotes (src/core/quotes.ts).
import * as assert from 'node:assert/strict';
import { blockedLines, isHeadline, quoteKind } from '../../src/core/quotes';
import { splitLines } from '../../src/core/text';
import type { QuoteKind } from '../../src/core/types';

describe('core: quote kinds, edge table', () => {
  const rows: [name: string, quote: string, kind: QuoteKind][] = [
    ['two words are too few', '“we are”', 'partial'],
    ['three words with a subject and a verb', '“we are here”', 'direct'],
    ['marks and white space inside the marks are no words', '“  we are  ”', 'partial'],
    ['a relative pronoun opens a fragment', '“which was odd then”', 'partial'],
    ['"that" opens a clause as a subject', '“that is the plan”', 'direct'],
    ['a verb first: a fragment without its subject', '“is the only way”', 'partial'],
    ["it's", "“it's a good day”", 'direct'],
    ['we’re, curly', '“we’re ready now”', 'direct'],
    ["they'll", "“they'll come back”", 'direct'],
    ["what's", "“what's the plan”", 'direct'],
    ['a sentence end then a capital inside the marks', '“Enough. Go home now”', 'direct'],
    ['a sentence end then a lower-case word', '“enough. go home now”', 'partial'],
    ['a personal pronoun as the twelfth word is read', '“red boxes near old green sheds by tall dark blue trees we stand”', 'direct'],
    ['a personal pronoun as the thirteenth word is not', '“plain red boxes near old green sheds by tall dark blue trees we stand”', 'partial'],
    ['a finite verb as the thirteenth word is read', '“red boxes near old green sheds by tall dark blue trees soon is”', 'direct'],
    ['a finite verb as the fourteenth word is not', '“plain red boxes near old green sheds by tall dark blue trees soon is”', 'partial'],
    ['a pronoun before a capitalised word is no subject', '“the day we Danes won”', 'partial'],
    ['a pronoun before a lower-case word is a subject', '“the day we danes won”', 'direct'],
    ['a pronoun before "and" is no subject', '“a gift for they and us”', 'partial'],
    ['"it\'s" after the first word', "“and that's the point”", 'direct'],
    ['an adverb in -ly, then a subject pronoun', '“Sadly nobody home now”', 'direct'],
    ['a subject pronoun after another first word', '“Sad nobody home now”', 'partial'],
    ['astral letters make words', '“𝐀𝐁 are 𝐂𝐃”', 'direct'],
    ['two astral words and a verb are still three words', '“𝐀𝐁 are”', 'partial'],
    ['a lone surrogate is no letter', '“\ud835 are here”', 'partial'],
    ['apostrophe pieces stay in their word', '“rock’n’roll is”', 'partial'],
  ];
  for (const [name, quote, kind] of rows) it(name, () => assert.equal(quoteKind(quote), kind));
});

describe('core: lines that hold no quotes, edge table', () => {
  const rows: [name: string, lines: string[], blocked: number[]][] = [
    ['a byline blocks itself and the tweet line above it', ['Ana said ‘x’ today', '— Ana Ruiz (@anaruiz) May 1, 2024'], [0, 1]],
    ['the tweet line may sit one blank line above', ['Ana said ‘x’ today', '', '– Ana Ruiz (@anaruiz) May 1'], [0, 2]],
    ['two blank lines above: only the byline', ['Ana said ‘x’ today', '', '', '- Ana Ruiz (@anaruiz) May 1'], [3]],
    ['a byline at the top blocks only itself', ['  — Ana Ruiz (@anaruiz) May 1', 'Ana said ‘x’ today'], [0]],
    ['a handle without the dash of a byline blocks nothing', ['Ana said ‘x’ today', 'Ana Ruiz (@anaruiz) wrote it'], []],
    ['http and https t.co links', ['see http://t.co/ab ‘x’', 'see https://t.co/ab ‘x’', 'see t.co/ab ‘x’', 'see http://t.com/ab ‘x’'], [0, 1]],
  ];
  for (const [name, lines, blocked] of rows) {
    it(name, () => assert.deepStrictEqual([...blockedLines(splitLines(lines.join('\n')))].sort((a, b) => a - b), blocked));
  }
});

describe('core: headlines, edge table', () => {
  const title200 = `Flood${' Plan'.repeat(39)}`;
  const rows: [name: string, line: string, headline: boolean][] = [
    ['a title-case line of 200 characters', title200, true],
    ['a title-case line of 201 characters is too long', `Floods${' Plan'.repeat(39)}`, false],
    ['white space around it does not count towards the length', `\t ${title200}\u00a0 `, true],
    ['a sentence end', 'Flood Plan Wins.', false],
    ['a sentence end before one closing mark', 'Flood Plan Wins.”', false],
    ['a closing mark without a sentence end', 'Flood Plan Wins”', true],
    ['three words are enough', 'Flood Plan Wins', true],
    ['two are not', 'Flood Plan', false],
    ['small words count as capitalised', 'Flood Plan of the Year', true],
    ['an opening mark before a capital', '“Flood” Plan Wins', true],
    ['lower-case words', 'Flood plan wins', false],
  ];
  for (const [name, line, headline] of rows) it(name, () => assert.equal(isHeadline(line), headline));
});
