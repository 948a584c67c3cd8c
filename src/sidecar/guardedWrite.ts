/**
 * The write protocol every sidecar writer uses (CLI, extension), so that a review saved by one
 * writer is never overwritten by another that read the file earlier.
 *
 *   writeSidecarGuarded(port, sidecarPath, baseContent, mine, options) → GuardedWriteResult
 *
 * 1. write the new content to a temp file beside the sidecar (`port.writeTemp`);
 * 2. take the short lock if the port offers one (`port.lock`; it covers steps 3–4 only);
 * 3. re-read the sidecar: if it still equals `baseContent` (what this writer read; undefined when
 *    there was no file) → rename the temp file over it. Done.
 * 4. otherwise the file changed meanwhile: a valid sidecar is merged three-way
 *    (`mergeSidecars(base, mine, theirs)`), the merge is written to a new temp file and step 3 is
 *    repeated, still under the lock (at most `maxAttempts` rounds); an invalid one is left alone
 *    and an error comes back; a file deleted meanwhile is written afresh.
 * A sidecar over `maxBytes` (MAX_SIDECAR_BYTES) is not written. The temp file is removed on every path. Nothing is thrown for expected situations (including I/O
 * errors raised by the port): the result is data with a one-line `message` on failure.
 *
 * A port for the lock-file convention: the lock is `sidecarPath + SIDECAR_LOCK_SUFFIX`, created
 * exclusively, holding `formatLockInfo(...)`; `isLockStale` says when a leftover lock may be taken
 * over (owner gone, or older than `LOCK_STALE_MS`).
 */
import { mergeSidecars } from './merge';
import { parseSidecar } from './schema';
import { serializeSidecar } from './serialize';
import { MAX_SIDECAR_BYTES, sidecarSizeProblem, utf8Length } from './textFile';
import type { Sidecar } from './types';

export interface SidecarFilePort {
  /** The file's text, or undefined when it does not exist. */
  read(path: string): Promise<string | undefined>;
  /** Writes `content` to a new temp file in the same folder as `path`; returns the temp file's path. */
  writeTemp(path: string, content: string): Promise<string>;
  /** Replaces `to` with `from` (atomic on the same file system). */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; a missing file is not an error. */
  remove(path: string): Promise<void>;
  /** Takes a short exclusive lock on `path`; resolves to its release, or undefined when it could not be had. */
  lock?(path: string): Promise<(() => Promise<void>) | undefined>;
}

export interface GuardedWriteOptions {
  /** Rounds of re-read and merge before giving up (default 5). */
  maxAttempts?: number;
  /** The current document text, so a merge can re-anchor annotations written for another version. */
  documentText?: string;
  /** The host's SHA-256 of `documentText` (needed with it for the re-anchoring). */
  documentHash?: string;
  /**
   * `serializeSidecar(mine)`, when the caller has printed it already: the sidecar of a 1 MB article
   * is about 10 MB of JSON, and printing it twice costs more than a tenth of the whole run.
   */
  serialized?: string;
  /** Sidecars larger than this are not written (default MAX_SIDECAR_BYTES: what readers accept). */
  maxBytes?: number;
}

export type GuardedWriteResult =
  /** `written`: the sidecar's text now on disk; `sidecar`: the same, parsed (the merge when `merged`). */
  | { ok: true; written: string; sidecar: Sidecar; merged: boolean; conflicts: string[] }
  | { ok: false; message: string };

export const SIDECAR_LOCK_SUFFIX = '.lock';
/**
 * A lock older than this is a leftover of a hung or crashed writer (a lock is held for a re-read
 * and a rename, or a merge: milliseconds, seconds for the largest sidecars). A lock whose owner
 * process is gone is stale at once.
 */
export const LOCK_STALE_MS = 10_000;

export interface LockInfo {
  pid: number;
  /** Milliseconds since the epoch when the lock was taken. */
  time: number;
}

export function formatLockInfo(info: LockInfo): string {
  return `${JSON.stringify({ pid: info.pid, time: info.time })}\n`;
}

/** The lock file's owner and time; undefined for unreadable content (e.g. a half-written lock). */
export function parseLockInfo(text: string): LockInfo | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== 'object' || v === null) return undefined;
    const { pid, time } = v as Record<string, unknown>;
    return typeof pid === 'number' && typeof time === 'number' ? { pid, time } : undefined;
  } catch {
    return undefined;
  }
}

/** A lock may be taken over when unreadable, when its owner is gone, or when older than `LOCK_STALE_MS`. */
export function isLockStale(info: LockInfo | undefined, now: number, ownerAlive: (pid: number) => boolean): boolean {
  if (!info) return true;
  return now - info.time > LOCK_STALE_MS || !ownerAlive(info.pid);
}

/** How long a writer waits for a lock held by a live writer before giving up (a stale one is broken sooner). */
export const LOCK_WAIT_MS = LOCK_STALE_MS + 2000;

/** The file operations on one lock file that `acquireLock` needs; each port supplies its own. */
export interface LockFileOps {
  /** Creates the lock holding `content`, never visible half-written; false when it exists already. */
  create(content: string): Promise<boolean>;
  /** The lock's content; undefined when there is none. */
  read(): Promise<string | undefined>;
  /** Breaks a stale lock whose content was `staleText`, unless a fresh lock replaced it meanwhile. */
  breakStale(staleText: string): Promise<void>;
  remove(): Promise<void>;
}

/**
 * The lock protocol shared by every port: create the lock with this writer's `{pid, time}`; when it
 * is held, break it if stale (`isLockStale`), otherwise retry after a short random pause until
 * LOCK_WAIT_MS has passed. Resolves to the release (which removes the lock only if it is still
 * ours), or undefined when a live writer kept it too long.
 */
export async function acquireLock(ops: LockFileOps, pid: number, ownerAlive: (pid: number) => boolean): Promise<(() => Promise<void>) | undefined> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const mine = formatLockInfo({ pid, time: Date.now() });
    if (await ops.create(mine)) {
      return async () => {
        // Remove the lock only if it is still ours (it may have been broken as stale).
        if ((await ops.read().catch(() => undefined)) === mine) await ops.remove();
      };
    }
    const held = await ops.read().catch(() => undefined);
    if (held !== undefined && isLockStale(parseLockInfo(held), Date.now(), ownerAlive)) {
      await ops.breakStale(held);
      continue;
    }
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 10));
  }
}

function describe(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0];
}

type Round = { done: GuardedWriteResult; renamed: boolean } | { again: { base: string | undefined; mine: Sidecar; content: string } };

/** Steps 3–4 for one round, under the lock when there is one. */
async function checkAndRename(
  port: SidecarFilePort,
  sidecarPath: string,
  tempPath: string,
  state: { base: string | undefined; mine: Sidecar; content: string; merged: boolean; conflicts: string[] },
  options: GuardedWriteOptions,
): Promise<Round> {
  const current = await port.read(sidecarPath);
  if (current === state.base || current === undefined) {
    // Unchanged, or deleted meanwhile (nothing of theirs to keep): ours goes in.
    await port.rename(tempPath, sidecarPath);
    return { done: { ok: true, written: state.content, sidecar: state.mine, merged: state.merged, conflicts: state.conflicts }, renamed: true };
  }
  const theirs = parseSidecar(current);
  if (!theirs.ok) {
    const first = theirs.issues[0];
    return { done: { ok: false, message: `${sidecarPath} was changed meanwhile and is not a valid sidecar (${first.path}: ${first.message}); not overwritten` }, renamed: false };
  }
  const parsedBase = state.base === undefined ? undefined : parseSidecar(state.base);
  const base = parsedBase?.ok ? parsedBase.sidecar : undefined;
  const merge = mergeSidecars(base, state.mine, theirs.sidecar, { documentText: options.documentText, documentHash: options.documentHash });
  state.merged = true;
  state.conflicts.push(...merge.conflicts);
  const content = serializeSidecar(merge.sidecar);
  // The merge adds nothing to what is on disk: nothing to write.
  if (content === current) return { done: { ok: true, written: content, sidecar: merge.sidecar, merged: true, conflicts: state.conflicts }, renamed: false };
  return { again: { base: current, mine: merge.sidecar, content } };
}

export async function writeSidecarGuarded(
  port: SidecarFilePort,
  sidecarPath: string,
  baseContent: string | undefined,
  mine: Sidecar,
  options: GuardedWriteOptions = {},
): Promise<GuardedWriteResult> {
  const maxAttempts = options.maxAttempts ?? 5;
  const maxBytes = options.maxBytes ?? MAX_SIDECAR_BYTES;
  const state = { base: baseContent, mine, content: options.serialized ?? serializeSidecar(mine), merged: false, conflicts: [] as string[] };
  // UTF-8 takes at most 3 bytes per UTF-16 code unit: content short enough need not be counted.
  const tooLarge = (content: string) => (content.length * 3 <= maxBytes ? undefined : sidecarSizeProblem(utf8Length(content), maxBytes));
  const firstProblem = tooLarge(state.content);
  if (firstProblem) return { ok: false, message: `${sidecarPath}: not written: ${firstProblem}` };
  let tempPath: string | undefined;
  let release: (() => Promise<void>) | undefined;
  try {
    // The first temp file is written before the lock, so the lock is short when nothing changed.
    tempPath = await port.writeTemp(sidecarPath, state.content);
    if (port.lock) {
      release = await port.lock(sidecarPath);
      if (!release) return { ok: false, message: `${sidecarPath} is locked by another writer; not written (try again)` };
    }
    // Merge rounds stay under the lock: writers that take it cannot change the file meanwhile, so
    // a busy file cannot starve this writer; the re-read still catches writers that do not lock.
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const round = await checkAndRename(port, sidecarPath, tempPath, state, options);
      if ('done' in round) {
        if (round.renamed) tempPath = undefined;
        return round.done;
      }
      Object.assign(state, round.again);
      const problem = tooLarge(state.content);
      if (problem) return { ok: false, message: `${sidecarPath}: not written: ${problem}` };
      const previous: string = tempPath;
      tempPath = undefined;
      await port.remove(previous);
      tempPath = await port.writeTemp(sidecarPath, state.content);
    }
    return { ok: false, message: `${sidecarPath} kept changing while writing (${maxAttempts} attempts); not written` };
  } catch (e) {
    return { ok: false, message: `${sidecarPath}: cannot write: ${describe(e)}` };
  } finally {
    await release?.().catch(() => undefined);
    if (tempPath !== undefined) await port.remove(tempPath).catch(() => undefined);
  }
}
