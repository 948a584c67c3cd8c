// Whole-workspace export in a real VS Code: an article with a sidecar and one without both end up in
// the file, the returned counts match the file, a broken sidecar is named, and brat gets its .txt
// and annotation.conf. Exports go to a temporary folder outside the workspace (a brat .txt inside
// it would become an article of the later tests); the articles made here are removed afterwards.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { COMMANDS, EXTENSION_ID } from '../../src/extension/constants';
import type { ExportResult } from '../../src/extension/features/export';
import { addAnnotation, addEntity, emptySidecar, serializeSidecar } from '../../src/sidecar';
import { bratProblems } from '../unit/export-fixtures';
import { dec, enc, ws } from './helpers';
import { sha256Of } from '../hash';


const REVIEWED = 'Dock workers 🚢 waited at the gate. "We will stay until the pay is fixed," said Orla Brenn. Some 40 families joined them.\n';
const FRESH = 'The ferry board met on Friday.\n"Nobody wants a strike," said Tomas Veld, the board chair. Fares rose 12% last year.\n';

/** RFC 4180 records (quoted fields may hold commas, doubled quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  assert.strictEqual(row.length + field.length, 0, 'the file ends with CRLF');
  return rows;
}

function reviewedSidecar(): string {
  let s = emptySidecar('reviewed.txt', REVIEWED, sha256Of(REVIEWED));
  s = addEntity(s, 'Orla Brenn', 'person').sidecar;
  const quote = '"We will stay until the pay is fixed,"';
  const start = REVIEWED.indexOf(quote);
  const r = addAnnotation(s, REVIEWED, { type: 'quote', start, end: start + quote.length, speaker: 'orla-brenn' }, { id: 'q-reviewed' });
  assert.ok('sidecar' in r);
  return serializeSidecar(r.sidecar);
}

describe('Export of the whole workspace (real VS Code)', function () {
  this.timeout(60000);
  const out = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'quotelens-export-')));
  const made = [ws('exp', 'reviewed.txt'), ws('exp', 'reviewed.txt.annotations.json'), ws('exp', 'fresh.txt'), ws('exp', 'broken.txt'), ws('exp', 'broken.txt.annotations.json')];

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    await vscode.workspace.fs.writeFile(made[0], enc.encode(REVIEWED));
    await vscode.workspace.fs.writeFile(made[1], enc.encode(reviewedSidecar()));
    await vscode.workspace.fs.writeFile(made[2], enc.encode(FRESH));
    await vscode.workspace.fs.writeFile(made[3], enc.encode('A short note.\n'));
    await vscode.workspace.fs.writeFile(made[4], enc.encode('{ "version": 1, "annotations": ['));
  });

  after(async () => {
    await vscode.workspace.fs.delete(ws('exp'), { recursive: true });
    fs.rmSync(out.fsPath, { recursive: true, force: true });
  });

  it('CSV holds rows of the article with a sidecar and of the one without; counts match the file', async () => {
    const target = vscode.Uri.joinPath(out, 'all.csv');
    const r = await vscode.commands.executeCommand<ExportResult>(COMMANDS.export, 'csv', 'workspace', target);
    assert.ok(r, 'the export ran');
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.deepStrictEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const [header, ...rows] = parseCsv(dec.decode(bytes).replace(/^\uFEFF/, ''));
    const col = (name: string) => header.indexOf(name);
    assert.strictEqual(header.join(','), 'type,document,id,text,kind,status,origin,orphaned,start,end,speaker_name,speaker_entity,speaker_kind,cue,speaker_mention,sentence,value,unit,rule');
    // The reviewed article as saved: exactly its one quote.
    assert.deepStrictEqual(
      rows.filter((x) => x[col('document')] === 'exp/reviewed.txt').map((x) => [x[col('type')], x[col('id')], x[col('status')], x[col('speaker_name')], x[col('sentence')]]),
      [['quote', 'q-reviewed', 'accepted', 'Orla Brenn', '"We will stay until the pay is fixed," said Orla Brenn.']],
    );
    // The article without a sidecar, analysed now: its quote and figure, suggested; nothing written beside it.
    const fresh = rows.filter((x) => x[col('document')] === 'exp/fresh.txt');
    assert.deepStrictEqual(
      fresh.map((x) => [x[col('type')], x[col('text')], x[col('status')], x[col('origin')]]),
      [['quote', '"Nobody wants a strike,"', 'suggested', 'auto'], ['figure', '12%', 'suggested', 'auto']],
    );
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(ws('exp', 'fresh.txt.annotations.json'))));
    assert.strictEqual(r.rows, rows.length);
    assert.deepStrictEqual(r.files.map((u) => u.toString()), [target.toString()]);
    // Every article of the workspace is there or named as skipped, and the counts agree.
    const articles = (await vscode.workspace.findFiles('**/*.txt')).map((u) => vscode.workspace.asRelativePath(u, false)).sort();
    assert.deepStrictEqual(r.skipped.map((s) => s.document), ['exp/broken.txt']);
    assert.match(r.skipped[0].reason, /^invalid sidecar: /);
    assert.strictEqual(r.documents, articles.length - 1);
    const withRows = new Set(rows.map((x) => x[col('document')]));
    assert.ok([...withRows].every((d) => articles.includes(d)), [...withRows].join(', '));
  });

  it('quotelens.export.csvBom false: no byte order mark', async () => {
    const settings = vscode.workspace.getConfiguration('quotelens');
    await settings.update('export.csvBom', false, vscode.ConfigurationTarget.Workspace);
    try {
      const target = vscode.Uri.joinPath(out, 'plain.csv');
      const r = await vscode.commands.executeCommand<ExportResult>(COMMANDS.export, 'csv', 'workspace', target);
      assert.ok(r, 'the export ran');
      const bytes = await vscode.workspace.fs.readFile(target);
      assert.deepStrictEqual([...bytes.slice(0, 5)], [...enc.encode('type,')]);
    } finally {
      await settings.update('export.csvBom', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('brat writes a .ann, a .txt and annotation.conf that validate', async () => {
    const target = vscode.Uri.joinPath(out, 'brat');
    const r = await vscode.commands.executeCommand<ExportResult>(COMMANDS.export, 'brat', 'workspace', target);
    assert.ok(r, 'the export ran');
    const read = async (...p: string[]) => dec.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(target, ...p)));
    const written = new Set(r.files.map((u) => path.relative(target.fsPath, u.fsPath).split(path.sep).join('/')));
    for (const f of ['exp/reviewed.ann', 'exp/reviewed.txt', 'exp/fresh.ann', 'exp/fresh.txt', 'exp/annotation.conf', 'exp/visual.conf']) assert.ok(written.has(f), f);
    const conf = await read('exp', 'annotation.conf');
    const checks = await Promise.all(['reviewed', 'fresh'].map(async (b) => bratProblems(await read('exp', `${b}.ann`), await read('exp', `${b}.txt`), conf)));
    assert.deepStrictEqual(checks, [[], []]);
    assert.strictEqual(await read('exp', 'reviewed.txt'), REVIEWED);
    assert.match(await read('exp', 'reviewed.ann'), /^T1\tQuote 35 73\t"We will stay until the pay is fixed,"\n/);
    const tLines = (await Promise.all([...written].filter((f) => f.endsWith('.ann')).map((f) => read(...f.split('/'))))).join('').split('\n').filter((l) => l.startsWith('T'));
    assert.strictEqual(r.rows, tLines.length);
  });
});
