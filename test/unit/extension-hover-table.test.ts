/**
 * The hover's Markdown as a table, whole: quotes with and without a known speaker, counts that
 * leave out rejected quotes and other speakers' quotes, figures without a unit, mentions of an
 * unknown entity, aliases that repeat the name, machine suggestions.
 */
import assert from 'node:assert/strict';
import type { Entity } from '../../src/core/types';
import { COMMANDS } from '../../src/extension/constants';
import { commandLink, hoverContent } from '../../src/extension/model/hoverText';
import { SIDECAR_VERSION, type Annotation, type AnnotationOrigin, type AnnotationStatus, type Sidecar } from '../../src/sidecar/types';
import { span } from './extension-fixtures';

const TEXT = 'Ana Lim said: "Rates rise." Ana Lim added: "Not soon." and "Later." She said: "Maybe May." Lim laughed. Someone said: "No way." Dev Rao said: "Fine." The fee is 40 euros and 7 percent.';

function base(id: string, needle: string, status: AnnotationStatus, origin: AnnotationOrigin, from = 0) {
  const s = span(TEXT, needle, from);
  return { id, ...s, text: needle, prefix: '', suffix: '', status, origin };
}

function sample(): Sidecar {
  const entities: Entity[] = [
    { id: 'ana', name: 'Ana Lim', kind: 'person', aliases: ['Ana Lim', 'Dr Lim'] },
    { id: 'dev', name: 'Dev Rao', kind: 'person', aliases: [] },
  ];
  const quote = (id: string, needle: string, speaker: string | null, status: AnnotationStatus, origin: AnnotationOrigin, cue: string | null = null, rule?: string): Annotation => ({
    ...base(id, needle, status, origin),
    type: 'quote',
    kind: 'direct',
    speaker,
    cue: cue === null ? null : span(TEXT, cue),
    speakerMention: null,
    ...(rule === undefined ? {} : { rule }),
  });
  const annotations: Annotation[] = [
    quote('q1', '"Rates rise."', 'ana', 'accepted', 'manual', 'said'),
    quote('q2', '"Not soon."', 'ana', 'suggested', 'auto', 'added', 'before.x-said'),
    quote('q6', '"Later."', 'ana', 'accepted', 'manual'),
    quote('q3', '"Maybe May."', 'ana', 'rejected', 'manual'),
    quote('q4', '"No way."', null, 'suggested', 'auto'),
    quote('q5', '"Fine."', 'dev', 'accepted', 'auto', 'said', 'after.x-sang'),
    { ...base('m1', 'Ana Lim', 'accepted', 'auto'), type: 'speaker', entity: 'ana' },
    { ...base('m2', 'Lim', 'suggested', 'manual', TEXT.indexOf('Lim laughed')), type: 'speaker', entity: 'ghost' },
    { ...base('m3', 'Dev Rao', 'accepted', 'manual'), type: 'speaker', entity: 'dev' },
    { ...base('f1', '40 euros', 'accepted', 'manual'), type: 'figure', kind: 'money', unit: 'euros' },
    { ...base('f2', '7 percent', 'accepted', 'manual'), type: 'figure', kind: 'percent', unit: null },
  ];
  return { version: SIDECAR_VERSION, document: { path: 'a.txt', sha256: '0'.repeat(64), length: TEXT.length, offsetUnit: 'utf16' }, entities, annotations };
}

const accept = (id: string) => commandLink('Accept', COMMANDS.accept, [id]);
const reject = (id: string) => commandLink('Reject', COMMANDS.reject, [id]);
const setSpeaker = (id: string) => commandLink('Set Speaker…', COMMANDS.setSpeaker, [id]);
const showQuotes = (id: string) => commandLink('Show all quotes by this speaker', COMMANDS.showQuotesOfEntity, [id]);
const showEntity = (id: string) => commandLink('Show all quotes by this entity', COMMANDS.showQuotesOfEntity, [id]);
const md = (...lines: string[]) => lines.join('  \n');

describe('extension model: hover table', () => {
  it('hoverContent: the whole Markdown', () => {
    const s = sample();
    const rows: [string, string, string | undefined][] = [
      [
        'a quote of a known speaker: the others not rejected counted, her own only',
        '"Rates rise."',
        md('**Quote** (direct) · accepted, tagged by hand', 'Speaker: **Ana Lim** (person)', '2 other quotes by this speaker', 'Cue: “said”', [reject('q1'), setSpeaker('q1'), showQuotes('ana')].join(' · ')),
      ],
      [
        'a machine suggestion without a speaker',
        '"No way."',
        md('**Quote** (direct) · suggested, found automatically', 'Speaker: _unknown_', [accept('q4'), reject('q4'), setSpeaker('q4')].join(' · ')),
      ],
      [
        'a suggestion with the rule that found its speaker, in words',
        '"Not soon."',
        md('**Quote** (direct) · suggested, found automatically', 'Speaker: **Ana Lim** (person)', '2 other quotes by this speaker', 'Cue: “added”', 'Found by: *X said* before the quote (rule before\\.x\\-said)', [accept('q2'), reject('q2'), setSpeaker('q2'), showQuotes('ana')].join(' · ')),
      ],
      [
        'a rule this version does not know: its id alone',
        '"Fine."',
        md('**Quote** (direct) · accepted, found automatically', 'Speaker: **Dev Rao** (person)', '0 other quotes by this speaker', 'Cue: “said”', 'Found by rule after\\.x\\-sang', [reject('q5'), setSpeaker('q5'), showQuotes('dev')].join(' · ')),
      ],
      ['a figure without a unit', '7 percent', md('**Figure** (percent) · accepted, tagged by hand', 'Value: 7 percent', reject('f2'))],
      ['a figure with a unit', '40 euros', md('**Figure** (money) · accepted, tagged by hand', 'Value: 40 euros', 'Unit: euros', reject('f1'))],
      ['a mention of an entity the sidecar does not have', 'Lim laughed', md('**Mention** of an unknown entity · suggested, tagged by hand', [accept('m2'), reject('m2')].join(' · '))],
      ['a mention without aliases', 'Dev Rao', md('**Dev Rao** (person) · mention accepted, tagged by hand', '1 quote in this document', [reject('m3'), showEntity('dev')].join(' · '))],
      [
        'a mention whose aliases repeat the name: only the others; her quotes not rejected',
        'Ana Lim',
        md('**Ana Lim** (person) · mention accepted, found automatically', 'Also: Dr Lim', '3 quotes in this document', [reject('m1'), showEntity('ana')].join(' · ')),
      ],
      ['a rejected quote shows nothing', '"Maybe May."', undefined],
    ];
    assert.deepStrictEqual(
      rows.map(([name, needle]) => [name, hoverContent(s, TEXT, span(TEXT, needle).start + 1)?.markdown]),
      rows.map(([name, , expected]) => [name, expected]),
    );
  });
});
