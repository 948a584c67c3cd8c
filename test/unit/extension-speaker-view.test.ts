// The "Quotes of <Name>" view model: rows across documents (status, context, cue, mention), the
// entity looked up from the tree, and the page HTML — hostile sidecar text must stay plain text.
import { sha256Of } from '../hash';
import assert from 'node:assert/strict';
import {
  entityNodeOf,
  escapeHtml,
  parseSpeakerViewMessage,
  speakerRows,
  speakerViewBody,
  speakerViewHtml,
  speakerViewModel,
  type SpeakerRow,
  type SpeakerViewDoc,
} from '../../src/extension/model/speakerView';
import { buildTree } from '../../src/extension/model/treeModel';
import { addAnnotation, addEntity, emptySidecar } from '../../src/sidecar';
import type { Annotation, QuoteAnnotation, Sidecar } from '../../src/sidecar/types';
import { span } from './extension-fixtures';

const HARBOUR = 'The council met on Monday.\n\nHarbour master Rosa Lind said: "The ferry will run every hour from May." She added: "Nobody should wait in the rain." The vote passed.\n';
const DOCK = '"We were never asked," Lind told the meeting on the quay at dawn yesterday. Later she said "We will appeal." The Council replied: "No."\n';
const HARBOUR_URI = 'file:///ws/news/harbour.txt';
const DOCK_URI = 'file:///ws/a-dock.txt';

function must<T>(r: T | { error: string }): T {
  if (typeof r === 'object' && r !== null && 'error' in r) throw new Error(r.error);
  return r;
}

function quote(s: Sidecar, text: string, needle: string, speaker: string, extra: { cue?: string; mention?: string; from?: number } = {}): { sidecar: Sidecar; id: string } {
  const r = must(
    addAnnotation(s, text, {
      type: 'quote',
      ...span(text, needle, extra.from),
      speaker,
      cue: extra.cue ? span(text, extra.cue) : null,
      speakerMention: extra.mention ? span(text, extra.mention, extra.from) : null,
    }),
  );
  return { sidecar: r.sidecar, id: r.annotation.id };
}

/** Replaces one annotation (status, origin, orphaning: what analysis and re-anchoring produce). */
function patch(s: Sidecar, id: string, change: Partial<QuoteAnnotation>): Sidecar {
  return { ...s, annotations: s.annotations.map((a): Annotation => (a.id === id && a.type === 'quote' ? { ...a, ...change } : a)) };
}

interface Fixture {
  docs: SpeakerViewDoc[];
  ids: { ferry: string; rain: string; asked: string; appeal: string; stay: string; council: string };
}

/**
 * Rosa Lind quoted in two documents: in harbour.txt an accepted and a suggested quote found
 * automatically; in a-dock.txt a manual quote, a rejected one and an orphaned one, beside a quote
 * of the Council (not hers).
 */
function fixture(): Fixture {
  const lindA = addEntity(emptySidecar('harbour.txt', HARBOUR, sha256Of(HARBOUR)), 'Rosa Lind', 'person');
  const ferry = quote(lindA.sidecar, HARBOUR, '"The ferry will run every hour from May."', lindA.entity.id, { cue: 'said', mention: 'Rosa Lind' });
  const rain = quote(ferry.sidecar, HARBOUR, '"Nobody should wait in the rain."', lindA.entity.id, { cue: 'added', mention: 'She' });
  let harbour = patch(rain.sidecar, ferry.id, { origin: 'auto' });
  harbour = patch(harbour, rain.id, { origin: 'auto', status: 'suggested' });

  // Spelled in lower case here: the tree matches entities by kind and name, ignoring case.
  const lindB = addEntity(emptySidecar('a-dock.txt', DOCK, sha256Of(DOCK)), 'rosa lind', 'person');
  const council = addEntity(lindB.sidecar, 'The Council', 'organization');
  const asked = quote(council.sidecar, DOCK, '"We were never asked,"', lindB.entity.id, { cue: 'told', mention: 'Lind' });
  const appeal = quote(asked.sidecar, DOCK, '"We will appeal."', lindB.entity.id);
  const stay = quote(appeal.sidecar, DOCK, 'the meeting', lindB.entity.id);
  const no = quote(stay.sidecar, DOCK, '"No."', council.entity.id);
  let dock = patch(no.sidecar, appeal.id, { origin: 'auto', status: 'rejected' });
  dock = patch(dock, stay.id, {
    origin: 'auto',
    status: 'suggested',
    orphaned: true,
    text: '"We stay."',
    prefix: 'Earlier that week Lind had said to the whole crowd: ',
    suffix: ' before walking out.',
  });
  return {
    docs: [
      { uri: HARBOUR_URI, path: 'news/harbour.txt', sidecar: harbour, text: HARBOUR },
      { uri: DOCK_URI, path: 'a-dock.txt', sidecar: dock, text: DOCK },
    ],
    ids: { ferry: ferry.id, rain: rain.id, asked: asked.id, appeal: appeal.id, stay: stay.id, council: no.id },
  };
}

function treeOf(docs: readonly SpeakerViewDoc[]) {
  return buildTree(docs.map((d) => ({ uri: d.uri, name: d.path, sidecar: d.sidecar })));
}

describe('extension model: Quotes of Speaker rows', () => {
  it('lists the entity\'s quotes in every document, by document then position, with status and context', () => {
    const { docs, ids } = fixture();
    const node = entityNodeOf(treeOf(docs), 'rosa-lind', HARBOUR_URI);
    assert.ok(node);
    assert.deepEqual(node.refs, [
      { uri: HARBOUR_URI, entityId: 'rosa-lind' },
      { uri: DOCK_URI, entityId: 'rosa-lind' },
    ]);
    const dock = span(DOCK, '"We were never asked,"');
    const appeal = span(DOCK, '"We will appeal."');
    const stay = span(DOCK, 'the meeting');
    const ferry = span(HARBOUR, '"The ferry will run every hour from May."');
    const rain = span(HARBOUR, '"Nobody should wait in the rain."');
    const expected: SpeakerRow[] = [
      {
        key: `${DOCK_URI}#${ids.asked}`,
        uri: DOCK_URI,
        document: 'a-dock.txt',
        annotationId: ids.asked,
        status: 'manual',
        orphaned: false,
        text: '"We were never asked,"',
        context: { before: '', quote: '"We were never asked,"', after: 'Lind told the meeting on the quay at…' },
        cue: 'told',
        mention: 'Lind',
        ...dock,
      },
      {
        key: `${DOCK_URI}#${ids.stay}`,
        uri: DOCK_URI,
        document: 'a-dock.txt',
        annotationId: ids.stay,
        status: 'suggested',
        orphaned: true,
        text: '"We stay."',
        context: { before: '…week Lind had said to the whole crowd:', quote: '"We stay."', after: 'before walking out.' },
        cue: null,
        mention: null,
        ...stay,
      },
      {
        key: `${DOCK_URI}#${ids.appeal}`,
        uri: DOCK_URI,
        document: 'a-dock.txt',
        annotationId: ids.appeal,
        status: 'rejected',
        orphaned: false,
        text: '"We will appeal."',
        context: { before: '…the quay at dawn yesterday. Later she said', quote: '"We will appeal."', after: 'The Council replied: "No."' },
        cue: null,
        mention: null,
        ...appeal,
      },
      {
        key: `${HARBOUR_URI}#${ids.ferry}`,
        uri: HARBOUR_URI,
        document: 'news/harbour.txt',
        annotationId: ids.ferry,
        status: 'accepted',
        orphaned: false,
        text: '"The ferry will run every hour from May."',
        // The blank line ends the context: the paragraph before is another thought.
        context: { before: 'Harbour master Rosa Lind said:', quote: '"The ferry will run every hour from May."', after: 'She added: "Nobody should wait in the rain."…' },
        cue: 'said',
        mention: 'Rosa Lind',
        ...ferry,
      },
      {
        key: `${HARBOUR_URI}#${ids.rain}`,
        uri: HARBOUR_URI,
        document: 'news/harbour.txt',
        annotationId: ids.rain,
        status: 'suggested',
        orphaned: false,
        text: '"Nobody should wait in the rain."',
        context: { before: '…will run every hour from May." She added:', quote: '"Nobody should wait in the rain."', after: 'The vote passed.' },
        cue: 'added',
        mention: 'She',
        ...rain,
      },
    ];
    assert.deepEqual(speakerRows(docs, node.refs), expected);
    assert.deepEqual(speakerViewModel(node, speakerRows(docs, node.refs)).summary, { quotes: 5, documents: 2, reviewed: 3, orphaned: 1 });
  });

  it('uses the stored context when the document cannot be read or no longer matches', () => {
    const { docs, ids } = fixture();
    const node = entityNodeOf(treeOf(docs), 'rosa-lind');
    assert.ok(node);
    const unreadable = docs.map((d) => (d.uri === HARBOUR_URI ? { ...d, text: undefined } : d));
    const ferry = speakerRows(unreadable, node.refs).find((r) => r.annotationId === ids.ferry);
    assert.deepEqual([ferry?.context, ferry?.cue, ferry?.mention], [
      // 32 characters each side: the prefix starts at a line break, the suffix ends after a space.
      { before: '…Harbour master Rosa Lind said:', quote: '"The ferry will run every hour from May."', after: 'She added: "Nobody should wait…' },
      null,
      null,
    ]);
  });

  it('finds the tree entity of a hover\'s id, preferring the hovered document', () => {
    const { docs } = fixture();
    const roots = treeOf(docs);
    assert.equal(entityNodeOf(roots, 'council', DOCK_URI)?.name, 'The Council');
    assert.equal(entityNodeOf(roots, 'rosa-lind', DOCK_URI)?.id, entityNodeOf(roots, 'rosa-lind', HARBOUR_URI)?.id);
    assert.equal(entityNodeOf(roots, 'nobody'), undefined);
  });
});

describe('extension model: Quotes of Speaker page', () => {
  const HOSTILE_NAME = '<script>alert(1)</script> [Run](command:workbench.action.terminal.new) **bold**';
  const HOSTILE_TEXT = 'Then: "<img src=x onerror=alert(1)> [go](command:evil.run) `x` & \'y\'" said the man.\n';

  function hostileModel() {
    const e = addEntity(emptySidecar('evil.txt', HOSTILE_TEXT, sha256Of(HOSTILE_TEXT)), HOSTILE_NAME, 'person');
    const q = quote(e.sidecar, HOSTILE_TEXT, '"<img src=x onerror=alert(1)> [go](command:evil.run) `x` & \'y\'"', e.entity.id, { cue: 'said', mention: 'the man' });
    const docs: SpeakerViewDoc[] = [{ uri: 'file:///ws/%22evil%22.txt', path: '"><b>evil</b>.txt', sidecar: q.sidecar, text: HOSTILE_TEXT }];
    const node = entityNodeOf(treeOf(docs), e.entity.id);
    assert.ok(node);
    return { model: speakerViewModel(node, speakerRows(docs, node.refs)), id: q.id };
  }

  it('escapes names, paths, quotes and context: the body is exactly this', () => {
    const { model, id } = hostileModel();
    const key = `file:///ws/%22evil%22.txt#${id}`;
    assert.equal(
      speakerViewBody(model),
      [
        '<p class="summary" role="status">1 quote in 1 document · 1 reviewed</p>',
        '<label class="filter">Show <select id="filter"><option value="all">All (1)</option><option value="suggested">Suggested (0)</option><option value="accepted">Accepted (0)</option><option value="manual">Manual (1)</option><option value="rejected">Rejected (0)</option><option value="orphaned">Orphaned (0)</option></select></label>',
        '<ol class="rows"><li class="row" data-status="manual" data-orphaned="false">',
        `<button type="button" class="open" data-key="${key}" title="Open &#34;&#62;&#60;b&#62;evil&#60;/b&#62;.txt at this quote">`,
        '<span class="head"><span class="doc">&#34;&#62;&#60;b&#62;evil&#60;/b&#62;.txt</span> <span class="status status-manual">manual</span></span>',
        '<span class="context">Then: <mark>&#34;&#60;img src=x onerror=alert(1)&#62; [go](command:evil.run) &#96;x&#96; &#38; &#39;y&#39;&#34;</mark> said the man.</span>',
        '<span class="meta">cue: <q>said</q> · speaker as: <q>the man</q></span>',
        '</button></li></ol>',
      ].join(''),
    );
  });

  it('the page runs only its nonce\'d script and style, loads nothing, and shows the name as text', () => {
    const { model } = hostileModel();
    const html = speakerViewHtml(model, 'N0nce');
    assert.deepEqual(html.match(/<(script|style|img|a|iframe|link|object)\b[^>]*>/gi), ['<style nonce="N0nce">', '<script nonce="N0nce">']);
    assert.deepEqual(html.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/g), [
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-N0nce'; script-src 'nonce-N0nce'; img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'">`,
    ]);
    const title = `Quotes of ${escapeHtml(HOSTILE_NAME)}`;
    assert.deepEqual(html.match(/<title>.*<\/title>/g), [`<title>${title}</title>`]);
    assert.equal(title, 'Quotes of &#60;script&#62;alert(1)&#60;/script&#62; [Run](command:workbench.action.terminal.new) **bold**');
  });

  it('an entity without quotes gets a plain sentence, escaped', () => {
    const model = speakerViewModel({ name: '<b>Nobody</b>', kind: 'person' }, []);
    assert.equal(speakerViewBody(model), '<p class="summary" role="status">0 quotes in 0 documents · 0 reviewed</p><p class="empty">No quotes of &#60;b&#62;Nobody&#60;/b&#62; in the workspace.</p>');
  });

  it('accepts only well-formed messages from the page', () => {
    assert.deepEqual(
      [{ type: 'open', key: 'file:///a.txt#q1' }, { type: 'ready' }, { type: 'open', key: 3 }, { type: 'run', command: 'x' }, 'open', null].map(parseSpeakerViewMessage),
      [{ type: 'open', key: 'file:///a.txt#q1' }, { type: 'ready' }, undefined, undefined, undefined, undefined],
    );
  });
});
