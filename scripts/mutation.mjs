// `npm run test:mutation [-- STRYKER_ARGS…]`: runs StrykerJS area by area (scripts/mutation/areas.mjs:
// src/core with stryker.core.config.mjs, the rest with stryker.config.mjs; e.g.
// `-- --mutate src/sidecar/schema.ts` runs one module with its area's configuration), then joins the
// areas' reports into reports/mutation/mutation.json (with `--mutate`, laid over the previous report:
// the files mutated now replace theirs, the others keep their last results) and makes it fit to
// commit (scripts/mutation/report.mjs: no machine paths, no failure texts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { planRuns } from './mutation/areas.mjs';
import { cleanReport, combineReports, moduleScores } from './mutation/report.mjs';
import main from '../stryker.config.mjs';

const REPORT = 'reports/mutation/mutation.json';
const stryker = join(dirname(createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json')), 'bin', 'stryker.js');

let plan;
try {
  plan = planRuns(process.argv.slice(2), main.mutate);
} catch (err) {
  console.error(`test:mutation: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}
const previous = plan.overPrevious && existsSync(REPORT) ? JSON.parse(readFileSync(REPORT, 'utf8')) : null;
const reports = [];
for (const { config, args } of plan.runs) {
  console.log(`test:mutation: stryker run ${config} ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [stryker, 'run', config, ...args], { stdio: 'inherit' });
  if (run.status !== 0 || !existsSync(REPORT)) process.exit(run.status ?? 1);
  reports.push(JSON.parse(readFileSync(REPORT, 'utf8')));
}

const combined = combineReports(previous ? [previous, ...reports] : reports);
const { text, leftovers } = cleanReport(combined, process.cwd());
writeFileSync(REPORT, text);
for (const line of moduleScores(combined.files)) console.log(line);
console.log(`${REPORT}: ${leftovers.length ? `still mentions ${leftovers.join(', ')}` : 'no machine paths'}`);
if (leftovers.length) process.exitCode = 1;
