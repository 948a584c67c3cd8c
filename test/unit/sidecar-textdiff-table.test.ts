/**
 * The word diff as a table: each row is an old and a new text, and the whole alignment is compared,
 * written as `word>j` for an old word now at new word j and `word>-` for one the diff lost.
 */
import assert from 'node:assert/strict';
import type { Span } from '../../src/core/types';
import { normalizeText } from '../../src/sidecar/normalize';
import { TextDiff } from '../../src/sidecar/textDiff';

function diff(oldText: string, newText: string): TextDiff {
  return TextDiff.between(normalizeText(oldText), normalizeText(newText));
}

function words(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Every old word mapped through the diff, as `word>j` (j: the new word it became) or `word>-`. */
function alignment(oldText: string, newText: string): string[] {
  const d = diff(oldText, newText);
  const newWords = words(newText);
  return words(oldText).map(({ word, start, end }) => {
    const span = d.mapSpan(start, end);
    if (!span) return `${word}>-`;
    const j = newWords.findIndex((w) => w.start === span.start && w.end === span.end);
    return j === -1 ? `${word}>?${span.start}-${span.end}` : `${word}>${j}`;
  });
}

describe('sidecar word diff table: whole alignments', () => {
  const rows: [string, string, string, string[]][] = [
    ['identical texts', 'a b c', 'a b c', ['a>0', 'b>1', 'c>2']],
    ['both empty', '', '', []],
    ['everything inserted', '', 'a b', []],
    ['everything deleted', 'a b', '', ['a>-', 'b>-']],
    ['inserted at the start', 'a b c', 'x a b c', ['a>1', 'b>2', 'c>3']],
    ['inserted at the end', 'a b c', 'a b c x', ['a>0', 'b>1', 'c>2']],
    ['inserted inside', 'a b c', 'a x b c', ['a>0', 'b>2', 'c>3']],
    ['deleted at the start', 'x a b', 'a b', ['x>-', 'a>0', 'b>1']],
    ['deleted at the end', 'a b x', 'a b', ['a>0', 'b>1', 'x>-']],
    ['deleted inside', 'a x b', 'a b', ['a>0', 'x>-', 'b>1']],
    ['replaced at the start', 'a b c', 'z b c', ['a>-', 'b>1', 'c>2']],
    ['replaced at the end', 'a b c', 'a b z', ['a>0', 'b>1', 'c>-']],
    ['replaced inside', 'a b c', 'a z c', ['a>0', 'b>-', 'c>2']],
    ['white space and quote marks are no edit', 'say "yes" now', 'say\n\n“yes”   now', ['say>0', '"yes">1', 'now>2']],
    ['a copy appended: the originals keep their words (common prefix)', 'a b', 'a b a b', ['a>0', 'b>1']],
    ['the second copy deleted: the first keeps its words', 'a b a b', 'a b', ['a>0', 'b>1', 'a>-', 'b>-']],
    ['one of three equal words deleted: the last one is lost', 'x x x', 'x x', ['x>0', 'x>1', 'x>-']],
    ['a deleted run joined over a repeated word', 'A q x r x C', 'A x C', ['A>0', 'q>-', 'x>-', 'r>-', 'x>1', 'C>2']],
    ['no unique word: LCS, an old word skipped on a tie', 'a b a b', 'b a b a', ['a>-', 'b>0', 'a>1', 'b>2']],
    ['no unique word: LCS skipping new words', 'x y x', 'y y x x', ['x>-', 'y>0', 'x>2']],
    ['words swapped around a unique one, each side aligned on its own unique words', 'a b Z b a', 'b a Z a b', ['a>-', 'b>0', 'Z>2', 'b>-', 'a>3']],
    // U is in both halves, so unique only between the fixed point Z and the start: there it is a
    // fixed point of its own (patience diff), although the three a's would be a longer match.
    ['a word unique only in a part is a fixed point in that part', 'a a a U Z U', 'U a a a Z U', ['a>-', 'a>-', 'a>-', 'U>0', 'Z>4', 'U>5']],
    ['equal words on either side of a unique one', 'p a a q b b r', 'p a q b r', ['p>0', 'a>1', 'a>-', 'q>2', 'b>3', 'b>-', 'r>4']],
    // Rows from the mutants of the LCS index arithmetic and of the fixed-point chain (issue 13):
    // leaf regions that do not start at the first word, and regions wider than they are long.
    ['a leaf region after the common prefix, on both sides of a unique word', 'e a e c e a e e', 'e e e c a e', ['e>0', 'a>-', 'e>1', 'c>3', 'e>-', 'a>4', 'e>5', 'e>-']],
    ['a leaf region after the prefix, with many more new words: the last equal word paired', 'a e e a', 'a c c c c e c a e c c', ['a>0', 'e>-', 'e>5', 'a>7']],
    ['two unique words in order are both fixed points', 'c a e a', 'a c e', ['c>1', 'a>-', 'e>2', 'a>-']],
    ['no unique word, six old words against four new ones', 'a c e a c e', 'e c e e', ['a>-', 'c>-', 'e>0', 'a>-', 'c>1', 'e>2']],
    ['no unique word, new words skipped between the matches', 'e e', 'c e c e', ['e>1', 'e>3']],
    ['surrogate pairs in words', 'a \u{1F600}b c', 'x a \u{1F600}b c', ['a>1', '\u{1F600}b>2', 'c>3']],
  ];
  for (const [name, oldText, newText, expected] of rows) {
    it(name, () => assert.deepStrictEqual(alignment(oldText, newText), expected));
  }
});

describe('sidecar word diff table: a large region without unique words', () => {
  // After the common first word, 2000 old words against 2000 new ones (4,000,000 cells, the
  // budget): aligned by LCS. One old word more and the region is left unaligned.
  const pairs = (p: string, n: number) => Array.from({ length: n }, () => p).join(' ');
  it('at the budget: aligned (the first a skipped, every other word one place earlier)', () => {
    const oldText = `start ${pairs('a b', 1000)}`;
    const got = alignment(oldText, `start ${pairs('b a', 1000)}`);
    const want = words(oldText).map(({ word }, k) => (k === 0 ? 'start>0' : k === 1 ? 'a>-' : `${word}>${k - 1}`));
    assert.deepStrictEqual(got, want);
  });
  it('over the budget: only the common prefix is aligned', () => {
    const oldText = `start ${pairs('a b', 1000)} a`;
    const got = alignment(oldText, `start ${pairs('b a', 1000)}`);
    assert.deepStrictEqual(got, words(oldText).map(({ word }, k) => (k === 0 ? 'start>0' : `${word}>-`)));
  });
  it('over the budget after a common prefix of repeated words: the prefix is still aligned', () => {
    // a b | (a b)×1001 against a b | (b a)×1001: 2002 × 2002 words after the prefix, no unique word.
    const oldText = pairs('a b', 1002);
    const got = alignment(oldText, `a b ${pairs('b a', 1001)}`);
    assert.deepStrictEqual(got, words(oldText).map(({ word }, k) => (k < 2 ? `${word}>${k}` : `${word}>-`)));
  });
});

describe('sidecar word diff table: span edges', () => {
  const oldText = 'alpha beta  gamma \u{1F600}delta';
  const newText = 'zero alpha beta gamma \u{1F600}delta end';
  const span = (text: string, snippet: string): Span => ({ start: text.indexOf(snippet), end: text.indexOf(snippet) + snippet.length });
  const rows: [string, Span, Span | undefined][] = [
    ['whole words', span(oldText, 'alpha beta'), span(newText, 'alpha beta')],
    ['inside one word', span(oldText, 'lph'), span(newText, 'lph')],
    ['from inside one word to inside another', span(oldText, 'ta  gam'), span(newText, 'ta gam')],
    ['starting on white space: from the next word', { start: 5, end: 10 }, span(newText, 'beta')],
    ['ending on white space: up to the word before', { start: 6, end: 12 }, span(newText, 'beta')],
    ['only white space', { start: 10, end: 12 }, undefined],
    ['empty, inside a word', { start: 2, end: 2 }, undefined],
    ['after the last word', { start: oldText.length, end: oldText.length }, undefined],
    ['after an emoji inside a word', span(oldText, 'delta'), span(newText, 'delta')],
    ['the emoji alone', span(oldText, '\u{1F600}'), span(newText, '\u{1F600}')],
  ];
  const d = diff(oldText, newText);
  for (const [name, from, to] of rows) it(name, () => assert.deepStrictEqual(d.mapSpan(from.start, from.end), to));

  it('edge words lost or kept', () => {
    assert.deepStrictEqual(
      [diff('a b c', 'b c').mapSpan(0, 3), diff('a b c', 'a b').mapSpan(2, 5), diff('x a', 'a').mapSpan(2, 3), diff('a b c', 'a c').mapSpan(0, 5)],
      [undefined, undefined, { start: 0, end: 1 }, { start: 0, end: 3 }],
    );
  });
});
