// `quotelens export`: the CSV columns come from the exporter; brat gives a loadable collection and
// never rewrites the documents themselves.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli as run } from './cli-fixtures';
import { exportAnnotations } from '../../src/export';
import { serializeSidecar } from '../../src/sidecar/serialize';
import { bratProblems, harbourDoc, HARBOUR } from './export-fixtures';

describe('cli export', () => {
  let dir: string;
  let doc: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-cli-export-'));
    doc = path.join(dir, 'harbour.txt');
    // A byte order mark in the file: the document must stay byte for byte as it is.
    await writeFile(doc, '\uFEFF' + HARBOUR);
    await writeFile(doc + '.annotations.json', serializeSidecar(harbourDoc().sidecar));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('csv prints what exportAnnotations gives (same columns), with a BOM only on --bom', async () => {
    const expected = exportAnnotations('csv', [{ ...harbourDoc(), path: doc }], { csvBom: false }).files[0].content;
    const plain = await run('export', '--format', 'csv', doc);
    const out = path.join(dir, 'out.csv');
    const withBom = await run('export', '--format', 'csv', '--bom', '--out', out, doc);
    assert.deepStrictEqual([plain.code, plain.stdout, withBom.code, await readFile(out, 'utf8')], [0, expected, 0, '\uFEFF' + expected]);
  });

  it('brat beside the document: .ann, annotation.conf and visual.conf; the document untouched', async () => {
    const r = await run('export', '--format', 'brat', doc);
    assert.equal(r.code, 0, r.stderr);
    assert.deepStrictEqual((await readdir(dir)).sort(), ['annotation.conf', 'harbour.ann', 'harbour.txt', 'harbour.txt.annotations.json', 'visual.conf']);
    assert.equal(await readFile(doc, 'utf8'), '\uFEFF' + HARBOUR);
    const ann = await readFile(path.join(dir, 'harbour.ann'), 'utf8');
    assert.deepStrictEqual(bratProblems(ann, HARBOUR, await readFile(path.join(dir, 'annotation.conf'), 'utf8')), []);
  });

  it('brat into --out: the .txt is copied there too and validates', async () => {
    const out = path.join(dir, 'brat');
    const r = await run('export', '--format', 'brat', '--out', out, doc);
    assert.equal(r.code, 0, r.stderr);
    assert.deepStrictEqual((await readdir(out)).sort(), ['annotation.conf', 'harbour.ann', 'harbour.txt', 'visual.conf']);
    const [ann, txt, conf] = await Promise.all(['harbour.ann', 'harbour.txt', 'annotation.conf'].map((f) => readFile(path.join(out, f), 'utf8')));
    assert.deepStrictEqual([txt, bratProblems(ann, txt, conf)], [HARBOUR, []]);
  });
});
