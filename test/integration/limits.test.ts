// The one article size limit in the extension: an article over it is opened like any file, but
// QuoteLens neither analyses it on open nor on "Analyse Document", and writes no sidecar for it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/constants';
import { MAX_ARTICLE_BYTES } from '../../src/sidecar';
import { api, enc, exists, until, ws } from './helpers';

describe('article size limit (real VS Code)', function () {
  this.timeout(60000);

  it('an article over the limit gets no suggestions, and Analyse Document refuses it without writing', async () => {
    const a = await api();
    const paragraph = '"We will not give up the harbour," said Mara Olsen, the port director, on Tuesday.\n\n';
    const text = paragraph.repeat(Math.ceil((MAX_ARTICLE_BYTES + 1024) / paragraph.length));
    const docUri = ws('qa-too-large.txt');
    await vscode.workspace.fs.writeFile(docUri, enc.encode(text));
    try {
      const doc = await vscode.workspace.openTextDocument(docUri);
      await vscode.window.showTextDocument(doc);
      const shown = await until('the store to load the article', () => a.store.sidecar(docUri));
      assert.deepStrictEqual(shown.annotations, [], 'no suggestions for an article over the limit');
      const result = await vscode.commands.executeCommand<number | undefined>(COMMANDS.analyzeDocument, docUri);
      assert.strictEqual(result, undefined, 'Analyse Document refuses it');
      await a.flush();
      assert.strictEqual(await exists(a.store.sidecarUri(docUri)), false, 'no sidecar written');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(docUri);
    }
  });
});
