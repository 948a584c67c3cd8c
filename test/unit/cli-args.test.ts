// Argument handling of `quotelens`: every command and option, values given as `--opt V` and
// `--opt=V`, missing values, unknown options, `--`, help and version. A command line that parses
// is run on a file that does not exist, so its one-line "no such file" shows it got that far.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { main, type CliIo } from '../../src/cli/cli';
import { shardOf } from '../../src/cli/shard';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: readonly string[], extra: Partial<CliIo> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  let time = 0;
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => (time += 100), ...extra });
  return { code, stdout, stderr };
}

/** A path that does not exist (relative to where the tests run). */
const NOPE = path.join('no-such-folder', 'x.txt');
const MISSING = `quotelens: ${NOPE}: no such file\n`;

const usage = (message: string): Run => ({ code: 2, stdout: '', stderr: `quotelens: ${message} (see quotelens --help)\n` });
const missing = (stderr = MISSING): Run => ({ code: 1, stdout: '', stderr });

describe('cli arguments', () => {
  let help: string;
  let version: string;
  before(async () => {
    help = (await run(['--help'])).stdout;
    const pkg = JSON.parse(await readFile(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
    version = pkg.version;
  });

  it('the help text names every command, option and format, the size limit and this machine\'s cores', () => {
    const lines = help.split('\n').map((l) => l.trim());
    const wanted = [
      'Usage: quotelens <command> [options] FILE...',
      'analyze FILE... [--stdout]    Find quotes, speakers and figures; write FILE.annotations.json',
      'Documents: UTF-8, or UTF-16 with a byte order mark; at most 2 MiB.',
      `--jobs N                    Analyse on N threads (default: the number of cores, here ${availableParallelism()});`,
      '--explain                   Print, for every quote, who said it, the rule that found the speaker',
      '--quiet                     Print only problems and the summary line.',
      '--shard I/N                 Analyse only shard I (0 <= I < N) of the input: the documents whose',
      '--jsonl                     Read documents from stdin, one JSON object per line:',
      'validate SIDECAR...           Check sidecar files (a document path checks its sidecar).',
      'export --format FORMAT [--out PATH] [--bom] FILE...',
      'Export annotations of documents. FORMAT: json, csv, jsonl, w3c, brat.',
      '-h, --help                    Show this help.',
      '--version                     Show the version.',
    ];
    assert.deepStrictEqual(
      wanted.filter((w) => !lines.includes(w)),
      [],
    );
    assert.equal(help.endsWith('Show the version.\n'), true);
  });

  const rows: [string, string[], () => Run][] = [
    ['no command: the help on stderr', [], () => ({ code: 2, stdout: '', stderr: help })],
    ['help', ['help'], () => ({ code: 0, stdout: help, stderr: '' })],
    ['-h', ['-h'], () => ({ code: 0, stdout: help, stderr: '' })],
    ['--help after a command and files', ['validate', NOPE, '--help'], () => ({ code: 0, stdout: help, stderr: '' })],
    ['-h after a command', ['export', '-h'], () => ({ code: 0, stdout: help, stderr: '' })],
    ['--version', ['--version'], () => ({ code: 0, stdout: `quotelens ${version}\n`, stderr: '' })],
    ['-V', ['-V'], () => ({ code: 0, stdout: `quotelens ${version}\n`, stderr: '' })],
    ['an unknown command', ['frobnicate', NOPE], () => usage('unknown command "frobnicate"')],
    ['an option in place of the command', ['--quiet'], () => usage('unknown command "--quiet"')],

    ['analyze without FILE', ['analyze'], () => usage('analyze needs at least one FILE (or --jsonl)')],
    ['analyze with only --stdout', ['analyze', '--stdout'], () => usage('analyze needs at least one FILE (or --jsonl)')],
    ['analyze with an unknown option', ['analyze', '--bogus', NOPE], () => usage('unknown option --bogus')],
    ['analyze with a short unknown option', ['analyze', NOPE, '-q'], () => usage('unknown option -q')],
    ['a flag given a value', ['analyze', '--quiet=yes', NOPE], () => usage('unknown option --quiet=yes')],
    ['an option of another command', ['analyze', '--format', 'csv', NOPE], () => usage('unknown option --format')],
    ['analyze FILE', ['analyze', NOPE], () => missing()],
    ['the British spelling', ['analyse', NOPE], () => missing()],
    ['a FILE after --', ['analyze', '--', '--quiet'], () => missing('quotelens: --quiet: no such file\n')],
    ['everything after -- is a FILE', ['analyze', '--quiet', '--', NOPE, '--jobs'], () => missing(`${MISSING}quotelens: --jobs: no such file\nquotelens: 2 files in 0.1 s (20 files/s): 0 analysed, 0 unchanged, 2 failed\n`)],
    ['"-" is a FILE', ['analyze', '-'], () => missing('quotelens: -: no such file\n')],
    ['--quiet: problems and the summary only', ['analyze', '--quiet', NOPE], () => missing(`${MISSING}quotelens: 1 file in 0.1 s (10 files/s): 0 analysed, 0 unchanged, 1 failed\n`)],
    ['--stdout with one FILE', ['analyze', '--stdout', NOPE], () => missing()],
    ['--stdout with two FILEs', ['analyze', '--stdout', NOPE, NOPE], () => usage('--stdout works with a single FILE only')],
    ['--jsonl with a FILE', ['analyze', '--jsonl', NOPE], () => usage('--jsonl reads documents from stdin; give no FILE')],
    ['--jsonl with --stdout', ['analyze', '--stdout', '--jsonl'], () => usage('--jsonl always writes to stdout; leave out --stdout')],
    ['--jsonl with no standard input', ['analyze', '--jsonl'], () => ({ code: 1, stdout: '', stderr: 'quotelens: internal error: no standard input\n' })],

    ['--jobs N', ['analyze', '--jobs', '1', NOPE], () => missing()],
    ['--jobs=N', ['analyze', `--jobs=256`, NOPE], () => missing()],
    ['--jobs with leading zeros', ['analyze', '--jobs=002', NOPE], () => missing()],
    ['--jobs last, without its value', ['analyze', NOPE, '--jobs'], () => usage('--jobs needs a value')],
    ['--jobs= with an empty value', ['analyze', '--jobs=', NOPE], () => usage('--jobs needs a value')],
    ['--jobs followed by an empty argument', ['analyze', '--jobs', '', NOPE], () => usage('--jobs needs a value')],
    ['--jobs 0', ['analyze', '--jobs', '0', NOPE], () => usage('--jobs needs a whole number from 1 to 256 (got "0")')],
    ['--jobs 257', ['analyze', '--jobs', '257', NOPE], () => usage('--jobs needs a whole number from 1 to 256 (got "257")')],
    ['--jobs 1.5', ['analyze', '--jobs', '1.5', NOPE], () => usage('--jobs needs a whole number from 1 to 256 (got "1.5")')],
    ['--jobs -2 (the value is taken as given)', ['analyze', '--jobs', '-2', NOPE], () => usage('--jobs needs a whole number from 1 to 256 (got "-2")')],
    ['--jobs with spaces', ['analyze', '--jobs', ' 2', NOPE], () => usage('--jobs needs a whole number from 1 to 256 (got " 2")')],
    ['--jobs in words', ['analyze', '--jobs=two', NOPE], () => usage('--jobs needs a whole number from 1 to 256 (got "two")')],
    ['--shard of this FILE', ['analyze', '--shard', `${shardOf(NOPE, 3)}/3`, NOPE], () => missing()],
    ['--shard of another FILE: nothing analysed', ['analyze', `--shard=${(shardOf(NOPE, 3) + 1) % 3}/3`, NOPE], () => ({ code: 0, stdout: '', stderr: '' })],
    ['--shard out of range', ['analyze', '--shard', '2/2', NOPE], () => usage('--shard needs I/N with 0 <= I < N (got "2/2")')],
    ['--shard without its value', ['analyze', NOPE, '--shard'], () => usage('--shard needs a value')],

    ['validate without SIDECAR', ['validate'], () => usage('validate needs at least one SIDECAR')],
    ['validate with an option', ['validate', '--strict', NOPE], () => usage('unknown option --strict')],
    ['validate a document path: its sidecar is read', ['validate', NOPE], () => missing(`quotelens: ${NOPE}.annotations.json: no such file\n`)],
    ['validate a .json path as given', ['validate', 'no-such-folder/x.json'], () => missing(`quotelens: no-such-folder/x.json: no such file\n`)],

    ['export without --format', ['export', NOPE], () => usage('export needs --format')],
    ['export with --out but no --format', ['export', '--out', 'o.csv', NOPE], () => usage('export needs --format')],
    ['export --format without its value', ['export', NOPE, '--format'], () => usage('--format needs a value')],
    ['export --out without its value', ['export', '--format', 'csv', NOPE, '--out'], () => usage('--out needs a value')],
    ['export --format flag-like', ['export', '--format', '--bom', NOPE], () => usage('unknown format "--bom" (use json, csv, jsonl, w3c, brat)')],
    ['export an unknown format', ['export', '--format=pdf', NOPE], () => usage('unknown format "pdf" (use json, csv, jsonl, w3c, brat)')],
    ['export without FILE', ['export', '--format', 'csv'], () => usage('export needs at least one FILE')],
    ['export --bom given a value', ['export', '--format', 'csv', '--bom=yes', NOPE], () => usage('unknown option --bom=yes')],
    ['export a missing FILE', ['export', '--format', 'csv', '--bom', NOPE], () => missing()],
    ['export a missing FILE named by its sidecar', ['export', '--format=json', `${NOPE}.annotations.json`], () => missing()],
  ];
  for (const [name, argv, expected] of rows) {
    it(name, async () => {
      assert.deepStrictEqual(await run(argv), expected());
    });
  }
});
