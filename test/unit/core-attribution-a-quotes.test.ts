// Attribution around a quote (attribution.ts, first half: `attribute`, `afterQuote`, the
// quote-span and paragraph helpers): each row is [name, text, the expected [quote, speaker name,
// cue, speaker mention] of every quote]. The texts are written for these rows; each row names the
// rule or the boundary it checks.

import { table } from './core-attribution-fixtures';

/** "Jonas Brill spoke. “The trains were full,” Brill said …. “Nobody could board.”" with exactly `gap` characters between the two quotes. */
function twoQuotes(gap: number): string {
  const head = 'Jonas Brill spoke. “The trains were full,” Brill said';
  const tail = '. “Nobody could board.”';
  const fill = ' and then went on about the timetable'.repeat(20);
  // The gap is the text from the end of the first quote to the start of the second one.
  const fixed = ' Brill said'.length + '. '.length;
  return head + fill.slice(0, gap - fixed) + tail;
}

describe('core: attribution around a quote (attribution.ts, first half)', () => {
  table('words inside quotes are no cues, and breaks inside quotes no clause breaks', [
    ['a cue word inside an earlier quote is no cue: the clause subject, without a cue', 'Ivo Brandt painted “Marta Quell said no” and the word “full”.', [
      ['“Marta Quell said no”', 'Ivo Brandt', null, 'Ivo Brandt'],
      ['“full”', 'Ivo Brandt', null, 'Ivo Brandt'],
    ]],
    ['a cue word right after the opening mark of an earlier quote is no cue', 'Ivo Brandt painted “said no” and the word “full”.', [
      ['“said no”', 'Ivo Brandt', null, 'Ivo Brandt'],
      ['“full”', 'Ivo Brandt', null, 'Ivo Brandt'],
    ]],
    ['a semicolon inside the first quote of the text breaks no clause', 'Ivo Brandt said “yes; no” and “maybe”.', [
      ['“yes; no”', 'Ivo Brandt', 'said', 'Ivo Brandt'],
      ['“maybe”', 'Ivo Brandt', 'said', 'Ivo Brandt'],
    ]],
    ['a semicolon right after a quote (at its end) is a clause break', 'Ivo Brandt said “yes”; the port is “full”.', [
      ['“yes”', 'Ivo Brandt', 'said', 'Ivo Brandt'],
      ['“full”', null, null, null],
    ]],
  ]);

  table('a quote split by its cue', [
    ['the cue right after the closing mark, without a space', '“The trains,”said Jonas Brill, “were full.”', [
      ['“The trains,”', 'Jonas Brill', 'said', 'Jonas Brill'],
      ['“were full.”', 'Jonas Brill', 'said', 'Jonas Brill'],
    ]],
  ]);

  table('a subject found again for a later quote', [
    ['the nearer subject of a second cue, not the sentence’s first subject', 'Tilda Marsh said Ivo Brandt said “yes” and then called it “a mess”.', [
      ['“yes”', 'Ivo Brandt', 'said', 'Ivo Brandt'],
      ['“a mess”', 'Ivo Brandt', 'called', 'Ivo Brandt'],
    ]],
  ]);

  table('a subject found again, in two sentences', [
    ['each second cue keeps its nearer subject', 'Tilda Marsh said Ivo Brandt said “yes” and then called it “a mess”. Ebba Sund said Ola Berg said “no” and then called it “a joke”.', [
      ['“yes”', 'Ivo Brandt', 'said', 'Ivo Brandt'],
      ['“a mess”', 'Ivo Brandt', 'called', 'Ivo Brandt'],
      ['“no”', 'Ola Berg', 'said', 'Ola Berg'],
      ['“a joke”', 'Ola Berg', 'called', 'Ola Berg'],
    ]],
  ]);

  table('a cue before and a cue after the quote', [
    ['a person whose name holds a paper word ("Postma") is no news agency', 'Ivo Brandt warned “the port is full,” Marta Postma said.', [['“the port is full,”', 'Marta Postma', 'said', 'Marta Postma']]],
    ['an organisation that is no news agency outranks the person before', 'Ivo Brandt warned “the port is full,” the Harbour Trust said.', [['“the port is full,”', 'Harbour Trust', 'said', 'Harbour Trust']]],
    ['a news channel (a media name the paper words miss) relays the person before', 'Ivo Brandt said the port was “full,” CNN reported.', [['“full,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a paper known by its name ("Times") relays the person before', 'Ivo Brandt said the port was “full,” the Harbour Times reported.', [['“full,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
  ]);

  table('re-used terms and the paragraph before', [
    ['a term first quoted without a speaker gives none to its re-use', 'It was “bold”. Ivo Brandt is “bold”.', [
      ['“bold”', null, null, null],
      ['“bold”', 'Ivo Brandt', null, 'Ivo Brandt'],
    ]],
    ['a paragraph ending in a colon introduces only a quote that opens the next paragraph', 'Ivo Brandt continued:\n\nThe port is “full”.', [['“full”', null, null, null]]],
    ['nor a quote opening the second sentence of the next paragraph', 'Ivo Brandt continued:\n\nThe tide rose. “The sea always wins.”', [['“The sea always wins.”', null, null, null]]],
    ['an introduction without a speaker leaves the quote to the previous speaker', 'Jonas Brill said: “Yes.” The rain fell and continued:\n\n“No.”', [
      ['“Yes.”', 'Jonas Brill', 'said', 'Jonas Brill'],
      ['“No.”', 'Jonas Brill', null, 'Jonas Brill'],
    ]],
    ['the speaker does not continue two paragraphs later', 'Jonas Brill spoke first. “The trains were full,” Brill said.\n\nThe station closed.\n\n“Nobody could board.”', [
      ['“The trains were full,”', 'Jonas Brill', 'said', 'Brill'],
      ['“Nobody could board.”', null, null, null],
    ]],
    ['the speaker continues with 399 characters between the quotes', twoQuotes(399), [
      ['“The trains were full,”', 'Jonas Brill', 'said', 'Brill'],
      ['“Nobody could board.”', 'Jonas Brill', null, 'Brill'],
    ]],
    ['but not with exactly 400', twoQuotes(400), [
      ['“The trains were full,”', 'Jonas Brill', 'said', 'Brill'],
      ['“Nobody could board.”', null, null, null],
    ]],
  ]);

  table('a question or exclamation and the next sentence', [
    ['a next sentence without a cue gives no speaker', '“Why now?” The tide rose.', [['“Why now?”', null, null, null]]],
    ['two spaces before the next sentence', '“Why now?”  Ebba Sund asked.', [['“Why now?”', 'Ebba Sund', 'asked', 'Ebba Sund']]],
    ['a cue 59 characters after the quote', '“Why now?” Ebba Sund, harbour master of the old northern ferry town, asked.', [['“Why now?”', 'Ebba Sund', 'asked', 'Ebba Sund']]],
    ['a cue 60 characters after the quote is too far', '“Why now?” Ebba Sund, harbour master of the cold northern ferry town, asked.', [['“Why now?”', null, null, null]]],
  ]);

  table('after the quote: dashes, bylines and commas', [
    ['a dash without a noun phrase after it is no byline', '“The sea always wins.” ― and then silence.', [['“The sea always wins.”', null, null, null]]],
    ['a byline in a text longer than 60 characters', '“The sea always wins.” ― Ivo Brandt\nThe end came slowly over the harbour, the quays and the old town.', [['“The sea always wins.”', 'Ivo Brandt', null, 'Ivo Brandt']]],
    ['a byline with 59 characters after the name on its line', '“The sea always wins.” ― Ivo Brandt, harbour master of the old northern town, keeper of a lamp', [['“The sea always wins.”', 'Ivo Brandt', null, 'Ivo Brandt']]],
    ['a byline with 59 characters and trailing spaces after the name', '“The sea always wins.” ― Ivo Brandt, harbour master of the old northern town, keeper of a lamp   \nThe end.', [['“The sea always wins.”', 'Ivo Brandt', null, 'Ivo Brandt']]],
    ['a name followed by 60 characters on its line is no byline', '“The sea always wins.” ― Ivo Brandt, harbour master of the old northern town, keeper of my lamp', [['“The sea always wins.”', null, null, null]]],
    ['a dash with no space after it', '“We are full” —Ivo Brandt said so.', [['“We are full”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a cue after a comma in the next sentence is not looked at', '“We are full” for now. Later, Ivo Brandt said the port would reopen.', [['“We are full”', null, null, null]]],
    ['the first comma of several opens no cue: the later one does', '“We fear a collapse” of the pier, the dock and the quay, harbour master Ivo Brandt said.', [['“We fear a collapse”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
  ]);
});
