// "Quotes of <Name>" in a real VS Code: one speaker quoted in two articles (one never opened), the
// panel opened from the entity tree's node and from the hover's link, a click on a row selecting the
// quote in its document, and the rows following a sidecar changed on disk.
import { sha256Of } from '../hash';
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/constants';
import { entityNodes } from '../../src/extension/model/speakerView';
import { addAnnotation, addEntity, emptySidecar, serializeSidecar, setStatus } from '../../src/sidecar';
import type { Annotation, Sidecar } from '../../src/sidecar/types';
import { api, enc, until, ws } from './helpers';

const NAME = 'Wren Halloway';
const TEXT_A = 'Ferries were late again.\n\nWren Halloway said: "The timetable is fiction." Nobody disagreed.\n';
const TEXT_B = 'Wren Halloway opened the new dock on Tuesday. "This is a start," Halloway said. Later she told the crowd: "We will need more berths."\n';

function must<T>(r: T | { error: string }): T {
  if (typeof r === 'object' && r !== null && 'error' in r) throw new Error(r.error);
  return r;
}

function spanOf(text: string, needle: string): { start: number; end: number } {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
}

/** As analysis leaves it: found automatically. */
function auto(s: Sidecar, id: string): Sidecar {
  return { ...s, annotations: s.annotations.map((a): Annotation => (a.id === id ? { ...a, origin: 'auto' } : a)) };
}

/** Article A: one suggested quote. */
function sidecarA(): { sidecar: Sidecar; quote: string } {
  const e = addEntity(emptySidecar('qa-speaker-a.txt', TEXT_A, sha256Of(TEXT_A)), NAME, 'person');
  const q = must(addAnnotation(e.sidecar, TEXT_A, { type: 'quote', ...spanOf(TEXT_A, '"The timetable is fiction."'), speaker: e.entity.id, cue: spanOf(TEXT_A, 'said') }));
  return { sidecar: setStatus(auto(q.sidecar, q.annotation.id), [q.annotation.id], 'suggested'), quote: q.annotation.id };
}

/** Article B: a quote tagged by hand and an accepted one found automatically. */
function sidecarB(): { sidecar: Sidecar; entity: string } {
  const e = addEntity(emptySidecar('qa-speaker-b.txt', TEXT_B, sha256Of(TEXT_B)), NAME, 'person');
  const manual = must(addAnnotation(e.sidecar, TEXT_B, { type: 'quote', ...spanOf(TEXT_B, '"This is a start,"'), speaker: e.entity.id }));
  const accepted = must(addAnnotation(manual.sidecar, TEXT_B, { type: 'quote', ...spanOf(TEXT_B, '"We will need more berths."'), speaker: e.entity.id, cue: spanOf(TEXT_B, 'told') }));
  return { sidecar: auto(accepted.sidecar, accepted.annotation.id), entity: e.entity.id };
}

/** The hover's "Show all quotes by this speaker" link at `offset`: its command and arguments. */
async function hoverLink(docUri: vscode.Uri, offset: number): Promise<{ command: string; args: unknown[] } | undefined> {
  const doc = await vscode.workspace.openTextDocument(docUri);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', docUri, doc.positionAt(offset));
  const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  const m = /\[Show all quotes by this speaker\]\(command:([\w.]+)\?([^)\s]*)\)/.exec(markdown);
  return m ? { command: m[1], args: JSON.parse(decodeURIComponent(m[2])) as unknown[] } : undefined;
}

describe('Quotes of Speaker view (real VS Code)', function () {
  this.timeout(60000);

  it('shows the speaker\'s quotes across the workspace, opens a clicked quote and follows the sidecar on disk', async () => {
    const a = await api();
    const docA = ws('qa-speaker-a.txt');
    const docB = ws('qa-speaker-b.txt');
    const builtA = sidecarA();
    const builtB = sidecarB();
    try {
      await vscode.workspace.fs.writeFile(docA, enc.encode(TEXT_A));
      await vscode.workspace.fs.writeFile(a.store.sidecarUri(docA), enc.encode(serializeSidecar(builtA.sidecar)));
      await vscode.workspace.fs.writeFile(docB, enc.encode(TEXT_B));
      await vscode.workspace.fs.writeFile(a.store.sidecarUri(docB), enc.encode(serializeSidecar(builtB.sidecar)));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(docB));

      // The tree's node for the speaker, as its context menu passes it (A is never opened).
      const node = await until('the tree to list the speaker in both articles', async () => {
        await a.tree.refresh();
        return entityNodes(a.tree.roots()).find((n) => n.name === NAME && n.refs.length === 2);
      });
      const title = await vscode.commands.executeCommand<string | undefined>(COMMANDS.showQuotesOfEntity, node);
      assert.strictEqual(title, `Quotes of ${NAME}`);
      const rows = () => a.speakerView.panels().filter((p) => p.title === title).map((p) => p.model.rows.map((r) => ({ document: r.document, status: r.status, text: r.text, context: r.context })));
      assert.deepStrictEqual(rows(), [
        [
          { document: 'qa-speaker-a.txt', status: 'suggested', text: '"The timetable is fiction."', context: { before: 'Wren Halloway said:', quote: '"The timetable is fiction."', after: 'Nobody disagreed.' } },
          { document: 'qa-speaker-b.txt', status: 'manual', text: '"This is a start,"', context: { before: 'Wren Halloway opened the new dock on Tuesday.', quote: '"This is a start,"', after: 'Halloway said. Later she told the crowd: "We…' } },
          { document: 'qa-speaker-b.txt', status: 'accepted', text: '"We will need more berths."', context: { before: '…start," Halloway said. Later she told the crowd:', quote: '"We will need more berths."', after: '' } },
        ],
      ]);

      // The hover's link on a quote in B: the same entity, so the same panel (revealed, not a second one).
      const link = await hoverLink(docB, spanOf(TEXT_B, 'more berths').start);
      assert.deepStrictEqual(link, { command: COMMANDS.showQuotesOfEntity, args: [builtB.entity] });
      assert.strictEqual(await vscode.commands.executeCommand<string | undefined>(link.command, ...link.args), title);
      assert.deepStrictEqual(a.speakerView.panels().filter((p) => p.title === title).length, 1);

      // A click on A's row (the loaded page posts "open" with the row's key) opens A and selects the quote.
      await until('the page to load', () => a.speakerView.panels().find((p) => p.title === title)?.loaded);
      const rowA = a.speakerView.panels().find((p) => p.title === title)!.model.rows[0];
      await a.speakerView.receive(title, { type: 'open', key: rowA.key });
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, 'an active editor');
      const quote = spanOf(TEXT_A, '"The timetable is fiction."');
      assert.deepStrictEqual(
        [editor.document.uri.toString(), editor.document.offsetAt(editor.selection.start), editor.document.offsetAt(editor.selection.end)],
        [docA.toString(), quote.start, quote.end],
      );

      // Someone rejects A's quote in the sidecar file: the panel follows.
      await vscode.workspace.fs.writeFile(a.store.sidecarUri(docA), enc.encode(serializeSidecar(setStatus(builtA.sidecar, [builtA.quote], 'rejected'))));
      await until('the row of A to show the rejection', async () => {
        await a.speakerView.flush();
        return rows()[0]?.[0]?.status === 'rejected';
      });
      assert.deepStrictEqual(rows()[0].map((r) => r.status), ['rejected', 'manual', 'accepted']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const doc of [docA, docB]) {
        await vscode.workspace.fs.delete(a.store.sidecarUri(doc)).then(undefined, () => undefined);
        await vscode.workspace.fs.delete(doc).then(undefined, () => undefined);
      }
    }
  });

  it('from the command palette asks for a speaker with a quick pick', async () => {
    const a = await api();
    const doc = ws('qa-speaker-palette.txt');
    try {
      await vscode.workspace.fs.writeFile(doc, enc.encode(TEXT_A));
      await vscode.workspace.fs.writeFile(a.store.sidecarUri(doc), enc.encode(serializeSidecar(sidecarA().sidecar)));
      const first = await until('the tree to list a speaker', async () => {
        await a.tree.refresh();
        return entityNodes(a.tree.roots())[0];
      });
      let settled = false;
      const shown = Promise.resolve(vscode.commands.executeCommand<string | undefined>(COMMANDS.showQuotesOfEntity)).finally(() => (settled = true));
      // The quick pick opens asynchronously: accept its first item until the command has returned.
      await until('the quick pick to be accepted', async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return settled;
      });
      assert.strictEqual(await shown, `Quotes of ${first.name}`);
      assert.ok(a.speakerView.panels().some((p) => p.title === `Quotes of ${first.name}`));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(a.store.sidecarUri(doc)).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(doc).then(undefined, () => undefined);
    }
  });
});
