// Attribution from the words after a quote (attribution.ts, first half: `afterAt`,
// `rolePossessorName`): rows [name, text, the expected [quote, speaker name, cue, speaker mention]
// of every quote]. The texts are written for these rows; each row names the construction or the
// limit it checks.

import { table } from './core-attribution-fixtures';

describe('core: attribution after a quote (attribution.ts, first half)', () => {
  table('according to, as, by: without a speaker after them', [
    ['"according to them" with nobody named', 'The port is “full”, according to them.', [['“full”', null, null, null]]],
    ['"as described by them" with nobody named', 'The plan is “a slow leak,” as described by them.', [['“a slow leak,”', null, null, null]]],
    ['"called … by them" with nobody named', 'The plan was called “a slow leak” by them.', [['“a slow leak”', null, null, null]]],
  ]);

  table('a passive speech word before the quote, and "by X" after it', [
    ['the participle three words before the quote', 'The plan was called a big “leak” by Ivo Brandt.', [['“leak”', 'Ivo Brandt', 'called', 'Ivo Brandt']]],
    ['four words before is too far', 'The plan was called a very big “leak” by Ivo Brandt.', [['“leak”', null, null, null]]],
    ['a participle inside the quote is no cue', 'The plan was “branded a leak” by Ivo Brandt.', [['“branded a leak”', null, null, null]]],
  ]);

  table('"as X put it"', [
    ['an organisation (no person) after "as"', 'The plan is “a slow leak,” as the Harbour Trust put it.', [['“a slow leak,”', 'Harbour Trust', 'put it', 'Harbour Trust']]],
    ['a quote ending in a passive word before "as"', 'The plan is “what we called,” as the Harbour Trust put it.', [['“what we called,”', 'Harbour Trust', 'put it', 'Harbour Trust']]],
  ]);

  table('adverbs between the name and the verb', [
    ['three are skipped', '“We are full,” Ivo Brandt has also previously said.', [['“We are full,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['"was quoted" after the name is a cue', '“We are full,” Ivo Brandt was quoted.', [['“We are full,”', 'Ivo Brandt', 'quoted', 'Ivo Brandt']]],
    ['"wasn’t saying" is no cue', '“We are full,” Ivo Brandt wasn’t saying.', [['“We are full,”', null, null, null]]],
    ['four are too many', '“We are full,” Ivo Brandt has also once previously said.', [['“We are full,”', null, null, null]]],
  ]);

  table('verb X after the quote', [
    ['"note" (a verb form that can be a noun) before a group', '“We are full,” note the lawyers.', [['“We are full,”', 'lawyers', 'note', 'the lawyers']]],
  ]);

  table('sources quoted them as saying', [
    ['"them" for the one person named before', 'Ivo Brandt left early. “It was fine,” aides quoted them as saying.', [['“It was fine,”', 'Ivo Brandt', 'quoted them as saying', 'them']]],
  ]);

  table('said the possessor’s role, NAME', [
    ['a possessive organisation, then the role and the name', '“We sail at dawn,” said the Harbour Trust’s director, Ivo Brandt.', [['“We sail at dawn,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['four role words before the comma', '“We sail at dawn,” said the trust’s chief dock safety engineer, Ivo Brandt.', [['“We sail at dawn,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a name that is no possessor keeps the speaker before its comma', '“No,” said Ebba Sund, Ivo Brandt’s aide.', [['“No,”', 'Ebba Sund', 'said', 'Ebba Sund']]],
    ['no possessor: a name early in the text after a comma is not taken', 'the crew, Ivo Brandt and Ebba Sund, left. “No,” said a spokesman.', [['“No,”', 'spokesman', 'said', 'a spokesman']]],
  ]);
});
