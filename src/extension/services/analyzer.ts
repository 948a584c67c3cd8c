/**
 * Runs the analysis off the extension host thread, and debounces re-analysis per document.
 * Jobs go to long-lived worker threads (`WorkerRunner`, one per core up to MAX_ANALYSIS_THREADS,
 * each started on its first job) through a queue where a newer request for a document supersedes
 * its older one (`LatestPerKeyQueue`): one document at a time uses the first worker, Analyse
 * Workspace keeps them all busy. If a worker cannot start, its jobs run in-process instead
 * (logged once). The worker also builds the sidecar, so the host only receives the finished objects.
 */
import { availableParallelism } from 'node:os';
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

/** Worker threads at most: each holds a copy of the analysis and of the article it analyses. */
export const MAX_ANALYSIS_THREADS = 4;

/** One analysis thread per core, at most MAX_ANALYSIS_THREADS, at least one. */
export function analysisThreadsFor(cores: number): number {
  return Math.max(1, Math.min(MAX_ANALYSIS_THREADS, Math.floor(cores)));
}

export class AnalysisScheduler implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly workers: WorkerRunner[];
  /** How many documents can be analysed side by side (worker threads at most). */
  readonly threads: number;
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
    /** Cores to use: one worker thread each (started on its first job), up to MAX_ANALYSIS_THREADS. */
    cores = availableParallelism(),
  ) {
    this.threads = analysisThreadsFor(cores);
    this.workers = Array.from({ length: this.threads }, () => new WorkerRunner(workerScript, json));
    let warned = false;
    const runners = this.workers.map(
      (worker) =>
        new FallbackRunner(worker, new InProcessRunner(), (reason) => {
          if (!warned) this.log.warn(`The analysis worker could not start (${reason}); QuoteLens analyses in the extension host instead`);
          warned = true;
        }),
    );
    this.queue = new LatestPerKeyQueue(runners, { abortAfterMs: ABORT_SUPERSEDED_AFTER_MS });
  }

  /** Where the last finished job ran (undefined before the first). */
  get lastRanIn(): RanIn | undefined {
    return this.lastRan;
  }

  /** Jobs waiting or running. */
  get pending(): number {
    return this.queue.size;
  }

  /** Worker threads started so far, all workers together (a superseded long job restarts its worker). */
  get workerStarts(): number {
    return this.workers.reduce((sum, worker) => sum + worker.starts, 0);
  }

  /** Worker threads running now (each is started on its first job). */
  get workersRunning(): number {
    return this.workers.filter((worker) => worker.running).length;
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
    for (const worker of this.workers) worker.dispose();
  }
}
