// What a batch `quotelens analyze` prints where: per-file lines, the progress bar (terminal only,
// redrawn at most every 100 ms, cleared before any other line), the summary; stdout written with
// backpressure when the host offers it; leftovers of dead writers cleared once per folder; and how
// many documents one thread keeps in flight.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { main, type CliIo } from '../../src/cli/cli';
import { nodeSidecarPort } from '../../src/cli/sidecarFiles';
import { analyze } from '../../src/core';
import type { SidecarFilePort } from '../../src/sidecar/guardedWrite';
import { orderedSidecar, serializeSidecar } from '../../src/sidecar/serialize';
import { buildSidecar } from '../../src/sidecar/store';
import { sha256Of } from '../hash';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with a clock that advances `step` ms each time it is read. */
async function run(argv: string[], step: number, extra: Partial<CliIo> = {}, port: SidecarFilePort = nodeSidecarPort): Promise<Run> {
  let stdout = '';
  let stderr = '';
  let time = 0;
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => (time += step), ...extra };
  const code = await main(argv, io, port);
  return { code, stdout, stderr };
}

const TEXT_A = 'Mayor Lena Roth said: "The bridge will reopen next week." Traffic stayed light.\n';
const TEXT_B = 'About 40 volunteers came. "We cleaned the whole park," Omar Diaz said.\n';
const CLEAR = '\r\x1b[K';
const bar = (text: string) => `\r${text}\x1b[K`;

/** A process id that cannot exist (above any pid_max). */
const DEAD_PID = 2 ** 31 - 2;

describe('cli batch output', () => {
  let dir: string;
  let a: string;
  let b: string;
  let lineA: string;
  let lineB: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-batch-out-'));
    a = path.join(dir, 'a.txt');
    b = path.join(dir, 'b.txt');
    await writeFile(a, TEXT_A);
    await writeFile(b, TEXT_B);
    lineA = `${a}: 1 quote, 1 speaker, 0 figures → a.txt.annotations.json\n`;
    lineB = `${b}: 1 quote, 1 speaker, 1 figure → b.txt.annotations.json\n`;
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stderr on a terminal, stdout piped: the lines on stdout, the bar cleared before each and at the end', async () => {
    const r = await run(['analyze', '--jobs', '1', a, b], 100, { stderrIsTTY: true, stdoutIsTTY: false });
    assert.deepStrictEqual(r, {
      code: 0,
      stdout: lineA + lineB,
      stderr: [
        bar('[##########----------] 1/2 50% · 10 files/s · ETA 1s · 0 failed'),
        CLEAR,
        bar('[####################] 2/2 100% · 10 files/s · ETA 0s · 0 failed'),
        CLEAR,
        'quotelens: 2 files in 0.3 s (6.7 files/s): 2 analysed, 0 unchanged, 0 failed\n',
      ].join(''),
    });
  });

  it('both on a terminal: the bar is redrawn only when 100 ms have passed since the last draw', async () => {
    const files = [a, b, path.join(dir, 'c.txt'), path.join(dir, 'd.txt')];
    await writeFile(files[2], TEXT_A);
    await writeFile(files[3], TEXT_B);
    const r = await run(['analyze', '--jobs', '1', ...files], 50, { stderrIsTTY: true, stdoutIsTTY: true });
    assert.deepStrictEqual(r, {
      code: 0,
      stdout: '',
      stderr: [
        bar('[#####---------------] 1/4 25% · 20 files/s · ETA 1s · 0 failed'),
        bar('[###############-----] 3/4 75% · 20 files/s · ETA 1s · 0 failed'),
        CLEAR,
        'quotelens: 4 files in 0.3 s (16 files/s): 4 analysed, 0 unchanged, 0 failed\n',
      ].join(''),
    });
  });

  it('the bar counts unchanged and failed files as done', async () => {
    await run(['analyze', '--jobs', '1', a], 100);
    const missing = path.join(dir, 'missing.txt');
    const r = await run(['analyze', '--jobs', '1', a, missing, b], 100, { stderrIsTTY: true, stdoutIsTTY: true });
    assert.deepStrictEqual(r, {
      code: 1,
      stdout: '',
      stderr: [
        bar('[######--------------] 1/3 33% · 10 files/s · ETA 1s · 0 failed'),
        CLEAR,
        `quotelens: ${missing}: no such file\n`,
        bar('[#############-------] 2/3 66% · 10 files/s · ETA 1s · 1 failed'),
        bar('[####################] 3/3 100% · 10 files/s · ETA 0s · 1 failed'),
        CLEAR,
        'quotelens: 3 files in 0.4 s (7.5 files/s): 1 analysed, 1 unchanged, 1 failed\n',
      ].join(''),
    });
  });

  it('without a clock from the host, the summary gives the time measured here', async () => {
    let stderr = '';
    const code = await main(['analyze', '--jobs', '1', '--quiet', a, b], { stdout: () => undefined, stderr: (t) => (stderr += t) });
    assert.deepStrictEqual({ code, stderr: stderr.replace(/ in \d+\.\d s \(\d[\d,.]* files\/s\)/, ' in T s (R files/s)') }, { code: 0, stderr: 'quotelens: 2 files in T s (R files/s): 2 analysed, 0 unchanged, 0 failed\n' });
  });

  it('--jsonl --shard I/N: only the lines of shard I, bad lines placed by their path or text', async () => {
    const lines = [
      JSON.stringify({ path: 'a.txt', text: TEXT_A }),
      JSON.stringify({ path: 'b.txt', text: TEXT_B }),
      JSON.stringify({ path: 'c.txt', text: 5 }),
      'not json',
      JSON.stringify({ path: 'd/e.txt', text: TEXT_A }),
    ];
    const outputs = [
      JSON.stringify(orderedSidecar(buildSidecar('a.txt', TEXT_A, sha256Of(TEXT_A), analyze(TEXT_A)))) + '\n',
      JSON.stringify(orderedSidecar(buildSidecar('b.txt', TEXT_B, sha256Of(TEXT_B), analyze(TEXT_B)))) + '\n',
      '{"path":"c.txt","error":"line 3: \\"text\\" must be a string"}\n',
      '{"path":null,"error":"line 4: not valid JSON"}\n',
      JSON.stringify(orderedSidecar(buildSidecar('e.txt', TEXT_A, sha256Of(TEXT_A), analyze(TEXT_A)))) + '\n',
    ];
    const shards: string[] = [];
    for (const index of [0, 1]) shards.push((await run(['analyze', '--jsonl', '--jobs', '1', '--shard', `${index}/2`], 100, { stdin: Readable.from([lines.join('\n')]) })).stdout);
    // printf %s PATH | sha256sum: a.txt 18b7cb09, b.txt ffa0da5d, c.txt 4fe00619, "not json" 7ccfa1fb (odd), d/e.txt 44053e74 (even).
    assert.deepStrictEqual(shards, [outputs[4], outputs.slice(0, 4).join('')]);
  });

  it('--quiet on a terminal: no bar, only the summary', async () => {
    const r = await run(['analyze', '--jobs', '1', '--quiet', a, b], 100, { stderrIsTTY: true, stdoutIsTTY: true });
    assert.deepStrictEqual(r, { code: 0, stdout: '', stderr: 'quotelens: 2 files in 0.1 s (20 files/s): 2 analysed, 0 unchanged, 0 failed\n' });
  });

  it('--stdout on a terminal: the sidecar, no bar and no summary', async () => {
    const r = await run(['analyze', '--stdout', a], 100, { stderrIsTTY: true, stdoutIsTTY: true });
    assert.deepStrictEqual(r, { code: 0, stdout: serializeSidecar(buildSidecar('a.txt', TEXT_A, sha256Of(TEXT_A), analyze(TEXT_A))), stderr: '' });
  });

  it('--jsonl on a terminal: a bar without total, the data lines on stdout through writeOut', async () => {
    let written = '';
    const writeOut = (t: string) => {
      written += t;
      return Promise.resolve();
    };
    const input = [JSON.stringify({ path: 'a.txt', text: TEXT_A }), 'nonsense', JSON.stringify({ path: 'x/b.txt', text: TEXT_B })].join('\r\n');
    const r = await run(['analyze', '--jsonl', '--jobs', '1'], 100, { stdin: Readable.from([input]), stderrIsTTY: true, writeOut });
    const sidecarLine = (name: string, text: string) => JSON.stringify(orderedSidecar(buildSidecar(name, text, sha256Of(text), analyze(text)))) + '\n';
    assert.deepStrictEqual(
      { r, written },
      {
        r: {
          code: 1,
          stdout: '',
          stderr: [
            bar('1 done · 10 files/s · 0 failed'),
            bar('2 done · 10 files/s · 1 failed'),
            bar('3 done · 10 files/s · 1 failed'),
            CLEAR,
            'quotelens: 3 files in 0.4 s (7.5 files/s): 2 analysed, 0 unchanged, 1 failed\n',
          ].join(''),
        },
        written: sidecarLine('a.txt', TEXT_A) + '{"path":null,"error":"line 2: not valid JSON"}\n' + sidecarLine('b.txt', TEXT_B),
      },
    );
  });

  it('--jsonl --quiet on a terminal: no bar', async () => {
    const r = await run(['analyze', '--jsonl', '--quiet', '--jobs=1'], 100, { stdin: Readable.from(['\n  \n']), stderrIsTTY: true });
    assert.deepStrictEqual(r, { code: 0, stdout: '', stderr: 'quotelens: 0 files in 0.1 s (0.0 files/s): 0 analysed, 0 unchanged, 0 failed\n' });
  });

  it('leftover temp files of dead writers: removed by a batch and by a single FILE, not by --stdout', async () => {
    // c.txt is not analysed: only the folder-wide cleaning of a batch removes its leftover.
    const leftovers = ['a.txt', 'b.txt', 'c.txt'].map((n) => `.${n}.annotations.json.${DEAD_PID}.0badf00d.tmp`);
    const plant = () => Promise.all(leftovers.map((n) => writeFile(path.join(dir, n), '{')));
    const sidecars = ['a.txt.annotations.json', 'b.txt.annotations.json'];
    await plant();
    await run(['analyze', '--stdout', a], 100);
    const afterStdout = (await readdir(dir)).sort();
    await run(['analyze', '--jobs', '1', a], 100);
    const afterSingle = (await readdir(dir)).sort();
    await plant();
    await run(['analyze', '--jobs', '1', a, b], 100);
    assert.deepStrictEqual([afterStdout, afterSingle, (await readdir(dir)).sort()], [
      [...leftovers, 'a.txt', 'b.txt'].sort(),
      [leftovers[1], leftovers[2], 'a.txt', sidecars[0], 'b.txt'].sort(),
      ['a.txt', sidecars[0], 'b.txt', sidecars[1]],
    ]);
  });

  it('one thread keeps four documents in flight, and no more', async () => {
    const files: string[] = [];
    for (let i = 0; i < 6; i++) {
      files.push(path.join(dir, `doc${i}.txt`));
      await writeFile(files[i], i % 2 ? TEXT_A : TEXT_B);
    }
    // Each write waits until five are waiting, or until a second has passed without a new one; then
    // all waiting go on. With four in flight at most, the fifth never comes while four wait.
    let waiting: (() => void)[] = [];
    let most = 0;
    let timer: NodeJS.Timeout | undefined;
    const release = () => {
      clearTimeout(timer);
      for (const go of waiting) go();
      waiting = [];
    };
    const port: SidecarFilePort = {
      ...nodeSidecarPort,
      writeTemp: async (file, content) => {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          most = Math.max(most, waiting.length);
          clearTimeout(timer);
          if (waiting.length >= 5) release();
          else timer = setTimeout(release, 1000);
        });
        return nodeSidecarPort.writeTemp(file, content);
      },
    };
    const r = await run(['analyze', '--jobs', '1', '--quiet', ...files], 100, {}, port);
    assert.deepStrictEqual({ r, most }, { r: { code: 0, stdout: '', stderr: 'quotelens: 6 files in 0.1 s (60 files/s): 6 analysed, 0 unchanged, 0 failed\n' }, most: 4 });
  });
});
