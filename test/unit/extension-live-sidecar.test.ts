// The store's current sidecar while typing (src/extension/model/liveSidecar.ts), against what the
// store did per keystroke before: applyEdits on every annotation and a new document hash.
import { sha256Of } from '../hash';
import * as assert from 'assert';
import { LiveSidecar } from '../../src/extension/model/liveSidecar';
import { applyEdits, type TextEdit } from '../../src/sidecar/anchor';
import { documentInfo } from '../../src/sidecar/store';
import { stringWindow } from '../../src/sidecar/typing';
import type { Sidecar } from '../../src/sidecar/types';
import { at, DOC, sampleSidecar } from './sidecar-fixtures';

function apply(doc: string, edits: readonly TextEdit[]): string {
  return edits.reduce((text, e) => text.slice(0, e.start) + e.newText + text.slice(e.end), doc);
}

/** What the store's change handler made of `s` per event until now. */
function typedBefore(s: Sidecar, doc: string, events: readonly TextEdit[][]): Sidecar {
  let text = doc;
  let out = s;
  for (const edits of events) {
    text = apply(text, edits);
    out = { ...out, document: documentInfo(out.document.path, text, sha256Of(text)), annotations: applyEdits(out.annotations, edits, text) };
  }
  return out;
}

describe('extension model: LiveSidecar', () => {
  const quote = at(DOC, '"We will rebuild the bridge by spring,"');
  // Before the quote, inside it, at both its edges, and a deletion across the figure "4 million euros".
  const events: TextEdit[][] = [
    [{ start: 0, end: 0, newText: 'Update: ' }],
    [{ start: quote.start + 8 + 4, end: quote.start + 8 + 4, newText: ' all' }],
    [{ start: quote.start + 8, end: quote.start + 8, newText: '>' }],
    [{ start: quote.end + 8 + 5, end: quote.end + 8 + 5, newText: '<' }],
  ];

  function typed(live: LiveSidecar, list: readonly TextEdit[][]): string {
    let text = DOC;
    for (const edits of list) {
      const now = apply(text, edits);
      live.type(edits, stringWindow(now), () => now);
      text = now;
    }
    return text;
  }

  it('after typing and settling, equals what applyEdits and a new hash per keystroke gave', () => {
    const s = sampleSidecar();
    const live = new LiveSidecar();
    live.value = s;
    typed(live, events);
    const expected = typedBefore(s, DOC, events);
    // Before settling, only the document (length, hash) is behind.
    assert.deepStrictEqual(live.value, { ...expected, document: s.document });
    assert.deepStrictEqual(live.settle(sha256Of), expected);
    assert.deepStrictEqual(live.value, expected);
  });

  it('keeps one value between reads, and settles only once', () => {
    const live = new LiveSidecar();
    live.value = sampleSidecar();
    assert.strictEqual(live.settle(sha256Of), live.value);
    typed(live, events.slice(0, 1));
    const first = live.value;
    assert.strictEqual(live.value, first);
    const settled = live.settle(sha256Of);
    assert.notStrictEqual(settled, first);
    assert.strictEqual(live.settle(sha256Of), settled);
  });

  it('counts orphans without making the annotations, and keeps following the text when annotations are replaced', () => {
    const s = sampleSidecar();
    const live = new LiveSidecar();
    live.value = s;
    assert.strictEqual(live.hasOrphans, false);
    const figure = at(DOC, '4 million euros');
    const cut: TextEdit[][] = [[{ start: figure.start - 1, end: figure.end, newText: '' }]];
    const text = apply(DOC, cut[0]);
    assert.deepStrictEqual(live.type(cut[0], stringWindow(text), () => text), [s.annotations.find((a) => a.type === 'figure')!.id]);
    assert.strictEqual(live.hasOrphans, true);
    const expected = typedBefore(s, DOC, cut);
    const kept = live.value.annotations.filter((a) => !a.orphaned);
    live.replaceAnnotations(kept);
    assert.strictEqual(live.hasOrphans, false);
    assert.deepStrictEqual(live.settle(sha256Of), { ...expected, annotations: kept });
  });

  it('settles a value set as following a text (an undo step moved through typing)', () => {
    const s = sampleSidecar();
    const live = new LiveSidecar();
    const text = apply(DOC, events[0]);
    live.setFollowing(s, () => text);
    assert.deepStrictEqual(live.settle(sha256Of), { ...s, document: documentInfo(s.document.path, text, sha256Of(text)) });
    live.value = s;
    assert.strictEqual(live.settle(sha256Of), s);
  });
});
