/**
 * Hostile sidecars fed to `validate`, `export` and `analyze` (in-process `main`): broken JSON,
 * wrong types, huge numbers, bad spans, escaping document paths, prototype keys, deep nesting, a
 * file over the size limit, duplicate ids, missing entities, binary data. Each run must exit 1 or 2
 * with one-line messages on stderr (no stack trace), leave the sidecar byte-for-byte unchanged and
 * write nothing anywhere (the document's folder and the folder above are compared before/after).
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/cli';
import { addAnnotation, addEntity, emptySidecar, orderedSidecar, serializeSidecar, type Sidecar } from '../../src/sidecar';
import { recordFigure } from './figures';
import { sha256Of } from '../hash';

const DOC = 'Chair Ada Moss said: "We have approved the new library budget." It costs 4 million euros.\n';

function reviewedSidecar(): Sidecar {
  let s = emptySidecar('article.txt', DOC, sha256Of(DOC));
  s = addEntity(s, 'Ada Moss', 'person').sidecar;
  const span = (snippet: string) => ({ start: DOC.indexOf(snippet), end: DOC.indexOf(snippet) + snippet.length });
  for (const init of [
    { type: 'quote' as const, ...span('"We have approved the new library budget."'), speaker: 'ada-moss' },
    { type: 'speaker' as const, ...span('Ada Moss'), entity: 'ada-moss' },
    { type: 'figure' as const, ...span('4 million euros'), kind: 'money' as const, unit: null },
  ]) {
    const r = addAnnotation(s, DOC, init);
    if ('error' in r) throw new Error(r.error);
    s = r.sidecar;
  }
  return orderedSidecar(s);
}

/** A JSON text of the valid sidecar after `edit` changed its parsed object. */
function edited(edit: (json: Record<string, unknown> & { annotations: Record<string, unknown>[]; entities: Record<string, unknown>[]; document: Record<string, unknown> }) => void): string {
  const json = JSON.parse(serializeSidecar(reviewedSidecar())) as Parameters<typeof edit>[0];
  edit(json);
  return JSON.stringify(json, null, 2) + '\n';
}

const VALID = serializeSidecar(reviewedSidecar());
const OVER_LIMIT = Symbol('a 100 MB sparse file');

const CASES: [string, string | Buffer | typeof OVER_LIMIT][] = [
  ['invalid JSON', '{"version": 1, "document": '],
  ['not JSON at all', 'hello, world\n'],
  ['an empty file', ''],
  ['a JSON array', '[]'],
  ['wrong types', edited((j) => (j.document.length = String(j.document.length)))],
  ['huge numbers', edited((j) => Object.assign(j.annotations[0], { start: 1e308, end: 1e308 }))],
  ['a number beyond double range', VALID.replace(/"length": \d+/, '"length": 1e400')],
  ['a negative span', edited((j) => (j.annotations[0].start = -5))],
  ['a reversed span', edited((j) => Object.assign(j.annotations[0], { start: 40, end: 10 }))],
  ['an out-of-bounds span', edited((j) => Object.assign(j.annotations[2], { end: DOC.length + 100 }))],
  ['an out-of-bounds cue', edited((j) => (j.annotations.find((a) => a.type === 'quote')!.cue = { start: 0, end: 10_000 }))],
  ['document.path escaping', edited((j) => (j.document.path = '../../../../etc/passwd'))],
  ['document.path absolute', edited((j) => (j.document.path = '/etc/passwd'))],
  ['document.path with backslashes', edited((j) => (j.document.path = '..\\..\\secret.txt'))],
  ['document.path with NUL', edited((j) => (j.document.path = 'article.txt\u0000.png'))],
  ['__proto__ at the root', VALID.replace('{\n', '{\n  "__proto__": {"polluted": true},\n')],
  ['constructor in an annotation', VALID.replace('"id": "f-', '"constructor": {"polluted": true},\n      "id": "f-')],
  ['__proto__ in an entity', VALID.replace('"aliases": []', '"aliases": [], "__proto__": {"polluted": true}')],
  ['deeply nested JSON', '['.repeat(200_000) + ']'.repeat(200_000)],
  ['duplicate annotation ids', edited((j) => (j.annotations[1].id = j.annotations[0].id))],
  ['duplicate keys', VALID.replace('"version": 1,', '"version": 1,\n  "version": 1,')],
  ['a reference to a missing entity', edited((j) => (j.entities = []))],
  ['an unknown version', edited((j) => (j.version = 2))],
  ['binary data', Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0x7d])],
  ['Latin-1 text', Buffer.from('{"version": 1, "caf\xe9": 1}', 'latin1')],
  ['a file over the size limit', OVER_LIMIT],
];

/** Every file under `dir` with its size: what must not change. */
async function snapshot(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(`${p}/`, ...(await snapshot(p)));
    else out.push(`${p} ${(await stat(p)).size}`);
  }
  return out.sort();
}

describe('fault suite: hostile sidecars', function () {
  this.timeout(120_000);
  let root: string;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'quotelens-hostile-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('validate, export and analyze refuse each one: exit 1/2, one-line messages, nothing written', async () => {
    const failures: string[] = [];
    let runs = 0;
    for (const [name, content] of CASES) {
      const dir = path.join(root, `case-${CASES.findIndex((c) => c[0] === name)}`, 'docs');
      await mkdir(dir, { recursive: true });
      const doc = path.join(dir, 'article.txt');
      const sidecar = doc + '.annotations.json';
      await writeFile(doc, DOC);
      if (content === OVER_LIMIT) {
        await writeFile(sidecar, VALID);
        await truncate(sidecar, 100_000_000);
      } else {
        await writeFile(sidecar, content);
      }
      const bytes = await readFile(sidecar);
      const before = await snapshot(root);
      for (const argv of [['validate', sidecar], ['export', '--format', 'json', doc], ['analyze', doc]]) {
        runs++;
        let stdout = '';
        let stderr = '';
        const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
        const lines = stderr.trimEnd().split('\n');
        const problems = [
          code === 1 || code === 2 ? '' : `exit code ${code}`,
          stdout === '' ? '' : `stdout: ${stdout.slice(0, 80)}`,
          stderr !== '' ? '' : 'no message',
          lines.every((l) => l.startsWith('quotelens: ') || l.startsWith(`${sidecar}: `)) ? '' : `unexpected line: ${lines.find((l) => !l.startsWith('quotelens: ') && !l.startsWith(`${sidecar}: `))}`,
          lines.some((l) => /^\s+at /.test(l) || l.length > 1000) ? 'stack trace or runaway line' : '',
          (await readFile(sidecar)).equals(bytes) ? '' : 'sidecar changed',
          JSON.stringify(await snapshot(root)) === JSON.stringify(before) ? '' : 'files written',
          ({} as Record<string, unknown>).polluted === undefined ? '' : 'prototype polluted',
        ].filter(Boolean);
        if (problems.length) failures.push(`${name} / ${argv[0]}: ${problems.join('; ')}`);
      }
    }
    recordFigure('Hostile sidecars', 'cases × commands', `${CASES.length} × 3 = ${runs} runs`);
    recordFigure('Hostile sidecars', 'runs failing a check', failures.length, '0', failures.length === 0);
    assert.deepStrictEqual(failures, []);
  });
});
