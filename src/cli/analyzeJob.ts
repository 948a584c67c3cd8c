/**
 * The whole job of `quotelens analyze` for one document, shared by the in-process path (`--jobs 1`)
 * and the pool's workers (`analyzeWorker.ts`): read, analyse, build, guarded write. A job never
 * throws and prints nothing itself; it returns a small result (its output lines and outcome), which
 * the main thread prints, so output is the same whichever thread ran the job.
 */
import * as path from 'node:path';
import { analyze } from '../core';
import { sha256Hex } from '../platform/node';
import { SIDECAR_SUFFIX, buildSidecar, orderedSidecar, serializeSidecar, writeSidecarGuarded, type Sidecar, type SidecarFilePort } from '../sidecar';
import { loadDocument } from './documents';
import { removeLeftoverTemps } from './sidecarFiles';

/** A FILE argument: its sidecar is written beside it (or its JSON printed, with --stdout). */
export interface FileTask {
  kind: 'file';
  file: string;
  toStdout: boolean;
  /** Leftover temp files of this folder were already removed (a batch does it once per folder). */
  foldersCleaned?: boolean;
}

/** A document read from a JSONL line (`--jsonl`): its sidecar becomes one compact line of stdout. */
export interface TextTask {
  kind: 'text';
  path: string;
  text: string;
}

export type AnalyzeTask = FileTask | TextTask;

/** analysed: a sidecar was written or printed; unchanged: the sidecar on disk was already up to date. */
export type Outcome = 'analysed' | 'unchanged' | 'failed';

export interface JobResult {
  outcome: Outcome;
  /** Text for stdout ('' for none): a summary line, a sidecar, or a JSONL output line. */
  stdout: string;
  /** Text for stderr ('' for none): one-line problems. */
  stderr: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(s: Sidecar): string {
  const live = s.annotations.filter((a) => a.status !== 'rejected');
  const count = (t: string) => live.filter((a) => a.type === t).length;
  const orphaned = s.annotations.filter((a) => a.orphaned).length;
  return `${plural(count('quote'), 'quote')}, ${plural(count('speaker'), 'speaker')}, ${plural(count('figure'), 'figure')}` + (orphaned ? `, ${orphaned} orphaned` : '');
}

function mergeNote(merged: boolean, conflicts: readonly string[]): string {
  if (!merged) return '';
  const kept = conflicts.length ? `; ${plural(conflicts.length, 'conflict')}, the version on disk kept` : '';
  return ` (merged with changes made meanwhile${kept})`;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function failed(stderr: string): JobResult {
  return { outcome: 'failed', stdout: '', stderr };
}

/** Analyses one FILE and writes (or prints) its sidecar, keeping reviewed work of an existing one. */
export async function analyzeFile(task: FileTask, port: SidecarFilePort): Promise<JobResult> {
  const { file } = task;
  if (file.endsWith(SIDECAR_SUFFIX)) return failed(`quotelens: ${file}: is a sidecar file; pass the document instead\n`);
  let problems = '';
  const read = await loadDocument(file, (line) => (problems += line));
  if (!read) return failed(problems);
  const { text, loaded } = read;
  const documentHash = sha256Hex(text);
  let sidecar: Sidecar;
  try {
    const analysis = analyze(text, { knownEntities: loaded.sidecar?.entities ?? [] });
    sidecar = buildSidecar(path.basename(file), text, documentHash, analysis, loaded.sidecar);
  } catch (e) {
    return failed(`quotelens: ${file}: analysis failed: ${messageOf(e)}\n`);
  }
  const json = serializeSidecar(sidecar);
  if (task.toStdout) return { outcome: 'analysed', stdout: json, stderr: '' };
  if (!task.foldersCleaned) await removeLeftoverTemps(loaded.sidecarPath);
  if (loaded.text === json) return { outcome: 'unchanged', stdout: `${file}: ${summary(sidecar)} (unchanged)\n`, stderr: '' };
  const written = await writeSidecarGuarded(port, loaded.sidecarPath, loaded.text, sidecar, { documentText: text, documentHash, serialized: json });
  if (!written.ok) return failed(`quotelens: ${written.message}\n`);
  const line = `${file}: ${summary(written.sidecar)} → ${path.basename(loaded.sidecarPath)}${mergeNote(written.merged, written.conflicts)}\n`;
  return { outcome: 'analysed', stdout: line, stderr: '' };
}

/** The JSONL output line reporting that the document `path` (null when unknown) gave no sidecar. */
export function errorLine(docPath: string | null, error: string): string {
  return JSON.stringify({ path: docPath, error }) + '\n';
}

/**
 * Analyses a document given as text (no file is read or written): its sidecar, as the file beside
 * `path` would hold it (document path = the base name), on one compact line.
 */
export function analyzeText(task: TextTask): JobResult {
  try {
    const sidecar = buildSidecar(path.basename(task.path), task.text, sha256Hex(task.text), analyze(task.text));
    return { outcome: 'analysed', stdout: JSON.stringify(orderedSidecar(sidecar)) + '\n', stderr: '' };
  } catch (e) {
    return { outcome: 'failed', stdout: errorLine(task.path, `analysis failed: ${messageOf(e)}`), stderr: '' };
  }
}

/** Runs any analyze task; never rejects (a failure is a result). */
export async function runAnalyzeTask(task: AnalyzeTask, port: SidecarFilePort): Promise<JobResult> {
  try {
    return task.kind === 'file' ? await analyzeFile(task, port) : analyzeText(task);
  } catch (e) {
    const name = task.kind === 'file' ? task.file : task.path;
    if (task.kind === 'text') return { outcome: 'failed', stdout: errorLine(name, `internal error: ${messageOf(e)}`), stderr: '' };
    return failed(`quotelens: ${name}: internal error: ${messageOf(e)}\n`);
  }
}
