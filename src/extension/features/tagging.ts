/**
 * Tagging and review commands: tag quote / speaker / figure, set speaker, accept / reject,
 * accept all, remove, next / previous, rename / merge entities, analyse, undo.
 * Every command accepts plain arguments (then it skips its prompts) or a tree item.
 */
import * as vscode from 'vscode';
import { ENTITY_KINDS, FIGURE_KINDS, type Entity, type EntityKind, type FigureKind } from '../../core/types';
import {
  acceptAll,
  addAnnotation,
  addEntity,
  mergeEntities,
  removeAnnotation,
  renameEntity,
  setQuoteSpeaker,
  setStatus,
  type AnnotationInit,
} from '../../sidecar';
import type { Annotation, AnnotationStatus, Sidecar } from '../../sidecar/types';
import { COMMANDS, CONTEXT_KEYS, MAX_TREE_DOCUMENTS } from '../constants';
import { annotationsAt, navigationOrigin, neighbourAnnotation, targetAnnotations } from '../model/targets';
import type { AnnotationNode, EntityNode } from '../model/treeModel';
import { baseName, plural } from '../model/text';
import { forEachSideBySide } from '../model/sideBySide';
import type { Services } from '../services';

export function isAnnotationNode(x: unknown): x is AnnotationNode {
  return typeof x === 'object' && x !== null && (x as { nodeType?: unknown }).nodeType === 'annotation';
}

export function isEntityNode(x: unknown): x is EntityNode {
  return typeof x === 'object' && x !== null && (x as { nodeType?: unknown }).nodeType === 'entity';
}

const NEW_ENTITY = '$(add) New entity…';

interface Target {
  editor: vscode.TextEditor;
  document: vscode.TextDocument;
}

function isEntityKind(x: unknown): x is EntityKind {
  return typeof x === 'string' && (ENTITY_KINDS as readonly string[]).includes(x);
}

function isFigureKind(x: unknown): x is FigureKind {
  return typeof x === 'string' && (FIGURE_KINDS as readonly string[]).includes(x);
}

export function registerTagging(services: Services): vscode.Disposable {
  const { config, store, log, analyzer } = services;

  /** The active editor when it shows a QuoteLens document; otherwise says why and returns undefined. */
  const activeTarget = (): Target | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Open a plain-text article to use QuoteLens.');
      return undefined;
    }
    if (!config.isTarget(editor.document)) {
      void vscode.window.showInformationMessage(`QuoteLens does not work on ${baseName(editor.document.uri.path)}: it is not a plain-text article matching "quotelens.files".`);
      return undefined;
    }
    return { editor, document: editor.document };
  };

  const nonEmptySelections = (t: Target): vscode.Selection[] | undefined => {
    const sel = t.editor.selections.filter((s) => !s.isEmpty);
    if (sel.length === 0) {
      void vscode.window.showInformationMessage('Select the text to tag first.');
      return undefined;
    }
    return sel;
  };

  const offsets = (t: Target, s: vscode.Selection | vscode.Range) => ({ start: t.document.offsetAt(s.start), end: t.document.offsetAt(s.end) });

  /**
   * Adds manual annotations in one undoable edit; `prepare` may first change the sidecar (e.g. add
   * an entity) and returns the inits. Returns the new annotation ids.
   */
  const tag = async (t: Target, label: string, prepare: (s: Sidecar) => { sidecar: Sidecar; inits: AnnotationInit[] }): Promise<string[]> => {
    const ids: string[] = [];
    await store.update(t.document.uri, label, (s, text) => {
      const prepared = prepare(s);
      let current = prepared.sidecar;
      for (const init of prepared.inits) {
        const r = addAnnotation(current, text, init);
        if ('error' in r) return r;
        // The hand-tagged annotation replaces unreviewed suggestions of the same type it overlaps.
        const added = r.annotation;
        current = r.sidecar.annotations
          .filter((a) => a.id !== added.id && a.type === added.type && a.status === 'suggested' && a.origin === 'auto' && a.start < added.end && a.end > added.start)
          .reduce((acc, a) => removeAnnotation(acc, a.id), r.sidecar);
        ids.push(added.id);
      }
      return current;
    });
    return ids;
  };

  /** Picks an entity of the sidecar, or a new one (name + kind); undefined when cancelled. */
  const pickEntity = async (
    s: Sidecar | undefined,
    title: string,
    suggestedName: string,
    extra: vscode.QuickPickItem[] = [],
  ): Promise<Entity | { name: string; kind: EntityKind } | string | undefined> => {
    const entities = [...(s?.entities ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    type Item = vscode.QuickPickItem & { entity?: Entity };
    const items: Item[] = [
      { label: NEW_ENTITY, description: suggestedName ? `“${suggestedName}”` : undefined },
      ...extra,
      ...entities.map((e) => ({ label: e.name, description: e.kind, detail: e.aliases.length ? `also: ${e.aliases.join(', ')}` : undefined, entity: e })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Choose an entity or create a new one' });
    if (!picked) return undefined;
    if (picked.entity) return picked.entity;
    if (picked.label !== NEW_ENTITY) return picked.label;
    const name = await vscode.window.showInputBox({ title: 'New entity', prompt: 'Name of the entity', value: suggestedName, validateInput: (v) => (v.trim() ? undefined : 'Enter a name') });
    if (!name?.trim()) return undefined;
    const kind = await vscode.window.showQuickPick([...ENTITY_KINDS], { title: `Kind of “${name.trim()}”` });
    if (!isEntityKind(kind)) return undefined;
    return { name: name.trim(), kind };
  };

  /** Finds an entity by id or (case-insensitive) name/alias. */
  const findEntity = (s: Sidecar | undefined, idOrName: string): Entity | undefined => {
    const lower = idOrName.toLowerCase();
    return s?.entities.find((e) => e.id === idOrName) ?? s?.entities.find((e) => e.name.toLowerCase() === lower || e.aliases.some((a) => a.toLowerCase() === lower));
  };

  // ---- tag commands --------------------------------------------------------------------------

  const tagQuote = async (): Promise<string[] | undefined> => {
    const t = activeTarget();
    const sel = t && nonEmptySelections(t);
    if (!t || !sel) return undefined;
    return tag(t, 'Tagged quote', (sidecar) => ({ sidecar, inits: sel.map((s) => ({ type: 'quote', ...offsets(t, s), kind: 'direct' })) }));
  };

  const tagSpeaker = async (entityIdOrName?: unknown, kindArg?: unknown): Promise<string[] | undefined> => {
    const t = activeTarget();
    const sel = t && nonEmptySelections(t);
    if (!t || !sel) return undefined;
    await store.load(t.document.uri);
    const s = store.get(t.document.uri);
    const selectedText = t.document.getText(sel[0]).trim().replace(/\s+/g, ' ');
    let choice: Entity | { name: string; kind: EntityKind } | string | undefined;
    if (typeof entityIdOrName === 'string' && entityIdOrName.trim()) {
      choice = findEntity(s, entityIdOrName) ?? { name: entityIdOrName.trim(), kind: isEntityKind(kindArg) ? kindArg : 'person' };
    } else {
      choice = await pickEntity(s, 'Tag selection as a mention of…', selectedText);
    }
    if (choice === undefined || typeof choice === 'string') return undefined;
    const picked = choice;
    return tag(t, 'Tagged speaker', (base) => {
      let sidecar = base;
      let entityId: string;
      if ('id' in picked) entityId = picked.id;
      else {
        const r = addEntity(base, picked.name, picked.kind);
        sidecar = r.sidecar;
        entityId = r.entity.id;
      }
      return { sidecar, inits: sel.map((r) => ({ type: 'speaker', ...offsets(t, r), entity: entityId })) };
    });
  };

  const tagFigure = async (kindArg?: unknown, unitArg?: unknown): Promise<string[] | undefined> => {
    const t = activeTarget();
    const sel = t && nonEmptySelections(t);
    if (!t || !sel) return undefined;
    let kind: FigureKind | undefined = isFigureKind(kindArg) ? kindArg : undefined;
    let unit: string | null = typeof unitArg === 'string' ? unitArg.trim() || null : null;
    if (!kind) {
      const picked = await vscode.window.showQuickPick(
        FIGURE_KINDS.map((k) => ({ label: k })),
        { title: 'Kind of figure', placeHolder: 'count, money, percent, date, year, duration or vague' },
      );
      if (!isFigureKind(picked?.label)) return undefined;
      kind = picked.label;
      if (unitArg === undefined && (kind === 'count' || kind === 'vague' || kind === 'money')) {
        const typed = await vscode.window.showInputBox({ title: 'Unit (optional)', prompt: kind === 'money' ? 'Currency, e.g. EUR' : 'What is counted, e.g. jobs, homes', placeHolder: 'leave empty for none' });
        if (typed === undefined) return undefined;
        unit = typed.trim() || null;
      }
    }
    const k = kind;
    return tag(t, 'Tagged figure', (sidecar) => ({ sidecar, inits: sel.map((s) => ({ type: 'figure', ...offsets(t, s), kind: k, unit })) }));
  };

  // ---- speaker of a quote ----------------------------------------------------------------------

  const setSpeaker = async (quoteArg?: unknown, entityArg?: unknown): Promise<boolean> => {
    let uri: vscode.Uri;
    let quoteId: string | undefined;
    if (isAnnotationNode(quoteArg)) {
      uri = vscode.Uri.parse(quoteArg.uri);
      quoteId = quoteArg.annotationId;
    } else {
      const t = activeTarget();
      if (!t) return false;
      uri = t.document.uri;
      await store.load(uri);
      if (typeof quoteArg === 'string') quoteId = quoteArg;
      else {
        const s = store.get(uri);
        quoteId = s && annotationsAt(s, t.document.offsetAt(t.editor.selection.active), ['quote'])[0]?.id;
      }
    }
    const s = store.get(uri);
    const quote = s?.annotations.find((a) => a.id === quoteId && a.type === 'quote');
    if (!quote) {
      void vscode.window.showInformationMessage('Put the cursor in a quote to set its speaker.');
      return false;
    }
    let choice: Entity | { name: string; kind: EntityKind } | string | null | undefined;
    if (entityArg === null) choice = null;
    else if (typeof entityArg === 'string' && entityArg.trim()) choice = findEntity(s, entityArg) ?? { name: entityArg.trim(), kind: 'person' };
    else {
      choice = await pickEntity(s, `Speaker of “${quote.text.slice(0, 40)}…”`, '', [{ label: '$(circle-slash) No speaker' }]);
      if (choice === '$(circle-slash) No speaker') choice = null;
      else if (typeof choice === 'string') return false;
    }
    if (choice === undefined || typeof choice === 'string') return false;
    const picked = choice;
    const qid = quote.id;
    const result = await store.update(uri, 'Set speaker', (base) => {
      if (picked === null) return setQuoteSpeaker(base, qid, null);
      if ('id' in picked) return setQuoteSpeaker(base, qid, picked.id);
      const r = addEntity(base, picked.name, picked.kind);
      return setQuoteSpeaker(r.sidecar, qid, r.entity.id);
    });
    return result !== undefined;
  };

  // ---- review --------------------------------------------------------------------------------

  /** Resolves the annotations a review command acts on: tree item(s), ids, or cursor/selection. */
  const reviewTargets = async (arg: unknown, many: unknown, prefer: (a: Annotation) => boolean): Promise<{ uri: vscode.Uri; ids: string[] } | undefined> => {
    // From the tree: the clicked item, or every selected item when the clicked one is among them.
    const selected = Array.isArray(many) && many.every(isAnnotationNode) && many.some((n) => n === arg) ? many : undefined;
    const nodes = selected ?? (isAnnotationNode(arg) ? [arg] : []);
    if (nodes.length > 0) {
      // A quote repeated verbatim is one tree item: reviewing it reviews every copy.
      const ids = nodes.filter((n) => n.uri === nodes[0].uri).flatMap((n) => (n.copies ?? [n]).map((c) => c.annotationId));
      return { uri: vscode.Uri.parse(nodes[0].uri), ids: [...new Set(ids)] };
    }
    const t = activeTarget();
    if (!t) return undefined;
    await store.load(t.document.uri);
    if (typeof arg === 'string' || (Array.isArray(arg) && arg.every((x) => typeof x === 'string'))) {
      return { uri: t.document.uri, ids: typeof arg === 'string' ? [arg] : (arg) };
    }
    const s = store.get(t.document.uri);
    const sel = t.editor.selection;
    const found = s ? targetAnnotations(s, t.document.offsetAt(sel.start), t.document.offsetAt(sel.end), prefer) : [];
    if (found.length === 0) {
      void vscode.window.showInformationMessage(sel.isEmpty ? 'No QuoteLens annotation under the cursor.' : 'No QuoteLens annotation in the selection.');
      return undefined;
    }
    return { uri: t.document.uri, ids: found.map((a) => a.id) };
  };

  /** With `quotelens.review.advance`, moves the active editor showing `uri` to the next unreviewed annotation. */
  const advanceAfterReview = async (uri: vscode.Uri): Promise<void> => {
    if (!config.reviewAdvance(uri) || vscode.window.activeTextEditor?.document.uri.toString() !== uri.toString()) return;
    await vscode.commands.executeCommand(COMMANDS.nextUnreviewed);
  };

  const review = (status: AnnotationStatus) => async (arg?: unknown, many?: unknown): Promise<number> => {
    const targets = await reviewTargets(arg, many, (a) => a.status !== status && (status !== 'accepted' || a.status === 'suggested'));
    if (!targets) return 0;
    const verb = status === 'accepted' ? 'Accepted' : 'Rejected';
    const r = await store.update(targets.uri, `${verb} ${plural(targets.ids.length, 'annotation')}`, (s) => setStatus(s, targets.ids, status));
    if (!r) return 0;
    await advanceAfterReview(targets.uri);
    return targets.ids.length;
  };

  const acceptAllCmd = async (uriArg?: unknown): Promise<number> => {
    const uri = uriArg instanceof vscode.Uri ? uriArg : activeTarget()?.document.uri;
    if (!uri) return 0;
    await store.load(uri);
    const count = store.get(uri)?.annotations.filter((a) => a.status === 'suggested').length ?? 0;
    if (count === 0) {
      void vscode.window.showInformationMessage('No suggestions to accept in this document.');
      return 0;
    }
    await store.update(uri, `Accepted all ${count} suggestions`, (s) => acceptAll(s));
    return count;
  };

  const remove = async (arg?: unknown): Promise<boolean> => {
    const targets = await reviewTargets(arg, undefined, () => true);
    if (!targets) return false;
    const ids = targets.ids;
    const r = await store.update(targets.uri, `Removed ${plural(ids.length, 'annotation')}`, (s) => ids.reduce((acc, id) => removeAnnotation(acc, id), s));
    return r !== undefined;
  };

  const navigate = (direction: 1 | -1) => async (): Promise<string | undefined> => {
    const t = activeTarget();
    if (!t) return undefined;
    await store.load(t.document.uri);
    const s = store.get(t.document.uri);
    const { start, end } = offsets(t, t.editor.selection);
    const next = s && neighbourAnnotation(s, navigationOrigin(start, end, direction), direction);
    if (!next) {
      void vscode.window.showInformationMessage('No QuoteLens annotations in this document.');
      return undefined;
    }
    const range = new vscode.Range(t.document.positionAt(next.start), t.document.positionAt(next.end));
    t.editor.selection = new vscode.Selection(range.start, range.end);
    t.editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return next.id;
  };

  // ---- entities ------------------------------------------------------------------------------

  /** Entity refs (document + id) from a tree item, an id in the active document, or a pick. */
  const entityRefs = async (arg: unknown, title: string): Promise<{ refs: { uri: vscode.Uri; id: string }[]; name: string } | undefined> => {
    if (isEntityNode(arg)) {
      if (arg.unattributed) return undefined;
      return { refs: arg.refs.map((r) => ({ uri: vscode.Uri.parse(r.uri), id: r.entityId })), name: arg.name };
    }
    const t = activeTarget();
    if (!t) return undefined;
    await store.load(t.document.uri);
    const s = store.get(t.document.uri);
    let entity = typeof arg === 'string' ? findEntity(s, arg) : undefined;
    if (!entity) {
      if (!s || s.entities.length === 0) {
        void vscode.window.showInformationMessage('This document has no entities yet.');
        return undefined;
      }
      const picked = await vscode.window.showQuickPick(
        s.entities.map((e) => ({ label: e.name, description: e.kind, entity: e })),
        { title },
      );
      entity = picked?.entity;
    }
    return entity ? { refs: [{ uri: t.document.uri, id: entity.id }], name: entity.name } : undefined;
  };

  const rename = async (arg?: unknown, newNameArg?: unknown): Promise<boolean> => {
    const target = await entityRefs(arg, 'Rename which entity?');
    if (!target) return false;
    const newName =
      typeof newNameArg === 'string'
        ? newNameArg
        : await vscode.window.showInputBox({ title: `Rename “${target.name}”`, value: target.name, prompt: 'The old name is kept as an alias.', validateInput: (v) => (v.trim() ? undefined : 'Enter a name') });
    if (!newName?.trim()) return false;
    let changed = false;
    for (const ref of target.refs) {
      changed = (await store.update(ref.uri, `Renamed ${target.name} to ${newName.trim()}`, (s) => renameEntity(s, ref.id, newName))) !== undefined || changed;
    }
    return changed;
  };

  const merge = async (fromArg?: unknown, intoArg?: unknown): Promise<boolean> => {
    const from = await entityRefs(fromArg, 'Merge which entity?');
    if (!from) return false;
    // Candidates: the entities of the documents involved, minus the one being merged.
    const candidates = new Map<string, { name: string; kind: string; refs: Map<string, string> }>();
    for (const ref of from.refs) {
      for (const e of store.get(ref.uri)?.entities ?? []) {
        if (e.id === ref.id) continue;
        const key = `${e.kind}:${e.name.toLowerCase()}`;
        const c = candidates.get(key) ?? { name: e.name, kind: e.kind, refs: new Map<string, string>() };
        c.refs.set(ref.uri.toString(), e.id);
        candidates.set(key, c);
      }
    }
    let into: { name: string; refs: Map<string, string> } | undefined;
    if (Array.isArray(intoArg)) intoArg = undefined; // the tree's multi-selection: ask
    if (typeof intoArg === 'string' || isEntityNode(intoArg)) {
      const wanted = isEntityNode(intoArg) ? intoArg.name.toLowerCase() : intoArg.toLowerCase();
      into = [...candidates.values()].find((c) => [...c.refs.values()].includes(typeof intoArg === 'string' ? intoArg : '') || c.name.toLowerCase() === wanted);
    } else {
      const picked = await vscode.window.showQuickPick(
        [...candidates.values()].map((c) => ({ label: c.name, description: c.kind, c })),
        { title: `Merge “${from.name}” into…`, placeHolder: 'Its name and aliases become aliases of the chosen entity' },
      );
      into = picked?.c;
    }
    if (!into) {
      if (intoArg !== undefined || candidates.size === 0) void vscode.window.showInformationMessage('No entity to merge into.');
      return false;
    }
    const target = into;
    let changed = false;
    for (const ref of from.refs) {
      const intoId = target.refs.get(ref.uri.toString());
      const r = await store.update(ref.uri, `Merged ${from.name} into ${target.name}`, (s) =>
        intoId ? mergeEntities(s, ref.id, intoId) : renameEntity(s, ref.id, target.name),
      );
      changed = r !== undefined || changed;
    }
    return changed;
  };

  // ---- analysis and undo ---------------------------------------------------------------------

  const analyzeDocument = async (uriArg?: unknown): Promise<number | undefined> => {
    const uri = uriArg instanceof vscode.Uri ? uriArg : activeTarget()?.document.uri;
    if (!uri) return undefined;
    // The store writes the sidecar before it returns; undefined: failed, and the reason was shown.
    const s = await store.analyze(uri);
    if (!s) return undefined;
    const suggested = s.annotations.filter((a) => a.status === 'suggested').length;
    const where = vscode.workspace.asRelativePath(store.sidecarUriFor(uri), false);
    void vscode.window.showInformationMessage(`QuoteLens analysed ${baseName(uri.path)}: ${plural(suggested, 'suggestion')}, saved in ${where}.`);
    return suggested;
  };

  const analyzeWorkspace = async (): Promise<number> => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      void vscode.window.showInformationMessage('Open a folder to analyse its articles.');
      return 0;
    }
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'QuoteLens: analysing articles', cancellable: true }, async (progress, token) => {
      const uris: vscode.Uri[] = [];
      for (const folder of folders) {
        for (const glob of config.files(folder.uri)) {
          const exclude = config.exclude(folder.uri);
          const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude.length ? `{${exclude.join(',')}}` : undefined, MAX_TREE_DOCUMENTS);
          uris.push(...found.filter((u) => config.matchesFiles(u)));
        }
      }
      const unique = [...new Map(uris.map((u) => [u.toString(), u])).values()].slice(0, MAX_TREE_DOCUMENTS);
      let done = 0;
      let finished = 0;
      let lastSaved: vscode.Uri | undefined;
      const started = Date.now();
      // Side by side, one document per analysis worker thread.
      await forEachSideBySide(
        unique,
        analyzer.threads,
        async (uri) => {
          const saved = await store.analyze(uri);
          finished++;
          progress.report({ message: `${finished} of ${unique.length}: ${baseName(uri.path)}`, increment: 100 / unique.length });
          if (saved !== undefined) {
            done++;
            lastSaved = store.sidecarUriFor(uri);
          }
        },
        () => token.isCancellationRequested,
        (err, uri) => log.error(`Analysing ${uri.toString()} failed`, err),
      );
      log.info(`Analysed ${done} of ${unique.length} documents in the workspace in ${Date.now() - started} ms (${analyzer.threads} at a time)`);
      const where = lastSaved ? `, each saved in a sidecar file such as ${vscode.workspace.asRelativePath(lastSaved, false)}` : '';
      void vscode.window.showInformationMessage(`QuoteLens analysed ${plural(done, 'document')}${where}.`);
      return done;
    });
  };

  const undo = async (uriArg?: unknown): Promise<boolean> => {
    const uri = uriArg instanceof vscode.Uri ? uriArg : activeTarget()?.document.uri;
    if (!uri) return false;
    const done = await store.undo(uri);
    if (!done) void vscode.window.showInformationMessage('Nothing to undo in QuoteLens for this document.');
    return done;
  };

  // ---- context keys --------------------------------------------------------------------------

  const updateContext = (): void => {
    const editor = vscode.window.activeTextEditor;
    const active = editor !== undefined && config.isTarget(editor.document);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.activeDocument, active);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.canUndo, active && store.canUndo(editor.document.uri));
  };
  updateContext();

  const register = (id: string, fn: (...args: unknown[]) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } catch (err) {
        await log.fail(`QuoteLens: ${id} failed: ${err instanceof Error ? err.message : String(err)}`, err);
        return undefined;
      }
    });

  return vscode.Disposable.from(
    register(COMMANDS.tagQuote, tagQuote),
    register(COMMANDS.tagSpeaker, tagSpeaker),
    register(COMMANDS.tagFigure, tagFigure),
    register(COMMANDS.setSpeaker, setSpeaker),
    register(COMMANDS.accept, review('accepted')),
    register(COMMANDS.reject, review('rejected')),
    register(COMMANDS.acceptAll, acceptAllCmd),
    register(COMMANDS.removeAnnotation, remove),
    register(COMMANDS.nextAnnotation, navigate(1)),
    register(COMMANDS.previousAnnotation, navigate(-1)),
    register(COMMANDS.renameEntity, rename),
    register(COMMANDS.mergeEntities, merge),
    register(COMMANDS.analyzeDocument, analyzeDocument),
    register(COMMANDS.analyzeWorkspace, analyzeWorkspace),
    register(COMMANDS.undo, undo),
    register(COMMANDS.showLog, () => log.show()),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    store.onDidChange(updateContext),
  );
}
