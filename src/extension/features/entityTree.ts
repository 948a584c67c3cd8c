/**
 * The "Entities" view: speakers with their quotes, figures by kind, orphaned annotations. The tree
 * is plain data from `buildTree`, rebuilt (debounced) when annotations change; the first level is
 * built whole, and `getChildren` builds a node's annotation children the first time it is expanded
 * (the collapsible state comes from `childCount`, which builds nothing). Workspace documents are discovered when the view is first shown, and followed on disk
 * after that.
 *
 * What the tree counts is a function of the workspace's files, not of the open editors: the
 * documents with a sidecar file (or edited in QuoteLens) and the articles matching
 * `quotelens.files`, which the store analyses in memory when they have no sidecar (suggested).
 * A document open in an editor but outside those is not counted.
 */
import * as vscode from 'vscode';
import type { AnnotationStatus, AnnotationType } from '../../sidecar/types';
import { COMMANDS, CONTEXT_KEYS, STATE_ARTICLE_HASHES, STATE_TREE_FILTER, TREE_CONTEXT, VIEWS } from '../constants';
import {
  buildTree,
  childCount,
  childrenOf,
  emptyFilterMessage,
  filterDescription,
  isFilterEmpty,
  type AnnotationNode,
  type InvalidSidecar,
  type TreeFilter,
  type TreeNode,
} from '../model/treeModel';
import { baseName } from '../model/text';
import type { Services } from '../services';
import type { StoreEntry } from '../services/sidecarStore';
import { discoverWorkspace, watchArticles } from '../services/discovery';
import { isAnnotationNode } from './tagging';

export interface EntityTreeFeature extends vscode.Disposable {
  roots(): TreeNode[];
  children(node: TreeNode): TreeNode[];
  /** Discovers the workspace (if not done yet) and rebuilds the tree now. */
  refresh(): Promise<void>;
  getTreeItem(node: TreeNode): vscode.TreeItem;
  /** What the view shows above its items: the description beside its title, and its message. */
  viewText(): { description: string | undefined; message: string | undefined };
}

const ENTITY_ICONS: Record<string, string> = { person: 'person', organization: 'organization', country: 'globe', group: 'people' };

function annotationIcon(node: AnnotationNode): vscode.ThemeIcon {
  switch (node.icon) {
    case 'accepted':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'suggested':
      return new vscode.ThemeIcon('lightbulb', new vscode.ThemeColor('editorLightBulb.foreground'));
    case 'rejected':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    case 'orphaned':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  }
}

function toTreeItem(node: TreeNode): vscode.TreeItem {
  const collapsible = childCount(node) === 0 ? vscode.TreeItemCollapsibleState.None : node.nodeType === 'group' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(node.label, collapsible);
  item.id = node.id;
  item.description = node.description;
  item.tooltip = node.tooltip;
  switch (node.nodeType) {
    case 'group':
      item.contextValue = TREE_CONTEXT.group;
      item.iconPath = new vscode.ThemeIcon(node.group === 'speakers' ? 'account' : node.group === 'mentioned' ? 'mention' : node.group === 'figures' ? 'symbol-number' : 'warning');
      break;
    case 'entity':
      item.contextValue = node.unattributed ? TREE_CONTEXT.note : TREE_CONTEXT.entity;
      item.iconPath = new vscode.ThemeIcon(node.unattributed ? 'question' : ENTITY_ICONS[node.kind] ?? 'person');
      break;
    case 'figureKind':
      item.contextValue = TREE_CONTEXT.figureKind;
      item.iconPath = new vscode.ThemeIcon('symbol-number');
      break;
    case 'annotation':
      item.contextValue = `${TREE_CONTEXT.annotationPrefix}${node.status}`;
      item.iconPath = annotationIcon(node);
      item.command = { command: COMMANDS.revealAnnotation, title: 'Reveal', arguments: [node] };
      break;
    case 'note':
      item.contextValue = TREE_CONTEXT.note;
      item.iconPath = new vscode.ThemeIcon(node.action === 'clearFilter' ? 'filter' : 'info');
      if (node.action === 'clearFilter') item.command = { command: COMMANDS.clearTreeFilter, title: 'Clear Entity Filter' };
      break;
    case 'invalidSidecar': {
      item.contextValue = TREE_CONTEXT.note;
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      const at = new vscode.Position(node.line, node.character);
      item.command = { command: 'vscode.open', title: 'Open Sidecar at the Problem', arguments: [vscode.Uri.parse(node.sidecarUri), { selection: new vscode.Range(at, at) }] };
      break;
    }
  }
  return item;
}

/** The tree's marker data for a store entry whose sidecar file is invalid. */
function invalidSidecar(entry: StoreEntry): InvalidSidecar | undefined {
  if (entry.invalid === undefined) return undefined;
  const first = entry.problems[0];
  return {
    uri: entry.docUri.toString(),
    name: baseName(entry.docUri.path),
    sidecarUri: entry.sidecarUri.toString(),
    problem: entry.invalid,
    line: first?.start.line ?? 0,
    character: first?.start.character ?? 0,
    count: Math.max(1, entry.problems.length),
  };
}

export function registerEntityTree(services: Services): EntityTreeFeature {
  const { context, config, store, log } = services;
  const emitter = new vscode.EventEmitter<TreeNode | undefined>();
  let roots: TreeNode[] = [];
  let truncatedAt: number | undefined;
  /** The workspace's articles (found by discovery, then followed on disk); undefined before discovery. */
  let articles: Set<string> | undefined;
  let discovery: Promise<void> | undefined;
  let rebuildTimer: ReturnType<typeof setTimeout> | undefined;
  let filter: TreeFilter = context.workspaceState.get<TreeFilter>(STATE_TREE_FILTER) ?? {};

  const rebuild = (): void => {
    if (rebuildTimer !== undefined) clearTimeout(rebuildTimer);
    rebuildTimer = undefined;
    const docs = store
      .all()
      .filter((e) => e.sidecar !== undefined && inWorkspace(e))
      .map((e) => ({ uri: e.docUri.toString(), name: baseName(e.docUri.path), sidecar: e.sidecar! }));
    const invalid = store.all().flatMap((e) => invalidSidecar(e) ?? []);
    roots = buildTree(docs, filter, { truncatedAt, invalid });
    showFilter();
    emitter.fire(undefined);
  };
  /**
   * Counted: a document with a sidecar file (or edits), or one of the workspace's articles. Not an
   * article only open in an editor (its in-memory suggestions would come and go with the editor).
   */
  const inWorkspace = (e: StoreEntry): boolean => e.persisted || e.invalid !== undefined || (articles?.has(e.docUri.toString()) ?? false);
  /** The filter beside the view's title (also when restored after a reload), and why the tree is empty. */
  const showFilter = (): void => {
    view.description = filterDescription(filter);
    view.message = emptyFilterMessage(filter, roots);
  };
  const scheduleRebuild = (): void => {
    if (rebuildTimer !== undefined) clearTimeout(rebuildTimer);
    rebuildTimer = setTimeout(rebuild, 150);
  };

  /** The article hashes as of the last save to the workspace state (a reload starts warm from them). */
  let savedHashes = store.hashes.changes;
  const saveHashes = (): void => {
    if (store.hashes.changes === savedHashes) return;
    savedHashes = store.hashes.changes;
    context.workspaceState.update(STATE_ARTICLE_HASHES, store.hashes.toJSON()).then(undefined, (err: unknown) => log.error('Saving the article hashes failed', err));
  };

  const discover = (): Promise<void> => {
    discovery ??= discoverWorkspace(config, store, log, scheduleRebuild).then(
      (r) => {
        truncatedAt = r.truncated ? r.documents : undefined;
        articles = new Set(r.uris.map((u) => u.toString()));
        rebuild();
        saveHashes();
      },
      (err: unknown) => log.error('Discovering the workspace failed', err),
    );
    return discovery;
  };

  const provider: vscode.TreeDataProvider<TreeNode> = {
    onDidChangeTreeData: emitter.event,
    getTreeItem: toTreeItem,
    getChildren: (node) => (node ? childrenOf(node) : roots),
  };
  const view = vscode.window.createTreeView(VIEWS.entities, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });

  const setFilter = async (next: TreeFilter): Promise<void> => {
    filter = next;
    await context.workspaceState.update(STATE_TREE_FILTER, isFilterEmpty(next) ? undefined : next);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.treeFiltered, !isFilterEmpty(next));
    rebuild();
  };

  const pickFilter = async (arg?: unknown): Promise<void> => {
    if (typeof arg === 'object' && arg !== null && !('nodeType' in arg)) return setFilter(arg);
    type Item = vscode.QuickPickItem & { apply?: (f: TreeFilter) => TreeFilter };
    const statuses: AnnotationStatus[] = ['suggested', 'accepted', 'rejected'];
    const types: AnnotationType[] = ['quote', 'speaker', 'figure'];
    const docs = store.all().filter((e) => e.sidecar);
    const items: Item[] = [
      { label: '$(clear-all) Clear filter', apply: () => ({}) },
      { label: 'Status', kind: vscode.QuickPickItemKind.Separator },
      ...statuses.map((s) => ({ label: s, description: filter.status === s ? '(current)' : undefined, apply: (f: TreeFilter) => ({ ...f, status: s }) })),
      { label: 'Kind', kind: vscode.QuickPickItemKind.Separator },
      ...types.map((t) => ({ label: `${t}s`, description: filter.type === t ? '(current)' : undefined, apply: (f: TreeFilter) => ({ ...f, type: t }) })),
      { label: 'Document', kind: vscode.QuickPickItemKind.Separator },
      ...docs.map((e) => ({ label: baseName(e.docUri.path), description: vscode.workspace.asRelativePath(e.docUri), apply: (f: TreeFilter) => ({ ...f, document: e.docUri.toString() }) })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Filter the entity tree', placeHolder: 'Pick a status, a kind or a document (filters combine)' });
    if (picked?.apply) await setFilter(picked.apply(filter));
  };

  const reveal = async (arg?: unknown): Promise<boolean> => {
    if (!isAnnotationNode(arg)) return false;
    const uri = vscode.Uri.parse(arg.uri);
    const current = store.get(uri)?.annotations.find((a) => a.id === arg.annotationId);
    const editor = await vscode.window.showTextDocument(uri, { preview: true });
    const length = editor.document.getText().length;
    const start = Math.min(current?.start ?? arg.start, length);
    const end = Math.min(current?.end ?? arg.end, length);
    const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (current?.orphaned ?? arg.orphaned) void vscode.window.showWarningMessage('This annotation is orphaned: its text was not found after the document changed. Re-tag or remove it.');
    return true;
  };

  void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.treeFiltered, !isFilterEmpty(filter));
  rebuild();
  if (view.visible) void discover();

  const disposable = vscode.Disposable.from(
    view,
    emitter,
    store.onDidChange(scheduleRebuild),
    config.onDidChange(scheduleRebuild),
    view.onDidChangeVisibility((e) => {
      if (e.visible) void discover();
    }),
    watchArticles(config, {
      created: (uri) => {
        if (!articles) return; // discovery (still to come) finds it
        articles.add(uri.toString());
        // Deleted and written again: what the store holds of it is stale.
        const loading = store.entry(uri) ? store.refreshSuggestions(uri) : store.load(uri);
        loading.then(scheduleRebuild, (err: unknown) => log.error(`Loading annotations of ${uri.toString()} failed`, err));
      },
      changed: (uri) => {
        if (articles?.has(uri.toString())) store.refreshSuggestions(uri).catch((err: unknown) => log.error(`Analysing ${uri.toString()} again failed`, err));
      },
      deleted: (uri) => {
        store.hashes.forget(uri.toString());
        if (articles?.delete(uri.toString())) scheduleRebuild();
      },
    }),
    vscode.commands.registerCommand(COMMANDS.revealAnnotation, reveal),
    vscode.commands.registerCommand(COMMANDS.filterTree, pickFilter),
    vscode.commands.registerCommand(COMMANDS.clearTreeFilter, () => setFilter({})),
    vscode.commands.registerCommand(COMMANDS.refreshTree, async () => {
      discovery = undefined;
      await discover();
    }),
    {
      dispose: () => {
        if (rebuildTimer !== undefined) clearTimeout(rebuildTimer);
      },
    },
  );

  return {
    roots: () => roots,
    children: childrenOf,
    getTreeItem: toTreeItem,
    viewText: () => ({ description: view.description, message: view.message }),
    refresh: async () => {
      await discover();
      rebuild();
    },
    dispose: () => {
      disposable.dispose();
    },
  };
}
