/**
 * The "Quotes of <Name>" view as tables: the words around a quote at the edges of the window
 * (exactly eight words, blank lines, windows that start or end inside a word, stored context cut
 * inside a word), the rows' order across documents that share a path, and the page around them.
 */
import assert from 'node:assert/strict';
import {
  entityNodeOf,
  entityNodes,
  parseSpeakerViewMessage,
  quoteContext,
  speakerRows,
  speakerViewBody,
  speakerViewHtml,
  speakerViewModel,
  type QuoteContext,
  type SpeakerRow,
  type SpeakerViewDoc,
} from '../../src/extension/model/speakerView';
import { buildTree, type TreeNode } from '../../src/extension/model/treeModel';
import { addAnnotation, addEntity, emptySidecar } from '../../src/sidecar';
import type { Annotation, QuoteAnnotation, Sidecar } from '../../src/sidecar/types';
import { sha256Of } from '../hash';
import { span } from './extension-fixtures';

function table<I extends unknown[], O>(rows: [string, I, O][], f: (...input: I) => O): void {
  assert.deepStrictEqual(
    rows.map(([name, input]) => [name, f(...input)]),
    rows.map(([name, , expected]) => [name, expected]),
  );
}

/** A quote of `needle` in `text` with its stored context, as the store makes it (not trimmed). */
function quoteIn(text: string, needle: string, extra: Partial<QuoteAnnotation> = {}): QuoteAnnotation {
  const { start, end } = span(text, needle);
  return {
    id: 'q',
    type: 'quote',
    kind: 'direct',
    start,
    end,
    text: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
    status: 'accepted',
    origin: 'manual',
    speaker: null,
    cue: null,
    speakerMention: null,
    ...extra,
  };
}

/** An orphaned quote: only its own text and the stored context are left. */
function orphan(text: string, prefix: string, suffix: string): QuoteAnnotation {
  return { ...quoteIn(text, text), orphaned: true, prefix, suffix };
}

const ctx = (before: string, quote: string, after: string): QuoteContext => ({ before, quote, after });

// Long words: the 120 characters looked at on each side hold fewer than eight of them, so which
// words the window keeps shows.
const LONG_BEFORE = 'northernmost lighthouses occasionally disappeared underneath thunderclouds whereupon fishermen immediately telephoned headquarters';
const LONG_AFTER = 'afterwards everybody gathered outside the harbourmasters office discussing whether tomorrows departures would proceed unhindered regardless';
const LONG = `${LONG_BEFORE} and said: "Stay ashore." Then ${LONG_AFTER}`;
const PARAGRAPHS = `${LONG_BEFORE} regardless.\n\nShort lead: "Stay ashore." Short tail.\n\n${LONG_AFTER}`;

describe('extension model: quote context table', () => {
  it('quoteContext from the document text', () => {
    const eight = 'one two three four five six seven eight "Fine." nine ten eleven twelve thirteen fourteen fifteen sixteen';
    const spaced = 'She said: "Ready  when\nyou are."\n';
    const blankWithSpace = 'Earlier topic ends.\n \nShe said: "Yes." and left.\n\nNew topic.';
    const blankWithSpaces = 'He said: "No." and sat.\n  \nNew topic.';
    table<[string, QuoteAnnotation, number?], QuoteContext>(
      [
        ['exactly eight words each side: no ellipsis', [eight, quoteIn(eight, '"Fine."')], ctx('one two three four five six seven eight', '"Fine."', 'nine ten eleven twelve thirteen fourteen fifteen sixteen')],
        ['runs of white space in the quote become one space, trimmed', [spaced, quoteIn(spaced, '"Ready  when\nyou are."\n')], ctx('She said:', '"Ready when you are."', '')],
        ['a blank line holding a space ends the context before; an empty one after', [blankWithSpace, quoteIn(blankWithSpace, '"Yes."')], ctx('She said:', '"Yes."', 'and left.')],
        ['a blank line holding spaces ends the context after', [blankWithSpaces, quoteIn(blankWithSpaces, '"No."')], ctx('He said:', '"No."', 'and sat.')],
        [
          'windows starting and ending inside a word widen to whole words, with an ellipsis (all words of the window)',
          [LONG, quoteIn(LONG, '"Stay ashore."'), 20],
          ctx(
            '…lighthouses occasionally disappeared underneath thunderclouds whereupon fishermen immediately telephoned headquarters and said:',
            '"Stay ashore."',
            'Then afterwards everybody gathered outside the harbourmasters office discussing whether tomorrows departures would proceed…',
          ),
        ],
        ['a blank line inside the window: no ellipsis on that side', [PARAGRAPHS, quoteIn(PARAGRAPHS, '"Stay ashore."')], ctx('Short lead:', '"Stay ashore."', 'Short tail.')],
      ],
      (text, q, words) => quoteContext(text, q, words),
    );
  });

  it('quoteContext from the stored context', () => {
    table<[string | undefined, QuoteAnnotation], QuoteContext>(
      [
        [
          'full stored context cut inside a word: the cut words dropped',
          [undefined, orphan('"Hold the line."', 'ghtkeeper Anna Berg told us all: ', ' and then she walked to the boath')],
          ctx('…Anna Berg told us all:', '"Hold the line."', 'and then she walked to the…'),
        ],
        ['short stored context (the document edges): whole, no ellipsis', [undefined, orphan('"Hold the line."', 'Berg said: ', ' and left.')], ctx('Berg said:', '"Hold the line."', 'and left.')],
        [
          'an orphan whose text is still at its offsets: the stored context all the same',
          ['Berg said: "Hold the line." and left.', { ...quoteIn('Berg said: "Hold the line." and left.', '"Hold the line."'), orphaned: true, prefix: 'Anna Berg said: ', suffix: ' and left early.' }],
          ctx('Anna Berg said:', '"Hold the line."', 'and left early.'),
        ],
        [
          'a document changed under the quote (not yet re-anchored): the stored context',
          ['Berg now says: "Hold on." and left.', { ...quoteIn('Berg said: "Hold the line." and left.', '"Hold the line."'), prefix: 'Anna Berg said: ', suffix: ' and left early.' }],
          ctx('Anna Berg said:', '"Hold the line."', 'and left early.'),
        ],
      ],
      (text, q) => quoteContext(text, q),
    );
  });
});

function must<T>(r: T | { error: string }): T {
  if (typeof r === 'object' && r !== null && 'error' in r) throw new Error(r.error);
  return r;
}

/** Replaces one annotation (what analysis, a review or re-anchoring produce). */
function patch(s: Sidecar, id: string, change: Partial<QuoteAnnotation>): Sidecar {
  return { ...s, annotations: s.annotations.map((a): Annotation => (a.id === id && a.type === 'quote' ? { ...a, ...change } : a)) };
}

const NEWS = 'Mira Holt said: "The bridge opens in June." Holt added: "Bring bikes." A guest said: "Fine."\n';
const OLD = 'Holt wrote: "We tried before."\n';
const ONE = 'file:///one/news.txt';
const TWO = 'file:///two/news.txt';
const ARCH = 'file:///two/arch/old.txt';
const THREE = 'file:///three/other.txt';

/**
 * Mira Holt in three documents of a two-folder workspace: two called news.txt (one per folder) and
 * arch/old.txt, whose path sorts first though its URI does not; in one/news.txt her quotes are
 * stored last first. other.txt has its own "mira-holt", an organization of that name.
 */
function holtDocs(): { docs: SpeakerViewDoc[]; ids: Record<string, string> } {
  const holt1 = addEntity(emptySidecar('news.txt', NEWS, sha256Of(NEWS)), 'Mira Holt', 'person');
  const bridge = must(addAnnotation(holt1.sidecar, NEWS, { type: 'quote', ...span(NEWS, '"The bridge opens in June."'), speaker: holt1.entity.id, cue: span(NEWS, 'said'), speakerMention: span(NEWS, 'Mira Holt') }));
  const bikes = must(addAnnotation(bridge.sidecar, NEWS, { type: 'quote', ...span(NEWS, '"Bring bikes."'), speaker: holt1.entity.id, cue: span(NEWS, 'added') }));
  // Rejected after it was tagged by hand: "rejected", not "manual". The cue span is a space.
  let one = patch(bikes.sidecar, bikes.annotation.id, { status: 'rejected', cue: { start: 4, end: 5 } });
  one = { ...one, annotations: [...one.annotations].reverse() };

  const holt2 = addEntity(emptySidecar('news.txt', NEWS, sha256Of(NEWS)), 'Mira Holt', 'person');
  const fine = must(addAnnotation(holt2.sidecar, NEWS, { type: 'quote', ...span(NEWS, '"Fine."'), speaker: holt2.entity.id, speakerMention: span(NEWS, 'Holt added') }));
  // Orphaned though its text is still at its offsets: no cue or mention is read from the text.
  const two = patch(fine.sidecar, fine.annotation.id, { orphaned: true, origin: 'auto', status: 'suggested', cue: span(NEWS, 'said'), prefix: 'A guest said: ', suffix: '' });

  const holt3 = addEntity(emptySidecar('old.txt', OLD, sha256Of(OLD)), 'Mira Holt', 'person');
  const tried = must(addAnnotation(holt3.sidecar, OLD, { type: 'quote', ...span(OLD, '"We tried before."'), speaker: holt3.entity.id, speakerMention: span(OLD, 'Holt') }));

  const firm = addEntity(emptySidecar('other.txt', OLD, sha256Of(OLD)), 'Mira Holt', 'organization');
  const theirs = must(addAnnotation(firm.sidecar, OLD, { type: 'quote', ...span(OLD, '"We tried before."'), speaker: firm.entity.id }));
  return {
    docs: [
      { uri: ONE, path: 'news.txt', sidecar: one, text: NEWS },
      { uri: THREE, path: 'other.txt', sidecar: theirs.sidecar, text: OLD },
      { uri: TWO, path: 'news.txt', sidecar: two, text: NEWS },
      { uri: ARCH, path: 'arch/old.txt', sidecar: tried.sidecar, text: OLD },
    ],
    ids: { bridge: bridge.annotation.id, bikes: bikes.annotation.id, fine: fine.annotation.id, tried: tried.annotation.id, theirs: theirs.annotation.id },
  };
}

function row(uri: string, document: string, id: string, text: string, s: { start: number; end: number }, rest: Pick<SpeakerRow, 'status' | 'orphaned' | 'context' | 'cue' | 'mention'>): SpeakerRow {
  return { key: `${uri}#${id}`, uri, document, annotationId: id, text, ...rest, ...s };
}

describe('extension model: Quotes of Speaker table', () => {
  it('speakerRows: by path, then URI, then position; only the entity\'s own ids per document', () => {
    const { docs, ids } = holtDocs();
    const refs = [ONE, TWO, ARCH].map((uri) => ({ uri, entityId: 'mira-holt' }));
    // The same rows whatever order the documents come in.
    const orders = [docs, [...docs].reverse(), [docs[3], docs[0], docs[1], docs[2]]];
    const rows = orders.map((order) => speakerRows(order, refs));
    assert.deepStrictEqual(rows[1], rows[0]);
    assert.deepStrictEqual(rows[2], rows[0]);
    assert.deepStrictEqual(rows[0], [
      row(ARCH, 'arch/old.txt', ids.tried, '"We tried before."', span(OLD, '"We tried before."'), {
        status: 'manual',
        orphaned: false,
        context: ctx('Holt wrote:', '"We tried before."', ''),
        cue: null,
        mention: 'Holt',
      }),
      row(ONE, 'news.txt', ids.bridge, '"The bridge opens in June."', span(NEWS, '"The bridge opens in June."'), {
        status: 'manual',
        orphaned: false,
        context: ctx('Mira Holt said:', '"The bridge opens in June."', 'Holt added: "Bring bikes." A guest said: "Fine."'),
        cue: 'said',
        mention: 'Mira Holt',
      }),
      row(ONE, 'news.txt', ids.bikes, '"Bring bikes."', span(NEWS, '"Bring bikes."'), {
        status: 'rejected',
        orphaned: false,
        context: ctx('…said: "The bridge opens in June." Holt added:', '"Bring bikes."', 'A guest said: "Fine."'),
        cue: null,
        mention: null,
      }),
      row(TWO, 'news.txt', ids.fine, '"Fine."', span(NEWS, '"Fine."'), {
        status: 'suggested',
        orphaned: true,
        context: ctx('A guest said:', '"Fine."', ''),
        cue: null,
        mention: null,
      }),
    ]);
  });

  it('speakerRows: a document changed under its quotes (not yet re-anchored) gives the stored context, no cue or mention', () => {
    const { docs } = holtDocs();
    const edited = { ...docs[0], text: NEWS.replace('Mira Holt said', 'Mira Holt wrote') };
    assert.deepStrictEqual(
      speakerRows([edited], [{ uri: ONE, entityId: 'mira-holt' }]).map((r) => [r.text, r.context, r.cue, r.mention]),
      [
        ['"The bridge opens in June."', ctx('Mira Holt said:', '"The bridge opens in June."', 'Holt added: "Bring bikes." A…'), null, null],
        ['"Bring bikes."', ctx('…opens in June." Holt added:', '"Bring bikes."', 'A guest said: "Fine."'), null, null],
      ],
    );
  });

  it('entityNodes and entityNodeOf: speakers and the mentioned, never the Unknown speaker; the hovered document first', () => {
    const { docs } = holtDocs();
    const guestText = 'Ola Berg was there. Someone said: "Hi."\n';
    const guest = addEntity(emptySidecar('guest.txt', guestText, sha256Of(guestText)), 'Ola Berg', 'person');
    // The organization is in guest.txt too, under the id the person has elsewhere.
    const firm = addEntity(guest.sidecar, 'Mira Holt', 'organization');
    const mention = must(addAnnotation(firm.sidecar, guestText, { type: 'speaker', ...span(guestText, 'Ola Berg'), entity: guest.entity.id }));
    const unknown = must(addAnnotation(mention.sidecar, guestText, { type: 'quote', ...span(guestText, '"Hi."'), speaker: null }));
    // In other.txt the organization also gets a person's id of the same name (mira-holt-2).
    const other = docs[1];
    const twin = addEntity(other.sidecar, 'Mira Holt', 'person');
    const all = [...docs.map((d) => (d === other ? { ...d, sidecar: twin.sidecar } : d)), { uri: 'file:///one/guest.txt', path: 'guest.txt', sidecar: unknown.sidecar, text: guestText }];
    const roots = buildTree(
      all.map((d) => ({ uri: d.uri, name: d.path, sidecar: d.sidecar })),
      {},
      { truncatedAt: 4, invalid: [{ uri: 'file:///one/bad.txt', name: 'bad.txt', sidecarUri: 'file:///one/bad.txt.annotations.json', problem: 'not JSON', line: 0, character: 0, count: 1 }] },
    );
    // Orphans are kept, so the Orphaned group is there: its children must not be built to find entities.
    const orphans = roots.find((r) => r.nodeType === 'group' && r.group === 'orphaned');
    assert.ok(orphans);
    const nodes = entityNodes(roots);
    assert.equal(typeof Object.getOwnPropertyDescriptor(orphans, 'children')?.get, 'function');
    assert.deepStrictEqual(
      nodes.map((n) => [n.id, n.refs.map((r) => `${r.uri} ${r.entityId}`)]),
      [
        ['entity:person:mira holt', [`${ONE} mira-holt`, `${THREE} mira-holt-2`, `${TWO} mira-holt`, `${ARCH} mira-holt`]],
        ['entity:organization:mira holt', [`${THREE} mira-holt`, 'file:///one/guest.txt mira-holt']],
        ['entity:person:ola berg', ['file:///one/guest.txt ola-berg']],
      ],
    );
    const idOf = (n: TreeNode | undefined) => n?.id;
    assert.deepStrictEqual(
      [
        idOf(entityNodeOf(roots, 'mira-holt', THREE)),
        idOf(entityNodeOf(roots, 'mira-holt', ONE)),
        idOf(entityNodeOf(roots, 'mira-holt')),
        idOf(entityNodeOf(roots, 'mira-holt-2')),
        idOf(entityNodeOf(roots, 'mira-holt-2', ONE)),
        idOf(entityNodeOf(roots, 'ola-berg', 'file:///one/guest.txt')),
      ],
      ['entity:organization:mira holt', 'entity:person:mira holt', 'entity:person:mira holt', 'entity:person:mira holt', 'entity:person:mira holt', 'entity:person:ola berg'],
    );
  });

  it('speakerViewBody: orphaned rows counted and marked, a cue or a mention alone, several rows', () => {
    const { docs } = holtDocs();
    const refs = [ONE, TWO, ARCH].map((uri) => ({ uri, entityId: 'mira-holt' }));
    const model = speakerViewModel({ name: 'Mira Holt', kind: 'person' }, speakerRows(docs, refs));
    const open = (uri: string, id: string, doc: string) => `<button type="button" class="open" data-key="${uri}#${id}" title="Open ${doc} at this quote">`;
    const { ids } = holtDocs();
    assert.equal(
      speakerViewBody(model),
      [
        '<p class="summary" role="status">4 quotes in 3 documents · 3 reviewed · 1 orphaned</p>',
        '<label class="filter">Show <select id="filter"><option value="all">All (4)</option><option value="suggested">Suggested (1)</option><option value="accepted">Accepted (0)</option><option value="manual">Manual (2)</option><option value="rejected">Rejected (1)</option><option value="orphaned">Orphaned (1)</option></select></label>',
        '<ol class="rows">',
        '<li class="row" data-status="manual" data-orphaned="false">',
        open(ARCH, ids.tried, 'arch/old.txt'),
        '<span class="head"><span class="doc">arch/old.txt</span> <span class="status status-manual">manual</span></span>',
        '<span class="context">Holt wrote: <mark>&#34;We tried before.&#34;</mark> </span>',
        '<span class="meta">speaker as: <q>Holt</q></span>',
        '</button></li>',
        '<li class="row" data-status="manual" data-orphaned="false">',
        open(ONE, ids.bridge, 'news.txt'),
        '<span class="head"><span class="doc">news.txt</span> <span class="status status-manual">manual</span></span>',
        '<span class="context">Mira Holt said: <mark>&#34;The bridge opens in June.&#34;</mark> Holt added: &#34;Bring bikes.&#34; A guest said: &#34;Fine.&#34;</span>',
        '<span class="meta">cue: <q>said</q> · speaker as: <q>Mira Holt</q></span>',
        '</button></li>',
        '<li class="row" data-status="rejected" data-orphaned="false">',
        open(ONE, ids.bikes, 'news.txt'),
        '<span class="head"><span class="doc">news.txt</span> <span class="status status-rejected">rejected</span></span>',
        '<span class="context">…said: &#34;The bridge opens in June.&#34; Holt added: <mark>&#34;Bring bikes.&#34;</mark> A guest said: &#34;Fine.&#34;</span>',
        '</button></li>',
        '<li class="row" data-status="suggested" data-orphaned="true">',
        open(TWO, ids.fine, 'news.txt'),
        '<span class="head"><span class="doc">news.txt</span> <span class="status status-suggested">suggested</span><span class="status status-orphaned">orphaned</span></span>',
        '<span class="context">A guest said: <mark>&#34;Fine.&#34;</mark> </span>',
        '</button></li>',
        '</ol>',
      ].join(''),
    );
    const cueOnly = { ...model, rows: [{ ...model.rows[1], mention: null }] };
    assert.match(speakerViewBody(cueOnly), /<span class="meta">cue: <q>said<\/q><\/span><\/button>/);
  });

  it('speakerViewHtml: the page around the body, line by line', () => {
    const model = speakerViewModel({ name: 'Ola <Berg>', kind: 'person' }, []);
    const html = speakerViewHtml(model, 'n1');
    const style = /<style nonce="n1">([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const script = /<script nonce="n1">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    assert.ok(style.includes('.status-orphaned') && script.includes("postMessage({ type: 'ready' })"));
    const csp = "default-src 'none'; style-src 'nonce-n1'; script-src 'nonce-n1'; img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'";
    assert.deepStrictEqual(html.replace(style, 'STYLE').replace(script, 'SCRIPT').split('\n'), [
      '<!DOCTYPE html>',
      '<html lang="en"><head><meta charset="UTF-8">',
      `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
      '<title>Quotes of Ola &#60;Berg&#62;</title>',
      '<style nonce="n1">STYLE</style>',
      '</head><body>',
      '<h1>Quotes of Ola &#60;Berg&#62; <span class="summary">(person)</span></h1>',
      `<main id="body">${speakerViewBody(model)}</main>`,
      '<script nonce="n1">SCRIPT</script>',
      '</body></html>',
    ]);
  });

  it('parseSpeakerViewMessage: only plain objects of the two types', () => {
    const ready = Object.assign(() => undefined, { type: 'ready' });
    table<[unknown], unknown>(
      [
        ['a function, even with a type', [ready], undefined],
        ['another type with a key', [{ type: 'close', key: 'file:///a.txt#q1' }], undefined],
        ['open without a key', [{ type: 'open' }], undefined],
        ['ready with extra fields: just ready', [{ type: 'ready', key: 'x' }], { type: 'ready' }],
      ],
      parseSpeakerViewMessage,
    );
  });
});
