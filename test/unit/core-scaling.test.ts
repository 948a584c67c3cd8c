import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { work } from '../../src/core/work';
import { SCALING_INPUTS } from '../../scripts/scaling-inputs';

/** The steps the bounded scans of `analyze` take on `text` (see `src/core/work.ts`). */
function stepsFor(text: string): number {
  work.steps = 0;
  analyze(text);
  return work.steps;
}

// Small texts (counting, not timing), large enough that every scan reaches its bound at n (the
// widest is the 4,000 characters the speaker of a pronoun is looked for in).
const N = 5000;

describe('core: work grows linearly with the text on pathological inputs', () => {
  for (const input of SCALING_INPUTS.filter((i) => i.counted === true)) {
    it(`${input.name}: steps(4n) ≤ 5 × steps(n)`, () => {
      const small = stepsFor(input.make(N));
      const large = stepsFor(input.make(4 * N));
      // Both counts are in the result, so a failure shows them.
      assert.deepStrictEqual({ small, large, counted: small > 0, linear: large <= 5 * small }, { small, large, counted: true, linear: true });
    });
  }
});
