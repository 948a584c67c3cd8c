/** Runs the analysis core with timing and error capture, and debounces re-analysis per document. */
import * as vscode from 'vscode';
import { analyze, type Analysis, type Entity } from '../../core';
import { MAX_ARTICLE_BYTES, articleSizeProblem, utf8Length } from '../../sidecar';
import type { Log } from './log';

export class AnalysisScheduler implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly log: Log) {}

  /** Why `text` is not analysed: over the one article size limit shared with the CLI (else undefined). */
  sizeProblem(text: string): string | undefined {
    // Three UTF-8 bytes per code unit at most: short texts need no count.
    return text.length * 3 <= MAX_ARTICLE_BYTES ? undefined : articleSizeProblem(utf8Length(text));
  }

  /**
   * Analyses `text`; a text over the size limit is not analysed, and a failure of the core is
   * logged; both yield undefined (never throws).
   */
  run(text: string, knownEntities: readonly Entity[] = [], label = 'document'): Analysis | undefined {
    const tooLarge = this.sizeProblem(text);
    if (tooLarge) {
      this.log.warn(`Not analysing ${label}: ${tooLarge}`);
      return undefined;
    }
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
