// `quotelens validate` over the cases a sidecar and its document can be in, and how `quotelens
// export` writes: always a temporary file renamed into place, through the CLI's file port, so a
// reader never sees half an export and a failed write leaves nothing behind.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/cli';
import { nodeSidecarPort } from '../../src/cli/sidecarFiles';
import { exportAnnotations } from '../../src/export';
import type { SidecarFilePort } from '../../src/sidecar/guardedWrite';
import { serializeSidecar } from '../../src/sidecar/serialize';
import type { Sidecar } from '../../src/sidecar/types';
import { HARBOUR, harbourDoc } from './export-fixtures';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: readonly string[], port: SidecarFilePort = nodeSidecarPort): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, port);
  return { code, stdout, stderr };
}

const CHANGED = 'The document has changed since the annotations were written (run analyze to re-anchor)';

describe('cli validate and export writes', () => {
  let dir: string;
  let doc: string;
  let sidecarFile: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quotelens-validate-'));
    doc = path.join(dir, 'harbour.txt');
    sidecarFile = doc + '.annotations.json';
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const writeSidecar = (s: Sidecar = harbourDoc().sidecar) => writeFile(sidecarFile, serializeSidecar(s));

  describe('validate', () => {
    /** [name, files to write (document text or undefined for none; sidecar text), argv from the paths, expected]. */
    const rows: [string, string | undefined, () => string, (p: { doc: string; sidecar: string }) => string[], (p: { doc: string; sidecar: string }) => Run][] = [
      ['a sidecar and its unchanged document', HARBOUR, () => serializeSidecar(harbourDoc().sidecar), (p) => [p.sidecar], (p) => ({ code: 0, stdout: `${p.sidecar}: ok\n`, stderr: '' })],
      ['a document path: its sidecar is checked', HARBOUR, () => serializeSidecar(harbourDoc().sidecar), (p) => [p.doc], (p) => ({ code: 0, stdout: `${p.sidecar}: ok\n`, stderr: '' })],
      ['no document beside it: the sidecar alone is checked', undefined, () => serializeSidecar(harbourDoc().sidecar), (p) => [p.sidecar], (p) => ({ code: 0, stdout: `${p.sidecar}: ok\n`, stderr: '' })],
      ['the document changed: ok with a warning', HARBOUR + 'Fares fell later.\n', () => serializeSidecar(harbourDoc().sidecar), (p) => [p.sidecar], (p) => ({ code: 0, stdout: `${p.sidecar}: ok (warning: ${CHANGED})\n`, stderr: '' })],
      ['the document emptied: ok with a warning', '', () => serializeSidecar(harbourDoc().sidecar), (p) => [p.sidecar], (p) => ({ code: 0, stdout: `${p.sidecar}: ok (warning: ${CHANGED})\n`, stderr: '' })],
      [
        'an annotation moved off its text in the unchanged document',
        HARBOUR,
        () => {
          const s = harbourDoc().sidecar;
          return serializeSidecar({ ...s, annotations: s.annotations.map((a) => (a.id === 'f-a1' ? { ...a, start: a.start + 1, end: a.end + 1 } : a)) });
        },
        (p) => [p.sidecar],
        (p) => ({ code: 1, stdout: '', stderr: `${p.sidecar}: annotations[3].text: Text does not match the document at ${HARBOUR.indexOf('5%') + 1}-${HARBOUR.indexOf('5%') + 3}\n` }),
      ],
      ['an empty sidecar file: a JSON error, not a read error', HARBOUR, () => '', (p) => [p.sidecar], (p) => ({ code: 1, stdout: '', stderr: `${p.sidecar}: $: JSON syntax error at 1:1: Unexpected end of input, expected a value\n` })],
      [
        'several: a line each in argument order, exit 1 when one failed',
        HARBOUR,
        () => serializeSidecar(harbourDoc().sidecar),
        (p) => [p.sidecar, path.join(path.dirname(p.doc), 'other.json'), p.doc],
        (p) => ({ code: 1, stdout: `${p.sidecar}: ok\n${p.sidecar}: ok\n`, stderr: `quotelens: ${path.join(path.dirname(p.doc), 'other.json')}: no such file\n` }),
      ],
    ];
    for (const [name, docText, sidecarText, argv, expected] of rows) {
      it(name, async () => {
        if (docText !== undefined) await writeFile(doc, docText);
        await writeFile(sidecarFile, sidecarText());
        const p = { doc, sidecar: sidecarFile };
        assert.deepStrictEqual(await run(['validate', ...argv(p)]), expected(p));
      });
    }
  });

  describe('export', () => {
    /** The Node port, recording each call (base names only) and optionally failing a rename. */
    function recording(failRename = false): { port: SidecarFilePort; calls: string[] } {
      const calls: string[] = [];
      const port: SidecarFilePort = {
        ...nodeSidecarPort,
        writeTemp: async (file, content) => {
          const temp = await nodeSidecarPort.writeTemp(file, content);
          calls.push(`writeTemp ${path.basename(file)}`);
          return temp;
        },
        rename: async (from, to) => {
          calls.push(`rename ${path.basename(to)}`);
          if (failRename) throw Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES' });
          await nodeSidecarPort.rename(from, to);
        },
        remove: async (file) => {
          calls.push(`remove ${/^\.out\.csv\.\d+\.[0-9a-f]{8}\.tmp$/.test(path.basename(file)) ? 'the temp file' : path.basename(file)}`);
          await nodeSidecarPort.remove(file);
        },
      };
      return { port, calls };
    }

    it('--out: written to a temp file and renamed into place, the path printed', async () => {
      await writeFile(doc, HARBOUR);
      await writeSidecar();
      const out = path.join(dir, 'out.csv');
      const { port, calls } = recording();
      const r = await run(['export', '--format', 'csv', '--bom', '--out', out, doc], port);
      const expected = exportAnnotations('csv', [{ ...harbourDoc(), path: doc }], { csvBom: true }).files[0].content;
      assert.deepStrictEqual(
        { r, calls, content: await readFile(out, 'utf8'), files: (await readdir(dir)).sort() },
        { r: { code: 0, stdout: `${out}\n`, stderr: '' }, calls: ['writeTemp out.csv', 'rename out.csv'], content: expected, files: ['harbour.txt', 'harbour.txt.annotations.json', 'out.csv'] },
      );
      assert.equal(expected.startsWith('\uFEFFtype,document,id,'), true);
    });

    it('a rename that fails: the temp file removed, the old export kept, one line, exit 1', async () => {
      await writeFile(doc, HARBOUR);
      await writeSidecar();
      const out = path.join(dir, 'out.csv');
      await writeFile(out, 'old export\n');
      const { port, calls } = recording(true);
      const r = await run(['export', '--format=csv', '--out', out, doc], port);
      assert.deepStrictEqual(
        { r, calls, content: await readFile(out, 'utf8'), files: (await readdir(dir)).sort() },
        {
          r: { code: 1, stdout: '', stderr: 'quotelens: cannot write export: permission denied\n' },
          calls: ['writeTemp out.csv', 'rename out.csv', 'remove the temp file'],
          content: 'old export\n',
          files: ['harbour.txt', 'harbour.txt.annotations.json', 'out.csv'],
        },
      );
    });

    it('--out in a folder that does not exist: one line, exit 1', async () => {
      await writeFile(doc, HARBOUR);
      await writeSidecar();
      const r = await run(['export', '--format', 'json', '--out', path.join(dir, 'none', 'x.json'), doc]);
      assert.deepStrictEqual(r, { code: 1, stdout: '', stderr: 'quotelens: cannot write export: no such file\n' });
    });

    it('brat beside the document: each file renamed into place and printed, the document itself skipped', async () => {
      await writeFile(doc, HARBOUR);
      await writeSidecar();
      const { port, calls } = recording();
      const r = await run(['export', '--format', 'brat', doc], port);
      const names = ['harbour.ann', 'annotation.conf', 'visual.conf'];
      const files = exportAnnotations('brat', [{ ...harbourDoc(), path: doc }]).files.filter((f) => f.path !== doc);
      assert.deepStrictEqual(
        { r, calls, written: await Promise.all(files.map((f) => readFile(f.path, 'utf8'))), document: await readFile(doc, 'utf8') },
        {
          r: { code: 0, stdout: files.map((f) => `${f.path}\n`).join(''), stderr: '' },
          calls: files.flatMap((f) => [`writeTemp ${path.basename(f.path)}`, `rename ${path.basename(f.path)}`]),
          written: files.map((f) => f.content),
          document: HARBOUR,
        },
      );
      assert.deepStrictEqual(files.map((f) => path.basename(f.path)).sort(), [...names].sort());
    });

    it('brat into a new --out folder: created, the .txt copied there too', async () => {
      await writeFile(doc, HARBOUR);
      await writeSidecar();
      const out = path.join(dir, 'deep', 'brat');
      const r = await run(['export', '--format', 'brat', `--out=${out}`, doc]);
      const names = exportAnnotations('brat', [{ ...harbourDoc(), path: doc }]).files.map((f) => path.basename(f.path));
      assert.deepStrictEqual({ r, files: (await readdir(out)).sort() }, { r: { code: 0, stdout: names.map((n) => `${path.join(out, n)}\n`).join(''), stderr: '' }, files: ['annotation.conf', 'harbour.ann', 'harbour.txt', 'visual.conf'] });
    });

    it('a changed document: annotations re-anchored to the text now', async () => {
      const intro = 'Update at noon.\n';
      const text = intro + HARBOUR;
      const before = harbourDoc().sidecar;
      const live: Sidecar = { ...before, annotations: before.annotations.filter((a) => !a.orphaned) };
      await writeFile(doc, text);
      await writeSidecar(live);
      const r = await run(['export', '--format', 'jsonl', doc]);
      const move = (span: { start: number; end: number }) => ({ start: span.start + intro.length, end: span.end + intro.length });
      const moved: Sidecar = {
        ...live,
        annotations: live.annotations.map((a) => (a.type === 'quote' && a.cue && a.speakerMention ? { ...a, ...move(a), cue: move(a.cue), speakerMention: move(a.speakerMention) } : { ...a, ...move(a) })),
      };
      assert.deepStrictEqual(r, { code: 0, stdout: exportAnnotations('jsonl', [{ path: doc, text, sidecar: moved }]).files[0].content, stderr: '' });
    });

    it('a document without a sidecar: nothing exported for any FILE, exit 1', async () => {
      await writeFile(doc, HARBOUR);
      await writeSidecar();
      const bare = path.join(dir, 'bare.txt');
      await writeFile(bare, 'Nothing was said.\n');
      const out = path.join(dir, 'all.json');
      const r = await run(['export', '--format', 'json', '--out', out, doc, bare]);
      assert.deepStrictEqual(
        { r, files: (await readdir(dir)).sort() },
        { r: { code: 1, stdout: '', stderr: `quotelens: ${bare}: no sidecar (run quotelens analyze first)\n` }, files: ['bare.txt', 'harbour.txt', 'harbour.txt.annotations.json'] },
      );
    });
  });

  it('analyze without --jobs uses a thread per core: with more than one core, sidecars are written by the workers', async () => {
    const other = path.join(dir, 'other.txt');
    await writeFile(doc, HARBOUR);
    await writeFile(other, HARBOUR);
    const recording = (): { port: SidecarFilePort; calls: string[] } => {
      const calls: string[] = [];
      return { port: { ...nodeSidecarPort, writeTemp: (file, content) => (calls.push(path.basename(file)), nodeSidecarPort.writeTemp(file, content)) }, calls };
    };
    const inThread = recording();
    const r = await run(['analyze', '--quiet', doc, other], inThread.port);
    assert.deepStrictEqual({ code: r.code, stdout: r.stdout, calls: inThread.calls }, { code: 0, stdout: '', calls: availableParallelism() > 1 ? [] : ['harbour.txt.annotations.json', 'other.txt.annotations.json'] });
    const one = recording();
    await rm(sidecarFile);
    await run(['analyze', '--jobs', '1', doc], one.port);
    assert.deepStrictEqual(one.calls, ['harbour.txt.annotations.json']);
  });
});
