/**
 * A task (e.g. saving one sidecar) run once a quiet period after the last request, and never twice
 * at the same time: a run requested while one is in flight starts after it. Time comes from an
 * injected clock, so unit tests drive it with fake timers. No `vscode` here.
 */

/** The two timer functions the debounce needs (the real ones by default). */
export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class DebouncedTask<T = void> {
  private timer: { handle: unknown } | undefined;
  private running: Promise<T | undefined> | undefined;

  /** `task` should report its own failures; a rejection is swallowed here (the result is undefined). */
  constructor(
    private readonly clock: Clock,
    private readonly delayMs: number,
    private readonly task: () => Promise<T>,
  ) {}

  /** A run is waiting for its quiet period to end. */
  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  /** The run in flight (and those queued behind it), if any. */
  get busy(): Promise<unknown> | undefined {
    return this.running;
  }

  /** (Re)starts the quiet period; the task runs when it ends. */
  schedule(): void {
    this.cancel();
    const timer = { handle: undefined as unknown };
    timer.handle = this.clock.setTimeout(() => {
      if (this.timer !== timer) return;
      this.timer = undefined;
      void this.start();
    }, this.delayMs);
    this.timer = timer;
  }

  /** Drops a scheduled run (one in flight finishes). */
  cancel(): void {
    if (this.timer === undefined) return;
    this.clock.clearTimeout(this.timer.handle);
    this.timer = undefined;
  }

  /** Runs the task now (after the one in flight), dropping a scheduled run it makes redundant. */
  runNow(): Promise<T | undefined> {
    this.cancel();
    return this.start();
  }

  /** Runs a scheduled task now, or waits for the one in flight; resolves when nothing is left. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) await this.runNow();
    while (this.running) await this.running;
  }

  private start(): Promise<T | undefined> {
    const next = (this.running ?? Promise.resolve()).then(() => this.task()).catch(() => undefined);
    this.running = next;
    return next.finally(() => {
      if (this.running === next) this.running = undefined;
    });
  }
}
