import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { link, readFile, readdir, rename, stat, unlink, writeFile } from '../../src/cli/fileOps';

describe('cli: file operations (direct calls as promises)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-ops-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('write exclusively, read as bytes and text, link, rename, list, stat and unlink', async () => {
    const a = path.join(dir, 'a.json');
    await writeFile(a, 'é\n', { flag: 'wx' });
    assert.deepStrictEqual([...(await readFile(a))], [0xc3, 0xa9, 0x0a]);
    assert.equal(await readFile(a, 'utf8'), 'é\n');
    await link(a, path.join(dir, 'b.json'));
    await rename(path.join(dir, 'b.json'), path.join(dir, 'c.json'));
    assert.deepStrictEqual((await readdir(dir)).sort(), ['a.json', 'c.json']);
    assert.equal((await stat(path.join(dir, 'c.json'))).size, 3);
    await unlink(a);
    assert.deepStrictEqual(await readdir(dir), ['c.json']);
  });

  it('a failure is a rejected promise with the error code, never a throw at the call', async () => {
    const missing = path.join(dir, 'missing');
    const existing = path.join(dir, 'x');
    await writeFile(existing, '1', { flag: 'wx' });
    const calls: [string, () => Promise<unknown>, string][] = [
      ['readFile', () => readFile(missing), 'ENOENT'],
      ['readFile utf8', () => readFile(missing, 'utf8'), 'ENOENT'],
      ['writeFile wx on an existing file', () => writeFile(existing, '2', { flag: 'wx' }), 'EEXIST'],
      ['stat', () => stat(missing), 'ENOENT'],
      ['link onto an existing file', () => link(existing, existing), 'EEXIST'],
      ['rename', () => rename(missing, existing), 'ENOENT'],
      ['unlink', () => unlink(missing), 'ENOENT'],
      ['readdir', () => readdir(missing), 'ENOENT'],
    ];
    const codes: [string, unknown][] = [];
    for (const [name, call, code] of calls) {
      let promise: Promise<unknown> | undefined;
      assert.doesNotThrow(() => (promise = call()), name);
      codes.push([name, await promise?.then(() => 'resolved', (e: unknown) => (e as { code?: unknown }).code)]);
      assert.equal(codes[codes.length - 1][1], code, name);
    }
    assert.equal(await readFile(existing, 'utf8'), '1');
  });
});
