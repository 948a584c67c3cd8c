/**
 * Problems panel entries for invalid sidecar files: one diagnostic per validation issue, at the
 * place in the sidecar file that its JSON path names. Rebuilt for a document whenever the store
 * reports a change to it, so fixing or deleting the file clears them.
 */
import * as vscode from 'vscode';
import type { LocatedIssue } from '../../sidecar';
import type { Services } from '../services';

export const DIAGNOSTIC_SOURCE = 'QuoteLens';

function toDiagnostic(problem: LocatedIssue): vscode.Diagnostic {
  const range = new vscode.Range(problem.start.line, problem.start.character, problem.end.line, problem.end.character);
  const where = problem.path && problem.path !== '$' ? `${problem.path}: ` : '';
  const diagnostic = new vscode.Diagnostic(range, `${where}${problem.message}`, vscode.DiagnosticSeverity.Error);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

export function registerSidecarProblems(services: Services): vscode.Disposable {
  const { store } = services;
  const collection = vscode.languages.createDiagnosticCollection('quotelens');
  // The sidecar each document's diagnostics were put on: the entry may be gone (store reset).
  const shownOn = new Map<string, vscode.Uri>();

  const update = (docUri: vscode.Uri): void => {
    const key = docUri.toString();
    const previous = shownOn.get(key);
    const entry = store.entry(docUri);
    if (previous && previous.toString() !== entry?.sidecarUri.toString()) collection.delete(previous);
    if (!entry || entry.problems.length === 0) {
      if (entry) collection.delete(entry.sidecarUri);
      shownOn.delete(key);
      return;
    }
    collection.set(entry.sidecarUri, entry.problems.map(toDiagnostic));
    shownOn.set(key, entry.sidecarUri);
  };

  for (const entry of store.all()) update(entry.docUri);
  return vscode.Disposable.from(collection, store.onDidChange(update));
}
