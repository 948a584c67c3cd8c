// The article hash cache: when a recorded hash may stand in for reading and hashing an article.
import assert from 'node:assert/strict';
import { ArticleHashCache, knownHash } from '../../src/extension/model/articleHashes';

const SHA = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const URI = 'file:///ws/desk/article.txt';

describe('extension model: article hash cache', () => {
  it('gives the recorded hash only when both mtime and size are the recorded ones', () => {
    const record = { mtime: 1_700_000_000_123.5, size: 4096, sha256: SHA };
    assert.deepEqual(
      [
        knownHash(record, { mtime: 1_700_000_000_123.5, size: 4096 }),
        knownHash(record, { mtime: 1_700_000_000_124, size: 4096 }),
        knownHash(record, { mtime: 1_700_000_000_123.5, size: 4097 }),
        knownHash(record, { mtime: 1_700_000_000_000, size: 10 }),
        knownHash(undefined, { mtime: 1_700_000_000_123.5, size: 4096 }),
      ],
      [SHA, undefined, undefined, undefined, undefined],
    );
  });

  it('records, replaces and forgets per document, counting changes (not repeats)', () => {
    const cache = new ArticleHashCache();
    cache.record(URI, { mtime: 10, size: 100 }, SHA);
    cache.record(URI, { mtime: 10, size: 100 }, SHA);
    const afterRepeat = cache.changes;
    cache.record(URI, { mtime: 20, size: 100 }, OTHER);
    assert.deepEqual(
      [afterRepeat, cache.known(URI, { mtime: 10, size: 100 }), cache.known(URI, { mtime: 20, size: 100 }), cache.known('file:///ws/other.txt', { mtime: 20, size: 100 })],
      [1, undefined, OTHER, undefined],
    );
    cache.forget(URI);
    cache.forget(URI);
    assert.deepEqual([cache.known(URI, { mtime: 20, size: 100 }), cache.changes, cache.toJSON()], [undefined, 3, {}]);
  });

  it('survives its persisted form and drops entries that are not well-formed', () => {
    const cache = new ArticleHashCache();
    cache.record(URI, { mtime: 10.25, size: 100 }, SHA);
    const restored = ArticleHashCache.from(JSON.parse(JSON.stringify(cache.toJSON())));
    assert.deepEqual(restored.toJSON(), { [URI]: { mtime: 10.25, size: 100, sha256: SHA } });
    assert.equal(restored.known(URI, { mtime: 10.25, size: 100 }), SHA);
    const damaged = ArticleHashCache.from({
      [URI]: { mtime: 10, size: 100, sha256: SHA },
      'file:///a.txt': { mtime: '10', size: 100, sha256: SHA },
      'file:///b.txt': { mtime: 10, size: 100, sha256: 'not a hash' },
      'file:///c.txt': null,
    });
    assert.deepEqual(damaged.toJSON(), { [URI]: { mtime: 10, size: 100, sha256: SHA } });
    assert.deepEqual([ArticleHashCache.from(undefined).toJSON(), ArticleHashCache.from('x').toJSON()], [{}, {}]);
  });
});
