/**
 * `--shard I/N`: a stable partition of the input. A document belongs to shard I (0-based) when
 *
 *     (first 4 bytes of SHA-256(UTF-8 path), read as a big-endian unsigned integer) mod N == I
 *
 * where `path` is the FILE argument (or the JSONL `path`) exactly as given. The shard of a document
 * depends on its own path and N only, so adding or removing other documents never moves it, and
 * any tool (e.g. `sha256sum`) can compute the same partition.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  index: number;
  count: number;
}

export type ParsedShard = { ok: true; shard: Shard } | { ok: false; problem: string };

/** Reads "I/N" (decimal integers, 0 <= I < N). */
export function parseShard(text: string): ParsedShard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const problem = `--shard needs I/N with 0 <= I < N (got "${text}")`;
  if (!m) return { ok: false, problem };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count) return { ok: false, problem };
  return { ok: true, shard: { index, count } };
}

/** The shard (0 … count-1) that `path` belongs to. */
export function shardOf(path: string, count: number): number {
  const digest = createHash('sha256').update(path, 'utf8').digest();
  return digest.readUInt32BE(0) % count;
}

export function inShard(path: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(path, shard.count) === shard.index;
}
