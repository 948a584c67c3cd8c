import assert from 'node:assert/strict';
import { acquireLock, isLockStale, parseLockInfo, formatLockInfo, writeSidecarGuarded, type LockFileOps, type SidecarFilePort, LOCK_STALE_MS } from '../../src/sidecar/guardedWrite';
import { mergeSidecars } from '../../src/sidecar/merge';
import { orderedSidecar, serializeSidecar } from '../../src/sidecar/serialize';
import { addAnnotation, removeAnnotation, setStatus } from '../../src/sidecar/store';
import type { Sidecar } from '../../src/sidecar/types';
import { at, DOC, sampleSidecar, unwrap } from './sidecar-fixtures';

type Step = 'writeTemp' | 'lock' | 'read' | 'rename' | 'remove' | 'unlock';

/**
 * An in-memory file system that records every operation, can run a "concurrent writer" just before
 * a chosen step (once per queued action), and can make a step fail.
 */
class FakePort implements SidecarFilePort {
  readonly files = new Map<string, string>();
  readonly ops: string[] = [];
  private readonly before = new Map<Step, (() => void)[]>();
  private temps = 0;
  failing: Step | undefined;
  lockAvailable = true;
  lock?: SidecarFilePort['lock'];

  constructor(withLock: boolean) {
    if (withLock) {
      this.lock = async () => {
        await this.step('lock', 'lock');
        if (!this.lockAvailable) return undefined;
        return () => this.step('unlock', 'unlock');
      };
    }
  }

  /** Runs `action` just before the next `step` (actions queue up per step). */
  beforeNext(step: Step, action: () => void): void {
    this.before.set(step, [...(this.before.get(step) ?? []), action]);
  }

  private step(step: Step, record: string): Promise<void> {
    this.before.get(step)?.shift()?.();
    this.ops.push(record);
    if (this.failing === step) return Promise.reject(new Error(`${step} failed: disk full\nsecond line`));
    return Promise.resolve();
  }

  async read(path: string): Promise<string | undefined> {
    await this.step('read', `read ${path}`);
    return this.files.get(path);
  }
  async writeTemp(path: string, content: string): Promise<string> {
    const temp = `${path}.tmp${++this.temps}`;
    await this.step('writeTemp', `writeTemp ${temp}`);
    this.files.set(temp, content);
    return temp;
  }
  async rename(from: string, to: string): Promise<void> {
    await this.step('rename', `rename ${from} ${to}`);
    this.files.set(to, this.files.get(from)!);
    this.files.delete(from);
  }
  async remove(path: string): Promise<void> {
    await this.step('remove', `remove ${path}`);
    this.files.delete(path);
  }
}

const P = 'a.txt.annotations.json';
const BASE: Sidecar = (() => {
  const s = sampleSidecar();
  return { ...s, annotations: s.annotations.map((a) => ({ ...a, status: 'suggested' as const, origin: 'auto' as const })) };
})();
const BASE_TEXT = serializeSidecar(BASE);
const [QUOTE, MENTION, FIGURE] = ['quote', 'speaker', 'figure'].map((t) => BASE.annotations.find((a) => a.type === t)!.id);
/** What the CLI wants to write: a re-analysis that dropped the figure suggestion and found 'Monday'. */
const MINE: Sidecar = (() => {
  const s = unwrap(addAnnotation(removeAnnotation(BASE, FIGURE), DOC, { type: 'figure', ...at(DOC, 'Monday'), kind: 'date', unit: null }, { id: 'f-monday' })).sidecar;
  return { ...s, annotations: s.annotations.map((a) => ({ ...a, status: 'suggested' as const, origin: 'auto' as const })) };
})();
const MINE_TEXT = serializeSidecar(MINE);

function files(port: FakePort): Record<string, string> {
  return Object.fromEntries([...port.files].sort());
}

describe('writeSidecarGuarded', () => {
  it('unchanged file: temp, lock, re-read, rename, unlock — and nothing else', async () => {
    const port = new FakePort(true);
    port.files.set(P, BASE_TEXT);
    const r = await writeSidecarGuarded(port, P, BASE_TEXT, MINE);
    assert.deepStrictEqual(r, { ok: true, written: MINE_TEXT, sidecar: MINE, merged: false, conflicts: [] });
    assert.deepStrictEqual(port.ops, [`writeTemp ${P}.tmp1`, 'lock', `read ${P}`, `rename ${P}.tmp1 ${P}`, 'unlock']);
    assert.deepStrictEqual(files(port), { [P]: MINE_TEXT });
  });

  it('no file before and none now: written (a port without a lock)', async () => {
    const port = new FakePort(false);
    const r = await writeSidecarGuarded(port, P, undefined, MINE);
    assert.deepStrictEqual(r, { ok: true, written: MINE_TEXT, sidecar: MINE, merged: false, conflicts: [] });
    assert.deepStrictEqual(port.ops, [`writeTemp ${P}.tmp1`, `read ${P}`, `rename ${P}.tmp1 ${P}`]);
  });

  // A concurrent accept of the figure, injected before each step of the first round in turn.
  for (const step of ['writeTemp', 'lock', 'read'] as const) {
    it(`an accept written meanwhile (before ${step}) is merged in under the lock, not overwritten`, async () => {
      const port = new FakePort(true);
      port.files.set(P, BASE_TEXT);
      const theirs = setStatus(BASE, [FIGURE], 'accepted');
      port.beforeNext(step, () => port.files.set(P, serializeSidecar(theirs)));
      const r = await writeSidecarGuarded(port, P, BASE_TEXT, MINE);
      const mergedSidecar = mergeSidecars(BASE, MINE, theirs).sidecar;
      const merged = serializeSidecar(mergedSidecar);
      assert.deepStrictEqual(r, { ok: true, written: merged, sidecar: mergedSidecar, merged: true, conflicts: [] });
      assert.deepStrictEqual(files(port), { [P]: merged });
      assert.deepStrictEqual(port.ops, [
        `writeTemp ${P}.tmp1`, 'lock', `read ${P}`, `remove ${P}.tmp1`,
        `writeTemp ${P}.tmp2`, `read ${P}`, `rename ${P}.tmp2 ${P}`, 'unlock',
      ]);
    });
  }

  it('a second change during the merge round is merged too', async () => {
    const port = new FakePort(false);
    port.files.set(P, BASE_TEXT);
    const first = setStatus(BASE, [FIGURE], 'accepted');
    const second = setStatus(first, [QUOTE], 'rejected');
    port.beforeNext('read', () => port.files.set(P, serializeSidecar(first)));
    port.beforeNext('read', () => port.files.set(P, serializeSidecar(second)));
    const r = await writeSidecarGuarded(port, P, BASE_TEXT, MINE);
    const once = mergeSidecars(BASE, MINE, first).sidecar;
    const twiceSidecar = mergeSidecars(first, once, second).sidecar;
    const twice = serializeSidecar(twiceSidecar);
    assert.deepStrictEqual(r, { ok: true, written: twice, sidecar: twiceSidecar, merged: true, conflicts: [] });
    assert.deepStrictEqual(files(port), { [P]: twice });
  });

  it('a merge that adds nothing to the file on disk writes nothing', async () => {
    const port = new FakePort(false);
    port.files.set(P, BASE_TEXT);
    const theirs = setStatus(MINE, [MENTION], 'accepted');
    port.beforeNext('read', () => port.files.set(P, serializeSidecar(theirs)));
    const r = await writeSidecarGuarded(port, P, BASE_TEXT, MINE);
    assert.deepStrictEqual(r, { ok: true, written: serializeSidecar(theirs), sidecar: orderedSidecar(theirs), merged: true, conflicts: [] });
    assert.deepStrictEqual(port.ops, [`writeTemp ${P}.tmp1`, `read ${P}`, `remove ${P}.tmp1`]);
  });

  it('a file made invalid meanwhile is left alone and an error comes back', async () => {
    const port = new FakePort(true);
    port.files.set(P, BASE_TEXT);
    port.beforeNext('read', () => port.files.set(P, '{"version": 1,'));
    const r = await writeSidecarGuarded(port, P, BASE_TEXT, MINE);
    assert.deepStrictEqual(r, { ok: false, message: `${P} was changed meanwhile and is not a valid sidecar ($: JSON syntax error at 1:15: Unexpected end of input, expected a property name); not overwritten` });
    assert.deepStrictEqual(files(port), { [P]: '{"version": 1,' });
  });

  it('a file deleted meanwhile is written afresh', async () => {
    const port = new FakePort(false);
    port.files.set(P, BASE_TEXT);
    port.beforeNext('read', () => port.files.delete(P));
    const r = await writeSidecarGuarded(port, P, BASE_TEXT, MINE);
    assert.deepStrictEqual(r, { ok: true, written: MINE_TEXT, sidecar: MINE, merged: false, conflicts: [] });
    assert.deepStrictEqual(files(port), { [P]: MINE_TEXT });
  });

  it('a file that keeps changing gives up after maxAttempts, temp files removed', async () => {
    const port = new FakePort(false);
    port.files.set(P, BASE_TEXT);
    let s = BASE;
    for (let i = 0; i < 3; i++) {
      port.beforeNext('read', () => {
        s = unwrap(addAnnotation(s, DOC, { type: 'figure', ...at(DOC, 'Monday'), kind: 'date', unit: null }, { id: `f-${i}` })).sidecar;
        // Each round someone else replaces their manual tag with a new one (never the same file twice).
        s = removeAnnotation(s, `f-${i - 1}`);
        port.files.set(P, serializeSidecar(s));
      });
    }
    const r = await writeSidecarGuarded(port, P, BASE_TEXT, MINE, { maxAttempts: 3 });
    assert.deepStrictEqual(r, { ok: false, message: `${P} kept changing while writing (3 attempts); not written` });
    assert.deepStrictEqual(files(port), { [P]: serializeSidecar(s) });
  });

  it('a lock that cannot be had: nothing written, temp removed', async () => {
    const port = new FakePort(true);
    port.files.set(P, BASE_TEXT);
    port.lockAvailable = false;
    const r = await writeSidecarGuarded(port, P, BASE_TEXT, MINE);
    assert.deepStrictEqual(r, { ok: false, message: `${P} is locked by another writer; not written (try again)` });
    assert.deepStrictEqual(port.ops, [`writeTemp ${P}.tmp1`, 'lock', `remove ${P}.tmp1`]);
    assert.deepStrictEqual(files(port), { [P]: BASE_TEXT });
  });

  for (const step of ['writeTemp', 'read', 'rename'] as const) {
    it(`an I/O error in ${step} comes back as a one-line message, temp removed, unlocked`, async () => {
      const port = new FakePort(true);
      port.files.set(P, BASE_TEXT);
      port.failing = step;
      const r = await writeSidecarGuarded(port, P, BASE_TEXT, MINE);
      assert.deepStrictEqual(r, { ok: false, message: `${P}: cannot write: ${step} failed: disk full` });
      assert.deepStrictEqual(files(port), { [P]: BASE_TEXT });
      assert.equal(port.ops.includes('lock'), port.ops.includes('unlock'));
    });
  }

  it('a sidecar over maxBytes is not written', async () => {
    const port = new FakePort(false);
    const r = await writeSidecarGuarded(port, P, undefined, MINE, { maxBytes: 100 });
    const size = `${(Buffer.byteLength(MINE_TEXT) / 1024).toFixed(1)} KiB`;
    assert.deepStrictEqual(r, { ok: false, message: `${P}: not written: sidecar too large (${size}; the limit is 100 bytes)` });
    assert.deepStrictEqual(port.ops, []);
  });

  it('lock files: format, parse, staleness', () => {
    const info = { pid: 4242, time: 1_000_000 };
    assert.deepStrictEqual(parseLockInfo(formatLockInfo(info)), info);
    assert.deepStrictEqual([parseLockInfo(''), parseLockInfo('{"pid":"x","time":1}'), parseLockInfo('null')], [undefined, undefined, undefined]);
    const alive = (pid: number) => pid === 4242;
    assert.deepStrictEqual(
      [isLockStale(info, info.time + 10, alive), isLockStale(info, info.time + LOCK_STALE_MS + 1, alive), isLockStale({ ...info, pid: 7 }, info.time, alive), isLockStale(undefined, 0, alive)],
      [false, true, true, true],
    );
  });

  it('a sidecar of exactly maxBytes is written; with one byte less it is not', async () => {
    const bytes = Buffer.byteLength(MINE_TEXT);
    const exact = new FakePort(false);
    assert.deepStrictEqual(await writeSidecarGuarded(exact, P, undefined, MINE, { maxBytes: bytes }), { ok: true, written: MINE_TEXT, sidecar: MINE, merged: false, conflicts: [] });
    const under = new FakePort(false);
    // (Both sizes round to the same KiB here: 1,469 bytes and a limit of 1,468.)
    assert.equal(bytes, 1469);
    assert.deepStrictEqual(await writeSidecarGuarded(under, P, undefined, MINE, { maxBytes: bytes - 1 }), { ok: false, message: `${P}: not written: sidecar too large (1.4 KiB; the limit is 1.4 KiB)` });
    assert.deepStrictEqual([under.ops, files(under)], [[], {}]);
  });

  it('a merge that grows the sidecar over maxBytes: not written, temp removed, file left as it was', async () => {
    const port = new FakePort(true);
    port.files.set(P, BASE_TEXT);
    const theirs = serializeSidecar(setStatus(BASE, [FIGURE], 'accepted'));
    port.beforeNext('read', () => port.files.set(P, theirs));
    const merged = serializeSidecar(mergeSidecars(BASE, MINE, setStatus(BASE, [FIGURE], 'accepted')).sidecar);
    const bytes = Buffer.byteLength(MINE_TEXT);
    assert.ok(Buffer.byteLength(merged) > bytes, 'the merge keeps their figure and adds mine');
    const r = await writeSidecarGuarded(port, P, BASE_TEXT, MINE, { maxBytes: bytes });
    assert.deepStrictEqual([Buffer.byteLength(merged), bytes], [1774, 1469]);
    assert.deepStrictEqual(r, { ok: false, message: `${P}: not written: sidecar too large (1.7 KiB; the limit is 1.4 KiB)` });
    assert.deepStrictEqual(files(port), { [P]: theirs });
    assert.deepStrictEqual(port.ops, [`writeTemp ${P}.tmp1`, 'lock', `read ${P}`, 'unlock', `remove ${P}.tmp1`]);
  });

  it('no file before, but one written meanwhile: merged with no common base', async () => {
    const port = new FakePort(false);
    const theirs = setStatus(BASE, [QUOTE], 'accepted');
    port.beforeNext('read', () => port.files.set(P, serializeSidecar(theirs)));
    const r = await writeSidecarGuarded(port, P, undefined, MINE);
    const mergedSidecar = mergeSidecars(undefined, MINE, theirs).sidecar;
    assert.deepStrictEqual(r, { ok: true, written: serializeSidecar(mergedSidecar), sidecar: mergedSidecar, merged: true, conflicts: [] });
    assert.deepStrictEqual(files(port), { [P]: serializeSidecar(mergedSidecar) });
  });

  it('lock files: a time that is not a number is unreadable; exactly LOCK_STALE_MS old is not stale yet', () => {
    assert.equal(parseLockInfo('{"pid":1,"time":"soon"}'), undefined);
    const info = { pid: 4242, time: 1_000_000 };
    assert.deepStrictEqual([isLockStale(info, info.time + LOCK_STALE_MS, () => true), isLockStale(info, info.time + LOCK_STALE_MS + 1, () => true)], [false, true]);
  });
});

/** One lock file in memory, recording each operation; `beforeRead` runs just before the next read. */
class MemoryLock implements LockFileOps {
  content: string | undefined;
  readonly calls: string[] = [];
  beforeRead: (() => void) | undefined;

  create(content: string): Promise<boolean> {
    this.calls.push('create');
    if (this.content !== undefined) return Promise.resolve(false);
    this.content = content;
    return Promise.resolve(true);
  }
  read(): Promise<string | undefined> {
    this.beforeRead?.();
    this.beforeRead = undefined;
    this.calls.push('read');
    return Promise.resolve(this.content);
  }
  breakStale(staleText: string): Promise<void> {
    this.calls.push(`breakStale ${staleText.trim()}`);
    if (this.content === staleText) this.content = undefined;
    return Promise.resolve();
  }
  remove(): Promise<void> {
    this.calls.push('remove');
    this.content = undefined;
    return Promise.resolve();
  }
}

describe('acquireLock', () => {
  const OTHER = formatLockInfo({ pid: 8, time: Date.now() });

  it('takes a free lock with its pid and time; the release removes it', async () => {
    const lock = new MemoryLock();
    const before = Date.now();
    const release = await acquireLock(lock, 7, () => true);
    const info = parseLockInfo(lock.content ?? '');
    assert.ok(release && info && info.time >= before && info.time <= Date.now());
    assert.equal(info.pid, 7);
    await release();
    assert.deepStrictEqual([lock.content, lock.calls], [undefined, ['create', 'read', 'remove']]);
  });

  it('the release leaves alone a lock that another writer took over meanwhile', async () => {
    const lock = new MemoryLock();
    const release = await acquireLock(lock, 7, () => true);
    lock.content = OTHER;
    await release?.();
    assert.deepStrictEqual([lock.content, lock.calls], [OTHER, ['create', 'read']]);
  });

  it('a lock that vanished between a failed create and the read is taken on the next try, not broken', async () => {
    const lock = new MemoryLock();
    lock.content = OTHER;
    lock.beforeRead = () => (lock.content = undefined);
    assert.ok(await acquireLock(lock, 7, () => true));
    assert.deepStrictEqual(lock.calls, ['create', 'read', 'create']);
  });

  it('a lock of a writer that is gone is broken with the content read, then taken', async () => {
    const lock = new MemoryLock();
    lock.content = OTHER;
    assert.ok(await acquireLock(lock, 7, (pid) => pid !== 8));
    assert.deepStrictEqual(lock.calls, ['create', 'read', `breakStale ${OTHER.trim()}`, 'create']);
    assert.equal(parseLockInfo(lock.content ?? '')?.pid, 7);
  });
});
