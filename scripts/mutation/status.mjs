// `npm run test:mutation:status`: the committed report's score per module, and how it stands against
// the code: files changed since their run (their results may be out of date) and files of the
// mutated modules with no run yet. Exit status 0 either way: this says what to re-run, it blocks nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { moduleScores, reportStatus } from './report.mjs';
import main from '../../stryker.config.mjs';

const REPORT = process.argv[2] ?? 'reports/mutation/mutation.json';
const report = JSON.parse(readFileSync(REPORT, 'utf8'));
// The patterns are folders (`src/x/**/*.ts`) and `!src/**/index.ts`.
const folders = main.mutate.filter((p) => !p.startsWith('!')).map((p) => p.replace(/\*\*\/\*\.ts$/, ''));
const current = readdirSync('src', { recursive: true })
  .map((f) => `src/${String(f).split('\\').join('/')}`)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('/index.ts') && folders.some((d) => f.startsWith(d)));
const { stale, unmeasured } = reportStatus(report.files, current, (f) => (existsSync(f) ? readFileSync(f, 'utf8') : undefined));
for (const line of moduleScores(report.files)) console.log(line);
console.log(`changed since their run (${stale.length}): ${stale.join(', ') || 'none'}`);
console.log(`not measured yet (${unmeasured.length}): ${unmeasured.join(', ') || 'none'}`);
