/**
 * The `quotelens` command line. `main` is callable in-process (tests pass their own io); `main.ts`
 * wires it to the real process. Node built-ins are allowed here (not in core/sidecar/export).
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { analyze } from '../core';
import { EXPORT_FORMATS, exportAnnotations, type ExportDocument, type ExportFormat } from '../export';
import {
  MAX_ARTICLE_BYTES,
  MAX_SIDECAR_BYTES,
  SIDECAR_SUFFIX,
  articleSizeProblem,
  buildSidecar,
  checkAgainstDocument,
  decodeDocument,
  documentRootOf,
  formatBytes,
  formatIssues,
  parseSidecar,
  reanchor,
  resolveDocumentPath,
  serializeSidecar,
  sidecarSizeProblem,
  writeSidecarGuarded,
  type Sidecar,
  type SidecarFilePort,
} from '../sidecar';
import { sha256Hex } from './hash';
import { nodeSidecarPort, removeLeftoverTemps } from './sidecarFiles';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = `Usage: quotelens <command> [options] FILE...

Commands:
  analyze FILE... [--stdout]    Find quotes, speakers and figures; write FILE.annotations.json
                                (reviewed annotations in an existing sidecar are kept and re-anchored;
                                changes saved by others meanwhile are merged, never overwritten).
                                --stdout prints the sidecar instead of writing it (one FILE only).
                                Documents: UTF-8, or UTF-16 with a byte order mark; at most ${formatBytes(MAX_ARTICLE_BYTES)}.
  validate SIDECAR...           Check sidecar files (a document path checks its sidecar).
  export --format FORMAT [--out PATH] [--bom] FILE...
                                Export annotations of documents. FORMAT: ${EXPORT_FORMATS.map((f) => f.format).join(', ')}.
                                Without --out, single-file formats print to stdout and brat writes
                                a .ann file beside each document (with annotation.conf and
                                visual.conf); with brat, --out is a folder that also gets each .txt.
                                CSV: one row per quote and per figure (column "type"); --bom
                                starts it with a UTF-8 byte order mark (for Excel).

Options:
  -h, --help                    Show this help.
  --version                     Show the version.
`;

class UsageError extends Error {}

type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

function errnoProblem(e: unknown): string {
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
async function readText(file: string, sizeProblem: (bytes: number) => string | undefined, allowEmpty = false): Promise<Read<string>> {
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

function sidecarSizeLimit(bytes: number): string | undefined {
  return sidecarSizeProblem(bytes, MAX_SIDECAR_BYTES);
}

/** Slash-separated absolute path, as the pure path checks expect. */
function slashPath(file: string): string {
  return path.resolve(file).split(path.sep).join('/');
}

/** The document a sidecar names, if its `document.path` stays inside the sidecar's folder (or workspace, for `.quotelens/`). */
function documentOfSidecar(sidecarFile: string, sidecar: Sidecar): Read<string> {
  const abs = slashPath(sidecarFile);
  const resolved = resolveDocumentPath(abs, sidecar.document.path, documentRootOf(abs));
  return resolved.ok ? { ok: true, value: resolved.path } : { ok: false, problem: resolved.problem };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Writes via a temporary file in the same folder and a rename, so readers never see half a file. */
async function writeAtomic(port: SidecarFilePort, file: string, content: string): Promise<void> {
  const temp = await port.writeTemp(file, content);
  try {
    await port.rename(temp, file);
  } catch (e) {
    await port.remove(temp).catch(() => undefined);
    throw e;
  }
}

interface LoadedSidecar {
  sidecarPath: string;
  /** The file's text as read (the base of a guarded write); undefined when there is no sidecar. */
  text: string | undefined;
  sidecar: Sidecar | undefined;
}

/** Loads FILE's sidecar if there is one; an invalid one is reported and gives undefined. */
async function loadSidecar(file: string, io: CliIo): Promise<LoadedSidecar | undefined> {
  const sidecarPath = file + SIDECAR_SUFFIX;
  if (!(await exists(sidecarPath))) return { sidecarPath, text: undefined, sidecar: undefined };
  const read = await readText(sidecarPath, sidecarSizeLimit, true);
  if (!read.ok) {
    io.stderr(`quotelens: ${sidecarPath}: ${read.problem}\n`);
    return undefined;
  }
  const parsed = parseSidecar(read.value);
  if (!parsed.ok) {
    io.stderr(`quotelens: ${sidecarPath}: invalid sidecar, left untouched\n${formatIssues(sidecarPath, parsed.issues)}\n`);
    return undefined;
  }
  const doc = documentOfSidecar(sidecarPath, parsed.sidecar);
  if (!doc.ok) {
    io.stderr(`quotelens: ${sidecarPath}: invalid sidecar, left untouched: ${doc.problem}\n`);
    return undefined;
  }
  return { sidecarPath, text: read.value, sidecar: parsed.sidecar };
}

/** Reads a document and its sidecar (if any); reports a problem on stderr and returns undefined. */
async function loadDocument(file: string, io: CliIo): Promise<{ text: string; loaded: LoadedSidecar } | undefined> {
  const doc = await readText(file, articleSizeProblem);
  if (!doc.ok) {
    io.stderr(`quotelens: ${file}: ${doc.problem}\n`);
    return undefined;
  }
  const loaded = await loadSidecar(file, io);
  return loaded ? { text: doc.value, loaded } : undefined;
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

function parseArgs(args: readonly string[], valueOptions: readonly string[], flagOptions: readonly string[]): { files: string[]; options: Map<string, string | true> } {
  const files: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg : arg.slice(0, eq);
      if (valueOptions.includes(name)) {
        const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
        if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
        options.set(name, value);
      } else if (flagOptions.includes(name) && eq === -1) {
        options.set(name, true);
      } else {
        throw new UsageError(`unknown option ${arg}`);
      }
    } else {
      files.push(arg);
    }
  }
  return { files, options };
}

function mergeNote(merged: boolean, conflicts: readonly string[]): string {
  if (!merged) return '';
  const kept = conflicts.length ? `; ${plural(conflicts.length, 'conflict')}, the version on disk kept` : '';
  return ` (merged with changes made meanwhile${kept})`;
}

async function cmdAnalyze(args: readonly string[], io: CliIo, files: SidecarFilePort): Promise<number> {
  const { files: documents, options } = parseArgs(args, [], ['--stdout']);
  if (documents.length === 0) throw new UsageError('analyze needs at least one FILE');
  const toStdout = options.has('--stdout');
  if (toStdout && documents.length > 1) throw new UsageError('--stdout works with a single FILE only');
  let failed = false;
  for (const file of documents) {
    if (file.endsWith(SIDECAR_SUFFIX)) {
      io.stderr(`quotelens: ${file}: is a sidecar file; pass the document instead\n`);
      failed = true;
      continue;
    }
    const read = await loadDocument(file, io);
    if (!read) {
      failed = true;
      continue;
    }
    const { text, loaded } = read;
    const documentHash = sha256Hex(text);
    let sidecar: Sidecar;
    try {
      const analysis = analyze(text, { knownEntities: loaded.sidecar?.entities ?? [] });
      sidecar = buildSidecar(path.basename(file), text, documentHash, analysis, loaded.sidecar);
    } catch (e) {
      io.stderr(`quotelens: ${file}: analysis failed: ${e instanceof Error ? e.message : String(e)}\n`);
      failed = true;
      continue;
    }
    const json = serializeSidecar(sidecar);
    if (toStdout) {
      io.stdout(json);
      continue;
    }
    await removeLeftoverTemps(loaded.sidecarPath);
    if (loaded.text === json) {
      io.stdout(`${file}: ${summary(sidecar)} (unchanged)\n`);
      continue;
    }
    const written = await writeSidecarGuarded(files, loaded.sidecarPath, loaded.text, sidecar, { documentText: text, documentHash, serialized: json });
    if (!written.ok) {
      io.stderr(`quotelens: ${written.message}\n`);
      failed = true;
      continue;
    }
    io.stdout(`${file}: ${summary(written.sidecar)} → ${path.basename(loaded.sidecarPath)}${mergeNote(written.merged, written.conflicts)}\n`);
  }
  return failed ? 1 : 0;
}

async function cmdValidate(args: readonly string[], io: CliIo): Promise<number> {
  const { files } = parseArgs(args, [], []);
  if (files.length === 0) throw new UsageError('validate needs at least one SIDECAR');
  let failed = false;
  for (const arg of files) {
    const file = arg.endsWith('.json') ? arg : arg + SIDECAR_SUFFIX;
    const read = await readText(file, sidecarSizeLimit, true);
    if (!read.ok) {
      io.stderr(`quotelens: ${file}: ${read.problem}\n`);
      failed = true;
      continue;
    }
    const parsed = parseSidecar(read.value);
    if (!parsed.ok) {
      io.stderr(formatIssues(file, parsed.issues) + '\n');
      failed = true;
      continue;
    }
    // The document must lie inside the sidecar's folder; only then is it read and checked.
    const docPath = documentOfSidecar(file, parsed.sidecar);
    if (!docPath.ok) {
      io.stderr(`${file}: ${docPath.problem}\n`);
      failed = true;
      continue;
    }
    const doc = (await exists(docPath.value)) ? await readText(docPath.value, articleSizeProblem, true) : undefined;
    if (doc?.ok) {
      const check = checkAgainstDocument(parsed.sidecar, doc.value, sha256Hex(doc.value));
      if (check.changed) {
        io.stdout(`${file}: ok (warning: ${check.issues[0].message})\n`);
        continue;
      }
      if (check.issues.length) {
        io.stderr(formatIssues(file, check.issues) + '\n');
        failed = true;
        continue;
      }
    }
    io.stdout(`${file}: ok\n`);
  }
  return failed ? 1 : 0;
}

async function cmdExport(args: readonly string[], io: CliIo, port: SidecarFilePort): Promise<number> {
  const { files, options } = parseArgs(args, ['--format', '--out'], ['--bom']);
  const format = options.get('--format');
  if (typeof format !== 'string') throw new UsageError('export needs --format');
  if (!EXPORT_FORMATS.some((f) => f.format === format)) throw new UsageError(`unknown format "${format}" (use ${EXPORT_FORMATS.map((f) => f.format).join(', ')})`);
  if (files.length === 0) throw new UsageError('export needs at least one FILE');
  const out = options.get('--out');
  const docs: ExportDocument[] = [];
  let failed = false;
  for (const arg of files) {
    const file = arg.endsWith(SIDECAR_SUFFIX) ? arg.slice(0, -SIDECAR_SUFFIX.length) : arg;
    const read = await loadDocument(file, io);
    if (!read) {
      failed = true;
      continue;
    }
    const { text, loaded } = read;
    if (!loaded.sidecar) {
      io.stderr(`quotelens: ${file}: no sidecar (run quotelens analyze first)\n`);
      failed = true;
      continue;
    }
    let sidecar = loaded.sidecar;
    if (sidecar.document.sha256 !== sha256Hex(text)) {
      sidecar = { ...sidecar, annotations: reanchor(text, sidecar.annotations) };
    }
    docs.push({ path: file, text, sidecar });
  }
  if (failed) return 1;
  const result = exportAnnotations(format as ExportFormat, docs, { csvBom: options.get('--bom') === true });
  try {
    if (format === 'brat') {
      if (typeof out === 'string') await mkdir(out, { recursive: true });
      // brat's .txt beside a document's .ann is usually the document itself: never rewrite a document.
      const documents = new Set(docs.map((d) => path.resolve(d.path)));
      for (const f of result.files) {
        const target = typeof out === 'string' ? path.join(out, path.basename(f.path)) : f.path;
        if (documents.has(path.resolve(target))) continue;
        await writeAtomic(port, target, f.content);
        io.stdout(`${target}\n`);
      }
    } else if (typeof out === 'string') {
      await writeAtomic(port, out, result.files[0].content);
      io.stdout(`${out}\n`);
    } else {
      io.stdout(result.files[0].content);
    }
  } catch (e) {
    io.stderr(`quotelens: cannot write export: ${errnoProblem(e)}\n`);
    return 1;
  }
  return 0;
}

async function version(): Promise<string> {
  // dist/cli.js → ../package.json; out/src/cli/cli.js → ../../../package.json
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'quotelens' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here; look one folder up
    }
    dir = path.dirname(dir);
  }
  return 'unknown';
}

/**
 * Runs the CLI; returns the exit code (0 ok, 1 a file failed, 2 usage error). Never throws for bad
 * input. `files` is how sidecars and exports are written (the Node file system unless a test wraps it).
 */
export async function main(argv: readonly string[], io: CliIo, files: SidecarFilePort = nodeSidecarPort): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.stderr(USAGE);
      return 2;
    }
    if (command === '-h' || command === '--help' || command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (command === '--version' || command === '-V') {
      io.stdout(`quotelens ${await version()}\n`);
      return 0;
    }
    if (rest.includes('-h') || rest.includes('--help')) {
      io.stdout(USAGE);
      return 0;
    }
    switch (command) {
      case 'analyze':
      case 'analyse':
        return await cmdAnalyze(rest, io, files);
      case 'validate':
        return await cmdValidate(rest, io);
      case 'export':
        return await cmdExport(rest, io, files);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`quotelens: ${e.message} (see quotelens --help)\n`);
      return 2;
    }
    io.stderr(`quotelens: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
