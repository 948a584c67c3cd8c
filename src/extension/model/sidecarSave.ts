/**
 * Saving one sidecar file: the part of the extension's store that needs no `vscode`, so unit tests
 * run it over a fake file system. Files are reached through the sidecar layer's `SidecarFilePort`
 * (the extension implements it over `workspace.fs`); paths are opaque strings here (URIs there).
 *
 * `saveSidecar(port, slot, mine)` writes `mine` with `writeSidecarGuarded`: a temporary file, then
 * (under the lock) a re-read that compares the file with `slot.base` — what the store last read or
 * wrote — and a rename. A file changed meanwhile (the CLI, another window, a person) is merged
 * with `mine`, never overwritten; an invalid one is left alone.
 */
import { writeSidecarGuarded, type SidecarFilePort } from '../../sidecar/guardedWrite';
import { parseSidecar } from '../../sidecar/schema';
import { serializeSidecar } from '../../sidecar/serialize';
import type { Sidecar } from '../../sidecar/types';

/** What the store keeps per sidecar file for saving. */
export interface SaveSlot {
  readonly path: string;
  /** The file content last read or written (undefined: there was no file). */
  base: string | undefined;
}

export type SaveOutcome =
  /** The file already held this content (as far as the store knows): nothing written. */
  | { kind: 'unchanged' }
  | { kind: 'written'; content: string }
  /** The file had changed since it was read: the merge of both is on disk now. */
  | { kind: 'merged'; content: string; sidecar: Sidecar; conflicts: string[] }
  /** Nothing written (changed into an invalid file, locked, I/O error); `message` is one line. */
  | { kind: 'failed'; message: string };

/**
 * Writes `mine` to the slot's file when it differs from the base; the base follows every write.
 * `document` (the current text and the host's SHA-256 of it) lets a merge re-anchor annotations;
 * `serialized` is `serializeSidecar(mine)` when the caller has it already.
 */
export async function saveSidecar(
  port: SidecarFilePort,
  slot: SaveSlot,
  mine: Sidecar,
  document?: { text: string; sha256: string },
  serialized = serializeSidecar(mine),
): Promise<SaveOutcome> {
  if (serialized === slot.base) return { kind: 'unchanged' };
  const result = await writeSidecarGuarded(port, slot.path, slot.base, mine, { documentText: document?.text, documentHash: document?.sha256, serialized });
  if (!result.ok) return { kind: 'failed', message: result.message };
  slot.base = result.written;
  if (!result.merged) return { kind: 'written', content: result.written };
  // The guarded write only writes (or finds) serialised valid sidecars, so this parse succeeds.
  const merged = parseSidecar(result.written);
  if (!merged.ok) return { kind: 'failed', message: `${slot.path}: the merged sidecar is not valid` };
  return { kind: 'merged', content: result.written, sidecar: merged.sidecar, conflicts: result.conflicts };
}
