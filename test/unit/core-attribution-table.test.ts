// Speaker attribution, one table per construction: each row is [name, text, the expected
// [quote, speaker name, cue, speaker mention] of every quote in the text]. The sentences are
// written for these tables; a row names what it checks, and negative rows expect no speaker.
import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core';

import { table } from './core-attribution-fixtures';

describe('core: attribution tables', () => {
  table('“…,” X said', [
    ['full name after the quote', '“The bridge will open in May,” Tilda Marsh said.', [['“The bridge will open in May,”', 'Tilda Marsh', 'said', 'Tilda Marsh']]],
    ['a surname after the full name', 'Tilda Marsh chairs the board. “We are ready,” Marsh said on Tuesday.', [['“We are ready,”', 'Tilda Marsh', 'said', 'Marsh']]],
    ['an adverb between name and verb', '“It is over,” Jonas Brill later said.', [['“It is over,”', 'Jonas Brill', 'said', 'Jonas Brill']]],
    ['an auxiliary between name and verb', '“Nothing changed,” Jonas Brill has said.', [['“Nothing changed,”', 'Jonas Brill', 'said', 'Jonas Brill']]],
    ['a phrase cue "told reporters"', '“We will wait,” Ebba Sund told reporters.', [['“We will wait,”', 'Ebba Sund', 'told reporters', 'Ebba Sund']]],
    ['a phrase cue "said in a statement"', '“We regret it,” Tilda Marsh said in a statement.', [['“We regret it,”', 'Tilda Marsh', 'said in a statement', 'Tilda Marsh']]],
    ['a phrase cue "told a press conference"', '“We are done,” Ebba Sund told a press conference.', [['“We are done,”', 'Ebba Sund', 'told a press conference', 'Ebba Sund']]],
    ['"he said" after a named man', 'Jonas Brill left the hall. “It is over,” he said.', [['“It is over,”', 'Jonas Brill', 'said', 'he']]],
    ['a participle after the name is no cue', '“It is over,” Jonas Brill saying.', [['“It is over,”', null, null, null]]],
    ['a question with its cue after it', '“Why now?” Ebba Sund asked.', [['“Why now?”', 'Ebba Sund', 'asked', 'Ebba Sund']]],
    ['a question with its cue on the next line', '“Why now?”\nEbba Sund asked.', [['“Why now?”', 'Ebba Sund', 'asked', 'Ebba Sund']]],
    ['an exclamation with its cue after it', '“Stop!” Ebba Sund shouted.', [['“Stop!”', 'Ebba Sund', 'shouted', 'Ebba Sund']]],
    ['a question whose cue is far after it', '“Why now?” In the end nobody in the crowded hall of the old town council, Ebba Sund asked.', [['“Why now?”', null, null, null]]],
    ['a cue after the quote outranks one before it', 'Ivo Brandt warned “the port is full,” Marta Quell said.', [['“the port is full,”', 'Marta Quell', 'said', 'Marta Quell']]],
    ['a speaker after a comma later in the sentence', '“We fear a collapse” of the pier, harbour master Ivo Brandt said.', [['“We fear a collapse”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a speaker after a dash', '“We are full” — Ivo Brandt said so twice.', [['“We are full”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a name inside the quote is not the speaker', '“Ivo Brandt said ‘no’ to us,” Marta Quell said.', [['“Ivo Brandt said ‘no’ to us,”', 'Marta Quell', 'said', 'Marta Quell']]],
    ['"was saying": a participle after "was" is a cue', '“We are full,” Ivo Brandt was saying.', [['“We are full,”', 'Ivo Brandt', 'saying', 'Ivo Brandt']]],
    ['"also" between the name and the verb', '“We are full,” Ivo Brandt also said.', [['“We are full,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a question with an unnamed person after it', '“Are you full?” a reporter asked.', [['“Are you full?”', 'reporter', 'asked', 'a reporter']]],
    ['a party tag, then a phrase cue', '“We are full,” Ivo Brandt (R-Maine) told reporters.', [['“We are full,”', 'Ivo Brandt', 'told reporters', 'Ivo Brandt']]],
    ['two appositions before the cue', '“We are full,” Ivo Brandt, the harbour master, one of the founders, said.', [['“We are full,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a byline after a dash at the end of a line', '“The sea always wins.” ― Ivo Brandt\nThe end came.', [['“The sea always wins.”', 'Ivo Brandt', null, 'Ivo Brandt']]],
  ]);

  const FILLER = 'The tide rose and fell. ';
  table('“…,” they / it said: an organisation, a country or a group named before', [
    ['they: the organisation named before', 'The Harbour Trust met on Monday. “We will not yield,” they said.', [['“We will not yield,”', 'Harbour Trust', 'said', 'they']]],
    ['they: a country', 'Norway protested. “We will not pay,” they said.', [['“We will not pay,”', 'Norway', 'said', 'they']]],
    ['they: a group, the nearest of the two', 'The Harbour Trust wrote to Europe. “We will not pay,” they said.', [['“We will not pay,”', 'Europe', 'said', 'they']]],
    ['it: an organisation, with a phrase cue', 'The Harbour Trust met on Monday. “We will not pay,” it said in a statement.', [['“We will not pay,”', 'Harbour Trust', 'said in a statement', 'it']]],
    ['it: never a group', 'Europe objected on Monday. “We will not pay,” it said.', [['“We will not pay,”', null, null, null]]],
    ['it: an organisation before which a group was named', 'Europe wrote to the Harbour Trust. “We will not pay,” it said.', [['“We will not pay,”', 'Harbour Trust', 'said', 'it']]],
    ['it: an organisation 1,300 characters back', `The Harbour Trust met on Monday. ${FILLER.repeat(55)}“We will not pay,” it said.`, [['“We will not pay,”', 'Harbour Trust', 'said', 'it']]],
    ['it: an organisation 1,700 characters back is too far', `The Harbour Trust met on Monday. ${FILLER.repeat(70)}“We will not pay,” it said.`, [['“We will not pay,”', null, null, null]]],
  ]);

  table('phrase cues', [
    ['a phrase cue over a line break', '“We are done,” Ebba Sund said in a\nstatement.', [['“We are done,”', 'Ebba Sund', 'said in a\nstatement', 'Ebba Sund']]],
    ['a phrase cue does not run over a sentence end ("wrote. On")', '“The Harbour Trust lies,” Ivo Brandt wrote.\n\nOn Tuesday the tide rose.', [['“The Harbour Trust lies,”', 'Ivo Brandt', 'wrote', 'Ivo Brandt']]],
    ['nor over a comma ("went, on")', '“We are done,” Ebba Sund went, on foot.', [['“We are done,”', null, null, null]]],
  ]);

  table('said X', [
    ['said and a full name', '“The bridge will open,” said Tilda Marsh.', [['“The bridge will open,”', 'Tilda Marsh', 'said', 'Tilda Marsh']]],
    ['said and a title before the name (not in the mention)', '“The bridge will open,” said Mayor Tilda Marsh.', [['“The bridge will open,”', 'Tilda Marsh', 'said', 'Tilda Marsh']]],
    ['added and an unnamed person', '“Soon,” added a spokesman.', [['“Soon,”', 'spokesman', 'added', 'a spokesman']]],
    ['said X, then a phrase after the name', '“We are done,” said Ebba Sund in a statement.', [['“We are done,”', 'Ebba Sund', 'said', 'Ebba Sund']]],
    ['said the organisation’s role, NAME', '“We sail at dawn,” said the trust’s director, Ivo Brandt.', [['“We sail at dawn,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
  ]);

  table('X said: “…” and X verb “…”', [
    ['a colon after the cue', 'Tilda Marsh said: “The bridge will open.”', [['“The bridge will open.”', 'Tilda Marsh', 'said', 'Tilda Marsh']]],
    ['a cue with an object before the colon', 'Tilda Marsh told the paper: “The bridge will open.”', [['“The bridge will open.”', 'Tilda Marsh', 'told', 'Tilda Marsh']]],
    ['a partial quote after "warned that"', 'Tilda Marsh warned that the bridge was “unsafe”.', [['“unsafe”', 'Tilda Marsh', 'warned', 'Tilda Marsh']]],
    ['an infinitive is no cue: the clause subject, without a cue', 'Tilda Marsh wanted to say “sorry”.', [['“sorry”', 'Tilda Marsh', null, 'Tilda Marsh']]],
    ['a passive "was described as" has no speaker', 'The plan was described as “bold” in the report.', [['“bold”', null, null, null]]],
    ['a paragraph ending in a colon introduces the next', 'Ivo Brandt rose and continued:\n\n“The sea always wins.”', [['“The sea always wins.”', 'Ivo Brandt', 'continued', 'Ivo Brandt']]],
    ['a relative clause between the name and the cue', 'Ivo Brandt, who chairs the board, said the plan was “a slow leak”.', [['“a slow leak”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['"who" after a name that is an object', 'The vote went to Ivo Brandt, who called it “a slow leak”.', [['“a slow leak”', 'Ivo Brandt', 'called', 'Ivo Brandt']]],
    ['"having said" before the subject', 'Having said the port was full, Ivo Brandt added: “We cannot take more ships.”', [['“We cannot take more ships.”', 'Ivo Brandt', 'added', 'Ivo Brandt']]],
    ['a participle right after a person', 'The film shows Ivo Brandt asking, “Where are the ships?”', [['“Where are the ships?”', 'Ivo Brandt', 'asking', 'Ivo Brandt']]],
    ['a second verb after "and" shares the subject', 'Ivo Brandt waves at the crowd and repeatedly says, “Go home.”', [['“Go home.”', 'Ivo Brandt', 'says', 'Ivo Brandt']]],
    ['"…, adding:" belongs to the main subject', 'Ivo Brandt said the port was full, adding: “We cannot take more ships.”', [['“We cannot take more ships.”', 'Ivo Brandt', 'adding', 'Ivo Brandt']]],
    ['a cue with a time and "that" before the quote', 'Ivo Brandt told the paper on Monday that the port was “full”.', [['“full”', 'Ivo Brandt', 'told', 'Ivo Brandt']]],
    ['a person "of" an organisation before the quote', 'Mr. Brandt of the Harbour Trust said: “We are full.”', [['“We are full.”', 'Brandt', 'said', 'Mr. Brandt']]],
    ['a noun "statement" is no cue: the clause subject', 'Ivo Brandt issued a statement: “We are full.”', [['“We are full.”', 'Ivo Brandt', null, 'Ivo Brandt']]],
    ['a question keeps the cue before it over the next sentence', 'Ivo Brandt asked: “Why now?” Marta Quell said nothing.', [['“Why now?”', 'Ivo Brandt', 'asked', 'Ivo Brandt']]],
    ['a clause subject after "But", without a cue', 'But Ivo Brandt is “tired”.', [['“tired”', 'Ivo Brandt', null, 'Ivo Brandt']]],
    ['"posts" before the quote is a cue', 'Ivo Brandt posts “the numbers” daily.', [['“the numbers”', 'Ivo Brandt', 'posts', 'Ivo Brandt']]],
    ['"will post" (no -s or -ed) before the quote is no cue', 'Ivo Brandt will post “the numbers” soon.', [['“the numbers”', 'Ivo Brandt', null, 'Ivo Brandt']]],
    ['"made the call": a noun after a determiner is no cue', 'Ivo Brandt made the call “at once”.', [['“at once”', 'Ivo Brandt', null, 'Ivo Brandt']]],
    ['a colon in the middle of the sentence', 'Ivo Brandt had one word: “enough”.', [['“enough”', 'Ivo Brandt', null, 'Ivo Brandt']]],
    ['a possessed nominal cue "claim"', 'Ivo Brandt’s claim that the port is “full” is wrong.', [['“full”', 'Ivo Brandt', 'claim', 'Ivo Brandt']]],
    ['", but" starts a clause with its own subject', 'Ivo Brandt spoke, but Marta Quell is “tired”.', [['“tired”', 'Marta Quell', null, 'Marta Quell']]],
    ['", whereas" starts a clause with its own subject and cue', 'Ivo Brandt left, whereas Marta Quell called it “a mess”.', [['“a mess”', 'Marta Quell', 'called', 'Marta Quell']]],
    ['a semicolon inside an earlier quote breaks no clause', 'Ivo Brandt said “yes; no” and then called it “a mess”.', [
      ['“yes; no”', 'Ivo Brandt', 'said', 'Ivo Brandt'],
      ['“a mess”', 'Ivo Brandt', 'called', 'Ivo Brandt'],
    ]],
    ['commas around an aside break no clause', 'Ivo Brandt, tired, called it “a mess”.', [['“a mess”', 'Ivo Brandt', 'called', 'Ivo Brandt']]],
  ]);

  table('according to X, as X put it, by X', [
    ['according to X after the quote', 'The bridge is “unsafe”, according to Tilda Marsh.', [['“unsafe”', 'Tilda Marsh', 'according to', 'Tilda Marsh']]],
    ['according to X before the quote', 'According to Tilda Marsh, the bridge is “unsafe”.', [['“unsafe”', 'Tilda Marsh', 'According to', 'Tilda Marsh']]],
    ['as X put it', 'The plan is “a slow leak,” as Ivo Brandt put it.', [['“a slow leak,”', 'Ivo Brandt', 'put it', 'Ivo Brandt']]],
    ['as described by X', 'The plan is “a slow leak,” as described by Ivo Brandt.', [['“a slow leak,”', 'Ivo Brandt', 'described', 'Ivo Brandt']]],
    ['called “…” by X', 'The plan was called “a slow leak” by Ivo Brandt.', [['“a slow leak”', 'Ivo Brandt', 'called', 'Ivo Brandt']]],
    ['a person before a news agency that relays the quote', 'Ivo Brandt said the port was “full,” Reuters reported.', [['“full,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
  ]);

  table('X told Y', [
    ['X told Y: “…”', 'Tilda Marsh told Jonas Brill: “You are late.”', [['“You are late.”', 'Tilda Marsh', 'told', 'Tilda Marsh']]],
    ['“…,” X told Y', '“You are late,” Tilda Marsh told Jonas Brill.', [['“You are late,”', 'Tilda Marsh', 'told', 'Tilda Marsh']]],
  ]);

  table('pronouns after a named speaker', [
    ['"He said:" after a man', 'Jonas Brill arrived late. He said: “The trains were full.”', [['“The trains were full.”', 'Jonas Brill', 'said', 'He']]],
    ['"She said:" after a woman', 'Marta Quell arrived late. She said: “The trains were full.”', [['“The trains were full.”', 'Marta Quell', 'said', 'She']]],
    ['"she" passes over a man named after the woman', 'Marta Quell thanked Jonas Brill. She said: “We owe him.”', [['“We owe him.”', 'Marta Quell', 'said', 'She']]],
    ['"he" passes over a woman who is the subject', 'Marta Quell thanked Jonas Brill. He said: “We owe her.”', [['“We owe her.”', 'Jonas Brill', 'said', 'He']]],
    ['"she" is the woman met, not the man who met her', 'Jonas Brill met Marta Quell. “We start now,” she said.', [['“We start now,”', 'Marta Quell', 'said', 'she']]],
    ['"he" with nobody named has no speaker', 'The storm passed. He said: “It was loud.”', [['“It was loud.”', null, null, null]]],
    ['"quoted him as saying" gives the person, not the sources', 'Ivo Brandt left early. “It was fine,” aides quoted him as saying.', [['“It was fine,”', 'Ivo Brandt', 'quoted him as saying', 'him']]],
    ['"it said" refers to the organisation', 'The Harbour Council met on Monday. “We are full,” it said.', [['“We are full,”', 'Harbour Council', 'said', 'it']]],
    ['"he" after "U.S. President X"', 'Talks with U.S. President Jonas Brill went on. He said it was “fine”.', [['“fine”', 'Jonas Brill', 'said', 'He']]],
    ['"it said" refers to a country', 'Norway met on Monday. “We will help,” it said.', [['“We will help,”', 'Norway', 'said', 'it']]],
    ['"She" with only a man named falls back to him', 'Ivo Brandt spoke. She said: “We are full.”', [['“We are full.”', 'Ivo Brandt', 'said', 'She']]],
    ['"he" after a name in a headline only has no speaker', 'IVO BRANDT WINS\n\n“We are full,” he said.', [['“We are full,”', null, null, null]]],
    ['"she" is the woman named first, not the man after her', 'Anna Lind met Ivo Brandt. “Yes,” she said.', [['“Yes,”', 'Anna Lind', 'said', 'she']]],
    ['"she" is the woman named after the man', 'Ivo Brandt met Olena Quell. “Yes,” she said.', [['“Yes,”', 'Olena Quell', 'said', 'she']]],
  ]);

  table('the speaker in the next paragraph, and a quote split by its cue', [
    ['a quote opening the next paragraph continues the speaker', 'Jonas Brill spoke first. “The trains were full,” Brill said.\n\n“Nobody could board.”', [
      ['“The trains were full,”', 'Jonas Brill', 'said', 'Brill'],
      ['“Nobody could board.”', 'Jonas Brill', null, 'Brill'],
    ]],
    ['two paragraphs later it does not', 'Jonas Brill spoke first. “The trains were full,” Brill said.\n\nThe station closed at noon and reopened later.\n\nThe council met.\n\n“Nobody could board.”', [
      ['“The trains were full,”', 'Jonas Brill', 'said', 'Brill'],
      ['“Nobody could board.”', null, null, null],
    ]],
    ['said X between the pieces', '“The trains,” said Jonas Brill, “were full.”', [
      ['“The trains,”', 'Jonas Brill', 'said', 'Jonas Brill'],
      ['“were full.”', 'Jonas Brill', 'said', 'Jonas Brill'],
    ]],
    ['X said between the pieces', '“The trains,” Jonas Brill said, “were full.”', [
      ['“The trains,”', 'Jonas Brill', 'said', 'Jonas Brill'],
      ['“were full.”', 'Jonas Brill', 'said', 'Jonas Brill'],
    ]],
    ['a term quoted again keeps its speaker', 'Ivo Brandt called the port “full”. Nobody else thought the port was “full”.', [
      ['“full”', 'Ivo Brandt', 'called', 'Ivo Brandt'],
      ['“full”', 'Ivo Brandt', null, 'Ivo Brandt'],
    ]],
    ['a quote opening the next sentence continues the speaker', 'Jonas Brill spoke. “The trains were full,” Brill said. “Nobody could board.”', [
      ['“The trains were full,”', 'Jonas Brill', 'said', 'Brill'],
      ['“Nobody could board.”', 'Jonas Brill', null, 'Brill'],
    ]],
    ['not when 400 characters or more come between the quotes', 'Jonas Brill spoke. “The trains were full,” Brill said, and then he went on for a long while about the timetable, the old carriages, the broken heating in the winter months, the staff who had left for better pay elsewhere, the tickets that cost more each year, the platform that flooded whenever it rained, the lift that never worked, the cafe that closed at six, the car park that filled by seven, and the buses that no longer met the trains at all. “Nobody could board.”', [
      ['“The trains were full,”', 'Jonas Brill', 'said', 'Brill'],
      ['“Nobody could board.”', null, null, null],
    ]],
  ]);

  table('anonymous sources, descriptions and groups', [
    ['"officials said"', '“We will act,” officials said.', [['“We will act,”', 'officials', 'said', 'officials']]],
    ['a demonym with the group noun', '“We will act,” European officials said.', [['“We will act,”', 'European officials', 'said', 'European officials']]],
    ['"sources said"', '“Not yet,” sources said.', [['“Not yet,”', 'sources', 'said', 'sources']]],
    ['"a lawyer said": a person of its own', '“We are done,” a lawyer said.', [['“We are done,”', 'lawyer', 'said', 'a lawyer']]],
    ['"the lawyers said": a group', '“We are done,” the lawyers said.', [['“We are done,”', 'lawyers', 'said', 'the lawyers']]],
    ['"the letter reads": a document', '“We are done,” the letter reads.', [['“We are done,”', 'letter', 'reads', 'the letter']]],
    ['"his friend NAME said": the name', '“We are done,” his friend Ebba Sund said.', [['“We are done,”', 'Ebba Sund', 'said', 'Ebba Sund']]],
    ['a lower-case role before the name', '“We are done,” harbour engineer Ebba Sund said.', [['“We are done,”', 'Ebba Sund', 'said', 'Ebba Sund']]],
    ['capitalised "Administration officials" before the quote', 'Administration officials said: “We will act.”', [['“We will act.”', 'Administration officials', 'said', 'Administration officials']]],
    ['"the judge" refers back to the one titled so', 'Judge Ivo Brandt ruled. “It is law,” the judge said.', [['“It is law,”', 'Ivo Brandt', 'said', 'the judge']]],
    ['"a judge" is someone else', 'Judge Ivo Brandt ruled. “It is law,” a judge said.', [['“It is law,”', 'judge', 'said', 'a judge']]],
    ['"the spokesman of the trust": the description ends at "of"', '“No,” said the spokesman of the trust.', [['“No,”', 'spokesman', 'said', 'the spokesman']]],
    ['a noun used as a modifier keeps the description going', '“No,” the campaign statement said.', [['“No,”', 'campaign statement', 'said', 'the campaign statement']]],
  ]);

  table('organisations, countries and media', [
    ['a council', '“We oppose it,” the City Council said.', [['“We oppose it,”', 'City Council', 'said', 'City Council']]],
    ['a country', '“We will help,” Norway said.', [['“We will help,”', 'Norway', 'said', 'Norway']]],
    ['"the department" refers back to the one named', 'The Harbour Department closed the quay. The department said it was “unsafe”.', [['“unsafe”', 'Harbour Department', 'said', 'The department']]],
    ['"the newspaper reported" refers to the paper', 'The Harbour Times said the port was “full,” the newspaper reported.', [['“full,”', 'The Harbour Times', 'reported', 'the newspaper']]],
    ['"the paper said" after the paper is named', 'The Harbour Times ran the story. “We are done,” the paper said.', [['“We are done,”', 'The Harbour Times', 'said', 'the paper']]],
    ['an organisation and a role before the name', '“We are done,” Harbour Trust engineer Ebba Sund said.', [['“We are done,”', 'Ebba Sund', 'said', 'Ebba Sund']]],
    ['an organisation’s person', '“We are done,” Harbour Trust’s Ebba Sund said.', [['“We are done,”', 'Ebba Sund', 'said', 'Ebba Sund']]],
    ['a person "of" an organisation', '“We sail at dawn,” Mr. Brandt of the Harbour Trust said.', [['“We sail at dawn,”', 'Brandt', 'said', 'Mr. Brandt']]],
    ['"the ministry" refers back to the one named', 'The Harbour Ministry met. “We are full,” the ministry said.', [['“We are full,”', 'Harbour Ministry', 'said', 'the ministry']]],
    ['"the committee" with none named is one of its own', '“We are full,” the committee said.', [['“We are full,”', 'committee', 'said', 'the committee']]],
    ['"the newspaper" with no paper named has no speaker', '“We are full,” the newspaper said.', [['“We are full,”', null, null, null]]],
  ]);

  table('titles and appositions', [
    ['"Prime Minister X said"', '“We will help,” Prime Minister Tilda Marsh said.', [['“We will help,”', 'Tilda Marsh', 'said', 'Tilda Marsh']]],
    ['"the prime minister" refers back to the one titled so', 'Prime Minister Tilda Marsh flew home. Later the prime minister said she was “tired”.', [['“tired”', 'Tilda Marsh', 'said', 'the prime minister']]],
    ['"the president said"', 'President Jonas Brill spoke. “We win,” the president said.', [['“We win,”', 'Jonas Brill', 'said', 'the president']]],
    ['"the French president" with a demonym', 'President Ivo Brandt of France spoke. “We will act,” the French president said.', [['“We will act,”', 'Ivo Brandt', 'said', 'the French president']]],
    ['a demonym and a title before the name', 'German Chancellor Jonas Brill said: “No.”', [['“No.”', 'Jonas Brill', 'said', 'Jonas Brill']]],
    ['a party tag after the name', '“We sail at dawn,” Sen. Ivo Brandt (R-Maine) said.', [['“We sail at dawn,”', 'Ivo Brandt', 'said', 'Sen. Ivo Brandt']]],
    ['an age after the name', '“We sail at dawn,” Ivo Brandt, 54, said.', [['“We sail at dawn,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a role after the name', '“We sail at dawn,” Ivo Brandt, the harbour master, said.', [['“We sail at dawn,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['"the president" is the president, not the prime minister named with him', 'Prime Minister Tilda Marsh met President Jonas Brill. “We agree,” the president said.', [['“We agree,”', 'Jonas Brill', 'said', 'the president']]],
    ['"the former president" refers back to the president', 'President Ivo Brandt left office. “I miss it,” the former president said.', [['“I miss it,”', 'Ivo Brandt', 'said', 'the former president']]],
    ['a lower-case title with "of" before the name', '“No,” said secretary of state Ivo Brandt.', [['“No,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
  ]);

  table('possessives', [
    ['"X’s spokesman said": the description', '“No comment,” Tilda Marsh’s spokesman said.', [['“No comment,”', 'Tilda Marsh’s spokesman', 'said', 'Tilda Marsh’s spokesman']]],
    ['"X’s statement called"', 'Tilda Marsh’s statement called the plan “reckless”.', [['“reckless”', 'Tilda Marsh’s statement', 'called', 'Tilda Marsh’s statement']]],
    ['a nominal cue owned by X', 'Ivo Brandt’s warning that the port is “full” went unheard.', [['“full”', 'Ivo Brandt', 'warning', 'Ivo Brandt']]],
    ['"X’s rallying cry"', 'Ivo Brandt’s rallying cry to ‘hold the line’ spread.', [['‘hold the line’', 'Ivo Brandt', 'rallying cry', 'Ivo Brandt']]],
    ['"X’s spokesman NAME said": the name', '“No,” Ivo Brandt’s spokesman Ola Berg said.', [['“No,”', 'Ola Berg', 'said', 'Ola Berg']]],
    ['"X’s spokesman said" after a spokesman was named: that person', 'Spokesman Ola Berg met Ivo Brandt. “No,” Ivo Brandt’s spokesman said.', [['“No,”', 'Ola Berg', 'said', 'Ivo Brandt’s spokesman']]],
    ['"X’s lawyers said": a group of its own', '“No,” Ivo Brandt’s lawyers said.', [['“No,”', 'Ivo Brandt’s lawyers', 'said', 'Ivo Brandt’s lawyers']]],
    ['"the organisation’s NAME said": the name', '“No,” the Harbour Trust’s Ola Berg said.', [['“No,”', 'Ola Berg', 'said', 'Ola Berg']]],
  ]);

  table('nobody is attributed', [
    ['a scare quote', 'The so-called “reform” failed.', [['“reform”', null, null, null]]],
    ['a title of a work', 'The film “Blue Harbour” opened on Friday.', [['“Blue Harbour”', null, null, null]]],
    ['no name in the sentence', 'It was, in a word, “unthinkable”.', [['“unthinkable”', null, null, null]]],
    ['a name before a semicolon is another clause', 'Ivo Brandt left the room; the port is “full”.', [['“full”', null, null, null]]],
    ['a name before a dash is another clause', 'Ivo Brandt left the room — the port is “full”.', [['“full”', null, null, null]]],
    ['"while" starts the clause of its own subject', 'Ivo Brandt left, while Marta Quell called it “a mess”.', [['“a mess”', 'Marta Quell', 'called', 'Marta Quell']]],
    ['a possessive is no clause subject', 'Ivo Brandt’s plan is “a mess”.', [['“a mess”', null, null, null]]],
    ['an object is no clause subject', 'For Ivo Brandt the plan is “a mess”.', [['“a mess”', null, null, null]]],
    ['"anybody who" has no named speaker', 'Anybody who complains says the port is “full”.', [['“full”', null, null, null]]],
    ['a paragraph ending in a colon without a speaker', 'The rain fell and continued:\n\n“The sea always wins.”', [['“The sea always wins.”', null, null, null]]],
    ['a cue inside a relative clause after the quote', '“We are full,” Ivo Brandt, who said so before, left.', [['“We are full,”', null, null, null]]],
    ['a passive "were warned" before the quote', 'The visitors were warned “stay away”.', [['“stay away”', null, null, null]]],
    ['", but" starts a clause without a named subject', 'Ivo Brandt spoke, but the port is “full”.', [['“full”', null, null, null]]],
    ['a name before an en dash is another clause', 'Ivo Brandt left the room – the port is “full”.', [['“full”', null, null, null]]],
  ]);

  describe('how far back a reference reaches', () => {
    /** About n characters of sentences without names or quotes. */
    const filler = (n: number): string => 'The tide came in and went out again. '.repeat(Math.ceil(n / 37)).trim();
    const rows: readonly [name: string, before: string, after: string, near: string | null, far: string | null, reach: number][] = [
      ['a pronoun: 4,000 characters', 'Jonas Brill arrived.', 'He said: “It was loud.”', 'Jonas Brill', null, 4000],
      ['"the judge": 2,500 characters, then a judge of its own', 'Judge Ivo Brandt ruled.', '“It is law,” the judge said.', 'Ivo Brandt', 'judge', 2500],
      ['"the department": 2,000 characters, then a department of its own', 'The Harbour Department closed the quay.', 'The department said it was “unsafe”.', 'Harbour Department', 'department', 2000],
      ['"it": 1,500 characters', 'The Harbour Council met on Monday.', '“We are full,” it said.', 'Harbour Council', null, 1500],
      ['"the paper": 4,000 characters', 'The Harbour Times ran the story.', '“We are done,” the paper said.', 'The Harbour Times', null, 4000],
    ];
    for (const [name, before, after, near, far, reach] of rows) {
      it(name, () => {
        const speaker = (gap: number): string | null => {
          const a = analyze(`${before} ${filler(gap)} ${after}`);
          const id = a.quotes[0].speaker;
          return id === null ? null : a.entities.find((e) => e.id === id)?.name ?? null;
        };
        assert.deepStrictEqual([speaker(reach - 500), speaker(reach + 100)], [near, far]);
      });
    }
  });
});
