/**
 * QuoteLens extension entry: wiring only. Creates the services, registers each feature (one
 * Disposable each) and returns a small API that the integration tests use.
 */
import * as vscode from 'vscode';
import type { Sidecar } from '../sidecar/types';
import { SETTINGS, STATE_ARTICLE_HASHES } from './constants';
import { registerDecorations } from './features/decorations';
import { registerEntityTree, type EntityTreeFeature } from './features/entityTree';
import { registerExport } from './features/export';
import { registerHover } from './features/hover';
import { registerReview } from './features/review';
import { registerSidecarProblems } from './features/sidecarProblems';
import { registerSpeakerView, type SpeakerViewFeature } from './features/speakerView';
import { registerTagging } from './features/tagging';
import type { RanIn } from './model/analysisProtocol';
import { ArticleHashCache } from './model/articleHashes';
import type { DecorationPlan } from './model/decorationPlan';
import { SidecarJson } from './model/sidecarJson';
import type { Services } from './services';
import { AnalysisScheduler } from './services/analyzer';
import { Config } from './services/config';
import { LagMonitor, type LagFigures } from './services/lagMonitor';
import { createLog } from './services/log';
import { SidecarStore } from './services/sidecarStore';

/** Returned by `activate` (always: it is harmless, and the integration tests need it). */
export interface QuoteLensApi {
  /** The decoration plan last applied to an editor showing `uri` (after pending updates). */
  decorationPlan(uri: vscode.Uri): DecorationPlan | undefined;
  store: {
    /** Current annotations of a document (loading them if needed), document length and hash up to date. */
    sidecar(uri: vscode.Uri): Promise<Sidecar | undefined>;
    /** The first validation issue when the document's sidecar file is invalid (read-only). */
    problem(uri: vscode.Uri): string | undefined;
    sidecarUri(uri: vscode.Uri): vscode.Uri;
    /** Change events handled for documents with annotations, and how long each took (ms). */
    typing(): { events: number; durationsMs: number[] };
    /** What the article file watcher does when a closed article without a sidecar changed on disk. */
    refreshSuggestions(uri: vscode.Uri): Promise<void>;
    /** Forgets every loaded sidecar, as a window reload does, keeping the article hash cache (as the workspace state keeps it). */
    reset(): Promise<void>;
  };
  tree: Pick<EntityTreeFeature, 'roots' | 'children' | 'refresh' | 'getTreeItem' | 'viewText'>;
  /** The "Quotes of <Name>" panels. */
  speakerView: Pick<SpeakerViewFeature, 'panels' | 'receive' | 'flush'>;
  analysis: {
    /** Where the last finished analysis job ran: 'worker', or 'extension host' (the fallback). */
    lastRanIn(): RanIn | undefined;
    /** Analysis jobs waiting or running. */
    pending(): number;
    /** Analysis worker threads started so far (a superseded long job restarts it). */
    workerStarts(): number;
    /** Documents analysed side by side at most (analysis worker threads). */
    threads(): number;
    /** Analysis worker threads running now. */
    workersRunning(): number;
  };
  /** Measures how long the extension host thread is blocked (longest gap between 10 ms ticks). */
  hostLag: { start(): void; stop(): LagFigures };
  /** The review progress status bar item's text while shown, undefined while hidden. */
  reviewStatus(): string | undefined;
  /** Waits for pending loads and sidecar writes, and applies pending decoration updates. */
  flush(): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): QuoteLensApi {
  const log = createLog();
  const config = new Config();
  // The sidecars' JSON, printed once each: by the analysis worker for the sidecars it builds.
  const json = new SidecarJson();
  const analyzer = new AnalysisScheduler(log, vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.js').fsPath, json);
  const lag = new LagMonitor();
  // A window reload starts with the article hashes of the last session (saved after discovery).
  const hashes = ArticleHashCache.from(context.workspaceState.get(STATE_ARTICLE_HASHES));
  const store = new SidecarStore(log, config, analyzer, { json, hashes });
  const services: Services = { context, log, config, analyzer, store };
  context.subscriptions.push(log, config, analyzer, store, lag);

  const decorations = registerDecorations(services);
  const tree = registerEntityTree(services);
  const review = registerReview(services);
  context.subscriptions.push(review);
  context.subscriptions.push(decorations, tree, registerTagging(services), registerHover(services), registerExport(services));
  const speakerView = registerSpeakerView(services, tree);
  context.subscriptions.push(speakerView);
  context.subscriptions.push(registerSidecarProblems(services));
  context.subscriptions.push(
    config.onDidChange((e) => {
      if (e.affectsConfiguration(SETTINGS.sidecarLocation) || e.affectsConfiguration(SETTINGS.sidecarFolder)) {
        store.reset().catch((err: unknown) => log.error('Reloading after a sidecar location change failed', err));
      }
    }),
  );
  store.trackOpenDocuments();
  log.info('QuoteLens activated');

  return {
    decorationPlan: (uri) => decorations.appliedPlan(uri),
    store: {
      sidecar: async (uri) => store.settle(await store.load(uri)),
      problem: (uri) => store.entry(uri)?.invalid,
      sidecarUri: (uri) => store.sidecarUriFor(uri),
      typing: () => store.typing.snapshot(),
      refreshSuggestions: (uri) => store.refreshSuggestions(uri),
      reset: () => store.reset(),
    },
    tree,
    speakerView,
    analysis: { lastRanIn: () => analyzer.lastRanIn, pending: () => analyzer.pending, workerStarts: () => analyzer.workerStarts, threads: () => analyzer.threads, workersRunning: () => analyzer.workersRunning },
    hostLag: { start: () => lag.start(), stop: () => lag.stop() },
    reviewStatus: () => review.statusText(),
    flush: async () => {
      await store.flush();
      await decorations.flush();
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions (pending sidecar saves are started then).
}
