// Attribution from the cue before a quote and the asides after a name (attribution.ts, first half:
// `beforeQuote`, `isCueVerb`, `nominalCueEndingAt`, `skipApposition`): rows [name, text, the
// expected [quote, speaker name, cue, speaker mention] of every quote]. The texts are written for
// these rows; each row names the construction or the limit it checks.

import { table } from './core-attribution-fixtures';

/** n words of a sentence without names, cues or clause breaks. */
const words = (n: number): string => Array.from({ length: n }, (_, i) => ['the', 'tide', 'came', 'in', 'and', 'went', 'out', 'again'][i % 8]).join(' ');

describe('core: attribution before a quote and asides after a name (attribution.ts, first half)', () => {
  table('how far back the cue before a quote is looked for (80 words)', [
    ['a cue 80 words before the quote', `Ivo Brandt said that ${words(78)} “full”.`, [['“full”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a cue 81 words before the quote is too far: the clause subject, without a cue', `Ivo Brandt said that ${words(79)} “full”.`, [['“full”', 'Ivo Brandt', null, 'Ivo Brandt']]],
  ]);

  table('asides between the name and the cue after the quote', [
    ['a party tag right after the name, without a space', '“We sail,” Ivo Brandt(R-Maine) said.', [['“We sail,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a party tag after two spaces', '“We sail,” Ivo Brandt  (R-Maine) said.', [['“We sail,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['two asides between commas', '“We sail,” Ivo Brandt, 54, tired, said.', [['“We sail,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['three asides are too many', '“We sail,” Ivo Brandt, 54, tall, tired, said.', [['“We sail,”', null, null, null]]],
    ['an aside of 14 words', '“We sail,” Ivo Brandt, the master of all the great old northern harbour towns up by the sea, said.', [['“We sail,”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['an aside of 15 words is too long', '“We sail,” Ivo Brandt, the master of all the great old northern harbour towns up by the cold sea, said.', [['“We sail,”', null, null, null]]],
    ['an aside without a closing comma and no cue', 'Ebba Sund said so. “We sail,” Marta Quell, tired and cold.', [['“We sail,”', null, null, null]]],
  ]);

  table('according to X before the quote', [
    ['an organisation after "according to"', 'According to the Harbour Trust, the port is “full”.', [['“full”', 'Harbour Trust', 'According to', 'Harbour Trust']]],
    ['"according to them" with nobody named', 'According to them, the port is “full”.', [['“full”', null, null, null]]],
    ['the name right before the quote, without a comma', 'According to Tilda Marsh “the bridge is unsafe”.', [['“the bridge is unsafe”', 'Tilda Marsh', 'According to', 'Tilda Marsh']]],
    ['a cue without a subject nearer the quote gives way to "according to"', 'According to Ivo Brandt, nobody warned “anyone”.', [['“anyone”', 'Ivo Brandt', 'According to', 'Ivo Brandt']]],
  ]);

  table('the cue verb before the quote', [
    ['a cue verb opening the clause after a dash', 'Ivo Brandt rose — said “enough” and left.', [['“enough”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a cue verb opening the clause after a semicolon', 'Ivo Brandt rose; said “enough” and left.', [['“enough”', 'Ivo Brandt', 'said', 'Ivo Brandt']]],
    ['a noun after a possessive is no cue ("the mayor’s reports")', 'Ivo Brandt read the mayor’s reports “twice”.', [['“twice”', 'Ivo Brandt', 'read', 'Ivo Brandt']]],
    ['a noun after a determiner is no cue ("the reports")', 'Ivo Brandt read the reports “twice”.', [['“twice”', 'Ivo Brandt', 'read', 'Ivo Brandt']]],
    ['a noun after a determiner and two spaces is no cue', 'Ivo Brandt read the  reports “twice”.', [['“twice”', 'Ivo Brandt', 'read', 'Ivo Brandt']]],
    ['a noun after a determiner at the end of a wrapped line (LF) is no cue', 'The storm passed over\nthe town on Monday.\n\nIvo Brandt read the\nreports “twice”.', [['“twice”', 'Ivo Brandt', 'read', 'Ivo Brandt']]],
    ['the same with CRLF line endings', 'The storm passed over\r\nthe town on Monday.\r\n\r\nIvo Brandt read the\r\nreports “twice”.', [['“twice”', 'Ivo Brandt', 'read', 'Ivo Brandt']]],
    ['the same with CR line endings', 'The storm passed over\rthe town on Monday.\r\rIvo Brandt read the\rreports “twice”.', [['“twice”', 'Ivo Brandt', 'read', 'Ivo Brandt']]],
    ['a speech verb after a possessive name is no nominal cue ("Tilda Marsh’s reports")', 'Ivo Brandt read Tilda Marsh’s reports “twice”.', [['“twice”', 'Ivo Brandt', 'read', 'Ivo Brandt']]],
    ['a phrase cue without a subject gives way to "according to" before it', 'According to Ivo Brandt, nobody told reporters “anything”.', [['“anything”', 'Ivo Brandt', 'According to', 'Ivo Brandt']]],
    ['the last word of "according to" as the first word of the text is no phrase', 'To Ivo Brandt “it is over”.', [['“it is over”', null, null, null]]],
  ]);

  table('a nominal cue owned by a possessor', [
    ['"rallying call": "rallying" belongs to the cue', 'Ivo Brandt’s rallying call to “hold the line” spread.', [['“hold the line”', 'Ivo Brandt', 'rallying call', 'Ivo Brandt']]],
    ['"cry" on its own', 'Ivo Brandt’s cry of “help” was heard.', [['“help”', 'Ivo Brandt', 'cry', 'Ivo Brandt']]],
  ]);

  table('the subject of a participle cue', [
    ['"was saying" is no participle: the nearest subject, not the sentence’s', 'Tilda Marsh said Ivo Brandt was saying “no”.', [['“no”', 'Ivo Brandt', 'saying', 'Ivo Brandt']]],
    ['"who replied, adding": the participle belongs to the subject of "replied"', 'Tilda Marsh thanked Ivo Brandt, who replied, adding: “Ships move.”', [['“Ships move.”', 'Ivo Brandt', 'adding', 'Ivo Brandt']]],
    ['the same with a quote whose first word ends in -ing', 'Tilda Marsh thanked Ivo Brandt, who replied, adding: “Nothing moves.”', [['“Nothing moves.”', 'Ivo Brandt', 'adding', 'Ivo Brandt']]],
    ['"having said" belongs to the sentence’s subject, not the object before it', 'Tilda Marsh thanked Ivo Brandt, having said “enough”.', [['“enough”', 'Tilda Marsh', 'said', 'Tilda Marsh']]],
  ]);
});
