/** Entry point of the `quotelens` binary (bundled to dist/cli.js). */
import { main } from './cli';
import { runAsProcess } from './processIo';

void runAsProcess(process, main);
