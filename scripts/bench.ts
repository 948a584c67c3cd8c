/**
 * Throughput of `analyze` on a ~1 MB document, side by side with compromise
 * (`nlp(text).quotations()` + `.people()` + `.numbers()`) in the same run.
 * The document is built from ../shared/seeds when present, else from the bundled samples.
 * Usage: npm run bench [-- --mb 1 --runs 10]  (QuoteLens: 3 warm-up runs, then the median; compromise: 1 + 2)
 */
import { readFile, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { analyze } from '../src/core';

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

/** Median wall time in ms over `runs` runs after `warmup` runs (the JIT optimises in the first few). */
function time(fn: () => void, runs: number, warmup: number): number {
  for (let w = 0; w < warmup; w++) fn();
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]; // median ms
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const num = (name: string, def: number): number => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : def;
  };
  const mb = num('--mb', 1);
  const runs = num('--runs', 10);
  const root = path.resolve(__dirname, '..', '..');
  const { text: base, source } = await corpus(root);
  // Joined once, so the document is one flat string like an editor's or a file's text (repeated
  // `+=` would build a rope, which V8 reads through an extra indirection).
  const copies: string[] = [];
  for (let size = 0; size < mb * 1_000_000; size += base.length + 2) copies.push(base);
  const doc = copies.join('\n\n') + '\n\n';
  const bytes = Buffer.byteLength(doc, 'utf8');
  const heapBefore = process.memoryUsage().heapUsed;
  let result = analyze(doc);
  const heapAfter = process.memoryUsage().heapUsed;
  const msOurs = time(() => {
    result = analyze(doc);
  }, runs, 3);
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
  const mbs = (ms: number): string => (bytes / 1e6 / (ms / 1000)).toFixed(2);
  console.log(`document: ${(bytes / 1e6).toFixed(2)} MB built from ${source}; ${result.quotes.length} quotes, ${result.mentions.length} mentions, ${result.figures.length} figures`);
  console.log('| engine                                   | median ms | MB/s    |');
  console.log('|------------------------------------------|-----------|---------|');
  console.log(`| QuoteLens analyze                        | ${msOurs.toFixed(1).padStart(9)} | ${mbs(msOurs).padStart(7)} |`);
  console.log(`| compromise quotations+people+numbers     | ${msComp.toFixed(1).padStart(9)} | ${mbs(msComp).padStart(7)} |`);
  console.log(`speed-up: ${(msComp / msOurs).toFixed(1)}× (target ≥ 20×); throughput target ≥ 20 MB/s; heap growth of one analysis ≈ ${((heapAfter - heapBefore) / 1e6).toFixed(1)} MB`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
