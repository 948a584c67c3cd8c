// Which files in a folder count as a dead writer's leftover temp file (removeLeftoverTempsIn):
// only whole names of the temp pattern, of a sidecar, whose writer is gone or which are old.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { removeLeftoverTempsIn } from '../../src/cli/sidecarFiles';

/** A process id that cannot exist (above any pid_max). */
const DEAD_PID = 2 ** 31 - 2;

describe('cli: leftover temp files in a folder', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-leftovers-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('removes whole temp names of sidecars whose writer is gone or that are old, nothing else', async () => {
    const rows: [string, boolean][] = [
      [`.a.txt.annotations.json.${DEAD_PID}.0badf00d.tmp`, true],
      [`.a.txt.annotations.json.lock.${DEAD_PID}.0badf00d.lock.tmp`, true],
      [`.a.txt.annotations.json.lock.${DEAD_PID}.0badf00d.stale`, true],
      [`.old.txt.annotations.json.${process.pid}.0badf00d.tmp`, true],
      [`.a.txt.annotations.json.${process.pid}.0badf00d.tmp`, false],
      [`x.a.txt.annotations.json.${DEAD_PID}.0badf00d.tmp`, false],
      [`.a.txt.annotations.json.${DEAD_PID}.0badf00d.tmp.bak`, false],
      [`.notes.txt.${DEAD_PID}.0badf00d.tmp`, false],
      ['a.txt.annotations.json', false],
    ];
    for (const [name] of rows) await writeFile(path.join(dir, name), '{');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await utimes(path.join(dir, rows[3][0]), twoMinutesAgo, twoMinutesAgo);
    await removeLeftoverTempsIn(dir);
    assert.deepStrictEqual((await readdir(dir)).sort(), rows.filter(([, removed]) => !removed).map(([name]) => name).sort());
  });
});
