// A speaker's affiliation after the name ("Mr. Brandt of the Harbour Trust") in the attribution's
// first half (attribution.ts `findAffiliationEnd`, `skipApposition`): rows [name, text, the
// expected [quote, speaker name, cue, speaker mention] of every quote]. The texts are written for
// these rows; wrapped lines are checked with LF, CRLF and CR line endings.
import { strict as assert } from 'node:assert';

import { attributions, type Found, type Row } from './core-attribution-fixtures';

const WRAP = 'The storm passed over\nthe town on Monday.\n\n';
const BRANDT: Found[] = [['“We sail at dawn,”', 'Brandt', 'said', 'Mr. Brandt']];

describe('core: a speaker’s affiliation after the name (attribution.ts, first half)', () => {
  const rows: readonly Row[] = [
    ['"of" a country, then an age', '“We sail,” Ivo Brandt of Norway, 54, said.', [['“We sail,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['"of" a country before the quote', 'Ivo Brandt of Norway said: “We sail.”', [['“We sail.”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['"of" and two spaces before the country', '“We sail,” Ivo Brandt of  Norway said.', [['“We sail,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a line ending after "the" (LF)', `${WRAP}“We sail at dawn,” Mr. Brandt of the\nHarbour Trust said.`, BRANDT],
    ['a line ending after "the" (CRLF)', `${WRAP.replace(/\n/g, '\r\n')}“We sail at dawn,” Mr. Brandt of the\r\nHarbour Trust said.`, BRANDT],
    ['a line ending after "the" (CR)', `${WRAP.replace(/\n/g, '\r')}“We sail at dawn,” Mr. Brandt of the\rHarbour Trust said.`, BRANDT],
    ['a line ending after the name, before "of"', `${WRAP}“We sail at dawn,” Mr. Brandt\nof the Harbour Trust said.`, BRANDT],
    ['a line ending after "of"', `${WRAP}“We sail at dawn,” Mr. Brandt of\nthe Harbour Trust said.`, BRANDT],
  ];
  for (const [name, text, expected] of rows) {
    it(name, () => {
      assert.deepStrictEqual(attributions(text), expected);
    });
  }
});
