/**
 * End-to-end throughput of the built CLI: `node dist/cli.js analyze FILE` on a generated ~1 MB news
 * article (scripts/news-article.ts), writing a fresh sidecar each run, minus the start-up time of a
 * cold process (`node dist/cli.js --version`, as many runs, interleaved with the analyze runs so that
 * both see the same load). Side by side, in the same run: compromise (the devDependency, used as in
 * scripts/bench.ts) on the same text, in-process.
 * Usage: npm run bench:cli [-- --mb 1 --runs 7]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { newsArticle } from './news-article';
import { numberOption } from './options';

interface Spread {
  min: number;
  median: number;
  max: number;
}

function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
}

/** Wall time in ms of one run of `node args…` (its output is discarded; a failure throws). */
function timeNode(args: readonly string[]): number {
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Wall time in ms of `fn`. */
function timeOnce(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function main(): void {
  const args = process.argv.slice(2);
  const num = (name: string, def: number): number => numberOption(args, name, def);
  const mb = num('--mb', 1);
  const runs = Math.max(1, num('--runs', 7));
  const cli = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);

  const dir = mkdtempSync(path.join(tmpdir(), 'quotelens-bench-cli-'));
  try {
    const text = newsArticle(mb * 1_000_000);
    const file = path.join(dir, 'article.txt');
    const sidecar = `${file}.annotations.json`;
    writeFileSync(file, text);
    const bytes = Buffer.byteLength(text, 'utf8');

    const startup: number[] = [];
    const analyzeMs: number[] = [];
    timeNode([cli, '--version']); // warms the file cache for both kinds of run
    for (let r = 0; r < runs; r++) {
      startup.push(timeNode([cli, '--version']));
      rmSync(sidecar, { force: true });
      analyzeMs.push(timeNode([cli, 'analyze', file]));
    }
    const sidecarBytes = statSync(sidecar).size;
    const start = spread(startup);
    // Start-up subtracted: each analyze run minus the median start-up of the same run set.
    const work = spread(analyzeMs.map((ms) => Math.max(1, ms - start.median)));
    const rate = (ms: number): number => bytes / 1e6 / (ms / 1000);

    // compromise is a devDependency used only in benchmarks.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nlp = require('compromise') as (t: string) => { quotations(): { out(f: string): unknown }; people(): { out(f: string): unknown }; numbers(): { out(f: string): unknown } };
    const compRuns = 2;
    const compMs: number[] = [];
    for (let r = 0; r < compRuns; r++) {
      compMs.push(
        timeOnce(() => {
          const d = nlp(text);
          d.quotations().out('array');
          d.people().out('array');
          d.numbers().out('array');
        }),
      );
    }
    const comp = spread(compMs);

    const fmt = (v: number): string => (v >= 10 ? v.toFixed(1) : v.toPrecision(2));
    console.log(`document: ${(bytes / 1e6).toFixed(2)} MB generated news text; sidecar ${(sidecarBytes / 1e6).toFixed(2)} MB (${(sidecarBytes / bytes).toFixed(1)} bytes of JSON per byte of text)`);
    console.log(`| ${'measure'.padEnd(46)} | min ms  | median ms | max ms  | MB/s (median; range)   |`);
    console.log(`|${'-'.repeat(48)}|---------|-----------|---------|------------------------|`);
    const row = (name: string, s: Spread, mbs: boolean): void => {
      const speed = mbs ? `${fmt(rate(s.median))}; ${fmt(rate(s.max))}–${fmt(rate(s.min))}` : '';
      console.log(`| ${name.padEnd(46)} | ${s.min.toFixed(0).padStart(7)} | ${s.median.toFixed(0).padStart(9)} | ${s.max.toFixed(0).padStart(7)} | ${speed.padEnd(22)} |`);
    };
    row(`start-up: cli --version (${runs})`, start, false);
    row(`cli analyze FILE → sidecar on disk (${runs})`, spread(analyzeMs), true);
    row(`cli analyze, start-up subtracted (${runs})`, work, true);
    row(`compromise quotations+people+numbers (${compRuns})`, comp, true);
    const met = rate(work.median) >= 10;
    console.log(
      `end to end ${fmt(rate(work.median))} MB/s start-up subtracted (min ${fmt(rate(work.max))}, max ${fmt(rate(work.min))}): ` +
        `target ≥ 10 MB/s ${met ? 'met' : 'NOT met'}; compromise takes ${(comp.median / work.median).toFixed(1)}× as long on the same text (in-process, warm)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
