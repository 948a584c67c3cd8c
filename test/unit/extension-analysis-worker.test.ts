// The analysis worker's protocol and job queue without threads: the worker's message handler talks
// to the host's assembler directly, and the queue runs over a fake runner the test finishes by hand.
// Last, the real worker thread runner on the compiled worker entry, and its in-process fallback.
import { sha256Of } from '../hash';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyze } from '../../src/core';
import {
  ResultAssembler,
  createWorkerHandler,
  isAnalysisRequest,
  isWorkerMessage,
  keptPart,
  runAnalysisJob,
  type AnalysisRequest,
  type AnalysisResult,
  type AnnotationChunk,
  type WorkerMessage,
} from '../../src/extension/model/analysisProtocol';
import { FallbackRunner, LatestPerKeyQueue, RunnerStartFailed, type JobRunner } from '../../src/extension/model/analysisQueue';
import { InProcessRunner, WorkerRunner } from '../../src/extension/services/workerRunner';
import { serializeSidecar } from '../../src/sidecar/serialize';
import { buildSidecar, setStatus } from '../../src/sidecar/store';
import type { Sidecar } from '../../src/sidecar/types';

const ARTICLE = [
  'The harbour council met on Tuesday. "We cannot keep the ferries running on 40 million a year," said Orla Brenn, the treasurer.',
  'Tomas Veld disagreed: "The numbers were checked twice." Fares rose 12% last spring, and about 300 residents attended.',
  '"We will rebuild the pier by June," said Mira Sarto. The pier cost 2 million euros.',
  '',
].join('\n\n');

const clock = (): (() => number) => {
  let t = 0;
  return () => (t += 5);
};

function request(id: number, text = ARTICLE, previous?: Sidecar): AnalysisRequest {
  return { kind: 'analyze', id, text, docPath: 'harbour.txt', documentHash: sha256Of(text), knownEntities: [], ...(previous ? { previous } : {}) };
}

function asResult(outcome: ReturnType<typeof runAnalysisJob>): AnalysisResult {
  assert.ok(!('failed' in outcome), 'the job succeeded');
  return outcome;
}

/** Plays the host and the worker against each other; returns the result and every message sent. */
function roundTrip(req: AnalysisRequest, chunkSize: number): { result: AnalysisResult | undefined; fromWorker: WorkerMessage[] } {
  const handle = createWorkerHandler(chunkSize, clock());
  const assembler = new ResultAssembler(req.id);
  const fromWorker: WorkerMessage[] = [];
  let toWorker: unknown = req;
  for (;;) {
    const reply = handle(toWorker);
    fromWorker.push(reply);
    assert.ok(isWorkerMessage(reply) && reply.kind !== 'ready');
    const step = assembler.accept(reply);
    if (step.failed !== undefined) assert.fail(step.failed);
    if (step.result) return { result: step.result, fromWorker };
    assert.ok(step.post, 'the host asks for more');
    toWorker = step.post;
  }
}

describe('analysis worker protocol', () => {
  it('the sidecar put together from the head and the chunks is the one the job built', () => {
    const direct = asResult(runAnalysisJob(request(7), 'worker', clock()));
    const total = direct.sidecar.annotations.length;
    assert.ok(total >= 5, `the article has findings (${total})`);
    const { result, fromWorker } = roundTrip(request(7), 2);
    assert.deepStrictEqual(result, direct);
    // One head without annotations, then one message per chunk of two.
    assert.deepStrictEqual(
      fromWorker.map((m) => (m.kind === 'annotations' ? m.annotations.length : m.kind)),
      ['done', ...Array.from({ length: Math.ceil(total / 2) }, (_, i) => Math.min(2, total - 2 * i))],
    );
    const head = fromWorker[0];
    assert.ok(head.kind === 'done');
    assert.deepStrictEqual(head.sidecar.annotations, []);
  });

  it("the head carries the sidecar's JSON, printed in the worker; the assembler hands it on with the result", () => {
    const { result, fromWorker } = roundTrip(request(8), 3);
    const head = fromWorker[0];
    assert.ok(head.kind === 'done' && result);
    assert.equal(head.json, serializeSidecar(result.sidecar));
    const assembler = new ResultAssembler(8);
    let step = assembler.accept(head);
    for (const chunk of fromWorker.slice(1)) step = assembler.accept(chunk as AnnotationChunk);
    assert.equal(step.json, head.json);
  });

  it('an article without findings needs no chunk', () => {
    const { result, fromWorker } = roundTrip(request(1, 'Nothing to see here.\n'), 500);
    assert.deepStrictEqual(result, asResult(runAnalysisJob(request(1, 'Nothing to see here.\n'), 'worker', clock())));
    assert.deepStrictEqual(fromWorker.map((m) => m.kind), ['done']);
  });

  it('the job builds the sidecar as buildSidecar does, keeping reviewed work', () => {
    const first = buildSidecar('harbour.txt', ARTICLE, sha256Of(ARTICLE), analyze(ARTICLE));
    const accepted = first.annotations.filter((a) => a.type === 'quote').map((a) => a.id);
    const previous = setStatus(first, accepted.slice(0, 1), 'accepted');
    const outcome = asResult(runAnalysisJob(request(2, ARTICLE, previous), 'extension host', clock()));
    assert.deepStrictEqual(outcome, {
      sidecar: buildSidecar('harbour.txt', ARTICLE, sha256Of(ARTICLE), analyze(ARTICLE), previous),
      counts: { quotes: 3, mentions: analyze(ARTICLE).mentions.length, figures: analyze(ARTICLE).figures.length },
      ms: 5,
      ranIn: 'extension host',
    });
  });

  it('only the kept part of the previous sidecar is sent, and it builds the same sidecar', () => {
    const first = buildSidecar('harbour.txt', ARTICLE, sha256Of(ARTICLE), analyze(ARTICLE));
    const previous = setStatus(first, [first.annotations[0].id], 'rejected');
    const kept = keptPart(previous);
    assert.deepStrictEqual(kept, { ...previous, annotations: [previous.annotations[0]] });
    assert.deepStrictEqual(buildSidecar('harbour.txt', ARTICLE, sha256Of(ARTICLE), analyze(ARTICLE), kept), buildSidecar('harbour.txt', ARTICLE, sha256Of(ARTICLE), analyze(ARTICLE), previous));
  });

  it('a failing job, a stray chunk request and a foreign message come back as failures', () => {
    const handle = createWorkerHandler(500, clock());
    const broken = { ...request(3), text: 42 } as unknown as AnalysisRequest;
    const failed = runAnalysisJob(broken, 'worker', clock());
    assert.ok('failed' in failed && failed.failed.length > 0);
    assert.deepStrictEqual(handle({ kind: 'more', id: 9 }), { kind: 'failed', id: 9, message: 'no result of request 9 to send' });
    assert.deepStrictEqual(handle({ kind: 'shutdown' }), { kind: 'failed', id: -1, message: 'not a QuoteLens analysis message' });
    assert.equal(isAnalysisRequest(broken), false);
  });

  it('a new request replaces a result whose chunks were not all fetched', () => {
    const handle = createWorkerHandler(1, clock());
    assert.equal(handle(request(1)).kind, 'done');
    assert.equal(handle({ kind: 'more', id: 1 }).kind, 'annotations');
    assert.equal(handle(request(2, 'Nothing here.\n')).kind, 'done');
    assert.deepStrictEqual(handle({ kind: 'more', id: 1 }), { kind: 'failed', id: 1, message: 'no result of request 1 to send' });
  });

  it('the assembler ignores messages of another request and reports failures', () => {
    const assembler = new ResultAssembler(4);
    assert.deepStrictEqual(assembler.accept({ kind: 'failed', id: 3, message: 'old' }), {});
    assert.deepStrictEqual(assembler.accept({ kind: 'annotations', id: 4, annotations: [] }), { failed: 'annotations arrived before the result' });
    assert.deepStrictEqual(assembler.accept({ kind: 'failed', id: 4, message: 'boom' }), { failed: 'boom' });
  });

  it('checks what arrives on the port', () => {
    assert.deepStrictEqual(
      [{ kind: 'ready' }, { kind: 'done', id: 1 }, { kind: 'annotations', id: 1, annotations: [] }, { kind: 'failed', id: 1 }, null, 'done'].map(isWorkerMessage),
      [true, false, true, false, false, false],
    );
    assert.deepStrictEqual(
      [request(1), { ...request(1), previous: 'x' }, { ...request(1), knownEntities: undefined }, { kind: 'more', id: 1 }].map(isAnalysisRequest),
      [true, false, false, false],
    );
  });
});

/** A runner whose jobs the test finishes, fails or sees aborted. */
class FakeRunner implements JobRunner<string, string> {
  readonly started: string[] = [];
  aborts = 0;
  private pending: { resolve(v: string): void; reject(e: unknown): void } | undefined;

  run(request: string): Promise<string> {
    assert.equal(this.pending, undefined, 'one job at a time');
    this.started.push(request);
    return new Promise((resolve, reject) => (this.pending = { resolve, reject }));
  }

  abort(): void {
    this.aborts++;
    this.fail(new Error('aborted'));
  }

  finish(value: string): void {
    const p = this.pending;
    this.pending = undefined;
    p?.resolve(value);
  }

  fail(err: unknown): void {
    const p = this.pending;
    this.pending = undefined;
    p?.reject(err);
  }
}

/** Lets settled promises run their callbacks. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('analysis job queue', () => {
  it('runs jobs one at a time, in order', async () => {
    const runner = new FakeRunner();
    const queue = new LatestPerKeyQueue([runner], { abortAfterMs: 0 });
    const a = queue.submit('doc-a', 'a1');
    const b = queue.submit('doc-b', 'b1');
    const c = queue.submit(undefined, 'c1');
    assert.deepStrictEqual(runner.started, ['a1']);
    runner.finish('A');
    await settle();
    runner.finish('B');
    await settle();
    runner.finish('C');
    assert.deepStrictEqual(await Promise.all([a, b, c]), ['A', 'B', 'C']);
    assert.deepStrictEqual(runner.started, ['a1', 'b1', 'c1']);
    assert.equal(queue.size, 0);
  });

  it('a waiting request superseded by a newer one for its document never runs', async () => {
    const runner = new FakeRunner();
    const queue = new LatestPerKeyQueue([runner], { abortAfterMs: 0 });
    const other = queue.submit('doc-b', 'b1');
    const first = queue.submit('doc-a', 'a1');
    const second = queue.submit('doc-a', 'a2');
    assert.equal(await first, undefined);
    runner.finish('B');
    await settle();
    runner.finish('A2');
    assert.deepStrictEqual([await other, await second], ['B', 'A2']);
    assert.deepStrictEqual(runner.started, ['b1', 'a2']);
    assert.equal(runner.aborts, 0);
  });

  it('a running request superseded after running long is aborted and gives undefined', async () => {
    const runner = new FakeRunner();
    let now = 1000;
    const queue = new LatestPerKeyQueue([runner], { abortAfterMs: 250, now: () => now });
    const first = queue.submit('doc-a', 'a1');
    now += 250;
    const second = queue.submit('doc-a', 'a2');
    assert.equal(await first, undefined);
    assert.equal(runner.aborts, 1);
    await settle();
    assert.deepStrictEqual(runner.started, ['a1', 'a2']);
    runner.finish('A2');
    assert.equal(await second, 'A2');
  });

  it('a job superseded before it ran long finishes, but its result is dropped', async () => {
    const runner = new FakeRunner();
    let now = 1000;
    const queue = new LatestPerKeyQueue([runner], { abortAfterMs: 250, now: () => now });
    const first = queue.submit('doc-a', 'a1');
    now += 249;
    const second = queue.submit('doc-a', 'a2');
    assert.equal(await first, undefined);
    assert.deepStrictEqual([runner.started, runner.aborts], [['a1'], 0]);
    runner.finish('A1 (stale)');
    await settle();
    runner.finish('A2');
    assert.equal(await second, 'A2');
    assert.deepStrictEqual(runner.started, ['a1', 'a2']);
  });

  it('requests without a document key are never superseded', async () => {
    const runner = new FakeRunner();
    const queue = new LatestPerKeyQueue([runner], { abortAfterMs: 0 });
    const first = queue.submit(undefined, 'x1');
    const second = queue.submit(undefined, 'x2');
    runner.finish('X1');
    await settle();
    runner.finish('X2');
    assert.deepStrictEqual(await Promise.all([first, second]), ['X1', 'X2']);
    assert.equal(runner.aborts, 0);
  });

  it('a failed job rejects and the next one still runs', async () => {
    const runner = new FakeRunner();
    const queue = new LatestPerKeyQueue([runner], { abortAfterMs: 0 });
    const first = queue.submit('doc-a', 'a1');
    const second = queue.submit('doc-b', 'b1');
    runner.fail(new Error('core failed'));
    await assert.rejects(first, /core failed/);
    await settle();
    runner.finish('B');
    assert.equal(await second, 'B');
  });
});

describe('analysis job queue with several runners (one per worker thread)', () => {
  it('runs documents side by side, each job on the first free runner, in the order asked', async () => {
    const runners = [new FakeRunner(), new FakeRunner()];
    const queue = new LatestPerKeyQueue(runners, { abortAfterMs: 0 });
    const results = ['a1', 'b1', 'c1', 'd1'].map((r) => queue.submit(`doc-${r[0]}`, r));
    assert.deepStrictEqual([runners[0].started, runners[1].started, queue.size], [['a1'], ['b1'], 4]);
    runners[1].finish('B');
    await settle();
    assert.deepStrictEqual([runners[0].started, runners[1].started, queue.size], [['a1'], ['b1', 'c1'], 3]);
    runners[0].finish('A');
    await settle();
    runners[1].finish('C');
    runners[0].finish('D');
    assert.deepStrictEqual(await Promise.all(results), ['A', 'B', 'C', 'D']);
    assert.deepStrictEqual([runners[0].started, runners[1].started, queue.size], [['a1', 'd1'], ['b1', 'c1'], 0]);
  });

  it('one document at a time only ever uses the first runner', async () => {
    const runners = [new FakeRunner(), new FakeRunner()];
    const queue = new LatestPerKeyQueue(runners, { abortAfterMs: 0 });
    for (const request of ['a1', 'a2', 'b1']) {
      const result = queue.submit(`doc-${request[0]}`, request);
      runners[0].finish(request.toUpperCase());
      assert.equal(await result, request.toUpperCase());
      await settle(); // the runner is free once its job's promise has settled
    }
    assert.deepStrictEqual([runners[0].started, runners[1].started], [['a1', 'a2', 'b1'], []]);
  });

  for (const slot of [0, 1]) {
    it(`a long job superseded on runner ${slot} is aborted there; the other runner goes on`, async () => {
      const runners = [new FakeRunner(), new FakeRunner()];
      let now = 1000;
      const queue = new LatestPerKeyQueue(runners, { abortAfterMs: 250, now: () => now });
      const first = [queue.submit('doc-a', 'a1'), queue.submit('doc-b', 'b1')];
      now += 300;
      const doc = slot === 0 ? 'a' : 'b';
      const again = queue.submit(`doc-${doc}`, `${doc}2`);
      assert.equal(await first[slot], undefined);
      await settle();
      const other = 1 - slot;
      assert.deepStrictEqual(
        [runners[slot].aborts, runners[other].aborts, runners[slot].started, runners[other].started],
        [1, 0, [`${doc}1`, `${doc}2`], [slot === 0 ? 'b1' : 'a1']],
      );
      runners[slot].finish('AGAIN');
      runners[other].finish('OTHER');
      assert.deepStrictEqual([await again, await first[other]], ['AGAIN', 'OTHER']);
    });
  }

  it('a newer request for a document waits for its superseded job, other documents go ahead', async () => {
    const runners = [new FakeRunner(), new FakeRunner()];
    const queue = new LatestPerKeyQueue(runners, { abortAfterMs: 250, now: () => 1000 });
    const a1 = queue.submit('doc-a', 'a1');
    const a2 = queue.submit('doc-a', 'a2');
    const b1 = queue.submit('doc-b', 'b1');
    assert.equal(await a1, undefined);
    assert.deepStrictEqual([runners[0].started, runners[1].started], [['a1'], ['b1']]);
    runners[0].finish('A1 (stale)');
    await settle();
    assert.deepStrictEqual([runners[0].started, runners[1].started], [['a1', 'a2'], ['b1']]);
    runners[0].finish('A2');
    runners[1].finish('B1');
    assert.deepStrictEqual([await a2, await b1], ['A2', 'B1']);
  });

  it('needs at least one runner', () => {
    assert.throws(() => new LatestPerKeyQueue<string, string>([], { abortAfterMs: 0 }), /at least one runner/);
  });
});

describe('falling back to in-process analysis', () => {
  const failingToStart: JobRunner<string, string> & { calls: number } = {
    calls: 0,
    run() {
      this.calls++;
      return Promise.reject(new RunnerStartFailed('Cannot find module analysisWorker.js'));
    },
    abort() {},
  };
  const inProcess: JobRunner<string, string> = { run: (r) => Promise.resolve(`in-process ${r}`), abort() {} };

  it('uses the fallback from the first start failure on, and says why once', async () => {
    const reasons: string[] = [];
    const runner = new FallbackRunner(failingToStart, inProcess, (r) => reasons.push(r));
    assert.deepStrictEqual([await runner.run('a'), await runner.run('b')], ['in-process a', 'in-process b']);
    assert.deepStrictEqual(reasons, ['Cannot find module analysisWorker.js']);
    assert.equal(failingToStart.calls, 1);
    assert.equal(runner.fellBack, true);
  });

  it('a job failing in a worker that did start is a failure, not a fallback', async () => {
    const reasons: string[] = [];
    const crashing: JobRunner<string, string> = { run: () => Promise.reject(new Error('worker ran out of memory')), abort() {} };
    const runner = new FallbackRunner(crashing, inProcess, (r) => reasons.push(r));
    await assert.rejects(runner.run('a'), /out of memory/);
    assert.deepStrictEqual([reasons, runner.fellBack], [[], false]);
  });
});

describe('the worker thread runner (real worker_threads)', function () {
  // A worker loads the compiled core first: allow for a busy machine.
  this.timeout(20000);
  const script = path.resolve(__dirname, '../../src/extension/analysisWorker.js');

  it('runs the job in a worker thread and returns what the job builds in-process', async () => {
    const runner = new WorkerRunner(script);
    try {
      const result = await runner.run(request(11));
      const direct = asResult(runAnalysisJob(request(11), 'worker'));
      assert.deepStrictEqual({ ...result, ms: 0 }, { ...direct, ms: 0 });
      // Aborting stops that worker; the next job starts another one.
      const aborted = runner.run(request(12));
      runner.abort();
      await assert.rejects(aborted, /aborted/);
      assert.deepStrictEqual((await runner.run(request(13, 'Nothing here.\n'))).sidecar, asResult(runAnalysisJob(request(13, 'Nothing here.\n'), 'worker')).sidecar);
      assert.equal(runner.starts, 2);
    } finally {
      runner.dispose();
    }
  });

  it('a worker script that cannot load is a start failure, so the analysis falls back in-process', async () => {
    const runner = new WorkerRunner(path.resolve(__dirname, 'no-such-worker.js'));
    await assert.rejects(runner.run(request(21)), RunnerStartFailed);
    const reasons: string[] = [];
    const fallback = new FallbackRunner(runner, new InProcessRunner(), (r) => reasons.push(r));
    const result = await fallback.run(request(22));
    assert.deepStrictEqual({ ...result, ms: 0 }, { ...asResult(runAnalysisJob(request(22), 'extension host')), ms: 0 });
    assert.equal(reasons.length, 1);
    assert.match(reasons[0], /no-such-worker/);
    runner.dispose();
  });
});
