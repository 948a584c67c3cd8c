/**
 * Per-keystroke cost of keeping annotations on their text while a 1 MB article is typed in
 * (issue 12: median ≤ 2 ms, 95th percentile ≤ 16 ms), before and after, side by side.
 *
 * The article is the bundled samples repeated to `--mb` MB, its sidecar built from its analysis
 * (suggestions, some accepted), with `--undo` undo snapshots on the stack. `--keystrokes`
 * single-character edits spread over the document (mostly typed characters, every fifth a
 * backspace) are applied to a line buffer like the editor's, and for each the handler's work is
 * timed:
 * - before: what the store did per change event until now (`beforeKeystroke` below, kept as the
 *   reference): the whole text read out of the buffer, the document hashed (`documentInfo`), every
 *   annotation's text, prefix and suffix rebuilt (`applyEdits`), and every undo snapshot's too;
 * - after: the store's handler now (`LiveSidecar.type`): offsets moved in `LiveAnnotations`, the
 *   buffer read around the annotations the edit reaches, the event noted on the undo stack. The
 *   annotation objects are made when read, once per pause in typing (timed too: "read after a
 *   pause", here after every 10th keystroke), and the hash waits for the save ("settle").
 * Both runs start from the same sidecar and apply the same edits; their annotations are checked to
 * be the same at the end. A benchmark, not a test: it prints figures and never fails on time.
 * Usage: npm run bench:typing [-- --mb 1 --keystrokes 500 --undo 3]
 */
import { readFile, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { analyze } from '../src/core';
import { applyEdits, buildSidecar, documentInfo, type TextEdit, type TextWindow } from '../src/sidecar';
import type { Sidecar } from '../src/sidecar/types';
import { LiveSidecar } from '../src/extension/model/liveSidecar';
import { UndoStack } from '../src/extension/model/undoStack';
import { sha256Hex } from '../src/platform/node';
import { numberOption } from './options';

/** A text kept as lines, as the editor keeps it: edits splice one line; reading joins only the lines asked for. */
class LineBuffer implements TextWindow {
  private lines: string[];
  /** Offset of each line's first code unit. */
  private starts: number[] = [];
  length = 0;

  constructor(text: string) {
    this.lines = text.split(/(?<=\n)/);
    this.recount(0);
  }

  /** The whole text (what `document.getText()` returns: a join of every line). */
  text(): string {
    return this.lines.join('');
  }

  slice(start: number, end: number): string {
    const first = this.lineAt(start);
    const last = this.lineAt(end);
    return this.lines.slice(first, last + 1).join('').slice(start - this.starts[first], end - this.starts[first]);
  }

  /** Applies an edit inside one line (the benchmark's edits never add or remove a line break). */
  apply(edit: TextEdit): void {
    const i = this.lineAt(edit.start);
    const line = this.lines[i];
    const at = edit.start - this.starts[i];
    this.lines[i] = line.slice(0, at) + edit.newText + line.slice(at + edit.end - edit.start);
    this.recount(i);
  }

  /** A character at `offset` that is not a line break (and not half of a surrogate pair). */
  plainCharAt(offset: number): boolean {
    const line = this.lines[this.lineAt(offset)];
    const c = line.charCodeAt(offset - this.starts[this.lineAt(offset)]);
    return c !== 10 && c !== 13 && (c < 0xd800 || c > 0xdfff);
  }

  private lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Line starts from line `from` on (what the editor's prefix sums redo after an edit). */
  private recount(from: number): void {
    let offset = from === 0 ? 0 : this.starts[from];
    for (let i = from; i < this.lines.length; i++) {
      this.starts[i] = offset;
      offset += this.lines[i].length;
    }
    this.length = offset;
  }
}

/** The store's per-keystroke work until now: the reference the new path is measured against. */
function beforeKeystroke(state: { sidecar: Sidecar; undo: Sidecar[] }, edits: TextEdit[], buffer: LineBuffer): void {
  const text = buffer.text();
  const info = documentInfo(state.sidecar.document.path, text, sha256Hex(text));
  const shift = (s: Sidecar): Sidecar => ({ ...s, document: { ...info, path: s.document.path }, annotations: applyEdits(s.annotations, edits, text) });
  const wasOrphaned = new Set(state.sidecar.annotations.filter((a) => a.orphaned).map((a) => a.id));
  state.sidecar = shift(state.sidecar);
  if (state.sidecar.annotations.some((a) => a.orphaned && !wasOrphaned.has(a.id))) throw new Error('the benchmark deletes no whole annotation');
  state.undo = state.undo.map(shift);
}

/** The store's per-keystroke work now. */
function afterKeystroke(state: { live: LiveSidecar; undo: UndoStack<Sidecar, TextEdit[]> }, edits: TextEdit[], buffer: LineBuffer): void {
  const orphaned = state.live.type(edits, buffer, () => buffer.text());
  if (orphaned.length > 0) throw new Error('the benchmark deletes no whole annotation');
  state.undo.record(edits);
  // The store then looks for older orphans after a pause, when there are any.
  if (state.live.hasOrphans) throw new Error('the benchmark article has no orphans');
}

/** Single-character edits spread over the document: typed letters, every fifth a backspace. */
function keystrokes(count: number, buffer: LineBuffer): (k: number) => TextEdit {
  return (k) => {
    const stride = Math.floor(buffer.length / count);
    let at = Math.min(buffer.length - 1, k * stride + ((k * 7919) % Math.max(1, stride)));
    if (k % 5 === 4) {
      while (at > 0 && !buffer.plainCharAt(at - 1)) at--;
      return { start: at - 1, end: at, newText: '' };
    }
    while (at > 0 && !buffer.plainCharAt(at)) at--;
    return { start: at, end: at, newText: 'e' };
  };
}

interface Summary {
  min: number;
  median: number;
  p95: number;
  max: number;
  total: number;
}

function summary(ms: number[]): Summary {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(s.length * q))];
  return { min: s[0], median: at(0.5), p95: at(0.95), max: s[s.length - 1], total: ms.reduce((x, y) => x + y, 0) };
}

/** Milliseconds `fn` takes. */
function timed(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Applies the keystrokes to a buffer of `text`, timing `step` for each and, after every
 * `PAUSE_EVERY`th, `pause` (what readers do once typing stops for a moment); the times and the final text.
 */
function run(count: number, text: string, step: (edits: TextEdit[], buffer: LineBuffer) => void, pause?: () => void): { times: number[]; pauses: number[]; text: string } {
  const buffer = new LineBuffer(text);
  const next = keystrokes(count, buffer);
  const times: number[] = [];
  const pauses: number[] = [];
  for (let k = 0; k < count; k++) {
    const edit = next(k);
    buffer.apply(edit);
    times.push(timed(() => step([edit], buffer)));
    if (pause && k % PAUSE_EVERY === PAUSE_EVERY - 1) pauses.push(timed(pause));
  }
  return { times, pauses, text: buffer.text() };
}

const PAUSE_EVERY = 10;

async function article(mb: number): Promise<string> {
  const dir = path.resolve(__dirname, '..', '..', 'samples');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
  const parts: string[] = [];
  for (let length = 0, i = 0; length < mb * 1e6; i++) {
    parts.push(texts[i % texts.length]);
    length += texts[i % texts.length].length + 2;
  }
  return parts.join('\n\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const num = (name: string, def: number): number => numberOption(args, name, def);
  const mb = num('--mb', 1);
  const count = num('--keystrokes', 500);
  const depth = num('--undo', 3);

  const text = await article(mb);
  const built = buildSidecar('article.txt', text, sha256Hex(text), analyze(text));
  // Some of the suggestions reviewed, as in an article being worked on.
  const sidecar: Sidecar = { ...built, annotations: built.annotations.map((a, i) => (i % 3 === 0 ? { ...a, status: 'accepted' as const } : a)) };
  const snapshots = Array.from({ length: depth }, (_, i) => ({ ...sidecar, annotations: sidecar.annotations.slice(i) }));
  console.log(`Article: ${(text.length / 1e6).toFixed(2)} M code units, ${sidecar.annotations.length} annotations, ${depth} undo snapshots; ${count} single-character edits (every fifth a backspace).`);

  const before = { sidecar, undo: snapshots };
  const { times: beforeMs } = run(count, text, (edits, buffer) => beforeKeystroke(before, edits, buffer));

  const undo = new UndoStack<Sidecar, TextEdit[]>();
  for (const s of snapshots) undo.push(s);
  const live = new LiveSidecar();
  live.value = sidecar;
  const after = { live, undo };
  const { times: afterMs, pauses: readMs } = run(
    count,
    text,
    (edits, buffer) => afterKeystroke(after, edits, buffer),
    () => void live.value,
  );
  const settleMs = timed(() => void live.settle(sha256Hex));
  const same = isDeepStrictEqual(live.value, before.sidecar);

  const f = (x: number): string => x.toFixed(3).padStart(9);
  const row = (name: string, ms: number[]): void => {
    const s = summary(ms);
    console.log(`${name.padEnd(46)}${f(s.min)}${f(s.median)}${f(s.p95)}${f(s.max)}${s.total.toFixed(1).padStart(11)}`);
  };
  console.log(`${'ms'.padEnd(46)}${'min'.padStart(9)}${'median'.padStart(9)}${'p95'.padStart(9)}${'max'.padStart(9)}${'total'.padStart(11)}`);
  row('before: per keystroke (hash, applyEdits, undo)', beforeMs);
  row('after: per keystroke (LiveSidecar.type)', afterMs);
  row(`after: read after a pause (every ${PAUSE_EVERY} keys)`, readMs);
  row('after: settle before saving (document hash)', [settleMs]);
  const b = summary(beforeMs);
  const a = summary(afterMs);
  console.log(`per keystroke, before/after: median ${(b.median / a.median).toFixed(0)}×, p95 ${(b.p95 / a.p95).toFixed(0)}×`);
  console.log(`target (issue 12): median ≤ 2 ms ${a.median <= 2 ? 'met' : 'NOT met'}, p95 ≤ 16 ms ${a.p95 <= 16 ? 'met' : 'NOT met'}`);
  console.log(`after settling, sidecar equal to the before path's (deepStrictEqual): ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
