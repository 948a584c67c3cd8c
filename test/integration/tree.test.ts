// The Entities view as a reviewer reads it: an article analysed from the command palette, then the
// tree's first level — speakers are the entities with a quote, the others are only mentioned.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/constants';
import type { EntityNode, GroupNode } from '../../src/extension/model/treeModel';
import { api, enc, ws } from './helpers';

describe('entity tree: speakers and mentioned (real VS Code)', function () {
  this.timeout(30000);

  it('a person mentioned but never quoted is under Mentioned, not Speakers', async () => {
    const a = await api();
    const docUri = ws('qa-tree-mentioned.txt');
    await vscode.workspace.fs.writeFile(docUri, enc.encode('Mara Olsen met Tomas Veld on Friday.\n\n"We will stay," said Mara Olsen.\n'));
    try {
      assert.ok((await vscode.commands.executeCommand<number | undefined>(COMMANDS.analyzeDocument, docUri)) !== undefined);
      await a.flush();
      await a.tree.refresh();
      const group = (name: string) => a.tree.roots().find((r): r is GroupNode => r.nodeType === 'group' && r.group === name);
      const names = (g: GroupNode | undefined) => (g?.children ?? []).filter((c): c is EntityNode => c.nodeType === 'entity').map((e) => e.name);
      assert.ok(names(group('speakers')).includes('Mara Olsen'), `speakers: ${names(group('speakers')).join(', ')}`);
      assert.ok(!names(group('speakers')).includes('Tomas Veld'), 'a person without a quote is not a speaker');
      assert.ok(names(group('mentioned')).includes('Tomas Veld'), `mentioned: ${names(group('mentioned')).join(', ')}`);
      assert.strictEqual(a.tree.getTreeItem(group('mentioned')!).label, 'Mentioned');
    } finally {
      await vscode.workspace.fs.delete(docUri);
      const sidecar = (await api()).store.sidecarUri(docUri);
      await vscode.workspace.fs.delete(sidecar).then(undefined, () => undefined);
    }
  });
});
