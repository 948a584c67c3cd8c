/**
 * The `quotelens` command line. `main` is callable in-process (tests pass their own io); `main.ts`
 * wires it to the real process. Node built-ins are allowed here (not in core/sidecar/export).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { EXPORT_FORMATS, exportAnnotations, type ExportDocument, type ExportFormat } from '../export';
import {
  MAX_ARTICLE_BYTES,
  SIDECAR_SUFFIX,
  articleSizeProblem,
  checkAgainstDocument,
  formatBytes,
  formatIssues,
  parseSidecar,
  reanchor,
  type SidecarFilePort,
} from '../sidecar';
import { sha256Hex } from '../platform/node';
import { analyzeFiles, analyzeJsonl, type BatchIo } from './batch';
import { documentOfSidecar, errnoProblem, exists, loadDocument, readText, sidecarSizeLimit } from './documents';
import { parseShard, type Shard } from './shard';
import { nodeSidecarPort } from './sidecarFiles';
import { explainDocument } from './explain';

/** Where the CLI prints and reads; the optional parts (stdin, terminals, clock) matter to `analyze` only. */
export type CliIo = BatchIo;

const USAGE = `Usage: quotelens <command> [options] FILE...

Commands:
  analyze FILE... [--stdout]    Find quotes, speakers and figures; write FILE.annotations.json
                                (reviewed annotations in an existing sidecar are kept and re-anchored;
                                changes saved by others meanwhile are merged, never overwritten).
                                --stdout prints the sidecar instead of writing it (one FILE only).
                                Documents: UTF-8, or UTF-16 with a byte order mark; at most ${formatBytes(MAX_ARTICLE_BYTES)}.
                                Results are printed in input order, one line per FILE; with several
                                FILEs a summary line ends the run (stderr). On a terminal, stderr
                                shows a progress bar instead of the per-file lines.
    --explain                   Print, for every quote, who said it, the rule that found the speaker
                                and every step tried before it, in order; nothing is written.
    --jobs N                    Analyse on N threads (default: the number of cores, here ${availableParallelism()});
                                --jobs 1 analyses in this process, one file at a time.
    --quiet                     Print only problems and the summary line.
    --shard I/N                 Analyse only shard I (0 <= I < N) of the input: the documents whose
                                path (as given) hashes to I. Every document is in exactly one shard
                                (first 4 bytes of SHA-256 of the path, big-endian, mod N).
    --jsonl                     Read documents from stdin, one JSON object per line:
                                {"path": "dir/article.txt", "text": "..."} (blank lines skipped);
                                write one line per document to stdout, in input order: its sidecar
                                as compact JSON (document.path is the base name of "path"), or
                                {"path": ..., "error": "..."} for a bad line (exit status 1 at the end).
                                No files are read or written.
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

/** The largest --jobs accepted: far more threads than cores only costs memory. */
const MAX_JOBS = 256;

function jobsOption(value: string | true | undefined): number {
  if (value === undefined) return Math.max(1, availableParallelism());
  const jobs = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(jobs >= 1 && jobs <= MAX_JOBS)) throw new UsageError(`--jobs needs a whole number from 1 to ${MAX_JOBS} (got "${String(value)}")`);
  return jobs;
}

function shardOption(value: string | true | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const parsed = parseShard(String(value));
  if (!parsed.ok) throw new UsageError(parsed.problem);
  return parsed.shard;
}

async function cmdAnalyze(args: readonly string[], io: CliIo, files: SidecarFilePort): Promise<number> {
  const { files: documents, options } = parseArgs(args, ['--jobs', '--shard'], ['--stdout', '--quiet', '--jsonl', '--explain']);
  if (options.has('--explain')) {
    const others = [...options.keys()].filter((o) => o !== '--explain');
    if (others.length > 0) throw new UsageError(`--explain only prints; leave out ${others.join(', ')}`);
    if (documents.length === 0) throw new UsageError('analyze --explain needs at least one FILE');
    return await explainFiles(documents, io);
  }
  const batch = { jobs: jobsOption(options.get('--jobs')), quiet: options.has('--quiet'), shard: shardOption(options.get('--shard')) };
  if (options.has('--jsonl')) {
    if (documents.length > 0) throw new UsageError('--jsonl reads documents from stdin; give no FILE');
    if (options.has('--stdout')) throw new UsageError('--jsonl always writes to stdout; leave out --stdout');
    return await analyzeJsonl(batch, io, files);
  }
  if (documents.length === 0) throw new UsageError('analyze needs at least one FILE (or --jsonl)');
  const toStdout = options.has('--stdout');
  if (toStdout && documents.length > 1) throw new UsageError('--stdout works with a single FILE only');
  return await analyzeFiles(documents, toStdout, batch, io, files);
}

/** `analyze --explain FILE...`: the report of each readable file on stdout, problems on stderr; nothing is written. */
async function explainFiles(documents: readonly string[], io: CliIo): Promise<number> {
  let status = 0;
  for (const file of documents) {
    const read = await readText(file, articleSizeProblem);
    if (!read.ok) {
      io.stderr(`${file}: ${read.problem}\n`);
      status = 1;
      continue;
    }
    io.stdout(explainDocument(file, read.value));
  }
  return status;
}

async function cmdValidate(args: readonly string[], io: CliIo): Promise<number> {
  // Stryker disable next-line ArrayDeclaration: an option name given here would still have to start with "-"; "Stryker was here" never matches an argument
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
    const read = await loadDocument(file, (line) => io.stderr(line));
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
