/**
 * Saving one sidecar file: the part of the extension's store that needs no `vscode`, so unit tests
 * run it over a fake file system. Files are reached through a small port (the extension implements
 * it over `workspace.fs`); paths are opaque strings to this module (the extension uses URIs).
 *
 * `saveSidecar(port, slot, mine)` writes `mine` through a temporary file and a rename, and first
 * checks that the file still holds `slot.base` (what the store last read or wrote), so a change
 * made on disk meanwhile (the CLI, another window, a person) is never overwritten.
 */
import { serializeSidecar } from '../../sidecar/serialize';
import type { Sidecar } from '../../sidecar/types';

export interface SidecarFilePort {
  /** The file's content; undefined when it does not exist (other failures throw). */
  read(path: string): Promise<string | undefined>;
  /** Writes `content` to a new temporary file beside `path` and returns the temporary file's path. */
  writeTemp(path: string, content: string): Promise<string>;
  /** Moves `from` over `to`, replacing it. */
  rename(from: string, to: string): Promise<void>;
  /** Deletes a file; a missing one is not an error. */
  remove(path: string): Promise<void>;
}

/** What the store keeps per sidecar file for saving. */
export interface SaveSlot {
  readonly path: string;
  /** The file content last read or written (undefined: there was no file). */
  base: string | undefined;
}

export type SaveOutcome =
  /** The file already held this content: nothing written. */
  | { kind: 'unchanged' }
  | { kind: 'written'; content: string }
  /** Not written: the file changed since it was read (message: one line). */
  | { kind: 'refused'; message: string }
  /** Not written: the file system failed. */
  | { kind: 'failed'; message: string; error: unknown };

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Writes `mine` to the slot's file when it differs from the base; updates the base when written. */
export async function saveSidecar(port: SidecarFilePort, slot: SaveSlot, mine: Sidecar): Promise<SaveOutcome> {
  const content = serializeSidecar(mine);
  if (content === slot.base) return { kind: 'unchanged' };
  let tmp: string | undefined;
  try {
    tmp = await port.writeTemp(slot.path, content);
    // Checked just before the rename: anything written since we read the file would be lost.
    const onDisk = await port.read(slot.path);
    if (onDisk !== slot.base) {
      return { kind: 'refused', message: `${slot.path} changed on disk since QuoteLens read it; not overwritten` };
    }
    await port.rename(tmp, slot.path);
    tmp = undefined;
    slot.base = content;
    return { kind: 'written', content };
  } catch (error) {
    return { kind: 'failed', message: describe(error), error };
  } finally {
    if (tmp !== undefined) await port.remove(tmp).catch(() => undefined);
  }
}
