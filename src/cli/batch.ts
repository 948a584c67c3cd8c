/**
 * `quotelens analyze` over many documents: FILE arguments or JSON lines on stdin (`--jsonl`), on
 * `--jobs` threads, optionally one `--shard` of them. Results are printed in input order: at most a
 * small window of tasks runs ahead of the oldest unfinished one, so memory stays constant however
 * long the input, and stdout's backpressure (a slow reader) pauses the reading of stdin.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import * as path from 'node:path';
import type { SidecarFilePort } from '../sidecar';
import { errorLine, type AnalyzeTask, type JobResult } from './analyzeJob';
import { parseJsonlLine, type ParsedLine } from './jsonl';
import { TASKS_PER_THREAD, inProcessRunner, workerPoolRunner, type TaskRunner } from './pool';
import { formatProgress, formatSummary } from './progress';
import { inShard, type Shard } from './shard';
import { removeLeftoverTempsIn } from './sidecarFiles';

export interface BatchIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Writes to stdout and resolves when it can take more (backpressure); without it, `stdout`. */
  writeOut?(text: string): Promise<void>;
  /** Standard input (for --jsonl). */
  stdin?: Readable;
  /** stderr is a terminal: show a progress bar redrawn in place. */
  stderrIsTTY?: boolean;
  /** stdout is a terminal (with a bar on the same terminal, per-file lines are left out). */
  stdoutIsTTY?: boolean;
  /** Milliseconds from some fixed point (tests pass their own clock). */
  now?(): number;
}

export interface BatchOptions {
  jobs: number;
  quiet: boolean;
  shard: Shard | undefined;
}

/** Tasks started ahead of the oldest unfinished one: a few per thread (see `TASKS_PER_THREAD`). */
function windowFor(threads: number): number {
  return Math.max(1, threads) * TASKS_PER_THREAD;
}
/** The progress bar is redrawn at most this often. */
const REDRAW_MS = 100;

/**
 * Starts `start(item)` for each item with at most `window` unfinished, and hands the results to
 * `emit` in input order (awaiting it, so a slow `emit` slows the reading of `items`).
 */
export async function runInOrder<T, R>(items: Iterable<T> | AsyncIterable<T>, window: number, start: (item: T) => Promise<R>, emit: (result: R) => void | Promise<void>): Promise<void> {
  const pending: Promise<R>[] = [];
  const emitOldest = async () => {
    const oldest = pending.shift();
    if (oldest) await emit(await oldest);
  };
  for await (const item of items) {
    pending.push(start(item));
    if (pending.length >= window) await emitOldest();
  }
  while (pending.length > 0) await emitOldest();
}

function runnerFor(threads: number, port: SidecarFilePort): Promise<TaskRunner> {
  return threads <= 1 ? Promise.resolve(inProcessRunner(port)) : workerPoolRunner(threads);
}

/** Prints results, the progress bar and the summary; counts outcomes. */
class Reporter {
  private readonly started: number;
  private analysed = 0;
  private unchanged = 0;
  private failed = 0;
  private lastDraw = -Infinity;
  private barVisible = false;

  constructor(
    private readonly io: BatchIo,
    private readonly total: number | undefined,
    private readonly showBar: boolean,
    /** Print each result's stdout (per-file lines); data (sidecars, JSONL) always is. */
    private readonly printLines: boolean,
    private readonly now: () => number,
  ) {
    this.started = now();
  }

  get anyFailed(): boolean {
    return this.failed > 0;
  }

  async add(result: JobResult, isData: boolean): Promise<void> {
    this[result.outcome === 'analysed' ? 'analysed' : result.outcome === 'unchanged' ? 'unchanged' : 'failed']++;
    if (result.stderr) {
      this.clearBar();
      this.io.stderr(result.stderr);
    }
    if (result.stdout && (isData || this.printLines)) {
      if (!isData) this.clearBar();
      await (this.io.writeOut ? this.io.writeOut(result.stdout) : Promise.resolve(this.io.stdout(result.stdout)));
    }
    this.drawBar(false);
  }

  /** Clears the bar and prints the summary line (when asked for). */
  finish(withSummary: boolean): void {
    this.clearBar();
    const elapsedMs = this.now() - this.started;
    if (withSummary) this.io.stderr(`quotelens: ${formatSummary({ analysed: this.analysed, unchanged: this.unchanged, failed: this.failed, elapsedMs })}\n`);
  }

  private drawBar(force: boolean): void {
    if (!this.showBar) return;
    const now = this.now();
    if (!force && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const done = this.analysed + this.unchanged + this.failed;
    this.io.stderr(`\r${formatProgress({ done, total: this.total, failed: this.failed, elapsedMs: now - this.started })}\x1b[K`);
    this.barVisible = true;
  }

  private clearBar(): void {
    if (!this.barVisible) return;
    this.io.stderr('\r\x1b[K');
    this.barVisible = false;
    this.lastDraw = -Infinity; // redraw below whatever was printed
  }
}

function clock(io: BatchIo): () => number {
  return io.now ? () => io.now?.() ?? 0 : () => performance.now();
}

/** Analyses FILE arguments (their sidecars written beside them, or printed with `toStdout`). */
export async function analyzeFiles(files: readonly string[], toStdout: boolean, options: BatchOptions, io: BatchIo, port: SidecarFilePort): Promise<number> {
  const mine = files.filter((file) => inShard(file, options.shard));
  const threads = Math.min(options.jobs, mine.length);
  // One FILE keeps its one result line (as before there was a bar): a bar would only replace it.
  const showBar = io.stderrIsTTY === true && !options.quiet && !toStdout && files.length > 1;
  const printLines = !options.quiet && !(showBar && io.stdoutIsTTY === true);
  const reporter = new Reporter(io, mine.length, showBar, printLines, clock(io));
  const runner = await runnerFor(threads, port);
  try {
    // Leftover temp files: one listing per folder, not one per article (a folder of n articles
    // would be read n times).
    const cleanFolders = !toStdout && mine.length > 1;
    if (cleanFolders) for (const dir of new Set(mine.map((file) => path.dirname(file)))) await removeLeftoverTempsIn(dir);
    const tasks = mine.map((file): AnalyzeTask => ({ kind: 'file', file, toStdout, ...(cleanFolders ? { foldersCleaned: true } : {}) }));
    await runInOrder(tasks, windowFor(threads), (task) => runner.run(task), (result) => reporter.add(result, toStdout));
  } finally {
    await runner.close();
  }
  // A single FILE's one line says it all (and keeps the output of earlier versions).
  reporter.finish(files.length > 1 || options.quiet);
  return reporter.anyFailed ? 1 : 0;
}

/** The JSONL lines of `input` in this shard, parsed; blank lines skipped. */
async function* linesOfShard(input: Readable, shard: Shard | undefined): AsyncGenerator<ParsedLine> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const parsed = parseJsonlLine(line, lineNumber);
    if (inShard(parsed.ok ? parsed.task.path : parsed.shardKey, shard)) yield parsed;
  }
}

/** `--jsonl`: JSON lines on stdin → one compact sidecar (or error) line each on stdout, in input order. */
export async function analyzeJsonl(options: BatchOptions, io: BatchIo, port: SidecarFilePort): Promise<number> {
  const input = io.stdin;
  if (!input) throw new Error('no standard input');
  const showBar = io.stderrIsTTY === true && !options.quiet;
  const reporter = new Reporter(io, undefined, showBar, false, clock(io));
  const runner = await runnerFor(options.jobs, port);
  const start = (parsed: ParsedLine): Promise<JobResult> =>
    parsed.ok ? runner.run(parsed.task) : Promise.resolve({ outcome: 'failed', stdout: errorLine(parsed.path, parsed.error), stderr: '' });
  try {
    await runInOrder(linesOfShard(input, options.shard), windowFor(options.jobs), start, (result) => reporter.add(result, true));
  } finally {
    await runner.close();
  }
  reporter.finish(true);
  return reporter.anyFailed ? 1 : 0;
}
