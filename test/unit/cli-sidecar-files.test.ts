import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lockSidecar, nodeSidecarPort, readSidecarText, removeLeftoverTemps, removeLeftoverTempsIn } from '../../src/cli/sidecarFiles';
import { processAlive } from '../../src/platform/node';
import { formatLockInfo, parseLockInfo } from '../../src/sidecar/guardedWrite';

/** A process id that cannot exist (above any pid_max). */
const DEAD_PID = 2 ** 31 - 2;

describe('cli: sidecar files (Node port, lock, leftovers)', () => {
  let dir: string;
  let sidecar: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-files-'));
    sidecar = path.join(dir, 'a.txt.annotations.json');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a free lock is taken with our pid and released', async () => {
    const release = await lockSidecar(sidecar);
    assert.ok(release);
    assert.equal(parseLockInfo(await readFile(sidecar + '.lock', 'utf8'))?.pid, process.pid);
    await release();
    assert.deepStrictEqual(await readdir(dir), []);
  });

  it('a lock left by a dead process, or an old one, is broken at once', async () => {
    assert.equal(processAlive(DEAD_PID), false);
    for (const stale of [{ pid: DEAD_PID, time: Date.now() }, { pid: process.pid, time: 0 }]) {
      await writeFile(sidecar + '.lock', formatLockInfo(stale));
      const started = Date.now();
      const release = await lockSidecar(sidecar);
      assert.ok(release && Date.now() - started < 1000);
      assert.equal(parseLockInfo(await readFile(sidecar + '.lock', 'utf8'))?.pid, process.pid);
      await release();
    }
    assert.deepStrictEqual(await readdir(dir), []);
  });

  it('a live lock is waited for', async () => {
    const events: string[] = [];
    const first = (await lockSidecar(sidecar))!;
    const second = lockSidecar(sidecar).then((release) => {
      events.push('second locked');
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    events.push('first releases');
    await first();
    await (await second)!();
    assert.deepStrictEqual(events, ['first releases', 'second locked']);
  });

  it('leftover temp files of dead writers are removed, those of live writers kept', async () => {
    const names = [
      `.a.txt.annotations.json.${DEAD_PID}.0123abcd.tmp`,
      `.a.txt.annotations.json.lock.${DEAD_PID}.0123abcd.lock.tmp`,
      `.a.txt.annotations.json.lock.${DEAD_PID}.0123abcd.stale`,
      `.a.txt.annotations.json.${process.pid}.0123abcd.tmp`,
      '.other.txt.annotations.json.1.0123abcd.tmp',
      'a.txt',
    ];
    for (const n of names) await writeFile(path.join(dir, n), 'x');
    await removeLeftoverTemps(sidecar);
    assert.deepStrictEqual((await readdir(dir)).sort(), [`.a.txt.annotations.json.${process.pid}.0123abcd.tmp`, '.other.txt.annotations.json.1.0123abcd.tmp', 'a.txt']);
  });

  it('removes the leftovers of every sidecar in a folder with one listing, keeping live writers and other files', async () => {
    const names = [
      `.a.txt.annotations.json.${DEAD_PID}.0123abcd.tmp`,
      `.b.txt.annotations.json.lock.${DEAD_PID}.0123abcd.lock.tmp`,
      `.c.txt.annotations.json.lock.${DEAD_PID}.0123abcd.stale`,
      `.a.txt.annotations.json.${process.pid}.0123abcd.tmp`,
      `.notes.txt.${DEAD_PID}.0123abcd.tmp`,
      `.a.txt.annotations.json.${DEAD_PID}.0123abcd.bak`,
      'a.txt',
    ];
    for (const n of names) await writeFile(path.join(dir, n), 'x');
    await removeLeftoverTempsIn(dir);
    assert.deepStrictEqual((await readdir(dir)).sort(), [
      `.a.txt.annotations.json.${DEAD_PID}.0123abcd.bak`,
      `.a.txt.annotations.json.${process.pid}.0123abcd.tmp`,
      `.notes.txt.${DEAD_PID}.0123abcd.tmp`,
      'a.txt',
    ].sort());
  });

  it('reads sidecars: absent, UTF-16, over the limit (one line)', async () => {
    assert.equal(await nodeSidecarPort.read(sidecar), undefined);
    await writeFile(sidecar, Buffer.from('\ufeff{"a": 1}\n', 'utf16le'));
    assert.equal(await readSidecarText(sidecar), '{"a": 1}\n');
    await assert.rejects(readSidecarText(sidecar, 10), { message: 'sidecar too large (20 bytes; the limit is 10 bytes)' });
  });
});
