/**
 * Runs the analysis off the extension host thread, and debounces re-analysis per document.
 * Jobs go to one long-lived worker thread (`WorkerRunner`) through a queue where a newer request
 * for a document supersedes its older one (`LatestPerKeyQueue`); if the worker cannot start,
 * they run in-process instead (logged once). The worker also builds the sidecar, so the host only
 * receives the finished objects.
 */
import * as vscode from 'vscode';
import type { Entity } from '../../core';
import { MAX_ARTICLE_BYTES, articleSizeProblem, utf8Length, type Sidecar } from '../../sidecar';
import { describeResult, keptPart, type AnalysisRequest, type AnalysisResult, type RanIn } from '../model/analysisProtocol';
import { FallbackRunner, LatestPerKeyQueue } from '../model/analysisQueue';
import { SidecarJson } from '../model/sidecarJson';
import { nodeHasher, type DocumentHasher } from './hasher';
import type { Log } from './log';
import { InProcessRunner, WorkerRunner } from './workerRunner';

export interface AnalyzeOptions {
  /** The document path written into the sidecar. */
  readonly docPath: string;
  /** Current annotations: manual and reviewed ones are kept. */
  readonly previous?: Sidecar;
  /**
   * The document (its URI) when only the newest request matters, e.g. suggestions while typing:
   * an older request with the same key is then dropped or aborted. Without it the job always runs.
   */
  readonly supersedeKey?: string;
}

export type AnalysisOutcome =
  | { readonly ok: true; readonly result: AnalysisResult }
  | { readonly ok: false; readonly reason: 'too large' | 'failed' | 'superseded'; readonly message: string };

/**
 * A superseded job that has run this long is stopped by restarting the worker. Measured on a
 * loaded 2-core machine: a worker starts in 0.2–0.7 s, a 1 MB article takes 4–6 s to analyse.
 */
const ABORT_SUPERSEDED_AFTER_MS = 250;

export class AnalysisScheduler implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly worker: WorkerRunner;
  private readonly runner: FallbackRunner<AnalysisRequest, AnalysisResult>;
  private readonly queue: LatestPerKeyQueue<AnalysisRequest, AnalysisResult>;
  private nextId = 1;
  private lastRan: RanIn | undefined;

  /**
   * `workerScript`: the bundled worker entry (dist/analysisWorker.js); `json` learns the JSON the
   * worker prints of each sidecar it builds (the store's, so that saving need not print it again).
   */
  constructor(
    private readonly log: Log,
    workerScript: string,
    json = new SidecarJson(),
    private readonly hasher: DocumentHasher = nodeHasher,
  ) {
    this.worker = new WorkerRunner(workerScript, json);
    this.runner = new FallbackRunner(this.worker, new InProcessRunner(), (reason) =>
      this.log.warn(`The analysis worker could not start (${reason}); QuoteLens analyses in the extension host instead`),
    );
    this.queue = new LatestPerKeyQueue(this.runner, { abortAfterMs: ABORT_SUPERSEDED_AFTER_MS });
  }

  /** Where the last finished job ran (undefined before the first). */
  get lastRanIn(): RanIn | undefined {
    return this.lastRan;
  }

  /** Jobs waiting or running. */
  get pending(): number {
    return this.queue.size;
  }

  /** Worker threads started so far (a superseded long job restarts it). */
  get workerStarts(): number {
    return this.worker.starts;
  }

  /** Why `text` is not analysed: over the one article size limit shared with the CLI (else undefined). */
  sizeProblem(text: string): string | undefined {
    // Three UTF-8 bytes per code unit at most: short texts need no count.
    return text.length * 3 <= MAX_ARTICLE_BYTES ? undefined : articleSizeProblem(utf8Length(text));
  }

  /**
   * Analyses `text` and builds its sidecar (in the worker). A text over the size limit is not
   * analysed, and a failure is logged; never rejects.
   */
  async analyze(text: string, knownEntities: readonly Entity[], label: string, options: AnalyzeOptions): Promise<AnalysisOutcome> {
    const tooLarge = this.sizeProblem(text);
    if (tooLarge) {
      this.log.warn(`Not analysing ${label}: ${tooLarge}`);
      return { ok: false, reason: 'too large', message: tooLarge };
    }
    const request: AnalysisRequest = {
      kind: 'analyze',
      id: this.nextId++,
      text,
      docPath: options.docPath,
      documentHash: this.hasher.sha256(text),
      knownEntities,
      ...(options.previous ? { previous: keptPart(options.previous) } : {}),
    };
    try {
      const result = await this.queue.submit(options.supersedeKey, request);
      if (!result) return { ok: false, reason: 'superseded', message: `a newer analysis of ${label} replaced this one` };
      this.lastRan = result.ranIn;
      const message = describeResult(label, result);
      if (result.ms > 500) this.log.warn(message);
      else this.log.info(message);
      return { ok: true, result };
    } catch (err) {
      this.log.error(`Analysis of ${label} failed`, err);
      return { ok: false, reason: 'failed', message: err instanceof Error ? err.message : String(err) };
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
    this.worker.dispose();
  }
}
