import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/cli';
import { runCli as run, type CliRun as Run } from './cli-fixtures';
import { nodeSidecarPort } from '../../src/cli/sidecarFiles';
import { analyze } from '../../src/core';
import { resolveDocumentPath } from '../../src/sidecar/documentPath';
import type { SidecarFilePort } from '../../src/sidecar/guardedWrite';
import { MAX_ARTICLE_BYTES, MAX_SIDECAR_BYTES } from '../../src/sidecar/textFile';
import { parseSidecar } from '../../src/sidecar/schema';
import { serializeSidecar } from '../../src/sidecar/serialize';
import { addAnnotation, addEntity, buildSidecar, emptySidecar, setStatus } from '../../src/sidecar/store';
import type { Sidecar } from '../../src/sidecar/types';
import { at, unwrap } from './sidecar-fixtures';
import { sha256Of } from '../hash';

const TEXT = 'The council met on Tuesday.\nChair Ada Moss said: "We have approved the new library budget." Others objected.\nA spokesman called it "premature".\n';

describe('cli', () => {
  let dir: string;
  let doc: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-cli-'));
    doc = path.join(dir, 'article.txt');
    await writeFile(doc, TEXT);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function sidecarOf(file = doc): Promise<Sidecar> {
    const r = parseSidecar(await readFile(file + '.annotations.json', 'utf8'));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
    return r.sidecar;
  }

  /** Writes a sidecar with an accepted manual quote and a rejected one. */
  async function reviewed(): Promise<Sidecar> {
    let s = emptySidecar('article.txt', TEXT, sha256Of(TEXT));
    s = addEntity(s, 'Ada Moss', 'person').sidecar;
    s = unwrap(addAnnotation(s, TEXT, { type: 'quote', ...at(TEXT, '"We have approved the new library budget."'), speaker: 'ada-moss', cue: at(TEXT, 'said'), speakerMention: at(TEXT, 'Ada Moss') })).sidecar;
    const rejected = unwrap(addAnnotation(s, TEXT, { type: 'quote', ...at(TEXT, '"premature"'), kind: 'partial', speaker: null }));
    s = { ...rejected.sidecar, annotations: rejected.sidecar.annotations.map((a) => (a.id === rejected.annotation.id ? { ...a, status: 'rejected' as const, origin: 'auto' as const } : a)) };
    await writeFile(doc + '.annotations.json', serializeSidecar(s));
    return s;
  }

  it('analyze writes a valid sidecar and prints a summary; a second run leaves it unchanged', async () => {
    const r = await run('analyze', doc);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /article\.txt: \d+ quotes?, \d+ speakers?, \d+ figures?/);
    const s = await sidecarOf();
    assert.equal(s.document.path, 'article.txt');
    assert.equal(s.document.length, TEXT.length);
    const before = await readFile(doc + '.annotations.json', 'utf8');
    const again = await run('analyze', doc);
    assert.equal(again.code, 0);
    assert.equal(await readFile(doc + '.annotations.json', 'utf8'), before);
    assert.deepEqual((await readdir(dir)).sort(), ['article.txt', 'article.txt.annotations.json'], 'no temp files left');
  });

  it('analyze on a changed file keeps accepted and rejected annotations, re-anchored', async () => {
    const s = await reviewed();
    const changed = 'EDITED INTRO PARAGRAPH.\n' + TEXT.replace('Others objected.', 'Some others objected loudly.');
    await writeFile(doc, changed);
    const r = await run('analyze', doc);
    assert.equal(r.code, 0, r.stderr);
    const out = await sidecarOf();
    assert.equal(out.document.length, changed.length);
    for (const old of s.annotations) {
      const now = out.annotations.find((a) => a.id === old.id);
      assert.ok(now, `kept ${old.id}`);
      assert.equal(now.status, old.status);
      assert.equal(now.orphaned, undefined);
      assert.equal(changed.slice(now.start, now.end), old.text);
      assert.notEqual(now.start, old.start);
    }
    assert.ok(out.entities.some((e) => e.id === 'ada-moss'));
    const rejected = out.annotations.filter((a) => a.text === '"premature"');
    assert.deepEqual(rejected.map((a) => a.status), ['rejected'], 'rejected quote not re-suggested');
  });

  it('analyze --stdout prints the sidecar and writes nothing', async () => {
    const r = await run('analyze', '--stdout', doc);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(parseSidecar(r.stdout).ok);
    assert.deepEqual(await readdir(dir), ['article.txt']);
    const two = await run('analyze', '--stdout', doc, doc);
    assert.equal(two.code, 2);
  });

  it('validate reports ok and invalid files', async () => {
    await reviewed();
    const ok = await run('validate', doc + '.annotations.json');
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /article\.txt\.annotations\.json: ok/);
    const bad = path.join(dir, 'bad.txt.annotations.json');
    const broken = JSON.parse(await readFile(doc + '.annotations.json', 'utf8')) as { annotations: { start: unknown }[] };
    broken.annotations[1].start = 'x';
    await writeFile(bad, JSON.stringify(broken));
    const r = await run('validate', doc + '.annotations.json', bad);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bad\.txt\.annotations\.json: annotations\[1\]\.start: Expected number, received string/);
    assert.match(r.stdout, /article\.txt\.annotations\.json: ok/);
    await writeFile(bad, '{"version": 1,');
    const syntax = await run('validate', bad);
    assert.equal(syntax.code, 1);
    assert.match(syntax.stderr, /: \$: JSON syntax error at 1:15/);
  });

  it('validate notices annotations that do not match their unchanged document', async () => {
    const s = await reviewed();
    const tampered = { ...s, annotations: s.annotations.map((a, i) => (i === 0 ? { ...a, start: a.start + 1, end: a.end + 1 } : a)) };
    await writeFile(doc + '.annotations.json', serializeSidecar(tampered));
    const r = await run('validate', doc);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /annotations\[0\]\.text: Text does not match/);
  });

  describe('bad input: one-line error, non-zero exit, existing sidecar untouched', () => {
    const cases: [string, (d: string) => Promise<string>][] = [
      ['missing file', (d) => Promise.resolve(path.join(d, 'nope.txt'))],
      ['a directory', async (d) => { const p = path.join(d, 'folder.txt'); await mkdir(p); return p; }],
      ['a binary file', async (d) => { const p = path.join(d, 'bin.txt'); await writeFile(p, Buffer.from([0x48, 0x00, 0x49])); return p; }],
      ['invalid UTF-8', async (d) => { const p = path.join(d, 'latin1.txt'); await writeFile(p, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])); return p; }],
      ['an empty file', async (d) => { const p = path.join(d, 'empty.txt'); await writeFile(p, ''); return p; }],
    ];
    for (const [name, make] of cases) {
      it(name, async () => {
        const file = await make(dir);
        const sidecarPath = file + '.annotations.json';
        const sentinel = '{"sentinel": true}\n';
        if (!name.includes('directory') && !name.includes('missing')) await writeFile(sidecarPath, sentinel);
        const r = await run('analyze', file);
        assert.equal(r.code, 1);
        assert.equal(r.stdout, '');
        const lines = r.stderr.trimEnd().split('\n');
        assert.equal(lines.length, 1, r.stderr);
        assert.ok(lines[0].startsWith(`quotelens: ${file}: `), lines[0]);
        if (!name.includes('directory') && !name.includes('missing')) assert.equal(await readFile(sidecarPath, 'utf8'), sentinel);
        else assert.equal((await readdir(dir)).some((f) => f.startsWith(path.basename(file) + '.annotations')), false);
      });
    }

    it('an invalid existing sidecar is reported and not overwritten', async () => {
      const bad = '{"version": 1, "document": 5}\n';
      await writeFile(doc + '.annotations.json', bad);
      const r = await run('analyze', doc);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /^quotelens: .*article\.txt\.annotations\.json: invalid sidecar/);
      assert.match(r.stderr, /article\.txt\.annotations\.json: document: Expected object, received number/);
      assert.equal(await readFile(doc + '.annotations.json', 'utf8'), bad);
    });

    it('usage errors exit with 2', async () => {
      assert.equal((await run()).code, 2);
      assert.equal((await run('frobnicate')).code, 2);
      assert.equal((await run('analyze')).code, 2);
      assert.equal((await run('analyze', '--bogus', doc)).code, 2);
      assert.equal((await run('export', doc)).code, 2);
      assert.equal((await run('export', '--format', 'pdf', doc)).code, 2);
    });
  });

  it('--help and --version', async () => {
    const h = await run('--help');
    assert.equal(h.code, 0);
    assert.match(h.stdout, /Usage: quotelens/);
    assert.match((await run('-h')).stdout, /analyze FILE/);
    const v = await run('--version');
    assert.equal(v.code, 0);
    assert.match(v.stdout, /^quotelens \d+\.\d+\.\d+\n$/);
  });

  it('export writes csv to --out and brat beside the document', async () => {
    await reviewed();
    const out = path.join(dir, 'quotes.csv');
    const r = await run('export', '--format', 'csv', '--out', out, doc);
    assert.equal(r.code, 0, r.stderr);
    const csv = await readFile(out, 'utf8');
    assert.match(csv, /^type,document,id,text,kind,status,origin,orphaned,start,end,speaker_name,speaker_entity,speaker_kind,cue,speaker_mention,sentence,value,unit,rule\r\n/);
    assert.match(csv, /\r\nquote,[^,]*article\.txt,q-[0-9a-f]+,"""We have approved the new library budget\.""",direct,accepted,manual,false,\d+,\d+,Ada Moss,ada-moss,person,said,Ada Moss,/);
    const b = await run('export', '--format=brat', doc);
    assert.equal(b.code, 0, b.stderr);
    assert.match(await readFile(path.join(dir, 'article.ann'), 'utf8'), /^T1\tQuote \d+ \d+\t"We have approved/);
    const w = await run('export', '--format', 'w3c', doc);
    assert.equal(w.code, 0);
    assert.match(w.stdout, /TextPositionSelector/);
    const none = await run('export', '--format', 'json', path.join(dir, 'nope.txt'));
    assert.equal(none.code, 1);
  });

  describe('file handling: concurrent writers, limits, paths, encodings', () => {
    const sidecarPath = () => doc + '.annotations.json';

    /** Runs the CLI with a port that lets `meanwhile` change the sidecar after analyze read it, before it writes. */
    async function runWithWriteBetween(meanwhile: () => Promise<void>, ...argv: string[]): Promise<Run> {
      let stdout = '';
      let stderr = '';
      let done = false;
      const port: SidecarFilePort = {
        ...nodeSidecarPort,
        async writeTemp(p, content) {
          if (!done) {
            done = true;
            await meanwhile();
          }
          return nodeSidecarPort.writeTemp(p, content);
        },
      };
      const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, port);
      return { code, stdout, stderr };
    }

    it('defect 2: an accept saved while analyze runs is merged in, not overwritten', async () => {
      assert.equal((await run('analyze', doc)).code, 0);
      const before = await sidecarOf();
      const quote = before.annotations.find((a) => a.type === 'quote' && a.text.startsWith('"We have'))!;
      const edited = TEXT + 'The budget is 4 million euros.\n';
      await writeFile(doc, edited);
      const accepted = setStatus(before, [quote.id], 'accepted');
      const r = await runWithWriteBetween(() => writeFile(sidecarPath(), serializeSidecar(accepted)), 'analyze', doc);
      assert.equal(r.code, 0, r.stderr);
      const expected = buildSidecar('article.txt', edited, sha256Of(edited), analyze(edited), accepted);
      assert.deepStrictEqual(await sidecarOf(), expected);
      assert.equal(r.stdout, `${doc}: ${expected.annotations.filter((a) => a.type === 'quote').length} quotes, 1 speaker, 1 figure → article.txt.annotations.json (merged with changes made meanwhile)\n`);
      assert.deepStrictEqual((await readdir(dir)).sort(), ['article.txt', 'article.txt.annotations.json'], 'no temp or lock files left');
    });

    it('defect 2: a manual tag and a rejection saved while analyze runs both survive', async () => {
      const s = await reviewed();
      const rejectedId = s.annotations.find((a) => a.status === 'rejected')!.id;
      let theirs = unwrap(addAnnotation(s, TEXT, { type: 'figure', ...at(TEXT, 'Tuesday'), kind: 'date', unit: null })).sidecar;
      theirs = setStatus(theirs, [rejectedId], 'accepted');
      await writeFile(doc, TEXT + 'More.\n');
      const r = await runWithWriteBetween(() => writeFile(sidecarPath(), serializeSidecar(theirs)), 'analyze', doc);
      assert.equal(r.code, 0, r.stderr);
      const edited = TEXT + 'More.\n';
      assert.deepStrictEqual(await sidecarOf(), buildSidecar('article.txt', edited, sha256Of(edited), analyze(edited), theirs));
    });

    it('defect 2: a sidecar made invalid while analyze runs is left alone, one-line error', async () => {
      await reviewed();
      await writeFile(doc, TEXT + 'More.\n');
      const broken = '{"version": 1, "document": [\n';
      const r = await runWithWriteBetween(() => writeFile(sidecarPath(), broken), 'analyze', doc);
      assert.deepStrictEqual(r, {
        code: 1,
        stdout: '',
        stderr: `quotelens: ${sidecarPath()} was changed meanwhile and is not a valid sidecar ($: JSON syntax error at 2:1: Unexpected end of input, expected a value); not overwritten\n`,
      });
      assert.equal(await readFile(sidecarPath(), 'utf8'), broken);
      assert.deepStrictEqual((await readdir(dir)).sort(), ['article.txt', 'article.txt.annotations.json']);
    });

    it('defect 6: an article over the limit is refused before analysis, naming the limit', async () => {
      const big = path.join(dir, 'big.txt');
      await writeFile(big, 'word '.repeat(MAX_ARTICLE_BYTES / 5 + 1));
      const r = await run('analyze', big);
      assert.deepStrictEqual(r, { code: 1, stdout: '', stderr: `quotelens: ${big}: article too large (2.0 MiB; the limit is 2 MiB)\n` });
      assert.deepStrictEqual((await readdir(dir)).sort(), ['article.txt', 'big.txt']);
    });

    it('defect 6: a sidecar over the limit is refused by validate, export and analyze, untouched', async () => {
      // A sparse file of NUL bytes: large on paper, instant to make.
      await writeFile(sidecarPath(), '');
      await truncate(sidecarPath(), MAX_SIDECAR_BYTES + 1);
      const huge = await readFile(sidecarPath());
      const message = `${sidecarPath()}: sidecar too large (64.0 MiB; the limit is 64 MiB)`;
      assert.deepStrictEqual(await run('validate', sidecarPath()), { code: 1, stdout: '', stderr: `quotelens: ${message}\n` });
      assert.deepStrictEqual(await run('export', '--format', 'json', doc), { code: 1, stdout: '', stderr: `quotelens: ${message}\n` });
      assert.deepStrictEqual(await run('analyze', doc), { code: 1, stdout: '', stderr: `quotelens: ${message}\n` });
      assert.equal((await readFile(sidecarPath())).equals(huge), true);
    });

    it('defect 7: validate refuses a document.path that leaves the sidecar folder and reads nothing', async () => {
      const s = await reviewed();
      for (const stored of ['../../../../etc/passwd', '/etc/passwd', '..\\secret.txt']) {
        await writeFile(sidecarPath(), serializeSidecar({ ...s, document: { ...s.document, path: stored } }));
        const problem = resolveDocumentPath(sidecarPath(), stored);
        assert.ok(!problem.ok);
        assert.deepStrictEqual(await run('validate', sidecarPath()), { code: 1, stdout: '', stderr: `${sidecarPath()}: ${problem.problem}\n` });
      }
    });

    it('defect 7: a sidecar in a sub-folder cannot reach a file beside its folder', async () => {
      const sub = path.join(dir, 'sub');
      await mkdir(sub);
      await writeFile(path.join(dir, 'secret.txt'), 'secret');
      const s = await reviewed();
      const file = path.join(sub, 'x.txt.annotations.json');
      await writeFile(file, serializeSidecar({ ...s, document: { ...s.document, path: '../secret.txt' } }));
      assert.deepStrictEqual(await run('validate', file), { code: 1, stdout: '', stderr: `${file}: document.path leads outside its folder: "../secret.txt"\n` });
      await writeFile(doc + '.annotations.json', serializeSidecar({ ...s, document: { ...s.document, path: '../etc/passwd' } }));
      const before = await readFile(doc + '.annotations.json', 'utf8');
      const r = await run('analyze', doc);
      assert.deepStrictEqual(r, { code: 1, stdout: '', stderr: `quotelens: ${doc}.annotations.json: invalid sidecar, left untouched: document.path leads outside its folder: "../etc/passwd"\n` });
      assert.equal(await readFile(doc + '.annotations.json', 'utf8'), before);
    });

    for (const [name, bigEndian] of [['LE', false], ['BE', true]] as const) {
      it(`defect 8: a UTF-16 ${name} document with a byte order mark is analysed like its UTF-8 twin`, async () => {
        const bytes = Buffer.from('\ufeff' + TEXT, 'utf16le');
        if (bigEndian) bytes.swap16();
        const wide = path.join(dir, 'wide.txt');
        await writeFile(wide, bytes);
        const r = await run('analyze', wide);
        assert.equal(r.code, 0, r.stderr);
        const s = await sidecarOf(wide);
        assert.deepStrictEqual(s, buildSidecar('wide.txt', TEXT, sha256Of(TEXT), analyze(TEXT)));
        assert.deepStrictEqual(await run('validate', wide), { code: 0, stdout: `${wide}.annotations.json: ok\n`, stderr: '' });
      });
    }
  });
});
