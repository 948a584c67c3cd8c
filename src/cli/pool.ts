/**
 * Where analyze tasks run: in this thread (`--jobs 1`, or a single file: no worker start-up), or on
 * a tinypool pool of worker threads running `analyzeWorker.js`, which lies beside this module's
 * output both in the bundle (dist/, beside cli.js) and in the tsc output (out/src/cli/).
 */
import * as path from 'node:path';
import type { SidecarFilePort } from '../sidecar';
import { errorLine, runAnalyzeTask, type AnalyzeTask, type JobResult } from './analyzeJob';

export interface TaskRunner {
  /** Never rejects: a task that fails gives a failed result. */
  run(task: AnalyzeTask): Promise<JobResult>;
  close(): Promise<void>;
}

export const WORKER_FILE = path.join(__dirname, 'analyzeWorker.js');

/**
 * Tasks started ahead of the oldest unfinished one, per thread: each thread has the next document
 * at hand when it finishes one (a worker never waits for the pool's next message), and one slow
 * document does not hold up the printing of the others for long. (File operations are direct
 * calls, `fileOps.ts`, so tasks of one thread run one after another.)
 */
export const TASKS_PER_THREAD = 4;

/** Runs tasks in this thread, writing through `port`. */
export function inProcessRunner(port: SidecarFilePort): TaskRunner {
  return {
    run: (task) => runAnalyzeTask(task, port),
    // Stryker disable next-line ArrowFunction: callers await close(); awaiting undefined is the same as an empty resolved promise
    close: () => Promise.resolve(),
  };
}

function workerFailure(task: AnalyzeTask, e: unknown): JobResult {
  const message = `internal error in worker: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  if (task.kind === 'text') return { outcome: 'failed', stdout: errorLine(task.path, message), stderr: '' };
  return { outcome: 'failed', stdout: '', stderr: `quotelens: ${task.file}: ${message}\n` };
}

/**
 * A pool of `threads` workers; each task is the whole per-document job. Tinypool (an ES module) is
 * loaded here, when a pool is needed, by a dynamic import that the bundle keeps as one.
 */
export async function workerPoolRunner(threads: number): Promise<TaskRunner> {
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: WORKER_FILE, minThreads: threads, maxThreads: threads, concurrentTasksPerWorker: TASKS_PER_THREAD });
  return {
    run: (task) => (pool.run(task) as Promise<JobResult>).catch((e: unknown) => workerFailure(task, e)),
    close: () => pool.destroy(),
  };
}
