/**
 * The one article size limit and the sidecar limit derived from it: a dense article just under
 * MAX_ARTICLE_BYTES (a quote, a speaker and figures in every sentence) is analysed by the CLI, and
 * the sidecar it writes must be under MAX_SIDECAR_BYTES and accepted by `validate` — what the CLI
 * writes it must read. Records the measured sidecar/article ratio the limit is based on.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/cli';
import { formatBytes, MAX_ARTICLE_BYTES, MAX_SIDECAR_BYTES } from '../../src/sidecar';
import { article } from './articles';
import { recordFigure } from './figures';

describe('fault suite: size limits', function () {
  this.timeout(120_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-limits-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a dense article at the limit gives a sidecar under the sidecar limit that validate accepts', async () => {
    const doc = path.join(dir, 'dense.txt');
    const text = article(MAX_ARTICLE_BYTES - 200, 11, true);
    await writeFile(doc, text);
    let out = '';
    let err = '';
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) };
    const analysed = await main(['analyze', doc], io);
    const size = (await stat(doc + '.annotations.json')).size;
    const validated = await main(['validate', doc], io);
    const ratio = size / text.length;
    recordFigure('Size limits', 'article limit, sidecar limit', `${formatBytes(MAX_ARTICLE_BYTES)}, ${formatBytes(MAX_SIDECAR_BYTES)}`);
    recordFigure('Size limits', 'dense article at the limit → sidecar', `${formatBytes(text.length)} → ${formatBytes(size)} (${ratio.toFixed(1)} bytes per article byte)`);
    recordFigure('Size limits', 'sidecar within the limit, read back by validate', analysed === 0 && validated === 0 ? 'yes' : 'no', 'yes', analysed === 0 && validated === 0 && size <= MAX_SIDECAR_BYTES);
    assert.deepStrictEqual({ analysed, validated, err }, { analysed: 0, validated: 0, err: '' });
    assert.ok(size <= MAX_SIDECAR_BYTES, `${size} > ${MAX_SIDECAR_BYTES}`);
    assert.ok(text.length <= MAX_ARTICLE_BYTES);
  });
});
