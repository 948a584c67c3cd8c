// `npm run test:mutation [-- STRYKER_ARGS…]`: runs StrykerJS (stryker.config.mjs; e.g.
// `-- --mutate src/sidecar/schema.ts`), then makes its JSON report fit to commit
// (scripts/mutation/report.mjs: no machine paths, no failure texts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cleanReport } from './mutation/report.mjs';

const REPORT = 'reports/mutation/mutation.json';
const stryker = join(dirname(createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json')), 'bin', 'stryker.js');
const run = spawnSync(process.execPath, [stryker, 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
if (run.status !== 0 || !existsSync(REPORT)) process.exit(run.status ?? 1);

const { text, leftovers } = cleanReport(JSON.parse(readFileSync(REPORT, 'utf8')), process.cwd());
writeFileSync(REPORT, text);
console.log(`${REPORT}: ${leftovers.length ? `still mentions ${leftovers.join(', ')}` : 'no machine paths'}`);
if (leftovers.length) process.exitCode = 1;
