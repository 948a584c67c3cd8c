/**
 * Analysis jobs, one per runner at a time (a runner per worker thread), in the order they were
 * asked for, with the newest request per document winning. No `vscode`, no Node: the jobs run
 * through `JobRunner` ports (workers, or in-process), so unit tests drive it with fake runners.
 * A job takes the first free runner, so with several runners documents are analysed side by side
 * (Analyse Workspace), while one document at a time only ever uses the first.
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
  private readonly runners: readonly JobRunner<Req, Res>[];
  /** The job each runner is running (same index), if any. */
  private readonly running: (Job<Req, Res> | undefined)[];

  /** `runners`: the runners that run jobs side by side (at least one). */
  constructor(
    runners: readonly JobRunner<Req, Res>[],
    private readonly options: QueueOptions,
  ) {
    this.runners = [...runners];
    if (this.runners.length === 0) throw new Error('LatestPerKeyQueue needs at least one runner');
    this.running = this.runners.map(() => undefined);
  }

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
    return this.waiting.length + this.running.filter((job) => job !== undefined).length;
  }

  private supersede(key: string): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const job = this.waiting[i];
      if (job.key !== key) continue;
      this.waiting.splice(i, 1);
      settle(job, undefined);
    }
    this.running.forEach((running, slot) => {
      if (running?.key !== key || running.settled) return;
      settle(running, undefined);
      if (this.now() - (running.startedAt ?? 0) >= this.options.abortAfterMs) this.runners[slot].abort();
    });
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Starts waiting jobs on free runners, the first free runner first. */
  private pump(): void {
    for (let slot = 0; slot < this.runners.length && this.waiting.length > 0; slot++) {
      if (this.running[slot]) continue;
      // One job per document at a time: a newer request waits until its superseded one has
      // finished (or been aborted), as it did with a single runner.
      const busy = new Set(this.running.map((job) => job?.key).filter((key) => key !== undefined));
      const next = this.waiting.findIndex((job) => job.key === undefined || !busy.has(job.key));
      if (next < 0) return;
      this.start(slot, this.waiting.splice(next, 1)[0]);
    }
  }

  private start(slot: number, job: Job<Req, Res>): void {
    this.running[slot] = job;
    job.startedAt = this.now();
    this.runners[slot].run(job.request).then(
      (result) => settle(job, result),
      (err: unknown) => {
        if (job.settled) return; // aborted because it was superseded: its caller already has undefined
        job.settled = true;
        job.reject(err);
      },
    ).finally(() => {
      this.running[slot] = undefined;
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
