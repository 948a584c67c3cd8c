/** Entry point of the `quotelens` binary (bundled to dist/cli.js). */
import { main } from './cli';

/** Writes to stdout and resolves once it can take more, so a slow reader slows us down instead of filling memory. */
function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

main(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  writeOut,
  // Only --jsonl reads stdin: touch process.stdin only then (creating it can hold a terminal).
  get stdin() {
    return process.stdin;
  },
  stderrIsTTY: process.stderr.isTTY,
  stdoutIsTTY: process.stdout.isTTY,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`quotelens: internal error: ${String(e)}\n`);
    process.exitCode = 1;
  },
);
