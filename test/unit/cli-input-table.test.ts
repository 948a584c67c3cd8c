// Edge rows for the two small input readers of `analyze`: a JSONL line and an `--shard I/N` value.
import assert from 'node:assert/strict';
import { parseJsonlLine, type ParsedLine } from '../../src/cli/jsonl';
import { parseShard, type ParsedShard } from '../../src/cli/shard';

describe('cli input readers: edge rows', () => {
  const lines: [string, string, ParsedLine][] = [
    ['JSON null', 'null', { ok: false, path: null, error: 'line 9: expected an object {"path": ..., "text": ...}', shardKey: 'null' }],
    ['a JSON string', '"a.txt"', { ok: false, path: null, error: 'line 9: expected an object {"path": ..., "text": ...}', shardKey: '"a.txt"' }],
    ['an empty path', '{"path": "", "text": "Hello."}', { ok: false, path: null, error: 'line 9: "path" must be a non-empty string', shardKey: '{"path": "", "text": "Hello."}' }],
    ['a path that is not a string', '{"path": 7, "text": "Hello."}', { ok: false, path: null, error: 'line 9: "path" must be a non-empty string', shardKey: '{"path": 7, "text": "Hello."}' }],
    ['no text', '{"path": "a.txt"}', { ok: false, path: 'a.txt', error: 'line 9: "text" must be a string', shardKey: 'a.txt' }],
    ['an empty text', '{"path": "a.txt", "text": ""}', { ok: false, path: 'a.txt', error: 'line 9: text is empty', shardKey: 'a.txt' }],
    ['one character of text', '{"path": "a.txt", "text": "x"}', { ok: true, task: { kind: 'text', path: 'a.txt', text: 'x' } }],
  ];
  for (const [name, line, expected] of lines) {
    it(`JSONL line: ${name}`, () => {
      assert.deepStrictEqual(parseJsonlLine(line, 9), expected);
    });
  }

  const shards: [string, ParsedShard][] = [
    ['0/99999999999999999999', { ok: false, problem: '--shard needs I/N with 0 <= I < N (got "0/99999999999999999999")' }],
    ['0/0', { ok: false, problem: '--shard needs I/N with 0 <= I < N (got "0/0")' }],
    ['4/5', { ok: true, shard: { index: 4, count: 5 } }],
    ['007/010', { ok: true, shard: { index: 7, count: 10 } }],
    ['1 /2', { ok: false, problem: '--shard needs I/N with 0 <= I < N (got "1 /2")' }],
    ['x1/2', { ok: false, problem: '--shard needs I/N with 0 <= I < N (got "x1/2")' }],
    ['1/2x', { ok: false, problem: '--shard needs I/N with 0 <= I < N (got "1/2x")' }],
  ];
  for (const [text, expected] of shards) {
    it(`--shard ${text}`, () => {
      assert.deepStrictEqual(parseShard(text), expected);
    });
  }
});
