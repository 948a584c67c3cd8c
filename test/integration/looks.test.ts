// Highlight looks in a real VS Code: for every built-in colour theme the host offers, our default
// fills (for the theme's kind) must not look like its selection; in VS Code's default themes they
// must not look like the find-match highlight either, must keep the text readable and must differ
// from each other. And an article with a suggested, an accepted and a hand-tagged quote gets each
// in its own decoration bucket.
import { sha256Of } from '../hash';
import * as assert from 'assert';
import * as jsonc from 'jsonc-parser';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/extension/constants';
import { DECORATED_STATUSES, DECORATED_TYPES, emptyPlan } from '../../src/extension/model/decorationPlan';
import { lookColors } from '../../src/extension/model/looks';
import { checkTheme, themeKind, type HighlightFill, type ThemeKind, type ThemeReport, type ThemeUnderTest } from '../../src/extension/model/themeLooks';
import { addAnnotation, emptySidecar, serializeSidecar, setStatus } from '../../src/sidecar';
import type { Sidecar } from '../../src/sidecar/types';
import { api, dec, enc, until, ws } from './helpers';

interface ThemeContribution {
  id?: string;
  label: string;
  uiTheme: string;
  path: string;
}

interface ThemeFile {
  include?: string;
  colors?: Record<string, string>;
}

/** VS Code's default themes (Dark Modern, Light Modern, the high-contrast ones, …) live here. */
const DEFAULT_THEMES_EXTENSION = 'vscode.theme-defaults';

/** A theme file's colours, its `include` chain first so that its own colours win. */
async function themeColors(uri: vscode.Uri, depth = 0): Promise<Record<string, string>> {
  // Token-only includes (.tmTheme) and runaway chains have no workbench colours.
  if (!uri.path.endsWith('.json') || depth > 5) return {};
  const file = jsonc.parse(dec.decode(await vscode.workspace.fs.readFile(uri))) as ThemeFile;
  const included = file.include ? await themeColors(vscode.Uri.joinPath(uri, '..', file.include), depth + 1) : {};
  return { ...included, ...(file.colors ?? {}) };
}

interface BuiltinTheme extends ThemeUnderTest {
  extension: string;
}

/** Every colour theme that a built-in extension (`vscode.*`) contributes, with its colours resolved. */
async function builtinThemes(): Promise<BuiltinTheme[]> {
  const themes: BuiltinTheme[] = [];
  for (const ext of vscode.extensions.all.filter((e) => e.id.startsWith('vscode.'))) {
    const contributed = (ext.packageJSON as { contributes?: { themes?: ThemeContribution[] } }).contributes?.themes ?? [];
    for (const t of contributed) {
      const kind = themeKind(t.uiTheme);
      if (!kind) continue;
      // The id is what `workbench.colorTheme` names; the label may be a localisation key.
      themes.push({ label: t.id ?? t.label, kind, extension: ext.id, colors: await themeColors(vscode.Uri.joinPath(ext.extensionUri, t.path)) });
    }
  }
  return themes;
}

/** Our contributed default fill of every look, for one kind of theme. */
function ourFills(kind: ThemeKind): HighlightFill[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} loaded`);
  const colors = (ext.packageJSON as { contributes: { colors: { id: string; defaults: Record<ThemeKind, string> }[] } }).contributes.colors;
  return DECORATED_TYPES.flatMap((type) =>
    DECORATED_STATUSES.map((status) => {
      const id = lookColors(type, status).background;
      const contributed = colors.find((c) => c.id === id);
      assert.ok(contributed, `colour ${id} contributed`);
      return { name: `${type}.${status}`, background: contributed.defaults[kind] };
    }),
  );
}

function summary(theme: BuiltinTheme, r: ThemeReport): string {
  return `${theme.label} (${theme.kind}): min ΔE to selection/find ${r.minDeltaFromSelection.toFixed(1)}, min text contrast ${r.minTextContrast.toFixed(2)}, ${r.problems.length} problem(s)`;
}

describe('QuoteLens highlight looks in every theme (real VS Code)', function () {
  this.timeout(30000);

  it('no highlight looks like the selection in any built-in theme; default themes pass every check', async () => {
    const themes = await builtinThemes();
    const names = themes.map((t) => t.label);
    for (const expected of ['Dark Modern', 'Light Modern', 'Default High Contrast', 'Default High Contrast Light', 'Monokai', 'Solarized Light', 'Abyss']) {
      assert.ok(names.includes(expected), `theme ${expected} offered (have ${names.join(', ')})`);
    }
    const selectionProblems: string[] = [];
    const defaultThemeProblems: string[] = [];
    for (const theme of themes) {
      const report = checkTheme(theme, ourFills(theme.kind));
      console.log(`      ${summary(theme, report)}`);
      for (const p of report.problems) console.log(`        ${p}`);
      selectionProblems.push(...report.problems.filter((p) => p.includes('editor.selectionBackground')));
      if (theme.extension === DEFAULT_THEMES_EXTENSION) defaultThemeProblems.push(...report.problems);
    }
    assert.deepStrictEqual(selectionProblems, []);
    assert.deepStrictEqual(defaultThemeProblems, []);
  });

  it('puts a suggested, an accepted and a hand-tagged quote each in its own bucket', async () => {
    const a = await api();
    const text = [
      'The council met on Tuesday.',
      '',
      '"The bridge opens in May," said Ana Ruiz.',
      '"We checked every bolt," said Tom Beck.',
      '"Nobody asked us," said Lia Moss.',
      '',
    ].join('\n');
    const quote = (needle: string): { start: number; end: number } => {
      const start = text.indexOf(needle);
      assert.ok(start >= 0, needle);
      return { start, end: start + needle.length };
    };
    const [suggested, accepted, manual] = [quote('"The bridge opens in May,"'), quote('"We checked every bolt,"'), quote('"Nobody asked us,"')];
    let sidecar: Sidecar = emptySidecar('looks-three.txt', text, sha256Of(text));
    const ids: string[] = [];
    for (const span of [suggested, accepted, manual]) {
      const added = addAnnotation(sidecar, text, { type: 'quote', ...span, speaker: null });
      assert.ok(!('error' in added), JSON.stringify(added));
      sidecar = added.sidecar;
      ids.push(added.annotation.id);
    }
    // The first two as the analyser would have made them: machine suggestions, one then accepted.
    sidecar = { ...sidecar, annotations: sidecar.annotations.map((x) => (x.id === ids[2] ? x : { ...x, origin: 'auto' as const })) };
    sidecar = setStatus(setStatus(sidecar, [ids[0]], 'suggested'), [ids[1]], 'accepted');

    const docUri = ws('looks-three.txt');
    await vscode.workspace.fs.writeFile(docUri, enc.encode(text));
    await vscode.workspace.fs.writeFile(a.store.sidecarUri(docUri), enc.encode(serializeSidecar(sidecar)));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(docUri));
    await until('the sidecar to load', async () => (await a.store.sidecar(docUri))?.annotations.length === 3);
    await a.flush();
    const plan = await until('the decorations', () => {
      const p = a.decorationPlan(docUri);
      return p && p['quote.manual'].length > 0 ? p : undefined;
    });
    assert.deepStrictEqual(
      { ...plan, speakerLabels: [] },
      { ...emptyPlan(), 'quote.suggested': [suggested], 'quote.accepted': [accepted], 'quote.manual': [manual] },
    );
  });
});
