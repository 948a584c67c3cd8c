// The desktop route: downloads VS Code with @vscode/test-electron (needs internet; `npm run
// test:electron`) and runs the same suite as `npm run test:integration` (code-server, offline).
// The workspace is a temp copy of test/fixtures/workspace, so test runs never dirty the repository.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // Compiled to out/test/integration/runTest.js: the repository root is three levels up.
  const root = path.resolve(__dirname, '..', '..', '..');
  const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'quotelens-electron-'));
  const workspace = path.join(tmp, 'workspace');
  await fs.promises.cp(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'index'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
      extensionTestsEnv: { QUOTELENS_TEST: '1' },
    });
  } finally {
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error('integration tests failed:', err);
  process.exit(1);
});
