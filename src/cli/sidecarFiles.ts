/**
 * The Node side of the sidecar write protocol (`writeSidecarGuarded` in src/sidecar): a
 * `SidecarFilePort` over the file operations of `fileOps.ts`, used by the CLI and by the
 * fault-suite writers.
 *
 * - temp files: `.<name>.<pid>.<random>.tmp` in the sidecar's folder, created with `wx`, so a
 *   rename is atomic and a crashed writer's leftovers can be recognised (`removeLeftoverTemps`);
 * - lock: `<sidecar>.lock`, holding `{pid, time}`, created atomically (written to a temp file, then
 *   hard-linked into place, so it is never seen half-written); a lock whose owner is gone or that is
 *   older than LOCK_STALE_MS is broken, by moving it aside first so that two writers breaking the
 *   same stale lock cannot remove a fresh one;
 * - reads are limited to MAX_SIDECAR_BYTES and decoded like documents.
 */
import { link, readdir, readFile, rename, stat, unlink, writeFile } from './fileOps';
import * as path from 'node:path';
import { processAlive } from '../platform/node';
import {
  MAX_SIDECAR_BYTES,
  SIDECAR_LOCK_SUFFIX,
  SIDECAR_SUFFIX,
  acquireLock,
  decodeDocument,
  sidecarSizeProblem,
  type LockFileOps,
  type SidecarFilePort,
} from '../sidecar';

function errorCode(e: unknown): unknown {
  return (e as { code?: unknown }).code;
}

function randomTag(): string {
  return Math.floor(Math.random() * 0xffffffff).toString(16).padStart(8, '0');
}


function tempName(file: string, kind: 'tmp' | 'lock.tmp' | 'stale'): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomTag()}.${kind}`);
}

async function removeQuietly(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') throw e;
  }
}

/** Reads a sidecar: undefined when absent; throws a one-line Error when too large or not text. */
export async function readSidecarText(file: string, maxBytes = MAX_SIDECAR_BYTES): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    const tooLarge = sidecarSizeProblem(info.size, maxBytes);
    if (tooLarge) throw new Error(tooLarge);
    bytes = await readFile(file);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return undefined;
    throw e;
  }
  const decoded = decodeDocument(bytes);
  if (!decoded.ok) throw new Error(decoded.problem);
  return decoded.text;
}

/** Creates `target` holding `content`, failing with EEXIST if it exists; never visible half-written. */
async function createComplete(target: string, content: string): Promise<void> {
  const temp = tempName(target, 'lock.tmp');
  await writeFile(temp, content, { flag: 'wx' });
  try {
    await link(temp, target);
  } catch (e) {
    const code = errorCode(e);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
    // No hard links on this file system: an exclusive create is the next best thing.
    await writeFile(target, content, { flag: 'wx' });
  } finally {
    await removeQuietly(temp);
  }
}

/** Breaks a stale lock whose text was `staleText`, unless it was replaced by a fresh one meanwhile. */
async function breakStaleLock(lockPath: string, staleText: string): Promise<void> {
  const aside = tempName(lockPath, 'stale');
  try {
    await rename(lockPath, aside);
  } catch {
    return; // someone else broke it first
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== staleText) await link(aside, lockPath).catch(() => undefined); // a fresh lock: put it back
  await removeQuietly(aside);
}

/** Takes `<file>.lock` (`acquireLock`); resolves to its release, or undefined when a live writer kept it too long. */
export function lockSidecar(file: string): Promise<(() => Promise<void>) | undefined> {
  const lockPath = file + SIDECAR_LOCK_SUFFIX;
  const ops: LockFileOps = {
    create: async (content) => {
      try {
        await createComplete(lockPath, content);
        return true;
      } catch (e) {
        if (errorCode(e) === 'EEXIST') return false;
        throw e;
      }
    },
    read: () => readFile(lockPath, 'utf8').catch(() => undefined),
    breakStale: (staleText) => breakStaleLock(lockPath, staleText),
    remove: () => removeQuietly(lockPath),
  };
  return acquireLock(ops, process.pid, processAlive);
}

/** A temp file this old is a leftover even if its pid is alive again (process ids are reused). */
const LEFTOVER_AGE_MS = 60_000;

async function isLeftover(file: string, pid: number): Promise<boolean> {
  if (!processAlive(pid)) return true;
  const info = await stat(file).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > LEFTOVER_AGE_MS;
}

/** A writer's temp file of a sidecar: `.<sidecar>[.lock].<pid>.<8 hex>.(tmp|lock.tmp|stale)`. */
const TEMP_FILE = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.(?:tmp|lock\.tmp|stale)$/;

/** The sidecar (base name) and the writer's pid of a temp file name, or undefined for other files. */
function tempFileOf(name: string): { sidecar: string; pid: number } | undefined {
  const m = TEMP_FILE.exec(name);
  if (!m) return undefined;
  const sidecar = m[1].endsWith(SIDECAR_LOCK_SUFFIX) ? m[1].slice(0, -SIDECAR_LOCK_SUFFIX.length) : m[1];
  return sidecar.endsWith(SIDECAR_SUFFIX) ? { sidecar, pid: Number(m[2]) } : undefined;
}

/** Removes the temp files among `names` in `dir` (of the sidecars `wanted` accepts) whose writers are gone. */
async function removeLeftovers(dir: string, wanted: (sidecar: string) => boolean): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const temp = tempFileOf(name);
    if (!temp || !wanted(temp.sidecar)) continue;
    const full = path.join(dir, name);
    if (await isLeftover(full, temp.pid)) await removeQuietly(full).catch(() => undefined);
  }
}

/**
 * Removes temp files (`.tmp`, lock temps, stale-lock copies) left beside `file` by writers that
 * are no longer running (e.g. killed during a write). Files of live writers are left alone.
 */
export function removeLeftoverTemps(file: string): Promise<void> {
  const own = path.basename(file);
  return removeLeftovers(path.dirname(file), (sidecar) => sidecar === own);
}

/**
 * The same for every sidecar in `dir`, with one listing of the folder: a batch run calls this once
 * per folder instead of listing a folder of n articles once per article (n² names read).
 */
export function removeLeftoverTempsIn(dir: string): Promise<void> {
  return removeLeftovers(dir, () => true);
}

export const nodeSidecarPort: SidecarFilePort = {
  read: (file) => readSidecarText(file),
  async writeTemp(file, content) {
    const temp = tempName(file, 'tmp');
    try {
      await writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
    } catch (e) {
      await removeQuietly(temp).catch(() => undefined);
      throw e;
    }
    return temp;
  },
  rename: (from, to) => rename(from, to),
  remove: (file) => removeQuietly(file),
  lock: (file) => lockSidecar(file),
};
