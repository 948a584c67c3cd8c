import assert from 'node:assert/strict';
import { OccurrenceIndex } from '../../src/sidecar/docIndex';
import { matchingForm, normalizedOffset, normalizeText, originalSpan } from '../../src/sidecar/normalize';
import { longestNonDecreasing, TextDiff } from '../../src/sidecar/textDiff';

function diff(oldText: string, newText: string): TextDiff {
  return TextDiff.between(normalizeText(oldText), normalizeText(newText));
}

/** The span of the `occurrence`-th `snippet` in `text`. */
function at(text: string, snippet: string, occurrence = 0): { start: number; end: number } {
  let i = -1;
  for (let k = 0; k <= occurrence; k++) i = text.indexOf(snippet, i + 1);
  assert.ok(i >= 0, snippet);
  return { start: i, end: i + snippet.length };
}

describe('sidecar matching form and word diff', () => {
  it('folds quote marks and collapses white space runs, with maps back to the original', () => {
    const original = '“A”\r\n\r\n  b’s «c»\u00a0d';
    const n = normalizeText(original);
    assert.equal(n.text, '"A" b\'s "c" d');
    // “ A ” [\r\n\r\n␣␣] b ’ s ␣ « c » nbsp d
    assert.deepStrictEqual([...n.starts], [0, 1, 2, 3, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    assert.deepStrictEqual([...n.ends], [1, 2, 3, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    // The normalized span of `b’s «c»` leads back to the exact original characters.
    assert.deepStrictEqual(originalSpan(n, 4, 11), { start: 9, end: 16 });
    assert.equal(original.slice(9, 16), 'b’s «c»');
    assert.equal(normalizedOffset(n, 5), 3, 'inside a collapsed run: the run');
    assert.equal(matchingForm('‘x’ \t\n y'), "'x' y");
  });

  it('finds every occurrence, overlapping ones included, for long and short needles', () => {
    const text = 'aaaaaa the council said. The council said it twice: the council said. 12 and 12.';
    const index = new OccurrenceIndex(text);
    const naive = (needle: string) => {
      const out: number[] = [];
      for (let i = 0; i + needle.length <= text.length; i++) if (text.startsWith(needle, i)) out.push(i);
      return out;
    };
    for (const needle of ['aaaa', 'a', '12', 'the council said', 'council said.', 'he c', 'absent words']) {
      assert.deepStrictEqual(index.occurrences(needle), naive(needle), needle);
    }
    assert.deepStrictEqual(index.occurrences(''), []);
  });

  it('longestNonDecreasing keeps equal values and returns indices in order', () => {
    assert.deepStrictEqual(longestNonDecreasing([5, 1, 2, 2, 9, 3, 4]), [1, 2, 3, 5, 6]);
    assert.deepStrictEqual(longestNonDecreasing([]), []);
  });

  it('maps spans through inserted, deleted and re-wrapped words and quote conversion', () => {
    const oldText = 'The mayor said "we will rebuild the bridge" on Monday. Costs: 4 million.';
    const newText = 'Late on Friday the mayor, visibly tired, said\n“we will rebuild the bridge” on  Monday. Costs: 4 million.';
    const d = diff(oldText, newText);
    assert.deepStrictEqual(d.mapSpan(at(oldText, '"we will rebuild the bridge"').start, at(oldText, '"we will rebuild the bridge"').end), at(newText, '“we will rebuild the bridge”'));
    assert.deepStrictEqual(d.mapSpan(at(oldText, '4 million').start, at(oldText, '4 million').end), at(newText, '4 million'));
    // Part of a word: offsets inside a surviving word carry over.
    assert.deepStrictEqual(d.mapSpan(at(oldText, 'onday').start, at(oldText, 'onday').end), at(newText, 'onday'));
    // "The" became "the" (another word): a span starting there has lost its first word.
    assert.equal(d.mapSpan(0, at(oldText, 'mayor').end), undefined);
  });

  it('keeps a deleted passage in one piece when a repeated word could split it', () => {
    // Old words: A q x r x C; new: A x C. Pairing the new x with either old x is as long, but only
    // the second leaves one deleted run ("q x r") instead of two ("q" and "r x").
    const oldText = 'A q x r x C';
    const newText = 'A x C';
    const d = diff(oldText, newText);
    assert.deepStrictEqual(d.mapSpan(at(oldText, 'x', 1).start, at(oldText, 'x', 1).end), at(newText, 'x'));
    assert.equal(d.mapSpan(at(oldText, 'x', 0).start, at(oldText, 'x', 0).end), undefined);
  });

  it('pairs duplicated paragraphs originals first', () => {
    const p = 'Same words here.';
    const q = 'Other words there.';
    const oldText = `${p}\n\n${q}`;
    const newText = `${p}\n\n${p}\n\n${q}\n\n${q}`;
    const d = diff(oldText, newText);
    assert.deepStrictEqual(d.mapSpan(0, p.length), { start: 0, end: p.length });
    const qOld = at(oldText, q);
    assert.deepStrictEqual(d.mapSpan(qOld.start, qOld.end), at(newText, q, 0));
  });
});
