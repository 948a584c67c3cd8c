import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core';

const figs = (text: string): string[] => analyze(text).figures.map((f) => `${f.text}|${f.kind}|${f.unit ?? '-'}`);

describe('core: figures', () => {
  it('counts with their counted noun, approximators excluded', () => {
    assert.deepEqual(figs('Around 12,000 volunteers and up to 4,500 extra nurses joined four officials.'), [
      '12,000|count|volunteers', '4,500|count|nurses', 'four|count|officials',
    ]);
  });
  it('money with symbols, scale and currency words; rates excluded', () => {
    assert.deepEqual(figs('It costs 2 billion pounds per year (about $2.5 billion) or €40m.'), [
      '2 billion pounds|money|-', '$2.5 billion|money|-', '€40m|money|-',
    ]);
  });
  it('percentages, dates, years and durations', () => {
    assert.deepEqual(figs('Roughly 20% voted on March 3, 2024 and again on June 9. The post-2010 rules ran for three years after a two-hour debate in 2019.'), [
      '20%|percent|-', 'March 3, 2024|date|-', 'June 9|date|-', '2010|year|-', 'three years|duration|-', 'two-hour|duration|-', '2019|year|-',
    ]);
  });
  it('a counted noun ends at its verb; plurals without -s are counted nouns', () => {
    assert.deepEqual(figs('About 30,000 people came to the square, 300 people gathered outside, four children died and one soldier fled.'), [
      '30,000|count|people', '300|count|people', 'four|count|children', 'one|count|soldier',
    ]);
  });
  it('a participle before a noun is no verb: the noun after it is counted', () => {
    assert.deepEqual(figs('They counted 11 million undocumented migrants and 40 trained medics.'), ['11 million|count|migrants', '40|count|medics']);
  });
  it('vague quantities', () => {
    assert.deepEqual(figs('Thousands of local farmers sent dozens of letters.'), ['Thousands|vague|farmers', 'dozens|vague|letters']);
  });
  it('excludes ordinals, pronoun "one", identifiers, URLs and weekdays', () => {
    assert.deepEqual(figs('The first vote on Monday under Article Five was the one that failed, see t.co/ab12CD34 for one reason only.'), ['one|count|reason']);
  });
  it('reads number words by where they stand: "a hundred" over any white space, not after an underscore', () => {
    assert.deepEqual(figs('They sent a hundred guards, a\u00a0dozen medics and a  few cooks; the _twenty files stayed, twenty files left.'), [
      'a hundred|count|guards', 'a\u00a0dozen|count|medics', 'twenty|count|files',
    ]);
  });
  it('reads symbols between words: "US$", "£…m", "%"; months only capitalised', () => {
    assert.deepEqual(figs('It cost US$5 billion, or £20m, up 5% by Jan 5, 2024, not by JAN 7.'), [
      'US$5 billion|money|-', '£20m|money|-', '5%|percent|-', 'Jan 5, 2024|date|-', '7|count|-',
    ]);
  });
  it('reads values', () => {
    const a = analyze('They pledged $3.5 billion for 30,000 homes and four schools.');
    assert.deepEqual(a.figures.map((f) => f.value), [3.5e9, 30000, 4]);
  });
});

describe('core: offsets', () => {
  it('are UTF-16 code units after emoji (surrogate pairs)', () => {
    const text = '🌊🌊 Flood! “We are ready,” said Mayor Ana Ruiz about 300 homes.';
    const a = analyze(text);
    for (const s of [...a.quotes, ...a.mentions, ...a.figures]) assert.equal(text.slice(s.start, s.end), s.text);
    assert.equal(a.quotes[0].start, text.indexOf('“'));
    assert.equal(a.quotes[0].start, 12, 'two emoji count four code units');
    assert.equal(a.figures[0].text, '300');
  });
  it('work with CRLF line endings and keep spans off the line breaks', () => {
    const lf = 'Mayor Ana Ruiz spoke.\n“We are ready,” she said.\nIt cost $4 million.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = analyze(lf);
    const b = analyze(crlf);
    assert.deepEqual(b.quotes.map((q) => q.text), a.quotes.map((q) => q.text));
    assert.deepEqual(b.figures.map((f) => f.text), ['$4 million']);
    for (const s of [...b.quotes, ...b.mentions, ...b.figures]) {
      assert.equal(crlf.slice(s.start, s.end), s.text);
      assert.ok(!/[\r\n]/.test(s.text));
    }
    assert.equal(b.quotes[0].speaker, a.quotes[0].speaker);
    assert.notEqual(b.quotes[0].speaker, null);
  });
  it('returns empty results for empty and quote-free input, never throws on odd text', () => {
    assert.deepEqual(analyze(''), { entities: [], quotes: [], mentions: [], figures: [] });
    for (const odd of ['"', '“', "'''", '¿¿', '\r\n\r\n', '"a" "b', '”oops“', 'x'.repeat(5000)]) assert.doesNotThrow(() => analyze(odd));
  });
});
