import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core';
import { blockedLines, isHeadline, quoteKind } from '../../src/core/quotes';
import { splitLines } from '../../src/core/text';

const quotesOf = (text: string): string[] => analyze(text).quotes.map((q) => q.text);

describe('core: quote spans', () => {
  it('finds straight and curly double quotes, marks included', () => {
    const text = 'Mayor Ana Ruiz said "the bridge will open in May." Later she added “We are ready.”';
    assert.deepEqual(quotesOf(text), ['"the bridge will open in May."', '“We are ready.”']);
  });

  it('reads curly double marks typed the wrong way round: ” opening a paragraph or a word, “ closing after a word or comma', () => {
    const text = 'Ida Moss spoke.\n\n” … what I learned is simple,” she said.\n\n“Apparently not,“ Moss said. “A leopard keeps its spots.”\n\nShe called it ”bold” and “the best in the world“ last week.';
    assert.deepEqual(quotesOf(text), [
      '” … what I learned is simple,”',
      '“Apparently not,“',
      '“A leopard keeps its spots.”',
      '”bold”',
      '“the best in the world“',
    ]);
  });

  it("keeps a closing pair of apostrophes whole in ''…'' quotes", () => {
    const text = "''This is not reform,'' said Dana Holt, an economist. A so-called ''value-added tax'' came up.";
    assert.deepEqual(quotesOf(text), ["''This is not reform,''", "''value-added tax''"]);
    assert.equal(analyze(text).quotes[0].speaker, 'dana-holt');
  });

  it('does not take apostrophes for quote marks', () => {
    const text = "The council's plan and Norway’s budget don’t matter, the members’ votes do. Ruiz said it was 'bold'.";
    assert.deepEqual(quotesOf(text), ["'bold'"]);
  });

  it('keeps punctuation inside the marks and stops at the closing mark', () => {
    const text = "Tom Kell called the idea 'reckless,' adding that it was 'cheap'.";
    assert.deepEqual(quotesOf(text), ["'reckless,'", "'cheap'"]);
  });

  it('splits a quote interrupted by attribution into two spans', () => {
    const text = '“We will not stop,” Ruiz said. “The river is rising.”';
    assert.deepEqual(quotesOf(text), ['“We will not stop,”', '“The river is rising.”']);
  });

  it('treats ¿ between letters as an apostrophe and around a word as quote marks', () => {
    const text = 'Mr Ruiz¿s deputy Omar Bell warned the dam may not hold ¿forever¿ this year.';
    const a = analyze(text);
    assert.deepEqual(a.quotes.map((q) => q.text), ['¿forever¿']);
    assert.ok(a.mentions.some((m) => m.text === 'Mr Ruiz'), 'mention excludes the corrupted possessive');
  });

  it('ends unclosed pieces of a multi-paragraph quote at the paragraph end', () => {
    const text = 'Ruiz said: “The first part of my statement runs here.\n“And the second part closes it.”\n';
    assert.deepEqual(quotesOf(text), ['“The first part of my statement runs here.', '“And the second part closes it.”']);
  });

  it('splits merged paragraphs at each re-opening mark', () => {
    const text = "Omar Bell said: 'We made a plan for the valley. 'We kept it, and we will finish it.'";
    assert.deepEqual(quotesOf(text), ["'We made a plan for the valley.", "'We kept it, and we will finish it.'"]);
  });

  it('keeps nested quotes inside the outer span', () => {
    const text = '“They called it ‘a scandal’ on air,” Ruiz said.';
    assert.deepEqual(quotesOf(text), ['“They called it ‘a scandal’ on air,”']);
  });

  it('ignores quotes in headlines and embedded tweets', () => {
    const text = 'Valley Council Backs ‘Bold’ Flood Plan With ‘Strong’ Support\nFlood Plan Wins ‘Early’ Backing https://t.co/abcDEF123\n— River News (@RiverNews) March 3, 2024\nRuiz said it was ‘bold’.';
    assert.deepEqual(quotesOf(text), ['‘bold’']);
    const lines = splitLines(text);
    assert.deepEqual([...blockedLines(lines)].sort(), [0, 1, 2]);
    assert.equal(isHeadline('Ruiz said it was bold.'), false);
  });
});

describe('core: direct and partial quotes', () => {
  const cases: [string, 'direct' | 'partial'][] = [
    ["'bold'", 'partial'],
    ["'highly unusual'", 'partial'],
    ["'was the only way to save the town'", 'partial'],
    ['“means being ready to act”', 'partial'],
    ['“who would not be stationed near the dam”', 'partial'],
    ['“We are ready.”', 'direct'],
    ['“the policy has always been that we wait,”', 'direct'],
    ['“premature at this point, and talking about it now is wrong.”', 'direct'],
    ['“change anything here. This is unacceptable”', 'direct'],
    ['“Unfortunately we are still far away”', 'direct'],
    ["“it’s clear that the town must act”", 'direct'],
  ];
  for (const [q, kind] of cases) it(`${q} is ${kind}`, () => assert.equal(quoteKind(q), kind));
});
