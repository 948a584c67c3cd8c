// The pipeline of `analyze` (src/core/analyze.ts), table-driven: which candidates become mentions
// (persons always; organisations, countries and groups where they speak), the mentions added for
// speaking groups, headline and tweet lines, "the Post" linked to the paper named before, and which
// entities are listed. Each row: [name, text, the whole analysis], quotes as [text, kind, speaker,
// cue, speaker mention] and mentions as [text, entity], with their offsets checked against the text.
import { strict as assert } from 'node:assert';
import { analyze, type Entity } from '../../src/core';

type QuoteRow = [text: string, kind: string, speaker: string | null, cue: string | null, mention: string | null];
type Expected = { entities: Entity[]; quotes: QuoteRow[]; mentions: [text: string, entity: string][]; figures: [text: string, kind: string][] };
type Row = [name: string, text: string, expected: Expected];

const person = (id: string, name: string, aliases: string[]): Entity => ({ id, name, kind: 'person', aliases });
const org = (id: string, name: string, aliases: string[] = []): Entity => ({ id, name, kind: 'organization', aliases });
const group = (id: string, name: string): Entity => ({ id, name, kind: 'group', aliases: [] });
const none: Expected = { entities: [], quotes: [], mentions: [], figures: [] };

/** The analysis in the rows' form; every offset is checked against the text on the way. */
function analysed(text: string): Expected {
  const a = analyze(text);
  const at = (s: { start: number; end: number } | null): string | null => (s ? text.slice(s.start, s.end) : null);
  for (const x of [...a.quotes, ...a.mentions, ...a.figures]) assert.equal(text.slice(x.start, x.end), x.text);
  return {
    entities: a.entities,
    quotes: a.quotes.map((q): QuoteRow => [q.text, q.kind, q.speaker, at(q.cue), at(q.speakerMention)]),
    mentions: a.mentions.map((m): [string, string] => [m.text, m.entity]),
    figures: a.figures.map((f): [string, string] => [f.text, f.kind]),
  };
}

function table(title: string, rows: readonly Row[]): void {
  describe(title, () => {
    for (const [name, text, expected] of rows) it(name, () => assert.deepStrictEqual(analysed(text), expected));
  });
}

describe('core: analyze, pipeline tables', () => {
  table('tweet lines (blocked): a name there makes no person of its own', [
    [
      'a tweet line at offset 0, the first line of the text',
      'Tilda Marsh posted pic.twitter.com/abc12\nOskar Brandt spoke.',
      { ...none, entities: [person('oskar-brandt', 'Oskar Brandt', ['Brandt'])], mentions: [['Oskar Brandt', 'oskar-brandt']] },
    ],
    [
      'a tweet line at the end of the text',
      'Oskar Brandt spoke.\nTilda Marsh posted pic.twitter.com/abc12',
      { ...none, entities: [person('oskar-brandt', 'Oskar Brandt', ['Brandt'])], mentions: [['Oskar Brandt', 'oskar-brandt']] },
    ],
    [
      'a tweet line between two lines that name people',
      'Oskar Brandt spoke.\nTilda Marsh posted pic.twitter.com/abc12\nIda Lund spoke.',
      {
        ...none,
        entities: [person('ida-lund', 'Ida Lund', ['Lund']), person('oskar-brandt', 'Oskar Brandt', ['Brandt'])],
        mentions: [['Oskar Brandt', 'oskar-brandt'], ['Ida Lund', 'ida-lund']],
      },
    ],
  ]);

  table('mentions of organisations: only where they speak', [
    ['an organisation that says nothing is no mention', 'Staff at the Harbour Trust left early.', none],
    [
      'the speaker of a quote after its verb ("said the X") is a mention',
      '“We are ready,” said the Harbour Trust.',
      { ...none, entities: [org('harbour-trust', 'Harbour Trust')], quotes: [['“We are ready,”', 'direct', 'harbour-trust', 'said', 'Harbour Trust']], mentions: [['Harbour Trust', 'harbour-trust']] },
    ],
    [
      'a speech verb after up to three skipped words ("has also said") makes a mention without a quote',
      'The Harbour Trust has also said it.',
      { ...none, entities: [org('harbour-trust', 'Harbour Trust')], mentions: [['Harbour Trust', 'harbour-trust']] },
    ],
    ['"not" between the organisation and the verb: no mention', 'The Harbour Trust has not said it.', none],
    [
      '"not" right after the verb does not undo it',
      'The Harbour Trust said not a word.',
      { ...none, entities: [org('harbour-trust', 'Harbour Trust')], mentions: [['Harbour Trust', 'harbour-trust']] },
    ],
    [
      '"rejected by the X": a source lead of two words',
      'The plan was rejected by the Harbour Trust.',
      { ...none, entities: [org('harbour-trust', 'Harbour Trust')], mentions: [['Harbour Trust', 'harbour-trust']] },
    ],
    ['"to" and "by" after other words lead to no source', 'Talks led to the Harbour Trust. Fines were paid by the Harbour Trust.', none],
    [
      'an organisation that speaks through a pronoun only is listed, with no mention',
      'The Harbour Trust met. “We are not ready,” it said.',
      { ...none, entities: [org('harbour-trust', 'Harbour Trust')], quotes: [['“We are not ready,”', 'direct', 'harbour-trust', 'said', 'it']] },
    ],
    [
      'a pronoun that speaks is no mention of a person',
      'Tilda Marsh came. “I am fine,” she said.',
      { ...none, entities: [person('tilda-marsh', 'Tilda Marsh', ['Marsh'])], quotes: [['“I am fine,”', 'direct', 'tilda-marsh', 'said', 'she']], mentions: [['Tilda Marsh', 'tilda-marsh']] },
    ],
  ]);

  table('groups that speak get a mention, once, in order', [
    [
      'a group speaker before a person: the mentions in the order of the text',
      '“It is over,” officials said after Tilda Marsh left.',
      {
        ...none,
        entities: [group('officials', 'officials'), person('tilda-marsh', 'Tilda Marsh', ['Marsh'])],
        quotes: [['“It is over,”', 'direct', 'officials', 'said', 'officials']],
        mentions: [['officials', 'officials'], ['Tilda Marsh', 'tilda-marsh']],
      },
    ],
    [
      'one group mention that two quotes share is one mention',
      '“It is over,” officials said, “and we go.”',
      {
        ...none,
        entities: [group('officials', 'officials')],
        quotes: [['“It is over,”', 'direct', 'officials', 'said', 'officials'], ['“and we go.”', 'direct', 'officials', 'said', 'officials']],
        mentions: [['officials', 'officials']],
      },
    ],
    [
      'a group speaker found as a candidate too is one mention',
      'EU officials said it was “fine”.',
      { ...none, entities: [group('eu-officials', 'EU officials')], quotes: [['“fine”', 'partial', 'eu-officials', 'said', 'EU officials']], mentions: [['EU officials', 'eu-officials']] },
    ],
  ]);

  // A capitalised stopword ("First", "New") ends a name only at the start of its run or of a
  // sentence (after up to three opening marks); inside a name in mid-sentence it stays.
  table('a capitalised stopword inside a name', [
    [
      'a stopword word inside an organisation, mid-sentence and at the start of the next sentence',
      'Ivo Brandt joined Harbour First Bank. Harbour First Bank said it was “fine”.',
      {
        ...none,
        entities: [org('harbour-first-bank', 'Harbour First Bank'), person('ivo-brandt', 'Ivo Brandt', ['Brandt'])],
        quotes: [['“fine”', 'partial', 'harbour-first-bank', 'said', 'Harbour First Bank']],
        mentions: [['Ivo Brandt', 'ivo-brandt'], ['Harbour First Bank', 'harbour-first-bank']],
      },
    ],
    [
      'a stopword three characters into the second sentence, inside a name',
      'Talks went on. Ox First Bank said it was “fine”.',
      { ...none, entities: [org('ox-first-bank', 'Ox First Bank')], quotes: [['“fine”', 'partial', 'ox-first-bank', 'said', 'Ox First Bank']], mentions: [['Ox First Bank', 'ox-first-bank']] },
    ],
  ]);

  table('"the Post": a one-word organisation that ends an earlier name', [
    [
      'a paper of two words ("Harbour Post") and its last word alone',
      'Harbour Post ran it. Post said “no”.',
      { ...none, entities: [org('harbour-post', 'Harbour Post', ['Post'])], quotes: [['“no”', 'partial', 'harbour-post', 'said', 'Post']], mentions: [['Post', 'harbour-post']] },
    ],
    [
      'each short form is one alias, the aliases sorted ("Post" before "The Post")',
      'The Washington Post ran it. The Post said “a”. Later the Post said “b”. Then the Post said “c”.',
      {
        ...none,
        entities: [org('washington-post', 'The Washington Post', ['Post', 'The Post'])],
        quotes: [['“a”', 'partial', 'washington-post', 'said', 'The Post'], ['“b”', 'partial', 'washington-post', 'said', 'Post'], ['“c”', 'partial', 'washington-post', 'said', 'Post']],
        mentions: [['The Post', 'washington-post'], ['Post', 'washington-post'], ['Post', 'washington-post']],
      },
    ],
  ]);
});
