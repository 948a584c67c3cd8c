/** Entry point of the `quotelens` binary (bundled to dist/cli.js). */
import { main } from './cli';

main(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`quotelens: internal error: ${String(e)}\n`);
    process.exitCode = 1;
  },
);
