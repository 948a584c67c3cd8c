// scripts/mutation/combine.mjs: per-area mutation reports become one committed report.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../../..');
const run = promisify(execFile);

const loc = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
const mutant = (id: string, status: string, killedBy: string[], coveredBy: string[]): Record<string, unknown> => ({
  id, mutatorName: 'BooleanLiteral', replacement: 'false', status, killedBy, coveredBy, location: loc, statusReason: 'failed in /tmp/stryker-sandbox-1',
});

describe('mutation reports: combine', () => {
  let dir = '';
  before(async () => { dir = await mkdtemp(path.join(tmpdir(), 'ql-mutation-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  it('takes each file from the last report holding it, renumbers tests and mutants, strips machine paths', async () => {
    const a = {
      schemaVersion: '1.0', thresholds: { high: 85, low: 75 }, projectRoot: ROOT,
      files: {
        'src/core/a.ts': { language: 'typescript', source: 'x', mutants: [mutant('0', 'Killed', ['0'], ['0', '1']), mutant('1', 'Survived', [], ['1'])] },
        'src/cli/b.ts': { language: 'typescript', source: 'old', mutants: [mutant('2', 'Survived', [], [])] },
      },
      testFiles: { 't1.js': { tests: [{ id: '0', name: 'one' }, { id: '1', name: 'two' }] } },
    };
    const b = {
      schemaVersion: '1.0', thresholds: { high: 85, low: 75 }, projectRoot: ROOT,
      files: { 'src/cli/b.ts': { language: 'typescript', source: 'new', mutants: [mutant('0', 'Killed', ['0'], ['0']), mutant('1', 'Timeout', [], ['1'])] } },
      testFiles: { 't1.js': { tests: [{ id: '0', name: 'two' }] }, 't2.js': { tests: [{ id: '1', name: 'three' }] } },
    };
    await writeFile(path.join(dir, 'a.json'), JSON.stringify(a));
    await writeFile(path.join(dir, 'b.json'), JSON.stringify(b));
    const out = path.join(dir, 'out.json');
    const { stdout } = await run(process.execPath, [path.join(ROOT, 'scripts/mutation/combine.mjs'), out, path.join(dir, 'a.json'), path.join(dir, 'b.json')], { cwd: ROOT });
    const strip = (m: Record<string, unknown>): Record<string, unknown> => { const c = { ...m }; delete c.statusReason; return c; };
    assert.deepStrictEqual(JSON.parse(await readFile(out, 'utf8')), {
      schemaVersion: '1.0', thresholds: { high: 85, low: 75 },
      files: {
        'src/core/a.ts': { language: 'typescript', source: 'x', mutants: [strip(mutant('0', 'Killed', ['0'], ['0', '1'])), strip(mutant('1', 'Survived', [], ['1']))] },
        'src/cli/b.ts': { language: 'typescript', source: 'new', mutants: [strip(mutant('2', 'Killed', ['1'], ['1'])), strip(mutant('3', 'Timeout', [], ['2']))] },
      },
      testFiles: { 't1.js': { tests: [{ id: '0', name: 'one' }, { id: '1', name: 'two' }] }, 't2.js': { tests: [{ id: '2', name: 'three' }] } },
    });
    assert.deepStrictEqual(stdout.split('\n').filter(Boolean), [
      'src/cli                  100.0 %  (2 detected, 0 undetected)',
      'src/core                  50.0 %  (1 detected, 1 undetected)',
      'all                       75.0 %  (3 detected, 1 undetected)',
    ]);
  });

  it('refuses to run without an output and at least one report', async () => {
    await assert.rejects(run(process.execPath, [path.join(ROOT, 'scripts/mutation/combine.mjs'), path.join(dir, 'x.json')], { cwd: ROOT }), (err: { code?: number; stderr?: string }) => {
      assert.deepStrictEqual([err.code, err.stderr], [2, 'usage: node scripts/mutation/combine.mjs OUT.json REPORT.json...\n']);
      return true;
    });
  });

  it('status: scores, files changed since their run (or gone), files of the mutated modules never run', async () => {
    const now = await readFile(path.join(ROOT, 'src/core/work.ts'), 'utf8');
    const report = {
      schemaVersion: '1.0', thresholds: { high: 85, low: 75 },
      files: {
        'src/core/work.ts': { language: 'typescript', source: now, mutants: [mutant('0', 'Killed', [], [])] },
        'src/core/people.ts': { language: 'typescript', source: 'an older text', mutants: [mutant('1', 'Survived', [], [])] },
        'src/core/gone.ts': { language: 'typescript', source: 'x', mutants: [mutant('2', 'NoCoverage', [], [])] },
      },
      testFiles: {},
    };
    const file = path.join(dir, 'status.json');
    await writeFile(file, JSON.stringify(report));
    const { stdout } = await run(process.execPath, [path.join(ROOT, 'scripts/mutation/status.mjs'), file], { cwd: ROOT });
    const lines = stdout.split('\n').filter(Boolean);
    assert.deepStrictEqual(lines.slice(0, 3), [
      'src/core                  33.3 %  (1 detected, 2 undetected)',
      'all                       33.3 %  (1 detected, 2 undetected)',
      'changed since their run (2): src/core/gone.ts, src/core/people.ts',
    ]);
    const unmeasured = lines[3];
    assert.match(unmeasured, /^not measured yet \(\d+\): /);
    assert.ok(unmeasured.includes('src/core/text.ts') && unmeasured.includes('src/sidecar/schema.ts'), unmeasured);
    assert.ok(!unmeasured.includes('src/core/work.ts') && !unmeasured.includes('index.ts') && !unmeasured.includes('src/extension/features'), unmeasured);
  });
});
