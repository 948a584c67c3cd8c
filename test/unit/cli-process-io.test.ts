// The `quotelens` process around main (src/cli/processIo.ts) with streams of the test's own, and the
// analyze pool's worker entry run in this thread: what the binary and its workers do besides `main`.
import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import analyzeInWorker from '../../src/cli/analyzeWorker';
import type { CliIo } from '../../src/cli/cli';
import { processIo, runAsProcess, type OutStream, type ProcessLike } from '../../src/cli/processIo';

/** A stream that records what is written and accepts only while `full` is false; `drain()` empties it. */
class FakeOut implements OutStream {
  written: string[] = [];
  full = false;
  private drains: (() => void)[] = [];
  constructor(readonly isTTY?: boolean) {}
  write(text: string): boolean {
    this.written.push(text);
    return !this.full;
  }
  once(_event: 'drain', listener: () => void): this {
    this.drains.push(listener);
    return this;
  }
  drain(): void {
    this.full = false;
    for (const l of this.drains.splice(0)) l();
  }
}

function fakeProcess(argv: string[], tty: { out?: boolean; err?: boolean } = {}): ProcessLike & { stdinReads: number; out: FakeOut; err: FakeOut } {
  const out = new FakeOut(tty.out);
  const err = new FakeOut(tty.err);
  const input = Readable.from(['line\n']);
  const proc = {
    argv,
    stdout: out,
    stderr: err,
    out,
    err,
    stdinReads: 0,
    exitCode: undefined as number | string | null | undefined,
    get stdin() {
      proc.stdinReads++;
      return input;
    },
  };
  return proc;
}

describe('cli: the process around main', () => {
  it('passes the arguments after the script name and sets the exit code main returns', async () => {
    const proc = fakeProcess(['node', 'quotelens', 'analyze', 'a.txt']);
    const seen: (readonly string[])[] = [];
    await runAsProcess(proc, (argv, io) => {
      seen.push(argv);
      io.stdout('out\n');
      io.stderr('err\n');
      return Promise.resolve(3);
    });
    assert.deepStrictEqual([seen, proc.exitCode, proc.out.written, proc.err.written], [[['analyze', 'a.txt']], 3, ['out\n'], ['err\n']]);
  });

  it('a main that rejects (a bug) gives one line on stderr and exit code 1', async () => {
    const proc = fakeProcess(['node', 'quotelens']);
    await runAsProcess(proc, () => Promise.reject(new Error('boom')));
    assert.deepStrictEqual([proc.exitCode, proc.out.written, proc.err.written], [1, [], ['quotelens: internal error: Error: boom\n']]);
  });

  it('writeOut resolves at once while stdout takes more, and only after "drain" once it is full', async () => {
    const proc = fakeProcess([]);
    const io: CliIo = processIo(proc);
    const writeOut = (text: string): Promise<void> => (io.writeOut ? io.writeOut(text) : Promise.reject(new Error('no writeOut')));
    await writeOut('a');
    proc.out.full = true;
    let done = false;
    const pending = writeOut('b').then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    assert.equal(done, false, 'waits for drain');
    proc.out.drain();
    await pending;
    assert.deepStrictEqual([done, proc.out.written], [true, ['a', 'b']]);
  });

  it('reads stdin only when asked for, and tells whether stdout and stderr are terminals', () => {
    const tty = fakeProcess([], { out: true, err: true });
    const io = processIo(tty);
    assert.deepStrictEqual([tty.stdinReads, io.stdoutIsTTY, io.stderrIsTTY], [0, true, true]);
    assert.ok(io.stdin instanceof Readable);
    assert.equal(tty.stdinReads, 1);
    const piped = processIo(fakeProcess([]));
    assert.deepStrictEqual([piped.stdoutIsTTY, piped.stderrIsTTY], [false, false]);
  });
});

describe('cli: the analyze worker entry, run in this thread', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-worker-entry-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('analyses a file task and writes its sidecar through the file system', async () => {
    const file = path.join(dir, 'pier.txt');
    await writeFile(file, '“The pier opens in May,” said Ebba Sund.\n');
    const result = await analyzeInWorker({ kind: 'file', file, toStdout: false });
    assert.equal(result.outcome, 'analysed');
    assert.deepStrictEqual((await readdir(dir)).sort(), ['pier.txt', 'pier.txt.annotations.json']);
    const sidecar = JSON.parse(await readFile(path.join(dir, 'pier.txt.annotations.json'), 'utf8')) as { annotations: { type: string; speaker?: string }[] };
    assert.deepStrictEqual(sidecar.annotations.filter((a) => a.type === 'quote').map((a) => a.speaker), ['ebba-sund']);
  });
});
