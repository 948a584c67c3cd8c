/**
 * Analysis jobs, one at a time, with the newest request per document winning. No `vscode`, no
 * Node: the jobs run through a `JobRunner` port (the worker, or in-process), so unit tests drive
 * it with a fake runner.
 *
 * A request for a document supersedes that document's older one: a waiting request is dropped
 * without running, and the caller of either gets `undefined` at once. A running one that has run
 * for `abortAfterMs` already is aborted (the worker is terminated and started again for the next
 * job): analysing a 1 MB article takes seconds and starting a worker a fraction of one, so
 * finishing a long stale job would only delay the one that matters. A job superseded sooner (a
 * small article) finishes, which is cheaper than a restart, and its result is dropped.
 */

/** Runs one job at a time. */
export interface JobRunner<Req, Res> {
  /** Runs `request`; rejects when the runner failed (or was aborted). */
  run(request: Req): Promise<Res>;
  /** Abandons the job running now: its `run` rejects soon after. */
  abort(): void;
}

/** Thrown by a runner that could not start at all (e.g. the worker script failed to load). */
export class RunnerStartFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunnerStartFailed';
  }
}

interface Job<Req, Res> {
  readonly key: string | undefined;
  readonly request: Req;
  settled: boolean;
  /** When it started running (the queue's clock). */
  startedAt?: number;
  resolve(value: Res | undefined): void;
  reject(err: unknown): void;
}

export interface QueueOptions {
  /** A superseded running job is aborted once it has run this long (else it finishes, result dropped). */
  readonly abortAfterMs: number;
  /** Milliseconds since some fixed point (`Date.now` by default). */
  readonly now?: () => number;
}

export class LatestPerKeyQueue<Req, Res> {
  private readonly waiting: Job<Req, Res>[] = [];
  private running: Job<Req, Res> | undefined;

  constructor(
    private readonly runner: JobRunner<Req, Res>,
    private readonly options: QueueOptions,
  ) {}

  /**
   * Runs `request` after the jobs before it. With a `key` (a document), a later request with the
   * same key supersedes it: this one then resolves to undefined. Without a key it always runs.
   */
  submit(key: string | undefined, request: Req): Promise<Res | undefined> {
    if (key !== undefined) this.supersede(key);
    return new Promise<Res | undefined>((resolve, reject) => {
      this.waiting.push({ key, request, settled: false, resolve, reject });
      this.pump();
    });
  }

  /** Jobs waiting or running. */
  get size(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  private supersede(key: string): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const job = this.waiting[i];
      if (job.key !== key) continue;
      this.waiting.splice(i, 1);
      settle(job, undefined);
    }
    const running = this.running;
    if (running?.key === key && !running.settled) {
      settle(running, undefined);
      if (this.now() - (running.startedAt ?? 0) >= this.options.abortAfterMs) this.runner.abort();
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private pump(): void {
    if (this.running) return;
    const job = this.waiting.shift();
    if (!job) return;
    this.running = job;
    job.startedAt = this.now();
    this.runner.run(job.request).then(
      (result) => settle(job, result),
      (err: unknown) => {
        if (job.settled) return; // aborted because it was superseded: its caller already has undefined
        job.settled = true;
        job.reject(err);
      },
    ).finally(() => {
      this.running = undefined;
      this.pump();
    });
  }
}

function settle<Req, Res>(job: Job<Req, Res>, value: Res | undefined): void {
  if (job.settled) return;
  job.settled = true;
  job.resolve(value);
}

/**
 * A runner that uses `primary` until it fails to start (`RunnerStartFailed`), then `fallback` for
 * that job and every later one; `onFallback` is told once why.
 */
export class FallbackRunner<Req, Res> implements JobRunner<Req, Res> {
  private usingFallback = false;

  constructor(
    private readonly primary: JobRunner<Req, Res>,
    private readonly fallback: JobRunner<Req, Res>,
    private readonly onFallback: (reason: string) => void,
  ) {}

  get fellBack(): boolean {
    return this.usingFallback;
  }

  async run(request: Req): Promise<Res> {
    if (this.usingFallback) return this.fallback.run(request);
    try {
      return await this.primary.run(request);
    } catch (err) {
      if (!(err instanceof RunnerStartFailed)) throw err;
      this.usingFallback = true;
      this.onFallback(err.message);
      return this.fallback.run(request);
    }
  }

  abort(): void {
    if (this.usingFallback) this.fallback.abort();
    else this.primary.abort();
  }
}
