/**
 * Runs analysis jobs in a worker thread (dist/analysisWorker.js), one at a time, started on the
 * first job and kept for the next ones. Aborting a job terminates the worker; the next job starts
 * a fresh one. A worker that never says it is ready fails with `RunnerStartFailed`, so the caller
 * can fall back to analysing in-process.
 */
import { Worker } from 'node:worker_threads';
import { ResultAssembler, isWorkerMessage, runAnalysisJob, type AnalysisRequest, type AnalysisResult } from '../model/analysisProtocol';
import { RunnerStartFailed, type JobRunner } from '../model/analysisQueue';
import { SidecarJson } from '../model/sidecarJson';

interface Current {
  readonly assembler: ResultAssembler;
  resolve(result: AnalysisResult): void;
  reject(err: unknown): void;
}

export class WorkerRunner implements JobRunner<AnalysisRequest, AnalysisResult> {
  private worker: Worker | undefined;
  /** The current worker has said it is ready (start-up succeeded). */
  private ready = false;
  private current: Current | undefined;
  /** Workers started, for the log and the tests. */
  starts = 0;

  /** `json` learns the JSON of each sidecar the worker sends (printed there, off this thread). */
  constructor(
    private readonly scriptPath: string,
    private readonly json = new SidecarJson(),
  ) {}

  /** A worker thread is running (started, not stopped since). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  run(request: AnalysisRequest): Promise<AnalysisResult> {
    return new Promise<AnalysisResult>((resolve, reject) => {
      let worker: Worker;
      try {
        worker = this.worker ?? this.start();
      } catch (err) {
        reject(new RunnerStartFailed(describe(err)));
        return;
      }
      this.current = { assembler: new ResultAssembler(request.id), resolve, reject };
      worker.postMessage(request);
    });
  }

  abort(): void {
    this.stop(new Error('analysis aborted: a newer request replaced it'));
  }

  dispose(): void {
    this.stop(new Error('analysis stopped: the extension is shutting down'));
  }

  private start(): Worker {
    const worker = new Worker(this.scriptPath);
    this.worker = worker;
    this.ready = false;
    this.starts++;
    worker.on('message', (message: unknown) => {
      if (worker === this.worker) this.onMessage(worker, message);
    });
    worker.on('error', (err) => {
      if (worker === this.worker) this.onWorkerGone(describe(err));
    });
    worker.on('exit', (code) => {
      if (worker === this.worker) this.onWorkerGone(`the worker exited with code ${code}`);
    });
    return worker;
  }

  private onMessage(worker: Worker, message: unknown): void {
    if (!isWorkerMessage(message)) return;
    if (message.kind === 'ready') {
      this.ready = true;
      return;
    }
    const current = this.current;
    if (!current) return;
    const step = current.assembler.accept(message);
    if (step.post) worker.postMessage(step.post);
    if (step.failed !== undefined) this.finish((c) => c.reject(new Error(step.failed)));
    else if (step.result) {
      const result = step.result;
      if (step.json !== undefined) this.json.remember(result.sidecar, step.json);
      this.finish((c) => c.resolve(result));
    }
  }

  /** The worker failed or exited: its job fails (as a start-up failure if it never got ready). */
  private onWorkerGone(reason: string): void {
    const neverReady = !this.ready;
    this.worker = undefined;
    this.finish((c) => c.reject(neverReady ? new RunnerStartFailed(reason) : new Error(`analysis worker failed: ${reason}`)));
  }

  private finish(how: (current: Current) => void): void {
    const current = this.current;
    this.current = undefined;
    if (current) how(current);
  }

  private stop(reason: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.terminate();
    this.finish((c) => c.reject(reason));
  }
}

/** Runs jobs on the calling thread: the fallback when no worker can start. */
export class InProcessRunner implements JobRunner<AnalysisRequest, AnalysisResult> {
  run(request: AnalysisRequest): Promise<AnalysisResult> {
    const outcome = runAnalysisJob(request, 'extension host');
    return 'failed' in outcome ? Promise.reject(new Error(outcome.failed)) : Promise.resolve(outcome);
  }

  abort(): void {
    // A job in-process runs to its end in one go; there is nothing left to abort.
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
