// Edge tables of the text helpers (src/core/text.ts): line splitting, paragraphs of hard-wrapped
// text, sentence ends, tokens, white space and line-break classes, possessives, ids, searches.
import * as assert from 'node:assert/strict';
import {
  fold,
  isLineBreakCode,
  isLower,
  isRegexSpaceCode,
  isSpace,
  isSpaceCode,
  isUpper,
  isWordChar,
  kebab,
  lineBreakIn,
  lowerBound,
  lowerBoundOf,
  paragraphsOf,
  possessiveEnd,
  sortByStart,
  splitLines,
  splitSentences,
  tokenize,
  WordClasses,
  type Line,
} from '../../src/core/text';
import type { Span } from '../../src/core/types';

/** [start, end, text] of each line, as a row writes them. */
type LineRow = [number, number, string];

describe('core: text helpers, edge tables', () => {
  describe('splitLines', () => {
    const rows: [name: string, text: string, lines: LineRow[]][] = [
      ['empty text: one empty line', '', [[0, 0, '']]],
      ['no line break', 'abc', [[0, 3, 'abc']]],
      ['a final LF leaves an empty last line', 'ab\n', [[0, 2, 'ab'], [3, 3, '']]],
      ['CRLF alone: two empty lines', '\r\n', [[0, 0, ''], [2, 2, '']]],
      ['LF then CR: two endings', '\n\r', [[0, 0, ''], [1, 1, ''], [2, 2, '']]],
      ['CR, then CRLF', 'a\r\r\nb', [[0, 1, 'a'], [2, 2, ''], [4, 5, 'b']]],
      ['a final lone CR', 'a\nb\r', [[0, 1, 'a'], [2, 3, 'b'], [4, 4, '']]],
      ['U+2028 and U+2029 only', 'a\u2028\u2029b', [[0, 1, 'a'], [2, 2, ''], [3, 4, 'b']]],
      ['emoji count two code units', '👍a\n🌊', [[0, 3, '👍a'], [4, 6, '🌊']]],
      ['CRLF with emoji', '🌊\r\n👍', [[0, 2, '🌊'], [4, 6, '👍']]],
      ['LF at offset 0 (LF alone in the text)', '\nab', [[0, 0, ''], [1, 3, 'ab']]],
      ['U+2028 at offset 0, the only kind of break', '\u2028x', [[0, 0, ''], [1, 2, 'x']]],
      ['U+2029 at offset 0, the only kind of break', '\u2029x', [[0, 0, ''], [1, 2, 'x']]],
      ['U+2029 at the end of the text', 'x\u2029', [[0, 1, 'x'], [2, 2, '']]],
    ];
    for (const [name, text, expected] of rows) {
      it(name, () => {
        assert.deepStrictEqual(splitLines(text), expected.map(([start, end, t]): Line => ({ start, end, text: t })));
      });
    }
  });

  describe('paragraphsOf: when short lines join', () => {
    const short = (n: number): string => `line ${n} of the text`;
    const rows: [name: string, lines: string[], keepApart: number[], paragraphs: string[], apart: number[]][] = [
      ['three consecutive short lines join', [short(1), short(2), short(3)], [], [`${short(1)}\n${short(2)}\n${short(3)}`], []],
      ['two lines are too few to tell', [short(1), short(2)], [], [short(1), short(2)], []],
      ['a line of 120 characters still joins', ['x'.repeat(120), short(2), short(3)], [], [`${'x'.repeat(120)}\n${short(2)}\n${short(3)}`], []],
      ['a line of 121 characters: one paragraph a line', ['x'.repeat(121), short(2), short(3)], [], ['x'.repeat(121), short(2), short(3)], []],
      ['two joins among five lines (0.4) are enough', [short(1), short(2), '', short(3), short(4), '', short(5)], [], [`${short(1)}\n${short(2)}`, `${short(3)}\n${short(4)}`, short(5)], []],
      ['one join among five lines is not', [short(1), short(2), '', short(3), '', short(4), '', short(5)], [], [short(1), short(2), short(3), short(4), short(5)], []],
      ['a kept-apart line stays its own paragraph, joined text or not', [short(1), short(2), short(3), short(4)], [2], [`${short(1)}\n${short(2)}`, short(3), short(4)], [1]],
      ['a kept-apart line in unjoined text is listed too', ['x'.repeat(121), short(2)], [1], ['x'.repeat(121), short(2)], [1]],
    ];
    for (const [name, lines, keepApart, paragraphs, apart] of rows) {
      it(name, () => {
        const text = lines.join('\n');
        const got = paragraphsOf(text, splitLines(text), new Set(keepApart));
        assert.deepStrictEqual({ paragraphs: got.paragraphs.map((p) => p.text), apart: [...got.apart] }, { paragraphs, apart });
        for (const p of got.paragraphs) assert.equal(text.slice(p.start, p.end), p.text);
      });
    }
  });

  describe('splitSentences', () => {
    /** The sentences of a one-line text, as [start, end, text]. */
    const sentencesOf = (text: string, atomic: Span[] = []): LineRow[] =>
      splitSentences(text, { start: 0, end: text.length, text }, atomic).map((s) => [s.start, s.end, text.slice(s.start, s.end)]);
    const rows: [name: string, text: string, sentences: string[]][] = [
      ['white space around the line is left out', '  Dr. Who came. He left.   ', ['Dr. Who came.', 'He left.']],
      ['initials and "e.g." end no sentence', 'J. R. Smith spoke. Then e.g. this went on.', ['J. R. Smith spoke.', 'Then e.g. this went on.']],
      ['closing brackets and marks stay with the sentence end', 'He left.) Then she came.” And more', ['He left.)', 'Then she came.”', 'And more']],
      ['a lower-case word after a dot goes on; a digit or a dash opens', 'It cost 3.5 dollars. then it rose. 3 men stayed. — Fine.', ['It cost 3.5 dollars. then it rose.', '3 men stayed.', '— Fine.']],
      ['"U.S." before a capital, "...", "?", "!!", "?!"', 'The U.S. Army came. Wait... What? Yes!! No?! Done.', ['The U.S. Army came.', 'Wait...', 'What?', 'Yes!!', 'No?!', 'Done.']],
      ['opening marks and brackets open a sentence', 'A b. "Q" c. ‘Q’ d. (P) e. ¿x f. «y g. –z h.', ['A b.', '"Q" c.', '‘Q’ d.', '(P) e.', '¿x f.', '«y g.', '–z h.']],
      ['offsets in code units after emoji', '🌊 Flood came. Then 👍 rain. And 🌊🌊 more.', ['🌊 Flood came.', 'Then 👍 rain.', 'And 🌊🌊 more.']],
      ['a line of white space has no sentence', ' \t ', []],
      ['a capital run ending a word is no abbreviation ("DNA.")', 'It was in the DNA. Then it changed.', ['It was in the DNA.', 'Then it changed.']],
      ['a capital and a lower-case letter are no abbreviation ("Al.")', 'We met Al. Then we left.', ['We met Al.', 'Then we left.']],
      ['one lower-case letter is no abbreviation ("plan b.")', 'We chose plan b. Then it rained.', ['We chose plan b.', 'Then it rained.']],
      ['dotted letters are one only when each group is one letter ("Ab.C.")', 'See Ab.C. Then go.', ['See Ab.C.', 'Then go.']],
      ['a listed abbreviation in capitals ("Gen.")', 'Ask Gen. Ivo Brandt. Fine.', ['Ask Gen. Ivo Brandt.', 'Fine.']],
    ];
    for (const [name, text, expected] of rows) {
      it(name, () => {
        let from = 0;
        const spans = expected.map((s): LineRow => {
          const start = text.indexOf(s, from);
          from = start + s.length;
          return [start, from, s];
        });
        assert.deepStrictEqual(sentencesOf(text), spans);
      });
    }

    it('reads only its line of a longer text, CRLF included', () => {
      const text = 'First one. Still first.\r\nSecond here. And more.\r\n';
      const line = splitLines(text)[1];
      assert.deepStrictEqual(splitSentences(text, line, []), [{ start: 25, end: 37 }, { start: 38, end: 47 }]);
    });
  });

  describe('tokens', () => {
    const rows: [name: string, text: string, words: string[]][] = [
      ['a hyphen joins before a lower-case letter or a digit only', 'Anglo-French well-known pre-2014 well- end', ['Anglo', 'French', 'well-known', 'pre-2014', 'well', 'end']],
      ['abbreviations keep their dot, case-sensitively', 'Mr. mr. No. e.g. U.S. A.B. a.b.c.', ['Mr.', 'mr', 'No.', 'e.g', 'U.S.', 'A.B.', 'a.b.c']],
      ['numbers keep inner dots, not a final one', '3. 3.79 10.5.', ['3', '3.79', '10.5']],
      ['apostrophes and ¿ inside a word; a final apostrophe is left out', 'Jones’ rock’n’roll Trump¿s isn\'t', ['Jones', 'rock’n’roll', 'Trump¿s', "isn't"]],
      ['a missing space after a dot splits only lower-case, capital, lower-case', 'said.Trump x.Y ok.Go t.co', ['said', 'Trump', 'x.Y', 'ok', 'Go', 't.co']],
      ['emoji and symbols are no words', '🌊Ana 👍 x $5 50%', ['Ana', 'x', '5', '50']],
    ];
    for (const [name, text, words] of rows) {
      it(name, () => {
        const t = tokenize(text);
        const got = Array.from({ length: t.length }, (_, k) => ({ w: t.w(k), at: text.slice(t.start[k], t.end[k]) }));
        assert.deepStrictEqual(got, words.map((w) => ({ w, at: w })));
      });
    }

    it('folds case, curly apostrophes and ¿ only', () => {
      const rows: [string, string][] = [['Don’T', "don't"], ['‘x¿', "'x'"], ['ÉTÉ', 'été'], ['a"b', 'a"b'], ['plain', 'plain'], ['’T', "'t"], ['¿X', "'x"], ['‘Y', "'y"]];
      assert.deepStrictEqual(rows.map(([w]) => fold(w)), rows.map(([, f]) => f));
    });
  });

  describe('character classes', () => {
    it('white space is regex \\s, plus U+0085 for isSpaceCode, over every code unit', () => {
      const wrong: string[] = [];
      for (let c = 0; c < 0x10000; c++) {
        const regex = /\s/.test(String.fromCharCode(c));
        if (isRegexSpaceCode(c) !== regex || isSpaceCode(c) !== (regex || c === 0x85)) wrong.push(c.toString(16));
      }
      assert.deepStrictEqual(wrong, []);
    });

    it('line breaks are LF, CR, U+2028 and U+2029', () => {
      const breaks: number[] = [];
      for (let c = 0; c < 0x10000; c++) if (isLineBreakCode(c)) breaks.push(c);
      assert.deepStrictEqual(breaks, [10, 13, 0x2028, 0x2029]);
    });

    it('finds the first line break in a range, or its end', () => {
      const text = 'ab\ncd\r\nef';
      const rows: [from: number, to: number, expected: number][] = [[0, 9, 2], [2, 9, 2], [3, 9, 5], [3, 5, 5], [7, 9, 9], [0, 0, 0]];
      assert.deepStrictEqual(rows.map(([from, to]) => lineBreakIn(text, from, to)), rows.map(([, , e]) => e));
    });

    it('tells word, upper-case, lower-case and space characters, undefined and "" being none', () => {
      const chars: (string | undefined)[] = [undefined, '', 'a', 'A', '1', 'é', 'É', '-', ' ', '\u00a0', '\u3000', 'ß'];
      assert.deepStrictEqual(
        chars.map((c) => [isWordChar(c), isUpper(c), isLower(c), isSpace(c)].map((b) => (b ? 1 : 0)).join('')),
        ['0000', '0000', '1010', '1100', '1000', '1010', '1100', '0000', '0001', '0001', '0001', '1010'],
      );
    });
  });

  describe('possessive ends', () => {
    const rows: [name: string, text: string, expected: number][] = [
      ['’s on a name', 'Brack’s aide', 5],
      ["'s on a name", "Brack's aide", 5],
      ['¿s on a name (a corrupted apostrophe)', 'Brack¿s aide', 5],
      ['a plural with a final apostrophe', 'nurses’ union', 6],
      ['a plural with a final straight apostrophe', "nurses' union", 6],
      ['a plural at the end of the text', 'nurses’', 6],
      ['an apostrophe before a letter is no possessive', 'nurses’x', -1],
      ['a word ending in s without an apostrophe', 'nurses union', -1],
      ['a word not ending in s', 'nurse’ union', -1],
      ['two letters ending in s: only a following apostrophe counts', 'As’ end', 2],
      ['three characters: one letter and ’s', 'X’s aide', 1],
    ];
    for (const [name, text, expected] of rows) {
      it(name, () => assert.equal(possessiveEnd(tokenize(text), 0), expected));
    }
  });

  describe('kebab ids', () => {
    const rows: [string, string][] = [
      ['José Manuel Albares', 'jose-manuel-albares'],
      ['The Guardian', 'guardian'],
      ['The', 'the'],
      ['The-', 'the'],
      ['Straße', 'strasse'],
      ['O’Brien', 'obrien'],
      ["Rock 'n' Roll", 'rock-n-roll'],
      ['U.S. Army', 'us-army'],
      ['--a--', 'a'],
      ['¡¡', 'entity'],
      ['', 'entity'],
    ];
    it('folds accents, drops apostrophes and dots, a leading "the-", and never gives ""', () => {
      assert.deepStrictEqual(rows.map(([name]) => kebab(name)), rows.map(([, id]) => id));
    });
  });

  describe('searches and order', () => {
    it('lowerBoundOf: the first index whose number is >= value, in a range', () => {
      const sorted = [1, 3, 3, 5, 9];
      const rows: [value: number, lo: number | undefined, hi: number | undefined, expected: number][] = [
        [0, undefined, undefined, 0], [1, undefined, undefined, 0], [2, undefined, undefined, 1], [3, undefined, undefined, 1],
        [4, undefined, undefined, 3], [9, undefined, undefined, 4], [10, undefined, undefined, 5], [9, 0, 3, 3], [0, 2, 5, 2],
      ];
      assert.deepStrictEqual(rows.map(([v, lo, hi]) => lowerBoundOf(sorted, v, lo, hi)), rows.map(([, , , e]) => e));
    });

    it('lowerBound: the first span starting at or after an offset, among the first n', () => {
      const spans: Span[] = [{ start: 2, end: 4 }, { start: 5, end: 6 }, { start: 5, end: 9 }, { start: 8, end: 9 }];
      const rows: [offset: number, n: number | undefined, expected: number][] = [[0, undefined, 0], [2, undefined, 0], [3, undefined, 1], [5, undefined, 1], [6, undefined, 3], [9, undefined, 4], [9, 2, 2], [6, 2, 2]];
      assert.deepStrictEqual(rows.map(([o, n]) => lowerBound(spans, o, n)), rows.map(([, , e]) => e));
    });

    it('sortByStart sorts by start, keeping the order of equal starts', () => {
      const spans = [{ start: 4, end: 5, id: 'a' }, { start: 1, end: 9, id: 'b' }, { start: 4, end: 4, id: 'c' }, { start: 1, end: 2, id: 'd' }];
      sortByStart(spans);
      assert.deepStrictEqual(spans.map((s) => s.id), ['b', 'd', 'a', 'c']);
      const inOrder = [{ start: 1, end: 2, id: 'x' }, { start: 1, end: 1, id: 'y' }, { start: 3, end: 3, id: 'z' }];
      sortByStart(inOrder);
      assert.deepStrictEqual(inOrder.map((s) => s.id), ['x', 'y', 'z']);
    });

    it('WordClasses takes at most 30 lists', () => {
      const t = tokenize('a b');
      const lists = (n: number): Set<string>[] => Array.from({ length: n }, () => new Set(['a']));
      assert.equal(new WordClasses(t, lists(30)).of(0) & ((1 << 30) - 1), (1 << 30) - 1);
      assert.throws(() => new WordClasses(t, lists(31)), /at most 30 word lists/);
    });
  });
});
