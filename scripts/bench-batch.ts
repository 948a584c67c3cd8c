/**
 * Batch benchmark (`npm run bench:batch`; a benchmark, not a test): 2,000 generated articles of
 * 2–6 kB in a temp folder, analysed end to end by the built CLI (`node dist/cli.js analyze`, a new
 * process each run, sidecars written) with --jobs 1 and --jobs 2, alternating, several rounds.
 * Prints files/s min/median/max for each and the ratio of the medians.
 *
 *   node out/scripts/bench-batch.js [--files N] [--rounds R]
 *
 * Targets (issue 12): --jobs 2 ≥ 1.6× --jobs 1 on 2 cores; ≥ 1,000 files/s on a quiet machine.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { groupDigits } from '../src/cli/progress';
import { article } from '../test/faults/articles';
import { seeded } from '../test/faults/random';

const ROOT = path.resolve(__dirname, '../..');
const BUILT_CLI = path.join(ROOT, 'dist', 'cli.js');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i === -1 ? NaN : Number(process.argv[i + 1]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Writes `count` articles of 2–6 kB into sub-folders of `dir`; returns their paths relative to it. */
async function generateCorpus(dir: string, count: number): Promise<{ files: string[]; bytes: number }> {
  const next = seeded(12);
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const file = `desk-${i % 10}/article-${i}.txt`;
    const text = article(2000 + Math.floor(next() * 4000), i);
    await mkdir(path.join(dir, path.dirname(file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}

/** Runs the built CLI over all files; resolves to the wall time in ms. */
function timeRun(dir: string, files: readonly string[], jobs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BUILT_CLI, 'analyze', '--quiet', '--jobs', String(jobs), ...files], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0 || !stderr.includes(`${groupDigits(files.length)} files`)) reject(new Error(`jobs ${jobs}: exit ${code}: ${stderr}`));
      else resolve(ms);
    });
  });
}

async function removeSidecars(dir: string, files: readonly string[]): Promise<void> {
  for (const file of files) await unlink(path.join(dir, file + '.annotations.json')).catch(() => undefined);
}

function line(jobs: number, rates: readonly number[]): string {
  const f = (n: number) => n.toFixed(0).padStart(5);
  return `  --jobs ${jobs}: files/s min ${f(Math.min(...rates))}  median ${f(median(rates))}  max ${f(Math.max(...rates))}   (runs: ${rates.map((r) => r.toFixed(0)).join(', ')})`;
}

async function main(): Promise<void> {
  const count = option('--files', 2000);
  const rounds = option('--rounds', 5);
  const dir = await mkdtemp(path.join(tmpdir(), 'quotelens-bench-batch-'));
  try {
    const { files, bytes } = await generateCorpus(dir, count);
    console.log(`Batch benchmark: ${count} articles, ${(bytes / 1e6).toFixed(1)} MB (mean ${(bytes / count / 1000).toFixed(1)} kB), built CLI end to end, ${rounds} rounds`);
    console.log(`  machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the start`);
    const rates = new Map<number, number[]>([
      [1, []],
      [2, []],
    ]);
    for (let round = 0; round < rounds; round++) {
      // Alternate which goes first, so a drift in machine load favours neither.
      for (const jobs of round % 2 ? [2, 1] : [1, 2]) {
        await removeSidecars(dir, files);
        const ms = await timeRun(dir, files, jobs);
        rates.get(jobs)?.push((count * 1000) / ms);
        console.log(`    round ${round + 1}, --jobs ${jobs}: ${(ms / 1000).toFixed(1)} s, ${((count * 1000) / ms).toFixed(0)} files/s`);
      }
    }
    const one = rates.get(1) ?? [];
    const two = rates.get(2) ?? [];
    console.log(line(1, one));
    console.log(line(2, two));
    const ratio = median(two) / median(one);
    console.log(`  ratio of medians jobs 2 / jobs 1: ${ratio.toFixed(2)}×  (target ≥ 1.6× on 2 cores) ${ratio >= 1.6 ? 'met' : 'NOT MET'}`);
    console.log(`  jobs 2 median: ${median(two).toFixed(0)} files/s  (target ≥ 1,000 files/s on a quiet machine) ${median(two) >= 1000 ? 'met' : 'NOT MET'}`);
    console.log(`  load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
