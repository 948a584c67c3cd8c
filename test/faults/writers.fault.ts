/**
 * Writers that never lose reviewed work, with real processes:
 * - concurrent writers: the built CLI runs `analyze` again and again on a document that keeps
 *   changing while reviewer processes (test/faults/reviewer.ts: the extension's protocol) accept,
 *   reject and tag one annotation at a time; every change a reviewer saw acknowledged must be in
 *   the final sidecar;
 * - kill -9: the CLI analysing a large article is killed at random moments; the sidecar must be
 *   the old one or a complete new one with every reviewed annotation, and leftovers (temp files, a
 *   lock) must not break the next run.
 * Needs `tsc -p .` (runs out/src/cli/main.js and out/test/faults/reviewer.js).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/cli';
import { addAnnotation, checkAgainstDocument, parseSidecar, serializeSidecar, setStatus, type Sidecar } from '../../src/sidecar';
import { recordFigure } from './figures';
import { article, NAMES } from './articles';
import { seeded } from './random';
import type { Acknowledged } from './reviewer';
import { sha256Of } from '../hash';

const CLI = path.resolve(__dirname, '../../src/cli/main.js');
const REVIEWER = path.resolve(__dirname, 'reviewer.js');

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs node with `args`; `watch` may kill it (it gets the child right after the spawn). */
function startNode(args: string[], watch?: (child: ChildProcess) => () => void): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const stopWatching = watch?.(child);
    child.on('close', (code, signal) => {
      stopWatching?.();
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Kills after `ms`. */
function killAfter(ms: number): (child: ChildProcess) => () => void {
  return (child) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    return () => clearTimeout(timer);
  };
}

/** Kills within `jitterMs` of a file ending in `suffix` appearing in `dir` (mid-write, or holding the lock). */
function killWhenFileAppears(dir: string, suffix: string, jitterMs: number): (child: ChildProcess) => () => void {
  return (child) => {
    const watcher = watch(dir, (_event, name) => {
      if (name?.endsWith(suffix)) setTimeout(() => child.kill('SIGKILL'), jitterMs);
    });
    return () => watcher.close();
  };
}

/** Replaces the document atomically, as an editor saving it would. */
async function saveDocument(doc: string, text: string): Promise<void> {
  await writeFile(doc + '.saving', text);
  await rename(doc + '.saving', doc);
}

async function readSidecar(doc: string): Promise<{ text: string; sidecar: Sidecar | undefined }> {
  const text = await readFile(doc + '.annotations.json', 'utf8');
  const parsed = parseSidecar(text);
  return { text, sidecar: parsed.ok ? parsed.sidecar : undefined };
}

function holds(s: Sidecar, ack: Acknowledged): boolean {
  return s.annotations.some((a) => a.id === ack.id && a.status === ack.status && a.origin === ack.origin);
}

describe('fault suite: writers', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-writers-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('concurrent writers: every acknowledged review is in the final sidecar', async () => {
    const ROUNDS = 5;
    const REVIEWERS = 2;
    const WRITES = 20;
    let acknowledged = 0;
    let lost = 0;
    let cliRuns = 0;
    let cliMerged = 0;
    let cliFailed = 0;
    let reviewerErrors = 0;
    let invalidFinal = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const doc = path.join(dir, `round${round}.txt`);
      const body = article(3000, 100 + round);
      const extra = `Late news: "Nothing changes," said ${NAMES[round]} on ${round + 2} May.\n`;
      await saveDocument(doc, body);
      assert.equal((await startNode([CLI, 'analyze', doc])).code, 0);
      const reviewers = Array.from({ length: REVIEWERS }, (_, part) => startNode([REVIEWER, doc, String(WRITES), String(1000 * round + part + 1), String(part), String(REVIEWERS)]));
      let finished = false;
      const all = Promise.all(reviewers).finally(() => (finished = true));
      // The CLI re-analyses a document that keeps changing (a paragraph comes and goes at the end).
      for (let i = 0; !finished || i < 2; i++) {
        await saveDocument(doc, i % 2 === 0 ? body + extra : body);
        const r = await startNode([CLI, 'analyze', doc]);
        cliRuns++;
        if (r.code !== 0) {
          process.stderr.write(`cli: ${r.stderr}`);
          cliFailed++;
        }
        if (r.stdout.includes('merged with changes made meanwhile')) cliMerged++;
      }
      const outputs = await all;
      const final = await readSidecar(doc);
      const docText = await readFile(doc, 'utf8');
      if (!final.sidecar || checkAgainstDocument(final.sidecar, docText, sha256Of(docText)).issues.length > 0) invalidFinal++;
      for (const out of outputs) {
        for (const line of out.stdout.split('\n').filter(Boolean)) {
          const entry = JSON.parse(line) as Acknowledged | { error: string };
          if ('error' in entry) {
            process.stderr.write(`reviewer: ${entry.error}\n`);
            reviewerErrors++;
            continue;
          }
          acknowledged++;
          if (!final.sidecar || !holds(final.sidecar, entry)) lost++;
        }
      }
    }
    recordFigure('Concurrent writers', 'rounds × writers', `${ROUNDS} × (${REVIEWERS} reviewers + CLI analyze loop)`);
    recordFigure('Concurrent writers', 'reviewed changes acknowledged', acknowledged);
    recordFigure('Concurrent writers', 'reviewed changes lost', lost, '0', lost === 0);
    recordFigure('Concurrent writers', 'CLI analyze runs (merged)', `${cliRuns} (${cliMerged})`);
    recordFigure('Concurrent writers', 'failed writes', cliFailed + reviewerErrors, '0', cliFailed + reviewerErrors === 0);
    recordFigure('Concurrent writers', 'invalid final sidecars', invalidFinal, '0', invalidFinal === 0);
    assert.ok(acknowledged >= ROUNDS * REVIEWERS * WRITES * 0.8, `only ${acknowledged} acknowledged changes`);
    assert.equal(lost, 0);
    assert.equal(cliFailed + reviewerErrors, 0);
    assert.equal(invalidFinal, 0);
  });

  it('kill -9 during analyze: old or complete new sidecar, reviewed work kept, leftovers harmless', async () => {
    const KILLS = 10;
    const doc = path.join(dir, 'large.txt');
    const body = article(60_000, 7);
    await saveDocument(doc, body);
    const quiet = { stdout: () => undefined, stderr: () => undefined };
    assert.equal(await main(['analyze', doc], quiet), 0);
    // A reviewed sidecar: accepts, rejects and manual tags.
    let s = (await readSidecar(doc)).sidecar!;
    const suggestions = s.annotations.filter((a) => a.status === 'suggested');
    s = setStatus(s, suggestions.slice(0, 20).map((a) => a.id), 'accepted');
    s = setStatus(s, suggestions.slice(20, 30).map((a) => a.id), 'rejected');
    for (let i = 0; i < 5; i++) {
      const at = body.indexOf('Tuesday', i * 1000);
      s = (addAnnotation(s, body, { type: 'figure', start: at, end: at + 7, kind: 'date', unit: null }, { id: `m-${i}` }) as { sidecar: Sidecar }).sidecar;
    }
    await writeFile(doc + '.annotations.json', serializeSidecar(s));
    const reviewed = s.annotations.filter((a) => a.origin === 'manual' || a.status !== 'suggested');

    const versions = [body + 'A closing line on 3 June.\n', body];
    const started = Date.now();
    assert.equal((await saveDocument(doc, versions[1]), (await startNode([CLI, 'analyze', doc])).code), 0);
    const fullRun = Date.now() - started;

    const next = seeded(2024);
    let kills = 0;
    let corrupt = 0;
    let lostReviewed = 0;
    let newSidecars = 0;
    let leftoverSeen = 0;
    for (let i = 0; i < KILLS; i++) {
      // The version the sidecar does not describe, so that every run has a new sidecar to write.
      const before = await readFile(doc + '.annotations.json', 'utf8');
      const described = (parseSidecar(before) as { sidecar: Sidecar }).sidecar.document.sha256;
      const text = versions.find((v) => sha256Of(v) !== described)!;
      await saveDocument(doc, text);
      // A third of the kills at any moment of the run, a third while the temp file is being
      // written, a third while the lock is held (re-read and rename).
      const jitter = Math.floor(next() * 4);
      const how = [killAfter(Math.floor(fullRun * 1.1 * next())), killWhenFileAppears(dir, '.tmp', jitter), killWhenFileAppears(dir, '.lock', jitter)][i % 3];
      const r = await startNode([CLI, 'analyze', doc], how);
      if (r.signal === 'SIGKILL') kills++;
      const after = await readSidecar(doc);
      if (after.text !== before) {
        if (!after.sidecar || checkAgainstDocument(after.sidecar, text, sha256Of(text)).changed) corrupt++;
        else newSidecars++;
      }
      const current = after.sidecar;
      if (current) lostReviewed += reviewed.filter((a) => !current.annotations.some((b) => b.id === a.id && b.status === a.status && b.origin === a.origin)).length;
      else corrupt++;
      const names = await readdir(dir);
      if (names.some((n) => n.endsWith('.tmp') || n.endsWith('.lock') || n.endsWith('.stale'))) leftoverSeen++;
    }
    // The next run after all that succeeds and leaves only the document and its sidecar.
    const described = (await readSidecar(doc)).sidecar?.document.sha256;
    await saveDocument(doc, versions.find((v) => sha256Of(v) !== described)!);
    const last = await startNode([CLI, 'analyze', doc]);
    const namesAfter = (await readdir(dir)).sort();
    const lastOk = last.code === 0 && JSON.stringify(namesAfter) === JSON.stringify(['large.txt', 'large.txt.annotations.json']);

    recordFigure('Kill -9 during analyze', 'article size, full run', `${(body.length / 1024).toFixed(0)} KiB, ${fullRun} ms`);
    recordFigure('Kill -9 during analyze', 'runs killed (runs leaving a new sidecar)', `${kills} (${newSidecars})`);
    recordFigure('Kill -9 during analyze', 'kills leaving temp or lock files', leftoverSeen);
    recordFigure('Kill -9 during analyze', 'corrupt sidecars', corrupt, '0', corrupt === 0);
    recordFigure('Kill -9 during analyze', 'reviewed annotations lost', lostReviewed, '0', lostReviewed === 0);
    recordFigure('Kill -9 during analyze', 'next run succeeds and cleans up', lastOk ? 'yes' : 'no', 'yes', lastOk);
    assert.ok(kills >= KILLS / 2, `only ${kills} of ${KILLS} runs were killed`);
    assert.equal(corrupt, 0);
    assert.equal(lostReviewed, 0);
    assert.deepStrictEqual({ code: last.code, stderr: last.stderr, files: namesAfter }, { code: 0, stderr: '', files: ['large.txt', 'large.txt.annotations.json'] });
  });
});
