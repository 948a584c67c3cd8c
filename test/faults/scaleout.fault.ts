/**
 * Scale-out of `quotelens analyze` on a generated corpus, with the built CLI (dist/cli.js, bundled
 * in `before`) in real processes:
 * (a) --jsonl as Spark's RDD.pipe() runs it (the command of docs/examples/spark_pipe.py): one
 *     sidecar line per document, in order, each equal to the document's `--stdout` sidecar; a
 *     broken line gives an error line and the others still come;
 * (b) --shard I/N for N = 3, over FILE lists and JSONL: the shards are disjoint and together the
 *     whole input, each sidecar written exactly once;
 * (c) the Kubernetes Indexed Job of docs/examples/k8s-indexed-job.yaml: its script, cut out between
 *     its markers, run with JOB_COMPLETION_INDEX = 0 … completions-1;
 * (d) --jobs 2 writes the same sidecars and prints the same lines as --jobs 1 (in-process too,
 *     where the pool runs the tsc output's worker).
 */
import { sha256Of } from '../hash';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { promisify } from 'node:util';
import { main } from '../../src/cli/cli';
import { analyze } from '../../src/core';
import { buildSidecar, parseSidecar, serializeSidecar } from '../../src/sidecar';
import { article } from './articles';
import { recordFigure } from './figures';

const ROOT = path.resolve(__dirname, '../../..');
const BUILT_CLI = path.join(ROOT, 'dist', 'cli.js');
const SECTION = 'Scale-out (analyze --jsonl, --shard, --jobs)';

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI; writes `input` to its stdin line by line, waiting whenever the pipe is full. */
function runBuilt(args: string[], options: { input?: string[]; cwd?: string } = {}): Promise<Exit> {
  const child = spawn(process.execPath, [BUILT_CLI, ...args], { cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const exit = exitOf(child);
  void (async () => {
    for (const line of options.input ?? []) {
      if (!child.stdin.write(line + '\n')) await new Promise((done) => child.stdin.once('drain', done));
    }
    child.stdin.end();
  })();
  return exit;
}

/** What a child process printed and its exit code, once it has closed. */
function exitOf(child: ChildProcessByStdio<Writable | null, Readable, Readable>): Promise<Exit> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs a shell script with extra environment variables. */
function runScript(script: string, env: Record<string, string>): Promise<Exit> {
  return exitOf(spawn('/bin/sh', ['-c', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** The sidecar `quotelens analyze --stdout` prints for `text` in a file named `name`, in this process. */
async function stdoutSidecar(dir: string, name: string, text: string): Promise<unknown> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  let out = '';
  let err = '';
  const code = await main(['analyze', '--stdout', file], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  assert.deepStrictEqual({ code, err }, { code: 0, err: '' });
  return JSON.parse(out);
}

interface Doc {
  path: string;
  text: string;
}

/** `count` generated articles of 300 B to 4 kB under a few sub-folders. */
function corpus(count: number, seed: number): Doc[] {
  return Array.from({ length: count }, (_, i) => ({ path: `desk-${i % 4}/story-${seed}-${i}.txt`, text: article(300 + ((i * 977) % 3700), seed * 1000 + i) }));
}

async function writeCorpus(dir: string, docs: readonly Doc[]): Promise<void> {
  for (const doc of docs) {
    await mkdir(path.dirname(path.join(dir, doc.path)), { recursive: true });
    await writeFile(path.join(dir, doc.path), doc.text);
  }
}

/** Every sidecar under `dir`, by path relative to it. */
async function sidecarsUnder(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true })) {
    if (entry.endsWith('.annotations.json')) found.set(entry.split(path.sep).join('/'), await readFile(path.join(dir, entry), 'utf8'));
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The sidecar file a fresh analysis of `doc` gives. */
function expectedSidecar(doc: Doc): string {
  return serializeSidecar(buildSidecar(path.posix.basename(doc.path), doc.text, sha256Of(doc.text), analyze(doc.text)));
}

/** The documents named by per-file output lines ("FILE: … → FILE.annotations.json"). */
function writtenIn(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.includes(' → '))
    .map((line) => line.slice(0, line.indexOf(': ')));
}

describe('fault suite: scale-out with the built CLI', function () {
  // Each test starts several processes (and worker threads): slow on a loaded 2-core machine.
  this.timeout(300_000);
  let dir: string;

  before(async () => {
    await promisify(execFile)(process.execPath, ['esbuild.js'], { cwd: ROOT });
  });
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-scaleout-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('(a) --jsonl as RDD.pipe() runs it: 200 sidecar lines equal to --stdout, a broken line reported in place', async () => {
    const example = await readFile(path.join(ROOT, 'docs/examples/spark_pipe.py'), 'utf8');
    const command = /^QUOTELENS_COMMAND = "([^"]*)"$/m.exec(example)?.[1].split(' ') ?? [];
    assert.deepStrictEqual(command.slice(0, 3), ['quotelens', 'analyze', '--jsonl'], 'the command of the Spark example');
    const docs = corpus(200, 1);
    const lines = docs.map((d) => JSON.stringify(d));
    const broken = `{"path": "desk-0/broken.txt", "text": "cut off`;
    lines.splice(100, 0, broken);
    const run = await runBuilt(command.slice(1), { input: lines });
    const expected: unknown[] = [];
    for (const doc of docs) expected.push(await stdoutSidecar(dir, path.posix.basename(doc.path), doc.text));
    expected.splice(100, 0, { path: null, error: 'line 101: not valid JSON' });
    const out = run.stdout.split('\n');
    assert.equal(out.pop(), '', 'every line ends with a line break');
    const valid = out.filter((line) => parseSidecar(line).ok).length;
    recordFigure(SECTION, 'JSONL: lines in / sidecar lines out (valid)', `${lines.length} / ${out.length} (${valid})`, '201 / 201 (200)', out.length === 201 && valid === 200);
    assert.deepStrictEqual({ code: run.code, lines: out.map((line) => JSON.parse(line) as unknown) }, { code: 1, lines: expected });
    assert.match(run.stderr, /^quotelens: 201 files in [^\n]*: 200 analysed, 0 unchanged, 1 failed\n$/);
  });

  it('(b) --shard I/3 over FILE lists and over JSONL: disjoint shards that cover the input, each sidecar written once', async () => {
    const docs = corpus(60, 2);
    await writeCorpus(dir, docs);
    const shards: string[][] = [];
    for (let i = 0; i < 3; i++) {
      const run = await runBuilt(['analyze', '--jobs', '2', '--shard', `${i}/3`, ...docs.map((d) => d.path)], { cwd: dir });
      assert.equal(run.code, 0, run.stderr);
      shards.push(writtenIn(run.stdout));
    }
    const all = docs.map((d) => d.path).sort();
    const everyWrite = shards.flat().sort();
    recordFigure(SECTION, 'files shards 0/1/2 (of 60)', shards.map((s) => s.length).join('/'), 'sum 60, disjoint', everyWrite.length === 60);
    assert.deepStrictEqual(everyWrite, all, 'each file written by exactly one shard');
    assert.deepStrictEqual(await sidecarsUnder(dir), new Map(docs.map((d) => [d.path + '.annotations.json', expectedSidecar(d)] as const).sort(([a], [b]) => (a < b ? -1 : 1))));

    const jsonlShards: string[][] = [];
    for (let i = 0; i < 3; i++) {
      const run = await runBuilt(['analyze', '--jsonl', '--jobs', '2', '--shard', `${i}/3`], { input: docs.map((d) => JSON.stringify(d)) });
      assert.equal(run.code, 0, run.stderr);
      jsonlShards.push(run.stdout.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { document: { path: string } }).document.path));
    }
    // The same path hashes to the same shard in both modes.
    assert.deepStrictEqual(jsonlShards, shards.map((s) => s.map((p) => path.posix.basename(p))));
  });

  it('(c) the Kubernetes Indexed Job example: every pod\'s script, JOB_COMPLETION_INDEX = 0 … completions-1', async () => {
    const yaml = await readFile(path.join(ROOT, 'docs/examples/k8s-indexed-job.yaml'), 'utf8');
    const scriptMatch = /^( *)# quotelens:shard-script:begin\n([\s\S]*?)^ *# quotelens:shard-script:end$/m.exec(yaml);
    assert.ok(scriptMatch, 'the script markers');
    const indent = scriptMatch[1].length;
    const script = scriptMatch[2]
      .split('\n')
      .map((line) => line.slice(indent))
      .join('\n');
    const completions = Number(/^\s*completions: (\d+)$/m.exec(yaml)?.[1]);
    const shardCount = /name: SHARD_COUNT\n\s*value: "(\d+)"/.exec(yaml)?.[1];
    assert.deepStrictEqual([completions > 1, shardCount], [true, String(completions)], 'SHARD_COUNT is completions');

    const bin = path.join(dir, 'bin');
    const corpusDir = path.join(dir, 'corpus');
    await mkdir(bin);
    await writeFile(path.join(bin, 'quotelens'), `#!/bin/sh\nexec "${process.execPath}" "${BUILT_CLI}" "$@"\n`);
    await chmod(path.join(bin, 'quotelens'), 0o755);
    const docs = corpus(40, 3);
    await writeCorpus(corpusDir, docs);
    const env = (index: number) => ({ JOB_COMPLETION_INDEX: String(index), SHARD_COUNT: String(completions), CORPUS_DIR: corpusDir, PATH: `${bin}:${process.env.PATH ?? ''}` });

    const analysed: number[] = [];
    for (let index = 0; index < completions; index++) {
      const run = await runScript(script, env(index));
      assert.equal(run.code, 0, run.stderr);
      const summary = /: (\d+) analysed, 0 unchanged, 0 failed\n$/.exec(run.stderr);
      assert.ok(summary, run.stderr);
      analysed.push(Number(summary[1]));
    }
    recordFigure(SECTION, `k8s example: analysed per pod (of ${docs.length})`, analysed.join('/'), `sum ${docs.length}`, analysed.reduce((a, b) => a + b, 0) === docs.length);
    assert.equal(analysed.reduce((a, b) => a + b, 0), docs.length, 'each document analysed by exactly one pod');
    assert.deepStrictEqual(await sidecarsUnder(corpusDir), new Map(docs.map((d) => [d.path + '.annotations.json', expectedSidecar(d)] as const).sort(([a], [b]) => (a < b ? -1 : 1))));
    // A retried pod finds its sidecars up to date.
    const retry = await runScript(script, env(0));
    assert.match(retry.stderr, new RegExp(`: 0 analysed, ${analysed[0]} unchanged, 0 failed\\n$`));
  });

  it('(d) --jobs 2 gives the same sidecars and lines as --jobs 1 over 50 files (built CLI, and in-process)', async () => {
    const docs = corpus(50, 4);
    const runs: { stdout: string; sidecars: Map<string, string> }[] = [];
    for (const [jobs, how] of [['1', 'built'], ['2', 'built'], ['2', 'in-process']]) {
      const folder = path.join(dir, `jobs-${jobs}-${how}`);
      await writeCorpus(folder, docs);
      const files = docs.map((d) => path.join(folder, d.path));
      let stdout = '';
      if (how === 'built') {
        const run = await runBuilt(['analyze', '--jobs', jobs, ...docs.map((d) => d.path)], { cwd: folder });
        assert.equal(run.code, 0, run.stderr);
        stdout = run.stdout;
      } else {
        const code = await main(['analyze', '--jobs', jobs, ...files], { stdout: (t) => (stdout += t), stderr: () => undefined });
        assert.equal(code, 0);
        stdout = stdout.split(folder + path.sep).join('').split(path.sep).join('/');
      }
      runs.push({ stdout, sidecars: await sidecarsUnder(folder) });
    }
    assert.equal(runs[0].sidecars.size, 50);
    assert.deepStrictEqual(runs[1], runs[0]);
    assert.deepStrictEqual(runs[2], runs[0]);
  });
});
