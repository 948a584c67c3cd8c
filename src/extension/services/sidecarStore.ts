/**
 * The sidecar store: one cached Sidecar per document, loaded and saved through `workspace.fs`.
 * - loads `<doc>.annotations.json` (or the folder placement), re-anchoring when the document text
 *   no longer matches the stored hash; analyses documents without one (suggestions in memory only);
 * - applies every user edit as a pure sidecar operation, keeps an undo stack of previous values,
 *   and saves debounced and atomically (temp file + rename) through an injected file port, never
 *   over a file that changed since it was read (`model/sidecarSave.ts`); the Analyse commands
 *   save at once;
 * - shifts annotations while the document is typed in, at a cost that follows the edit: offsets
 *   move, the annotations an edit reaches get their text and context read again around them, and
 *   the document length and hash (a pass over the whole text) are brought up to date only when
 *   needed — before saving, before an operation, before comparing with the text (`settle`). Undo
 *   snapshots are moved through the typing when popped, not per keystroke (`model/undoStack.ts`);
 * - reloads sidecars changed outside (unless the change is its own write), and never writes to a
 *   sidecar that failed validation.
 */
import * as vscode from 'vscode';
import {
  articleSizeProblem,
  decodeDocument,
  documentInfo,
  emptySidecar,
  formatIssues,
  locateIssues,
  mergeSidecars,
  parseSidecar,
  reanchor,
  replayEdits,
  type LocatedIssue,
  type SidecarFilePort,
  type TextEdit,
} from '../../sidecar';
import type { Annotation, Sidecar } from '../../sidecar/types';
import { SAVE_DEBOUNCE_MS, ANALYSIS_DEBOUNCE_MS, TYPING_NOTICE_MS, UNDO_LIMIT } from '../constants';
import {
  documentPathInSidecar,
  documentPathOfSidecar,
  sidecarPathFor,
} from '../model/sidecarPath';
import { ArticleHashCache } from '../model/articleHashes';
import { DebouncedTask, systemClock, type Clock } from '../model/debouncedTask';
import { LiveSidecar } from '../model/liveSidecar';
import { saveSidecar, type SaveSlot } from '../model/sidecarSave';
import { SidecarJson } from '../model/sidecarJson';
import { baseName } from '../model/text';
import { UndoStack } from '../model/undoStack';
import type { AnalysisScheduler } from './analyzer';
import type { Config } from './config';
import { nodeHasher, type DocumentHasher } from './hasher';
import type { Log } from './log';
import { isFileNotFound, TEMP_FILE_PATTERN, workspaceFilePort } from './sidecarFiles';
import { bufferWindow } from './textWindow';

export interface StoreEntry extends SaveSlot {
  readonly docUri: vscode.Uri;
  readonly sidecarUri: vscode.Uri;
  /**
   * Current annotations (undefined: none yet, or the sidecar file is invalid and nothing valid was
   * loaded). While `invalid` is set, the last valid annotations read, shown read-only.
   * Reads and writes `live.value`: after typing, its `document` may be out of date (`settle`).
   */
  sidecar: Sidecar | undefined;
  /** The current sidecar, as typing moves it. */
  readonly live: LiveSidecar;
  /** Tells the readers (decorations, tree, status) about typing after a pause, not per keystroke. */
  readonly typingNotice: DebouncedTask;
  /** A sidecar file exists or will be written (the user changed something). */
  persisted: boolean;
  /** Set while the sidecar file fails validation: the first issue. No writes until it is fixed. */
  invalid: string | undefined;
  /** Every validation issue of the invalid file, placed in its text (empty while it is valid). */
  problems: readonly LocatedIssue[];
  /** Previous sidecars, with the change events typed since each (replayed when popped). */
  readonly undo: UndoStack<Sidecar, TextEdit[]>;
  /** Our recent writes: watcher events for any of them are echoes, not external changes. */
  readonly recentWrites: string[];
  /** The debounced save of this sidecar. */
  readonly saves: DebouncedTask<boolean>;
  /** Edits not written yet: a save is scheduled or running, or the last one failed. */
  dirty: boolean;
}

/** What the store does I/O and timing with (the real ones by default; tests pass fakes). */
export interface StoreDeps {
  readonly files?: SidecarFilePort;
  readonly clock?: Clock;
  readonly hasher?: DocumentHasher;
  /** The sidecars' JSON, printed once each (shared with the analysis, which prints in its worker). */
  readonly json?: SidecarJson;
  /** Article hashes known from earlier loads (persisted by the extension across reloads). */
  readonly hashes?: ArticleHashCache;
}

export type UpdateResult = Sidecar | { error: string };

/** Analyse Document runs again when the text changed during its analysis, at most this often. */
const MAX_ANALYSIS_ATTEMPTS = 5;

function changedWhileAnalysing(name: string): string {
  return `${name} changed while QuoteLens analysed it; run Analyse again.`;
}
export type SidecarOp = (sidecar: Sidecar, text: string) => UpdateResult;

/** Makes the entry read-only with these problems; the first one is the summary shown. */
function markInvalid(entry: StoreEntry, problems: readonly LocatedIssue[]): void {
  const first = problems[0];
  entry.invalid = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid sidecar';
  entry.problems = problems;
}

function markValid(entry: StoreEntry): void {
  entry.invalid = undefined;
  entry.problems = [];
}

export class SidecarStore implements vscode.Disposable {
  private readonly entries = new Map<string, StoreEntry>();
  private readonly bySidecar = new Map<string, string>();
  private readonly loading = new Map<string, Promise<StoreEntry>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document URI whenever its annotations change (load, edit, typing, reload). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private resetting: Promise<void> | undefined;
  /** Documents already told that they are too large to analyse. */
  private readonly toldTooLarge = new Set<string>();
  private readonly files: SidecarFilePort;
  private readonly clock: Clock;
  private readonly json: SidecarJson;
  /** Hashes document texts for the sidecars' document info (the sidecar layer does not hash). */
  readonly hasher: DocumentHasher;
  /**
   * The hashes of closed articles with their mtime and size when read: a sidecar is loaded
   * without reading or hashing its article when both are unchanged (`hashedArticle`).
   */
  readonly hashes: ArticleHashCache;
  /** Time spent handling change events of documents with annotations (for the test API). */
  readonly typing = new TypingStats();

  constructor(
    private readonly log: Log,
    private readonly config: Config,
    private readonly analyzer: AnalysisScheduler,
    deps: StoreDeps = {},
  ) {
    this.files = deps.files ?? workspaceFilePort();
    this.clock = deps.clock ?? systemClock;
    this.hasher = deps.hasher ?? nodeHasher;
    this.json = deps.json ?? new SidecarJson();
    this.hashes = deps.hashes ?? new ArticleHashCache();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.annotations.json');
    this.disposables.push(
      watcher,
      watcher.onDidChange((uri) => void this.onSidecarFileEvent(uri, 'change')),
      watcher.onDidCreate((uri) => void this.onSidecarFileEvent(uri, 'create')),
      watcher.onDidDelete((uri) => void this.onSidecarFileEvent(uri, 'delete')),
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e)),
      vscode.workspace.onDidOpenTextDocument((d) => this.track(d)),
      this.changed,
    );
  }

  // ---- queries -------------------------------------------------------------------------------

  entry(docUri: vscode.Uri): StoreEntry | undefined {
    return this.entries.get(docUri.toString());
  }

  get(docUri: vscode.Uri): Sidecar | undefined {
    return this.entry(docUri)?.sidecar;
  }

  all(): StoreEntry[] {
    return [...this.entries.values()];
  }

  canUndo(docUri: vscode.Uri): boolean {
    return (this.entry(docUri)?.undo.size ?? 0) > 0;
  }

  sidecarUriFor(docUri: vscode.Uri): vscode.Uri {
    return docUri.with({ path: sidecarPathFor(docUri.path, this.config.placement(docUri)) });
  }

  /** Starts loading the annotations of every open QuoteLens document. */
  trackOpenDocuments(): void {
    for (const d of vscode.workspace.textDocuments) this.track(d);
  }

  private track(document: vscode.TextDocument): void {
    if (!this.config.isTarget(document)) return;
    this.open(document).catch((err: unknown) => this.log.error(`Loading annotations of ${document.uri.toString()} failed`, err));
  }

  // ---- loading -------------------------------------------------------------------------------

  /** Loads (once) the annotations of an open document; re-anchors them when the text changed. */
  async open(document: vscode.TextDocument): Promise<StoreEntry> {
    const entry = await this.load(document.uri);
    if (!entry.sidecar && !entry.persisted && !entry.invalid && this.analysesInMemory(document.uri)) {
      // Loaded closed without suggestions (e.g. over the size limit, read only once it is open).
      const fresh = await this.suggestionsForCurrentText(entry);
      if (fresh && !entry.sidecar && !entry.persisted && !entry.invalid) {
        entry.sidecar = fresh.sidecar;
        this.changed.fire(document.uri);
      }
    }
    this.reanchorIfChanged(entry, document.getText());
    return entry;
  }

  /** Loads the annotations of a document, open or not. */
  load(docUri: vscode.Uri): Promise<StoreEntry> {
    const key = docUri.toString();
    const existing = this.entries.get(key);
    if (existing) return Promise.resolve(existing);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.loadEntry(docUri).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  /** Loads a sidecar found in the workspace (its document need not be open). */
  async loadSidecarFile(sidecarUri: vscode.Uri): Promise<StoreEntry | undefined> {
    const known = this.bySidecar.get(sidecarUri.toString());
    if (known) return this.entries.get(known);
    const content = await this.readSidecarText(sidecarUri);
    if (content === undefined) return undefined;
    const parsed = parseSidecar(content);
    const docPath = documentPathOfSidecar(sidecarUri.path, parsed.ok ? parsed.sidecar.document.path : undefined);
    const docUri = sidecarUri.with({ path: docPath });
    if (this.sidecarUriFor(docUri).toString() !== sidecarUri.toString()) return undefined; // not ours under the current placement
    return this.load(docUri);
  }

  private async loadEntry(docUri: vscode.Uri): Promise<StoreEntry> {
    const sidecarUri = this.sidecarUriFor(docUri);
    const live = new LiveSidecar();
    const entry: StoreEntry = {
      docUri,
      sidecarUri,
      path: sidecarUri.toString(),
      base: undefined,
      live,
      get sidecar() {
        return live.value;
      },
      set sidecar(sidecar: Sidecar | undefined) {
        live.value = sidecar;
      },
      typingNotice: new DebouncedTask(this.clock, TYPING_NOTICE_MS, () => Promise.resolve(this.changed.fire(docUri))),
      persisted: false,
      invalid: undefined,
      problems: [],
      undo: new UndoStack<Sidecar, TextEdit[]>(UNDO_LIMIT),
      recentWrites: [],
      dirty: false,
      saves: new DebouncedTask(this.clock, SAVE_DEBOUNCE_MS, () => this.write(entry)),
    };
    const content = await this.readSidecar(sidecarUri);
    if (content instanceof Error) {
      // Exists but unreadable: treat like an invalid file so it is never overwritten.
      entry.persisted = true;
      markInvalid(entry, [{ path: '$', message: `Could not be read (${content.message})`, start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]);
      this.log.error(`Could not read ${sidecarUri.toString()}; it is kept read-only`, content);
    } else if (content !== undefined) {
      entry.persisted = true;
      entry.base = content;
      this.applyFileContent(entry, content, undefined);
      await this.reanchorIfArticleChanged(entry);
    } else if (this.analysesInMemory(docUri) && (this.openDocument(docUri) || !(await this.tooLargeOnDisk(docUri)))) {
      entry.sidecar = (await this.suggestionsForCurrentText(entry))?.sidecar;
    }
    this.entries.set(docUri.toString(), entry);
    this.bySidecar.set(sidecarUri.toString(), docUri.toString());
    this.changed.fire(docUri);
    return entry;
  }

  private isOpenTarget(docUri: vscode.Uri): boolean {
    const doc = this.openDocument(docUri);
    return doc !== undefined && this.config.isTarget(doc);
  }

  /**
   * Suggestions for the document's text as it is when they arrive: while an open document's text
   * changes during the analysis (in the worker), it is analysed again (a closed file changed on
   * disk gets `refreshSuggestions`). `sidecar` is undefined when the text cannot be read; the
   * whole result is undefined when a newer analysis of the document superseded this one.
   */
  private async suggestionsForCurrentText(entry: StoreEntry): Promise<{ sidecar: Sidecar | undefined } | undefined> {
    for (;;) {
      const text = await this.textOf(entry.docUri);
      if (text === undefined) return { sidecar: undefined };
      const suggested = await this.suggestions(entry, text);
      if (!suggested) return undefined;
      if (!this.openDocument(entry.docUri) || (await this.textOf(entry.docUri)) === text) return { sidecar: suggested };
    }
  }

  /**
   * Whether a document without a sidecar file gets in-memory suggestions: every article matching
   * `quotelens.files` (open or not, so that what the workspace holds does not depend on which
   * editors are open) and any other open QuoteLens document, while `quotelens.autoAnalyze` is on.
   */
  private analysesInMemory(docUri: vscode.Uri): boolean {
    return this.config.autoAnalyze(docUri) && (this.config.matchesFiles(docUri) || this.isOpenTarget(docUri));
  }

  /** A closed article over the size limit is not even read (it has no suggestions anyway). */
  private async tooLargeOnDisk(docUri: vscode.Uri): Promise<boolean> {
    try {
      return articleSizeProblem((await vscode.workspace.fs.stat(docUri)).size) !== undefined;
    } catch {
      return false; // reading it says what is wrong
    }
  }

  /**
   * Analyses again a document that has only in-memory suggestions and is not open (its file
   * changed on disk); open documents follow their editor instead.
   */
  async refreshSuggestions(docUri: vscode.Uri): Promise<void> {
    const entry = this.entry(docUri);
    if (!entry || entry.persisted || entry.invalid || this.openDocument(docUri) || !this.analysesInMemory(docUri)) return;
    const fresh = (await this.tooLargeOnDisk(docUri)) ? { sidecar: undefined } : await this.suggestionsForCurrentText(entry);
    // Superseded by a newer analysis, tagged meanwhile (a file now) or opened: that one wins.
    if (!fresh || entry.persisted || entry.invalid || this.openDocument(docUri)) return;
    entry.sidecar = fresh.sidecar;
    this.changed.fire(docUri);
  }

  /**
   * In-memory suggestions for a document without a sidecar file, analysed in the worker. Undefined
   * when a newer request for the document superseded this one (that one brings its own result).
   */
  private async suggestions(entry: StoreEntry, text: string): Promise<Sidecar | undefined> {
    const docPath = documentPathInSidecar(entry.sidecarUri.path, entry.docUri.path);
    const tooLarge = this.analyzer.sizeProblem(text);
    if (tooLarge) {
      // Said once per document, not after every pause in typing, and only for a document in an
      // editor (not for every large file the workspace holds).
      const key = entry.docUri.toString();
      if (this.openDocument(entry.docUri) && !this.toldTooLarge.has(key)) {
        this.toldTooLarge.add(key);
        void vscode.window.showInformationMessage(`${baseName(entry.docUri.path)}: ${tooLarge}; QuoteLens shows no suggestions for it.`);
      }
      return emptySidecar(docPath, text, this.hasher.sha256(text));
    }
    const outcome = await this.analyzer.analyze(text, entry.sidecar?.entities ?? [], baseName(entry.docUri.path), {
      docPath,
      supersedeKey: entry.docUri.toString(),
    });
    if (outcome.ok) return outcome.result.sidecar;
    return outcome.reason === 'superseded' ? undefined : emptySidecar(docPath, text, this.hasher.sha256(text));
  }

  /** Validates file content into the entry; reports and protects an invalid file. */
  private applyFileContent(entry: StoreEntry, content: string, text: string | undefined): void {
    const parsed = parseSidecar(content);
    const name = baseName(entry.sidecarUri.path);
    if (!parsed.ok) {
      // The annotations already in the entry (the last valid ones) stay, shown read-only.
      markInvalid(entry, locateIssues(content, parsed.issues));
      this.log.error(`Invalid sidecar, kept read-only until fixed:\n${formatIssues(entry.sidecarUri.fsPath || name, parsed.issues)}`);
      void vscode.window.showErrorMessage(`${name}: ${entry.invalid}`, 'Open Sidecar', 'Show Log').then((choice) => {
        if (choice === 'Open Sidecar') void vscode.window.showTextDocument(entry.sidecarUri);
        else if (choice === 'Show Log') this.log.show();
      });
      return;
    }
    markValid(entry);
    entry.sidecar = parsed.sidecar;
    if (text !== undefined) this.reanchorIfChanged(entry, text);
  }

  /**
   * `reanchorIfChanged` against the document's text as it is now, on disk or in an editor. A closed
   * article whose mtime and size are the ones recorded with the sidecar's hash is not read at all.
   */
  private async reanchorIfArticleChanged(entry: StoreEntry): Promise<void> {
    const expected = entry.invalid ? undefined : entry.sidecar?.document.sha256;
    if (expected === undefined) return;
    if (this.openDocument(entry.docUri)) {
      const text = await this.textOf(entry.docUri);
      if (text !== undefined) this.reanchorIfChanged(entry, text);
      return;
    }
    const article = await this.hashedArticle(entry.docUri, expected);
    if (article !== 'unchanged' && article !== undefined) this.reanchorIfChanged(entry, article.text, article.sha256);
  }

  /**
   * A closed article's text and hash, or 'unchanged' when the hash cache has `expected` for its
   * current mtime and size (then it is neither read nor hashed); undefined when it cannot be read.
   * The stamp is taken before the read, so a write during the read leaves a stale stamp (a miss
   * next time), never a wrong hash for the new content.
   */
  private async hashedArticle(docUri: vscode.Uri, expected: string): Promise<{ text: string; sha256: string } | 'unchanged' | undefined> {
    const key = docUri.toString();
    let stamp: { mtime: number; size: number } | undefined;
    try {
      const stat = await vscode.workspace.fs.stat(docUri);
      stamp = { mtime: stat.mtime, size: stat.size };
    } catch {
      stamp = undefined; // reading it says what is wrong
    }
    if (stamp && this.hashes.known(key, stamp) === expected) return 'unchanged';
    const text = await this.textOf(docUri);
    if (text === undefined) return undefined;
    const sha256 = this.hasher.sha256(text);
    // An editor opened meanwhile gave its buffer, which need not be what the file holds.
    if (stamp && !this.openDocument(docUri)) this.hashes.record(key, stamp, sha256);
    return { text, sha256 };
  }

  /**
   * When the text differs from the one the sidecar was written for, re-anchor (orphans are kept).
   * `knownSha256`: the text's hash when the caller has it already.
   */
  private reanchorIfChanged(entry: StoreEntry, text: string, knownSha256?: string): void {
    const s = this.settle(entry);
    if (!s || entry.invalid) return;
    const sha256 = knownSha256 ?? this.hasher.sha256(text);
    if (s.document.length === text.length && s.document.sha256 === sha256) return;
    const annotations = reanchor(text, s.annotations);
    const orphaned = annotations.filter((a) => a.orphaned).length;
    entry.sidecar = { ...s, document: documentInfo(s.document.path, text, sha256), annotations };
    entry.undo.clear();
    this.log.info(`Re-anchored ${annotations.length} annotations of ${baseName(entry.docUri.path)} (${orphaned} orphaned): the text changed outside QuoteLens`);
    if (entry.persisted) this.scheduleSave(entry);
    this.changed.fire(entry.docUri);
  }

  // ---- edits ---------------------------------------------------------------------------------

  /**
   * The entry and text of a document about to be changed: loaded, re-anchored to the current text.
   * Undefined (after telling the user) when its sidecar is invalid or the document cannot be read.
   */
  private async editable(docUri: vscode.Uri): Promise<{ entry: StoreEntry; text: string } | undefined> {
    const entry = await this.load(docUri);
    if (entry.invalid) {
      this.warnReadOnly(entry);
      return undefined;
    }
    const text = await this.textOf(docUri);
    if (text === undefined) {
      await this.log.fail(`QuoteLens could not read ${baseName(docUri.path)}.`);
      return undefined;
    }
    this.reanchorIfChanged(entry, text);
    return { entry, text };
  }

  /**
   * Applies a sidecar operation to a document's annotations: undoable, saved (debounced).
   * Returns the new sidecar, or undefined when the operation failed (the reason was shown).
   * With `saveNow`, the sidecar file is written before this returns, even when the operation
   * changed nothing (in-memory suggestions become a file); undefined then also means the write
   * failed or was refused (shown too).
   */
  async update(docUri: vscode.Uri, label: string, op: SidecarOp, options: { saveNow?: boolean } = {}): Promise<Sidecar | undefined> {
    const editable = await this.editable(docUri);
    if (!editable) return undefined;
    const { entry, text } = editable;
    const before = entry.sidecar ?? emptySidecar(documentPathInSidecar(entry.sidecarUri.path, docUri.path), text, this.hasher.sha256(text));
    const result = op(before, text);
    if ('error' in result) {
      void vscode.window.showWarningMessage(result.error);
      return undefined;
    }
    const unchanged = this.json.of(result) === this.json.of(before);
    if (unchanged && !options.saveNow) return result;
    if (!unchanged) {
      entry.undo.push(before);
      entry.sidecar = result;
      this.log.info(`${label} (${baseName(docUri.path)})`);
    }
    entry.sidecar ??= result;
    entry.persisted = true;
    if (!unchanged) this.changed.fire(docUri);
    if (!options.saveNow) {
      this.scheduleSave(entry);
      return result;
    }
    return (await this.saveNow(entry)) ? entry.sidecar : undefined;
  }

  /** Restores the annotations as they were before the last QuoteLens edit of the document. */
  async undo(docUri: vscode.Uri): Promise<boolean> {
    const entry = await this.load(docUri);
    if (entry.undo.size === 0) return false;
    if (entry.invalid) {
      this.warnReadOnly(entry);
      return false;
    }
    // The text the annotations follow now: read at once when the document is open, so that no
    // typing slips in between it and the events popped with the undo step.
    const open = this.openDocument(docUri);
    const closedText = open ? undefined : await this.textOf(docUri);
    const undone = entry.undo.pop();
    if (!undone) return false;
    const previous = undone.value;
    const text = open ? open.getText() : closedText;
    if (undone.since.length > 0 && text !== undefined) {
      // Typed in since: the old annotations are moved through that typing now.
      entry.live.setFollowing({ ...previous, annotations: replayEdits(previous.annotations, undone.since, text) }, open ? () => open.getText() : () => text);
    } else {
      entry.sidecar = previous;
    }
    this.log.info(`Undid the last QuoteLens edit (${baseName(docUri.path)})`);
    this.scheduleSave(entry);
    this.changed.fire(docUri);
    return true;
  }

  /**
   * Re-runs the analysis, keeping manual and reviewed annotations, and writes the sidecar file
   * before returning (also when the analysis found what was already shown in memory).
   */
  async analyze(docUri: vscode.Uri): Promise<Sidecar | undefined> {
    const name = baseName(docUri.path);
    for (let attempt = 1; attempt <= MAX_ANALYSIS_ATTEMPTS; attempt++) {
      const editable = await this.editable(docUri);
      if (!editable) return undefined;
      const { entry, text } = editable;
      const before = entry.sidecar;
      const onlySuggestions = !entry.persisted;
      const docPath = before?.document.path ?? documentPathInSidecar(entry.sidecarUri.path, docUri.path);
      const outcome = await this.analyzer.analyze(text, before?.entities ?? [], name, { docPath, ...(before ? { previous: before } : {}) });
      if (!outcome.ok) {
        const problem = outcome.reason === 'too large' ? `${name}: ${outcome.message}; QuoteLens does not analyse it.` : `Analysis of ${name} failed; see the QuoteLens log.`;
        void vscode.window.showWarningMessage(problem);
        return undefined;
      }
      // Applied only to the text and annotations it was made from; after typing or an edit
      // during the analysis, the document is analysed again. In-memory suggestions refreshed
      // meanwhile (the file watcher saw the article written) hold no reviewed work: this result,
      // made from the same text, replaces them.
      const unchangedWork = (): boolean => {
        const now = this.entry(docUri);
        return now?.sidecar === before || (onlySuggestions && now !== undefined && !now.persisted);
      };
      const analysed = (current: string): boolean => current === text && unchangedWork();
      if (!analysed((await this.textOf(docUri)) ?? '')) continue;
      const op: SidecarOp = (_s, current) => (analysed(current) ? outcome.result.sidecar : { error: changedWhileAnalysing(name) });
      return this.update(docUri, 'Analysed document', op, { saveNow: true });
    }
    void vscode.window.showWarningMessage(changedWhileAnalysing(name));
    return undefined;
  }

  private warnReadOnly(entry: StoreEntry): void {
    const name = baseName(entry.sidecarUri.path);
    void vscode.window
      .showWarningMessage(`${name} is not valid (${entry.invalid ?? 'see the log'}); QuoteLens will not change it until it is fixed.`, 'Open Sidecar')
      .then((choice) => {
        if (choice === 'Open Sidecar') void vscode.window.showTextDocument(entry.sidecarUri);
      });
  }

  // ---- typing --------------------------------------------------------------------------------

  private onDocumentChanged(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const entry = this.entry(e.document.uri);
    // An invalid file's last valid annotations shift too, in memory only (nothing is saved while
    // it is invalid), so their highlights stay on their text.
    if (!entry?.live.loaded) return;
    const started = performance.now();
    const document = e.document;
    const edits: TextEdit[] = e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newText: c.text }));
    // Offsets only, plus the text around what the edit reached; the document is read in full only
    // when a whole annotation was deleted (its text may be found elsewhere: a cut and paste).
    const orphanedIds = entry.live.type(edits, bufferWindow(document), () => document.getText());
    if (orphanedIds.length > 0) {
      const newlyOrphaned = new Set(orphanedIds);
      const annotations = entry.sidecar?.annotations ?? [];
      const restored = this.restoreOrphans(document.getText(), annotations, (a) => newlyOrphaned.has(a.id));
      if (restored !== annotations) entry.live.replaceAnnotations(restored);
    }
    entry.undo.record(edits);
    if (entry.persisted) {
      this.scheduleSave(entry);
      if (entry.live.hasOrphans) {
        // Text deleted and typed back (or undone in the editor): try the older orphans after a pause.
        this.analyzer.schedule(`orphans:${e.document.uri.toString()}`, ANALYSIS_DEBOUNCE_MS, () => {
          const current = this.entry(e.document.uri);
          if (!current?.sidecar || current.invalid) return;
          const restored = this.restoreOrphans(e.document.getText(), current.sidecar.annotations, () => true);
          if (restored.every((a, i) => a === current.sidecar!.annotations[i])) return;
          current.live.replaceAnnotations(restored);
          this.scheduleSave(current);
          this.changed.fire(current.docUri);
        });
      }
    } else if (this.config.autoAnalyze(e.document.uri)) {
      // Only suggestions so far: re-analyse after a pause instead of shifting stale findings.
      this.analyzer.schedule(e.document.uri.toString(), ANALYSIS_DEBOUNCE_MS, async () => {
        const current = this.entry(e.document.uri);
        if (!current || current.persisted || current.invalid) return;
        const text = e.document.getText();
        const suggested = await this.suggestions(current, text);
        // Typed on meanwhile: the next pause brings its own analysis. Tagged meanwhile: a file now.
        if (!suggested || e.document.getText() !== text || current.persisted || current.invalid) return;
        current.sidecar = suggested;
        this.changed.fire(current.docUri);
      });
    }
    this.typing.add(performance.now() - started);
    entry.typingNotice.schedule();
  }

  /**
   * Brings the entry's document length and hash up to date after typing, from the text its
   * annotations follow; the annotations themselves are up to date already. Run before saving,
   * before an operation and before comparing the hash with a text; readers of offsets and
   * annotation text need not call it. The one place where typing costs a pass over the document.
   */
  settle(entry: StoreEntry): Sidecar | undefined {
    return entry.live.settle((text) => this.hasher.sha256(text));
  }

  /**
   * Re-anchors orphaned annotations picked by `which` (e.g. a reload from disk that replaced whole
   * lines, which `applyEdits` sees as deleting them); the others are returned as they are.
   */
  private restoreOrphans(text: string, annotations: Annotation[], which: (a: Annotation) => boolean): Annotation[] {
    const candidates = annotations.filter((a) => a.orphaned && which(a));
    if (candidates.length === 0) return annotations;
    const found = new Map(reanchor(text, candidates).filter((a) => !a.orphaned).map((a) => [a.id, a]));
    return found.size === 0 ? annotations : annotations.map((a) => found.get(a.id) ?? a);
  }

  // ---- saving --------------------------------------------------------------------------------

  private scheduleSave(entry: StoreEntry): void {
    if (entry.invalid) return;
    entry.dirty = true;
    entry.saves.schedule();
  }

  /** Writes the entry now (after a write in flight); false when it could not be written (shown). */
  private async saveNow(entry: StoreEntry): Promise<boolean> {
    return (await entry.saves.runNow()) === true;
  }

  /**
   * Writes the entry's sidecar unless it is invalid or not persisted; false when that failed (shown).
   * A file changed on disk since the store read it is merged with the annotations in memory (the
   * merge becomes the annotations); one that became invalid is left alone.
   */
  private async write(entry: StoreEntry): Promise<boolean> {
    const s = this.settle(entry);
    if (!s || entry.invalid || !entry.persisted) return !entry.invalid;
    const name = baseName(entry.sidecarUri.path);
    // Cleared first: an edit made while this write runs sets it again.
    entry.dirty = false;
    const text = await this.textOf(entry.docUri);
    const outcome = await saveSidecar(this.files, entry, s, text === undefined ? undefined : { text, sha256: this.hasher.sha256(text) }, this.json.of(s));
    switch (outcome.kind) {
      case 'unchanged':
        return true;
      case 'written':
        this.rememberWrite(entry, outcome.content);
        return true;
      case 'merged':
        this.rememberWrite(entry, outcome.content);
        this.adoptMerge(entry, s, outcome.sidecar, outcome.conflicts, `${name} had changed on disk since QuoteLens read it: merged with your edits and saved`);
        return true;
      case 'failed':
        entry.dirty = true;
        // Not awaited: the message stays up until dismissed, and saving must not wait for it.
        void this.log.fail(`QuoteLens did not save ${name}: ${outcome.message.replace(entry.path, name)}. Your annotations are kept in memory.`);
        return false;
    }
  }

  private rememberWrite(entry: StoreEntry, content: string): void {
    entry.recentWrites.push(content);
    if (entry.recentWrites.length > 20) entry.recentWrites.shift();
  }

  /**
   * Makes a merge with the file the annotations in memory. Edits made while it was being written
   * (`entry.sidecar` no longer `mine`) are merged in too, and saved next.
   */
  private adoptMerge(entry: StoreEntry, mine: Sidecar, merged: Sidecar, conflicts: readonly string[], message: string): void {
    if (entry.sidecar === mine) {
      entry.sidecar = merged;
    } else {
      // Typed or edited while it was written: its document hash is compared in the merge.
      const current = this.settle(entry);
      if (current) {
        entry.sidecar = mergeSidecars(mine, current, merged).sidecar;
        this.scheduleSave(entry);
      }
    }
    // Undo steps were taken before the outside change; undoing past the merge would drop it.
    entry.undo.clear();
    this.log.info(message);
    for (const c of conflicts) this.log.warn(`${baseName(entry.sidecarUri.path)}: ${c}`);
    this.changed.fire(entry.docUri);
  }

  /** Writes every pending change now and waits for all writes to finish. */
  async flush(): Promise<void> {
    if (this.resetting) await this.resetting;
    await this.flushWrites();
  }

  private async flushWrites(): Promise<void> {
    await Promise.all([...this.loading.values()].map((p) => p.catch(() => undefined)));
    await Promise.all([...this.entries.values()].map((entry) => Promise.all([entry.typingNotice.flush(), entry.saves.flush()])));
  }

  // ---- external changes ----------------------------------------------------------------------

  private async onSidecarFileEvent(uri: vscode.Uri, kind: 'change' | 'create' | 'delete'): Promise<void> {
    if (TEMP_FILE_PATTERN.test(uri.path)) return;
    const key = this.bySidecar.get(uri.toString());
    const entry = key ? this.entries.get(key) : undefined;
    try {
      if (!entry) {
        if (kind !== 'delete') await this.loadSidecarFile(uri);
        return;
      }
      // Let our own writes settle first: an atomic rename can be reported as delete + create.
      while (entry.saves.busy) await entry.saves.busy;
      if (kind === 'delete') {
        if ((await this.readSidecar(uri)) !== undefined) return this.onSidecarFileEvent(uri, 'change'); // still there
        entry.base = undefined;
        if (entry.dirty) {
          // Unsaved edits: write the file again rather than drop them.
          this.scheduleSave(entry);
          return;
        }
        entry.persisted = false;
        markValid(entry);
        entry.undo.clear();
        // Until the suggestions arrive the last annotations stay shown; a tag made meanwhile
        // (a file again) or a newer analysis after typing (superseding this one) wins.
        const fresh = this.analysesInMemory(entry.docUri) ? await this.suggestionsForCurrentText(entry) : { sidecar: undefined };
        if (fresh && !entry.persisted) entry.sidecar = fresh.sidecar;
        this.log.info(`${baseName(uri.path)} was deleted`);
        this.changed.fire(entry.docUri);
        return;
      }
      // An echo of one of our own writes is not a change.
      const content = await this.readSidecarText(uri);
      if (content === undefined || content === entry.base || entry.recentWrites.includes(content)) return;
      const text = await this.textOf(entry.docUri);
      // A save started meanwhile merges the change itself; look again after it (`content` may be stale).
      if (entry.saves.busy) return this.onSidecarFileEvent(uri, kind);
      if (this.hasUnsavedEdits(entry) && this.mergeFromDisk(entry, content, text)) return;
      entry.saves.cancel();
      entry.base = content;
      entry.persisted = true;
      entry.undo.clear();
      this.log.info(`${baseName(uri.path)} changed outside QuoteLens: reloaded`);
      this.applyFileContent(entry, content, text);
      this.changed.fire(entry.docUri);
    } catch (err) {
      this.log.error(`Reloading ${uri.toString()} failed`, err);
    }
  }

  /** Edits in memory that are not on disk yet (a save is pending, or the last one failed). */
  private hasUnsavedEdits(entry: StoreEntry): boolean {
    return entry.persisted && entry.sidecar !== undefined && entry.dirty;
  }

  /**
   * A valid file changed outside while edits are unsaved: merges it with them (three-way, against
   * what the store last read or wrote) and saves the merge. False when the file is invalid (the
   * caller reports it and keeps the annotations in memory).
   */
  private mergeFromDisk(entry: StoreEntry, content: string, text: string | undefined): boolean {
    const theirs = parseSidecar(content);
    const mine = this.settle(entry);
    if (!theirs.ok || !mine) return false;
    const parsedBase = entry.base === undefined ? undefined : parseSidecar(entry.base);
    const base = parsedBase?.ok ? parsedBase.sidecar : undefined;
    const merge = mergeSidecars(base, mine, theirs.sidecar, { documentText: text, documentHash: text === undefined ? undefined : this.hasher.sha256(text) });
    entry.saves.cancel();
    entry.base = content;
    markValid(entry);
    this.adoptMerge(entry, mine, merge.sidecar, merge.conflicts, `${baseName(entry.sidecarUri.path)} changed outside QuoteLens while you had unsaved edits: merged`);
    entry.dirty = false;
    if (text !== undefined) this.reanchorIfChanged(entry, text);
    if (entry.sidecar && this.json.of(entry.sidecar) !== content) this.scheduleSave(entry);
    return true;
  }

  /** Forgets everything (e.g. after the sidecar placement setting changed); open documents reload. */
  reset(): Promise<void> {
    const run = async (): Promise<void> => {
      await this.flushWrites();
      const uris = [...this.entries.values()].map((e) => e.docUri);
      this.entries.clear();
      this.bySidecar.clear();
      for (const uri of uris) this.changed.fire(uri);
      const opening = vscode.workspace.textDocuments.filter((d) => this.config.isTarget(d)).map((d) => this.open(d));
      await Promise.all(opening);
    };
    const next = (this.resetting ?? Promise.resolve()).then(run);
    this.resetting = next;
    return next.finally(() => {
      if (this.resetting === next) this.resetting = undefined;
    });
  }

  // ---- I/O helpers ---------------------------------------------------------------------------

  private openDocument(docUri: vscode.Uri): vscode.TextDocument | undefined {
    const key = docUri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  /** The document's current text: the editor buffer when open, else the file (BOM dropped). */
  async textOf(docUri: vscode.Uri): Promise<string | undefined> {
    const doc = this.openDocument(docUri);
    if (doc) return doc.getText();
    // Read as the CLI reads it: UTF-8, or UTF-16 with a byte order mark (the mark dropped).
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(docUri);
    } catch (err) {
      if (!isFileNotFound(err)) this.log.warn(`Could not read ${docUri.toString()}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    const decoded = decodeDocument(bytes);
    if (!decoded.ok) {
      this.log.warn(`Could not read ${docUri.toString()}: ${decoded.problem}`);
      return undefined;
    }
    return decoded.text;
  }

  /** Sidecar file content (through the file port); undefined when it does not exist; the error when it exists but cannot be read. */
  private async readSidecar(uri: vscode.Uri): Promise<string | undefined | Error> {
    try {
      return await this.files.read(uri.toString());
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }

  private async readSidecarText(uri: vscode.Uri): Promise<string | undefined> {
    const raw = await this.readSidecar(uri);
    if (raw instanceof Error) {
      this.log.warn(`Could not read ${uri.toString()}: ${raw.message}`);
      return undefined;
    }
    return raw;
  }

  dispose(): void {
    // Pending saves are started now rather than dropped (the host gives them a moment to finish).
    for (const entry of this.entries.values()) {
      if (entry.saves.scheduled) void entry.saves.runNow();
      entry.typingNotice.cancel();
    }
    for (const d of this.disposables) d.dispose();
  }
}

/** How long the store's handler of document changes took, per change event (kept for the last 5,000). */
export class TypingStats {
  private readonly durations: number[] = [];
  private count = 0;

  add(ms: number): void {
    this.count++;
    this.durations.push(ms);
    if (this.durations.length > 5000) this.durations.shift();
  }

  /** Events handled so far, and the durations (ms) of the last ones, oldest first. */
  snapshot(): { events: number; durationsMs: number[] } {
    return { events: this.count, durationsMs: [...this.durations] };
  }
}
