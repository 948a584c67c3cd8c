// The exact one-line problems `quotelens analyze` gives for documents and sidecars it cannot use,
// and the summary line of a reviewed sidecar (rejected annotations not counted, orphans named).
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli as run } from './cli-fixtures';
import { serializeSidecar } from '../../src/sidecar/serialize';
import { HARBOUR, harbourDoc } from './export-fixtures';

describe('cli documents: what analyze says about files it cannot use', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-docs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** [name, make the FILE (returns its path), the problem after "quotelens: FILE: "]. */
  const rows: [string, (d: string) => Promise<string>, (file: string) => string][] = [
    ['a directory', async (d) => { const p = path.join(d, 'folder.txt'); await mkdir(p); return p; }, (f) => `quotelens: ${f}: is a directory\n`],
    ['a character device', () => Promise.resolve('/dev/null'), (f) => `quotelens: ${f}: not a regular file\n`],
    ['an empty file', async (d) => { const p = path.join(d, 'empty.txt'); await writeFile(p, ''); return p; }, (f) => `quotelens: ${f}: file is empty\n`],
    ['white space only', async (d) => { const p = path.join(d, 'blank.txt'); await writeFile(p, ' \n\t\n'); return p; }, (f) => `quotelens: ${f}: file is empty (only whitespace)\n`],
    ['NUL bytes', async (d) => { const p = path.join(d, 'bin.txt'); await writeFile(p, Buffer.from([0x41, 0x00, 0x42])); return p; }, (f) => `quotelens: ${f}: binary file (contains NUL bytes and no UTF-16 byte order mark)\n`],
    [
      'an empty sidecar beside a good document: a JSON error, left untouched',
      async (d) => { const p = path.join(d, 'a.txt'); await writeFile(p, HARBOUR); await writeFile(p + '.annotations.json', ''); return p; },
      (f) => `quotelens: ${f}.annotations.json: invalid sidecar, left untouched\n${f}.annotations.json: $: JSON syntax error at 1:1: Unexpected end of input, expected a value\n`,
    ],
  ];
  for (const [name, make, stderr] of rows) {
    it(name, async () => {
      const file = await make(dir);
      assert.deepStrictEqual(await run('analyze', file), { code: 1, stdout: '', stderr: stderr(file) });
    });
  }

  it('the summary of a reviewed sidecar: a rejected quote is not counted, an orphaned one is named', async () => {
    const doc = path.join(dir, 'harbour.txt');
    await writeFile(doc, HARBOUR);
    await writeFile(doc + '.annotations.json', serializeSidecar(harbourDoc().sidecar));
    assert.deepStrictEqual(await run('analyze', doc), { code: 0, stdout: `${doc}: 1 quote, 1 speaker, 1 figure, 1 orphaned → harbour.txt.annotations.json\n`, stderr: '' });
  });
});
