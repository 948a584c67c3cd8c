// Defaults QuoteLens contributes to VS Code's own settings, read back through the configuration API
// as a user's editor and Explorer see them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../src/extension/constants';

describe('QuoteLens configuration defaults (real VS Code)', function () {
  it('articles in the QuoteLens language wrap long lines (one paragraph per line stays readable)', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: 'A "b" said C.' });
    assert.equal(doc.languageId, LANGUAGE_ID);
    assert.equal(vscode.workspace.getConfiguration('editor', doc).get('wordWrap'), 'on');
    const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'x' });
    assert.equal(vscode.workspace.getConfiguration('editor', plain).get('wordWrap'), 'off', 'plain text keeps the user default');
  });

  it('the Explorer nests a.txt.annotations.json under a.txt', () => {
    const patterns = vscode.workspace.getConfiguration('explorer.fileNesting').get<Record<string, string>>('patterns') ?? {};
    assert.equal(patterns['*.txt'], '${capture}.txt.annotations.json');
  });
});
