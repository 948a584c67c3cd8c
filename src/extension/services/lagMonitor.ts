/**
 * Measures how long the extension host thread is blocked: a 10 ms interval timer notes the
 * longest gap between its ticks. Started only on request (the tests' API), so it costs nothing
 * otherwise. Figures for benchmarks and reports, never for timed assertions.
 */
import * as vscode from 'vscode';

export interface LagFigures {
  /** Longest time between two ticks, in ms (10 when nothing blocked). */
  readonly longestGapMs: number;
  /** Ticks whose gap exceeded 50 ms. */
  readonly gapsOver50Ms: number;
  readonly ticks: number;
}

const TICK_MS = 10;

export class LagMonitor implements vscode.Disposable {
  private timer: ReturnType<typeof setInterval> | undefined;
  private last = 0;
  private figures = { longestGapMs: 0, gapsOver50Ms: 0, ticks: 0 };

  /** Starts (or restarts) measuring from now. */
  start(): void {
    this.stopTimer();
    this.figures = { longestGapMs: 0, gapsOver50Ms: 0, ticks: 0 };
    this.last = performance.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  /** Stops measuring and returns what was seen since `start` (including the gap up to now). */
  stop(): LagFigures {
    this.tick();
    this.stopTimer();
    return { ...this.figures, longestGapMs: Math.round(this.figures.longestGapMs) };
  }

  private tick(): void {
    const now = performance.now();
    const gap = now - this.last;
    this.last = now;
    this.figures.ticks++;
    this.figures.longestGapMs = Math.max(this.figures.longestGapMs, gap);
    if (gap > 50) this.figures.gapsOver50Ms++;
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.stopTimer();
  }
}
