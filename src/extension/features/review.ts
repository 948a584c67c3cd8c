/**
 * The review loop: a status bar item with the active article's progress ("QuoteLens 12/40
 * reviewed", a click goes to the next unreviewed annotation) and the commands Go to Next / Previous
 * Unreviewed Annotation. Accept and Reject (in `tagging.ts`) run the "next" command afterwards when
 * `quotelens.review.advance` is on.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import { nextUnreviewed, progressText, reviewProgress } from '../model/review';
import { baseName } from '../model/text';
import type { Services } from '../services';

export interface ReviewFeature extends vscode.Disposable {
  /** The status bar item's text while it is shown; undefined while hidden (for the integration tests). */
  statusText(): string | undefined;
}

export function registerReview(services: Services): ReviewFeature {
  const { config, store, log } = services;
  const item = vscode.window.createStatusBarItem('quotelens.review', vscode.StatusBarAlignment.Left, 50);
  item.name = 'QuoteLens Review Progress';
  item.command = COMMANDS.nextUnreviewed;
  item.tooltip = 'Go to the next unreviewed QuoteLens annotation';
  let shown = false;

  const activeTargetEditor = (): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    return editor && config.isTarget(editor.document) ? editor : undefined;
  };

  const updateItem = (): void => {
    const editor = activeTargetEditor();
    if (!editor) {
      item.hide();
      shown = false;
      return;
    }
    const uri = editor.document.uri;
    const sidecar = store.get(uri);
    // Not loaded yet: loading fires the store's onDidChange, which comes back here.
    if (!sidecar) void store.load(uri).catch((err: unknown) => log.error('Loading annotations for the review status failed', err));
    item.text = progressText(reviewProgress(sidecar));
    item.show();
    shown = true;
  };

  const navigate = (direction: 1 | -1) => async (): Promise<string | undefined> => {
    const editor = activeTargetEditor();
    if (!editor) {
      void vscode.window.showInformationMessage('Open a plain-text article to review its QuoteLens annotations.');
      return undefined;
    }
    const { document } = editor;
    await store.load(document.uri);
    const sidecar = store.get(document.uri);
    const next = sidecar && nextUnreviewed(sidecar, document.offsetAt(editor.selection.start), document.offsetAt(editor.selection.end), direction);
    if (!next) {
      void vscode.window.showInformationMessage(`Every QuoteLens annotation in ${baseName(document.uri.path)} is reviewed.`);
      return undefined;
    }
    const range = new vscode.Range(document.positionAt(next.start), document.positionAt(next.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return next.id;
  };

  const register = (id: string, fn: () => Promise<string | undefined>) =>
    vscode.commands.registerCommand(id, async () => {
      try {
        return await fn();
      } catch (err) {
        await log.fail(`QuoteLens: ${id} failed: ${err instanceof Error ? err.message : String(err)}`, err);
        return undefined;
      }
    });

  updateItem();
  const disposable = vscode.Disposable.from(
    item,
    register(COMMANDS.nextUnreviewed, navigate(1)),
    register(COMMANDS.previousUnreviewed, navigate(-1)),
    vscode.window.onDidChangeActiveTextEditor(updateItem),
    store.onDidChange((uri) => {
      if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) updateItem();
    }),
    config.onDidChange(updateItem),
  );
  return {
    statusText: () => (shown ? item.text : undefined),
    dispose: () => {
      disposable.dispose();
    },
  };
}
