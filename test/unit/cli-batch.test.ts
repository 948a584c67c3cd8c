import { sha256Of } from '../hash';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { runInOrder } from '../../src/cli/batch';
import { main, type CliIo } from '../../src/cli/cli';
import { parseJsonlLine } from '../../src/cli/jsonl';
import { inShard, parseShard, shardOf } from '../../src/cli/shard';
import { analyze } from '../../src/core';
import { MAX_ARTICLE_BYTES } from '../../src/sidecar/textFile';
import { orderedSidecar, serializeSidecar } from '../../src/sidecar/serialize';
import { buildSidecar } from '../../src/sidecar/store';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with a clock that advances 100 ms each time it is read (once at the start and end, and per bar redraw). */
async function run(argv: string[], extra: Partial<CliIo> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  let time = 0;
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => (time += 100), ...extra };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const TEXT_A = 'Chair Ada Moss said: "We have approved the new library budget." Others objected.\n';
const TEXT_B = 'The mayor, Tom Reed, said the cost was $4 million. "It is premature," he said.\n';

describe('cli batch: shards', () => {
  it('parses I/N and refuses everything else with one usage line', () => {
    assert.deepStrictEqual(
      ['0/1', '2/3', ' 1/2 ', '3/3', '-1/3', '1/0', '1', 'a/b', '1/2/3', '99999999999999999999/1'].map(parseShard),
      [
        { ok: true, shard: { index: 0, count: 1 } },
        { ok: true, shard: { index: 2, count: 3 } },
        { ok: true, shard: { index: 1, count: 2 } },
        { ok: false, problem: '--shard needs I/N with 0 <= I < N (got "3/3")' },
        { ok: false, problem: '--shard needs I/N with 0 <= I < N (got "-1/3")' },
        { ok: false, problem: '--shard needs I/N with 0 <= I < N (got "1/0")' },
        { ok: false, problem: '--shard needs I/N with 0 <= I < N (got "1")' },
        { ok: false, problem: '--shard needs I/N with 0 <= I < N (got "a/b")' },
        { ok: false, problem: '--shard needs I/N with 0 <= I < N (got "1/2/3")' },
        { ok: false, problem: '--shard needs I/N with 0 <= I < N (got "99999999999999999999/1")' },
      ],
    );
  });

  it('a path\'s shard is SHA-256 (first 4 bytes, big-endian) mod N, whatever else is in the list', () => {
    // First 8 hex digits of each path's SHA-256, from `printf %s PATH | sha256sum`.
    assert.deepStrictEqual(['a.txt', 'b.txt', 'notes/c.txt'].map((p) => [shardOf(p, 1), shardOf(p, 2), shardOf(p, 7), shardOf(p, 1000)]), [
      [0, parseInt('18b7cb09', 16) % 2, parseInt('18b7cb09', 16) % 7, parseInt('18b7cb09', 16) % 1000],
      [0, parseInt('ffa0da5d', 16) % 2, parseInt('ffa0da5d', 16) % 7, parseInt('ffa0da5d', 16) % 1000],
      [0, parseInt('65d2d5c1', 16) % 2, parseInt('65d2d5c1', 16) % 7, parseInt('65d2d5c1', 16) % 1000],
    ]);
    assert.deepStrictEqual([inShard('a.txt', undefined), inShard('a.txt', { index: shardOf('a.txt', 5), count: 5 }), inShard('a.txt', { index: (shardOf('a.txt', 5) + 1) % 5, count: 5 })], [true, true, false]);
  });

  it('--shard out of range and a bad --jobs are usage errors (exit 2, one line)', async () => {
    assert.deepStrictEqual(await run(['analyze', '--shard', '3/3', 'x.txt']), { code: 2, stdout: '', stderr: 'quotelens: --shard needs I/N with 0 <= I < N (got "3/3") (see quotelens --help)\n' });
    assert.deepStrictEqual(await run(['analyze', '--jobs', '0', 'x.txt']), { code: 2, stdout: '', stderr: 'quotelens: --jobs needs a whole number from 1 to 256 (got "0") (see quotelens --help)\n' });
    assert.deepStrictEqual(await run(['analyze', '--jsonl', 'x.txt']), { code: 2, stdout: '', stderr: 'quotelens: --jsonl reads documents from stdin; give no FILE (see quotelens --help)\n' });
  });
});

describe('cli batch: JSONL input lines', () => {
  it('reads path and text, and reports each kind of bad line with its number', () => {
    const big = 'x'.repeat(MAX_ARTICLE_BYTES + 1);
    const lines = [
      '{"path": "d/a.txt", "text": "\\ufeffHello \\"there\\"", "extra": 1}',
      'not json',
      '[1, 2]',
      '{"text": "no path"}',
      '{"path": "b.txt", "text": 5}',
      '{"path": "c.txt", "text": " \\n "}',
      '{"path": "e.txt", "text": "a\\u0000b"}',
      JSON.stringify({ path: 'big.txt', text: big }),
    ];
    const parsed = lines.map((line, i) => parseJsonlLine(line, i + 1));
    assert.deepStrictEqual(parsed.slice(0, 7), [
      { ok: true, task: { kind: 'text', path: 'd/a.txt', text: 'Hello "there"' } },
      { ok: false, path: null, error: 'line 2: not valid JSON', shardKey: 'not json' },
      { ok: false, path: null, error: 'line 3: expected an object {"path": ..., "text": ...}', shardKey: '[1, 2]' },
      { ok: false, path: null, error: 'line 4: "path" must be a non-empty string', shardKey: '{"text": "no path"}' },
      { ok: false, path: 'b.txt', error: 'line 5: "text" must be a string', shardKey: 'b.txt' },
      { ok: false, path: 'c.txt', error: 'line 6: text is empty', shardKey: 'c.txt' },
      { ok: false, path: 'e.txt', error: 'line 7: binary file (contains NUL bytes and no UTF-16 byte order mark)', shardKey: 'e.txt' },
    ]);
    assert.deepStrictEqual({ ...parsed[7], error: parsed[7].ok ? '' : parsed[7].error.slice(0, 16) }, { ok: false, path: 'big.txt', error: 'line 8: article ', shardKey: 'big.txt' });
  });
});

describe('cli batch: results in input order', () => {
  it('emits in input order however the tasks finish, with at most `window` unfinished', async () => {
    const delays = [30, 1, 20, 1, 1, 10, 1];
    let running = 0;
    let most = 0;
    const emitted: number[] = [];
    await runInOrder(
      delays.map((d, i) => ({ d, i })),
      3,
      async ({ d, i }) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, d));
        running--;
        return i;
      },
      (i) => void emitted.push(i),
    );
    assert.deepStrictEqual({ emitted, most }, { emitted: [0, 1, 2, 3, 4, 5, 6], most: 3 });
  });
});

describe('cli batch: analyze over several files, in this process', () => {
  let dir: string;
  let a: string;
  let b: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-batch-'));
    a = path.join(dir, 'a.txt');
    b = path.join(dir, 'b.txt');
    await writeFile(a, TEXT_A);
    await writeFile(b, TEXT_B);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints one line per file in input order, then the summary on stderr', async () => {
    const missing = path.join(dir, 'missing.txt');
    const r = await run(['analyze', '--jobs', '1', b, missing, a]);
    assert.deepStrictEqual(r, {
      code: 1,
      stdout: `${b}: 1 quote, 1 speaker, 1 figure → b.txt.annotations.json\n${a}: 1 quote, 1 speaker, 0 figures → a.txt.annotations.json\n`,
      stderr: `quotelens: ${missing}: no such file\nquotelens: 3 files in 0.1 s (30 files/s): 2 analysed, 0 unchanged, 1 failed\n`,
    });
    assert.deepStrictEqual(await readFile(a + '.annotations.json', 'utf8'), serializeSidecar(buildSidecar('a.txt', TEXT_A, sha256Of(TEXT_A), analyze(TEXT_A))));
  });

  it('--quiet prints only problems and the summary', async () => {
    await run(['analyze', '--jobs', '1', a]);
    const r = await run(['analyze', '--jobs', '1', '--quiet', a, b, path.join(dir, 'a.txt.annotations.json')]);
    assert.deepStrictEqual(r, {
      code: 1,
      stdout: '',
      stderr: `quotelens: ${path.join(dir, 'a.txt.annotations.json')}: is a sidecar file; pass the document instead\nquotelens: 3 files in 0.1 s (30 files/s): 1 analysed, 1 unchanged, 1 failed\n`,
    });
  });

  it('on a terminal, a progress bar redrawn in place on stderr (cleared for problems and at the end)', async () => {
    const missing = path.join(dir, 'missing.txt');
    const r = await run(['analyze', '--jobs', '1', a, missing, b], { stderrIsTTY: true, stdoutIsTTY: true });
    assert.deepStrictEqual(r, {
      code: 1,
      stdout: '',
      stderr: [
        '\r[######--------------] 1/3 33% · 10 files/s · ETA 1s · 0 failed\x1b[K',
        '\r\x1b[K',
        `quotelens: ${missing}: no such file\n`,
        '\r[#############-------] 2/3 66% · 10 files/s · ETA 1s · 1 failed\x1b[K',
        '\r[####################] 3/3 100% · 10 files/s · ETA 0s · 1 failed\x1b[K',
        '\r\x1b[K',
        'quotelens: 3 files in 0.4 s (7.5 files/s): 2 analysed, 0 unchanged, 1 failed\n',
      ].join(''),
    });
  });

  it('on a terminal, a single FILE still gets its one result line and no bar or summary', async () => {
    const r = await run(['analyze', a], { stderrIsTTY: true, stdoutIsTTY: true });
    assert.deepStrictEqual(r, { code: 0, stdout: `${a}: 1 quote, 1 speaker, 0 figures → a.txt.annotations.json\n`, stderr: '' });
  });

  it('--shard I/N analyses exactly the files of shard I; the shards together analyse each file once', async () => {
    const files = [a, b];
    for (let i = 2; i < 8; i++) {
      files.push(path.join(dir, `f${i}.txt`));
      await writeFile(files[i], i % 2 ? TEXT_A : TEXT_B);
    }
    const analysedIn = async (shard: string) => (await run(['analyze', '--jobs', '1', '--shard', shard, ...files])).stdout.split('\n').filter(Boolean).map((line) => line.slice(0, line.indexOf(': ')));
    const shards = [await analysedIn('0/2'), await analysedIn('1/2')];
    assert.deepStrictEqual(shards, [files.filter((f) => shardOf(f, 2) === 0), files.filter((f) => shardOf(f, 2) === 1)]);
    assert.deepStrictEqual([...shards[0], ...shards[1]].sort(), [...files].sort());
  });

  it('--jsonl: one compact sidecar per line in input order, an error line for a bad one, exit 1', async () => {
    const input = [JSON.stringify({ path: 'news/b.txt', text: TEXT_B }), '', '{"path": "x.txt"', JSON.stringify({ path: 'a.txt', text: TEXT_A })].join('\n') + '\n';
    const r = await run(['analyze', '--jsonl', '--jobs', '1'], { stdin: Readable.from([input]) });
    assert.deepStrictEqual(r, {
      code: 1,
      stdout: [
        JSON.stringify(orderedSidecar(buildSidecar('b.txt', TEXT_B, sha256Of(TEXT_B), analyze(TEXT_B)))),
        '{"path":null,"error":"line 3: not valid JSON"}',
        JSON.stringify(orderedSidecar(buildSidecar('a.txt', TEXT_A, sha256Of(TEXT_A), analyze(TEXT_A)))),
        '',
      ].join('\n'),
      stderr: 'quotelens: 3 files in 0.1 s (30 files/s): 2 analysed, 0 unchanged, 1 failed\n',
    });
  });
});
