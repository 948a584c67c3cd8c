/** The services every feature receives (created once in `extension.ts`). */
import type * as vscode from 'vscode';
import type { AnalysisScheduler } from './analyzer';
import type { Config } from './config';
import type { Log } from './log';
import type { SidecarStore } from './sidecarStore';

export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: Log;
  readonly config: Config;
  readonly analyzer: AnalysisScheduler;
  readonly store: SidecarStore;
}
