// The extension's save logic without VS Code: the debounce on a fake clock and the temp-then-rename
// write over a fake file system that records every operation.
import assert from 'node:assert/strict';
import { DebouncedTask, type Clock } from '../../src/extension/model/debouncedTask';
import { saveSidecar, type SaveOutcome, type SaveSlot } from '../../src/extension/model/sidecarSave';
import type { SidecarFilePort } from '../../src/sidecar/guardedWrite';
import { parseSidecar } from '../../src/sidecar/schema';
import { serializeSidecar } from '../../src/sidecar/serialize';
import { setStatus } from '../../src/sidecar/store';
import type { Sidecar } from '../../src/sidecar/types';
import { sampleSidecar } from './sidecar-fixtures';

/** Timers that fire only when the test advances the time. */
class FakeClock implements Clock {
  now = 0;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.now + ms, callback, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.now = due.at;
      due.callback();
    }
    this.now = until;
  }
}

/**
 * Files in a map; every operation is logged; `before` hooks run before an operation (e.g. another
 * writer). The lock is logged as taken and released.
 */
class FakeFiles implements SidecarFilePort {
  readonly files = new Map<string, string>();
  readonly log: string[] = [];
  readonly before: Partial<Record<'writeTemp' | 'read' | 'rename' | 'remove', () => void>> = {};
  private temps = 0;

  lock(path: string): Promise<() => Promise<void>> {
    this.log.push(`lock ${path}`);
    return Promise.resolve(() => {
      this.log.push(`unlock ${path}`);
      return Promise.resolve();
    });
  }

  read(path: string): Promise<string | undefined> {
    this.before.read?.();
    this.log.push(`read ${path}`);
    return Promise.resolve(this.files.get(path));
  }

  writeTemp(path: string, content: string): Promise<string> {
    this.before.writeTemp?.();
    const tmp = `${path}.tmp-${++this.temps}`;
    this.log.push(`writeTemp ${tmp}`);
    this.files.set(tmp, content);
    return Promise.resolve(tmp);
  }

  rename(from: string, to: string): Promise<void> {
    this.before.rename?.();
    this.log.push(`rename ${from} ${to}`);
    const content = this.files.get(from);
    if (content === undefined) return Promise.reject(new Error(`no such file: ${from}`));
    this.files.delete(from);
    this.files.set(to, content);
    return Promise.resolve();
  }

  remove(path: string): Promise<void> {
    this.before.remove?.();
    this.log.push(`remove ${path}`);
    this.files.delete(path);
    return Promise.resolve();
  }
}

const PATH = 'file:///ws/article.txt.annotations.json';

/** The operations of one guarded write that renames temp file `n` over the sidecar. */
const writeSequence = (n: number) => [`writeTemp ${PATH}.tmp-${n}`, `lock ${PATH}`, `read ${PATH}`, `rename ${PATH}.tmp-${n} ${PATH}`, `unlock ${PATH}`];

/** A store entry in miniature: the current sidecar, its slot, and a debounced save of it. */
/** sampleSidecar's annotations are manual, so accepted: the tests reject them to change something. */
function savingSetup(initialOnDisk: Sidecar | undefined) {
  const clock = new FakeClock();
  const files = new FakeFiles();
  if (initialOnDisk) files.files.set(PATH, serializeSidecar(initialOnDisk));
  const slot: SaveSlot = { path: PATH, base: files.files.get(PATH) };
  const state = { current: initialOnDisk ?? sampleSidecar(), outcomes: [] as SaveOutcome[] };
  const saves = new DebouncedTask(clock, 300, async () => {
    const outcome = await saveSidecar(files, slot, state.current);
    state.outcomes.push(outcome);
    return outcome;
  });
  return { clock, files, slot, state, saves };
}

describe('extension saving: debounce and temp-then-rename (no VS Code)', () => {
  it('edits within the quiet period are saved once, the last one, through a temp file and a rename', async () => {
    const original = sampleSidecar();
    const { clock, files, slot, state, saves } = savingSetup(original);
    const ids = original.annotations.map((a) => a.id);
    for (const [i, id] of ids.entries()) {
      state.current = setStatus(state.current, [id], i % 2 === 0 ? 'rejected' : 'suggested');
      saves.schedule();
      clock.advance(100);
    }
    clock.advance(299 - 100);
    assert.deepStrictEqual(files.log, [], 'nothing written before the quiet period ends');
    clock.advance(1);
    await saves.flush();
    const expected = serializeSidecar(state.current);
    assert.deepStrictEqual(files.log, writeSequence(1));
    assert.deepStrictEqual([...files.files], [[PATH, expected]]);
    assert.deepStrictEqual(state.outcomes, [{ kind: 'written', content: expected }]);
    assert.strictEqual(slot.base, expected);
  });

  it('flush writes a scheduled save at once; with nothing new it writes nothing', async () => {
    const { files, state, saves } = savingSetup(undefined);
    saves.schedule();
    await saves.flush();
    await saves.flush();
    saves.schedule();
    await saves.flush();
    const expected = serializeSidecar(state.current);
    assert.deepStrictEqual(files.log, writeSequence(1));
    assert.deepStrictEqual(state.outcomes, [{ kind: 'written', content: expected }, { kind: 'unchanged' }]);
  });

  it('a save requested while one is writing starts after it (never two writes at once)', async () => {
    const original = sampleSidecar();
    const { clock, files, state, saves } = savingSetup(original);
    const [first, second] = original.annotations.map((a) => a.id);
    state.current = setStatus(state.current, [first], 'rejected');
    saves.schedule();
    // The second edit lands while the first write is between its temp file and its rename.
    files.before.rename = () => {
      files.before.rename = undefined;
      state.current = setStatus(state.current, [second], 'rejected');
      saves.schedule();
      clock.advance(300);
    };
    clock.advance(300);
    await saves.flush();
    assert.deepStrictEqual(files.log, [...writeSequence(1), ...writeSequence(2)]);
    assert.deepStrictEqual([...files.files], [[PATH, serializeSidecar(state.current)]]);
  });

  it('a file changed by someone else after it was read is merged with the edit, not overwritten', async () => {
    const original = sampleSidecar();
    const { clock, files, slot, state, saves } = savingSetup(original);
    const [first, second] = original.annotations.map((a) => a.id);
    const theirs = setStatus(original, [first], 'rejected');
    state.current = setStatus(original, [second], 'rejected');
    // The other writer's file lands between our temp file and our re-read.
    files.before.read = () => {
      files.before.read = undefined;
      files.files.set(PATH, serializeSidecar(theirs));
    };
    saves.schedule();
    clock.advance(300);
    await saves.flush();
    const merged = serializeSidecar(setStatus(original, [first, second], 'rejected'));
    const parsed = parseSidecar(merged);
    assert.ok(parsed.ok);
    // The merge round stays under the lock taken for the first attempt: no other writer can slip in.
    assert.deepStrictEqual(files.log, [
      `writeTemp ${PATH}.tmp-1`,
      `lock ${PATH}`,
      `read ${PATH}`,
      `remove ${PATH}.tmp-1`,
      `writeTemp ${PATH}.tmp-2`,
      `read ${PATH}`,
      `rename ${PATH}.tmp-2 ${PATH}`,
      `unlock ${PATH}`,
    ]);
    assert.deepStrictEqual([...files.files], [[PATH, merged]]);
    assert.strictEqual(slot.base, merged);
    assert.deepStrictEqual(state.outcomes, [{ kind: 'merged', content: merged, sidecar: parsed.sidecar, conflicts: [] }]);
  });

  it('a file that became invalid after it was read is left alone, and the save reports it', async () => {
    const original = sampleSidecar();
    const { files, slot, state, saves } = savingSetup(original);
    const bad = '{ "version": 1, "annotations": [';
    state.current = setStatus(original, [original.annotations[0].id], 'rejected');
    files.before.read = () => files.files.set(PATH, bad);
    await saves.runNow();
    assert.deepStrictEqual(files.log, [`writeTemp ${PATH}.tmp-1`, `lock ${PATH}`, `read ${PATH}`, `unlock ${PATH}`, `remove ${PATH}.tmp-1`]);
    assert.deepStrictEqual([...files.files], [[PATH, bad]]);
    assert.strictEqual(slot.base, serializeSidecar(original));
    assert.strictEqual(state.outcomes.length, 1);
    const [outcome] = state.outcomes;
    assert.ok(outcome.kind === 'failed' && /^file:\/\/\/ws\/article\.txt\.annotations\.json was changed meanwhile and is not a valid sidecar \(.*\); not overwritten$/.test(outcome.message), JSON.stringify(outcome));
  });

  it('a failed rename leaves the file and no temp file, and reports the failure', async () => {
    const original = sampleSidecar();
    const { files, slot, state, saves } = savingSetup(original);
    const error = new Error('disk full');
    files.before.rename = () => {
      throw error;
    };
    state.current = setStatus(original, [original.annotations[0].id], 'rejected');
    await saves.runNow();
    assert.deepStrictEqual(files.log, [`writeTemp ${PATH}.tmp-1`, `lock ${PATH}`, `read ${PATH}`, `unlock ${PATH}`, `remove ${PATH}.tmp-1`]);
    assert.deepStrictEqual([...files.files], [[PATH, serializeSidecar(original)]]);
    assert.strictEqual(slot.base, serializeSidecar(original));
    assert.deepStrictEqual(state.outcomes, [{ kind: 'failed', message: `${PATH}: cannot write: ${error.message}` }]);
  });
});
