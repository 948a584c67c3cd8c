/**
 * Finds the workspace's sidecars and articles (`workspace.findFiles`, capped) and loads their
 * annotations in small batches, yielding between batches so the extension host stays responsive.
 */
import * as vscode from 'vscode';
import { MAX_TREE_DOCUMENTS } from '../constants';
import { documentPathOfSidecar } from '../model/sidecarPath';
import type { Config } from './config';
import type { Log } from './log';
import type { SidecarStore } from './sidecarStore';

export interface DiscoveryResult {
  /** Documents found (sidecars and articles), at most the cap. */
  documents: number;
  /** Their URIs (the documents with a sidecar and the articles matching `quotelens.files`). */
  uris: vscode.Uri[];
  /** True when more files exist than the cap allows. */
  truncated: boolean;
}

const BATCH = 25;

function excludeGlob(globs: readonly string[]): string | undefined {
  return globs.length === 0 ? undefined : globs.length === 1 ? globs[0] : `{${globs.join(',')}}`;
}

/** Article URIs matching `quotelens.files` (minus `quotelens.exclude`) in every workspace folder. */
export async function findArticles(config: Config, limit = MAX_TREE_DOCUMENTS): Promise<vscode.Uri[]> {
  const out = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const exclude = excludeGlob(config.exclude(folder.uri));
    for (const glob of config.files(folder.uri)) {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude, limit + 1)) {
        if (config.matchesFiles(uri)) out.set(uri.toString(), uri);
      }
    }
  }
  return [...out.values()];
}

export async function discoverWorkspace(config: Config, store: SidecarStore, log: Log, onBatch?: () => void): Promise<DiscoveryResult> {
  const t0 = Date.now();
  const sidecars = await vscode.workspace.findFiles('**/*.annotations.json', '**/node_modules/**', MAX_TREE_DOCUMENTS + 1);
  const docs = new Map<string, vscode.Uri>();
  for (const s of sidecars) {
    const doc = s.with({ path: documentPathOfSidecar(s.path) });
    docs.set(doc.toString(), doc);
  }
  for (const a of await findArticles(config)) docs.set(a.toString(), a);
  const all = [...docs.values()];
  const truncated = all.length > MAX_TREE_DOCUMENTS;
  const list = all.slice(0, MAX_TREE_DOCUMENTS);
  for (let i = 0; i < list.length; i += BATCH) {
    await Promise.all(
      list.slice(i, i + BATCH).map((uri) =>
        store.load(uri).catch((err: unknown) => log.error(`Loading annotations of ${uri.toString()} failed`, err)),
      ),
    );
    onBatch?.();
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  // Sidecars in the `folder` placement do not sit beside their article: load them by content.
  for (const s of sidecars.slice(0, MAX_TREE_DOCUMENTS)) {
    await store.loadSidecarFile(s).catch((err: unknown) => log.error(`Loading ${s.toString()} failed`, err));
  }
  log.info(`Found ${list.length} documents in the workspace in ${Date.now() - t0} ms${truncated ? ` (capped at ${MAX_TREE_DOCUMENTS})` : ''}`);
  return { documents: list.length, uris: list, truncated };
}

export interface ArticleEvents {
  created: (uri: vscode.Uri) => void;
  changed: (uri: vscode.Uri) => void;
  deleted: (uri: vscode.Uri) => void;
}

/** Reports articles matching `quotelens.files` created, changed or deleted on disk after discovery. */
export function watchArticles(config: Config, on: ArticleEvents): vscode.Disposable {
  // One watcher for everything, filtered here: the globs are settings that may change.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  const when = (handler: (uri: vscode.Uri) => void) => (uri: vscode.Uri): void => {
    if (config.matchesFiles(uri)) handler(uri);
  };
  return vscode.Disposable.from(watcher, watcher.onDidCreate(when(on.created)), watcher.onDidChange(when(on.changed)), watcher.onDidDelete(when(on.deleted)));
}
