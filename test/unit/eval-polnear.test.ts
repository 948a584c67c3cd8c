// scripts/polnear.ts: brat attributions read from .ann text, and speaker accuracy per rule scored
// against them. The text and its .ann are written here.
import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core';
import { parseBratAttributions, scoreAgainstBrat, type RuleTally } from '../../scripts/polnear';

const TEXT = 'Mayor Vera Stone spoke. “The pier opens in May,” Stone said. “It was hard,” aides said. Ivo Brandt called it “a mess.”';
const at = (s: string, from = 0) => {
  const start = TEXT.indexOf(s, from);
  assert.ok(start >= 0, s);
  return `${start} ${start + s.length}`;
};
const ANN = [
  `T1\tSource ${at('Stone', 20)}\tStone`,
  `T2\tCue ${at('said')}\tsaid`,
  `T3\tContent ${at('The pier opens in May,')}\tThe pier opens in May,`,
  'E1\tAttribution:T2 Content:T3 Cue:T2 Source:T5',
  // A content in two pieces, its source given by a name the analysis does not mention there.
  `T4\tContent ${at('It was')};${at('hard')}\tIt was hard`,
  `T5\tSource ${at('Mayor Vera Stone')}\tMayor Vera Stone`,
  'E2\tAttribution:T2 Content:T4 Source:T1',
  `T6\tContent ${at('a mess.')}\ta mess.`,
  `T7\tSource ${at('Ivo Brandt')}\tIvo Brandt`,
  'E3\tAttribution:T2 Content:T6 Source:T7',
  'A1\tSomething\tT1',
  '',
].join('\n');

describe('eval: PolNeAR-style brat attributions', () => {
  it('reads contents and sources of each E line, also discontinuous spans', () => {
    const s = (x: string, from = 0) => {
      const [start, end] = at(x, from).split(' ').map(Number);
      return { start, end, text: '' };
    };
    assert.deepStrictEqual(parseBratAttributions(ANN), [
      { content: [s('The pier opens in May,')], source: [s('Mayor Vera Stone')] },
      { content: [s('It was'), s('hard')], source: [s('Stone', 20)] },
      { content: [s('a mess.')], source: [s('Ivo Brandt')] },
    ]);
  });

  it('scores each quote inside a content by its rule: a name ending the source, another speaker, the mention itself', () => {
    const analysis = analyze(TEXT);
    assert.deepStrictEqual(analysis.quotes.map((q) => [q.text, q.speaker, q.rule ?? null]), [
      ['“The pier opens in May,”', 'vera-stone', 'after.x-said'],
      ['“It was hard,”', 'aides', 'after.x-said'],
      ['“a mess.”', 'ivo-brandt', 'before.x-said'],
    ]);
    const tally = new Map<string, RuleTally>();
    scoreAgainstBrat(TEXT, parseBratAttributions(ANN), analysis, tally);
    // Right: the name Vera Stone ends the source "Mayor Vera Stone" (the mention "Stone" is elsewhere).
    // Wrong: "aides" for the source "Stone". Right: the mention "Ivo Brandt" is the source.
    assert.deepStrictEqual([...tally], [
      ['after.x-said', { fired: 2, right: 1 }],
      ['before.x-said', { fired: 1, right: 1 }],
    ]);
  });
});
