// The attribution rules by name (src/core/attributionRules.ts): each rule's own example and more
// rows of its construction find the speaker with that rule, and `explain` lists the steps tried.
// Rows: [name, text, [quote, speaker name, rule] of every quote]. The sentences are written here.
import { strict as assert } from 'node:assert';
import { analyze, ATTRIBUTION_RULES, attributionRule, type AttributionRuleId } from '../../src/core';

type Found = [quote: string, speaker: string | null, rule: AttributionRuleId | null];

function found(text: string): Found[] {
  const a = analyze(text);
  const name = (id: string | null): string | null => (id === null ? null : a.entities.find((e) => e.id === id)?.name ?? `?${id}`);
  return a.quotes.map((q): Found => [q.text, name(q.speaker), q.rule ?? null]);
}

const ROWS: readonly [name: string, text: string, expected: Found[]][] = [
  ['according to after the quote', '“Taxes will rise,” according to Ebba Sund.', [['“Taxes will rise,”', 'Ebba Sund', 'after.according-to']]],
  ['as … by after a partial quote', 'The vote was “a farce,” as dubbed by Ivo Brandt.', [['“a farce,”', 'Ivo Brandt', 'after.passive-as-by']]],
  ['by X after a passive speech verb', 'The budget was labelled “reckless” by Vera Stone.', [['“reckless”', 'Vera Stone', 'after.passive-by']]],
  ['said X after the quote', '“The pool stays shut,” said Ivo Brandt.', [['“The pool stays shut,”', 'Ivo Brandt', 'after.said-x']]],
  ['said in a statement X', '“We regret it,” said in a statement Ivo Brandt.', [['“We regret it,”', 'Ivo Brandt', 'after.said-x']]],
  ['quoted him as saying', 'Jonas Brill stayed home. “I was tired,” aides quoted him as saying.', [['“I was tired,”', 'Jonas Brill', 'after.quoted-pronoun']]],
  ['a phrase cue after the quote', '“The plan is dead,” Vera Stone said in a statement.', [['“The plan is dead,”', 'Vera Stone', 'after.x-phrase']]],
  ['X said after the quote', '“We lost,” Ebba Sund admitted.', [['“We lost,”', 'Ebba Sund', 'after.x-said']]],
  ['a byline after a dash', '“Mind the gap.” ― Jonas Brill', [['“Mind the gap.”', 'Jonas Brill', 'after.byline']]],
  ['a possessor’s cue noun before the quote', 'Ebba Sund’s verdict was plain: “No deal.”', [['“No deal.”', 'Ebba Sund', 'before.nominal-cue']]],
  ['according to before the quote', 'According to Ivo Brandt, the dam is “in good shape.”', [['“in good shape.”', 'Ivo Brandt', 'before.according-to']]],
  ['a phrase cue before the quote', 'Vera Stone told reporters: “We start on Monday.”', [['“We start on Monday.”', 'Vera Stone', 'before.x-phrase']]],
  ['X said before the quote', 'Ebba Sund warned: “Stay off the ice.”', [['“Stay off the ice.”', 'Ebba Sund', 'before.x-said']]],
  ['the second piece of an interrupted quote', '“The roof leaks,” said Jonas Brill, “and nobody cares.”', [['“The roof leaks,”', 'Jonas Brill', 'after.said-x'], ['“and nobody cares.”', 'Jonas Brill', 'carry.shared-cue']]],
  ['a partial quote used again', 'Vera Stone called the fee “daylight robbery.” Few shops saw “daylight robbery” in it.', [['“daylight robbery.”', 'Vera Stone', 'before.x-said'], ['“daylight robbery”', 'Vera Stone', 'carry.reused-term']]],
  ['a paragraph ending with a colon', 'Jonas Brill wrote:\n\n“The hall is ours.”', [['“The hall is ours.”', 'Jonas Brill', 'carry.colon-intro']]],
  ['the next sentence continues the speaker', '“We won,” Vera Stone said. “We will win again.”', [['“We won,”', 'Vera Stone', 'after.x-said'], ['“We will win again.”', 'Vera Stone', 'carry.previous-speaker']]],
  ['the subject of the clause of a partial quote', 'Ebba Sund remains “fully confident.”', [['“fully confident.”', 'Ebba Sund', 'carry.clause-subject']]],
  ['no rule without a speaker', '“Nobody knows,” it read.', [['“Nobody knows,”', null, null]]],
];

describe('core: attribution rules by name', () => {
  for (const [name, text, expected] of ROWS) {
    it(name, () => {
      assert.deepStrictEqual(found(text), expected);
    });
  }

  it('every rule has a row above, and its own example finds a speaker with it', () => {
    const inRows = new Set(ROWS.flatMap(([, , e]) => e.map(([, , rule]) => rule)));
    for (const rule of ATTRIBUTION_RULES) {
      assert.ok(inRows.has(rule.id), `no row for ${rule.id}`);
      const rules = analyze(rule.example).quotes.map((q) => q.rule);
      assert.ok(rules.includes(rule.id), `${rule.id}: its example gives ${JSON.stringify(rules)}`);
    }
  });

  it('rule ids are unique, stage-prefixed and in stage order, and looked up by id', () => {
    const ids = ATTRIBUTION_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of ATTRIBUTION_RULES) assert.ok(r.id.startsWith(`${r.stage}.`), r.id);
    const stages = ATTRIBUTION_RULES.map((r) => r.stage);
    assert.deepStrictEqual(stages, [...stages].sort((a, b) => ['after', 'before', 'carry'].indexOf(a) - ['after', 'before', 'carry'].indexOf(b)));
    assert.equal(attributionRule('after.x-said'), ATTRIBUTION_RULES.find((r) => r.id === 'after.x-said'));
    assert.equal(attributionRule('after.unknown'), undefined);
  });

  it('explain lists each step tried, in order, up to the one that won', () => {
    const text = 'Vera Stone spoke first. “We won,” she said. “We will win again.”\n\nIt was “closed.”';
    const a = analyze(text, { explain: true });
    assert.deepStrictEqual(a.explanations, [
      [
        { step: 'after', rule: 'after.x-said', speaker: 'vera-stone' },
        { step: 'before', rule: null, speaker: null },
      ],
      [
        { step: 'after', rule: null, speaker: null },
        { step: 'before', rule: null, speaker: null },
        { step: 'carry.shared-cue', rule: null, speaker: null },
        { step: 'carry.reused-term', rule: null, speaker: null },
        { step: 'carry.colon-intro', rule: null, speaker: null },
        { step: 'carry.previous-speaker', rule: 'carry.previous-speaker', speaker: 'vera-stone' },
      ],
      [
        { step: 'after', rule: null, speaker: null },
        { step: 'before', rule: null, speaker: null },
        { step: 'carry.shared-cue', rule: null, speaker: null },
        { step: 'carry.reused-term', rule: null, speaker: null },
        { step: 'carry.colon-intro', rule: null, speaker: null },
        { step: 'carry.previous-speaker', rule: null, speaker: null },
        { step: 'carry.clause-subject', rule: null, speaker: null },
      ],
    ]);
    assert.deepStrictEqual(a.quotes.map((q) => q.rule ?? null), ['after.x-said', 'carry.previous-speaker', null]);
    assert.equal(analyze(text).explanations, undefined);
  });

  it('a before rule that loses to an after rule is still listed as tried', () => {
    const text = 'Ebba Sund said “it will rain,” Ivo Brandt replied.';
    const a = analyze(text, { explain: true });
    assert.deepStrictEqual(a.explanations?.[0], [
      { step: 'after', rule: 'after.x-said', speaker: 'ivo-brandt' },
      { step: 'before', rule: 'before.x-said', speaker: 'ebba-sund' },
    ]);
    assert.equal(a.quotes[0].rule, 'after.x-said');
  });
});
