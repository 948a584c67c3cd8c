// Golden files (see test/golden.ts): what `quotelens analyze` writes for every sample article,
// workspace fixture and edge-case text must stay byte for byte what was reviewed and committed.
// A change in the analysis or the sidecar format shows up here; if it is intended, run
// `npm run golden:update` and review the diff of test/golden/expected.
import * as assert from 'assert';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseSidecar } from '../../src/sidecar';
import { EXPECTED_DIR, analyseFresh, goldenCases } from '../golden';

describe('golden files: the CLI sidecar of every sample, fixture and edge-case text', function () {
  this.timeout(30000);

  it('has one expected sidecar per input, and none for an input that is gone', async () => {
    const cases = await goldenCases();
    const expected: string[] = [];
    for (const group of await readdir(EXPECTED_DIR)) {
      for (const f of await readdir(path.join(EXPECTED_DIR, group))) expected.push(path.join(EXPECTED_DIR, group, f));
    }
    assert.deepStrictEqual(expected.sort(), cases.map((c) => c.expected).sort());
    assert.ok(cases.length >= 10, `${cases.length} inputs`);
  });

  it('analyses each input to exactly its expected sidecar, which is valid', async () => {
    for (const c of await goldenCases()) {
      const want = await readFile(c.expected, 'utf8');
      const parsed = parseSidecar(want);
      assert.ok(parsed.ok, `${c.name}: the expected sidecar is valid`);
      assert.ok(parsed.sidecar.annotations.length > 0, `${c.name}: the expected sidecar has annotations`);
      const got = await analyseFresh(c.input);
      assert.strictEqual(got, want, `${c.name} differs from its golden file; if intended: npm run golden:update, then review the diff`);
    }
  });

  it('keeps every annotation on its text in the edge-case inputs (emoji, CRLF, CR, paragraphs)', async () => {
    for (const c of (await goldenCases()).filter((x) => x.name.startsWith('inputs/'))) {
      const text = (await readFile(c.input, 'utf8')).replace(/^\uFEFF/, '');
      const parsed = parseSidecar(await readFile(c.expected, 'utf8'));
      assert.ok(parsed.ok);
      for (const a of parsed.sidecar.annotations) assert.strictEqual(a.text, text.slice(a.start, a.end), `${c.name} ${a.id}`);
    }
  });
});
