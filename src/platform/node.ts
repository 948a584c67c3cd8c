/**
 * What the CLI and the desktop extension host both take from Node, written once: the document hash
 * the sidecar layer is given (Node's own SHA-256) and whether a lock's owner process still runs.
 * The pure layers never import this; they receive these as functions.
 */
import { createHash } from 'node:crypto';

/**
 * SHA-256 of the UTF-8 bytes of `text`, as 64 lower-case hex digits (lone surrogates are encoded
 * as U+FFFD, as `TextEncoder` does, so the hash is the one earlier versions wrote).
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** True when a local process with this id exists (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === 'EPERM';
  }
}
