/**
 * The sidecar file port over `vscode.workspace.fs` (async only), for `writeSidecarGuarded`. Paths
 * are URI strings, so the same port serves local, remote and virtual workspaces.
 * - temp files: `<sidecar>.tmp-<random>` beside the sidecar (the file watcher ignores them);
 * - lock: `<sidecar>.lock` holding `{pid, time}` — the CLI's convention — taken atomically by
 *   writing a temp file and renaming it onto the lock with `overwrite: false`; a lock whose owner
 *   is gone or that is older than LOCK_STALE_MS is broken by moving it aside first, so two writers
 *   breaking the same stale lock cannot remove a fresh one.
 */
import * as vscode from 'vscode';
import { SIDECAR_LOCK_SUFFIX, acquireLock, type LockFileOps, type SidecarFilePort } from '../../sidecar';
import { processAlive } from '../../platform/node';

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

function withSuffix(uri: vscode.Uri, suffix: string): vscode.Uri {
  return uri.with({ path: `${uri.path}${suffix}` });
}

function tempBeside(uri: vscode.Uri): vscode.Uri {
  return withSuffix(uri, `.tmp-${Math.random().toString(36).slice(2, 10) || 'x'}`);
}


export function workspaceFilePort(fs: vscode.FileSystem = vscode.workspace.fs): SidecarFilePort {
  const read = async (uri: vscode.Uri): Promise<string | undefined> => {
    try {
      return decoder.decode(await fs.readFile(uri));
    } catch (err) {
      if (isFileNotFound(err)) return undefined;
      throw err;
    }
  };
  const remove = async (uri: vscode.Uri): Promise<void> => {
    try {
      await fs.delete(uri);
    } catch (err) {
      if (!isFileNotFound(err)) throw err;
    }
  };

  /** Creates `target` holding `content` unless it exists (false then); never visible half-written. */
  const createComplete = async (target: vscode.Uri, content: string): Promise<boolean> => {
    const tmp = tempBeside(target);
    await fs.writeFile(tmp, encoder.encode(content));
    try {
      await fs.rename(tmp, target, { overwrite: false });
      return true;
    } catch (err) {
      // FileExists, or another error while the target exists: either way someone holds it.
      if ((await read(target).catch(() => undefined)) !== undefined) return false;
      throw err;
    } finally {
      await remove(tmp).catch(() => undefined);
    }
  };

  /** Breaks a stale lock whose text was `staleText`, unless it was replaced by a fresh one meanwhile. */
  const breakStaleLock = async (lock: vscode.Uri, staleText: string): Promise<void> => {
    const aside = tempBeside(lock);
    try {
      await fs.rename(lock, aside, { overwrite: false });
    } catch {
      return; // someone else broke it first
    }
    const moved = await read(aside).catch(() => undefined);
    if (moved !== staleText && moved !== undefined) await fs.rename(aside, lock, { overwrite: false }).then(undefined, () => undefined); // a fresh lock: put it back
    await remove(aside).catch(() => undefined);
  };

  const lock = (path: string): Promise<(() => Promise<void>) | undefined> => {
    const target = vscode.Uri.parse(path, true);
    const lockUri = withSuffix(target, SIDECAR_LOCK_SUFFIX);
    // Process ids only mean something for local files; elsewhere a lock goes stale by age.
    const ownerAlive = target.scheme === 'file' ? processAlive : () => true;
    const ops: LockFileOps = {
      create: (content) => createComplete(lockUri, content),
      read: () => read(lockUri),
      breakStale: (staleText) => breakStaleLock(lockUri, staleText),
      remove: () => remove(lockUri),
    };
    return acquireLock(ops, process.pid, ownerAlive);
  };

  return {
    read: (path) => read(vscode.Uri.parse(path, true)),
    writeTemp: async (path, content) => {
      const target = vscode.Uri.parse(path, true);
      // The folder placement keeps sidecars under .quotelens/, which may not exist yet.
      await fs.createDirectory(parentOf(target));
      const tmp = tempBeside(target);
      await fs.writeFile(tmp, encoder.encode(content));
      return tmp.toString();
    },
    rename: async (from, to) => {
      await fs.rename(vscode.Uri.parse(from, true), vscode.Uri.parse(to, true), { overwrite: true });
    },
    remove: (path) => remove(vscode.Uri.parse(path, true)),
    lock,
  };
}
