// Tables of the text scans (src/core/text.ts) at their edges: the word table of the tokenizer
// (hash collisions, repeats, the class boundaries of its fast path), sentence ends after a dot
// that the tokenizer keeps, and the other scan bounds. Rows are [name, text, whole expected result].
import * as assert from 'node:assert/strict';
import { splitSentences, tokenize } from '../../src/core/text';

/** [surface, folded form, word index] of every token. */
type TokenRow = [w: string, lw: string, id: number];

describe('core: text scans, edge tables', () => {
  describe('tokenize: the words, their folds and the table of distinct words', () => {
    const rows: [name: string, text: string, tokens: TokenRow[], wordCount: number][] = [
      ['two words of one hash ("Aa" and "BB": 65·31+97 = 66·31+66) stay two words', 'Aa BB Aa BB', [['Aa', 'aa', 0], ['BB', 'bb', 1], ['Aa', 'aa', 0], ['BB', 'bb', 1]], 2],
      // (Found by search: h("adgdtdhp") = 31·h("adgdtdh") + 112 = h("adgdtdh") mod 2^32.)
      ['a word and its prefix of one hash stay two words, the longer one first', 'adgdtdhp adgdtdh', [['adgdtdhp', 'adgdtdhp', 0], ['adgdtdh', 'adgdtdh', 1]], 2],
      ['a repeated word is found again before a dot and at the end of the text', 'the cat the. cat', [['the', 'the', 0], ['cat', 'cat', 1], ['the', 'the', 0], ['cat', 'cat', 1]], 2],
      ['a word that is another one with a letter more is another word', 'cat cats cat', [['cat', 'cat', 0], ['cats', 'cats', 1], ['cat', 'cat', 0]], 2],
      ['"{" (just past "z") and "`" (just before "a") are no word characters', 'ab{cd ab`cd z', [['ab', 'ab', 0], ['cd', 'cd', 1], ['ab', 'ab', 0], ['cd', 'cd', 1], ['z', 'z', 2]], 3],
      ['a hyphen joins before the digits 0 and 9, not before a symbol', 'pre-0 post-9 x-/', [['pre-0', 'pre-0', 0], ['post-9', 'post-9', 1], ['x', 'x', 2]], 3],
      ['the capitals A and Z alone fold to lower case', 'A Z a', [['A', 'a', 0], ['Z', 'z', 1], ['a', 'a', 2]], 3],
      // (The word without its dot is looked up first: "Mr" is word 0 and "Mr." word 1.)
      ['an abbreviation with its dot is another word than without', 'Mr. Mr Mr.', [['Mr.', 'mr.', 1], ['Mr', 'mr', 0], ['Mr.', 'mr.', 1]], 2],
      ['a middle initial keeps its dot ("M" is a word of the table too); a lower-case letter does not', 'Harry M. Reid a. b', [['Harry', 'harry', 0], ['M.', 'm.', 2], ['Reid', 'reid', 3], ['a', 'a', 4], ['b', 'b', 5]], 6],
      ['a one-letter word at the end of the text', 'x y', [['x', 'x', 0], ['y', 'y', 1]], 2],
      ['an accented word folds; a digit is its own fold', 'Émile 42 été', [['Émile', 'émile', 0], ['42', '42', 1], ['été', 'été', 2]], 3],
    ];
    for (const [name, text, expected, wordCount] of rows) {
      it(name, () => {
        const t = tokenize(text);
        const got = Array.from({ length: t.length }, (_, k): TokenRow => [t.w(k), t.lw(k), t.wordId(k)!]);
        assert.deepStrictEqual({ tokens: got, wordCount: t.wordCount }, { tokens: expected, wordCount });
        for (let k = 0; k < t.length; k++) assert.equal(text.slice(t.start[k], t.end[k]), t.w(k));
      });
    }
  });

  it('more distinct words than the table first holds (5,000, over 1,024 and 4,096 / 2): each found again', () => {
    const words = Array.from({ length: 5000 }, (_, k) => `w${k}`);
    const t = tokenize([...words, ...words].join(' '));
    const ids = Array.from({ length: t.length }, (_, k) => t.wordId(k));
    assert.deepStrictEqual(
      { tokens: t.length, wordCount: t.wordCount, first: ids.slice(0, 5000), second: ids.slice(5000), last: t.w(9999) },
      { tokens: 10000, wordCount: 5000, first: words.map((_, k) => k), second: words.map((_, k) => k), last: 'w4999' },
    );
  });

  describe('splitSentences: a dot after an abbreviation the tokenizer keeps', () => {
    /** The sentence texts of a one-line text. */
    const sentencesOf = (text: string): string[] => splitSentences(text, { start: 0, end: text.length, text }, []).map((s) => text.slice(s.start, s.end));
    const rows: [name: string, text: string, sentences: string[]][] = [
      // Bug: the letters and dots before the dot were read back past the word, so "...Dr" and
      // "said.Mr" were no abbreviations and the sentence ended between "Dr." and the name.
      ['"Dr." right after an ellipsis ends no sentence', 'He paused...Dr. Vale arrived. Then rain.', ['He paused...Dr. Vale arrived.', 'Then rain.']],
      ['"Mr." after a sentence end missing its space ends no sentence', 'He said.Mr. Vale came. Then.', ['He said.Mr. Vale came.', 'Then.']],
      ['"Mr." after a number and a dot ends no sentence', 'Pay 3.Mr. Vale now. Then.', ['Pay 3.Mr. Vale now.', 'Then.']],
      ['a dot at the very start before "Dr."', '.Dr. Vale came. Then.', ['.Dr. Vale came.', 'Then.']],
      ['dots inside a word still make it one: "e.g.", "U.S.", "p.m."', 'Then e.g. Rome. The U.S. Army came at 5 p.m. Monday. End.', ['Then e.g. Rome.', 'The U.S. Army came at 5 p.m. Monday.', 'End.']],
      ['a word that only ends like an abbreviation is none ("Ref.", "Ms.x")', 'See Ref. Then it went on. Done.', ['See Ref.', 'Then it went on.', 'Done.']],
      ['two dots after a word: the word is what counts', 'Wait.. Then. Go.', ['Wait..', 'Then.', 'Go.']],
    ];
    for (const [name, text, expected] of rows) {
      it(name, () => assert.deepStrictEqual(sentencesOf(text), expected));
    }
  });
});
