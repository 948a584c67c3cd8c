// `npm run test:mutation [-- STRYKER_ARGS…]`: runs StrykerJS (stryker.config.mjs; e.g.
// `-- --mutate src/sidecar/schema.ts`), then makes its JSON report fit to commit: the same
// mutation-testing-report schema, without what only describes the machine it ran on (the project's
// absolute path, and each killed mutant's test failure text, which holds temporary folder names).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const REPORT = 'reports/mutation/mutation.json';
const stryker = join(dirname(createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json')), 'bin', 'stryker.js');
const run = spawnSync(process.execPath, [stryker, 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
if (run.status !== 0 || !existsSync(REPORT)) process.exit(run.status ?? 1);

const report = JSON.parse(readFileSync(REPORT, 'utf8'));
delete report.projectRoot;
for (const f of Object.values(report.files ?? {})) {
  for (const m of f.mutants ?? []) delete m.statusReason;
}
const root = process.cwd();
const text = JSON.stringify(report).split(`${root}/`).join('').split(root).join('.');
writeFileSync(REPORT, text);
const leftovers = ['/tmp/', '/home/', '/root/'].filter((p) => text.includes(p));
console.log(`${REPORT}: ${Object.keys(report.files ?? {}).length} files; ${leftovers.length ? `still mentions ${leftovers.join(', ')}` : 'no machine paths'}`);
if (leftovers.length) process.exitCode = 1;
