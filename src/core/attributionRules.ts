/**
 * The attribution rules by name, in the order they are tried. Every quote the attributor gives a
 * speaker records the id of the rule that made the attribution (`QuoteFinding.rule`, the sidecar's
 * `rule` field); the hover and `quotelens analyze --explain` show `says` in words, and `npm run eval`
 * counts each rule's attributions and how many of them are right.
 *
 * Stages, in order: `after` (a cue after the quote), `before` (a cue before it, in its sentence),
 * `carry` (no cue of its own: the speaker is carried over from around it). When both an `after` and
 * a `before` rule find a speaker, the `after` one wins unless the quote ends its sentence or the
 * `after` speaker is a publication and the `before` one a person.
 */
export type AttributionStage = 'after' | 'before' | 'carry';

export interface AttributionRule {
  readonly id: string;
  readonly stage: AttributionStage;
  /** How the rule found the speaker, for the hover: "speaker: *said X* after the quote". */
  readonly says: string;
  /** A sentence of the kind the rule reads. */
  readonly example: string;
}

export const ATTRIBUTION_RULES = [
  { id: 'after.according-to', stage: 'after', says: '*according to X* after the quote', example: '“The bridge is safe,” according to Tilda Marsh.' },
  { id: 'after.passive-as-by', stage: 'after', says: '*as called by X* after the quote', example: 'It was “a disaster,” as described by Jonas Brill.' },
  { id: 'after.passive-by', stage: 'after', says: '*by X* after a passive speech verb before the quote', example: 'The plan was called “a disaster” by Jonas Brill.' },
  { id: 'after.said-x', stage: 'after', says: '*said X* after the quote', example: '“We are ready,” said Tilda Marsh.' },
  { id: 'after.quoted-pronoun', stage: 'after', says: '*quoted her/him as saying* after the quote', example: 'Tilda Marsh left early. “We are ready,” aides quoted her as saying.' },
  { id: 'after.x-phrase', stage: 'after', says: '*X told reporters* (a phrase cue) after the quote', example: '“We will wait,” Ebba Sund told reporters.' },
  { id: 'after.x-said', stage: 'after', says: '*X said* after the quote', example: '“It is over,” Jonas Brill said.' },
  { id: 'after.byline', stage: 'after', says: 'a byline *― X* after the quote', example: '“Keep going.” ― Vera Stone' },
  { id: 'before.nominal-cue', stage: 'before', says: '*X’s warning* (a possessor’s cue noun) before the quote', example: 'Tilda Marsh’s warning was clear: “Stay home.”' },
  { id: 'before.according-to', stage: 'before', says: '*according to X* before the quote', example: 'According to Tilda Marsh, the bridge is “perfectly safe.”' },
  { id: 'before.x-phrase', stage: 'before', says: '*X told reporters* (a phrase cue) before the quote', example: 'Ebba Sund told reporters: “We will wait.”' },
  { id: 'before.x-said', stage: 'before', says: '*X said* before the quote', example: 'Jonas Brill said: “It is over.”' },
  { id: 'carry.shared-cue', stage: 'carry', says: 'the cue between this piece and the previous one', example: '“We are ready,” said Tilda Marsh, “and we will stay.”' },
  { id: 'carry.reused-term', stage: 'carry', says: 'the same words quoted earlier from this speaker', example: 'Tilda Marsh called the plan “a disaster.” The board did not see “a disaster” in it.' },
  { id: 'carry.colon-intro', stage: 'carry', says: 'the paragraph before ends with *X said:*', example: 'Tilda Marsh said:\n\n“We are ready.”' },
  { id: 'carry.previous-speaker', stage: 'carry', says: 'the speaker of the quote just before continues', example: '“We are ready,” Marsh said. “We will stay.”' },
  { id: 'carry.clause-subject', stage: 'carry', says: 'the subject of the clause around the quote', example: 'Jonas Brill is “not worried.”' },
] as const satisfies readonly AttributionRule[];

export type AttributionRuleId = (typeof ATTRIBUTION_RULES)[number]['id'];

/** One step the attributor looked at for a quote, and what it found (`--explain`). */
export interface TriedStep {
  /** `after` or `before` (any rule of that stage), or a `carry.*` rule id. */
  step: 'after' | 'before' | Extract<AttributionRuleId, `carry.${string}`>;
  /** The rule that found a speaker at this step, or null. */
  rule: AttributionRuleId | null;
  /** The entity id found, or null. */
  speaker: string | null;
}

const BY_ID: ReadonlyMap<string, AttributionRule> = new Map(ATTRIBUTION_RULES.map((r) => [r.id, r]));

/** The rule with this id, or undefined (an id from a newer version, or a hand-edited sidecar). */
export function attributionRule(id: string): AttributionRule | undefined {
  return BY_ID.get(id);
}
