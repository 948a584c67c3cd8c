/** Runs the analysis core with timing and error capture, and debounces re-analysis per document. */
import * as vscode from 'vscode';
import { analyze, type Analysis, type Entity } from '../../core';
import type { Log } from './log';

export class AnalysisScheduler implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly log: Log) {}

  /** Analyses `text`; a failure of the core is logged and yields undefined (never throws). */
  run(text: string, knownEntities: readonly Entity[] = [], label = 'document'): Analysis | undefined {
    const t0 = Date.now();
    try {
      const analysis = analyze(text, { knownEntities });
      const ms = Date.now() - t0;
      const found = `${analysis.quotes.length} quotes, ${analysis.mentions.length} mentions, ${analysis.figures.length} figures`;
      const message = `Analysed ${label} in ${ms} ms: ${found}`;
      if (ms > 500) this.log.warn(message);
      else this.log.info(message);
      return analysis;
    } catch (err) {
      this.log.error(`Analysis of ${label} failed`, err);
      return undefined;
    }
  }

  /** Runs `task` once `delayMs` after the last call for the same key. */
  schedule(key: string, delayMs: number, task: () => Promise<void> | void): void {
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        Promise.resolve()
          .then(task)
          .catch((err: unknown) => this.log.error(`Scheduled analysis of ${key} failed`, err));
      }, delayMs),
    );
  }

  cancel(key: string): void {
    const t = this.timers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
