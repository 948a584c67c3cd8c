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

  it('no entity has its own name among its aliases, also when a known entity lists it', () => {
    const known: Entity[] = [{ id: 'harbour-trust', name: 'Harbour Trust', kind: 'organization', aliases: ['Harbour Trust', 'the Trust'] }];
    const texts = ROWS.map((r) => r[1]).concat('“We sail,” the Harbour Trust said. The Harbour Trust met Tilda Marsh.');
    for (const text of texts) {
      for (const e of analyze(text, { knownEntities: known }).entities) assert.ok(!e.aliases.includes(e.name), `${e.id}: ${JSON.stringify(e.aliases)}`);
    }
  });
});
