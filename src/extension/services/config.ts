/** Typed access to the QuoteLens settings, and which documents QuoteLens works on. */
import * as vscode from 'vscode';
import { LANGUAGE_ID, LANGUAGES, SETTINGS } from '../constants';
import type { DecorationSettings } from '../model/decorationPlan';
import { matchesAny } from '../model/glob';
import { isSidecarPath, relativePath, type SidecarLocation, type SidecarPlacement } from '../model/sidecarPath';

function section(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(undefined, scope);
}

export class Config implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.ConfigurationChangeEvent>();
  /** Fires when any QuoteLens setting changes. */
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('quotelens')) this.changed.fire(e);
    });
  }

  decorationSettings(scope?: vscode.Uri): DecorationSettings {
    const c = section(scope);
    return {
      quotes: c.get<boolean>(SETTINGS.enableQuotes, true),
      speakers: c.get<boolean>(SETTINGS.enableSpeakers, true),
      figures: c.get<boolean>(SETTINGS.enableFigures, true),
      showSuggestions: c.get<boolean>(SETTINGS.showSuggestions, true),
      speakerAfterQuote: c.get<boolean>(SETTINGS.showSpeakerAfterQuote, true) !== false,
    };
  }

  debounceMs(scope?: vscode.Uri): number {
    const ms = section(scope).get<number>(SETTINGS.debounceMs, 200);
    return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 2000) : 200;
  }

  autoAnalyze(scope?: vscode.Uri): boolean {
    return section(scope).get<boolean>(SETTINGS.autoAnalyze, true);
  }

  /** CSV exports start with a UTF-8 byte order mark (Excel then reads curly quotes right). */
  csvBom(scope?: vscode.Uri): boolean {
    return section(scope).get<boolean>(SETTINGS.csvBom, true) !== false;
  }

  /** After accepting or rejecting in the editor, move to the next unreviewed annotation. */
  reviewAdvance(scope?: vscode.Uri): boolean {
    return section(scope).get<boolean>(SETTINGS.reviewAdvance, true) !== false;
  }

  files(scope?: vscode.Uri): string[] {
    return section(scope).get<string[]>(SETTINGS.files, ['**/*.txt']).filter((g) => typeof g === 'string' && g.length > 0);
  }

  exclude(scope?: vscode.Uri): string[] {
    return section(scope).get<string[]>(SETTINGS.exclude, []).filter((g) => typeof g === 'string' && g.length > 0);
  }

  placement(docUri: vscode.Uri): SidecarPlacement {
    const c = section(docUri);
    const location = c.get<string>(SETTINGS.sidecarLocation, 'beside') === 'folder' ? 'folder' : 'beside';
    const folder = vscode.workspace.getWorkspaceFolder(docUri);
    return {
      location: location satisfies SidecarLocation,
      workspaceFolderPath: folder?.uri.path,
      sidecarFolder: c.get<string>(SETTINGS.sidecarFolder, '.quotelens') || '.quotelens',
    };
  }

  /** True when `uri` matches `quotelens.files` and not `quotelens.exclude`. */
  matchesFiles(uri: vscode.Uri, languageId = 'plaintext'): boolean {
    if (isSidecarPath(uri.path)) return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const path = folder ? relativePath(folder.uri.path, uri.path) : uri.path;
    if (matchesAny(path, this.exclude(uri))) return false;
    return languageId === LANGUAGE_ID || matchesAny(path, this.files(uri));
  }

  /** Documents QuoteLens decorates, hovers and tags: plain text or `quotelens`, on a writable file system. */
  isTarget(document: vscode.TextDocument): boolean {
    if (!(LANGUAGES as readonly string[]).includes(document.languageId)) return false;
    if (document.uri.scheme === 'untitled' || document.uri.scheme === 'output') return false;
    if (vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false) return false;
    return this.matchesFiles(document.uri, document.languageId);
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
