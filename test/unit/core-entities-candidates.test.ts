// Entity candidates and entities of findEntities, table-driven: each row is [name, text, every
// candidate (whole: text, offsets, kind, entity, first and last token, flags, titles), every entity
// (whole)], with the headline spans and known entities a row needs. The texts are written for this
// table. `sentenceStartAt` is a plain reading of the sentence starts (offset 0, or after . ! ? …
// with closing marks and white space, and up to three opening quote marks); `analyze` passes its own.
import { strict as assert } from 'node:assert';
import type { Entity, EntityKind } from '../../src/core';
import { findEntities } from '../../src/core/entities';
import { tokenize } from '../../src/core/text';

interface View {
  text: string;
  start: number;
  end: number;
  t0: number;
  t1: number;
  kind: EntityKind;
  entity: string;
  possessive: boolean;
  blocked: boolean;
  female: boolean;
  media: boolean;
  titles: readonly string[];
}
interface Options {
  /** Headline or tweet spans [start, end] (`blockedAt`). */
  blocked?: [number, number][];
  known?: Entity[];
}
type Row = [name: string, text: string, candidates: View[], entities: Entity[], options?: Options];

/** A candidate; `flags` names the yes/no facts that are true ("possessive female"). */
const c = (text: string, start: number, t0: number, t1: number, kind: EntityKind, entity: string, flags = '', titles: string[] = []): View => {
  const on = new Set(flags.split(' '));
  return { text, start, end: start + text.length, t0, t1, kind, entity, possessive: on.has('possessive'), blocked: on.has('blocked'), female: on.has('female'), media: on.has('media'), titles };
};
const e = (id: string, name: string, kind: EntityKind, aliases: string[] = []): Entity => ({ id, name, kind, aliases });

function run(text: string, options: Options = {}): { candidates: View[]; entities: Entity[] } {
  const sentenceStartAt = (offset: number): boolean => /(^|[.!?…]["”’)]*\s+)["“‘]{0,3}$/.test(text.slice(0, offset));
  const blockedAt = (offset: number): boolean => (options.blocked ?? []).some(([s, t]) => offset >= s && offset <= t);
  const tokens = tokenize(text);
  // (Without known entities the argument is left out: its default is an empty list.)
  const r = options.known ? findEntities(text, tokens, sentenceStartAt, blockedAt, options.known) : findEntities(text, tokens, sentenceStartAt, blockedAt);
  return {
    candidates: r.candidates.map((k) => ({ text: k.text, start: k.start, end: k.end, t0: k.t0, t1: k.t1, kind: k.kind, entity: k.entity, possessive: k.possessive, blocked: k.blocked, female: k.female, media: k.media, titles: [...k.titles] })),
    entities: [...r.entities.values()],
  };
}

const ROWS: readonly Row[] = [
  [
    'a compound adjective before a name of two words is cut off ("the Kremlin-backed Ivo Brandt")',
    '“No,” the Kremlin-backed Ivo Brandt said.',
    [c('Ivo Brandt', 25, 3, 4, 'person', 'ivo-brandt')],
    [e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt'])],
  ],
  [
    'a compound adjective with a capital before its hyphen is cut off too ("EU-backed")',
    '“No,” the EU-backed Ivo Brandt said.',
    [c('Ivo Brandt', 20, 3, 4, 'person', 'ivo-brandt')],
    [e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt'])],
  ],
  [
    'a compound adjective before one word leaves no name ("a Cuban-born Christian minister")',
    '“No,” said a Cuban-born Christian minister.',
    [],
    [],
  ],
  [
    'a compound adjective at the end makes no name ("Ivo Brandt-led talks")',
    '“No,” Ivo Brandt-led talks said.',
    [],
    [],
  ],
  [
    'a hyphenated name part that is no adjective suffix stays ("Kim Geun-hye")',
    '“No,” said Kim Geun-hye.',
    [c('Kim Geun-hye', 11, 2, 3, 'person', 'kim-geun-hye')],
    [e('kim-geun-hye', 'Kim Geun-hye', 'person', ['Geun-hye'])],
  ],
  [
    'a two-word US state whose first word is a capitalised stopword is a place ("New Jersey"); "North Carolina" too',
    'Ivo Brandt of Trenton, New Jersey, said “no”. North Carolina voted.',
    [c('Ivo Brandt', 0, 0, 1, 'person', 'ivo-brandt')],
    [e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt'])],
  ],
  [
    '"Caucus" heads an organisation',
    '“No,” the Harbour Caucus said.',
    [c('Harbour Caucus', 10, 2, 3, 'organization', 'harbour-caucus')],
    [e('harbour-caucus', 'Harbour Caucus', 'organization')],
  ],
  [
    '"Heights" is a place word',
    'Crowds filled Marsh Heights.',
    [],
    [],
  ],
  [
    'a possessive written with "¿s" (a mis-decoded apostrophe) is no part of the name',
    '“No,” Marta Quell¿s aide said.',
    [c('Marta Quell', 6, 1, 2, 'person', 'marta-quell', 'possessive female')],
    [e('marta-quell', 'Marta Quell', 'person', ['Quell'])],
  ],
  [
    'possessive organisations and countries (curly and straight apostrophes, one and two words); media names',
    'NATO’s chief spoke. France\'s envoy left. New Zealand\'s envoy left. Reuters ran it. The Harbour Herald ran it.',
    [c('NATO', 0, 0, 0, 'organization', 'nato', 'possessive'), c('France', 20, 3, 3, 'country', 'france', 'possessive'), c('New Zealand', 41, 6, 7, 'country', 'new-zealand', 'possessive'), c('Reuters', 67, 10, 10, 'organization', 'reuters', 'media'), c('The Harbour Herald', 83, 13, 15, 'organization', 'harbour-herald', 'media')],
    [e('nato', 'NATO', 'organization'), e('france', 'France', 'country'), e('new-zealand', 'New Zealand', 'country'), e('reuters', 'Reuters', 'organization'), e('harbour-herald', 'The Harbour Herald', 'organization')],
  ],
  [
    'a lone surname speaks past three auxiliaries or adverbs, not past four',
    'Brandt has also once said “no”. Quell has also later once again said “no”.',
    [c('Brandt', 0, 0, 0, 'person', 'brandt')],
    [e('brandt', 'Brandt', 'person')],
  ],
  [
    'a hyphenated surname at offset 0 and after a lower-case word is one name',
    'Brandt-Meyer said “no”. Later Ivo said Quell-Berg.',
    [c('Brandt-Meyer', 0, 0, 1, 'person', 'brandt-meyer'), c('Ivo', 30, 5, 5, 'person', 'ivo'), c('Quell-Berg', 39, 7, 8, 'person', 'quell-berg')],
    [e('brandt-meyer', 'Brandt-Meyer', 'person', ['Meyer']), e('quell-berg', 'Quell-Berg', 'person', ['Berg']), e('ivo', 'Ivo', 'person')],
  ],
  [
    'a CRLF paragraph break ends a name',
    'Anna Lind\r\n\r\nIvo Brandt said “no”.',
    [c('Anna Lind', 0, 0, 1, 'person', 'anna-lind', 'female'), c('Ivo Brandt', 13, 2, 3, 'person', 'ivo-brandt')],
    [e('anna-lind', 'Anna Lind', 'person', ['Lind']), e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt'])],
  ],
  [
    'a name wrapped with CRLF or a lone CR is one name',
    '“Yes,” said Tilda\r\nMarsh. “No,” said Ola\rBerg.',
    [c('Tilda\r\nMarsh', 12, 2, 3, 'person', 'tilda-marsh'), c('Ola\rBerg', 37, 6, 7, 'person', 'ola-berg')],
    [e('tilda-marsh', 'Tilda Marsh', 'person', ['Marsh','Tilda\r\nMarsh']), e('ola-berg', 'Ola Berg', 'person', ['Berg','Ola\rBerg'])],
  ],
  [
    'a slash between two names keeps them apart',
    'Ivo Brandt/Marta Quell won.',
    [c('Ivo Brandt', 0, 0, 1, 'person', 'ivo-brandt'), c('Marta Quell', 11, 2, 3, 'person', 'marta-quell', 'female')],
    [e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt']), e('marta-quell', 'Marta Quell', 'person', ['Quell'])],
  ],
  [
    'a state name as the first of three name words is a first name',
    'Virginia Anne Marsh spoke.',
    [c('Virginia Anne Marsh', 0, 0, 2, 'person', 'virginia-anne-marsh')],
    [e('virginia-anne-marsh', 'Virginia Anne Marsh', 'person', ['Marsh'])],
  ],
  [
    'a state abbreviation as a surname: a place only after "Town, " and before its dot',
    'Ivo Mont spoke. “No,” said Mont. The mayor, Mont, said “no”.',
    [c('Ivo Mont', 0, 0, 1, 'person', 'ivo-mont'), c('Mont', 27, 5, 5, 'person', 'ivo-mont'), c('Mont', 44, 8, 8, 'person', 'ivo-mont')],
    [e('ivo-mont', 'Ivo Mont', 'person', ['Mont'])],
  ],
  [
    'a lone surname after the full name joins it; before it, too',
    '“No,” said Mont. Later Ivo Mont spoke.',
    [c('Mont', 11, 2, 2, 'person', 'ivo-mont'), c('Ivo Mont', 23, 4, 5, 'person', 'ivo-mont')],
    [e('ivo-mont', 'Ivo Mont', 'person', ['Mont'])],
  ],
  [
    'lower-case titles before a name, up to three words, not over a line break',
    '“No,” defence secretary Ivo Brandt said. “No,” said former deputy mayor Anna Lind. “No,” said state senator Ola Berg. “No,” said top aide\nMarta Quell.',
    [c('Ivo Brandt', 24, 3, 4, 'person', 'ivo-brandt', '', ['defence secretary']), c('Anna Lind', 72, 11, 12, 'person', 'anna-lind', 'female', ['former deputy mayor']), c('Ola Berg', 108, 17, 18, 'person', 'ola-berg', '', ['state senator']), c('Marta Quell', 138, 23, 24, 'person', 'marta-quell', 'female')],
    [e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt']), e('anna-lind', 'Anna Lind', 'person', ['Lind']), e('ola-berg', 'Ola Berg', 'person', ['Berg']), e('marta-quell', 'Marta Quell', 'person', ['Quell'])],
  ],
  [
    'a lower-case title ending in a non-title word, and "the" before a title',
    '“No,” said chief of staff Ivo Brandt. “No,” said the national security adviser Ola Berg.',
    [c('Ivo Brandt', 26, 5, 6, 'person', 'ivo-brandt'), c('Ola Berg', 79, 13, 14, 'person', 'ola-berg', '', ['national security adviser'])],
    [e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt']), e('ola-berg', 'Ola Berg', 'person', ['Berg'])],
  ],
  [
    '"the Baltic states" and "the Baltic" alone are no person',
    '“No,” the Baltic states said. Troops went to the Baltic.',
    [],
    [],
  ],
  [
    'a known first name before a place word after "the" is the place',
    '“No,” Lena Park said. “No,” the Lena Park said.',
    [c('Lena Park', 6, 1, 2, 'person', 'lena-park', 'female')],
    [e('lena-park', 'Lena Park', 'person', ['Park'])],
  ],
  [
    'a party tag in brackets is no name; a name in brackets is',
    'Sen. Ivo Brandt (D-Nev.) spoke. “No,” said (Ola Berg).',
    [c('Sen. Ivo Brandt', 0, 1, 2, 'person', 'ivo-brandt'), c('Ola Berg', 44, 8, 9, 'person', 'ola-berg')],
    [e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt','Sen. Ivo Brandt']), e('ola-berg', 'Ola Berg', 'person', ['Berg'])],
  ],
  [
    'four name words are a name, five are not',
    'Ivo Karl Otto Brandt spoke. Ivo Karl Otto Hans Brandt spoke.',
    [c('Ivo Karl Otto Brandt', 0, 0, 3, 'person', 'ivo-karl-otto-brandt')],
    [e('ivo-karl-otto-brandt', 'Ivo Karl Otto Brandt', 'person', ['Brandt'])],
  ],
  [
    'a misspelt well-known surname of six letters with the first name; five letters or another initial is not matched',
    '“No,” said Emmanuel Macrin. “No,” said Mark Rute. “No,” said Emmanuel Nacron.',
    [c('Emmanuel Macrin', 11, 2, 3, 'person', 'emmanuel-macron'), c('Mark Rute', 39, 6, 7, 'person', 'mark-rute'), c('Emmanuel Nacron', 61, 10, 11, 'person', 'emmanuel-nacron')],
    [e('emmanuel-macron', 'Emmanuel Macron', 'person', ['Emmanuel Macrin','Macrin']), e('mark-rute', 'Mark Rute', 'person', ['Rute']), e('emmanuel-nacron', 'Emmanuel Nacron', 'person', ['Nacron'])],
  ],
  [
    'a well-known surname with another first name is another person',
    '“No,” said Pierre Macron.',
    [c('Pierre Macron', 11, 2, 3, 'person', 'pierre-macron')],
    [e('pierre-macron', 'Pierre Macron', 'person', ['Macron'])],
  ],
  [
    'a first name under four letters is not matched by spelling ("Jo Biden")',
    '“No,” said Jo Biden.',
    [c('Jo Biden', 11, 2, 3, 'person', 'jo-biden')],
    [e('jo-biden', 'Jo Biden', 'person', ['Biden'])],
  ],
  [
    'a short exact first name with a misspelt well-known surname ("Joe Bidden")',
    '“No,” said Joe Bidden.',
    [c('Joe Bidden', 11, 2, 3, 'person', 'joe-biden')],
    [e('joe-biden', 'Joe Biden', 'person', ['Bidden','Joe Bidden'])],
  ],
  [
    'a first name two edits from the well-known one ("Emanuele Macron")',
    '“No,” said Emanuele Macron.',
    [c('Emanuele Macron', 11, 2, 3, 'person', 'emmanuel-macron')],
    [e('emmanuel-macron', 'Emmanuel Macron', 'person', ['Emanuele Macron','Macron'])],
  ],
  [
    'a capitalised phrase run into a well-known name: the word before the surname is the first name',
    '“No,” said Harbour Hero Barack Obama.',
    [c('Harbour Hero Barack Obama', 11, 2, 5, 'person', 'barack-obama')],
    [e('barack-obama', 'Barack Obama', 'person', ['Harbour Hero Barack Obama','Obama'])],
  ],
  [
    'a park named after a person is a place; the place word after two name words',
    'Crowds filled Anna Lind Park.',
    [],
    [],
  ],
  [
    '"The" before a paper at the end of a sentence',
    '“No,” said The Harbour Herald.',
    [c('The Harbour Herald', 11, 2, 4, 'organization', 'harbour-herald', 'media')],
    [e('harbour-herald', 'The Harbour Herald', 'organization')],
  ],
  [
    'a full name in a headline joins an earlier lone surname with an honorific',
    'Mr Brandt spoke. Ivo Brandt Says No',
    [c('Mr Brandt', 0, 1, 1, 'person', 'ivo-brandt'), c('Ivo Brandt', 17, 3, 4, 'person', 'ivo-brandt', 'blocked')],
    [e('ivo-brandt', 'Ivo Brandt', 'person', ['Mr Brandt'])], {"blocked":[[17,34]]},
  ],
  [
    'a lone surname that speaks in a headline is no person; an organisation in a headline is no candidate',
    'Brandt Says No to NATO',
    [],
    [], {"blocked":[[0,22]]},
  ],
  [
    'the most frequent spelling of a full name names the person',
    'Tilda Marsh spoke. Tilde Marsh left. Tilde Marsh won.',
    [c('Tilda Marsh', 0, 0, 1, 'person', 'tilde-marsh'), c('Tilde Marsh', 19, 3, 4, 'person', 'tilde-marsh'), c('Tilde Marsh', 37, 6, 7, 'person', 'tilde-marsh')],
    [e('tilde-marsh', 'Tilde Marsh', 'person', ['Marsh','Tilda Marsh'])],
  ],
  [
    'of two spellings seen as often, the longer names the person',
    'Marta Quelman spoke. Marta Quellman left.',
    [c('Marta Quelman', 0, 0, 1, 'person', 'marta-quellman', 'female'), c('Marta Quellman', 21, 3, 4, 'person', 'marta-quellman', 'female')],
    [e('marta-quellman', 'Marta Quellman', 'person', ['Marta Quelman','Quelman'])],
  ],
  [
    'a full name whose surname is one edit from an earlier one with the same first name joins it, from five letters',
    'Ivo Berg spoke. Ivo Berga left. Ola Lind spoke. Ola Lint left. Ivo Brandt met Ivo Quellman.',
    [c('Ivo Berg', 0, 0, 1, 'person', 'ivo-berga'), c('Ivo Berga', 16, 3, 4, 'person', 'ivo-berga'), c('Ola Lind', 32, 6, 7, 'person', 'ola-lind'), c('Ola Lint', 48, 9, 10, 'person', 'ola-lint'), c('Ivo Brandt', 63, 12, 13, 'person', 'ivo-brandt'), c('Ivo Quellman', 78, 15, 16, 'person', 'ivo-quellman')],
    [e('ivo-berga', 'Ivo Berga', 'person', ['Berg','Ivo Berg']), e('ola-lind', 'Ola Lind', 'person', ['Lind']), e('ola-lint', 'Ola Lint', 'person', ['Lint']), e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt']), e('ivo-quellman', 'Ivo Quellman', 'person', ['Quellman'])],
  ],
  [
    'a lone first name of four letters is the one person who has it',
    'Anna Lind spoke. “No,” Anna said.',
    [c('Anna Lind', 0, 0, 1, 'person', 'anna-lind', 'female'), c('Anna', 23, 4, 4, 'person', 'anna-lind', 'female')],
    [e('anna-lind', 'Anna Lind', 'person', ['Anna','Lind'])],
  ],
  [
    'a lone first name two people have is neither',
    'Anna Lind met Anna Berg. “No,” Anna said.',
    [c('Anna Lind', 0, 0, 1, 'person', 'anna-lind', 'female'), c('Anna Berg', 14, 3, 4, 'person', 'anna-berg', 'female'), c('Anna', 31, 6, 6, 'person', 'anna')],
    [e('anna-lind', 'Anna Lind', 'person', ['Lind']), e('anna-berg', 'Anna Berg', 'person', ['Berg']), e('anna', 'Anna', 'person')],
  ],
  [
    'a misspelt lone surname: one edit from five letters, none at four',
    'Marta Quell spoke. “No,” Quelt said. Ivo Lind spoke. “No,” Lint said.',
    [c('Marta Quell', 0, 0, 1, 'person', 'marta-quell', 'female'), c('Quelt', 25, 4, 4, 'person', 'marta-quell', 'female'), c('Ivo Lind', 37, 6, 7, 'person', 'ivo-lind'), c('Lint', 59, 10, 10, 'person', 'lint')],
    [e('marta-quell', 'Marta Quell', 'person', ['Quell','Quelt']), e('ivo-lind', 'Ivo Lind', 'person', ['Lind']), e('lint', 'Lint', 'person')],
  ],
  [
    'a misspelt lone surname: two edits from eight letters, one below',
    'Ivo Hallberg spoke. “No,” Hollbarg said. Ola Sandberg spoke. “No,” Sanberk said.',
    [c('Ivo Hallberg', 0, 0, 1, 'person', 'ivo-hallberg'), c('Hollbarg', 26, 4, 4, 'person', 'ivo-hallberg'), c('Ola Sandberg', 41, 6, 7, 'person', 'ola-sandberg'), c('Sanberk', 67, 10, 10, 'person', 'sanberk')],
    [e('ivo-hallberg', 'Ivo Hallberg', 'person', ['Hallberg','Hollbarg']), e('ola-sandberg', 'Ola Sandberg', 'person', ['Sandberg']), e('sanberk', 'Sanberk', 'person')],
  ],
  [
    'a known entity found by the full name when the form has an honorific',
    'Dr. Ivo Brandt spoke.',
    [c('Dr. Ivo Brandt', 0, 1, 2, 'person', 'chair')],
    [e('chair', 'The Chair', 'person', ['Brandt','Dr. Ivo Brandt','Ivo Brandt'])], {"known":[{"id":"chair","name":"The Chair","kind":"person","aliases":["Ivo Brandt"]}]},
  ],
  [
    'a known entity found by a later form of the person',
    'Ivo Brandt spoke. Mr Brandt left.',
    [c('Ivo Brandt', 0, 0, 1, 'person', 'chair'), c('Mr Brandt', 18, 4, 4, 'person', 'chair')],
    [e('chair', 'The Chair', 'person', ['Brandt','Ivo Brandt','Mr Brandt'])], {"known":[{"id":"chair","name":"The Chair","kind":"person","aliases":["Mr Brandt"]}]},
  ],
  [
    'a well-known woman is female without a listed first name',
    '“No,” said Kamala Harris.',
    [c('Kamala Harris', 11, 2, 3, 'person', 'kamala-harris', 'female')],
    [e('kamala-harris', 'Kamala Harris', 'person', ['Harris'])],
  ],
  [
    'a well-known person from a lone surname with an honorific keeps the form as the only alias',
    '“No,” Mr Macron said.',
    [c('Mr Macron', 6, 2, 2, 'person', 'emmanuel-macron')],
    [e('emmanuel-macron', 'Emmanuel Macron', 'person', ['Mr Macron'])],
  ],
  [
    'a known organisation found by its surface form, its other aliases kept',
    '“No,” the UN said.',
    [c('UN', 10, 2, 2, 'organization', 'un-body')],
    [e('un-body', 'The UN', 'organization', ['UN','World Body'])], {"known":[{"id":"un-body","name":"The UN","kind":"organization","aliases":["UN","World Body"]}]},
  ],
  [
    'surface forms of a gazetteer organisation are its aliases, sorted',
    'The UN met. The U.N. voted. Nato met.',
    [c('UN', 4, 1, 1, 'organization', 'united-nations'), c('U.N.', 16, 4, 4, 'organization', 'united-nations'), c('Nato', 28, 6, 6, 'organization', 'nato')],
    [e('united-nations', 'United Nations', 'organization', ['U.N.','UN']), e('nato', 'NATO', 'organization', ['Nato'])],
  ],
  [
    'first names: none of three letters apart, one edit at four and five, two at six',
    'Ola Berg met Ole Berg. Anna Lind met Anne Lind. Marina Quell met Merine Quell. Ola Brandt met Olav Brandt.',
    [c('Ola Berg', 0, 0, 1, 'person', 'ola-berg'), c('Ole Berg', 13, 3, 4, 'person', 'ole-berg'), c('Anna Lind', 23, 5, 6, 'person', 'anna-lind', 'female'), c('Anne Lind', 37, 8, 9, 'person', 'anna-lind', 'female'), c('Marina Quell', 48, 10, 11, 'person', 'marina-quell'), c('Merine Quell', 65, 13, 14, 'person', 'marina-quell'), c('Ola Brandt', 79, 15, 16, 'person', 'ola-brandt'), c('Olav Brandt', 94, 18, 19, 'person', 'olav-brandt')],
    [e('ola-berg', 'Ola Berg', 'person', ['Berg']), e('ole-berg', 'Ole Berg', 'person', ['Berg']), e('anna-lind', 'Anna Lind', 'person', ['Anne Lind','Lind']), e('marina-quell', 'Marina Quell', 'person', ['Merine Quell','Quell']), e('ola-brandt', 'Ola Brandt', 'person', ['Brandt']), e('olav-brandt', 'Olav Brandt', 'person', ['Brandt'])],
  ],
  [
    'a capitalised speech verb ends a name run',
    'Ivo Brandt Says Yes',
    [c('Ivo Brandt', 0, 0, 1, 'person', 'ivo-brandt')],
    [e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt'])],
  ],
  [
    'a surname that is a title word stays in the name',
    '“No,” said Anna Bishop.',
    [c('Anna Bishop', 11, 2, 3, 'person', 'anna-bishop', 'female')],
    [e('anna-bishop', 'Anna Bishop', 'person', ['Bishop'])],
  ],
  [
    'a capitalised stopword inside a run stays in the name; at the start of a run mid-sentence it does not',
    '“No,” said Anna Good. Ivo Brandt held talks With Marta Quell.',
    [c('Anna Good', 11, 2, 3, 'person', 'anna-good', 'female'), c('Ivo Brandt', 22, 4, 5, 'person', 'ivo-brandt'), c('Marta Quell', 49, 9, 10, 'person', 'marta-quell', 'female')],
    [e('anna-good', 'Anna Good', 'person', ['Good']), e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt']), e('marta-quell', 'Marta Quell', 'person', ['Quell'])],
  ],
  [
    'an honorific is no name of its own',
    '“No,” said Dr. Ivo Brandt. “No,” said Judge Ola Berg.',
    [c('Dr. Ivo Brandt', 11, 3, 4, 'person', 'ivo-brandt'), c('Ola Berg', 44, 8, 9, 'person', 'ola-berg', '', ['judge'])],
    [e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt','Dr. Ivo Brandt']), e('ola-berg', 'Ola Berg', 'person', ['Berg'])],
  ],
  [
    'a country before an organisation head joins only when next to it',
    'Norway Says Harbour Council',
    [c('Norway', 0, 0, 0, 'country', 'norway'), c('Harbour Council', 12, 2, 3, 'organization', 'harbour-council')],
    [e('norway', 'Norway', 'country'), e('harbour-council', 'Harbour Council', 'organization')],
  ],
  [
    'titles before an honorific belong to the name; a country before the titles does not',
    '“No,” said Deputy Mayor Dr. Ivo Brandt. “No,” said Norway Deputy Minister Ola Berg.',
    [c('Dr. Ivo Brandt', 24, 5, 6, 'person', 'ivo-brandt', '', ['deputy mayor']), c('Norway', 51, 9, 9, 'country', 'norway'), c('Ola Berg', 74, 12, 13, 'person', 'ola-berg', '', ['deputy minister'])],
    [e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt','Dr. Ivo Brandt']), e('ola-berg', 'Ola Berg', 'person', ['Berg']), e('norway', 'Norway', 'country')],
  ],
  [
    'at most three lower-case title words; "former" alone is no title',
    '“No,” said former top deputy mayor Anna Lind. “No,” said former Ivo Brandt.',
    [c('Anna Lind', 35, 6, 7, 'person', 'anna-lind', 'female', ['top deputy mayor']), c('Ivo Brandt', 64, 11, 12, 'person', 'ivo-brandt')],
    [e('anna-lind', 'Anna Lind', 'person', ['Lind']), e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt'])],
  ],
  [
    'a name before "administration" is a modifier, a possessive name is not',
    '“No,” the Ivo Brandt administration said. Ivo Brandt’s team left.',
    [c('Ivo Brandt', 42, 6, 7, 'person', 'ivo-brandt', 'possessive')],
    [e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt'])],
  ],
  [
    'a two-word name after "the" before a plan word is a person; a lone surname before one too',
    'Ivo Brandt spoke. Later the Ivo Brandt plan failed. A Brandt plan failed.',
    [c('Ivo Brandt', 0, 0, 1, 'person', 'ivo-brandt'), c('Ivo Brandt', 28, 5, 6, 'person', 'ivo-brandt'), c('Brandt', 54, 10, 10, 'person', 'ivo-brandt')],
    [e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt'])],
  ],
  [
    'a surname seen before is no person in "the X border"',
    'Ivo Marsh spoke. Troops crossed the Marsh border.',
    [c('Ivo Marsh', 0, 0, 1, 'person', 'ivo-marsh')],
    [e('ivo-marsh', 'Ivo Marsh', 'person', ['Marsh'])],
  ],
  [
    'a lone surname after a comma and before a full stop is the person',
    'Ivo Brandt spoke. Then came the mayor, Brandt.',
    [c('Ivo Brandt', 0, 0, 1, 'person', 'ivo-brandt'), c('Brandt', 39, 7, 7, 'person', 'ivo-brandt')],
    [e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt'])],
  ],
  [
    'an id taken by known entities of other names gets the next free number',
    'Ola Berg spoke. Anna Lind spoke. Ivo Brandt spoke.',
    [c('Ola Berg', 0, 0, 1, 'person', 'ivo-brandt'), c('Anna Lind', 16, 3, 4, 'person', 'ivo-brandt-2', 'female'), c('Ivo Brandt', 33, 6, 7, 'person', 'ivo-brandt-3')],
    [e('ivo-brandt', 'Ola Berg', 'person', ['Berg']), e('ivo-brandt-2', 'Anna Lind', 'person', ['Lind']), e('ivo-brandt-3', 'Ivo Brandt', 'person', ['Brandt'])], {"known":[{"id":"ivo-brandt","name":"Ola Berg","kind":"person","aliases":[]},{"id":"ivo-brandt-2","name":"Anna Lind","kind":"person","aliases":[]}]},
  ],
  [
    'an office made of a title and a surname-like title word is no person',
    '“No,” the Deputy Sheriff said.',
    [],
    [],
  ],
  [
    'a title word before an organisation head is part of the organisation',
    '“No,” the Brandt Security Council said.',
    [c('Brandt Security Council', 10, 2, 4, 'organization', 'brandt-security-council')],
    [e('brandt-security-council', 'Brandt Security Council', 'organization')],
  ],
  [
    'a surname that is a title word after a first name stays in the name ("Anna King")',
    '“No,” said Anna King.',
    [c('Anna King', 11, 2, 3, 'person', 'anna-king', 'female')],
    [e('anna-king', 'Anna King', 'person', ['King'])],
  ],
  [
    'a compound adjective before one word leaves no name, also one close to a surname of the text',
    'Ivo Christie spoke. A Cuban-born Christian minister came.',
    [c('Ivo Christie', 0, 0, 1, 'person', 'ivo-christie')],
    [e('ivo-christie', 'Ivo Christie', 'person', ['Christie'])],
  ],
  [
    'a two-word state wrapped over two lines is a place; a state\'s first word ending a sentence is not',
    'Ivo Brandt of Trenton, New\nJersey, said “no”. Ola Jersey spoke. It was new. Jersey said “no”.',
    [c('Ivo Brandt', 0, 0, 1, 'person', 'ivo-brandt'), c('Ola Jersey', 46, 8, 9, 'person', 'ola-jersey'), c('Jersey', 76, 14, 14, 'person', 'ola-jersey')],
    [e('ivo-brandt', 'Ivo Brandt', 'person', ['Brandt']), e('ola-jersey', 'Ola Jersey', 'person', ['Jersey'])],
  ],
  [
    'a misspelt lone surname found once is found again with an honorific',
    'Marta Quell spoke. “No,” Quelt said. Mr Quelt left.',
    [c('Marta Quell', 0, 0, 1, 'person', 'marta-quell', 'female'), c('Quelt', 25, 4, 4, 'person', 'marta-quell', 'female'), c('Mr Quelt', 37, 7, 7, 'person', 'marta-quell', 'female')],
    [e('marta-quell', 'Marta Quell', 'person', ['Mr Quelt','Quell','Quelt'])],
  ],
  [
    'a known entity found by the first of the person\'s forms that it lists',
    'Dr. Ivo Brandt spoke. “No,” Brandt said.',
    [c('Dr. Ivo Brandt', 0, 1, 2, 'person', 'chair'), c('Brandt', 28, 5, 5, 'person', 'chair')],
    [e('chair', 'The Chair', 'person', ['Brandt','Dr. Ivo Brandt','Ivo Brandt'])], {"known":[{"id":"chair","name":"The Chair","kind":"person","aliases":["Dr. Ivo Brandt"]}]},
  ],
  [
    'a well-known woman from her surname alone is female',
    '“No,” Badenoch said.',
    [c('Badenoch', 6, 1, 1, 'person', 'kemi-badenoch', 'female')],
    [e('kemi-badenoch', 'Kemi Badenoch', 'person', ['Badenoch'])],
  ],
  [
    'a person whose surname is a paper\'s word is no medium ("Hill")',
    '“No,” said Anna Hill.',
    [c('Anna Hill', 11, 2, 3, 'person', 'anna-hill', 'female')],
    [e('anna-hill', 'Anna Hill', 'person', ['Hill'])],
  ],
  [
    '"The X border" at the start of a sentence names no person either',
    'Ivo Marsh spoke. The Marsh border was shut.',
    [c('Ivo Marsh', 0, 0, 1, 'person', 'ivo-marsh')],
    [e('ivo-marsh', 'Ivo Marsh', 'person', ['Marsh'])],
  ],
  [
    'the word before the surname names the well-known person in the first of several longer forms where it fits',
    'Harbour Obama spoke. Harbour Barack Obama spoke. Harbour Hero Obama spoke.',
    [c('Harbour Obama', 0, 0, 1, 'person', 'barack-obama'), c('Harbour Barack Obama', 21, 3, 5, 'person', 'barack-obama'), c('Harbour Hero Obama', 49, 7, 9, 'person', 'barack-obama')],
    [e('barack-obama', 'Barack Obama', 'person', ['Harbour Barack Obama','Harbour Hero Obama','Harbour Obama','Obama'])],
  ],
  [
    'a first name that fits the well-known person (misspelt surname) is kept over a longer form that does not',
    'Barack Hero Obamma came. Barack Obamma spoke.',
    [c('Barack Hero Obamma', 0, 0, 2, 'person', 'barack-obama'), c('Barack Obamma', 25, 4, 5, 'person', 'barack-obama')],
    [e('barack-obama', 'Barack Obama', 'person', ['Barack Hero Obamma','Barack Obamma','Obamma'])],
  ],
  [
    'a title word that is no organisation head before one stays in the organisation',
    '“No,” the Brandt Trade Council said.',
    [c('Brandt Trade Council', 10, 2, 4, 'organization', 'brandt-trade-council')],
    [e('brandt-trade-council', 'Brandt Trade Council', 'organization')],
  ],
];

describe('core: entity candidates table', () => {
  for (const [name, text, candidates, entities, options] of ROWS) {
    it(name, () => {
      assert.deepStrictEqual(run(text, options), { candidates, entities });
    });
  }
});
