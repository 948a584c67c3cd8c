// Hover action links (whole Markdown, escaping of hostile sidecars, decodable command URIs), the
// speaker labels of the decoration plan, and the quotes-of-an-entity list.
import assert from 'node:assert/strict';
import { COMMANDS } from '../../src/extension/constants';
import { decorationPlan } from '../../src/extension/model/decorationPlan';
import { commandLink, HOVER_COMMANDS, hoverContent } from '../../src/extension/model/hoverText';
import { addAnnotation, addEntity, emptySidecar, setQuoteSpeaker } from '../../src/sidecar';
import type { Sidecar } from '../../src/sidecar/types';
import { buildSample, span, TEXT } from './extension-fixtures';
import { sha256Of } from '../hash';

const SETTINGS = { quotes: true, speakers: true, figures: true, showSuggestions: true, speakerAfterQuote: true };

/** Every `command:` link of a Markdown string: label, command id and decoded JSON arguments. */
function links(markdown: string): { label: string; command: string; args: unknown }[] {
  return [...markdown.matchAll(/(?<!\\)\[([^\]]*)\]\(command:([\w.]+)\?([^)\s]*)\)/g)].map((m) => ({
    label: m[1],
    command: m[2],
    args: JSON.parse(decodeURIComponent(m[3])) as unknown,
  }));
}

/** The encoding the tests expect: every character outside [A-Za-z0-9-_.~] percent-encoded. */
function enc(args: string[]): string {
  return [...new TextEncoder().encode(JSON.stringify(args))].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

describe('hover actions: markdown', () => {
  it('a quote: description then Accept · Reject · Set Speaker… · Show all quotes by this speaker', () => {
    const { sidecar, ids, brandt } = buildSample();
    const h = hoverContent(sidecar, TEXT, span(TEXT, 'Nobody').start);
    assert.deepStrictEqual(h, {
      markdown: [
        '**Quote** (direct) · suggested, tagged by hand',
        'Speaker: **Ilse Brandt** (person)',
        '1 other quote by this speaker',
        `[Accept](command:quotelens.accept?${enc([ids.q2])}) · [Reject](command:quotelens.reject?${enc([ids.q2])}) · ` +
          `[Set Speaker…](command:quotelens.setSpeaker?${enc([ids.q2])}) · ` +
          `[Show all quotes by this speaker](command:quotelens.showQuotesOfEntity?${enc([brandt])})`,
      ].join('  \n'),
      ...span(TEXT, '"Nobody waits longer."'),
    });
  });

  it('links decode to the annotation and entity ids; accepted annotations offer no Accept', () => {
    const { sidecar, ids, brandt } = buildSample();
    const quote = hoverContent(sidecar, TEXT, span(TEXT, 'We will').start);
    assert.ok(quote);
    assert.deepStrictEqual(links(quote.markdown), [
      { label: 'Reject', command: COMMANDS.reject, args: [ids.q1] },
      { label: 'Set Speaker…', command: COMMANDS.setSpeaker, args: [ids.q1] },
      { label: 'Show all quotes by this speaker', command: COMMANDS.showQuotesOfEntity, args: [brandt] },
    ]);
    const mention = hoverContent(sidecar, TEXT, span(TEXT, 'Ilse').start);
    assert.ok(mention);
    assert.deepStrictEqual(links(mention.markdown), [
      { label: 'Reject', command: COMMANDS.reject, args: [ids.mention] },
      { label: 'Show all quotes by this entity', command: COMMANDS.showQuotesOfEntity, args: [brandt] },
    ]);
  });

  it('a figure inside a quote: the figure with Accept · Reject, then the quote', () => {
    const { sidecar, ids, brandt } = buildSample();
    const h = hoverContent(sidecar, TEXT, span(TEXT, 'new parks').start);
    assert.ok(h);
    assert.deepStrictEqual(
      links(h.markdown).map((l) => [l.command, l.args]),
      [
        [COMMANDS.accept, [ids.figure]],
        [COMMANDS.reject, [ids.figure]],
        [COMMANDS.reject, [ids.q1]],
        [COMMANDS.setSpeaker, [ids.q1]],
        [COMMANDS.showQuotesOfEntity, [brandt]],
      ],
    );
    assert.equal(
      h.markdown.split('\n\n---\n\n')[0],
      ['**Figure** (count) · suggested, tagged by hand', 'Value: 3 new parks', 'Unit: parks', `[Accept](command:quotelens.accept?${enc([ids.figure])}) · [Reject](command:quotelens.reject?${enc([ids.figure])})`].join('  \n'),
    );
  });

  it('only QuoteLens commands are enabled, and every link uses one of them', () => {
    assert.deepStrictEqual([...HOVER_COMMANDS], [COMMANDS.accept, COMMANDS.reject, COMMANDS.setSpeaker, COMMANDS.showQuotesOfEntity]);
    assert.equal(commandLink('Go', COMMANDS.accept, ['a"]) [x](command:evil\'!*']), `[Go](command:quotelens.accept?${enc(['a"]) [x](command:evil\'!*'])})`);
    assert.deepStrictEqual(links(commandLink('Go', COMMANDS.accept, ['a"]) [x](command:evil'])), [{ label: 'Go', command: COMMANDS.accept, args: ['a"]) [x](command:evil'] }]);
  });
});

describe('hover actions: a hostile sidecar renders as plain text', () => {
  const HOSTILE_NAME = '[Run](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **bold**';
  const HOSTILE_ALIAS = '<a href="command:evil">x</a>\n# Heading\n---';
  const TEXT2 = 'He said "[click](command:evil.run) <b>hi</b> &amp; `code`" yesterday.';

  function hostile(): { sidecar: Sidecar; quoteId: string; figureId: string; entityId: string; mentionId: string } {
    let s = emptySidecar('hostile.txt', TEXT2, sha256Of(TEXT2));
    const e = addEntity(s, HOSTILE_NAME, 'person');
    s = { ...e.sidecar, entities: e.sidecar.entities.map((x) => ({ ...x, aliases: [HOSTILE_ALIAS] })) };
    const q = addAnnotation(s, TEXT2, { type: 'quote', ...span(TEXT2, '"[click](command:evil.run) <b>hi</b> &amp; `code`"'), speaker: e.entity.id, cue: span(TEXT2, 'said') });
    assert.ok(!('error' in q));
    const m = addAnnotation(q.sidecar, TEXT2, { type: 'speaker', ...span(TEXT2, 'He'), entity: e.entity.id });
    assert.ok(!('error' in m));
    const f = addAnnotation(m.sidecar, TEXT2, { type: 'figure', ...span(TEXT2, '[click](command:evil.run)'), kind: 'vague', unit: '<script>x</script>' });
    assert.ok(!('error' in f));
    return { sidecar: f.sidecar, quoteId: q.annotation.id, figureId: f.annotation.id, entityId: e.entity.id, mentionId: m.annotation.id };
  }

  it('names, aliases, figure text and units are escaped; the only links are the actions', () => {
    const { sidecar, quoteId, figureId, entityId, mentionId } = hostile();
    const mention = hoverContent(sidecar, TEXT2, 0);
    assert.ok(mention);
    assert.equal(
      mention.markdown,
      [
        '**\\[Run\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\<img src\\=x onerror\\=alert\\(1\\)\\> \\*\\*bold\\*\\*** (person) · mention accepted, tagged by hand',
        'Also: \\<a href\\=\\"command\\:evil\\"\\>x\\<\\/a\\> \\# Heading \\-\\-\\-',
        '1 quote in this document',
        `[Reject](command:quotelens.reject?${enc([mentionId])}) · [Show all quotes by this entity](command:quotelens.showQuotesOfEntity?${enc([entityId])})`,
      ].join('  \n'),
    );
    const figure = hoverContent(sidecar, TEXT2, span(TEXT2, 'click').start);
    assert.ok(figure);
    assert.deepStrictEqual(
      links(figure.markdown).map((l) => [l.command, l.args]),
      [
        [COMMANDS.reject, [figureId]],
        [COMMANDS.reject, [quoteId]],
        [COMMANDS.setSpeaker, [quoteId]],
        [COMMANDS.showQuotesOfEntity, [entityId]],
      ],
    );
    assert.equal(
      figure.markdown.split('\n\n---\n\n')[0].split('  \n').slice(0, 3).join('\n'),
      ['**Figure** (vague) · accepted, tagged by hand', 'Value: \\[click\\]\\(command\\:evil\\.run\\)', 'Unit: \\<script\\>x\\<\\/script\\>'].join('\n'),
    );
    // No unescaped bracket, angle bracket or backtick from the hostile text is left anywhere.
    const withoutLinks = figure.markdown.replace(/\[(Accept|Reject|Set Speaker…|Show all quotes by this (speaker|entity))\]\(command:[\w.]+\?[^)\s]*\)/g, '');
    assert.deepStrictEqual(withoutLinks.match(/(?<!\\)[[\]<>`]/g), null);
  });
});

describe('decoration plan: speaker after each quote', () => {
  it('labels every shown quote with "— Name", "— ?" when unknown, in document order', () => {
    const { sidecar, ids } = buildSample();
    const unknown = setQuoteSpeaker(sidecar, ids.q2, null);
    assert.deepStrictEqual(decorationPlan(unknown, SETTINGS).speakerLabels, [
      { at: span(TEXT, '"We will open 3 new parks by 2027."').end, label: '— Ilse Brandt' },
      { at: span(TEXT, '"Nobody waits longer."').end, label: '— ?' },
    ]);
  });

  it('follows the setting and the quote filters (off, no suggestions, quotes hidden)', () => {
    const { sidecar } = buildSample();
    assert.deepStrictEqual(decorationPlan(sidecar, { ...SETTINGS, speakerAfterQuote: false }).speakerLabels, []);
    assert.deepStrictEqual(decorationPlan(sidecar, { ...SETTINGS, showSuggestions: false }).speakerLabels, [
      { at: span(TEXT, '"We will open 3 new parks by 2027."').end, label: '— Ilse Brandt' },
    ]);
    assert.deepStrictEqual(decorationPlan(sidecar, { ...SETTINGS, quotes: false }).speakerLabels, []);
    assert.deepStrictEqual(decorationPlan(undefined, SETTINGS).speakerLabels, []);
  });
});
