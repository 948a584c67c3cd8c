/**
 * Throughput of `analyze` on a ~1 MB document, side by side with compromise
 * (`nlp(text).quotations()` + `.people()` + `.numbers()`) in the same run.
 * The document is built from ../shared/seeds when present, else from the bundled samples.
 * Usage: npm run bench [-- --mb 1 --runs 15 --processes 5]  (QuoteLens: in each of 5 fresh processes,
 * 10 warm-up runs then the median of 15; the median over the processes is reported with their range;
 * compromise: 1 + 2 runs, median and quartiles). V8 needs about six runs over a 1 MB document before its
 * optimised code settles, and on a shared machine one process can run slower than the next.
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { analyze } from '../src/core';
import { numberOption } from './options';

async function corpus(root: string): Promise<{ text: string; source: string }> {
  for (const dir of [path.resolve(root, '..', 'shared', 'seeds'), path.resolve(root, 'samples')]) {
    try {
      const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
      if (files.length === 0) continue;
      const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
      return { text: texts.join('\n\n'), source: path.relative(process.cwd(), dir) || '.' };
    } catch {
      // try the next folder
    }
  }
  throw new Error('no .txt corpus found for the benchmark');
}

interface Timing {
  median: number;
  q1: number;
  q3: number;
}

/** Median and quartiles of the wall time in ms over `runs` runs after `warmup` runs (the JIT optimises in the first few). */
function time(fn: () => void, runs: number, warmup: number): Timing {
  for (let w = 0; w < warmup; w++) fn();
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number): number => samples[Math.min(samples.length - 1, Math.floor(samples.length * q))];
  return { median: at(0.5), q1: at(0.25), q3: at(0.75) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const num = (name: string, def: number): number => numberOption(args, name, def);
  const mb = num('--mb', 1);
  const runs = num('--runs', 15);
  const root = path.resolve(__dirname, '..', '..');
  const { text: base, source } = await corpus(root);
  // Joined once, so the document is one flat string like an editor's or a file's text (`+=`, or
  // even one `+ '\n\n'` after the join, builds a rope, which V8 reads through an extra indirection).
  const copies: string[] = [];
  for (let size = 0; size < mb * 1_000_000; size += base.length + 2) copies.push(base);
  copies.push(''); // the final "\n\n"
  const doc = copies.join('\n\n');
  const bytes = Buffer.byteLength(doc, 'utf8');
  if (args.includes('--worker')) {
    // One measuring process: its median and quartiles, as JSON for the parent.
    let kept = analyze(doc);
    const t = time(() => {
      kept = analyze(doc);
    }, runs, 10);
    process.stdout.write(JSON.stringify({ ...t, quotes: kept.quotes.length }));
    return;
  }
  const heapBefore = process.memoryUsage().heapUsed;
  const result = analyze(doc);
  const heapAfter = process.memoryUsage().heapUsed;
  // QuoteLens is timed in several fresh processes, one after another: on a shared machine a whole
  // process can run slower than the next, so the median over processes is reported with their range.
  const processes = Math.max(1, num('--processes', 5));
  const perProcess: Timing[] = [];
  for (let p = 0; p < processes; p++) {
    const out = execFileSync(process.execPath, [__filename, '--worker', '--mb', String(mb), '--runs', String(runs)], { encoding: 'utf8' });
    perProcess.push(JSON.parse(out) as Timing);
  }
  const medians = perProcess.map((t) => t.median).sort((a, b) => a - b);
  const msOurs: Timing = { median: medians[Math.floor(medians.length / 2)], q1: medians[0], q3: medians[medians.length - 1] };
  // compromise is a devDependency used only here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nlp = require('compromise') as (t: string) => { quotations(): { out(f: string): unknown }; people(): { out(f: string): unknown }; numbers(): { out(f: string): unknown } };
  const compRuns = Math.max(1, Math.min(runs, 2));
  const msComp = time(() => {
    const d = nlp(doc);
    d.quotations().out('array');
    d.people().out('array');
    d.numbers().out('array');
  }, compRuns, 1);
  const mbs = (ms: number): string => {
    const v = bytes / 1e6 / (ms / 1000);
    return v >= 10 ? v.toFixed(1) : v.toPrecision(2);
  };
  const row = (name: string, t: Timing): string =>
    `| ${name.padEnd(40)} | ${t.median.toFixed(1).padStart(9)} | ${mbs(t.median).padStart(7)} | ${`${mbs(t.q3)}–${mbs(t.q1)}`.padStart(13)} |`;
  console.log(`document: ${(bytes / 1e6).toFixed(2)} MB built from ${source}; ${result.quotes.length} quotes, ${result.mentions.length} mentions, ${result.figures.length} figures`);
  console.log(`| ${'engine'.padEnd(40)} | median ms | MB/s    | range MB/s     |`);
  console.log(`|${'-'.repeat(42)}|-----------|---------|---------------|`);
  console.log(row(`QuoteLens analyze (${processes}×${runs} runs)`, msOurs));
  console.log(row(`compromise quotations+people+numbers (${compRuns})`, msComp));
  console.log(`QuoteLens per process (median ms): ${perProcess.map((t) => t.median.toFixed(1)).join(', ')}; range = slowest to fastest process (compromise: quartiles)`);
  const ok = (b: boolean): string => (b ? 'met' : 'NOT met');
  const rate = bytes / 1e6 / (msOurs.median / 1000);
  console.log(`throughput ${rate.toFixed(1)} MB/s: target ≥ 20 MB/s ${ok(rate >= 20)}; speed-up ${(msComp.median / msOurs.median).toFixed(0)}× compromise: target ≥ 20× ${ok(msComp.median / msOurs.median >= 20)}; heap growth of one analysis ≈ ${((heapAfter - heapBefore) / 1e6).toFixed(1)} MB`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
