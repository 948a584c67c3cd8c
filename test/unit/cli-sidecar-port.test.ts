// The Node sidecar port's own edges: temp names (unique, of the leftover pattern), reads refused
// when too large or not text, and a temp file that cannot be written.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { nodeSidecarPort, readSidecarText } from '../../src/cli/sidecarFiles';

describe('cli: the Node sidecar port', () => {
  let dir: string;
  let sidecar: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-port-'));
    sidecar = path.join(dir, 'a.txt.annotations.json');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('temp files: a new name each time, always eight hex digits, in the sidecar folder', async () => {
    const temps: string[] = [];
    for (let i = 0; i < 64; i++) temps.push(await nodeSidecarPort.writeTemp(sidecar, `{"n": ${i}}`));
    const pattern = new RegExp(`^\\.a\\.txt\\.annotations\\.json\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`);
    assert.deepStrictEqual(
      { distinct: new Set(temps).size, folders: [...new Set(temps.map((t) => path.dirname(t)))], offPattern: temps.map((t) => path.basename(t)).filter((n) => !pattern.test(n)), files: (await readdir(dir)).length },
      { distinct: 64, folders: [dir], offPattern: [], files: 64 },
    );
  });

  it('a temp file in a folder that does not exist: the error is passed on', async () => {
    await assert.rejects(nodeSidecarPort.writeTemp(path.join(dir, 'none', 'a.txt.annotations.json'), '{}'), { code: 'ENOENT' });
  });

  it('reads: absent gives undefined; too large or binary is refused with a one-line message', async () => {
    const absent = await readSidecarText(sidecar);
    await writeFile(sidecar, '{"version": 1}');
    const fits = await readSidecarText(sidecar, 14);
    await assert.rejects(readSidecarText(sidecar, 13), { message: 'sidecar too large (14 bytes; the limit is 13 bytes)' });
    await writeFile(sidecar, Buffer.from([0x7b, 0x00, 0x7d]));
    await assert.rejects(readSidecarText(sidecar), { message: 'binary file (contains NUL bytes and no UTF-16 byte order mark)' });
    assert.deepStrictEqual([absent, fits], [undefined, '{"version": 1}']);
  });

  it('remove: a missing file is fine, a folder is an error', async () => {
    await nodeSidecarPort.remove(path.join(dir, 'gone.json'));
    await assert.rejects(nodeSidecarPort.remove(dir), (e: NodeJS.ErrnoException) => e.code === 'EISDIR' || e.code === 'EPERM');
  });
});
