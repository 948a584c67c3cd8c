import { strict as assert } from 'node:assert';
import { analyze, type Analysis } from '../../src/core';

/** [quote text, speaker name, cue text, speaker-mention text] for each quote. */
function attributions(text: string): [string, string | null, string | null, string | null][] {
  const a: Analysis = analyze(text);
  const name = (id: string | null): string | null => (id === null ? null : a.entities.find((e) => e.id === id)?.name ?? `?${id}`);
  const sl = (s: { start: number; end: number } | null): string | null => (s ? text.slice(s.start, s.end) : null);
  return a.quotes.map((q) => [q.text, name(q.speaker), sl(q.cue), sl(q.speakerMention)]);
}

describe('core: speaker attribution', () => {
  it('a name with its affiliation: "Mr. Okafor of the Harbour Trust said", "said Rep. Ada Vance of Ohio, the panel\'s senior member"', () => {
    const text = [
      'The dock was sold. "It was the least bad outcome," Mr. Okafor of the Harbour Trust said.',
      'Dr. Ines Lund of the Fjord Institute said: "The water is clean again."',
      '"No one asked the town," said Rep. Ada Vance of Ohio, the panel\'s senior member.',
    ].join('\n\n');
    assert.deepEqual(attributions(text), [
      ['"It was the least bad outcome,"', 'Okafor', 'said', 'Mr. Okafor'],
      ['"The water is clean again."', 'Ines Lund', 'said', 'Dr. Ines Lund'],
      ['"No one asked the town,"', 'Ada Vance', 'said', 'Rep. Ada Vance'],
    ]);
  });

  it('"according to" a described person ("According to radio host Dana Whitlock, … “fear”")', () => {
    const text = 'According to conservative radio host Dana Whitlock, the move reeks of “fear” and desperation.\n\nThe fund shrank, “sharply,” according to veteran analyst Omar Reyes.';
    assert.deepEqual(attributions(text), [
      ['“fear”', 'Dana Whitlock', 'According to', 'Dana Whitlock'],
      ['“sharply,”', 'Omar Reyes', 'according to', 'Omar Reyes'],
    ]);
  });

  it('more speech verbs ("admitted", "surmised", "bragged"), and a passive before a quote is no cue', () => {
    const text = [
      'Mara Quint read the letters. She laughed and admitted “the letters were a burden.”',
      '“People fear wasting votes,” Tobias Fenn surmised. “We will win,” Fenn bragged.',
      'Eleven families were admitted as well as nine others who listed “Christian” as their faith.',
      'Dana Holt said the refugees were admitted as “guests”.',
    ].join('\n\n');
    assert.deepEqual(attributions(text), [
      ['“the letters were a burden.”', 'Mara Quint', 'admitted', 'She'],
      ['“People fear wasting votes,”', 'Tobias Fenn', 'surmised', 'Tobias Fenn'],
      ['“We will win,”', 'Tobias Fenn', 'bragged', 'Fenn'],
      ['“Christian”', null, null, null],
      ['“guests”', 'Dana Holt', 'said', 'Dana Holt'],
    ]);
  });

  it('middle initials, party tags, and a name after its organisation and description or after "his friend"', () => {
    const text = [
      '“The fund is gaming the system,” Senate Minority Leader Harold M. Rook (D-Nev.) said in a statement.',
      '“There is a real risk,” Ardent Capital portfolio manager Bea Lund said at an event.',
      '“He had so many plans,” his friend Omar Saleh Idris told the website.',
    ].join('\n\n');
    assert.deepEqual(attributions(text), [
      ['“The fund is gaming the system,”', 'Harold M. Rook', 'said in a statement', 'Harold M. Rook'],
      ['“There is a real risk,”', 'Bea Lund', 'said', 'Bea Lund'],
      ['“He had so many plans,”', 'Omar Saleh Idris', 'told', 'Omar Saleh Idris'],
    ]);
    assert.equal(analyze(text).mentions.some((m) => m.text.includes('Nev')), false, 'the party tag is no person');
  });

  it('a relative "who" speaks for the name it follows, across one apposition', () => {
    const text = [
      'Ada Lin met Mitch Carrow, now the council leader, who in 2010 said the aim was a “one-term mayor.”',
      'Compare that with Vero Dunn, who has called the pact “insanity,” and Ola Brant, who says it is “disastrous.”',
    ].join('\n\n');
    assert.deepEqual(attributions(text), [
      ['“one-term mayor.”', 'Mitch Carrow', 'said', 'Mitch Carrow'],
      ['“insanity,”', 'Vero Dunn', 'called', 'Vero Dunn'],
      ['“disastrous.”', 'Ola Brant', 'says', 'Ola Brant'],
    ]);
  });

  it('descriptions: "the Republican presidential candidate said", "the person added", "another commenter said"', () => {
    const text = [
      '“There is a crisis,” the Republican presidential candidate said in an interview.',
      'Rae Gold left early. At the same time, the person added, “you saw the endorsements.”',
      'Another commenter said, “We all know how she feels.”',
    ].join('\n\n');
    assert.deepEqual(attributions(text), [
      ['“There is a crisis,”', 'Republican presidential candidate', 'said', 'the Republican presidential candidate'],
      ['“you saw the endorsements.”', 'person', 'added', 'the person'],
      ['“We all know how she feels.”', 'commenter', 'said', 'Another commenter'],
    ]);
  });

  it('institutions, narrators and long descriptions: "the department said" after "the Harbour Department"', () => {
    const text = [
      'The Harbour Department released the files. The department said it will “finish the work in January.”',
      '“We have not met the goal,” said the agency, which fell short.',
      '“It is more of the same,” says a narrator in the advert.',
      '"There was wrongdoing," said a former senior law enforcement official.',
    ].join('\n\n');
    assert.deepEqual(attributions(text), [
      ['“finish the work in January.”', 'Harbour Department', 'said', 'The department'],
      ['“We have not met the goal,”', 'agency', 'said', 'the agency'],
      ['“It is more of the same,”', 'narrator', 'says', 'a narrator'],
      ['"There was wrongdoing,"', 'former senior law enforcement official', 'said', 'a former senior law enforcement official'],
    ]);
  });

  it('US states and their abbreviations are places, not people ("Flint, Mich., said")', () => {
    const text = [
      'Jo Ortiz, during a town hall in Columbus, Ohio, said she would “fix the roads.”',
      'Cory Vance, 22, of Flint, Mich., said he hoped for a “surprise.”',
    ].join('\n\n');
    assert.deepEqual(attributions(text), [
      ['“fix the roads.”', 'Jo Ortiz', 'said', 'Jo Ortiz'],
      ['“surprise.”', 'Cory Vance', 'said', 'Cory Vance'],
    ]);
    assert.deepEqual(analyze(text).mentions.map((m) => m.text), ['Jo Ortiz', 'Cory Vance']);
  });

  it('a second verb after "and" shares the subject of the first ("X was joined by Y and joked")', () => {
    const text = [
      'As the crowd chanted, Sara Lind was joined on stage by Sen. Al Ferro and joked, “You are being ridiculous.”',
      'Anna Scott filmed the stop. She urges her husband to leave the car and repeatedly says, "Do not do it."',
    ].join('\n\n');
    assert.deepEqual(attributions(text), [
      ['“You are being ridiculous.”', 'Sara Lind', 'joked', 'Sara Lind'],
      ['"Do not do it."', 'Anna Scott', 'says', 'She'],
    ]);
  });

  it('"shot back", "interjected", "X said, adding, …" and a first name alone for the one person who has it', () => {
    const text = [
      'When Gov. Jerry Banks criticized Willa Stone during a debate, Willa shot back, “I chose my profession.”',
      'Stone said her plans were strong, to which Tom Hale interjected: "It is just not true."',
      'Omar Reed came to pray but left early, Ali Nefzi said, adding, "He was not very religious."',
    ].join('\n\n');
    assert.deepEqual(attributions(text), [
      ['“I chose my profession.”', 'Willa Stone', 'shot back', 'Willa'],
      ['"It is just not true."', 'Tom Hale', 'interjected', 'Tom Hale'],
      ['"He was not very religious."', 'Ali Nefzi', 'adding', 'Ali Nefzi'],
    ]);
  });

  it('"Del." (delegate) is an honorific, and "lauded" frames a quote', () => {
    const text = '"This is a waste of time," said Del. Stacy Pell of the Harbour Islands.\n\nIn January, Gov. Earl Roy Tamblin lauded the mayor for "new and innovative ideas."';
    assert.deepEqual(attributions(text), [
      ['"This is a waste of time,"', 'Stacy Pell', 'said', 'Del. Stacy Pell'],
      ['"new and innovative ideas."', 'Earl Roy Tamblin', 'lauded', 'Gov. Earl Roy Tamblin'],
    ]);
  });

  it('a possessor and its description speak ("Nora Vance\'s former campaign strategist said"), even as the subject of a second verb', () => {
    const text = [
      'Nora Vance ran twice. “That was outrageous,” Nora Vance’s former campaign strategist said in an interview.',
      'Ivo Trent filed for divorce. Ivo Trent’s brief said that was not her view and called the reports "misinterpreted statements."',
      'Ada Ross and Ivo Trent have slammed the mayor for not using the term "crisis."',
    ].join('\n\n');
    assert.deepEqual(attributions(text), [
      ['“That was outrageous,”', 'Nora Vance’s former campaign strategist', 'said', 'Nora Vance’s former campaign strategist'],
      ['"misinterpreted statements."', 'Ivo Trent’s brief', 'called', 'Ivo Trent’s brief'],
      ['"crisis."', 'Ivo Trent', 'slammed', 'Ivo Trent'],
    ]);
  });

  it('one routine finds a speech verb after a name, past auxiliaries and adverbs, for organisations and lone surnames alike', () => {
    const text = 'Germany has also said it will help. France did not say anything. Britain never said so. Okafor has previously warned of delays.';
    assert.deepEqual(analyze(text).mentions.map((m) => m.text), ['Germany', 'Okafor']);
  });

  it('local offices are titles ("Clark County Sheriff Joe Lombard", "Alderman Jason C. Irvin") and an organisation\'s person speaks', () => {
    const text = [
      '"The videos show intention," Clark County Sheriff Joe Lombard said at a news conference.',
      '"People are angry," said Chicago Alderman Jason C. Irvin.',
      'Ann Lee spoke. “Focus on growth,” Harbour Action Forum’s Douglas Holt said at the event.',
    ].join('\n\n');
    assert.deepEqual(attributions(text), [
      ['"The videos show intention,"', 'Joe Lombard', 'said', 'Joe Lombard'],
      ['"People are angry,"', 'Jason C. Irvin', 'said', 'Jason C. Irvin'],
      ['“Focus on growth,”', 'Douglas Holt', 'said', 'Douglas Holt'],
    ]);
  });

  it('names that run into a capitalised word still find the well-known person, and such clusters share one entity', () => {
    const text = 'Critics mocked the Person of the Year Barack Obama on Monday. Later Barack Obama said he was “not worried.” Democrat Hillary Clinton spoke first; Hillary Clinton said it was “fine.”';
    const a = analyze(text);
    const people = a.entities.filter((e) => e.kind === 'person').map((e) => e.id);
    assert.deepEqual(people, ['barack-obama', 'hillary-clinton']);
    assert.deepEqual(a.quotes.map((q) => q.speaker), ['barack-obama', 'hillary-clinton']);
  });

  it('a capitalised speech verb ends a name in a headline-style run, but not "Post" or "State" in a name', () => {
    const text = 'Barack Obama Says Museum Will Tell Our Story\n\nThe Harbour Post reported the fight against the Islamic State. Barack Obama spoke.';
    const people = analyze(text).entities.filter((e) => e.kind === 'person').map((e) => e.name);
    assert.deepEqual(people, ['Barack Obama']);
  });

  it('a question with its own cue before it keeps that cue over the next sentence\'s', () => {
    const text = 'Mara Lind spoke first. She adds, “What kind of genius loses that much?”\n\nOtto Brun says there needs to be a law.';
    assert.deepEqual(attributions(text), [['“What kind of genius loses that much?”', 'Mara Lind', 'adds', 'She']]);
  });

  it('a speaking group gets one mention where it speaks, also where it is already a mention', () => {
    const mentions = (text: string): string[] => analyze(text).mentions.map((m) => `${m.text}@${m.start}`);
    assert.deepEqual(mentions('“We will wait,” officials said. “Not now,” the officials said.'), ['officials@16', 'the officials@43']);
    assert.deepEqual(mentions('“We will act,” Europe said. “Soon,” Europe added.'), ['Europe@15', 'Europe@36']);
  });

  it('plural descriptions speak as a group ("the lawyers said"), but a plural modifier ("a veterans group") is no speaker, and a verb ends a description', () => {
    const text = [
      'These and other sources of authority, the lawyers said, “all point the same way.”',
      '"It is great fun watching," one user wrote.',
      'The Vermont senator emailed supporters saying: “The struggle continues.”',
    ].join('\n\n');
    assert.deepEqual(attributions(text), [
      ['“all point the same way.”', 'lawyers', 'said', 'the lawyers'],
      ['"It is great fun watching,"', 'user', 'wrote', 'one user'],
      ['“The struggle continues.”', 'Vermont senator', 'saying', 'The Vermont senator'],
    ]);
    assert.equal(analyze(text).entities.find((e) => e.name === 'lawyers')?.kind, 'group');
  });

  it('a role after "former"/"outgoing" refers back to the person with that title ("the former secretary of state said")', () => {
    const text = 'Secretary of State Mara Quill met voters on Monday. Later the former secretary of state said she wanted to speak “directly to white people.”';
    assert.deepEqual(attributions(text), [['“directly to white people.”', 'Mara Quill', 'said', 'the former secretary']]);
  });

  it('two appositions before the cue, and a country that is also a surname after a first name', () => {
    const text = [
      '“It is an overreach,” Nell Acosta, the attorney general of Tasmia, one of the states suing the agency, said at a meeting.',
      '“We will find who did this,” harbour police Chief Chuck Jordan said Monday. Jordan and Israel signed the pact.',
    ].join('\n\n');
    assert.deepEqual(attributions(text), [
      ['“It is an overreach,”', 'Nell Acosta', 'said', 'Nell Acosta'],
      ['“We will find who did this,”', 'Chuck Jordan', 'said', 'Chuck Jordan'],
    ]);
  });

  it('a surname that is also a title word after "Mr."/"Ms." is a name ("Mr. King"), but not "Mr. President"', () => {
    const text = 'Ms. Bishop met the council. "It is all about turnout," Mr. King added. "Wait," Ms. Bishop replied.\n\nLater that day Mr. President Ostrow arrived.';
    assert.deepEqual(attributions(text), [
      ['"It is all about turnout,"', 'King', 'added', 'Mr. King'],
      ['"Wait,"', 'Bishop', 'replied', 'Ms. Bishop'],
    ]);
    assert.deepEqual(analyze(text).entities.map((e) => e.name), ['Bishop', 'King', 'Ostrow']);
  });

  it('"…," X said and said X', () => {
    const text = 'Harbour master Lena Okafor met the crews. “The port stays shut,” Lena Okafor said. “We need time,” said Piet Varga, the port engineer.';
    assert.deepEqual(attributions(text), [
      ['“The port stays shut,”', 'Lena Okafor', 'said', 'Lena Okafor'],
      ['“We need time,”', 'Piet Varga', 'said', 'Piet Varga'],
    ]);
  });

  it('X told reporters, and a following quote continues the same speaker', () => {
    const text = "Mayor Daniel Ostrow spoke on Monday. 'The road will reopen soon,' Ostrow told reporters before leaving. 'We will also repair the bridge.'";
    assert.deepEqual(attributions(text), [
      ["'The road will reopen soon,'", 'Daniel Ostrow', 'told reporters', 'Ostrow'],
      ["'We will also repair the bridge.'", 'Daniel Ostrow', null, 'Ostrow'],
    ]);
  });

  it('colon introductions with a title and honorific', () => {
    const text = "Sir Alan Marsh visited the plant. Later Sir Alan said: 'The workers deserve better.'";
    assert.deepEqual(attributions(text), [["'The workers deserve better.'", 'Alan Marsh', 'said', 'Sir Alan']]);
  });

  it('resolves pronouns to the nearest fitting person', () => {
    const text = 'Governor Ruth Adeyemi toured the flooded district with Tomas Berg. She said: “We will rebuild every house.”';
    assert.deepEqual(attributions(text), [['“We will rebuild every house.”', 'Ruth Adeyemi', 'said', 'She']]);
  });

  it('a pronoun after a possessive name refers to the subject', () => {
    const text = "Mr Kowal appeared upset by Ms Lind's remarks as he insisted the plan was 'unworkable'.";
    assert.deepEqual(attributions(text), [["'unworkable'", 'Kowal', 'insisted', 'he']]);
  });

  it('participle cues take the main subject: "adding:"', () => {
    const text = "Finance chief Marta Silva said the cuts were 'painful,' adding: 'There is no other way.'";
    assert.deepEqual(attributions(text), [
      ["'painful,'", 'Marta Silva', 'said', 'Marta Silva'],
      ["'There is no other way.'", 'Marta Silva', 'adding', 'Marta Silva'],
    ]);
  });

  it('"sources quoted her as saying" gives the quoted person, not the sources', () => {
    const text = "Prime Minister Giulia Ferri doubted the scheme, according to aides. 'It was a useful talk,' sources quoted her as saying.";
    assert.deepEqual(attributions(text), [["'It was a useful talk,'", 'Giulia Ferri', 'quoted her as saying', 'her']]);
  });

  it('"the PM" refers to the person titled so, and "the publication" to the paper', () => {
    const text = 'Prime Minister Jon Halvorsen met Dr Ines Moreau. The PM told a press conference that the town “had to do more”. The Harbour Times said ferries could carry 300 people “who would be safe,” the publication reported.';
    assert.deepEqual(attributions(text), [
      ['“had to do more”', 'Jon Halvorsen', 'told a press conference', 'The PM'],
      ['“who would be safe,”', 'The Harbour Times', 'reported', 'the publication'],
    ]);
  });

  it('"according to X" when nothing else attributes the quote', () => {
    const text = 'The levee is “close to failing”, according to Reuters.';
    assert.deepEqual(attributions(text), [['“close to failing”', 'Reuters', 'according to', 'Reuters']]);
  });

  it('prefers the person over a news agency that only relays the quote', () => {
    const text = 'Engineer Paul Dumas suggested that “the levee needs a year,” Reuters reported.';
    assert.deepEqual(attributions(text), [['“the levee needs a year,”', 'Paul Dumas', 'suggested', 'Paul Dumas']]);
  });

  it('passive sources: "called a “backstop” by the British"', () => {
    const text = 'The plan needs a role called a “backstop” by the British. This “backstop” would protect the crews.';
    assert.deepEqual(attributions(text), [
      ['“backstop”', 'United Kingdom', 'called', 'British'],
      ['“backstop”', 'United Kingdom', null, 'British'],
    ]);
  });

  it('a country speaking, and a clause subject without a cue', () => {
    const text = 'Norway said it would help, while the Netherlands is “not negative” about the plan.';
    assert.deepEqual(attributions(text), [['“not negative”', 'Netherlands', null, 'Netherlands']]);
  });

  it('a scare quote with no source has no speaker', () => {
    const text = 'These warnings seem hollow — the rebels’ so-called ‘hybrid’ raids notwithstanding — for now.';
    assert.deepEqual(attributions(text), [['‘hybrid’', null, null, null]]);
  });

  it('a nominal cue owned by a possessor: "X’s rallying cry"', () => {
    const text = 'Anna Berg’s rallying cry for the league to ‘step up’ was ignored.';
    assert.deepEqual(attributions(text), [['‘step up’', 'Anna Berg', 'rallying cry', 'Anna Berg']]);
  });

  it('skips objects and name modifiers when looking for the subject', () => {
    const text = "Gen. Carl Brandt, Mr Hale's Baltic envoy, said: 'No option is off the table.' He will meet with President Ana Lutz and has vowed to discuss 'key points'.";
    assert.deepEqual(attributions(text), [
      ["'No option is off the table.'", 'Carl Brandt', 'said', 'Gen. Carl Brandt'],
      ["'key points'", 'Carl Brandt', 'vowed', 'He'],
    ]);
  });

  it('a duplicated paragraph resolves pronouns like its first copy', () => {
    const para = (q: string): string => `Olga Petrov left the summit. Ivan Sokol stayed behind.\nHe said it was ${q}premature${q === '‘' ? '’' : q}.\n`;
    const text = para("'") + para('‘');
    const att = attributions(text);
    assert.equal(att.length, 2);
    assert.deepEqual(att.map((a) => a[1]), ['Ivan Sokol', 'Ivan Sokol']);
  });
});

describe('core: entities and aliases', () => {
  it('merges titles, surnames and misspellings into one person', () => {
    const text = 'Prime Minister Keith Rowland spoke. Mr Rowland said “no”. Later Kieth Rowland and Sir Keith met. Rowlend was tired.';
    const a = analyze(text);
    const people = a.entities.filter((e) => e.kind === 'person');
    assert.equal(people.length, 1, JSON.stringify(people));
    assert.equal(people[0].name, 'Keith Rowland');
    for (const alias of ['Mr Rowland', 'Kieth Rowland', 'Sir Keith', 'Rowlend']) assert.ok(people[0].aliases.includes(alias), alias);
    assert.equal(a.mentions.filter((m) => m.entity === people[0].id).length, 5);
    assert.equal(people[0].id, 'keith-rowland');
  });

  it('gives a misspelt surname to the person named first when two surnames are one edit away, whatever their lengths', () => {
    // "Harmen" is one edit from "Harmsen" (seven letters) and from "Harmon" (six): the earlier person wins.
    const speaker = (text: string): string | null => analyze(text).quotes[0].speaker;
    assert.equal(speaker('Lisa Harmsen met the board on Monday. Peter Harmon joined her later.\n\n“We will build it,” Harmen said.'), 'lisa-harmsen');
    assert.equal(speaker('Peter Harmon met the board on Monday. Lisa Harmsen joined him later.\n\n“We will build it,” Harmen said.'), 'peter-harmon');
    // Many people of the same initial and surname length before them do not change the answer.
    const crowd = Array.from({ length: 60 }, (_, k) => `${['Anna', 'Bert', 'Cleo', 'Dora'][k % 4]} H${'abcdefghijklmnopqrstuvwxyz'[k % 26]}${'aeiou'[k % 5]}x${'bdfgk'[k % 5]}${k % 3 === 0 ? 'er' : 'on'} spoke.`).join(' ');
    assert.equal(speaker(`${crowd} Peter Harmon came too.\n\n“We will build it,” Harmen said.`), 'peter-harmon');
  });

  it('links well-known people to one canonical entity, also from a misspelt surname', () => {
    const ids = (text: string): string[] => analyze(text).entities.map((e) => `${e.id}=${e.name}`);
    assert.deepEqual(ids('“We will act,” Stammer said.'), ['keir-starmer=Keir Starmer']);
    assert.deepEqual(ids('President Trump met Kier Starmer.'), ['donald-trump=Donald Trump', 'keir-starmer=Keir Starmer']);
    // An ambiguous surname (two well-known Johnsons) stays as the text has it.
    assert.deepEqual(ids('“Not today,” Mr Johnson said.'), ['johnson=Johnson']);
    // A document's own full name that fits no well-known person is kept.
    assert.deepEqual(ids('“Not today,” said Alma Trumpet.'), ['alma-trumpet=Alma Trumpet']);
  });

  it('hyphenated given names are names, hyphenated adjectives are not', () => {
    const a = analyze('President Hana Geun-mi said the French-led plan was “late”.');
    assert.deepEqual(a.mentions.map((m) => m.text), ['Hana Geun-mi']);
    assert.equal(a.quotes[0].speaker, a.entities[0].id);
  });

  it('mentions exclude office titles and possessive endings', () => {
    const text = "Chancellor Olaf Brenner's plan and President Tara Quinn’s veto.";
    const a = analyze(text);
    assert.deepEqual(a.mentions.map((m) => m.text), ['Olaf Brenner', 'Tara Quinn']);
  });

  it('organisations and countries become mentions where they speak', () => {
    const text = 'Sweden said it would help. Troops went to Sweden. The Daily Courier reported the news.';
    const a = analyze(text);
    assert.deepEqual(a.mentions.map((m) => m.text), ['Sweden', 'Daily Courier']);
  });
});

describe('core: speaker attribution on wider news constructions', () => {
  it('abbreviated honorifics and party tags after the quote', () => {
    const text = '"The budget is late," Sen. Mara Quill (D-Ore.) said. "It will be first-order business," Mr. Otis Fenn said.';
    assert.deepEqual(attributions(text), [
      ['"The budget is late,"', 'Mara Quill', 'said', 'Sen. Mara Quill'],
      ['"It will be first-order business,"', 'Otis Fenn', 'said', 'Mr. Otis Fenn'],
    ]);
  });

  it('appositions and lower-case descriptions around the name', () => {
    const text = '"We are kidding ourselves," Lia Moss, 25, said on Friday. "The course is set," political scientist Ravi Anand told the radio.';
    assert.deepEqual(attributions(text).map((a) => a[1]), ['Lia Moss', 'Ravi Anand']);
  });

  it('descriptions and capitalised modifiers before the name: "said MSNBC host X", "Oversight Chairman X (R-Utah) said"', () => {
    const text = '“He did it right,” said Channel Nine host Rita Oyelaran. “Deals are bad,” Oversight Chairman Jon Ekwall (R-Utah) said in a statement.';
    assert.deepEqual(attributions(text), [
      ['“He did it right,”', 'Rita Oyelaran', 'said', 'Rita Oyelaran'],
      ['“Deals are bad,”', 'Jon Ekwall', 'said in a statement', 'Jon Ekwall'],
    ]);
  });

  it('a question followed by its attribution, a relative clause before the cue, a participle after a name', () => {
    const text = 'Senator Ada Vitt spoke after Lars Moe. “Why is this not clear?” Vitt demanded. Moe, who had backed the plan since he joined, blasted it as a “disgrace” on Monday. The ad shows Rosa Keel asking, “Where is the money?”';
    assert.deepEqual(attributions(text).map((a) => [a[1], a[2]]), [
      ['Ada Vitt', 'demanded'],
      ['Lars Moe', 'blasted'],
      ['Rosa Keel', 'asking'],
    ]);
  });

  it('unnamed people and documents as sources', () => {
    const text = '"There should be more ferries," the businessman replied. "We ask for a better future," the letter reads.';
    assert.deepEqual(attributions(text), [
      ['"There should be more ferries,"', 'businessman', 'replied', 'the businessman'],
      ['"We ask for a better future,"', 'letter', 'reads', 'the letter'],
    ]);
  });

  it('a byline after a dash, and a colon that ends the paragraph before the quote', () => {
    const text = '“He was a bully tonight.” ― Vera Stone\nThe mayor, Ada Lind, continued:\n“We will not close the library.”';
    assert.deepEqual(attributions(text).map((a) => a[1]), ['Vera Stone', 'Ada Lind']);
  });

  it('a colon with white space after it, a question with closing marks, and an exclamation', () => {
    const text = 'Mayor Ada Lind spoke first. She said: \t \n“We will not close the library.”\nTom Reyes left. “Is it over?’” Reyes asked. “Enough!” Lind shouted. “It is over.” Reyes replied.';
    assert.deepEqual(attributions(text).map((a) => [a[1], a[2]]), [
      ['Ada Lind', 'said'],
      ['Tom Reyes', 'asked'],
      ['Ada Lind', 'shouted'],
      ['Ada Lind', null],
    ]);
  });

  it('non-speech verbs that frame a partial quote', () => {
    const text = 'Governor Alma Reyes likened the proposal to a “slow leak” on Monday.';
    assert.deepEqual(attributions(text), [['“slow leak”', 'Alma Reyes', 'likened', 'Alma Reyes']]);
  });
});

describe('core: hard-wrapped paragraphs and interrupted quotes', () => {
  it('joins wrapped lines into paragraphs so a quote may continue on the next line', () => {
    const text = 'Harbour master Fenna Drury, 61, has worked the quay for decades and\nknows every boat by name.\n\n"Boats that leave do not\ncome back," she said. "This keeps the harbour alive."\n\nThe council meets in May.\n';
    assert.deepEqual(attributions(text).map((a) => [a[0], a[1]]), [
      ['"Boats that leave do not\ncome back,"', 'Fenna Drury'],
      ['"This keeps the harbour alive."', 'Fenna Drury'],
    ]);
  });

  it('the second piece of an interrupted quote shares the attribution between the pieces', () => {
    const text = 'Opponents were unmoved. “We are borrowing £7 million,” said Councillor Anselm Tarrow, “for a bridge that carries lorries.”';
    assert.deepEqual(attributions(text), [
      ['“We are borrowing £7 million,”', 'Anselm Tarrow', 'said', 'Anselm Tarrow'],
      ['“for a bridge that carries lorries.”', 'Anselm Tarrow', 'said', 'Anselm Tarrow'],
    ]);
  });

  it('"said the company’s director, NAME"', () => {
    const text = "'We wanted the deepest berth,' said Greywater's operations director, Casimir Holt.";
    assert.deepEqual(attributions(text)[0].slice(1), ['Casimir Holt', 'said', 'Casimir Holt']);
  });
});
