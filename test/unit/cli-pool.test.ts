// Where analyze tasks run (src/cli/pool.ts): in this thread through a given port, or on real worker
// threads (the tsc output's analyzeWorker.js). Both must give the same results; a task the pool
// cannot hand to a worker gives a failed result for that document, never a rejection.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { analyzeText, type AnalyzeTask, type JobResult } from '../../src/cli/analyzeJob';
import { main, type CliIo } from '../../src/cli/cli';
import { TASKS_PER_THREAD, WORKER_FILE, inProcessRunner, workerPoolRunner, type TaskRunner } from '../../src/cli/pool';
import { nodeSidecarPort } from '../../src/cli/sidecarFiles';
import { analyze } from '../../src/core';
import type { SidecarFilePort } from '../../src/sidecar/guardedWrite';
import { orderedSidecar, serializeSidecar } from '../../src/sidecar/serialize';
import { buildSidecar } from '../../src/sidecar/store';
import { sha256Of } from '../hash';

const TEXT_A = 'Councillor Ines Vale said: "The tram line opens in May." Nobody disagreed.\n';
const TEXT_B = 'Officials counted 312 new bicycles last year. "It is a start," Paul Graf said.\n';

function sidecarLine(name: string, text: string): string {
  return JSON.stringify(orderedSidecar(buildSidecar(name, text, sha256Of(text), analyze(text)))) + '\n';
}

/** A task whose `text` (or `foldersCleaned`) throws when the pool copies it to a worker. */
function unclonable(kind: 'text' | 'file', thrown: unknown): AnalyzeTask {
  const task = kind === 'text' ? { kind, path: 'broken/p.txt' } : { kind, file: 'broken/f.txt', toStdout: false };
  Object.defineProperty(task, kind === 'text' ? 'text' : 'foldersCleaned', {
    enumerable: true,
    get: () => {
      throw thrown;
    },
  });
  return task as AnalyzeTask;
}

describe('cli pool: where analyze tasks run', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-pool-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the worker script lies beside the pool module, and each thread runs a few tasks at once', () => {
    assert.deepStrictEqual([path.basename(WORKER_FILE), path.dirname(WORKER_FILE), TASKS_PER_THREAD], ['analyzeWorker.js', path.dirname(require.resolve('../../src/cli/pool')), 4]);
  });

  it('in this thread: text tasks give their sidecar line, file tasks write through the given port', async () => {
    const file = path.join(dir, 'a.txt');
    await writeFile(file, TEXT_A);
    const calls: string[] = [];
    const port: SidecarFilePort = {
      ...nodeSidecarPort,
      writeTemp: (p, content) => {
        calls.push(`writeTemp ${path.basename(p)}`);
        return nodeSidecarPort.writeTemp(p, content);
      },
      rename: (from, to) => {
        calls.push(`rename ${path.basename(to)}`);
        return nodeSidecarPort.rename(from, to);
      },
    };
    const runner = inProcessRunner(port);
    const results = [await runner.run({ kind: 'text', path: 'x/b.txt', text: TEXT_B }), await runner.run({ kind: 'file', file, toStdout: false })];
    assert.equal(await runner.close(), undefined);
    assert.deepStrictEqual(
      { results, calls, sidecar: await readFile(file + '.annotations.json', 'utf8') },
      {
        results: [
          { outcome: 'analysed', stdout: sidecarLine('b.txt', TEXT_B), stderr: '' },
          { outcome: 'analysed', stdout: `${file}: 1 quote, 1 speaker, 0 figures → a.txt.annotations.json\n`, stderr: '' },
        ],
        calls: ['writeTemp a.txt.annotations.json', 'rename a.txt.annotations.json'],
        sidecar: serializeSidecar(buildSidecar('a.txt', TEXT_A, sha256Of(TEXT_A), analyze(TEXT_A))),
      },
    );
  });

  describe('on worker threads', () => {
    let pool: TaskRunner;
    before(async () => {
      pool = await workerPoolRunner(2);
    });
    after(async () => {
      await pool.close();
    });

    it('gives each task the result the same task gives in this thread, files written by the worker', async () => {
      const file = path.join(dir, 'b.txt');
      await writeFile(file, TEXT_B);
      const tasks: AnalyzeTask[] = [
        { kind: 'text', path: 'one/a.txt', text: TEXT_A },
        { kind: 'file', file, toStdout: false },
        { kind: 'text', path: 'b.txt', text: TEXT_B },
        { kind: 'file', file: path.join(dir, 'missing.txt'), toStdout: false },
      ];
      const results = await Promise.all(tasks.map((t) => pool.run(t)));
      assert.deepStrictEqual(
        { results, files: (await readdir(dir)).sort(), sidecar: await readFile(file + '.annotations.json', 'utf8') },
        {
          results: [
            analyzeText({ kind: 'text', path: 'one/a.txt', text: TEXT_A }),
            { outcome: 'analysed', stdout: `${file}: 1 quote, 1 speaker, 1 figure → b.txt.annotations.json\n`, stderr: '' },
            { outcome: 'analysed', stdout: sidecarLine('b.txt', TEXT_B), stderr: '' },
            { outcome: 'failed', stdout: '', stderr: `quotelens: ${path.join(dir, 'missing.txt')}: no such file\n` },
          ],
          files: ['b.txt', 'b.txt.annotations.json'],
          sidecar: serializeSidecar(buildSidecar('b.txt', TEXT_B, sha256Of(TEXT_B), analyze(TEXT_B))),
        },
      );
    });

    const failures: [string, AnalyzeTask, JobResult][] = [
      [
        'a text task: a JSONL error line with the first line of the message',
        unclonable('text', new Error('cannot copy\nsecond line')),
        { outcome: 'failed', stdout: '{"path":"broken/p.txt","error":"internal error in worker: cannot copy"}\n', stderr: '' },
      ],
      [
        'a file task: one stderr line naming the file',
        unclonable('file', new TypeError('no copy\nat somewhere')),
        { outcome: 'failed', stdout: '', stderr: 'quotelens: broken/f.txt: internal error in worker: no copy\n' },
      ],
      [
        'something thrown that is not an Error',
        unclonable('file', 'refused'),
        { outcome: 'failed', stdout: '', stderr: 'quotelens: broken/f.txt: internal error in worker: refused\n' },
      ],
    ];
    for (const [name, task, expected] of failures) {
      it(`a task the pool cannot hand over fails alone: ${name}`, async () => {
        const [broken, fine] = await Promise.all([pool.run(task), pool.run({ kind: 'text', path: 'fine.txt', text: TEXT_A })]);
        assert.deepStrictEqual([broken, fine], [expected, { outcome: 'analysed', stdout: sidecarLine('fine.txt', TEXT_A), stderr: '' }]);
      });
    }
  });

  it('close stops the worker threads: a task still running gives a failed result, not a rejection', async () => {
    const own = await workerPoolRunner(1);
    const running = own.run({ kind: 'text', path: 'late.txt', text: TEXT_A });
    await own.close();
    assert.deepStrictEqual(await running, { outcome: 'failed', stdout: '{"path":"late.txt","error":"internal error in worker: Terminating worker thread"}\n', stderr: '' });
  });

  describe('analyze --jobs N: the same output as --jobs 1', () => {
    async function run(argv: string[], extra: Partial<CliIo> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
      let stdout = '';
      let stderr = '';
      let time = 0;
      const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => (time += 100), ...extra });
      return { code, stdout, stderr };
    }

    it('files: results in input order, a missing file reported alone, sidecars written', async () => {
      const names = ['b.txt', 'a.txt', 'c.txt', 'd.txt', 'e.txt'];
      const files = names.map((n) => path.join(dir, n));
      for (const [i, f] of files.entries()) await writeFile(f, i % 2 ? TEXT_A : TEXT_B);
      const missing = path.join(dir, 'missing.txt');
      const args = [files[0], missing, ...files.slice(1)];
      const line = (i: number) => `${files[i]}: 1 quote, 1 speaker, ${i % 2 ? 0 : 1} figure${i % 2 ? 's' : ''} → ${names[i]}.annotations.json\n`;
      const threaded = await run(['analyze', '--jobs', '3', ...args]);
      assert.deepStrictEqual(threaded, {
        code: 1,
        stdout: [0, 1, 2, 3, 4].map(line).join(''),
        stderr: `quotelens: ${missing}: no such file\nquotelens: 6 files in 0.1 s (60 files/s): 5 analysed, 0 unchanged, 1 failed\n`,
      });
      const again = await run(['analyze', '--jobs', '1', ...args]);
      assert.deepStrictEqual(again, {
        code: 1,
        stdout: [0, 1, 2, 3, 4].map((i) => line(i).replace(/ → .*\n$/, ' (unchanged)\n')).join(''),
        stderr: `quotelens: ${missing}: no such file\nquotelens: 6 files in 0.1 s (60 files/s): 0 analysed, 5 unchanged, 1 failed\n`,
      });
    });

    it('--jsonl: one line per input line, in input order', async () => {
      const input = [JSON.stringify({ path: 'n/b.txt', text: TEXT_B }), '[]', JSON.stringify({ path: 'a.txt', text: TEXT_A }), JSON.stringify({ path: 'c.txt', text: TEXT_B })].join('\n');
      const r = await run(['analyze', '--jsonl', '--jobs', '2'], { stdin: Readable.from([input]) });
      assert.deepStrictEqual(r, {
        code: 1,
        stdout: sidecarLine('b.txt', TEXT_B) + '{"path":null,"error":"line 2: expected an object {\\"path\\": ..., \\"text\\": ...}"}\n' + sidecarLine('a.txt', TEXT_A) + sidecarLine('c.txt', TEXT_B),
        stderr: 'quotelens: 4 files in 0.1 s (40 files/s): 3 analysed, 0 unchanged, 1 failed\n',
      });
    });
  });
});
