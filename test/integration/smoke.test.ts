// Smoke test: QuoteLens is loaded in the real VS Code that runs this suite, and activates.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'quotelens.quotelens';

describe('smoke: QuoteLens in a real VS Code', () => {
  it('is among the loaded extensions and activates', async () => {
    const ext = vscode.extensions.all.find((e) => e.id.toLowerCase() === EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not among ${vscode.extensions.all.length} loaded extensions`);
    // It activates on plaintext files, so a restored editor may have activated it already.
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('runs with the test-mode flag and a workspace folder', () => {
    assert.strictEqual(process.env.QUOTELENS_TEST, '1', 'QUOTELENS_TEST=1 missing from the extension host');
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, 'one workspace folder open');
  });
});
