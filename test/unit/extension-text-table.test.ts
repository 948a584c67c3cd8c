/** The label helpers as tables: inputs at the cut edges, whitespace, trailing punctuation and slashes. */
import assert from 'node:assert/strict';
import { baseName, escapeMarkdown, plural, shorten, shortenAtWord } from '../../src/extension/model/text';

function table<I extends unknown[], O>(rows: [string, I, O][], f: (...input: I) => O): void {
  assert.deepStrictEqual(
    rows.map(([name, input]) => [name, f(...input)]),
    rows.map(([name, , expected]) => [name, expected]),
  );
}

describe('extension model: text helpers table', () => {
  it('shorten', () => {
    table<[string, number], string>(
      [
        ['whitespace collapsed and trimmed', ['  a  b\n c  ', 60], 'a b c'],
        ['exactly max characters: kept whole', ['abcde', 5], 'abcde'],
        ['one over: cut, the space before the ellipsis dropped', ['abc defgh', 5], 'abc…'],
        ['max 1: only the ellipsis', ['abcdef', 1], '…'],
      ],
      shorten,
    );
  });

  it('shortenAtWord', () => {
    table<[string, number], string>(
      [
        ['whitespace collapsed and trimmed', ['  Minister of\n Foreign Affairs  ', 100], 'Minister of Foreign Affairs'],
        ['exactly max characters: kept whole', ['Minister', 8], 'Minister'],
        ['cut at the last word boundary', ['Minister of Foreign Affairs', 22], 'Minister of Foreign…'],
        ['a boundary at exactly half of max is near enough', ['abcd efghij', 8], 'abcd…'],
        ['a boundary before half of max is not: cut mid-word', ['ab cdefghij', 8], 'ab cdef…'],
        ['all punctuation before the cut is dropped', ['alpha,; beta gamma', 9], 'alpha…'],
      ],
      shortenAtWord,
    );
  });

  it('escapeMarkdown, plural and baseName', () => {
    table<[string], string>(
      [
        ['a run of line breaks and spaces becomes one space', ['a\n\n  b'], 'a b'],
        ['punctuation escaped, letters and digits not', ['#1 <b>'], '\\#1 \\<b\\>'],
      ],
      escapeMarkdown,
    );
    table<[number, string, string?], string>(
      [
        ['none', [0, 'quote'], '0 quotes'],
        ['one', [1, 'entity', 'entities'], '1 entity'],
        ['two, own plural', [2, 'entity', 'entities'], '2 entities'],
      ],
      plural,
    );
    table<[string], string>(
      [
        ['a URI', ['file:///a/b/c.txt'], 'c.txt'],
        ['trailing slashes dropped', ['a/b//'], 'b'],
        ['a root file', ['/c.txt'], 'c.txt'],
        ['no slash', ['c.txt'], 'c.txt'],
      ],
      baseName,
    );
  });
});
