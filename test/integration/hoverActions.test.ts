// Hover actions and the speaker after each quote, in a real VS Code: the hover's command links run
// QuoteLens commands with the ids they carry (the sidecar on disk changes), hostile sidecar text stays
// plain, and the decoration plan holds "— Name" labels unless quotelens.showSpeakerAfterQuote is off.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS, SETTINGS } from '../../src/extension/constants';
import { HOVER_COMMANDS } from '../../src/extension/model/hoverText';
import { addAnnotation, addEntity, emptySidecar, serializeSidecar, setStatus } from '../../src/sidecar';
import type { Sidecar } from '../../src/sidecar/types';
import { api, enc, onDisk, until, ws } from './helpers';
import { sha256Of } from '../hash';

const TEXT = 'Keir Starmer told reporters: "We will build the homes." A source added: "Nobody believes it."\n';
const HOSTILE = '[Run](command:workbench.action.terminal.new) <b>Evil</b>';

interface Fixture {
  docUri: vscode.Uri;
  sidecarUri: vscode.Uri;
  starmerQuote: string;
  unknownQuote: string;
  starmer: string;
}

function must<T>(r: T | { error: string }): T {
  if (typeof r === 'object' && r !== null && 'error' in r) throw new Error(r.error);
  return r;
}

function spanOf(needle: string): { start: number; end: number } {
  const start = TEXT.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
}

/** A sidecar with a suggested quote by Keir Starmer (whose alias is hostile) and one by nobody. */
function buildSidecar(name: string, speaker: string): { sidecar: Sidecar; starmerQuote: string; unknownQuote: string; starmer: string } {
  const e = addEntity(emptySidecar(name, TEXT, sha256Of(TEXT)), speaker, 'person');
  let s: Sidecar = { ...e.sidecar, entities: e.sidecar.entities.map((x) => ({ ...x, aliases: [HOSTILE] })) };
  const q1 = must(addAnnotation(s, TEXT, { type: 'quote', ...spanOf('"We will build the homes."'), speaker: e.entity.id }));
  const q2 = must(addAnnotation(q1.sidecar, TEXT, { type: 'quote', ...spanOf('"Nobody believes it."'), speaker: null }));
  const m = must(addAnnotation(q2.sidecar, TEXT, { type: 'speaker', ...spanOf('Keir Starmer'), entity: e.entity.id }));
  s = setStatus(m.sidecar, [q1.annotation.id], 'suggested');
  return { sidecar: s, starmerQuote: q1.annotation.id, unknownQuote: q2.annotation.id, starmer: e.entity.id };
}

/** Writes the article and its sidecar, opens it and waits for the sidecar to load. */
async function openFixture(name: string, speaker = 'Keir Starmer'): Promise<Fixture> {
  const a = await api();
  const docUri = ws(name);
  const sidecarUri = a.store.sidecarUri(docUri);
  const built = buildSidecar(name, speaker);
  await vscode.workspace.fs.writeFile(docUri, enc.encode(TEXT));
  await vscode.workspace.fs.writeFile(sidecarUri, enc.encode(serializeSidecar(built.sidecar)));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(docUri));
  await until('the sidecar to load', async () => (await a.store.sidecar(docUri))?.annotations.some((x) => x.id === built.starmerQuote));
  return { docUri, sidecarUri, starmerQuote: built.starmerQuote, unknownQuote: built.unknownQuote, starmer: built.starmer };
}

/** The Markdown of every hover at `offset`, with its trust setting. */
async function hoverAt(docUri: vscode.Uri, offset: number): Promise<{ value: string; isTrusted: unknown }[]> {
  const doc = await vscode.workspace.openTextDocument(docUri);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', docUri, doc.positionAt(offset));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? { value: c, isTrusted: undefined } : { value: c.value, isTrusted: (c as vscode.MarkdownString).isTrusted })));
}

/** Unescaped `command:` links of a Markdown string: label, command id and decoded arguments. */
function commandLinks(markdown: string): { label: string; command: string; args: unknown[] }[] {
  return [...markdown.matchAll(/(?<!\\)\[([^\]]*)\]\(command:([\w.]+)\?([^)\s]*)\)/g)].map((m) => ({
    label: m[1],
    command: m[2],
    args: JSON.parse(decodeURIComponent(m[3])) as unknown[],
  }));
}

describe('QuoteLens hover actions and speaker labels (real VS Code)', function () {
  this.timeout(30000);

  it('the hover on a quote offers Accept · Reject · Set Speaker… · Show all quotes, trusted for QuoteLens only', async () => {
    const f = await openFixture('qa-hover-actions.txt');
    const md = (await hoverAt(f.docUri, spanOf('build the homes').start)).find((h) => h.value.includes('**Quote**'));
    assert.ok(md, 'a QuoteLens hover');
    assert.deepStrictEqual(commandLinks(md.value), [
      { label: 'Accept', command: COMMANDS.accept, args: [f.starmerQuote] },
      { label: 'Reject', command: COMMANDS.reject, args: [f.starmerQuote] },
      { label: 'Set Speaker…', command: COMMANDS.setSpeaker, args: [f.starmerQuote] },
      { label: 'Show all quotes by this speaker', command: COMMANDS.showQuotesOfEntity, args: [f.starmer] },
    ]);
    assert.deepStrictEqual(md.isTrusted, { enabledCommands: [...HOVER_COMMANDS] });
  });

  it("running the hover's Accept link with its decoded arguments accepts the quote on disk", async () => {
    const a = await api();
    const f = await openFixture('qa-hover-accept.txt');
    assert.strictEqual((await onDisk(f.sidecarUri)).annotations.find((x) => x.id === f.starmerQuote)?.status, 'suggested');
    const md = (await hoverAt(f.docUri, spanOf('build the homes').start)).find((h) => h.value.includes('**Quote**'));
    const accept = md && commandLinks(md.value).find((l) => l.label === 'Accept');
    assert.ok(accept, 'an Accept link');
    assert.strictEqual(await vscode.commands.executeCommand(accept.command, ...accept.args), 1);
    await a.flush();
    const disk = await onDisk(f.sidecarUri);
    assert.deepStrictEqual(
      disk.annotations.filter((x) => x.origin === 'manual').map((x) => [x.id, x.status]).sort(),
      [
        [f.starmerQuote, 'accepted'],
        [f.unknownQuote, 'accepted'],
        [disk.annotations.find((x) => x.type === 'speaker' && x.origin === 'manual')!.id, 'accepted'],
      ].sort(),
    );
    const after = (await hoverAt(f.docUri, spanOf('build the homes').start)).find((h) => h.value.includes('**Quote**'));
    assert.deepStrictEqual(after && commandLinks(after.value).map((l) => l.label), ['Reject', 'Set Speaker…', 'Show all quotes by this speaker']);
  });

  it('a hostile alias in the sidecar shows as plain text, not as a link or HTML', async () => {
    const f = await openFixture('qa-hover-hostile.txt');
    const md = (await hoverAt(f.docUri, spanOf('Starmer').start)).find((h) => h.value.includes('mention'));
    assert.ok(md, 'a mention hover');
    assert.ok(md.value.includes('Also: \\[Run\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\<b\\>Evil\\<\\/b\\>'), md.value);
    assert.deepStrictEqual(
      commandLinks(md.value).map((l) => l.command),
      [COMMANDS.reject, COMMANDS.showQuotesOfEntity],
    );
  });

  it('the decoration plan puts "— Name" after each quote, "— ?" when unknown, none when the setting is off', async () => {
    const a = await api();
    const f = await openFixture('qa-hover-labels.txt');
    const ours = [spanOf('"We will build the homes."').end, spanOf('"Nobody believes it."').end];
    const labelsOf = () => a.decorationPlan(f.docUri)?.speakerLabels.filter((l) => ours.includes(l.at));
    await a.flush();
    await until('speaker labels', () => labelsOf()?.length === 2);
    assert.deepStrictEqual(labelsOf(), [
      { at: ours[0], label: '— Keir Starmer' },
      { at: ours[1], label: '— ?' },
    ]);
    // What the editor shows: inlay hints (they take part in line wrapping) at the quotes' ends.
    const doc = await vscode.workspace.openTextDocument(f.docUri);
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    const shown = async (): Promise<{ at: number; label: string }[]> =>
      ((await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', f.docUri, whole)) ?? [])
        .map((h) => ({ at: doc.offsetAt(h.position), label: typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('') }))
        .filter((h) => ours.includes(h.at));
    assert.deepStrictEqual(await shown(), [
      { at: ours[0], label: '— Keir Starmer' },
      { at: ours[1], label: '— ?' },
    ]);
    const config = vscode.workspace.getConfiguration();
    await config.update(SETTINGS.showSpeakerAfterQuote, false, vscode.ConfigurationTarget.Workspace);
    try {
      await until('no speaker labels', () => a.decorationPlan(f.docUri)?.speakerLabels.length === 0);
      assert.deepStrictEqual(a.decorationPlan(f.docUri)?.speakerLabels, []);
      assert.deepStrictEqual(await shown(), []);
      assert.ok(a.decorationPlan(f.docUri)?.['quote.manual'].some((s) => s.end === ours[1]), 'the quotes stay highlighted');
    } finally {
      await config.update(SETTINGS.showSpeakerAfterQuote, undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until('speaker labels again', () => labelsOf()?.length === 2);
  });

  it('"Show all quotes by this speaker" opens the speaker\'s quotes view, whose row reveals the quote', async () => {
    // A speaker of its own: entity ids come from names, so Keir Starmer's quotes in the other test
    // articles would be listed too.
    const f = await openFixture('qa-hover-entity-quotes.txt', 'Ada Quill');
    const md = (await hoverAt(f.docUri, spanOf('build the homes').start)).find((h) => h.value.includes('**Quote**'));
    const show = md && commandLinks(md.value).find((l) => l.command === COMMANDS.showQuotesOfEntity);
    assert.ok(show, 'a Show all quotes link');
    // Put the cursor elsewhere so that the reveal is visible in the selection.
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const title = await vscode.commands.executeCommand<string | undefined>(show.command, ...show.args);
    assert.strictEqual(title, 'Quotes of Ada Quill');
    const a = await api();
    const rows = a.speakerView.panels().find((p) => p.title === title)?.model.rows ?? [];
    assert.deepStrictEqual(rows.map((r) => [r.annotationId, r.status]), [[f.starmerQuote, 'suggested']]);
    // The page posts "open" with the row's key when the row is clicked or Enter is pressed on it,
    // once it has loaded (loading focuses it).
    await until('the page to load', () => a.speakerView.panels().find((p) => p.title === title)?.loaded);
    await a.speakerView.receive(title, { type: 'open', key: rows[0].key });
    const active = vscode.window.activeTextEditor!;
    const { start, end } = spanOf('"We will build the homes."');
    assert.deepStrictEqual(
      [active.document.uri.toString(), active.document.offsetAt(active.selection.start), active.document.offsetAt(active.selection.end)],
      [f.docUri.toString(), start, end],
    );
  });
});
