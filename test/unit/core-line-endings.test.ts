import * as assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../src/core';
import { paragraphsOf, splitLines } from '../../src/core/text';

/**
 * One paragraph a line, a headline with a title in quote marks, a blank line between paragraphs, an
 * embedded tweet (a line the quote scan skips), a quote carried over to the next paragraph.
 */
const ARTICLE_LINES = [
  'Harbour Council Backs "Fresh Start" Ferry Plan',
  '',
  'The harbour council voted on Tuesday to replace the old ferry. "We have waited long enough," said Mayor Ellen Park.',
  '',
  'Park said the new vessel would carry 240 passengers and cost $4.5 million.',
  '',
  'The new boat is "finally" coming. pic.twitter.com/h4rb0ur',
  '— Ellen Park (@ellenpark) March 3, 2026',
  '',
  '"The crossing will take 20 minutes," she added. "It is a good day for the island."',
  '',
  'Fisherman Tom Reyes was less certain. He told reporters the plan was "a gamble with public money".',
  '',
  '"We asked for a bigger boat three years ago," Reyes said. "Nobody listened to us.',
  '',
  '"Now the island waits again, and the fares will rise by 15%."',
];

/** Hard-wrapped: short lines joined into paragraphs, quotes opened on one line and closed on the next. */
const WRAPPED_LINES = [
  'The school board met on Monday evening to discuss the new',
  'lunch menu. "Children deserve fresh food every day of the',
  'week," said Principal Grace Holm, who has led the school',
  'for nine years.',
  '',
  'Parent Omar Lindqvist agreed. "We will watch the prices',
  'closely," he said, adding that 300 families had signed the',
  'petition in two weeks.',
  '',
  'The board will vote again in March.',
];

const ENDINGS: readonly [string, string][] = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['CR', '\r'],
  ['U+2028', '\u2028'],
  ['U+2029', '\u2029'],
];

/** The offset in the LF text of offset `off` in the text whose lines were joined with `ending`. */
function toLfOffset(text: string, ending: string, off: number): number {
  let breaks = 0;
  for (let i = text.indexOf(ending); i >= 0 && i < off; i = text.indexOf(ending, i + ending.length)) breaks++;
  return off - breaks * (ending.length - 1);
}

/** The analysis with every offset mapped to the LF text and every line ending in a text written as LF. */
function asLf(a: Analysis, text: string, ending: string): Analysis {
  const span = <T extends { start: number; end: number }>(s: T): T => ({ ...s, start: toLfOffset(text, ending, s.start), end: toLfOffset(text, ending, s.end) });
  const lf = (s: string): string => s.split(ending).join('\n');
  return {
    entities: a.entities,
    quotes: a.quotes.map((q) => ({ ...span(q), text: lf(q.text), cue: q.cue && span(q.cue), speakerMention: q.speakerMention && span(q.speakerMention) })),
    mentions: a.mentions.map((m) => ({ ...span(m), text: lf(m.text) })),
    figures: a.figures.map((f) => ({ ...span(f), text: lf(f.text) })),
  };
}

describe('core: line endings', () => {
  for (const [label, lines] of [['one paragraph a line', ARTICLE_LINES], ['hard-wrapped', WRAPPED_LINES]] as const) {
    // Computed in before(), not in the describe body: work done while the suite is collected makes
    // every mutant of the code it runs "static" (the whole suite reruns per mutant).
    let reference: Analysis;
    before(() => {
      reference = analyze(lines.join('\n'));
    });

    it(`${label}: the LF article has its quotes (the reference is not empty)`, () => {
      const attributed = reference.quotes.filter((q) => q.speaker !== null).length;
      assert.deepStrictEqual({ quotes: reference.quotes.length >= 2, attributed: attributed >= 1, figures: reference.figures.length >= 2 }, { quotes: true, attributed: true, figures: true });
    });

    for (const [name, ending] of ENDINGS) {
      it(`${label}: ${name} line endings give the findings of LF, offsets into the original text`, () => {
        const text = lines.join(ending);
        const result = analyze(text);
        for (const q of result.quotes) assert.equal(text.slice(q.start, q.end), q.text);
        assert.deepStrictEqual(asLf(result, text, ending), reference);
      });
    }
  }

  it('every line ending ends a line; CRLF is one ending; offsets exclude the break', () => {
    const text = 'a\nb\r\nc\rd\u2028e\u2029f';
    assert.deepStrictEqual(splitLines(text), [
      { start: 0, end: 1, text: 'a' },
      { start: 2, end: 3, text: 'b' },
      { start: 5, end: 6, text: 'c' },
      { start: 7, end: 8, text: 'd' },
      { start: 9, end: 10, text: 'e' },
      { start: 11, end: 12, text: 'f' },
    ]);
  });

  it('a blank line made of any line endings separates paragraphs', () => {
    // Hard-wrapped lines (so lines join into paragraphs), with blank lines of mixed endings.
    const text = 'One short line here\nand its next line\r\rTwo short lines\u2028joined here\r\n\u2029Three is\rthe last';
    const lines = splitLines(text);
    const { paragraphs } = paragraphsOf(text, lines, new Set());
    assert.deepStrictEqual(paragraphs.map((p) => p.text), ['One short line here\nand its next line', 'Two short lines\u2028joined here', 'Three is\rthe last']);
  });
});
