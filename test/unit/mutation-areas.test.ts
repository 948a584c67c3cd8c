// scripts/mutation/areas.mjs: which Stryker configuration `npm run test:mutation -- ARGS` runs for
// which files (src/core with its own, smaller test set; the rest with every unit test).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../../..');
const run = promisify(execFile);

interface Plan {
  runs: { config: string; args: string[] }[];
  overPrevious: boolean;
}

const MAIN_MUTATE = ['src/core/**/*.ts', 'src/sidecar/**/*.ts', 'src/cli/**/*.ts', '!src/**/index.ts'];

/** `planRuns(args, MAIN_MUTATE)` of each list of arguments, or its error message, in one Node process (the script is an ES module). */
async function plans(argLists: string[][]): Promise<(Plan | string)[]> {
  const code = `import { planRuns } from './scripts/mutation/areas.mjs';
    const plan = (args) => { try { return planRuns(args, ${JSON.stringify(MAIN_MUTATE)}); } catch (err) { return err.message; } };
    console.log(JSON.stringify(${JSON.stringify(argLists)}.map(plan)));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT });
  return JSON.parse(stdout) as (Plan | string)[];
}

const core = (...args: string[]): { config: string; args: string[] } => ({ config: 'stryker.core.config.mjs', args });
const main = (...args: string[]): { config: string; args: string[] } => ({ config: 'stryker.config.mjs', args });

describe('mutation runs: one Stryker configuration per area', () => {
  it('routes each --mutate pattern by where it points, negations to both, other arguments to every run', async () => {
    const rows: [string, string[], Plan | string][] = [
      ['no --mutate: the core area, then the rest without src/core, onto a fresh report', ['--concurrency', '1'], {
        runs: [core('--concurrency', '1'), main('--mutate', 'src/sidecar/**/*.ts,src/cli/**/*.ts,!src/**/index.ts', '--concurrency', '1')],
        overPrevious: false,
      }],
      ['a core file with lines: the core configuration only', ['--mutate', 'src/core/figures.ts:100-115', '--ignoreStatic'], {
        runs: [core('--mutate', 'src/core/figures.ts:100-115', '--ignoreStatic')], overPrevious: true,
      }],
      ['a sidecar file: the main configuration only', ['-m', 'src/sidecar/schema.ts'], {
        runs: [main('--mutate', 'src/sidecar/schema.ts')], overPrevious: true,
      }],
      ['both areas in one list, --mutate=…, a negation and ./', ['--mutate=./src/core/a.ts,src/cli/b.ts,!src/**/index.ts', '--incrementalFile', 'x.json'], {
        runs: [core('--mutate', './src/core/a.ts,!src/**/index.ts', '--incrementalFile', 'x.json'), main('--mutate', 'src/cli/b.ts,!src/**/index.ts', '--incrementalFile', 'x.json')],
        overPrevious: true,
      }],
      ['--mutate twice adds up', ['--mutate', 'src/core/a.ts', '--mutate', 'src/core/b.ts'], {
        runs: [core('--mutate', 'src/core/a.ts,src/core/b.ts')], overPrevious: true,
      }],
      ['a glob over all of src goes to the main configuration (every test)', ['--mutate', 'src/**/*.ts'], {
        runs: [main('--mutate', 'src/**/*.ts')], overPrevious: true,
      }],
      ['--mutate without a value', ['--concurrency', '1', '--mutate'], '--mutate needs a comma-separated list of files'],
      ['-m with an empty value', ['-m', ''], '-m needs a comma-separated list of files'],
      ['only negations', ['--mutate', '!src/core/a.ts'], '--mutate names no file to mutate (only negated patterns)'],
    ];
    const got = await plans(rows.map(([, args]) => args));
    assert.deepStrictEqual(rows.map(([name, args], i) => [name, args, got[i]]), rows);
  });
});
