/**
 * The analysis worker (a worker_threads entry, bundled as dist/analysisWorker.js): runs the pure
 * analysis and sidecar building off the extension host thread, one request at a time. What it
 * answers is decided in `model/analysisProtocol.ts`; this file only connects that to the port.
 */
import { parentPort } from 'node:worker_threads';
import { WORKER_READY, createWorkerHandler } from './model/analysisProtocol';

const port = parentPort;
if (port) {
  const handle = createWorkerHandler();
  port.on('message', (message: unknown) => port.postMessage(handle(message)));
  port.postMessage(WORKER_READY);
}
