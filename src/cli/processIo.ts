/**
 * The `quotelens` process around `main`: its arguments, standard streams and exit code. Kept apart
 * from the entry point (main.ts, which only calls `runAsProcess(process)`) so that it runs in tests
 * with streams of their own.
 */
import type { Readable } from 'node:stream';
import type { CliIo } from './cli';

/** What `runAsProcess` uses of a Node process. */
export interface ProcessLike {
  argv: readonly string[];
  stdout: OutStream;
  stderr: OutStream;
  /** Read only when asked for (creating `process.stdin` can hold a terminal). */
  readonly stdin: Readable;
  exitCode?: number | string | null;
}

export interface OutStream {
  write(text: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
}

/** The CLI's view of a process: plain writes, stdout with backpressure, stdin on demand, terminals. */
export function processIo(proc: ProcessLike): CliIo {
  return {
    stdout: (text) => void proc.stdout.write(text),
    stderr: (text) => void proc.stderr.write(text),
    // Resolves once stdout can take more, so a slow reader slows the CLI down instead of filling memory.
    writeOut: (text) =>
      new Promise<void>((resolve) => {
        if (proc.stdout.write(text)) resolve();
        else proc.stdout.once('drain', resolve);
      }),
    // Only --jsonl reads stdin: touch it only then.
    get stdin() {
      return proc.stdin;
    },
    stderrIsTTY: proc.stderr.isTTY === true,
    stdoutIsTTY: proc.stdout.isTTY === true,
  };
}

/**
 * Runs `run` (the CLI's `main`) on the process's arguments after the script name and sets its exit
 * code; a rejection (a bug: `main` returns problems as exit codes) becomes one line on stderr and 1.
 */
export async function runAsProcess(proc: ProcessLike, run: (argv: readonly string[], io: CliIo) => Promise<number>): Promise<void> {
  try {
    proc.exitCode = await run(proc.argv.slice(2), processIo(proc));
  } catch (e) {
    proc.stderr.write(`quotelens: internal error: ${String(e)}\n`);
    proc.exitCode = 1;
  }
}
