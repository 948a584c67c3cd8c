// Entities and their mentions, table-driven: each row is [name, text, the expected entities (whole),
// the expected mentions as [text, entity id]]. The texts are written for these tables.
import { strict as assert } from 'node:assert';
import { analyze, type Entity } from '../../src/core';

type Row = [name: string, text: string, entities: Entity[], mentions: [text: string, entity: string][]];

const person = (id: string, name: string, aliases: string[]): Entity => ({ id, name, kind: 'person', aliases });

const ROWS: readonly Row[] = [
  [
    'a full name, "Mr" with the surname and the surname alone are one person',
    'Keir Starmer spoke. Mr Starmer left. “Yes,” Starmer said.',
    [person('keir-starmer', 'Keir Starmer', ['Mr Starmer', 'Starmer'])],
    [['Keir Starmer', 'keir-starmer'], ['Mr Starmer', 'keir-starmer'], ['Starmer', 'keir-starmer']],
  ],
  [
    'two people of one surname stay apart, and the surname alone goes to the first',
    'Tilda Marsh met Oskar Marsh. “Fine,” Marsh said.',
    [person('oskar-marsh', 'Oskar Marsh', ['Marsh']), person('tilda-marsh', 'Tilda Marsh', ['Marsh'])],
    [['Tilda Marsh', 'tilda-marsh'], ['Oskar Marsh', 'oskar-marsh'], ['Marsh', 'tilda-marsh']],
  ],
  [
    'a misspelt first name joins the person',
    'Tilda Marsh spoke. Later Tilde Marsh left.',
    [person('tilda-marsh', 'Tilda Marsh', ['Marsh', 'Tilde Marsh'])],
    [['Tilda Marsh', 'tilda-marsh'], ['Tilde Marsh', 'tilda-marsh']],
  ],
  [
    'an organisation after "the" speaks without the article in its mention',
    '“We oppose it,” the City Council said.',
    [{ id: 'city-council', name: 'City Council', kind: 'organization', aliases: [] }],
    [['City Council', 'city-council']],
  ],
  [
    '"the Post" after "The Washington Post" is the same paper',
    'The Washington Post ran it. Later the Post said it was “wrong”.',
    [{ id: 'washington-post', name: 'The Washington Post', kind: 'organization', aliases: ['Post'] }],
    [['Post', 'washington-post']],
  ],
  [
    '"The Post" at the start of a sentence is the same paper too',
    'The Washington Post ran it. The Post said it was “wrong”.',
    [{ id: 'washington-post', name: 'The Washington Post', kind: 'organization', aliases: ['The Post'] }],
    [['The Post', 'washington-post']],
  ],
  [
    'a known first name before a place word is a person ("Lena Park")',
    'Lena Park said the vote was “close”.',
    [person('lena-park', 'Lena Park', ['Park'])],
    [['Lena Park', 'lena-park']],
  ],
  [
    'a place word after a name of unknown first name stays a place',
    'Crowds filled Harbour Park on Sunday.',
    [],
    [],
  ],
  [
    '"the Baltic states" names no person',
    'Troops went to the Baltic states on Monday.',
    [],
    [],
  ],
  [
    'a name wrapped over two lines is one name',
    '“We are ready,” said Tilda\nMarsh, the harbour master.',
    [person('tilda-marsh', 'Tilda Marsh', ['Marsh', 'Tilda\nMarsh'])],
    [['Tilda\nMarsh', 'tilda-marsh']],
  ],
  [
    'two-letter first names of one surname are two people (no edits below four letters)',
    'Ka Smith and Lo Smith met. “Fine,” Smith said.',
    [person('ka-smith', 'Ka Smith', ['Smith']), person('lo-smith', 'Lo Smith', ['Smith'])],
    [['Ka Smith', 'ka-smith'], ['Lo Smith', 'lo-smith'], ['Smith', 'ka-smith']],
  ],
  [
    'a surname one edit away joins the person (from five letters)',
    'Marta Quellman spoke. “No,” Quelman said.',
    [person('marta-quellman', 'Marta Quellman', ['Quellman', 'Quelman'])],
    [['Marta Quellman', 'marta-quellman'], ['Quelman', 'marta-quellman']],
  ],
  [
    'honorifics: "Dr." stays in the mention, "Mrs" with the surname joins',
    'Dr. Ivo Brandt spoke. Mrs Brandt left.',
    [person('ivo-brandt', 'Ivo Brandt', ['Brandt', 'Dr. Ivo Brandt', 'Mrs Brandt'])],
    [['Dr. Ivo Brandt', 'ivo-brandt'], ['Mrs Brandt', 'ivo-brandt']],
  ],
  [
    '"Sir" with the first name alone is the person',
    'Sir Ivo Brandt spoke. Sir Ivo left.',
    [person('ivo-brandt', 'Ivo Brandt', ['Brandt', 'Sir Ivo', 'Sir Ivo Brandt'])],
    [['Sir Ivo Brandt', 'ivo-brandt'], ['Sir Ivo', 'ivo-brandt']],
  ],
  [
    'a short first name alone is not linked (three letters)',
    'Ivo Brandt spoke. Ivo said “no”.',
    [person('ivo', 'Ivo', []), person('ivo-brandt', 'Ivo Brandt', ['Brandt'])],
    [['Ivo Brandt', 'ivo-brandt'], ['Ivo', 'ivo']],
  ],
  [
    'titles, lower-case titles, "of" in a title, sentence openers and dates stay out of the name',
    'Deputy Prime Minister Ivo Brandt spoke. The defence secretary Marta Quell spoke. However Secretary of State Ola Berg spoke. In March Anna Lind left.',
    [person('anna-lind', 'Anna Lind', ['Lind']), person('ivo-brandt', 'Ivo Brandt', ['Brandt']), person('marta-quell', 'Marta Quell', ['Quell']), person('ola-berg', 'Ola Berg', ['Berg'])],
    [['Ivo Brandt', 'ivo-brandt'], ['Marta Quell', 'marta-quell'], ['Ola Berg', 'ola-berg'], ['Anna Lind', 'anna-lind']],
  ],
  [
    'a country that is also a surname after a first name is part of the name, alone it is the country',
    'Chuck Jordan met Ivo Brandt in Jordan.',
    [person('chuck-jordan', 'Chuck Jordan', ['Jordan']), person('ivo-brandt', 'Ivo Brandt', ['Brandt'])],
    [['Chuck Jordan', 'chuck-jordan'], ['Ivo Brandt', 'ivo-brandt']],
  ],
  [
    'not names: a headline run with a speech verb, five words, number words, "-led", demonyms, modifiers of "administration"',
    'Ivo Brandt Says Port Is Full\n\nIvo Karl Otto Hans Brandt came. Article Five applies. The Berg-led team won. Germans voted. The Lind administration fell.',
    [],
    [],
  ],
  [
    'a hyphenated surname is a name, named with its hyphen; a party tag is not',
    'Sen. Ivo Brandt-Meyer (D-N.C.) spoke.',
    [person('ivo-brandt-meyer', 'Ivo Brandt-Meyer', ['Meyer', 'Sen. Ivo Brandt-Meyer'])],
    [['Sen. Ivo Brandt-Meyer', 'ivo-brandt-meyer']],
  ],
  [
    'a particle inside a name',
    'Anna de Vries left.',
    [person('anna-de-vries', 'Anna de Vries', ['Vries'])],
    [['Anna de Vries', 'anna-de-vries']],
  ],
  [
    'a lone surname is a person where it speaks, and not where it does not',
    'Brandt said the port was full. Quell was there.',
    [person('brandt', 'Brandt', [])],
    [['Brandt', 'brandt']],
  ],
  [
    '"Mr. King": a title word after "Mr." is a surname',
    'Mr. King spoke.',
    [person('king', 'King', ['Mr. King'])],
    [['Mr. King', 'king']],
  ],
  [
    'a well-known person from the surname alone, then the full name',
    '“We will act,” Macron said. Emmanuel Macron left.',
    [person('emmanuel-macron', 'Emmanuel Macron', ['Macron'])],
    [['Macron', 'emmanuel-macron'], ['Emmanuel Macron', 'emmanuel-macron']],
  ],
  [
    'organisations and countries from the gazetteer are mentions only where they speak',
    '“We act,” NATO said. The United Nations met. France said it would help. Ministers met in France.',
    [{ id: 'france', name: 'France', kind: 'country', aliases: [] }, { id: 'nato', name: 'NATO', kind: 'organization', aliases: [] }],
    [['NATO', 'nato'], ['France', 'france']],
  ],
  [
    'a US state after a town is a place; a person "of" it still speaks',
    'Ivo Brandt of Portland, Ore., said “no”. Texas voted.',
    [person('ivo-brandt', 'Ivo Brandt', ['Brandt'])],
    [['Ivo Brandt', 'ivo-brandt']],
  ],
  [
    'organisation heads make organisations, also after a country or a name; "The" stays with a paper',
    '“No,” the Norway Harbour Council said. “No,” the Foreign Office said. “No,” The Harbour Herald said. “No,” Brandt Holdings Group said.',
    [
      { id: 'brandt-holdings-group', name: 'Brandt Holdings Group', kind: 'organization', aliases: [] },
      { id: 'foreign-office', name: 'Foreign Office', kind: 'organization', aliases: [] },
      { id: 'harbour-herald', name: 'The Harbour Herald', kind: 'organization', aliases: [] },
      { id: 'norway-harbour-council', name: 'Norway Harbour Council', kind: 'organization', aliases: [] },
    ],
    [['Norway Harbour Council', 'norway-harbour-council'], ['Foreign Office', 'foreign-office'], ['The Harbour Herald', 'harbour-herald'], ['Brandt Holdings Group', 'brandt-holdings-group']],
  ],
  [
    'after an honorific an organisation head is a surname',
    '“No,” Mr Group said.',
    [person('group', 'Group', ['Mr Group'])],
    [['Mr Group', 'group']],
  ],
  [
    'a misspelt well-known name gets the right name and keeps the spelling as an alias',
    '“No,” said Kier Starmer.',
    [person('keir-starmer', 'Keir Starmer', ['Kier Starmer', 'Starmer'])],
    [['Kier Starmer', 'keir-starmer']],
  ],
  [
    'a lone surname with an honorific is a person even where it does not speak',
    'Mr Brandt was there.',
    [person('brandt', 'Brandt', ['Mr Brandt'])],
    [['Mr Brandt', 'brandt']],
  ],
  [
    'an organisation in a headline is no entity',
    'NATO Meets Today\n\nIvo Brandt spoke on Monday about the harbour and the vote.',
    [person('ivo-brandt', 'Ivo Brandt', ['Brandt'])],
    [['Ivo Brandt', 'ivo-brandt']],
  ],
  [
    'a state abbreviation is a place only with its dot after "Town, "; "Mich" before a surname is a first name',
    'Ivo Brandt, of Flint, Mich., said “no”. Mich Brandt left.',
    [person('ivo-brandt', 'Ivo Brandt', ['Brandt']), person('mich-brandt', 'Mich Brandt', ['Brandt'])],
    [['Ivo Brandt', 'ivo-brandt'], ['Mich Brandt', 'mich-brandt']],
  ],
];

describe('core: entities table', () => {
  for (const [name, text, entities, mentions] of ROWS) {
    it(name, () => {
      const a = analyze(text);
      assert.deepStrictEqual(
        { entities: a.entities, mentions: a.mentions.map((m) => [m.text, m.entity]) },
        { entities, mentions },
      );
    });
  }

  it('a known entity keeps its id and name for the forms it lists', () => {
    const known: Entity[] = [
      { id: 'chair', name: 'The Chair', kind: 'person', aliases: ['Ivo Brandt'] },
      { id: 'ht', name: 'Harbour Trust Ltd', kind: 'organization', aliases: ['Harbour Trust'] },
    ];
    const a = analyze('Ivo Brandt spoke. “No,” Brandt said. “Never,” the Harbour Trust said.', { knownEntities: known });
    assert.deepStrictEqual(
      { entities: a.entities, mentions: a.mentions.map((m) => [m.text, m.entity]) },
      {
        entities: [person('chair', 'The Chair', ['Brandt', 'Ivo Brandt']), { id: 'ht', name: 'Harbour Trust Ltd', kind: 'organization', aliases: ['Harbour Trust'] }],
        mentions: [['Ivo Brandt', 'chair'], ['Brandt', 'chair'], ['Harbour Trust', 'ht']],
      },
    );
  });

  it('a lone surname a known entity lists is that entity, also where it does not speak', () => {
    const known: Entity[] = [person('ib', 'Ivo Brandt', ['Brandt'])];
    for (const text of ['“No,” Brandt said.', 'Brandt was there.']) {
      const a = analyze(text, { knownEntities: known });
      assert.deepStrictEqual({ entities: a.entities, mentions: a.mentions.map((m) => [m.text, m.entity]) }, { entities: known, mentions: [['Brandt', 'ib']] }, text);
    }
  });

  it('a possessor’s plural description is a group, a singular one a person', () => {
    const kinds = (text: string): [string, string][] => analyze(text).entities.map((e) => [e.name, e.kind]);
    assert.deepStrictEqual(kinds('“No,” Ivo Brandt’s lawyers said.'), [['Ivo Brandt', 'person'], ['Ivo Brandt’s lawyers', 'group']]);
    assert.deepStrictEqual(kinds('“No,” Ivo Brandt’s lawyer said.'), [['Ivo Brandt', 'person'], ['Ivo Brandt’s lawyer', 'person']]);
    assert.deepStrictEqual(kinds('“No,” the campaign statement said.'), [['campaign statement', 'organization']]);
  });

  it('no entity has its own name among its aliases, also when a known entity lists it', () => {
    const known: Entity[] = [{ id: 'harbour-trust', name: 'Harbour Trust', kind: 'organization', aliases: ['Harbour Trust', 'the Trust'] }];
    const texts = ROWS.map((r) => r[1]).concat('“We sail,” the Harbour Trust said. The Harbour Trust met Tilda Marsh.');
    for (const text of texts) {
      for (const e of analyze(text, { knownEntities: known }).entities) assert.ok(!e.aliases.includes(e.name), `${e.id}: ${JSON.stringify(e.aliases)}`);
    }
  });
});

describe('core: organisations, countries and groups are mentions where they speak', () => {
  const org = (id: string, name: string, aliases: string[] = []): Entity => ({ id, name, kind: 'organization', aliases });
  const rows: readonly Row[] = [
    ['"according to the X"', 'The port is full, according to the Harbour Trust.', [org('harbour-trust', 'Harbour Trust')], [['Harbour Trust', 'harbour-trust']]],
    ['"per the X"', 'The port is full, per the Harbour Trust.', [org('harbour-trust', 'Harbour Trust')], [['Harbour Trust', 'harbour-trust']]],
    ['"citing X"', 'The paper ran it, citing NATO.', [org('nato', 'NATO')], [['NATO', 'nato']]],
    ['"quoted by X"', 'The line was quoted by Reuters.', [org('reuters', 'Reuters')], [['Reuters', 'reuters']]],
    ['"relayed by X"', 'The claim was relayed by NATO.', [org('nato', 'NATO')], [['NATO', 'nato']]],
    ['"reported by the X"', 'It was reported by the Harbour Times.', [org('harbour-times', 'Harbour Times')], [['Harbour Times', 'harbour-times']]],
    ['"did not say", "never said" and "has not said" are no speaking', 'NATO did not say so. France never said it. Norway has not said it.', [], []],
    ['a place after a preposition does not speak', 'Troops from France arrived. NATO met.', [], []],
    ['Europe speaks as a group', 'Europe said it would help.', [{ id: 'europe', name: 'Europe', kind: 'group', aliases: [] }], [['Europe', 'europe']]],
    ['a group noun speaking twice has two mentions', '“We will wait,” officials said. Later officials said “no”.', [{ id: 'officials', name: 'officials', kind: 'group', aliases: [] }], [['officials', 'officials'], ['officials', 'officials']]],
    ['"The Post" alone is a paper of its own', 'The Post said “fine”.', [org('post', 'The Post')], [['The Post', 'post']]],
  ];
  for (const [name, text, entities, mentions] of rows) {
    it(name, () => {
      const a = analyze(text);
      assert.deepStrictEqual({ entities: a.entities, mentions: a.mentions.map((m) => [m.text, m.entity]) }, { entities, mentions });
    });
  }
});
