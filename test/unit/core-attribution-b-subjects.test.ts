// Subjects, pronouns and how far a reference reaches (the second half of attribution.ts): clause
// breaks, pronouns that pass over possessives, objects and names inside quotes, a paragraph that
// repeats the one before it, the closing ")" of a party tag, the gap after a comma and the closing
// marks of a question. Rows: [name, text, the expected [quote, speaker name, cue, speaker mention]
// of every quote]; the texts are written for this table.

import { table } from './core-attribution-fixtures';

const FULL = '“full”';
/** A paragraph of about 4,200 characters without names or quotes. */
const LONG = 'The tide came in and went out again. '.repeat(115).trim();

/** "Marta Quell arrived." and "“We win,” she said." with the pronoun exactly `d` characters after the name. */
function pronounAt(d: number): string {
  const before = 'Marta Quell arrived. ';
  const after = '“We win,” she said.';
  const n = d - before.length - after.indexOf('she');
  const filler = 'The tide came in and went out again. '.repeat(Math.ceil(n / 37)).slice(0, n).replace(/\S+$/, (w) => ' '.repeat(w.length));
  return before + filler + after;
}

describe('core: attribution subjects (b)', () => {
  table('clause breaks: a name before one is no subject of the quote', [
    ['", although"', 'Ivo Brandt left, although the port is “full”.', [[FULL, null, null, null]]],
    ['", though"', 'Ivo Brandt left, though the port is “full”.', [[FULL, null, null, null]]],
    ['", yet"', 'Ivo Brandt left, yet the port is “full”.', [[FULL, null, null, null]]],
    ['", whereas"', 'Ivo Brandt left, whereas the port is “full”.', [[FULL, null, null, null]]],
    ['several spaces after the comma', 'Ivo Brandt left,   while the port is “full”.', [[FULL, null, null, null]]],
    ['a dash without spaces is no break', 'Ivo Brandt left—the port is “full”.', [[FULL, 'Ivo Brandt', null, 'Ivo Brandt']]],
    ['a break in a later sentence', 'The crowd watched. Ivo Brandt left; it is “full”.', [[FULL, null, null, null]]],
    ['the last of two breaks', 'The tide came in again and again; then Ivo Brandt left; the port is “full”.', [[FULL, null, null, null]]],
  ]);

  const GO = '“Go home.”';
  table('the subject of a cue before the quote', [
    ['a relative clause with a name in it is skipped', 'Ivo Brandt, who thanked Marta Quell, told the board: “Go home.”', [[GO, 'Ivo Brandt', 'told', 'Ivo Brandt']]],
    ['"which" after an organisation too', 'The Harbour Trust, which thanked Marta Quell, told the board: “Go home.”', [[GO, 'Harbour Trust', 'told', 'Harbour Trust']]],
    ['"and says": the first verb’s subject, not its object', 'Ivo Brandt thanks Marta Quell and says, “Go home.”', [[GO, 'Ivo Brandt', 'says', 'Ivo Brandt']]],
    ['"and" and an adverb', 'Ivo Brandt thanks Marta Quell and quietly says, “Go home.”', [[GO, 'Ivo Brandt', 'says', 'Ivo Brandt']]],
    ['"and" and two adverbs', 'Ivo Brandt thanks Marta Quell and quietly repeatedly says, “Go home.”', [[GO, 'Ivo Brandt', 'says', 'Ivo Brandt']]],
    ['a participle after "X, …," belongs to the main subject', 'Ivo Brandt thanks Marta Quell, adding, “Go home.”', [[GO, 'Ivo Brandt', 'adding', 'Ivo Brandt']]],
  ]);

  table('the subject of the clause a quote sits in', [
    ['a word quoted before it is passed over', 'And “so” Ivo Brandt is “tired”.', [['“so”', null, null, null], ['“tired”', 'Ivo Brandt', null, 'Ivo Brandt']]],
    ['an organisation and a role before the name: the name', 'Harbour Trust spokesman Ivo Brandt is “tired”.', [['“tired”', 'Ivo Brandt', null, 'Ivo Brandt']]],
    ['an organisation and a role without a name: nobody', 'Harbour Trust spokesman is “tired”.', [['“tired”', null, null, null]]],
    ['a word that opens no clause ends the search', 'Nobody told Ivo Brandt it was “over”.', [['“over”', null, null, null]]],
  ]);

  table('pronouns: who "he" and "she" can be', [
    ['"he": the man met, not the woman who met him', 'Marta Quell met Ivo Brandt. “Go,” he said.', [['“Go,”', 'Ivo Brandt', 'said', 'he']]],
    ['"she": the woman who met the man', 'Marta Quell met Ivo Brandt. “Go,” she said.', [['“Go,”', 'Marta Quell', 'said', 'she']]],
    ['"he": the man who met the woman', 'Ivo Brandt met Marta Quell. “Go,” he said.', [['“Go,”', 'Ivo Brandt', 'said', 'he']]],
    ['"he": a man who is an object', 'The crowd cheered for Ivo Brandt. “Go,” he said.', [['“Go,”', 'Ivo Brandt', 'said', 'he']]],
    ['a man named only inside a quote is passed over', '“Ivo Brandt is gone,” Marta Quell said. “Go,” he said.', [
      ['“Ivo Brandt is gone,”', 'Marta Quell', 'said', 'Marta Quell'],
      ['“Go,”', 'Marta Quell', 'said', 'he'],
    ]],
    ['nobody but a name inside a quote: no speaker', '“Ivo Brandt is gone.” “Go,” he said.', [['“Ivo Brandt is gone.”', null, null, null], ['“Go,”', null, null, null]]],
    ['last resort: a possessive man, not an organisation named after him', 'The crowd cheered for Ivo Brandt’s son at the Harbour Trust. “Go,” he said.', [['“Go,”', 'Ivo Brandt', 'said', 'he']]],
    ['"She is": a pronoun clause subject', 'Marta Quell left. She is “tired”.', [['“tired”', 'Marta Quell', null, 'She']]],
    ['"She is" with nobody named', 'She is “tired”.', [['“tired”', null, null, null]]],
    ['"Her boat is": a possessive pronoun is no subject', 'Marta Quell left. Her boat is “tired”.', [['“tired”', null, null, null]]],
  ]);

  table('how far back a pronoun reaches: 4,000 characters from the name’s start', [
    ['exactly 4,000', pronounAt(4000), [['“We win,”', 'Marta Quell', 'said', 'she']]],
    ['4,001 is too far', pronounAt(4001), [['“We win,”', null, null, null]]],
    ['a name right before the pronoun, 4,200 characters into the text', `${LONG} Marta Quell arrived. “We win,” she said.`, [['“We win,”', 'Marta Quell', 'said', 'she']]],
  ]);

  table('a paragraph that repeats the one before it', [
    ['a name at the very end of the copy is passed over too', 'Marta Quell arrived.\n\n“We win,” she said, and so did Olena Berg\n\n"We win," she said, and so did Olena Berg', [
      ['“We win,”', 'Marta Quell', 'said', 'she'],
      ['"We win,"', 'Marta Quell', 'said', 'she'],
    ]],
    ['the reach grows by the length of the copy only', `Marta Quell arrived. ${LONG}\n\n“We win,” she said.\n\n"We win," she said.`, [
      ['“We win,”', null, null, null],
      ['"We win,"', null, null, null],
    ]],
    ['a copy is passed over: the pronoun reaches the name before it', 'Marta Quell arrived.\n\n“We win,” she said, and Olena Berg left.\n\n"We win," she said, and Olena Berg left.', [
      ['“We win,”', 'Marta Quell', 'said', 'she'],
      ['"We win,"', 'Marta Quell', 'said', 'she'],
    ]],
    ['a paragraph that differs is no copy', 'Marta Quell arrived.\n\n“We win,” she said, and Olena Berg left.\n\n“We lose,” she said, and Olena Berg left.', [
      ['“We win,”', 'Marta Quell', 'said', 'she'],
      ['“We lose,”', 'Olena Berg', 'said', 'she'],
    ]],
    ['the reach grows by the length of the copy', `Marta Quell arrived.\n\n“We win,” she said. ${LONG}\n\n"We win," she said. ${LONG}`, [
      ['“We win,”', 'Marta Quell', 'said', 'she'],
      ['"We win,"', 'Marta Quell', 'said', 'she'],
    ]],
    ['without a copy the name is out of reach', `Marta Quell arrived.\n\n“We win,” she said. ${LONG}\n\n"We lose," she said. ${LONG}`, [
      ['“We win,”', 'Marta Quell', 'said', 'she'],
      ['"We lose,"', null, null, null],
    ]],
  ]);

  table('appositions after the name', [
    ['a ")" 39 characters after the name closes the aside', '“We sail,” Ivo Brandt (who ran the harbour trust for decades) said.', [['“We sail,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a ")" 40 characters after the name is too far', '“We sail,” Ivo Brandt (who ran the harbour trusts for decades) said.', [['“We sail,”', null, null, null]]],
    ['an unclosed "(" skips nothing', '“We sail,” Ivo Brandt (who ran it said.', [['“We sail,”', null, null, null]]],
    ['an age after a comma and a space', '“We sail,” Ivo Brandt, 54, said.', [['“We sail,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['an age after a comma and a line break', '“We sail,” Ivo Brandt,\n54, said.', [['“We sail,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a comma without a space is no apposition', '“We sail,” Ivo Brandt,54, said.', [['“We sail,”', null, null, null]]],
    ['a speaker after a comma and a tab', '“We sail” to the north of the bay,\tIvo Brandt said.', [['“We sail”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a speaker right after a comma, without a space: none', '“We sail” to the north of the bay,Ivo Brandt said.', [['“We sail”', null, null, null]]],
  ]);

  const SEA = '“The sea always wins.”';
  table('a paragraph ending in a colon introduces the quote that opens the next one', [
    ['the colon at the end of the line', 'Ivo Brandt rose and said:\n\n“The sea always wins.”', [[SEA, 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a tab after the colon', 'Ivo Brandt rose and said:\t\n\n“The sea always wins.”', [[SEA, 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['spaces after the colon, CRLF line ends', 'Ivo Brandt rose and said:  \r\n\r\n“The sea always wins.”', [[SEA, 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a word after the colon: no introduction', 'Ivo Brandt rose and said:x\n\n“The sea always wins.”', [[SEA, null, null, null]]],
    ['a question mark is no colon', 'Why not?\n\n“The sea always wins.”', [[SEA, null, null, null]]],
  ]);

  table('a question takes the cue after it, whatever its closing mark', [
    ['straight double marks', '"Why now?" Ebba Sund asked.', [['"Why now?"', 'Ebba Sund', 'asked', 'Ebba Sund']]],
    ['straight single marks', '\'Why now?\' Ebba Sund asked.', [['\'Why now?\'', 'Ebba Sund', 'asked', 'Ebba Sund']]],
    ['guillemets', '«Why now?» Ebba Sund asked.', [['«Why now?»', 'Ebba Sund', 'asked', 'Ebba Sund']]],
    ['a statement on its own line takes no cue from the next line', '“We stop.”\nEbba Sund asked.', [['“We stop.”', null, null, null]]],
  ]);
});
