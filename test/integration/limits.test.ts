// Limits and encodings in the extension. An article over the one size limit is opened like any file,
// but QuoteLens neither analyses it on open nor on "Analyse Document", and writes no sidecar for it.
// A UTF-16 article is read as the editor and the CLI read it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/constants';
import { MAX_ARTICLE_BYTES } from '../../src/sidecar';
import { api, enc, exists, onDisk, until, ws } from './helpers';

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

describe('article encodings (real VS Code)', function () {
  this.timeout(60000);

  it('a closed UTF-16 article with a byte order mark is analysed from its real text, as the editor shows it', async () => {
    const a = await api();
    const text = '"The tide will not wait," said Ines Varga, the harbour master. 🚢 Some 40 boats stayed in.\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      bytes[2 + 2 * i] = c & 0xff;
      bytes[3 + 2 * i] = c >> 8;
    }
    const docUri = ws('qa-utf16.txt');
    await vscode.workspace.fs.writeFile(docUri, bytes);
    try {
      const suggested = await vscode.commands.executeCommand<number | undefined>(COMMANDS.analyzeDocument, docUri);
      assert.ok(suggested !== undefined && suggested > 0, 'analysed with suggestions');
      await a.flush();
      const sidecar = await onDisk(a.store.sidecarUri(docUri));
      assert.strictEqual(sidecar.document.length, text.length);
      const quote = sidecar.annotations.find((x) => x.type === 'quote');
      assert.deepStrictEqual(quote && { start: quote.start, end: quote.end, text: quote.text }, { start: 0, end: 25, text: '"The tide will not wait,"' });
      for (const x of sidecar.annotations) assert.strictEqual(x.text, text.slice(x.start, x.end), `${x.id} text equals the slice`);
      const doc = await vscode.workspace.openTextDocument(docUri);
      assert.strictEqual(doc.getText(), text, 'the editor decodes the same text');
      const open = await until('the store to hold the opened article', () => a.store.sidecar(docUri));
      assert.deepStrictEqual(open.annotations, sidecar.annotations, 'opening it re-anchors nothing');
    } finally {
      await vscode.workspace.fs.delete(docUri);
    }
  });
});
