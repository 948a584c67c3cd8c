/**
 * "Export Annotations…": format + scope pick, save dialog, write through `workspace.fs`.
 *
 * A whole-workspace export holds every article matching `quotelens.files` (and every document
 * that has a sidecar): annotations as saved when there is a sidecar (as in memory when the
 * document is loaded), otherwise the analysis run now (status `suggested`; nothing is written
 * beside the article and the editor state is not touched). What cannot be exported is named
 * with its reason in the message and the log; the counts in the message are what the file holds.
 */
import * as vscode from 'vscode';
import {
  EXPORT_FORMATS,
  bratTextName,
  defaultExportName,
  exportAnnotations,
  type ExportDocument,
  type ExportFormat,
} from '../../export';
import { articleSizeProblem, documentInfo, reanchor, type Sidecar } from '../../sidecar';
import { COMMANDS } from '../constants';
import { documentPathInSidecar, joinPath } from '../model/sidecarPath';
import { baseName, plural } from '../model/text';
import type { Services } from '../services';
import { findArticles } from '../services/discovery';
import type { StoreEntry } from '../services/sidecarStore';

export type ExportScope = 'document' | 'workspace';

export interface SkippedDocument {
  /** Workspace-relative path. */
  document: string;
  reason: string;
}

export interface ExportResult {
  files: vscode.Uri[];
  /** Documents in the export. */
  documents: number;
  /** Records written (CSV rows, JSON Lines lines, W3C/JSON/brat annotations). */
  rows: number;
  /** Same as `rows` (kept for callers of the first version). */
  annotations: number;
  skipped: SkippedDocument[];
}

interface Collected {
  docs: ExportDocument[];
  skipped: SkippedDocument[];
}

function isFormat(x: unknown): x is ExportFormat {
  return typeof x === 'string' && EXPORT_FORMATS.some((f) => f.format === x);
}

/** What one record is called in the message, per format. */
const RECORD_NOUN: Record<ExportFormat, string> = { json: 'annotation', csv: 'row', jsonl: 'line', w3c: 'annotation', brat: 'annotation' };

const encoder = new TextEncoder();
/** How many skipped documents the message names (the log names them all). */
const SKIPPED_IN_MESSAGE = 5;

async function sizeOf(uri: vscode.Uri): Promise<number | undefined> {
  try {
    return (await vscode.workspace.fs.stat(uri)).size;
  } catch {
    return undefined;
  }
}

function withoutBackslashes(p: string): string {
  return p.replace(/\\/g, '/');
}

export function registerExport(services: Services): vscode.Disposable {
  const { config, store, log, analyzer } = services;

  /**
   * The store entry of a document that has one or has a sidecar file; undefined for an article
   * without a sidecar that nobody has loaded (exporting it must not change what the editor shows).
   */
  const entryOf = async (uri: vscode.Uri): Promise<StoreEntry | undefined> => {
    const known = store.entry(uri);
    if (known) return known;
    return (await sizeOf(store.sidecarUriFor(uri))) === undefined ? undefined : store.load(uri);
  };

  /** The annotations of one document, or why it cannot be exported. */
  const exportDocument = async (uri: vscode.Uri): Promise<ExportDocument | SkippedDocument> => {
    const path = withoutBackslashes(vscode.workspace.asRelativePath(uri, false));
    const skip = (reason: string): SkippedDocument => ({ document: path, reason });
    const entry = await entryOf(uri);
    if (entry?.invalid) return skip(`invalid sidecar: ${entry.invalid}`);
    const size = await sizeOf(uri);
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    if (size === undefined && !open) return skip('document not found');
    const tooLarge = size === undefined ? undefined : articleSizeProblem(size);
    if (tooLarge) return skip(tooLarge);
    const text = await store.textOf(uri);
    if (text === undefined) return skip('unreadable');
    if (text.includes('\0')) return skip('not a text file');
    let sidecar: Sidecar | undefined = entry?.sidecar;
    const sha256 = store.hasher.sha256(text);
    if (sidecar && (sidecar.document.length !== text.length || sidecar.document.sha256 !== sha256)) {
      // The text changed since the sidecar was written: export positions in the current text.
      sidecar = { ...sidecar, document: documentInfo(sidecar.document.path, text, sha256), annotations: reanchor(text, sidecar.annotations) };
    }
    if (!sidecar) {
      const docPath = documentPathInSidecar(store.sidecarUriFor(uri).path, uri.path);
      const outcome = await analyzer.analyze(text, [], baseName(uri.path), { docPath });
      if (!outcome.ok) return skip(outcome.reason === 'too large' ? outcome.message : 'analysis failed (see the QuoteLens log)');
      sidecar = outcome.result.sidecar;
    }
    return { path, text, sidecar, source: uri.toString() };
  };

  const collectUris = async (scope: ExportScope): Promise<vscode.Uri[] | undefined> => {
    if (scope === 'document') {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !config.isTarget(editor.document)) {
        void vscode.window.showInformationMessage('Open a plain-text article to export its annotations.');
        return undefined;
      }
      await store.open(editor.document);
      return [editor.document.uri];
    }
    const uris = new Map<string, vscode.Uri>();
    // Every sidecar's document (either placement; loading one only reads that sidecar)...
    for (const s of await vscode.workspace.findFiles('**/*.annotations.json', '**/node_modules/**')) {
      const entry = await store.loadSidecarFile(s).catch((err: unknown) => log.error(`Loading ${s.toString()} failed`, err));
      if (entry) uris.set(entry.docUri.toString(), entry.docUri);
    }
    // ...and every article matching quotelens.files, without the tree's cap.
    for (const a of await findArticles(config, Number.MAX_SAFE_INTEGER - 1)) uris.set(a.toString(), a);
    return [...uris.values()];
  };

  const collect = async (scope: ExportScope): Promise<Collected | undefined> => {
    const uris = await collectUris(scope);
    if (!uris) return undefined;
    const relative = (u: vscode.Uri): string => vscode.workspace.asRelativePath(u, false);
    uris.sort((a, b) => relative(a).localeCompare(relative(b)));
    const docs: ExportDocument[] = [];
    const skipped: SkippedDocument[] = [];
    for (let i = 0; i < uris.length; i++) {
      const result = await exportDocument(uris[i]).catch((err: unknown): SkippedDocument => ({
        document: relative(uris[i]),
        reason: err instanceof Error ? err.message : String(err),
      }));
      if ('reason' in result) skipped.push(result);
      else docs.push(result);
      // Analysing many articles: let the extension host breathe now and then.
      if (i % 10 === 9) await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    return { docs, skipped };
  };

  /** Writes brat's files under `folder`; a `.txt` that is one of the exported documents is never overwritten. */
  const writeBrat = async (folder: vscode.Uri, files: readonly { path: string; content: string }[], docs: readonly ExportDocument[]): Promise<vscode.Uri[]> => {
    const documents = new Set(docs.map((d) => d.source));
    const textNames = new Set(docs.map((d) => bratTextName(d.path)));
    const written: vscode.Uri[] = [];
    for (const file of files) {
      const uri = folder.with({ path: joinPath(folder.path, file.path) });
      if (textNames.has(file.path) && documents.has(uri.toString())) continue; // the article itself is brat's .txt
      await vscode.workspace.fs.createDirectory(uri.with({ path: uri.path.replace(/\/[^/]*$/, '') || '/' }));
      await vscode.workspace.fs.writeFile(uri, encoder.encode(file.content));
      written.push(uri);
    }
    return written;
  };

  const run = async (formatArg?: unknown, scopeArg?: unknown, targetArg?: unknown): Promise<ExportResult | undefined> => {
    let format = isFormat(formatArg) ? formatArg : undefined;
    if (!format) {
      const picked = await vscode.window.showQuickPick(
        EXPORT_FORMATS.map((f) => ({ label: f.label, description: f.extension, format: f.format })),
        { title: 'Export annotations as…' },
      );
      if (!picked) return undefined;
      format = picked.format;
    }
    let scope: ExportScope | undefined = scopeArg === 'document' || scopeArg === 'workspace' ? scopeArg : undefined;
    if (!scope) {
      const hasDoc = vscode.window.activeTextEditor !== undefined && config.isTarget(vscode.window.activeTextEditor.document);
      const items = [
        ...(hasDoc ? [{ label: 'Current document', scope: 'document' as const }] : []),
        { label: 'Whole workspace', scope: 'workspace' as const },
      ];
      const picked = await vscode.window.showQuickPick(items, { title: 'Export which annotations?' });
      if (!picked) return undefined;
      scope = picked.scope;
    }
    const chosenScope = scope;
    const collected = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'QuoteLens: collecting annotations' }, () => collect(chosenScope));
    if (!collected) return undefined;
    const { docs, skipped } = collected;
    for (const s of skipped) log.warn(`Export: skipped ${s.document}: ${s.reason}`);
    const info = EXPORT_FORMATS.find((f) => f.format === format)!;
    const { files, records } = exportAnnotations(format, docs, { csvBom: config.csvBom(vscode.workspace.workspaceFolders?.[0]?.uri) });
    if (records === 0) {
      void vscode.window.showInformationMessage(`There are no annotations to export.${skippedText(skipped)}`);
      return undefined;
    }
    const baseFolder = vscode.workspace.workspaceFolders?.[0]?.uri;
    let written: vscode.Uri[];

    if (info.perDocument) {
      let folder = targetArg instanceof vscode.Uri ? targetArg : undefined;
      if (!folder) {
        const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: baseFolder, openLabel: 'Export Here', title: 'Folder for the brat files' });
        folder = picked?.[0];
      }
      if (!folder) return undefined;
      written = await writeBrat(folder, files, docs);
    } else {
      let target = targetArg instanceof vscode.Uri ? targetArg : undefined;
      if (!target) {
        const name = defaultExportName(format as Exclude<ExportFormat, 'brat'>);
        target = await vscode.window.showSaveDialog({
          defaultUri: baseFolder ? vscode.Uri.joinPath(baseFolder, name) : undefined,
          filters: { [info.label]: [info.extension.slice(1)] },
          title: 'Export annotations',
        });
      }
      if (!target) return undefined;
      await vscode.workspace.fs.writeFile(target, encoder.encode(files[0]?.content ?? ''));
      written = [target];
    }

    const where = written.length === 1 ? baseName(written[0].path) : `${written.length} files`;
    const what = `${plural(records, RECORD_NOUN[format])} from ${plural(docs.length, 'document')}`;
    log.info(`Exported ${what} (${format}) to ${written.map((u) => u.toString()).join(', ')}`);
    void vscode.window.showInformationMessage(`Exported ${what} to ${where}.${skippedText(skipped)}`, 'Open').then((choice) => {
      if (choice === 'Open' && written[0]) void vscode.window.showTextDocument(written[0]);
    });
    return { files: written, documents: docs.length, rows: records, annotations: records, skipped };
  };

  return vscode.commands.registerCommand(COMMANDS.export, async (...args: unknown[]) => {
    try {
      return await run(...args);
    } catch (err) {
      await log.fail(`QuoteLens could not export: ${err instanceof Error ? err.message : String(err)}`, err);
      return undefined;
    }
  });
}

/** " Skipped 2: a.txt (too large), b.txt (invalid sidecar: …)." — or nothing. */
export function skippedText(skipped: readonly SkippedDocument[]): string {
  if (skipped.length === 0) return '';
  const named = skipped.slice(0, SKIPPED_IN_MESSAGE).map((s) => `${s.document} (${s.reason})`);
  const more = skipped.length > SKIPPED_IN_MESSAGE ? ` and ${skipped.length - SKIPPED_IN_MESSAGE} more (see the log)` : '';
  return ` Skipped ${skipped.length}: ${named.join(', ')}${more}.`;
}
