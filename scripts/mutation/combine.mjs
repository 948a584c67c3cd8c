// `node scripts/mutation/combine.mjs OUT.json REPORT.json...`: one committed report from runs over
// different files (for example one `npm run test:mutation -- --mutate 'src/core/**/*.ts'` per
// area, each report copied aside). A file found in several reports is taken from the last one.
// Prints the score of each module and of all.
import { readFileSync, writeFileSync } from 'node:fs';
import { cleanReport, combineReports, score } from './report.mjs';

const [out, ...inputs] = process.argv.slice(2);
if (!out || inputs.length === 0) {
  console.error('usage: node scripts/mutation/combine.mjs OUT.json REPORT.json...');
  process.exit(2);
}
const combined = combineReports(inputs.map((p) => JSON.parse(readFileSync(p, 'utf8'))));
const { text, leftovers } = cleanReport(combined, process.cwd());
writeFileSync(out, text);

const modules = new Map();
for (const [file, f] of Object.entries(combined.files)) {
  const module = file.replace(/^.*?src\//, 'src/').split('/').slice(0, file.includes('extension/') ? 3 : 2).join('/');
  modules.set(module, { ...modules.get(module), [file]: f });
}
for (const [module, files] of [...modules].sort()) {
  const s = score(files);
  console.log(`${module.padEnd(24)} ${s.score.toFixed(1).padStart(5)} %  (${s.detected} detected, ${s.undetected} undetected)`);
}
const all = score(combined.files);
console.log(`${'all'.padEnd(24)} ${all.score.toFixed(1).padStart(5)} %  (${all.detected} detected, ${all.undetected} undetected)`);
if (leftovers.length) {
  console.error(`${out} still mentions ${leftovers.join(', ')}`);
  process.exitCode = 1;
}
