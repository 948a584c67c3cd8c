// Why a quote got its speaker, in a real VS Code: Analyse Document writes each suggestion's rule to
// the sidecar, the hover says it in words, and setting the speaker by hand drops it (on disk and in
// the hover).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/constants';
import { api, enc, onDisk, until, ws } from './helpers';

async function hoverText(docUri: vscode.Uri, offset: number): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(docUri);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', docUri, doc.positionAt(offset));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('attribution rules in the sidecar and the hover (real VS Code)', function () {
  this.timeout(60000);

  it('Analyse Document records the rule, the hover shows it, Set Speaker drops it', async () => {
    const a = await api();
    const text = 'Ebba Sund chairs the harbour board. Ivo Brandt runs the ferry.\n\n“The pier opens in May,” Sund said. “We are ready.”\n';
    const docUri = ws('qa-explain.txt');
    await vscode.workspace.fs.writeFile(docUri, enc.encode(text));
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(docUri));
      const suggested = await vscode.commands.executeCommand<number | undefined>(COMMANDS.analyzeDocument, docUri);
      assert.ok(suggested !== undefined && suggested > 0, 'analysed with suggestions');
      await a.flush();
      const sidecar = await onDisk(a.store.sidecarUri(docUri));
      const quotes = sidecar.annotations.filter((x) => x.type === 'quote');
      assert.deepStrictEqual(quotes.map((q) => [q.text, q.speaker, q.rule]), [
        ['“The pier opens in May,”', 'ebba-sund', 'after.x-said'],
        ['“We are ready.”', 'ebba-sund', 'carry.previous-speaker'],
      ]);
      const first = text.indexOf('pier opens');
      const hover = await until('the hover with the rule', async () => {
        const t = await hoverText(docUri, first);
        return t.includes('Found by') ? t : undefined;
      });
      assert.ok(hover.includes('Found by: *X said* after the quote (rule after\\.x\\-said)'), hover);

      const ivo = sidecar.entities.find((e) => e.name === 'Ivo Brandt');
      assert.ok(ivo, 'Ivo Brandt is an entity');
      assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.setSpeaker, quotes[0].id, ivo.id), true);
      await a.flush();
      const after = (await onDisk(a.store.sidecarUri(docUri))).annotations.filter((x) => x.type === 'quote');
      assert.deepStrictEqual(after.map((q) => [q.text, q.speaker, q.rule]), [
        ['“The pier opens in May,”', ivo.id, undefined],
        ['“We are ready.”', 'ebba-sund', 'carry.previous-speaker'],
      ]);
      const changed = await hoverText(docUri, first);
      assert.ok(changed.includes('Speaker: **Ivo Brandt**') && !changed.includes('Found by'), changed);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(docUri);
      const sidecarUri = a.store.sidecarUri(docUri);
      await vscode.workspace.fs.delete(sidecarUri).then(undefined, () => undefined);
    }
  });
});
