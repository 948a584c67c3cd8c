// The review loop in a real VS Code: the status bar shows the active article's progress, Go to
// Next/Previous Unreviewed Annotation select suggestions (wrapping, skipping reviewed and rejected
// ones), and Reject/Accept move on to the next one unless quotelens.review.advance is off.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/constants';
import { addAnnotation, emptySidecar, serializeSidecar } from '../../src/sidecar';
import type { AnnotationStatus, Sidecar } from '../../src/sidecar/types';
import { api, enc, onDisk, until, ws } from './helpers';
import { sha256Of } from '../hash';

const TEXT = 'The council met on Monday. It hired 14 wardens, opened 3 depots, closed 2 pools and bought 40 bikes.\nEach warden costs 900 a month.\n';

/** Five figures found by the analyser: suggested, accepted, suggested, rejected, suggested. */
const FIGURES: [string, AnnotationStatus][] = [
  ['14 wardens', 'suggested'],
  ['3 depots', 'accepted'],
  ['2 pools', 'suggested'],
  ['40 bikes', 'rejected'],
  ['900', 'suggested'],
];

function analysedSidecar(name: string): Sidecar {
  let s = emptySidecar(name, TEXT, sha256Of(TEXT));
  FIGURES.forEach(([needle], i) => {
    const start = TEXT.indexOf(needle);
    const r = addAnnotation(s, TEXT, { type: 'figure', start, end: start + needle.length, kind: 'count', unit: null }, { id: `f${i + 1}` });
    assert.ok('sidecar' in r, `figure ${needle}`);
    s = r.sidecar;
  });
  return { ...s, annotations: s.annotations.map((a, i) => ({ ...a, origin: 'auto' as const, status: FIGURES[i][1] })) };
}

/** The selected text and the status bar text. */
function seen(editor: vscode.TextEditor, status: string | undefined): { selected: string; status: string | undefined } {
  return { selected: editor.document.getText(editor.selection), status };
}

describe('QuoteLens review loop (real VS Code)', function () {
  it('status bar progress, next/previous unreviewed, reject and accept advance unless turned off', async () => {
    const a = await api();
    const docUri = ws('review-loop.txt');
    const sidecarUri = a.store.sidecarUri(docUri);
    await vscode.workspace.fs.writeFile(docUri, enc.encode(TEXT));
    await vscode.workspace.fs.writeFile(sidecarUri, enc.encode(serializeSidecar(analysedSidecar('review-loop.txt'))));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(docUri));
    await until('the progress in the status bar', () => a.reviewStatus() === 'QuoteLens 2/5 reviewed');

    // From the top: the first suggestion; back from it: wraps to the last one.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.nextUnreviewed), 'f1');
    assert.deepStrictEqual(seen(editor, a.reviewStatus()), { selected: '14 wardens', status: 'QuoteLens 2/5 reviewed' });

    // Reject (as Ctrl+Alt+R would): saved, counted as reviewed, and the selection moves on past the
    // accepted "3 depots".
    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.reject), 1);
    await until('the status bar to count the reject', () => a.reviewStatus() === 'QuoteLens 3/5 reviewed');
    assert.deepStrictEqual(seen(editor, a.reviewStatus()), { selected: '2 pools', status: 'QuoteLens 3/5 reviewed' });

    // Previous skips the rejected "40 bikes" and the reviewed ones, wrapping to the last line.
    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.previousUnreviewed), 'f5');
    assert.strictEqual(editor.document.getText(editor.selection), '900');

    // With quotelens.review.advance off, Accept leaves the selection on the accepted annotation.
    const settings = vscode.workspace.getConfiguration('quotelens');
    await settings.update('review.advance', false, vscode.ConfigurationTarget.Workspace);
    try {
      assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.accept), 1);
      await until('the status bar to count the accept', () => a.reviewStatus() === 'QuoteLens 4/5 reviewed');
      assert.deepStrictEqual(seen(editor, a.reviewStatus()), { selected: '900', status: 'QuoteLens 4/5 reviewed' });
    } finally {
      await settings.update('review.advance', undefined, vscode.ConfigurationTarget.Workspace);
    }

    // Advance back on: Next wraps to the last suggestion; accepting it leaves none to move to.
    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.nextUnreviewed), 'f3');
    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.accept), 1);
    await until('the status bar to count the last accept', () => a.reviewStatus() === 'QuoteLens 5/5 reviewed');
    assert.deepStrictEqual(seen(editor, a.reviewStatus()), { selected: '2 pools', status: 'QuoteLens 5/5 reviewed' });

    // Nothing left: the commands (and a click on the status bar item) leave the selection alone.
    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.nextUnreviewed), undefined);
    assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.previousUnreviewed), undefined);
    assert.strictEqual(editor.document.getText(editor.selection), '2 pools');

    // Every decision is in the sidecar on disk.
    await a.flush();
    const disk = await onDisk(sidecarUri);
    assert.deepStrictEqual(
      disk.annotations.map((x) => [x.id, x.text, x.status, x.origin]),
      [
        ['f1', '14 wardens', 'rejected', 'auto'],
        ['f2', '3 depots', 'accepted', 'auto'],
        ['f3', '2 pools', 'accepted', 'auto'],
        ['f4', '40 bikes', 'rejected', 'auto'],
        ['f5', '900', 'accepted', 'auto'],
      ],
    );
  });

  it('the status bar item is hidden when the active editor is not a QuoteLens article', async () => {
    const a = await api();
    const docUri = ws('review-hidden.txt');
    await vscode.workspace.fs.writeFile(docUri, enc.encode(TEXT));
    await vscode.workspace.fs.writeFile(a.store.sidecarUri(docUri), enc.encode(serializeSidecar(analysedSidecar('review-hidden.txt'))));
    const article = await vscode.workspace.openTextDocument(docUri);
    await vscode.window.showTextDocument(article);
    await until('the progress in the status bar', () => a.reviewStatus() === 'QuoteLens 2/5 reviewed');
    // A Markdown file of the workspace: not plain text, so not an article.
    const notesUri = ws('review-notes.md');
    await vscode.workspace.fs.writeFile(notesUri, enc.encode('# Notes\n\nNot an article.\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notesUri));
    await until('the status bar item to hide', () => a.reviewStatus() === undefined);
    await vscode.window.showTextDocument(article);
    assert.strictEqual(await until('the progress again', () => a.reviewStatus()), 'QuoteLens 2/5 reviewed');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
