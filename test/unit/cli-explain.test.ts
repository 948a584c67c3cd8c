// `quotelens analyze --explain FILE...`: per quote, where it is, who said it, the rule that found
// the speaker and every step tried, in order; nothing is written. Compared whole.
import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from './cli-fixtures';

describe('cli: analyze --explain', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-explain-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints every quote with its rule and the steps tried; columns count UTF-16 units; CRLF and CR end lines', async () => {
    const file = path.join(dir, 'pier.txt');
    // An emoji (two UTF-16 units) before the first quote; CRLF, then a CR-only line break.
    await writeFile(file, 'Ebba Sund chairs the board.\r\n😀 “We are ready,” Sund said. “We stay.”\rIt was “closed” all week.\n');
    const run = await runCli('analyze', '--explain', file);
    const steps = (...found: string[]) => ['after', 'before', 'carry.shared-cue', 'carry.reused-term', 'carry.colon-intro', 'carry.previous-speaker', 'carry.clause-subject'].slice(0, Math.max(2, found.length)).map((s, i) => `${s}: ${found[i] ?? 'nothing'}`).join(' · ');
    assert.deepStrictEqual(run, {
      code: 0,
      stderr: '',
      stdout: [
        `${file}: 3 quotes, 2 with a speaker`,
        '  2:4  “We are ready,”  (direct)',
        '    speaker  Ebba Sund by after.x-said (X said after the quote), cue “said” at 2:25, mention “Sund” at 2:20',
        `    tried    ${steps('after.x-said → Ebba Sund')}`,
        '  2:31  “We stay.”  (partial)',
        '    speaker  Ebba Sund by carry.previous-speaker (the speaker of the quote just before continues), mention “Sund” at 2:20',
        `    tried    ${steps('nothing', 'nothing', 'nothing', 'nothing', 'nothing', 'carry.previous-speaker → Ebba Sund')}`,
        '  3:8  “closed”  (partial)',
        '    speaker  none found',
        `    tried    ${steps('nothing', 'nothing', 'nothing', 'nothing', 'nothing', 'nothing', 'nothing')}`,
        '',
      ].join('\n'),
    });
    assert.deepStrictEqual(await readdir(dir), ['pier.txt'], 'no sidecar is written');
  });

  it('several files in order; a long quote is cut in the middle; a file without quotes', async () => {
    const a = path.join(dir, 'a.txt');
    const b = path.join(dir, 'b.txt');
    const long = `“${'word '.repeat(30).trim()},” Ivo Brandt said.`;
    await writeFile(a, long);
    await writeFile(b, 'No quotes here.');
    const run = await runCli('analyze', '--explain', a, b);
    assert.deepStrictEqual(run, {
      code: 0,
      stderr: '',
      stdout: [
        `${a}: 1 quote, 1 with a speaker`,
        '  1:1  “word word word word word word wo … d word word word word word word,”  (partial)',
        '    speaker  Ivo Brandt by after.x-said (X said after the quote), cue “said” at 1:165, mention “Ivo Brandt” at 1:154',
        '    tried    after: after.x-said → Ivo Brandt · before: nothing',
        `${b}: 0 quotes, 0 with a speaker`,
        '',
      ].join('\n'),
    });
  });

  it('a missing or empty file: one line on stderr, the others still explained, exit status 1', async () => {
    const ok = path.join(dir, 'ok.txt');
    const empty = path.join(dir, 'empty.txt');
    await writeFile(ok, 'No quotes here.');
    await writeFile(empty, '');
    const run = await runCli('analyze', '--explain', path.join(dir, 'nope.txt'), empty, ok);
    assert.deepStrictEqual(run, { code: 1, stdout: `${ok}: 0 quotes, 0 with a speaker\n`, stderr: `${path.join(dir, 'nope.txt')}: no such file\n${empty}: file is empty\n` });
  });

  it('only prints: other analyze options and a missing FILE are usage errors', async () => {
    const usage = (message: string) => ({ code: 2, stdout: '', stderr: `quotelens: ${message} (see quotelens --help)\n` });
    assert.deepStrictEqual(await runCli('analyze', '--explain', '--stdout', 'x.txt'), usage('--explain only prints; leave out --stdout'));
    assert.deepStrictEqual(await runCli('analyze', '--jobs', '2', '--explain', 'x.txt'), usage('--explain only prints; leave out --jobs'));
    assert.deepStrictEqual(await runCli('analyze', '--explain'), usage('analyze --explain needs at least one FILE'));
  });
});
