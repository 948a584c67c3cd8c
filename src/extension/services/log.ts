/** The QuoteLens log channel and the one way failures are shown to people. */
import * as vscode from 'vscode';
import { OUTPUT_CHANNEL_NAME } from '../constants';

export interface Log extends vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
  /** Logs and shows `message` with a "Show Log" button that opens the channel. */
  fail(message: string, err?: unknown): Promise<void>;
  show(): void;
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.stack ?? err.message;
  return String(err);
}

export function createLog(): Log {
  const channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const log: Log = {
    channel,
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error: (message, err) => channel.error(err === undefined ? message : `${message}\n${describe(err)}`),
    fail: async (message, err) => {
      log.error(message, err);
      const choice = await vscode.window.showErrorMessage(message, 'Show Log');
      if (choice === 'Show Log') channel.show(true);
    },
    show: () => channel.show(true),
    dispose: () => channel.dispose(),
  };
  return log;
}
