/**
 * Reading documents and their sidecars from disk for the CLI (shared by `analyze`, `validate`,
 * `export` and the analyze workers). Problems come back as data or through `report`, one line each.
 */
import { readFile, stat } from './fileOps';
import * as path from 'node:path';
import {
  MAX_SIDECAR_BYTES,
  SIDECAR_SUFFIX,
  articleSizeProblem,
  decodeDocument,
  documentRootOf,
  formatIssues,
  parseSidecar,
  resolveDocumentPath,
  sidecarSizeProblem,
  type Sidecar,
} from '../sidecar';

export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

export function errnoProblem(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

/**
 * Reads a text file (UTF-8, or UTF-16 with a byte order mark), refusing directories, files over
 * `sizeProblem`'s limit (checked before reading), binary data, invalid text and (optionally) empty files.
 */
export async function readText(file: string, sizeProblem: (bytes: number) => string | undefined, allowEmpty = false): Promise<Read<string>> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { ok: false, problem: 'is a directory' };
    if (!info.isFile()) return { ok: false, problem: 'not a regular file' };
    const tooLarge = sizeProblem(info.size);
    if (tooLarge) return { ok: false, problem: tooLarge };
    const bytes = await readFile(file);
    if (bytes.length === 0 && !allowEmpty) return { ok: false, problem: 'file is empty' };
    const decoded = decodeDocument(bytes);
    if (!decoded.ok) return { ok: false, problem: decoded.problem };
    if (!allowEmpty && decoded.text.trim() === '') return { ok: false, problem: 'file is empty (only whitespace)' };
    return { ok: true, value: decoded.text };
  } catch (e) {
    return { ok: false, problem: errnoProblem(e) };
  }
}

export function sidecarSizeLimit(bytes: number): string | undefined {
  return sidecarSizeProblem(bytes, MAX_SIDECAR_BYTES);
}

/** Slash-separated absolute path, as the pure path checks expect. */
function slashPath(file: string): string {
  return path.resolve(file).split(path.sep).join('/');
}

/** The document a sidecar names, if its `document.path` stays inside the sidecar's folder (or workspace, for `.quotelens/`). */
export function documentOfSidecar(sidecarFile: string, sidecar: Sidecar): Read<string> {
  const abs = slashPath(sidecarFile);
  const resolved = resolveDocumentPath(abs, sidecar.document.path, documentRootOf(abs));
  return resolved.ok ? { ok: true, value: resolved.path } : { ok: false, problem: resolved.problem };
}

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}


export interface LoadedSidecar {
  sidecarPath: string;
  /** The file's text as read (the base of a guarded write); undefined when there is no sidecar. */
  text: string | undefined;
  sidecar: Sidecar | undefined;
}

/** Loads FILE's sidecar if there is one; an invalid one is reported and gives undefined. */
export async function loadSidecar(file: string, report: (line: string) => void): Promise<LoadedSidecar | undefined> {
  const sidecarPath = file + SIDECAR_SUFFIX;
  if (!(await exists(sidecarPath))) return { sidecarPath, text: undefined, sidecar: undefined };
  const read = await readText(sidecarPath, sidecarSizeLimit, true);
  if (!read.ok) {
    report(`quotelens: ${sidecarPath}: ${read.problem}\n`);
    return undefined;
  }
  const parsed = parseSidecar(read.value);
  if (!parsed.ok) {
    report(`quotelens: ${sidecarPath}: invalid sidecar, left untouched\n${formatIssues(sidecarPath, parsed.issues)}\n`);
    return undefined;
  }
  const doc = documentOfSidecar(sidecarPath, parsed.sidecar);
  if (!doc.ok) {
    report(`quotelens: ${sidecarPath}: invalid sidecar, left untouched: ${doc.problem}\n`);
    return undefined;
  }
  return { sidecarPath, text: read.value, sidecar: parsed.sidecar };
}

/** Reads a document and its sidecar (if any); reports a problem through `report` and returns undefined. */
export async function loadDocument(file: string, report: (line: string) => void): Promise<{ text: string; loaded: LoadedSidecar } | undefined> {
  const doc = await readText(file, articleSizeProblem);
  if (!doc.ok) {
    report(`quotelens: ${file}: ${doc.problem}\n`);
    return undefined;
  }
  const loaded = await loadSidecar(file, report);
  return loaded ? { text: doc.value, loaded } : undefined;
}
