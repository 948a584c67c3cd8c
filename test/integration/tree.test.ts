// The Entities view as a reviewer reads it: an article analysed from the command palette, then the
// tree's first level — speakers are the entities with a quote, the others are only mentioned.
import * as assert from 'assert';
import { utimes } from 'node:fs/promises';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/constants';
import type { EntityNode, GroupNode, TreeNode } from '../../src/extension/model/treeModel';
import { addAnnotation, emptySidecar, serializeSidecar } from '../../src/sidecar';
import { sha256Of } from '../hash';
import { api, enc, onDisk, until, ws } from './helpers';

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

// Issue 11 ("Reviewers"): a tree that means what it says. Articles are written on disk as a user
// would (no sidecar), and the view's items are read through the extension's test API.
describe('entity tree: counts, copies, labels and filter (real VS Code)', function () {
  this.timeout(60000);

  const written: vscode.Uri[] = [];
  const write = async (name: string, text: string): Promise<vscode.Uri> => {
    const uri = ws(name);
    written.push(uri);
    await vscode.workspace.fs.writeFile(uri, enc.encode(text));
    return uri;
  };
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(COMMANDS.clearTreeFilter);
    const a = await api();
    for (const uri of written) {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(a.store.sidecarUri(uri)).then(undefined, () => undefined);
    }
  });

  /** The Speakers group's entity named `name` (undefined while not shown). */
  const speaker = async (name: string): Promise<EntityNode | undefined> => {
    const speakers = (await api()).tree.roots().find((r): r is GroupNode => r.nodeType === 'group' && r.group === 'speakers');
    return speakers?.children.find((c): c is EntityNode => c.nodeType === 'entity' && c.name === name);
  };
  /** What the view shows of a node: label, description, tooltip. */
  const shown = async (node: TreeNode): Promise<{ label: unknown; description: unknown; tooltip: unknown }> => {
    const item = (await api()).tree.getTreeItem(node);
    return { label: item.label, description: item.description, tooltip: item.tooltip };
  };
  /** The whole first level as the view shows it (labels and descriptions). */
  const firstLevel = async (): Promise<unknown[]> => {
    const a = await api();
    return a.tree.roots().map((r) => {
      const item = a.tree.getTreeItem(r);
      return [item.label, item.description];
    });
  };
  /** "3 mentions": mentions of `name` in a document, as its annotations say (what the description should count). */
  const mentionsOf = async (uri: vscode.Uri, name: string): Promise<string> => {
    const s = (await (await api()).store.sidecar(uri))!;
    const ids = new Set(s.entities.filter((e) => e.name === name).map((e) => e.id));
    const n = s.annotations.filter((x) => x.type === 'speaker' && ids.has(x.entity) && x.status !== 'rejected').length;
    return `${n} mention${n === 1 ? '' : 's'}`;
  };
  /** The tooltip line of an entity's aliases in a document ('' without any). */
  const aliasLine = async (uri: vscode.Uri, name: string): Promise<string> => {
    const aliases = (await (await api()).store.sidecar(uri))!.entities.find((e) => e.name === name)?.aliases ?? [];
    return aliases.length === 0 ? '' : `Also: ${aliases.join(', ')}\n`;
  };

  it('counts a quote repeated verbatim in one article once, lists its copies, and reviews them together', async () => {
    const a = await api();
    await a.tree.refresh();
    const quote = '"The harbour will open in spring," said Ottilie Brask.';
    const text = `Harbour vote\n\n${quote}\n\nThe council met on Tuesday.\n\n${quote}\n\n"We are not worried about the cost," said Ottilie Brask.\n`;
    const uri = await write('qa-tree-copies.txt', text);
    const brask = await until('Ottilie Brask in the tree', () => speaker('Ottilie Brask'));
    const mentions = await mentionsOf(uri, 'Ottilie Brask');
    assert.deepStrictEqual(await shown(brask), {
      label: 'Ottilie Brask',
      description: `2 quotes · ${mentions}`,
      tooltip: `Ottilie Brask (person)\n${await aliasLine(uri, 'Ottilie Brask')}2 quotes · ${mentions}\nIn 1 document: qa-tree-copies.txt`,
    });
    const [folded, other] = a.tree.children(brask);
    const copies = a.tree.children(folded);
    const starts = [text.indexOf(quote), text.lastIndexOf(quote)];
    assert.deepStrictEqual(
      {
        folded: await shown(folded),
        copies: await Promise.all(copies.map(async (c) => ({ ...(await shown(c)), start: c.nodeType === 'annotation' ? c.start : -1 }))),
        other: (await shown(other)).description,
      },
      {
        folded: {
          label: '"The harbour will open in spring,"',
          description: 'qa-tree-copies.txt · 2 copies · suggested',
          tooltip:
            '"The harbour will open in spring,"\n— Ottilie Brask\n\nquote in qa-tree-copies.txt (suggested)\n\nRepeated verbatim 2 times in qa-tree-copies.txt: counted once. Expand to reach each copy.',
        },
        copies: starts.map((start) => ({
          label: '"The harbour will open in spring,"',
          description: 'qa-tree-copies.txt · suggested',
          tooltip: '"The harbour will open in spring,"\n— Ottilie Brask\n\nquote in qa-tree-copies.txt (suggested)',
          start,
        })),
        other: 'qa-tree-copies.txt · suggested',
      },
    );
    // Each copy is a click target that reveals that copy.
    const second = a.tree.getTreeItem(copies[1]);
    assert.ok(second.command);
    assert.strictEqual(await vscode.commands.executeCommand(second.command.command, ...((second.command.arguments ?? []) as unknown[])), true);
    const editor = vscode.window.activeTextEditor!;
    assert.deepStrictEqual([editor.document.uri.toString(), editor.document.offsetAt(editor.selection.start)], [uri.toString(), starts[1]]);
    // Accepting the one item accepts every copy.
    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.accept, folded), 2);
    await a.flush();
    const statuses = (await onDisk(a.store.sidecarUri(uri))).annotations.filter((x) => x.type === 'quote').map((x) => [x.start, x.status]);
    assert.deepStrictEqual(statuses, [
      [starts[0], 'accepted'],
      [starts[1], 'accepted'],
      [text.indexOf('"We are not'), 'suggested'],
    ]);
  });

  it('counts the same with no editor open, with an article open, and after closing it', async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await a.tree.refresh(); // the workspace is discovered; the articles below are written after it
    const first = await write('qa-tree-open-a.txt', 'Budget talks\n\n"We need two more weeks," said Henrike Dalsgaard.\n');
    await write('qa-tree-open-b.txt', 'Rail strike\n\n"The trains will run on Monday," said Casimir Vollan.\n\nVollan met the unions.\n');
    await until('both articles in the tree', async () => (await speaker('Henrike Dalsgaard')) && (await speaker('Casimir Vollan')));
    await a.flush();
    await a.tree.refresh();
    const closed = await firstLevel();
    const people = async () => Promise.all(['Henrike Dalsgaard', 'Casimir Vollan'].map(async (n) => (await shown((await speaker(n))!)).description));
    assert.deepStrictEqual(await people(), [`1 quote · ${await mentionsOf(first, 'Henrike Dalsgaard')}`, `1 quote · ${await mentionsOf(ws('qa-tree-open-b.txt'), 'Casimir Vollan')}`]);
    const peopleClosed = await people();

    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(first));
    await a.flush();
    await a.tree.refresh();
    const open = await firstLevel();
    const peopleOpen = await people();

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await a.flush();
    await a.tree.refresh();
    assert.deepStrictEqual({ open, peopleOpen, after: await firstLevel(), peopleAfter: await people() }, { open: closed, peopleOpen: peopleClosed, after: closed, peopleAfter: peopleClosed });
  });

  it('shows the active filter beside the title, and says when it hides everything and how to clear it', async () => {
    const a = await api();
    await a.tree.refresh();
    const uri = await write('qa-tree-filter.txt', '"Nothing is decided," said Ragna Oyelaran.\n');
    await until('Ragna Oyelaran in the tree', () => speaker('Ragna Oyelaran'));
    await vscode.commands.executeCommand(COMMANDS.filterTree, { status: 'suggested', document: uri.toString() });
    assert.deepStrictEqual(a.tree.viewText(), { description: 'filtered: suggested, qa-tree-filter.txt', message: undefined });
    await vscode.commands.executeCommand(COMMANDS.filterTree, { status: 'rejected', document: uri.toString() });
    const roots = a.tree.roots();
    assert.deepStrictEqual(
      { view: a.tree.viewText(), roots: roots.map((r) => [r.label, r.description]), click: a.tree.getTreeItem(roots[0]).command?.command },
      {
        view: {
          description: 'filtered: rejected, qa-tree-filter.txt',
          message: "Nothing matches the filter (rejected, qa-tree-filter.txt). Clear it with the Clear Entity Filter button in the view's title bar.",
        },
        roots: [['Nothing matches the filter', 'click to clear it']],
        click: COMMANDS.clearTreeFilter,
      },
    );
    await vscode.commands.executeCommand(a.tree.getTreeItem(roots[0]).command!.command);
    assert.deepStrictEqual(a.tree.viewText(), { description: undefined, message: undefined });
    assert.ok(await speaker('Ragna Oyelaran'), 'the tree is whole again');
  });
});

// Issue 12: the tree's first load skips reading and hashing an article whose mtime and size are the
// ones recorded with its hash. An article edited on disk (size or mtime changed) is still read and
// its sidecar re-anchored. `store.reset()` forgets the loaded sidecars as a window reload does and
// keeps the hash cache, as the workspace state keeps it across a reload.
describe('entity tree: article hash cache (real VS Code)', function () {
  this.timeout(60000);

  const docUri = (): vscode.Uri => ws('qa-hash-cache.txt');
  const alpha = '"Alpha quote is here," said Ann Vale.';
  const beta = '"Beta words follow it," said Bo Lind.';
  /** Where each quote is in `text`, as the sidecar should say after loading. */
  const expected = (text: string) => ['"Alpha quote is here,"', '"Beta words follow it,"'].map((q) => ({ text: q, start: text.indexOf(q), orphaned: false }));
  const quotes = async () => {
    const s = await (await api()).store.sidecar(docUri());
    return (s?.annotations ?? []).filter((x) => x.type === 'quote').sort((x, y) => x.text.localeCompare(y.text)).map((x) => ({ text: x.text, start: x.start, orphaned: x.orphaned === true }));
  };
  const stamp = async () => {
    const s = await vscode.workspace.fs.stat(docUri());
    return { mtime: s.mtime, size: s.size };
  };
  /** Sets the article's mtime (ms), as a copy, a checkout or a clock can. */
  const setMtime = (mtime: number) => utimes(docUri().fsPath, new Date(), new Date(mtime));

  after(async () => {
    const a = await api();
    await vscode.workspace.fs.delete(docUri()).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(a.store.sidecarUri(docUri())).then(undefined, () => undefined);
  });

  it('re-anchors after a reload when the article changed on disk with the same size, or the same mtime', async () => {
    const a = await api();
    const first = `Intro.\n\n${alpha}\n\n${beta}\n`;
    let s = emptySidecar('qa-hash-cache.txt', first, sha256Of(first));
    for (const q of ['"Alpha quote is here,"', '"Beta words follow it,"']) {
      const start = first.indexOf(q);
      const r = addAnnotation(s, first, { type: 'quote', start, end: start + q.length });
      assert.ok(!('error' in r));
      s = r.sidecar;
    }
    await vscode.workspace.fs.writeFile(docUri(), enc.encode(first));
    await vscode.workspace.fs.writeFile(a.store.sidecarUri(docUri()), enc.encode(serializeSidecar(s)));
    await a.store.reset();
    assert.deepStrictEqual(await quotes(), expected(first), 'loaded as written (its hash is now recorded)');

    // Same size, quotes swapped, a later mtime.
    const swapped = `Intro.\n\n${beta}\n\n${alpha}\n`;
    const before = await stamp();
    await vscode.workspace.fs.writeFile(docUri(), enc.encode(swapped));
    await setMtime(Math.floor(before.mtime / 1000) * 1000 + 2000); // whole seconds: exact on every file system
    assert.deepStrictEqual((await stamp()).size, before.size);
    await a.store.reset();
    assert.deepStrictEqual(await quotes(), expected(swapped), 'same size, later mtime: read and re-anchored');
    await a.flush();
    assert.deepStrictEqual((await onDisk(a.store.sidecarUri(docUri()))).document.sha256, sha256Of(swapped));

    // Longer, with the mtime the cache recorded for the swapped text.
    const longer = `A longer intro now.\n\n${beta}\n\n${alpha}\n`;
    const recorded = await stamp();
    await vscode.workspace.fs.writeFile(docUri(), enc.encode(longer));
    await setMtime(recorded.mtime);
    assert.deepStrictEqual((await stamp()).mtime, recorded.mtime);
    await a.store.reset();
    assert.deepStrictEqual(await quotes(), expected(longer), 'same mtime, another size: read and re-anchored');

    // Unchanged since: loads as it is (from the cache), nothing orphaned.
    await a.flush();
    await a.store.reset();
    assert.deepStrictEqual(await quotes(), expected(longer));
  });
});
