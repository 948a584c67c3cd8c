/**
 * LiveSidecar step by step: after each call, what a reader sees — loaded, orphans, the value (whole)
 * — and what `settle` gives. Covers the edges the typing comparison in extension-live-sidecar.test.ts
 * does not reach: nothing loaded, orphans that came with the sidecar, events without edits, and a
 * new value set in the middle of typing.
 */
import assert from 'node:assert/strict';
import { LiveSidecar } from '../../src/extension/model/liveSidecar';
import { applyEdits, type TextEdit } from '../../src/sidecar/anchor';
import { documentInfo } from '../../src/sidecar/store';
import { stringWindow } from '../../src/sidecar/typing';
import type { Sidecar } from '../../src/sidecar/types';
import { sha256Of } from '../hash';
import { DOC, sampleSidecar } from './sidecar-fixtures';

interface Seen {
  loaded: boolean;
  hasOrphans: boolean;
  value: Sidecar | undefined;
}

const seen = (live: LiveSidecar): Seen => ({ loaded: live.loaded, hasOrphans: live.hasOrphans, value: live.value });

/** Types one event whose text after it is `after`; returns the ids it orphaned. */
function type(live: LiveSidecar, edits: TextEdit[], after: string): string[] {
  return live.type(edits, stringWindow(after), () => after);
}

const PREFIX: TextEdit[] = [{ start: 0, end: 0, newText: 'Update: ' }];
const PREFIXED = `Update: ${DOC}`;

/** The sample with its figure orphaned (as a reader found it after the figure's text was deleted). */
function withOrphan(): Sidecar {
  const s = sampleSidecar();
  return { ...s, annotations: s.annotations.map((a) => (a.type === 'figure' ? { ...a, orphaned: true } : a)) };
}

/** `s` after the PREFIX event, document settled. */
function prefixed(s: Sidecar): Sidecar {
  return { ...s, document: documentInfo(s.document.path, PREFIXED, sha256Of(PREFIXED)), annotations: applyEdits(s.annotations, PREFIX, PREFIXED) };
}

describe('extension model: LiveSidecar states', () => {
  it('with nothing loaded, typing, replacing and settling change nothing', () => {
    const live = new LiveSidecar();
    assert.deepStrictEqual(seen(live), { loaded: false, hasOrphans: false, value: undefined });
    assert.deepStrictEqual(type(live, PREFIX, PREFIXED), []);
    live.replaceAnnotations(sampleSidecar().annotations);
    assert.deepStrictEqual(seen(live), { loaded: false, hasOrphans: false, value: undefined });
    assert.equal(live.settle(sha256Of), undefined);
  });

  it('orphans that came with the sidecar count before and after typing that orphans nothing', () => {
    const s = withOrphan();
    const live = new LiveSidecar();
    live.value = s;
    assert.deepStrictEqual(seen(live), { loaded: true, hasOrphans: true, value: s });
    assert.deepStrictEqual(type(live, PREFIX, PREFIXED), []);
    const moved = prefixed(s);
    assert.deepStrictEqual(seen(live), { loaded: true, hasOrphans: true, value: { ...moved, document: s.document } });
    assert.deepStrictEqual(live.settle(sha256Of), moved);
  });

  it('typing that orphans nothing leaves no orphans', () => {
    const s = sampleSidecar();
    const live = new LiveSidecar();
    live.value = s;
    assert.deepStrictEqual(type(live, PREFIX, PREFIXED), []);
    const moved = prefixed(s);
    assert.deepStrictEqual(seen(live), { loaded: true, hasOrphans: false, value: { ...moved, document: s.document } });
  });

  it('an event without edits keeps the very same value; settling still brings the document up to date', () => {
    const s = sampleSidecar();
    const live = new LiveSidecar();
    live.value = s;
    assert.deepStrictEqual(type(live, [], DOC), []);
    assert.strictEqual(live.value, s);
    // The text did not change, so the settled document is the one the sidecar had.
    assert.deepStrictEqual(live.settle(sha256Of), s);
  });

  it('a value set while typing replaces the typed one and follows no text', () => {
    const live = new LiveSidecar();
    live.value = sampleSidecar();
    type(live, PREFIX, PREFIXED);
    const other = withOrphan();
    live.value = other;
    assert.deepStrictEqual(seen(live), { loaded: true, hasOrphans: true, value: other });
    assert.strictEqual(live.value, other);
    assert.strictEqual(live.settle(sha256Of), other);
    live.value = undefined;
    assert.deepStrictEqual(seen(live), { loaded: false, hasOrphans: false, value: undefined });
  });

  it('annotations replaced without typing: the value has them and settling hashes nothing', () => {
    const s = sampleSidecar();
    const live = new LiveSidecar();
    live.value = s;
    const kept = s.annotations.slice(1);
    live.replaceAnnotations(kept);
    const expected = { ...s, annotations: kept };
    assert.deepStrictEqual(seen(live), { loaded: true, hasOrphans: false, value: expected });
    let hashed = 0;
    const settled = live.settle((text) => {
      hashed++;
      return sha256Of(text);
    });
    assert.deepStrictEqual([settled, hashed], [expected, 0]);
  });
});
