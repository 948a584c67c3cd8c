/**
 * "Show all quotes of an entity": a quick pick of the entity's quotes in the loaded documents
 * (document, status, text); the chosen one is selected and revealed in its document. Used by the
 * hover's links with an entity id argument; the entity tree can use it too.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import { entityName, quotesOfEntity, type EntityQuote } from '../model/entityQuotes';
import { baseName } from '../model/text';
import type { Services } from '../services';

async function revealQuote(q: EntityQuote): Promise<void> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(q.uri), { preview: true });
  const length = editor.document.getText().length;
  const range = new vscode.Range(editor.document.positionAt(Math.min(q.start, length)), editor.document.positionAt(Math.min(q.end, length)));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerEntityQuotes({ store }: Services): vscode.Disposable {
  const show = async (entityId?: unknown): Promise<string | undefined> => {
    if (typeof entityId !== 'string' || !entityId) {
      void vscode.window.showInformationMessage('Hover a speaker or a quote to list the quotes of its entity.');
      return undefined;
    }
    const docs = store
      .all()
      .filter((e) => e.sidecar !== undefined)
      .map((e) => ({ uri: e.docUri.toString(), name: baseName(e.docUri.path), sidecar: e.sidecar! }));
    const quotes = quotesOfEntity(docs, entityId);
    const name = entityName(docs, entityId) ?? entityId;
    if (quotes.length === 0) {
      void vscode.window.showInformationMessage(`No quotes by ${name} in the open documents.`);
      return undefined;
    }
    type Item = vscode.QuickPickItem & { quote: EntityQuote };
    const items: Item[] = quotes.map((q) => ({
      label: q.text,
      description: `${q.document} · ${q.status}${q.orphaned ? ' · orphaned' : ''}`,
      quote: q,
    }));
    const picked = await vscode.window.showQuickPick(items, { title: `Quotes by ${name}`, placeHolder: 'Choose a quote to show it in its document', matchOnDescription: true });
    if (!picked) return undefined;
    await revealQuote(picked.quote);
    return picked.quote.annotationId;
  };
  return vscode.commands.registerCommand(COMMANDS.showQuotesOfEntity, show);
}
