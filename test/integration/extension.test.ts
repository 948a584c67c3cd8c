// QuoteLens in a real VS Code: activation, commands, decorations, tagging and review, the entity
// tree, exports, corrupt sidecars and re-anchoring. Driven through commands with plain arguments and
// the API returned by activate(); writes are awaited with api.flush(), never with fixed sleeps.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS, EXTENSION_ID } from '../../src/extension/constants';
import type { EntityNode, GroupNode } from '../../src/extension/model/treeModel';
import { addAnnotation, emptySidecar, parseSidecar, serializeSidecar } from '../../src/sidecar';
import type { Sidecar } from '../../src/sidecar/types';
import { api, enc, readText as readFile, until, ws } from './helpers';
import { sha256Of } from '../hash';

// Ids come from the constants module, so the tests exercise exactly what the extension registers.
const C = {
  ...COMMANDS,
  remove: COMMANDS.removeAnnotation,
  next: COMMANDS.nextAnnotation,
  previous: COMMANDS.previousAnnotation,
  rename: COMMANDS.renameEntity,
  merge: COMMANDS.mergeEntities,
  analyze: COMMANDS.analyzeDocument,
};

async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  await (await api()).store.sidecar(uri);
  return editor;
}

function select(editor: vscode.TextEditor, needle: string, from = 0): { start: number; end: number } {
  const text = editor.document.getText();
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `"${needle}" in ${editor.document.fileName}`);
  const end = start + needle.length;
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
  return { start, end };
}

function cursorAt(editor: vscode.TextEditor, offset: number): void {
  const p = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(p, p);
}

/** The sidecar as written on disk (after pending writes), validated. */
async function sidecarOnDisk(docUri: vscode.Uri): Promise<Sidecar> {
  const a = await api();
  await a.flush();
  const parsed = parseSidecar(await readFile(a.store.sidecarUri(docUri)));
  assert.ok(parsed.ok, `valid sidecar on disk: ${parsed.ok ? '' : JSON.stringify(parsed.issues)}`);
  return parsed.sidecar;
}

describe('QuoteLens extension (real VS Code)', function () {
  this.timeout(30000);
  const doc = () => ws('qa-tagging.txt');
  const state: { quoteId?: string; entityId?: string; figureId?: string; otherEntityId?: string } = {};

  it('activates when a plain-text article is opened', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(doc()));
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    await until('activation', () => ext?.isActive);
    assert.strictEqual(vscode.window.activeTextEditor?.document.languageId, 'plaintext');
  });

  it('registers every contributed command', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !all.has(c));
    assert.deepStrictEqual(missing, []);
    assert.ok(contributed.length >= 20);
  });

  it('tagging a selection as a quote writes a valid sidecar and decorates it', async () => {
    const a = await api();
    const editor = await openEditor(doc());
    const span = select(editor, '"We kept the furnace alive for as long as the orders came in,"');
    const ids = await vscode.commands.executeCommand<string[]>(C.tagQuote);
    assert.strictEqual(ids?.length, 1);
    state.quoteId = ids[0];
    const s = await sidecarOnDisk(doc());
    const q = s.annotations.find((x) => x.id === state.quoteId);
    assert.ok(q && q.type === 'quote');
    assert.deepStrictEqual({ start: q.start, end: q.end, status: q.status, origin: q.origin }, { ...span, status: 'accepted', origin: 'manual' });
    assert.strictEqual(q.text, editor.document.getText().slice(span.start, span.end));
    assert.strictEqual(s.document.path, 'qa-tagging.txt');
    const plan = await until('decorations', () => a.decorationPlan(doc()));
    assert.ok(plan['quote.manual'].some((x) => x.start === span.start && x.end === span.end), JSON.stringify(plan['quote.manual']));
  });

  it('hover on the quote describes it', async () => {
    const editor = vscode.window.activeTextEditor!;
    const at = editor.document.getText().indexOf('furnace alive');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc(), editor.document.positionAt(at));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Quote\*\* \(direct\)/);
  });

  it('tags a speaker and sets it as the quote speaker', async () => {
    const editor = vscode.window.activeTextEditor!;
    select(editor, 'Wilma Forsythe');
    const ids = await vscode.commands.executeCommand<string[]>(C.tagSpeaker, 'Wilma Forsythe', 'person');
    assert.strictEqual(ids?.length, 1);
    let s = await sidecarOnDisk(doc());
    const mention = s.annotations.find((x) => x.id === ids[0]);
    assert.ok(mention && mention.type === 'speaker');
    state.entityId = mention.entity;
    assert.strictEqual(s.entities.find((e) => e.id === state.entityId)?.name, 'Wilma Forsythe');
    assert.strictEqual(await vscode.commands.executeCommand(C.setSpeaker, state.quoteId, state.entityId), true);
    s = await sidecarOnDisk(doc());
    const q = s.annotations.find((x) => x.id === state.quoteId);
    assert.ok(q && q.type === 'quote');
    assert.strictEqual(q.speaker, state.entityId);
  });

  it('tags a figure, rejects and accepts it (by id and under the cursor)', async () => {
    const editor = vscode.window.activeTextEditor!;
    const span = select(editor, 'About 85 workers');
    const ids = await vscode.commands.executeCommand<string[]>(C.tagFigure, 'count', 'workers');
    assert.strictEqual(ids?.length, 1);
    state.figureId = ids[0];
    let f = (await sidecarOnDisk(doc())).annotations.find((x) => x.id === state.figureId);
    assert.ok(f && f.type === 'figure');
    assert.strictEqual(f.unit, 'workers');
    assert.strictEqual(await vscode.commands.executeCommand(C.reject, state.figureId), 1);
    f = (await sidecarOnDisk(doc())).annotations.find((x) => x.id === state.figureId);
    assert.strictEqual(f?.status, 'rejected');
    const a = await api();
    await a.flush();
    assert.ok(!a.decorationPlan(doc())!['figure.manual'].some((x) => x.start === span.start), 'rejected figure not decorated');
    cursorAt(editor, span.start + 8);
    assert.strictEqual(await vscode.commands.executeCommand(C.accept), 1);
    f = (await sidecarOnDisk(doc())).annotations.find((x) => x.id === state.figureId);
    assert.strictEqual(f?.status, 'accepted');
  });

  it('renames an entity (old name kept as an alias)', async () => {
    assert.strictEqual(await vscode.commands.executeCommand(C.rename, state.entityId, 'Wilma J. Forsythe'), true);
    const e = (await sidecarOnDisk(doc())).entities.find((x) => x.id === state.entityId);
    assert.strictEqual(e?.name, 'Wilma J. Forsythe');
    assert.ok(e?.aliases.includes('Wilma Forsythe'));
  });

  it('merges two entities: references and aliases move over', async () => {
    const editor = vscode.window.activeTextEditor!;
    select(editor, 'the plant manager');
    const ids = await vscode.commands.executeCommand<string[]>(C.tagSpeaker, 'The Plant Manager', 'person');
    assert.strictEqual(ids?.length, 1);
    let s = await sidecarOnDisk(doc());
    const mention = s.annotations.find((x) => x.id === ids[0]);
    assert.ok(mention && mention.type === 'speaker');
    state.otherEntityId = mention.entity;
    assert.notStrictEqual(state.otherEntityId, state.entityId);
    assert.strictEqual(await vscode.commands.executeCommand(C.merge, state.otherEntityId, state.entityId), true);
    s = await sidecarOnDisk(doc());
    assert.ok(!s.entities.some((e) => e.id === state.otherEntityId), 'merged entity removed');
    assert.ok(s.entities.find((e) => e.id === state.entityId)?.aliases.includes('The Plant Manager'));
    const moved = s.annotations.find((x) => x.id === ids[0]);
    assert.ok(moved && moved.type === 'speaker' && moved.entity === state.entityId);
  });

  it('undo restores the annotations before the last QuoteLens edit', async () => {
    assert.strictEqual(await vscode.commands.executeCommand(C.remove, state.quoteId), true);
    assert.ok(!(await sidecarOnDisk(doc())).annotations.some((x) => x.id === state.quoteId));
    assert.strictEqual(await vscode.commands.executeCommand(C.undo), true);
    const q = (await sidecarOnDisk(doc())).annotations.find((x) => x.id === state.quoteId);
    assert.ok(q && q.type === 'quote' && q.speaker === state.entityId, 'quote back with its speaker');
    // Undo the merge too: the second entity comes back.
    assert.strictEqual(await vscode.commands.executeCommand(C.undo), true);
    assert.ok((await sidecarOnDisk(doc())).entities.some((e) => e.id === state.otherEntityId));
    assert.strictEqual(await vscode.commands.executeCommand(C.merge, state.otherEntityId, state.entityId), true);
  });

  it('next / previous annotation move the selection', async () => {
    const editor = vscode.window.activeTextEditor!;
    cursorAt(editor, 0);
    const id = await vscode.commands.executeCommand<string>(C.next);
    assert.ok(id);
    const s = await (await api()).store.sidecar(doc());
    const first = s!.annotations.find((x) => x.id === id)!;
    assert.strictEqual(editor.document.offsetAt(editor.selection.start), first.start);
    assert.strictEqual(editor.document.offsetAt(editor.selection.end), first.end);
    const back = await vscode.commands.executeCommand<string>(C.previous);
    assert.ok(back);
  });

  it('shifts annotations while the document is typed in', async () => {
    const editor = vscode.window.activeTextEditor!;
    const before = (await sidecarOnDisk(doc())).annotations.find((x) => x.id === state.quoteId)!;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc(), new vscode.Position(0, 0), 'UPDATED: ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await editor.document.save();
    const after = (await sidecarOnDisk(doc())).annotations.find((x) => x.id === state.quoteId)!;
    assert.strictEqual(after.start, before.start + 'UPDATED: '.length);
    assert.strictEqual(after.text, before.text);
  });

  it('the entity tree lists the speaker with its quote', async () => {
    const a = await api();
    await a.flush();
    await a.tree.refresh();
    const roots = a.tree.roots();
    const speakers = roots.find((r): r is GroupNode => r.nodeType === 'group' && r.group === 'speakers');
    assert.ok(speakers, `roots: ${roots.map((r) => r.label).join(', ')}`);
    const wilma = speakers.children.find((c): c is EntityNode => c.nodeType === 'entity' && c.name === 'Wilma J. Forsythe');
    assert.ok(wilma, `speakers: ${speakers.children.map((c) => c.label).join(', ')}`);
    const quotes = a.tree.children(wilma);
    assert.ok(quotes.some((q) => q.nodeType === 'annotation' && q.annotationId === state.quoteId));
    assert.match(wilma.description ?? '', /quote/);
    const item = a.tree.getTreeItem(quotes[0]);
    assert.strictEqual(item.command?.command, 'quotelens.revealAnnotation');
  });

  it('tree items drive the review commands, and the filter narrows the tree', async () => {
    const a = await api();
    const speakers = () => a.tree.roots().find((r): r is GroupNode => r.nodeType === 'group' && r.group === 'speakers');
    const wilma = () => speakers()?.children.find((c): c is EntityNode => c.nodeType === 'entity' && c.name === 'Wilma J. Forsythe');
    const quoteNode = a.tree.children(wilma()!).find((q) => q.nodeType === 'annotation' && q.annotationId === state.quoteId);
    assert.ok(quoteNode);
    assert.strictEqual(a.tree.getTreeItem(quoteNode).contextValue, 'annotation.accepted');
    assert.strictEqual(await vscode.commands.executeCommand(C.reject, quoteNode), 1);
    assert.strictEqual((await sidecarOnDisk(doc())).annotations.find((x) => x.id === state.quoteId)?.status, 'rejected');
    await vscode.commands.executeCommand('quotelens.filterTree', { status: 'rejected' });
    const rejected = a.tree.children(wilma()!);
    assert.ok(rejected.length >= 1 && rejected.every((n) => n.nodeType === 'annotation' && n.status === 'rejected'));
    await vscode.commands.executeCommand('quotelens.clearTreeFilter');
    assert.strictEqual(await vscode.commands.executeCommand(C.accept, quoteNode), 1);
    assert.strictEqual((await sidecarOnDisk(doc())).annotations.find((x) => x.id === state.quoteId)?.status, 'accepted');
    // Reveal from the tree selects the quote in its editor.
    assert.strictEqual(await vscode.commands.executeCommand('quotelens.revealAnnotation', quoteNode), true);
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), doc().toString());
    assert.strictEqual(editor.document.getText(editor.selection), (await a.store.sidecar(doc()))!.annotations.find((x) => x.id === state.quoteId)!.text);
    // Rename through the tree's entity item.
    assert.strictEqual(await vscode.commands.executeCommand(C.rename, wilma(), 'Wilma Forsythe-Kessling'), true);
    assert.strictEqual((await sidecarOnDisk(doc())).entities.find((e) => e.id === state.entityId)?.name, 'Wilma Forsythe-Kessling');
    assert.strictEqual(await vscode.commands.executeCommand(C.rename, state.entityId, 'Wilma J. Forsythe'), true);
  });

  it('exports every format to a file with the expected content', async () => {
    await openEditor(doc());
    const out = ws('exports');
    await vscode.workspace.fs.createDirectory(out);
    const run = async (format: string, target: vscode.Uri) => {
      const r = await vscode.commands.executeCommand<{ files: vscode.Uri[]; annotations: number }>(C.export, format, 'document', target);
      assert.ok(r && r.files.length > 0 && r.annotations > 0, `export ${format}`);
      return r;
    };
    await run('json', vscode.Uri.joinPath(out, 'a.json'));
    const json = parseSidecar(await readFile(vscode.Uri.joinPath(out, 'a.json')));
    assert.ok(json.ok && json.sidecar.annotations.some((x) => x.id === state.quoteId));
    await run('csv', vscode.Uri.joinPath(out, 'a.csv'));
    const csv = await readFile(vscode.Uri.joinPath(out, 'a.csv'));
    assert.match(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0], /^type,document,id,text,kind,status/);
    assert.ok(csv.includes('kept the furnace alive') && csv.includes('Wilma J. Forsythe'));
    await run('jsonl', vscode.Uri.joinPath(out, 'a.jsonl'));
    const lines = (await readFile(vscode.Uri.joinPath(out, 'a.jsonl'))).trim().split('\n').map((l) => JSON.parse(l) as unknown);
    assert.ok(lines.length >= 3 && JSON.stringify(lines).includes('kept the furnace alive'));
    await run('w3c', vscode.Uri.joinPath(out, 'a.jsonld'));
    const w3c = await readFile(vscode.Uri.joinPath(out, 'a.jsonld'));
    assert.ok(w3c.includes('http://www.w3.org/ns/anno.jsonld') && w3c.includes('TextQuoteSelector'));
    JSON.parse(w3c);
    const brat = await run('brat', vscode.Uri.joinPath(out, 'brat'));
    const ann = await readFile(brat.files[0]);
    assert.match(brat.files[0].path, /qa-tagging\.ann$/);
    assert.match(ann, /^T\d+\t/m);
    assert.strictEqual(await readFile(vscode.Uri.joinPath(out, 'brat', 'qa-tagging.txt')), vscode.window.activeTextEditor!.document.getText());
  });

  it('a corrupt sidecar is reported and never touched by edits or commands', async () => {
    const a = await api();
    const docUri = ws('qa-corrupt.txt');
    const scUri = ws('qa-corrupt.txt.annotations.json');
    const bad = '{ "version": 1, "document": { "path": "qa-corrupt.txt" }, "annotations": [ \n';
    await vscode.workspace.fs.writeFile(docUri, enc.encode('The minister said: "It will not happen again," and left.\n'));
    await vscode.workspace.fs.writeFile(scUri, enc.encode(bad));
    const editor = await openEditor(docUri);
    const problem = await until('the sidecar problem', () => a.store.problem(docUri));
    assert.ok(problem.length > 0);
    select(editor, '"It will not happen again,"');
    await vscode.commands.executeCommand(C.tagQuote);
    await vscode.commands.executeCommand(C.acceptAll);
    await vscode.commands.executeCommand(C.analyze);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(docUri, new vscode.Position(0, 0), 'Late edit. ');
    await vscode.workspace.applyEdit(edit);
    await editor.document.save();
    await a.flush();
    assert.strictEqual(await readFile(scUri), bad, 'byte for byte untouched');
    // Fixing the file by hand makes it writable again.
    await vscode.workspace.fs.writeFile(scUri, enc.encode(serializeSidecar(emptySidecar('qa-corrupt.txt', editor.document.getText(), sha256Of(editor.document.getText())))));
    await until('the fixed sidecar to load', () => a.store.problem(docUri) === undefined);
  });

  it('re-anchors a sidecar when the document changed outside VS Code; a deleted quote is orphaned, not dropped', async () => {
    const a = await api();
    const docUri = ws('qa-moved.txt');
    const before = 'Intro line.\n\n"First quote stays here," said Ann Vale.\n\n"Second quote will be deleted," said Ann Vale.\n';
    const after = 'A new opening paragraph was added by another editor.\n\nIntro line.\n\n"First quote stays here," said Ann Vale.\n';
    let s = emptySidecar('qa-moved.txt', before, sha256Of(before));
    const ids: string[] = [];
    for (const needle of ['"First quote stays here,"', '"Second quote will be deleted,"']) {
      const start = before.indexOf(needle);
      const r = addAnnotation(s, before, { type: 'quote', start, end: start + needle.length });
      assert.ok(!('error' in r));
      s = r.sidecar;
      ids.push(r.annotation.id);
    }
    // The article changed (git pull, another editor) after the sidecar was written.
    await vscode.workspace.fs.writeFile(docUri, enc.encode(after));
    await vscode.workspace.fs.writeFile(a.store.sidecarUri(docUri), enc.encode(serializeSidecar(s)));
    await openEditor(docUri);
    const newStart = after.indexOf('"First quote stays here,"');
    await until('re-anchoring', async () => (await a.store.sidecar(docUri))?.annotations.find((x) => x.id === ids[0])?.start === newStart);
    const disk = await sidecarOnDisk(docUri);
    const first = disk.annotations.find((x) => x.id === ids[0]);
    const second = disk.annotations.find((x) => x.id === ids[1]);
    assert.strictEqual(first?.start, newStart);
    assert.ok(!first?.orphaned);
    assert.ok(second, 'the deleted quote is kept');
    assert.strictEqual(second.orphaned, true);
    await a.tree.refresh();
    assert.ok(a.tree.roots().some((r) => r.nodeType === 'group' && r.group === 'orphaned'), 'tree shows Orphaned');
  });

  it('opening an article without a sidecar shows suggestions in memory and writes nothing', async () => {
    const a = await api();
    const docUri = ws('qa-fresh.txt');
    await vscode.workspace.fs.writeFile(docUri, enc.encode('The chair said: "We will meet again in May," before the vote.\n'));
    await openEditor(docUri);
    await a.flush();
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(a.store.sidecarUri(docUri))), 'no sidecar written on open');
    assert.ok(await a.store.sidecar(docUri), 'annotations are available in memory');
  });

  it('offsets are UTF-16 code units: CRLF and emoji documents tag correctly', async () => {
    const docUri = ws('qa-crlf.txt');
    const text = 'Headline 😀 here\r\n\r\nThe coach said: "We play 😀 to win," and left.\r\n';
    await vscode.workspace.fs.writeFile(docUri, enc.encode(text));
    const editor = await openEditor(docUri);
    const span = select(editor, '"We play 😀 to win,"');
    assert.strictEqual(span.start, text.indexOf('"We play'));
    const ids = await vscode.commands.executeCommand<string[]>(C.tagQuote);
    const q = (await sidecarOnDisk(docUri)).annotations.find((x) => x.id === ids?.[0]);
    assert.ok(q);
    assert.strictEqual(text.slice(q.start, q.end), '"We play 😀 to win,"');
  });

  it('a sidecar changed on disk by someone else is reloaded, not overwritten', async () => {
    const a = await api();
    await openEditor(doc());
    const current = await sidecarOnDisk(doc());
    const target = current.annotations.find((x) => x.id === state.quoteId)!;
    const edited: Sidecar = { ...current, annotations: current.annotations.map((x) => (x.id === target.id ? { ...x, status: 'rejected' as const } : x)) };
    const content = serializeSidecar(edited);
    await vscode.workspace.fs.writeFile(a.store.sidecarUri(doc()), enc.encode(content));
    await until('the reload', async () => (await a.store.sidecar(doc()))?.annotations.find((x) => x.id === target.id)?.status === 'rejected');
    await a.flush();
    assert.strictEqual(await readFile(a.store.sidecarUri(doc())), content, 'left as written');
    // Put it back for the following tests.
    assert.strictEqual(await vscode.commands.executeCommand(C.accept, target.id), 1);
  });

  it('an open, unmodified article rewritten on disk keeps its annotations on their text', async () => {
    const a = await api();
    const docUri = ws('qa-open-external.txt');
    const before = 'First line.\n\n"Keep me anchored," said Ola Brisk.\n\n"Delete me," said Ola Brisk.\n';
    await vscode.workspace.fs.writeFile(docUri, enc.encode(before));
    const editor = await openEditor(docUri);
    select(editor, '"Keep me anchored,"');
    const [keep] = (await vscode.commands.executeCommand<string[]>(C.tagQuote)) ?? [];
    select(editor, '"Delete me,"');
    const [gone] = (await vscode.commands.executeCommand<string[]>(C.tagQuote)) ?? [];
    assert.ok(keep && gone);
    await a.flush();
    const after = 'A paragraph inserted by another tool.\n\nFirst line.\n\n"Keep me anchored," said Ola Brisk.\n';
    await vscode.workspace.fs.writeFile(docUri, enc.encode(after));
    await until('VS Code to reload the document', () => editor.document.getText() === after);
    const s = await until('annotations to follow', async () => {
      const cur = await a.store.sidecar(docUri);
      return cur?.annotations.find((x) => x.id === keep)?.start === after.indexOf('"Keep me anchored,"') ? cur : undefined;
    });
    const deleted = s.annotations.find((x) => x.id === gone);
    assert.ok(deleted, 'the deleted quote is kept');
    assert.strictEqual(deleted.orphaned, true);
    const disk = await sidecarOnDisk(docUri);
    assert.strictEqual(disk.annotations.find((x) => x.id === gone)?.orphaned, true);
  });

  it('sidecarLocation "folder" keeps sidecars under .quotelens/, mirroring the article path', async () => {
    const a = await api();
    const cfg = vscode.workspace.getConfiguration('quotelens');
    const docUri = ws('sub', 'qa-folder.txt');
    await vscode.workspace.fs.writeFile(docUri, enc.encode('The captain said: "We sail at dawn," and went below.\n'));
    await cfg.update('sidecarLocation', 'folder', vscode.ConfigurationTarget.Workspace);
    try {
      const expected = ws('.quotelens', 'sub', 'qa-folder.txt.annotations.json');
      await until('the setting', () => a.store.sidecarUri(docUri).toString() === expected.toString());
      await a.flush();
      const editor = await openEditor(docUri);
      select(editor, '"We sail at dawn,"');
      const ids = await vscode.commands.executeCommand<string[]>(C.tagQuote);
      assert.strictEqual(ids?.length, 1);
      await a.flush();
      const parsed = parseSidecar(await readFile(expected));
      assert.ok(parsed.ok);
      assert.strictEqual(parsed.sidecar.document.path, '../../sub/qa-folder.txt');
      assert.ok(parsed.sidecar.annotations.some((x) => x.id === ids[0]));
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(ws('sub', 'qa-folder.txt.annotations.json'))), 'nothing beside the article');
    } finally {
      await cfg.update('sidecarLocation', undefined, vscode.ConfigurationTarget.Workspace);
      await until('the default setting', () => a.store.sidecarUri(docUri).toString() === ws('sub', 'qa-folder.txt.annotations.json').toString());
      await a.flush();
    }
  });

  it('"Analyse Workspace" writes a sidecar for every article', async () => {
    const a = await api();
    const done = await vscode.commands.executeCommand<number>('quotelens.analyzeWorkspace');
    assert.ok(typeof done === 'number' && done >= 4, `analysed ${done}`);
    await a.flush();
    for (const name of ['harbour-ferry.txt', 'library-vote.txt', 'orchard-frost.txt']) {
      const parsed = parseSidecar(await readFile(a.store.sidecarUri(ws(name))));
      assert.ok(parsed.ok, name);
    }
    const q = (await sidecarOnDisk(doc())).annotations.find((x) => x.id === state.quoteId);
    assert.ok(q && q.origin === 'manual', 'manual work kept');
  });

  it('"Analyse Document" keeps manual work and writes the sidecar', async () => {
    const editor = await openEditor(doc());
    assert.ok(editor);
    await vscode.commands.executeCommand(C.analyze);
    const s = await sidecarOnDisk(doc());
    const q = s.annotations.find((x) => x.id === state.quoteId);
    assert.ok(q && q.origin === 'manual' && q.status === 'accepted');
  });
});
