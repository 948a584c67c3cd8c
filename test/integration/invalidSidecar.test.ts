// An invalid sidecar in a real VS Code: its problems are in the Problems panel at their place in
// the file, the last valid annotations stay visible (read-only), the entity tree marks the article,
// and nothing is written until the file is fixed. Every test starts from a file changed on disk.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/constants';
import { DECORATION_KEYS, type DecorationPlan } from '../../src/extension/model/decorationPlan';
import type { AnnotationNode, InvalidSidecarNode, TreeNode } from '../../src/extension/model/treeModel';
import { analyze } from '../../src/core';
import { buildSidecar, serializeSidecar } from '../../src/sidecar';
import { api, enc, readText, until, ws } from './helpers';
import { sha256Of } from '../hash';

const ARTICLE = [
  'Budget talks resumed on Monday.',
  '',
  '"We will not raise taxes this year," said Mara Lind, the finance minister.',
  '',
  'Critics disagreed. "The numbers do not add up," said Jon Okafor of the opposition.',
  '',
].join('\n');

/** Every annotation node in the tree for one document, depth first, as plain data. */
function annotationNodes(nodes: readonly TreeNode[], children: (n: TreeNode) => TreeNode[], uri: string): AnnotationNode[] {
  return nodes.flatMap((n) => (n.nodeType === 'annotation' ? (n.uri === uri ? [n] : []) : annotationNodes(children(n), children, uri)));
}

function diagnosticsAsData(uri: vscode.Uri): { message: string; range: [number, number, number, number]; severity: vscode.DiagnosticSeverity; source: string | undefined }[] {
  return vscode.languages.getDiagnostics(uri).map((d) => ({
    message: d.message,
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    severity: d.severity,
    source: d.source,
  }));
}

describe('invalid sidecar shown where the problem is', () => {
  it('puts the problem in the Problems panel, keeps the last valid annotations read-only, marks the tree, and clears all once fixed', async () => {
    const a = await api();
    const docUri = ws('inv-budget.txt');
    const sidecarUri = ws('inv-budget.txt.annotations.json');
    const valid = serializeSidecar(buildSidecar('inv-budget.txt', ARTICLE, sha256Of(ARTICLE), analyze(ARTICLE)));
    await vscode.workspace.fs.writeFile(docUri, enc.encode(ARTICLE));
    await vscode.workspace.fs.writeFile(sidecarUri, enc.encode(valid));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(docUri));

    // The valid sidecar is loaded and shown.
    const loaded = await until('the valid sidecar to load', async () => {
      const s = await a.store.sidecar(docUri);
      return s && s.annotations.some((x) => x.type === 'quote') ? s : undefined;
    });
    await a.flush();
    const plan = a.decorationPlan(docUri);
    assert.ok(plan && plan['quote.suggested'].length > 0, 'quotes decorated');
    await a.tree.refresh();
    const nodesBefore = annotationNodes(a.tree.roots(), a.tree.children, docUri.toString());
    assert.ok(nodesBefore.length > 0, 'annotations in the tree');

    // Another tool breaks the file: the first annotation's start becomes a string.
    const quoteIndex = loaded.annotations.findIndex((x) => x.type === 'quote');
    const lines = valid.split('\n');
    const startLines = lines.flatMap((l, i) => (/^\s*"start": \d+,?$/.test(l) ? [i] : []));
    // The annotations come after the document and entities; find the quote's own "start" line.
    const annotationsLine = lines.findIndex((l) => l.startsWith('  "annotations"'));
    const ownStarts = startLines.filter((i) => i > annotationsLine && /^ {6}"start"/.test(lines[i]));
    const line = ownStarts[quoteIndex];
    assert.ok(line !== undefined, 'the quote start line');
    const character = lines[line].indexOf('"start"');
    lines[line] = lines[line].replace(/(\d+)/, '"$1"');
    const invalid = lines.join('\n');
    await vscode.workspace.fs.writeFile(sidecarUri, enc.encode(invalid));

    const path = `annotations[${quoteIndex}].start`;
    // The write truncates the file first: a read in between sees it empty (a passing syntax error).
    await until('the diagnostics of the invalid value', () => vscode.languages.getDiagnostics(sidecarUri).some((d) => d.message.startsWith(path)));
    assert.deepStrictEqual(diagnosticsAsData(sidecarUri), [
      {
        message: `${path}: Expected number, received string`,
        range: [line, character, line, lines[line].replace(/,$/, '').length],
        severity: vscode.DiagnosticSeverity.Error,
        source: 'QuoteLens',
      },
    ]);
    assert.strictEqual(a.store.problem(docUri), `${path}: Expected number, received string`);

    // The last valid annotations are still shown: decorations and tree.
    await a.flush();
    assert.deepStrictEqual(a.decorationPlan(docUri), plan);
    await a.tree.refresh();
    assert.deepStrictEqual(annotationNodes(a.tree.roots(), a.tree.children, docUri.toString()), nodesBefore);
    const marker = a.tree.roots().find((r): r is InvalidSidecarNode => r.nodeType === 'invalidSidecar' && r.sidecarUri === sidecarUri.toString());
    assert.ok(marker, 'the tree marks the invalid sidecar');
    assert.deepStrictEqual(
      { label: marker.label, line: marker.line, character: marker.character, firstLine: marker.tooltip?.split('\n')[0] },
      { label: 'inv-budget.txt: sidecar invalid', line, character, firstLine: `${path}: Expected number, received string` },
    );
    const item = a.tree.getTreeItem(marker);
    assert.deepStrictEqual([item.command?.command, (item.iconPath as vscode.ThemeIcon).id], ['vscode.open', 'warning']);

    // Edits are refused and the file stays as it is, byte for byte.
    const quoteNode = nodesBefore.find((n) => n.annotationType === 'quote' && n.status === 'suggested');
    assert.ok(quoteNode, 'a suggested quote in the tree');
    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.accept, quoteNode), 0);
    await a.flush();
    assert.strictEqual(await readText(sidecarUri), invalid);

    // Fixed on disk: no diagnostics, no marker.
    await vscode.workspace.fs.writeFile(sidecarUri, enc.encode(valid));
    await until('the diagnostics to clear', () => vscode.languages.getDiagnostics(sidecarUri).length === 0);
    assert.strictEqual(a.store.problem(docUri), undefined);
    await a.tree.refresh();
    assert.deepStrictEqual(a.tree.roots().filter((r) => r.nodeType === 'invalidSidecar'), []);
  });

  it('the read-only annotations of an invalid sidecar follow the text typed in, and nothing is written', async () => {
    const a = await api();
    const docUri = ws('inv-typing.txt');
    const sidecarUri = ws('inv-typing.txt.annotations.json');
    const valid = serializeSidecar(buildSidecar('inv-typing.txt', ARTICLE, sha256Of(ARTICLE), analyze(ARTICLE)));
    await vscode.workspace.fs.writeFile(docUri, enc.encode(ARTICLE));
    await vscode.workspace.fs.writeFile(sidecarUri, enc.encode(valid));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(docUri));
    await until('the valid sidecar to load', async () => ((await a.store.sidecar(docUri))?.annotations.length ?? 0) > 0);
    await a.flush();
    const before = a.decorationPlan(docUri);
    assert.ok(before && before['quote.suggested'].length > 0, 'quotes decorated');

    const invalid = valid.replace('"version": 1', '"version": 99');
    await vscode.workspace.fs.writeFile(sidecarUri, enc.encode(invalid));
    await until('the problem', () => a.store.problem(docUri));

    const inserted = 'Update: ';
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), inserted)));
    await a.flush();
    const shift = (spans: readonly { start: number; end: number }[]) => spans.map((s) => ({ start: s.start + inserted.length, end: s.end + inserted.length }));
    const expected: DecorationPlan = { ...before, speakerLabels: before.speakerLabels.map((l) => ({ ...l, at: l.at + inserted.length })) };
    for (const key of DECORATION_KEYS) expected[key] = shift(before[key]);
    assert.deepStrictEqual(a.decorationPlan(docUri), expected);
    assert.strictEqual(await readText(sidecarUri), invalid);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('a sidecar with a JSON syntax error gets a diagnostic where the parser stopped, cleared when the file is deleted', async () => {
    const a = await api();
    const docUri = ws('inv-syntax.txt');
    const sidecarUri = ws('inv-syntax.txt.annotations.json');
    const valid = serializeSidecar(buildSidecar('inv-syntax.txt', ARTICLE, sha256Of(ARTICLE), analyze(ARTICLE)));
    await vscode.workspace.fs.writeFile(docUri, enc.encode(ARTICLE));
    await vscode.workspace.fs.writeFile(sidecarUri, enc.encode(valid));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(docUri));
    await until('the valid sidecar to load', async () => ((await a.store.sidecar(docUri))?.annotations.length ?? 0) > 0);

    // A trailing comma after the version, on line 2.
    const broken = valid.replace(/("version": \d+,)/, '$1,');
    const line = broken.split('\n').findIndex((l) => l.includes('"version"'));
    const character = broken.split('\n')[line].lastIndexOf(',');
    await vscode.workspace.fs.writeFile(sidecarUri, enc.encode(broken));
    // The write is seen as it lands (truncated, then written): an event for the empty file may report
    // an error at 0:0 first. Wait for the diagnostics of the file as written, then compare exactly.
    const expected = [line, character, 'QuoteLens', true];
    const actual = () => diagnosticsAsData(sidecarUri).map((d) => [d.range[0], d.range[1], d.source, /^JSON syntax error/.test(d.message)]);
    await until('the diagnostic of the broken file', () => actual().length === 1 && JSON.stringify(actual()[0]) === JSON.stringify(expected)).catch(() => undefined);
    assert.deepStrictEqual(actual(), [expected]);

    await vscode.workspace.fs.delete(sidecarUri);
    await until('the diagnostics to clear', () => vscode.languages.getDiagnostics(sidecarUri).length === 0);
    assert.strictEqual(a.store.problem(docUri), undefined);
  });
});
