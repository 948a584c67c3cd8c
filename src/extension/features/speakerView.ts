/**
 * "Quotes of <Name>": a webview panel with every quote of one entity across the workspace (one
 * panel per entity, revealed when asked for again). Opened from the entity tree's context menu (with
 * the entity node), the hover's link (with an entity id) and the command palette (a quick pick).
 * The page is built by `model/speakerView.ts`; here: gathering sidecars and texts, the panel, its
 * messages (a row opens its quote) and updates while annotations change.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { EntityKind } from '../../core/types';
import { COMMANDS, SPEAKER_VIEW_TYPE } from '../constants';
import { DebouncedTask, systemClock } from '../model/debouncedTask';
import {
  entityNodeOf,
  entityNodes,
  parseSpeakerViewMessage,
  speakerRows,
  speakerViewBody,
  speakerViewHtml,
  speakerViewModel,
  type SpeakerViewDoc,
  type SpeakerViewModel,
} from '../model/speakerView';
import { buildTree, type EntityNode, type TreeNode } from '../model/treeModel';
import { baseName } from '../model/text';
import type { Services } from '../services';
import type { EntityTreeFeature } from './entityTree';

/** Quiet period before open panels follow annotation changes. */
const UPDATE_DEBOUNCE_MS = 250;

export interface SpeakerViewFeature extends vscode.Disposable {
  /** The open panels: title, what they show, and whether the page has loaded (for the integration tests). */
  panels(): { title: string; model: SpeakerViewModel; loaded: boolean }[];
  /** Handles `message` as if the page of the panel titled `title` had posted it. */
  receive(title: string, message: unknown): Promise<void>;
  /** Applies a pending update now. */
  flush(): Promise<void>;
}

interface Panel {
  /** The tree's id of the entity (kind + name): the same in every document. */
  nodeId: string;
  panel: vscode.WebviewPanel;
  model: SpeakerViewModel;
  /** The page has run its script (it posts "ready"); until then it cannot be clicked. */
  loaded: boolean;
}

function isEntityNode(arg: unknown): arg is EntityNode {
  return typeof arg === 'object' && arg !== null && (arg as { nodeType?: unknown }).nodeType === 'entity' && typeof (arg as { id?: unknown }).id === 'string';
}

function nonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function registerSpeakerView(services: Services, tree: Pick<EntityTreeFeature, 'refresh'>): SpeakerViewFeature {
  const { store, log } = services;
  const panels = new Map<string, Panel>();

  /** The entity tree of every loaded document, unfiltered (the tree view may be filtered). */
  const currentTree = (): TreeNode[] =>
    buildTree(
      store
        .all()
        .filter((e) => e.sidecar !== undefined)
        .map((e) => ({ uri: e.docUri.toString(), name: baseName(e.docUri.path), sidecar: e.sidecar! })),
    );

  /** The model of an entity now: its quotes in every document that knows it, with their context. */
  const modelOf = async (nodeId: string, known: { name: string; kind: EntityKind }): Promise<SpeakerViewModel> => {
    const current = entityNodes(currentTree()).find((n) => n.id === nodeId);
    const refs = current?.refs ?? [];
    const docs: SpeakerViewDoc[] = [];
    for (const uriText of new Set(refs.map((r) => r.uri))) {
      const uri = vscode.Uri.parse(uriText);
      const sidecar = store.get(uri);
      if (sidecar) docs.push({ uri: uriText, path: vscode.workspace.asRelativePath(uri), sidecar, text: await store.textOf(uri) });
    }
    return speakerViewModel(current ?? known, speakerRows(docs, refs));
  };

  const openRow = async (p: Panel, key: string): Promise<void> => {
    const row = p.model.rows.find((r) => r.key === key);
    if (!row) return;
    const uri = vscode.Uri.parse(row.uri);
    const current = store.get(uri)?.annotations.find((a) => a.id === row.annotationId);
    // Beside the panel, so that the list stays in view while the reviewer reads.
    const viewColumn = p.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(uri, { preview: true, viewColumn });
    const length = editor.document.getText().length;
    const range = new vscode.Range(
      editor.document.positionAt(Math.min(current?.start ?? row.start, length)),
      editor.document.positionAt(Math.min(current?.end ?? row.end, length)),
    );
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (current?.orphaned ?? row.orphaned) void vscode.window.showWarningMessage('This quote is orphaned: its text was not found after the document changed. Re-tag or remove it.');
  };

  const handle = async (p: Panel, data: unknown): Promise<void> => {
    const message = parseSpeakerViewMessage(data);
    if (message?.type === 'open') await openRow(p, message.key);
    if (message?.type === 'ready') {
      p.loaded = true;
      // A page that (re)loaded may have missed updates: send it the current rows.
      await p.panel.webview.postMessage({ type: 'update', html: speakerViewBody(p.model) });
    }
  };

  const update = async (p: Panel): Promise<void> => {
    // Renamed or removed meanwhile: the view keeps the name and shows no quotes.
    p.model = await modelOf(p.nodeId, p.model);
    p.panel.title = p.model.title;
    // A visible page gets the new rows as a message (it keeps its filter and focus); a hidden one is
    // rebuilt when shown again, from the html set here.
    if (p.panel.visible) await p.panel.webview.postMessage({ type: 'update', html: speakerViewBody(p.model) });
    else p.panel.webview.html = speakerViewHtml(p.model, nonce());
  };

  const updates = new DebouncedTask(systemClock, UPDATE_DEBOUNCE_MS, async () => {
    for (const p of [...panels.values()]) {
      await update(p).catch((err: unknown) => log.error(`Updating ${p.model.title} failed`, err));
    }
  });

  const show = async (node: EntityNode): Promise<string> => {
    const existing = panels.get(node.id);
    if (existing) {
      existing.panel.reveal();
      await update(existing);
      return existing.model.title;
    }
    const model = await modelOf(node.id, node);
    const panel = vscode.window.createWebviewPanel(SPEAKER_VIEW_TYPE, model.title, vscode.ViewColumn.Beside, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [],
    });
    const p: Panel = { nodeId: node.id, panel, model, loaded: false };
    panels.set(node.id, p);
    panel.webview.html = speakerViewHtml(model, nonce());
    const subscription = panel.webview.onDidReceiveMessage((data: unknown) => {
      handle(p, data).catch((err: unknown) => log.error('Handling a message of the quotes view failed', err));
    });
    panel.onDidDispose(() => {
      subscription.dispose();
      if (panels.get(node.id) === p) panels.delete(node.id);
    });
    return model.title;
  };

  const pickEntity = async (roots: readonly TreeNode[]): Promise<EntityNode | undefined> => {
    const nodes = entityNodes(roots);
    if (nodes.length === 0) {
      void vscode.window.showInformationMessage('QuoteLens found no speakers in the workspace yet.');
      return undefined;
    }
    type Item = vscode.QuickPickItem & { node: EntityNode };
    const items: Item[] = nodes.map((n) => ({ label: n.name, description: `${n.kind} · ${n.description ?? ''}`, node: n }));
    return (await vscode.window.showQuickPick(items, { title: 'Show the quotes of…', placeHolder: 'Choose a speaker', matchOnDescription: true }))?.node;
  };

  /**
   * The command. Arguments: an entity node (tree menu), or an entity id and optionally the URI of the
   * document it belongs to (hover link: the active document), or none (palette: a quick pick).
   * Returns the panel's title.
   */
  const command = async (arg?: unknown, uriArg?: unknown): Promise<string | undefined> => {
    // The workspace's documents first, so that the view covers those not open.
    await tree.refresh();
    const roots = currentTree();
    let node: EntityNode | undefined;
    if (isEntityNode(arg)) {
      node = entityNodes(roots).find((n) => n.id === arg.id) ?? (arg.unattributed ? undefined : arg);
    } else if (typeof arg === 'string' && arg) {
      const uri = typeof uriArg === 'string' ? uriArg : vscode.window.activeTextEditor?.document.uri.toString();
      node = entityNodeOf(roots, arg, uri);
      if (!node) void vscode.window.showInformationMessage('QuoteLens does not know this speaker any more.');
    } else {
      node = await pickEntity(roots);
    }
    return node ? show(node) : undefined;
  };

  const disposable = vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.showQuotesOfEntity, command),
    store.onDidChange(() => {
      if (panels.size > 0) updates.schedule();
    }),
    {
      dispose: () => {
        updates.cancel();
        for (const p of [...panels.values()]) p.panel.dispose();
      },
    },
  );

  return {
    panels: () => [...panels.values()].map((p) => ({ title: p.panel.title, model: p.model, loaded: p.loaded })),
    receive: async (title, message) => {
      const p = [...panels.values()].find((x) => x.panel.title === title);
      if (p) await handle(p, message);
    },
    flush: () => updates.flush(),
    dispose: () => {
      disposable.dispose();
    },
  };
}
