import assert from 'node:assert/strict';
import type { Analysis, Entity } from '../../src/core/types';
import { parseSidecar } from '../../src/sidecar/schema';
import { fnv1a32, stableHashHex } from '../../src/sidecar/stableHash';
import { annotationId, buildSidecar } from '../../src/sidecar/store';
import type { Annotation, Sidecar } from '../../src/sidecar/types';
import { at } from './sidecar-fixtures';
import { sha256Of } from '../hash';

const TEXT = 'Mayor Jo Park said: "Taxes will not rise." Later Park added that "the budget is sound." The city has 3 parks.\n';
const PARK: Entity = { id: 'jo-park', name: 'Jo Park', kind: 'person', aliases: ['Park', 'Mayor Jo Park'] };

/** A hand-made analysis of TEXT (so the test does not depend on what the core finds). */
function analysisOf(text: string): Analysis {
  const q1 = at(text, '"Taxes will not rise."');
  const q2 = at(text, '"the budget is sound."');
  return {
    entities: [PARK],
    quotes: [
      { ...q1, text: text.slice(q1.start, q1.end), kind: 'direct', speaker: PARK.id, cue: at(text, 'said'), speakerMention: at(text, 'Jo Park') },
      { ...q2, text: text.slice(q2.start, q2.end), kind: 'direct', speaker: PARK.id, cue: at(text, 'added'), speakerMention: at(text, 'Park', 1) },
    ],
    mentions: [
      { ...at(text, 'Jo Park'), text: 'Jo Park', entity: PARK.id },
      { ...at(text, 'Park', 1), text: 'Park', entity: PARK.id },
    ],
    figures: [{ ...at(text, '3'), text: '3', kind: 'count', unit: 'parks', value: 3 }],
  };
}

/**
 * A sidecar of TEXT as the previous version wrote it (ids from SHA-256): the first quote accepted,
 * the figure rejected, a manual speaker on "Mayor", the rest suggestions.
 */
const OLD_SIDECAR = `{
  "version": 1,
  "document": {
    "path": "article.txt",
    "sha256": "3155046f4a648f9cf3f7e1d662330dff4c9fdb595c76c7f04548d450c8b132c1",
    "length": 110,
    "offsetUnit": "utf16"
  },
  "entities": [
    {
      "id": "jo-park",
      "name": "Jo Park",
      "kind": "person",
      "aliases": [
        "Park",
        "Mayor Jo Park"
      ]
    }
  ],
  "annotations": [
    {
      "id": "s-5a089bcb1f",
      "type": "speaker",
      "start": 0,
      "end": 5,
      "text": "Mayor",
      "prefix": "",
      "suffix": " Jo Park said: \\"Taxes will not r",
      "status": "accepted",
      "origin": "manual",
      "entity": "jo-park"
    },
    {
      "id": "s-91346360a4",
      "type": "speaker",
      "start": 6,
      "end": 13,
      "text": "Jo Park",
      "prefix": "Mayor ",
      "suffix": " said: \\"Taxes will not rise.\\" La",
      "status": "suggested",
      "origin": "auto",
      "entity": "jo-park"
    },
    {
      "id": "q-bdb7956ba7",
      "type": "quote",
      "start": 20,
      "end": 42,
      "text": "\\"Taxes will not rise.\\"",
      "prefix": "Mayor Jo Park said: ",
      "suffix": " Later Park added that \\"the budg",
      "status": "accepted",
      "origin": "auto",
      "kind": "direct",
      "speaker": "jo-park",
      "cue": {
        "start": 14,
        "end": 18
      },
      "speakerMention": {
        "start": 6,
        "end": 13
      }
    },
    {
      "id": "s-c7f568e469",
      "type": "speaker",
      "start": 49,
      "end": 53,
      "text": "Park",
      "prefix": "d: \\"Taxes will not rise.\\" Later ",
      "suffix": " added that \\"the budget is sound",
      "status": "suggested",
      "origin": "auto",
      "entity": "jo-park"
    },
    {
      "id": "q-ab3c68ad07",
      "type": "quote",
      "start": 65,
      "end": 87,
      "text": "\\"the budget is sound.\\"",
      "prefix": "ot rise.\\" Later Park added that ",
      "suffix": " The city has 3 parks.\\n",
      "status": "suggested",
      "origin": "auto",
      "kind": "direct",
      "speaker": "jo-park",
      "cue": {
        "start": 54,
        "end": 59
      },
      "speakerMention": {
        "start": 49,
        "end": 53
      }
    },
    {
      "id": "f-c121b9a2e7",
      "type": "figure",
      "start": 101,
      "end": 102,
      "text": "3",
      "prefix": " budget is sound.\\" The city has ",
      "suffix": " parks.\\n",
      "status": "rejected",
      "origin": "auto",
      "kind": "count",
      "unit": "parks"
    }
  ]
}
`;

function oldSidecar(): Sidecar {
  const parsed = parseSidecar(OLD_SIDECAR);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.sidecar;
}

const isReviewed = (a: Annotation): boolean => a.origin === 'manual' || a.status !== 'suggested';

describe('annotation ids', () => {
  it('fnv1a32 gives the published FNV-1a values for ASCII text', () => {
    // Test vectors of the FNV reference (32-bit FNV-1a over the bytes of the string).
    assert.deepStrictEqual(['', 'a', 'foobar'].map((s) => fnv1a32(s)), [0x811c9dc5, 0xe40c292c, 0xbf9cf968]);
  });

  it('ids are the same on every run and platform (pinned digits)', () => {
    // Digits worked out independently (a few lines of Python over the UTF-16 code units). Changing
    // them changes the id of every new suggestion in every sidecar: do not.
    assert.deepStrictEqual(
      [annotationId('quote', 1, 5, 'abcd'), annotationId('figure', 1, 5, 'abcd'), annotationId('quote', 1, 5, 'abcd', 1), stableHashHex('speaker\u00000\u00004\u0000José 😀')],
      ['q-053d3f59d2', 'f-1182298796', 'q-1a017d1e14', '4656551efe591d52'],
    );
  });

  it('re-analysing a sidecar with old-style ids keeps reviewed ids and replaces old suggestions', () => {
    const previous = oldSidecar();
    const rebuilt = buildSidecar('article.txt', TEXT, sha256Of(TEXT), analysisOf(TEXT), previous);
    const oldSuggestionIds = previous.annotations.filter((a) => !isReviewed(a)).map((a) => a.id);
    // Reviewed work is kept as it was, old ids included.
    assert.deepStrictEqual(rebuilt.annotations.filter(isReviewed), previous.annotations.filter(isReviewed));
    // The suggestions are the fresh analysis' (new-style ids), none on a span of reviewed work of
    // the same type, and no stale old-style suggestion is left beside them.
    const suggestions = rebuilt.annotations.filter((a) => !isReviewed(a));
    assert.deepStrictEqual(
      suggestions.map((a) => [a.id, a.type, a.text]),
      [
        [annotationId('speaker', 6, 13, 'Jo Park'), 'speaker', 'Jo Park'],
        [annotationId('speaker', 49, 53, 'Park'), 'speaker', 'Park'],
        [annotationId('quote', 65, 87, '"the budget is sound."'), 'quote', '"the budget is sound."'],
      ],
    );
    assert.deepStrictEqual(suggestions.filter((a) => oldSuggestionIds.includes(a.id)), []);
  });
});
