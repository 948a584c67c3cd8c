/** "Export Annotations…": format + scope pick, save dialog, write through `workspace.fs`. */
import * as vscode from 'vscode';
import { EXPORT_FORMATS, bratFileName, defaultExportName, exportAnnotations, type ExportDocument, type ExportFormat } from '../../export';
import { COMMANDS } from '../constants';
import { joinPath } from '../model/sidecarPath';
import { baseName, plural } from '../model/text';
import type { Services } from '../services';
import { discoverWorkspace } from '../services/discovery';

export type ExportScope = 'document' | 'workspace';

export interface ExportResult {
  files: vscode.Uri[];
  annotations: number;
}

function isFormat(x: unknown): x is ExportFormat {
  return typeof x === 'string' && EXPORT_FORMATS.some((f) => f.format === x);
}

const encoder = new TextEncoder();

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function registerExport(services: Services): vscode.Disposable {
  const { config, store, log } = services;

  const collect = async (scope: ExportScope): Promise<ExportDocument[] | undefined> => {
    let uris: vscode.Uri[];
    if (scope === 'document') {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !config.isTarget(editor.document)) {
        void vscode.window.showInformationMessage('Open a plain-text article to export its annotations.');
        return undefined;
      }
      await store.open(editor.document);
      uris = [editor.document.uri];
    } else {
      await discoverWorkspace(config, store, log);
      uris = store.all().filter((e) => e.sidecar && !e.invalid).map((e) => e.docUri);
    }
    const docs: ExportDocument[] = [];
    for (const uri of uris.sort((a, b) => a.toString().localeCompare(b.toString()))) {
      const sidecar = store.get(uri);
      const text = await store.textOf(uri);
      if (!sidecar || text === undefined) continue;
      docs.push({ path: vscode.workspace.asRelativePath(uri, false), text, sidecar });
    }
    return docs;
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
    const docs = await collect(scope);
    if (!docs) return undefined;
    const annotations = docs.reduce((n, d) => n + d.sidecar.annotations.length, 0);
    if (annotations === 0) {
      void vscode.window.showInformationMessage('There are no annotations to export.');
      return undefined;
    }
    const info = EXPORT_FORMATS.find((f) => f.format === format)!;
    const { files } = exportAnnotations(format, docs);
    const baseFolder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const written: vscode.Uri[] = [];

    if (info.perDocument) {
      let folder = targetArg instanceof vscode.Uri ? targetArg : undefined;
      if (!folder) {
        const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: baseFolder, openLabel: 'Export Here', title: 'Folder for the brat files' });
        folder = picked?.[0];
      }
      if (!folder) return undefined;
      for (const file of files) {
        const uri = folder.with({ path: joinPath(folder.path, file.path) });
        await vscode.workspace.fs.writeFile(uri, encoder.encode(file.content));
        written.push(uri);
        // brat reads the text beside each .ann: add a copy unless a file is already there.
        const doc = docs.find((d) => bratFileName(d.path) === file.path);
        const txt = uri.with({ path: uri.path.replace(/\.ann$/, '.txt') });
        if (doc && !(await exists(txt))) await vscode.workspace.fs.writeFile(txt, encoder.encode(doc.text));
      }
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
      written.push(target);
    }

    const where = written.length === 1 ? baseName(written[0].path) : `${written.length} files`;
    log.info(`Exported ${annotations} annotations (${format}) to ${written.map((u) => u.toString()).join(', ')}`);
    void vscode.window.showInformationMessage(`Exported ${plural(annotations, 'annotation')} to ${where}`, 'Open').then((choice) => {
      if (choice === 'Open' && written[0]) void vscode.window.showTextDocument(written[0]);
    });
    return { files: written, annotations };
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
