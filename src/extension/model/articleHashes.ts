/**
 * The article hash cache: the SHA-256 of each article's text as last read, with the file's mtime
 * and size at that time. Loading a sidecar compares its document hash with the article's; when
 * the article's mtime and size are both the ones recorded, its recorded hash stands in for
 * reading and hashing it again. Any difference (an edit on disk, a touch, a copy) means a read.
 * Kept in memory and persisted as plain JSON (the extension's workspace state) so that a window
 * reload starts warm.
 */

/** What a stat of the article file says. */
export interface FileStamp {
  /** Modification time, ms since the epoch. */
  mtime: number;
  /** Size in bytes. */
  size: number;
}

export interface HashRecord extends FileStamp {
  /** SHA-256 of the article's decoded text, 64 lower-case hex digits. */
  sha256: string;
}

/** The recorded hash, when the record is for exactly this mtime and size; otherwise undefined. */
export function knownHash(record: HashRecord | undefined, stamp: FileStamp): string | undefined {
  return record !== undefined && record.mtime === stamp.mtime && record.size === stamp.size ? record.sha256 : undefined;
}

function isRecord(value: unknown): value is HashRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return Number.isFinite(r.mtime) && Number.isFinite(r.size) && typeof r.sha256 === 'string' && /^[0-9a-f]{64}$/.test(r.sha256);
}

/** The cache, keyed by document URI string. */
export class ArticleHashCache {
  private readonly records = new Map<string, HashRecord>();
  private version = 0;

  /** A cache from its persisted form; entries that are not well-formed records are dropped. */
  static from(data: unknown): ArticleHashCache {
    const cache = new ArticleHashCache();
    if (typeof data === 'object' && data !== null) {
      for (const [uri, record] of Object.entries(data)) {
        if (isRecord(record)) cache.records.set(uri, { mtime: record.mtime, size: record.size, sha256: record.sha256 });
      }
    }
    return cache;
  }

  /** The article's hash when its mtime and size are the recorded ones. */
  known(uri: string, stamp: FileStamp): string | undefined {
    return knownHash(this.records.get(uri), stamp);
  }

  /** Records the hash of the text read while the file had this stamp. */
  record(uri: string, stamp: FileStamp, sha256: string): void {
    const before = this.records.get(uri);
    if (before && before.mtime === stamp.mtime && before.size === stamp.size && before.sha256 === sha256) return;
    this.records.set(uri, { mtime: stamp.mtime, size: stamp.size, sha256 });
    this.version++;
  }

  forget(uri: string): void {
    if (this.records.delete(uri)) this.version++;
  }

  /** Grows with every change (to tell whether the persisted form is out of date). */
  get changes(): number {
    return this.version;
  }

  /** The persisted form: { uri: { mtime, size, sha256 } }. */
  toJSON(): Record<string, HashRecord> {
    return Object.fromEntries(this.records);
  }
}
