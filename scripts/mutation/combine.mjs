// `node scripts/mutation/combine.mjs OUT.json REPORT.json...`: one committed report from runs over
// different files (for example one `npm run test:mutation -- --mutate 'src/core/**/*.ts'` per
// area, each report copied aside). A file found in several reports is taken from the last one.
// Prints the score of each module and of all.
import { readFileSync, writeFileSync } from 'node:fs';
import { cleanReport, combineReports, moduleScores } from './report.mjs';

const [out, ...inputs] = process.argv.slice(2);
if (!out || inputs.length === 0) {
  console.error('usage: node scripts/mutation/combine.mjs OUT.json REPORT.json...');
  process.exit(2);
}
const combined = combineReports(inputs.map((p) => JSON.parse(readFileSync(p, 'utf8'))));
const { text, leftovers } = cleanReport(combined, process.cwd());
writeFileSync(out, text);

for (const line of moduleScores(combined.files)) console.log(line);
if (leftovers.length) {
  console.error(`${out} still mentions ${leftovers.join(', ')}`);
  process.exitCode = 1;
}
