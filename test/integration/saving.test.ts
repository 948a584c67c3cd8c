// Saving in a real VS Code: the Analyse commands write what they find, and a sidecar changed on disk
// since the extension read it (by the CLI, another window, a person) is merged with or left alone,
// never overwritten. Every test starts where a person starts: an article opened in an editor.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS, EXTENSION_ID } from '../../src/extension/constants';
import type { QuoteLensApi } from '../../src/extension/extension';
import { parseSidecar } from '../../src/sidecar';
import type { Sidecar } from '../../src/sidecar/types';

const enc = new TextEncoder();
const dec = new TextDecoder();

function ws(...parts: string[]): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return vscode.Uri.joinPath(f.uri, ...parts);
}

async function until<T>(what: string, probe: () => T | Promise<T>, ms = 10000): Promise<NonNullable<T>> {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function api(): Promise<QuoteLensApi> {
  const ext = vscode.extensions.getExtension<QuoteLensApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} not loaded`);
  return ext.activate();
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function readText(uri: vscode.Uri): Promise<string> {
  return dec.decode(await vscode.workspace.fs.readFile(uri));
}

/** The sidecar file as it is on disk now (no flush), validated. */
async function onDisk(uri: vscode.Uri): Promise<Sidecar> {
  const parsed = parseSidecar(await readText(uri));
  assert.ok(parsed.ok, `valid sidecar on disk: ${parsed.ok ? '' : JSON.stringify(parsed.issues)}`);
  return parsed.sidecar;
}

/** Creates an article without a sidecar, opens it and waits for the in-memory suggestions. */
async function openFreshArticle(name: string, text: string): Promise<{ editor: vscode.TextEditor; docUri: vscode.Uri; sidecarUri: vscode.Uri; suggestions: Sidecar }> {
  const a = await api();
  const docUri = ws(name);
  await vscode.workspace.fs.writeFile(docUri, enc.encode(text));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(docUri));
  const suggestions = await until('suggestions in memory', async () => {
    const s = await a.store.sidecar(docUri);
    return s && s.annotations.length > 0 ? s : undefined;
  });
  const sidecarUri = a.store.sidecarUri(docUri);
  assert.strictEqual(await exists(sidecarUri), false, 'no sidecar before the command');
  return { editor, docUri, sidecarUri, suggestions };
}

const ARTICLE = (place: string) =>
  `Ferry service to ${place} resumes\n\n` +
  `"We have waited three winters for this boat," said Mara Quill, the harbour master.\n\n` +
  `About 40 passengers boarded the first crossing on Monday. "It was worth the wait," said Tobias Venn.\n\n` +
  `The council spent 2.5 million euros on the new pier.\n`;

describe('Saving sidecars (real VS Code)', function () {
  this.timeout(30000);

  it('"Analyse Document" writes the sidecar of an article that only had suggestions in memory', async () => {
    const a = await api();
    const { docUri, sidecarUri, suggestions } = await openFreshArticle('qa-save-analyse.txt', ARTICLE('Carrow'));
    const count = await vscode.commands.executeCommand<number>(COMMANDS.analyzeDocument);
    // Written when the command returns, without waiting for a debounced save.
    const disk = await onDisk(sidecarUri);
    assert.deepStrictEqual(disk, await a.store.sidecar(docUri));
    assert.deepStrictEqual(disk.annotations, suggestions.annotations);
    assert.strictEqual(count, disk.annotations.filter((x) => x.status === 'suggested').length);
  });

  it('"Analyse Workspace" writes the sidecar of the article open in the editor', async () => {
    const a = await api();
    const { docUri, sidecarUri, suggestions } = await openFreshArticle('qa-save-workspace.txt', ARTICLE('Ostry'));
    const done = await vscode.commands.executeCommand<number>(COMMANDS.analyzeWorkspace);
    assert.ok(typeof done === 'number' && done > 0, `analysed ${done}`);
    const disk = await onDisk(sidecarUri);
    assert.deepStrictEqual(disk, await a.store.sidecar(docUri));
    assert.deepStrictEqual(disk.annotations, suggestions.annotations);
  });
});
