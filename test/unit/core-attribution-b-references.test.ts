// Speaker references resolved in the second half of attribution.ts: role nouns ("the chancellor"),
// groups ("European officials"), descriptions owned by a possessor ("X’s spokesman"), relative
// "who", pronouns, media nouns and terms quoted again. Each row is [name, text, the expected
// [quote, speaker name, cue, speaker mention] of every quote]; the texts are written for this table.

import { table } from './core-attribution-fixtures';

const FINE = '“fine”';

describe('core: attribution references (b)', () => {
  table('role nouns: "the chancellor" refers to a person named before', [
    ['one titled with the role wins over a nearer one titled otherwise', 'Chancellor Jonas Brill met Mayor Ivo Brandt. “We win,” the chancellor said.', [['“We win,”', 'Jonas Brill', 'said', 'the chancellor']]],
    ['the one titled with the role, though an object', 'Jonas Brill met Chancellor Ivo Brandt. “We win,” the chancellor said.', [['“We win,”', 'Ivo Brandt', 'said', 'the chancellor']]],
    ['without one titled so: a person with no title', 'Jonas Brill arrived. Then the chancellor said it was “fine”.', [[FINE, 'Jonas Brill', 'said', 'the chancellor']]],
    ['a person titled otherwise is passed over for one without a title', 'Jonas Brill arrived. Mayor Ivo Brandt spoke. Then the chancellor said it was “fine”.', [[FINE, 'Jonas Brill', 'said', 'the chancellor']]],
    ['a possessive is no referent', 'Ivo Brandt’s boat sank. Then the chancellor said it was “fine”.', [[FINE, null, null, null]]],
    ['an object is no referent', 'The crowd cheered for Ivo Brandt. Then the chancellor said it was “fine”.', [[FINE, null, null, null]]],
    ['an object and one titled otherwise: nobody', 'Mayor Ivo Brandt met Jonas Brill. Then the chancellor said it was “fine”.', [[FINE, null, null, null]]],
    ['an organisation is passed over for a person', 'Jonas Brill spoke. The Harbour Trust met. Then the chancellor said it was “fine”.', [[FINE, 'Jonas Brill', 'said', 'the chancellor']]],
    ['a tenure word before the role', 'Jonas Brill arrived. Then the former chancellor said it was “fine”.', [[FINE, 'Jonas Brill', 'said', 'the former chancellor']]],
    ['a demonym before the role', 'Jonas Brill arrived. Then the Norwegian chancellor said it was “fine”.', [[FINE, 'Jonas Brill', 'said', 'the Norwegian chancellor']]],
    ['after the quote', 'Jonas Brill arrived. “We win,” the chancellor said.', [['“We win,”', 'Jonas Brill', 'said', 'the chancellor']]],
    ['"the premier" is the prime minister titled "PM"', 'PM Tilda Marsh flew home. Then the premier said it was “fine”.', [[FINE, 'Tilda Marsh', 'said', 'the premier']]],
    ['"the premier": the one titled "PM", not a nearer person without a title', 'PM Tilda Marsh flew home. Jonas Brill stayed. Then the premier said it was “fine”.', [[FINE, 'Tilda Marsh', 'said', 'the premier']]],
    ['"PM" is no title of a chancellor', 'PM Tilda Marsh flew home. Jonas Brill stayed. Then the chancellor said it was “fine”.', [[FINE, 'Jonas Brill', 'said', 'the chancellor']]],
    ['"the PM" is the one titled "Premier"', 'Premier Tilda Marsh flew home. Then the PM said it was “fine”.', [[FINE, 'Tilda Marsh', 'said', 'the PM']]],
  ]);

  table('a description refers to one titled or named with its head word, a whole word', [
    ['"the man" is not the spokesman', 'Spokesman Ola Berg spoke. “No,” the man said.', [['“No,”', 'man', 'said', 'the man']]],
    ['"the department": a word that only starts with it is no match', 'The Harbour Departmental Trust met. The department said it was “unsafe”.', [['“unsafe”', 'department', 'said', 'The department']]],
    ['"the department": the word in the middle of the name', 'The Harbour Department Office closed the quay. The department said it was “unsafe”.', [['“unsafe”', 'Harbour Department Office', 'said', 'The department']]],
    ['"the department": a word that only ends with it, then the word', 'The Subdepartment Harbour Department closed the quay. The department said it was “unsafe”.', [['“unsafe”', 'Subdepartment Harbour Department', 'said', 'The department']]],
    ['"the department": a word that only starts with it, then the word', 'The Departmental Harbour Department closed the quay. The department said it was “unsafe”.', [['“unsafe”', 'Departmental Harbour Department', 'said', 'The department']]],
  ]);

  const NO = '“No,”';
  table('descriptions: "the lawyer", "a judge", "the lawyer fee letter"', [
    ['five words before the head noun', '“No,” the very very old former campaign strategist said.', [[NO, 'very very old former campaign strategist', 'said', 'the very very old former campaign strategist']]],
    ['six words before the head noun are too many', '“No,” the very very very old former campaign strategist said.', [[NO, null, null, null]]],
    ['two spaces after the determiner end the description', '“No,” the  lawyer said.', [[NO, null, null, null]]],
    ['a plural used as a modifier is no head', '“No,” a veterans group said.', [[NO, null, null, null]]],
    ['a plural before two spaces is the head', '“No,” the lawyers  said.', [[NO, 'lawyers', 'said', 'the lawyers']]],
    ['a person noun two words before a document noun is a modifier', '“No,” the lawyer fee letter said.', [[NO, 'lawyer fee letter', 'said', 'the lawyer fee letter']]],
    ['"a department" is not the department named before', 'The Harbour Department closed the quay. “No,” a department said.', [[NO, 'department', 'said', 'a department']]],
    ['"the department": one named inside a quote is passed over', '“The Harbour Department is wrong,” Ivo Brandt said. “No,” the department said.', [
      ['“The Harbour Department is wrong,”', 'Ivo Brandt', 'said', 'Ivo Brandt'],
      [NO, 'department', 'said', 'the department'],
    ]],
    ['"his judge" is not the judge titled so', 'Judge Ivo Brandt ruled. “No,” his judge said.', [[NO, 'judge', 'said', 'his judge']]],
    ['"one lawyer"', '“No,” one lawyer said.', [[NO, 'lawyer', 'said', 'one lawyer']]],
    ['a capitalised word in the description', '“No,” the Republican presidential candidate said.', [[NO, 'Republican presidential candidate', 'said', 'the Republican presidential candidate']]],
    ['an organisation in the description', '“No,” the Harbour Trust candidate said.', [[NO, 'Harbour Trust candidate', 'said', 'the Harbour Trust candidate']]],
  ]);

  table('description words before a name', [
    ['an organisation’s person after "the"', '“No,” the Harbour Trust’s Ivo Brandt said.', [[NO, 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['two words before the name', '“No,” political scientist Ivo Brandt said.', [[NO, 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['four words before the name', '“No,” very senior political science expert Ivo Brandt said.', [[NO, 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['five words before the name are too many', '“No,” very very senior political science expert Ivo Brandt said.', [[NO, null, null, null]]],
    ['two spaces between the words end them', '“No,” political  scientist Ivo Brandt said.', [[NO, null, null, null]]],
    ['five title words before the name', '“No,” said former German Deputy Vice Chancellor Ivo Brandt.', [[NO, 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a person "of" an organisation without "the"', '“We sail,” Mr. Brandt of Harbour Trust said.', [['“We sail,”', 'Brandt', 'said', 'Mr. Brandt']]],
    ['"said the organisation"', '“No,” said the Harbour Trust.', [[NO, 'Harbour Trust', 'said', 'Harbour Trust']]],
  ]);

  table('media nouns: "the newspaper" refers to a paper named before', [
    ['the paper named before', 'The Harbour Times ran the story. Then the newspaper said it was “fine”.', [[FINE, 'The Harbour Times', 'said', 'the newspaper']]],
    ['an organisation that is no paper is no referent', 'The Harbour Trust met. Then the newspaper said it was “fine”.', [[FINE, null, null, null]]],
    ['no paper named: no speaker', 'Then the newspaper said it was “fine”.', [[FINE, null, null, null]]],
  ]);

  table('groups: "officials" and their modifiers', [
    ['a demonym before the group noun', 'Then European officials said it was “fine”.', [[FINE, 'European officials', 'said', 'European officials']]],
    ['"the" and a demonym: the group without "the", the mention with it', 'Then the European officials said it was “fine”.', [[FINE, 'European officials', 'said', 'the European officials']]],
    ['a lower-case modifier "senior"', 'Then senior officials said it was “fine”.', [[FINE, 'senior officials', 'said', 'senior officials']]],
    ['"the senior officials"', 'Then the senior officials said it was “fine”.', [[FINE, 'senior officials', 'said', 'the senior officials']]],
    ['"administration" joins, the name before it does not', 'Then Trump administration officials said it was “fine”.', [[FINE, 'administration officials', 'said', 'administration officials']]],
    ['a capitalised modifier at the start of the sentence', 'Security officials said: “We win.”', [['“We win.”', 'Security officials', 'said', 'Security officials']]],
    ['the bare group noun at the start', 'Officials said: “We win.”', [['“We win.”', 'Officials', 'said', 'Officials']]],
    ['a tenure word and a demonym', 'Then the former French officials said it was “fine”.', [[FINE, 'former French officials', 'said', 'the former French officials']]],
    ['a lower-case demonym', 'Then european diplomats said it was “fine”.', [[FINE, 'european diplomats', 'said', 'european diplomats']]],
    ['"the former diplomats"', 'Then the former diplomats said it was “fine”.', [[FINE, 'former diplomats', 'said', 'the former diplomats']]],
    ['"the European diplomats"', 'Then the European diplomats said it was “fine”.', [[FINE, 'European diplomats', 'said', 'the European diplomats']]],
    ['a capitalised tenure word', 'Then the Former diplomats said it was “fine”.', [[FINE, 'Former diplomats', 'said', 'the Former diplomats']]],
    ['a capitalised modifier in the sentence', 'Then Senior diplomats said it was “fine”.', [[FINE, 'Senior diplomats', 'said', 'Senior diplomats']]],
    ['a capitalised word that is no modifier stays out', 'Then Harbour diplomats said it was “fine”.', [[FINE, 'diplomats', 'said', 'diplomats']]],
    ['"the sources"', 'Then the sources said it was “fine”.', [[FINE, 'sources', 'said', 'the sources']]],
    ['"the officials": a group, not a person', 'Then the officials said it was “fine”.', [[FINE, 'officials', 'said', 'the officials']]],
    ['the group named before "who"', 'He thanked officials, who said it was “fine”.', [[FINE, 'officials', 'said', 'officials']]],
  ]);

  table('relative "who": the person it stands for', [
    ['the name right before the comma', 'Ivo Brandt, who chairs the board, said: “We win.”', [['“We win.”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['the name before one apposition', 'Ivo Brandt, the harbour master, who chairs the board, said: “We win.”', [['“We win.”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['the name right before "who" without a comma, an object', 'The board thanked Ivo Brandt who then said: “We win.”', [['“We win.”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a possessor’s description before "who"', 'Ivo Brandt’s aide, who chairs the board, said: “We win.”', [['“We win.”', 'Ivo Brandt’s aide', 'said', 'Ivo Brandt’s aide']]],
    ['an organisation before "who"', 'The Harbour Trust, who chairs the board, said: “We win.”', [['“We win.”', 'Harbour Trust', 'said', 'Harbour Trust']]],
  ]);

  table('descriptions owned by a possessor', [
    ['"X’s former spokesman"', 'Ivo Brandt’s former spokesman said: “We win.”', [['“We win.”', 'Ivo Brandt’s former spokesman', 'said', 'Ivo Brandt’s former spokesman']]],
    ['"X’s spokesman NAME": the name', 'Ivo Brandt’s spokesman Ola Berg said: “We win.”', [['“We win.”', 'Ola Berg', 'said', 'Ola Berg']]],
    ['a spokesman titled so before', 'Spokesman Ola Berg met Ivo Brandt. Ivo Brandt’s spokesman said: “We win.”', [['“We win.”', 'Ola Berg', 'said', 'Ivo Brandt’s spokesman']]],
    ['the owner titled so is not his own spokesman', 'Spokesman Ivo Brandt spoke. Ivo Brandt’s spokesman said: “We win.”', [['“We win.”', 'Ivo Brandt’s spokesman', 'said', 'Ivo Brandt’s spokesman']]],
    ['two spaces end the description', 'Ivo Brandt’s boat  spokesman said: “We win.”', [['“We win.”', null, null, null]]],
    ['a capitalised word ends the description', 'Ivo Brandt’s Harbour spokesman said: “We win.”', [['“We win.”', null, null, null]]],
    ['a noun used as a modifier: the document', 'Ivo Brandt’s campaign statement said: “We win.”', [['“We win.”', 'Ivo Brandt’s campaign statement', 'said', 'Ivo Brandt’s campaign statement']]],
    ['a plural: a group', 'Ivo Brandt’s lawyers said: “We win.”', [['“We win.”', 'Ivo Brandt’s lawyers', 'said', 'Ivo Brandt’s lawyers']]],
    ['"and" ends the description', 'Ivo Brandt’s long and bitter letter said: “We win.”', [['“We win.”', null, null, null]]],
    ['five words up to the head noun', 'Ivo Brandt’s very old former campaign strategist said: “We win.”', [['“We win.”', 'Ivo Brandt’s very old former campaign strategist', 'said', 'Ivo Brandt’s very old former campaign strategist']]],
    ['six words are too many', 'Ivo Brandt’s very very old former campaign strategist said: “We win.”', [['“We win.”', null, null, null]]],
  ]);

  table('a term quoted again keeps its speaker', [
    ['case and closing punctuation are folded', 'Ivo Brandt called the port “full”. Nobody else thought the port was “Full!”', [['“full”', 'Ivo Brandt', 'called', 'Ivo Brandt'], ['“Full!”', 'Ivo Brandt', null, 'Ivo Brandt']]],
    ['a run of closing marks is folded', 'Ivo Brandt called the port “full”. Nobody else thought the port was “full?!”', [['“full”', 'Ivo Brandt', 'called', 'Ivo Brandt'], ['“full?!”', 'Ivo Brandt', null, 'Ivo Brandt']]],
    ['spaces inside the marks are folded', 'Ivo Brandt called the port “full”. Nobody else thought the port was “ full ”.', [['“full”', 'Ivo Brandt', 'called', 'Ivo Brandt'], ['“ full ”', 'Ivo Brandt', null, 'Ivo Brandt']]],
    ['another word is another term', 'Ivo Brandt called the port “full”. Nobody else thought the port was “empty”.', [['“full”', 'Ivo Brandt', 'called', 'Ivo Brandt'], ['“empty”', null, null, null]]],
    ['a comma inside the term is kept', 'Ivo Brandt called the port “full, now”. Nobody else thought the port was “full now”.', [['“full, now”', 'Ivo Brandt', 'called', 'Ivo Brandt'], ['“full now”', null, null, null]]],
  ]);
});
