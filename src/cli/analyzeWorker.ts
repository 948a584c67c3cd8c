/**
 * Entry point of the analyze pool's worker threads (bundled to dist/analyzeWorker.js beside
 * dist/cli.js; compiled to out/src/cli/analyzeWorker.js for the tests). Tinypool calls the default
 * export once per task; sidecars are written through the Node file system.
 */
import { runAnalyzeTask, type AnalyzeTask, type JobResult } from './analyzeJob';
import { nodeSidecarPort } from './sidecarFiles';

export default function analyzeInWorker(task: AnalyzeTask): Promise<JobResult> {
  return runAnalyzeTask(task, nodeSidecarPort);
}
