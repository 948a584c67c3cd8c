// The in-host test entry (VS Code's `extensionTestsPath`, compiled to out/test/integration/index.js).
// VS Code calls run() inside the extension host once the extension under development is loaded;
// it runs every out/test/integration/**/*.test.js with mocha (bdd: describe/it) and rejects when a
// test fails. Its closing line "N passed, N failed" is what CI reads.
// Both routes use it: code-server (scripts/vscode/run.mjs) and desktop VS Code (runTest.ts).
//   QUOTELENS_TEST=1           set by both runners in the extension host's environment
//   QUOTELENS_TEST_GREP=TEXT   only the tests whose full title contains TEXT (mocha --grep)
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

async function findTestFiles(dir: string): Promise<string[]> {
  const entries = await fs.promises.readdir(dir, { recursive: true });
  return entries
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(dir, f))
    .sort();
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 20000 });
  const grep = process.env.QUOTELENS_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = await findTestFiles(__dirname);
  if (files.length === 0) throw new Error(`no *.test.js under ${__dirname}: run "npm run compile" first`);
  for (const f of files) mocha.addFile(f);

  const stats = { passes: 0, failures: 0, pending: 0 };
  await new Promise<void>((resolve, reject) => {
    try {
      mocha
        .run(() => resolve())
        .on('pass', () => stats.passes++)
        .on('fail', () => stats.failures++)
        .on('pending', () => stats.pending++);
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
  const skipped = stats.pending > 0 ? `, ${stats.pending} skipped` : '';
  console.log(`${stats.passes} passed, ${stats.failures} failed${skipped}`);
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
  if (stats.passes === 0) throw new Error('no integration test ran');
}
