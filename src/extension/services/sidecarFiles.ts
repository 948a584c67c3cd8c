/**
 * The sidecar file port over `vscode.workspace.fs` (async only). Paths are URI strings, so the
 * same port serves local, remote and virtual workspaces.
 */
import * as vscode from 'vscode';
import type { SidecarFilePort } from '../model/sidecarSave';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export function isFileNotFound(err: unknown): boolean {
  return err instanceof vscode.FileSystemError && (err.code === 'FileNotFound' || err.code === 'EntryNotFound');
}

/** Temporary files end in `.tmp-` and a random suffix; the file watcher ignores them. */
export const TEMP_FILE_PATTERN = /\.tmp-[a-z0-9]+$/;

function parentOf(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: uri.path.replace(/\/[^/]*$/, '') || '/' });
}

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 10) || 'x';
}

export function workspaceFilePort(fs: vscode.FileSystem = vscode.workspace.fs): SidecarFilePort {
  return {
    read: async (path) => {
      try {
        return decoder.decode(await fs.readFile(vscode.Uri.parse(path, true)));
      } catch (err) {
        if (isFileNotFound(err)) return undefined;
        throw err;
      }
    },
    writeTemp: async (path, content) => {
      const target = vscode.Uri.parse(path, true);
      // The folder placement keeps sidecars under .quotelens/, which may not exist yet.
      await fs.createDirectory(parentOf(target));
      const tmp = target.with({ path: `${target.path}.tmp-${randomSuffix()}` });
      await fs.writeFile(tmp, encoder.encode(content));
      return tmp.toString();
    },
    rename: async (from, to) => {
      await fs.rename(vscode.Uri.parse(from, true), vscode.Uri.parse(to, true), { overwrite: true });
    },
    remove: async (path) => {
      try {
        await fs.delete(vscode.Uri.parse(path, true));
      } catch (err) {
        if (!isFileNotFound(err)) throw err;
      }
    },
  };
}
