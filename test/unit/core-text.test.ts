import * as assert from 'node:assert/strict';
import { sameRendering } from '../../src/core/attribution';
import { editDistance, paragraphsOf, possessiveEnd, splitLines, splitSentences, tokenAt, tokenAtFrom, tokenize, WordClasses, type Tokens } from '../../src/core/text';
import type { Span } from '../../src/core/types';

const all = (t: Tokens, f: (k: number) => string): string[] => Array.from({ length: t.length }, (_, k) => f(k));

/** The token texts, read back from the offsets. */
function surfaces(text: string): string[] {
  const t = tokenize(text);
  const out: string[] = [];
  for (let k = 0; k < t.length; k++) {
    assert.equal(text.slice(t.start[k], t.end[k]), t.w(k), `token ${k} offsets match its text`);
    out.push(t.w(k));
  }
  return out;
}

describe('core: tokens', () => {
  it('joins words through inner apostrophes, dots and hyphens, and keeps abbreviation dots', () => {
    assert.deepEqual(surfaces('Mr. Dunmore’s well-known pre-2024 plan cost 3.79 billion in the U.S. today.'), [
      'Mr.', 'Dunmore’s', 'well-known', 'pre-2024', 'plan', 'cost', '3.79', 'billion', 'in', 'the', 'U.S.', 'today',
    ]);
  });

  it('splits "said.Trump" (a missing space) but keeps "t.co", "3.79" and "U.S" whole', () => {
    assert.deepEqual(surfaces('Vale said.Trump left t.co 3.79 U.S.'), ['Vale', 'said', 'Trump', 'left', 't.co', '3.79', 'U.S.']);
  });

  it('folds case and curly apostrophes or ¿ in lw', () => {
    const t = tokenize('Ferrand’s ORCHARD isn¿t');
    assert.deepEqual(all(t, (k) => t.lw(k)), ["ferrand's", 'orchard', "isn't"]);
  });

  it('counts UTF-16 offsets after emoji and CRLF line breaks', () => {
    const text = 'A 👍 note\r\nVale said';
    const t = tokenize(text);
    assert.deepEqual(all(t, (k) => t.w(k)), ['A', 'note', 'Vale', 'said']);
    assert.equal(t.start[1], 5); // "A " + two code units of the emoji + " "
    assert.equal(t.start[2], 11);
  });

  it('hands on the code units of the whole text, emoji halves, CR and the end included', () => {
    const text = '“Mr. Vale’s” 👍 plan…\r\nU.S. end.';
    const expected = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
    assert.deepEqual(Array.from(tokenize(text).units), expected);
    assert.equal(tokenize('').units.length, 0);
  });

  it('records every quote mark, sentence-ending mark and figure symbol, inside words and abbreviations too', () => {
    const pieces = ['Mr.', 'U.S.', 'said.Trump', '’s', "'", '¿', '“', '”', '«', '»', '‘', '3.79', 't.co', '…', '?', '!', '.', ' ', 'x', 'Ab', '-', '\n', '%', '/', '@', '$', '€', '£', '¥', '₹', '₽', '₴', 'US$3', '50%', 'a/b', 'x@y.z'];
    let seed = 7;
    const next = (m: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % m;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let j = 0, len = 1 + next(15); j < len; j++) text += pieces[next(pieces.length)];
      const t = tokenize(text);
      const at = (test: (c: string) => boolean): number[] => [...text].flatMap((c, i) => (test(c) ? [i] : []));
      assert.deepEqual(t.quoteMarks, at((c) => '"\'«»¿‘’“”'.includes(c)), text);
      assert.deepEqual(t.terminals, at((c) => '.!?…'.includes(c)), text);
      assert.deepEqual(t.symbols, at((c) => '%/@$€£¥₹₽₴'.includes(c)), text);
    }
  });

  it('tells which tokens start with a capital', () => {
    const t = tokenize('Élodie met the ÖVP and 3 men');
    assert.deepEqual(all(t, (k) => (t.capitalised(k) ? 'C' : '-')), ['C', '-', '-', 'C', '-', '-', '-']);
  });

  it('grows past its first guess of one word every four characters', () => {
    const text = Array.from({ length: 5000 }, (_, k) => (k % 2 === 0 ? 'a' : 'B')).join(' ');
    const t = tokenize(text);
    assert.equal(t.length, 5000);
    assert.equal(t.start.length, 5000);
    assert.equal(t.w(4999), 'B');
    assert.equal(t.start[4999], 9998);
    assert.equal(t.end[4999], 9999);
  });

  it('shares one string per repeated word and gives nothing outside the list', () => {
    const words = Array.from({ length: 6000 }, (_, k) => `w${k % 2500}`); // 2,500 words: the table grows
    const t = tokenize(words.join(' '));
    assert.equal(t.length, 6000);
    for (let k = 0; k < 6000; k++) assert.equal(t.w(k), words[k]);
    assert.equal(t.has(5999), true);
    assert.equal(t.has(6000), false);
    assert.equal(t.has(-1), false);
    assert.equal(t.w(6000), undefined);
    assert.equal(t.lw(-1), undefined);
  });

  it('finds a token by offset and a possessive ending', () => {
    const text = 'The nurses’ union and Brack’s aide';
    const t = tokenize(text);
    assert.equal(tokenAt(t, 0), 0);
    assert.equal(tokenAt(t, 1), 1);
    assert.equal(tokenAt(t, text.length), t.length);
    assert.equal(possessiveEnd(t, 1), 10, 'bare plural possessive: the token end');
    assert.equal(possessiveEnd(t, 4), text.indexOf('’s aide'), '"Brack’s" ends before ’s');
    assert.equal(possessiveEnd(t, 2), -1);
  });

  it('finds the same token from any hint, near or far, in range or not', () => {
    const text = Array.from({ length: 300 }, (_, k) => 'ab'.repeat(1 + (k % 4))).join(' ');
    const t = tokenize(text);
    for (let offset = -1; offset <= text.length + 1; offset += 7) {
      const expected = tokenAt(t, offset);
      for (const hint of [-5, 0, 1, 2, 3, 50, 149, 150, 151, 298, 299, 300, 301, 1000]) assert.equal(tokenAtFrom(t, offset, hint), expected, `offset ${offset}, hint ${hint}`);
    }
    assert.equal(tokenAtFrom(tokenize(''), 3, 2), 0);
  });
});

describe('core: sentences', () => {
  /** Sentence texts of a one-paragraph text, with the given spans kept whole. */
  function sentences(text: string, atomic: Span[] = []): string[] {
    const lines = splitLines(text);
    const { paragraphs } = paragraphsOf(text, lines, new Set());
    return paragraphs.flatMap((p) => splitSentences(text, p, atomic).map((s) => text.slice(s.start, s.end)));
  }

  it('splits at . ! ? and … before a capital, not after abbreviations', () => {
    assert.deepEqual(sentences('Mr. Oduya left at 5 p.m. on Friday. Why? Nobody knows… Then rain fell!'), [
      'Mr. Oduya left at 5 p.m. on Friday.', 'Why?', 'Nobody knows…', 'Then rain fell!',
    ]);
  });

  it('does not end a sentence after a dotted abbreviation the tokenizer keeps ("Del.")', () => {
    assert.deepEqual(sentences('Ask Del. Stacy Pell first. Then go.'), ['Ask Del. Stacy Pell first.', 'Then go.']);
  });

  it('never splits inside a kept span, and ends a sentence after one that ends with a mark', () => {
    const text = 'Hale said "Stop. Now." Then he left. "No more" came next';
    const q1 = text.indexOf('"Stop');
    const q2 = text.indexOf('"No more');
    const atomic = [{ start: q1, end: text.indexOf('Then') - 1 }, { start: q2, end: q2 + 9 }];
    assert.deepEqual(sentences(text, atomic), ['Hale said "Stop. Now."', 'Then he left.', '"No more" came next']);
  });

  it('handles lines with several spans and no mark, and marks only after the spans', () => {
    const text = 'A "b" c "d" e "f" g\n\nNo mark here "x" at all\n\nOne "y" two. Three';
    const atomic: Span[] = [];
    for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', text.indexOf('"', i + 1) + 1)) atomic.push({ start: i, end: text.indexOf('"', i + 1) + 1 });
    assert.deepEqual(sentences(text, atomic), ['A "b" c "d" e "f" g', 'No mark here "x" at all', 'One "y" two.', 'Three']);
  });
});

describe('core: same rendering of two paragraphs', () => {
  /** Whether paragraphs x and y (joined into one text) read the same once typography is folded. */
  function same(x: string, y: string): boolean {
    const text = `${x}\n${y}`;
    return sameRendering(tokenize(text).units, { start: x.length + 1, end: text.length }, { start: 0, end: x.length });
  }

  it('folds curly and straight marks, dashes, "…" and runs of spaces', () => {
    assert.equal(same('“It’s over,” she said — again…', '"It\'s over," she said - again...'), true);
    assert.equal(same('Two  spaces\there and\u00a0there', 'Two spaces here and there'), true);
    assert.equal(same('A long shared opening, then one word differs here.', 'A long shared opening, then one word differs there.'), false);
  });

  it('tells apart a prefix, a trailing space and a missing space', () => {
    assert.equal(same('Shared words', 'Shared words and more'), false);
    assert.equal(same('Shared words ', 'Shared words'), false);
    assert.equal(same('Shared words ', 'Shared words  '), true);
    assert.equal(same('Sharedwords', 'Shared words'), false);
    assert.equal(same('Wait… now', 'Wait.. now'), false);
    assert.equal(same('', ''), true);
  });
});

describe('core: word classes', () => {
  it('gives each token the lists its word is in, once per distinct word, and 0 outside the list', () => {
    const t = tokenize('Said the Mayor’s aide; the mayor said');
    const lists = [new Set(['said']), new Set(['mayor', 'aide']), new Map([['the', 1]])];
    const classes = new WordClasses(t, lists);
    assert.deepEqual(Array.from({ length: t.length }, (_, k) => classes.of(k) & 7), [1, 4, 0, 2, 4, 2, 1]);
    assert.equal(classes.is(3, 2), true);
    assert.equal(classes.is(3, 1 | 4), false);
    assert.equal(classes.of(-1), 0);
    assert.equal(classes.of(t.length), 0);
    const bare = new WordClasses(t, lists, (lw) => lw.replace(/'s$/, ''));
    assert.equal(bare.is(2, 2), true, '"Mayor’s" without its possessive is in the second list');
  });

  it('gives a word that is in several lists all their bits, and a key in none of them 0', () => {
    const t = tokenize('said aide mayor other');
    const lists = [new Set(['said', 'aide']), new Map([['aide', 1], ['mayor', 2]]), new Set(['aide', 'said'])];
    const classes = new WordClasses(t, lists);
    assert.deepEqual(Array.from({ length: t.length }, (_, k) => classes.of(k) & 7), [1 | 4, 1 | 2 | 4, 2, 0]);
    // The same lists for another text: the same answers.
    const again = new WordClasses(tokenize('mayor said'), lists);
    assert.deepEqual([again.of(0) & 7, again.of(1) & 7], [2, 1 | 4]);
  });
});

describe('core: edit distance', () => {
  /** The whole table, as the definition reads. */
  const byTable = (a: string, b: string): number => {
    const d: number[][] = [];
    for (let i = 0; i <= a.length; i++) d.push([i]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  };

  it('counts a swap of neighbours as one edit and is exact up to its bound', () => {
    assert.equal(editDistance('kier', 'keir', 1), 1);
    assert.equal(editDistance('starmer', 'stammer', 1), 1);
    assert.equal(editDistance('starmer', 'starmer', 0), 0);
    assert.equal(editDistance('', 'abc', 3), 3);
    assert.ok(editDistance('scholz', 'merz', 2) > 2);
  });

  it('agrees with the whole table on generated pairs: the distance up to the bound, above it a larger number', () => {
    let seed = 11;
    const next = (m: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % m;
    const word = (): string => Array.from({ length: next(8) }, () => 'abce'[next(4)]).join('');
    for (let n = 0; n < 5000; n++) {
      const a = word();
      const b = next(3) === 0 ? a.slice(0, next(a.length + 1)) + 'abce'[next(4)] + a.slice(next(a.length + 1)) : word();
      const max = next(4);
      const exact = byTable(a, b);
      const got = editDistance(a, b, max);
      if (exact <= max) assert.equal(got, exact, `${a} ${b} ${max}`);
      else assert.ok(got > max, `${a} ${b} ${max}: ${got}`);
    }
  });
});
