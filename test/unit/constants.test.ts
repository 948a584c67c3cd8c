// Every identifier in src/extension/constants.ts matches package.json's contributions, both ways.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { COLORS, COMMANDS, CONTEXT_KEYS, LANGUAGE_ID, SETTINGS, VIEW_CONTAINERS, VIEWS, EXTENSION_ID } from '../../src/extension/constants';

const ROOT = path.resolve(__dirname, '../../..');

interface Pkg {
  name: string;
  publisher: string;
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings: { command: string; key: string; when?: string }[];
    configuration: { properties: Record<string, { description?: string; markdownDescription?: string; default?: unknown }> };
    colors: { id: string; description: string; defaults: Record<string, string> }[];
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; contents: string }[];
    languages: { id: string }[];
    grammars: { language: string; path: string }[];
  };
}

async function pkg(): Promise<Pkg> {
  return JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as Pkg;
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

describe('extension constants ⇄ package.json', () => {
  it('the extension id is publisher.name', async () => {
    const p = await pkg();
    assert.equal(EXTENSION_ID, `${p.publisher}.${p.name}`);
  });

  it('every command constant is contributed, and every contributed command is a constant', async () => {
    const p = await pkg();
    assert.deepEqual(sorted(p.contributes.commands.map((c) => c.command)), sorted(Object.values(COMMANDS)));
    for (const c of p.contributes.commands) {
      assert.ok(c.title.length > 0, `${c.command} has a title`);
      assert.equal(c.category, 'QuoteLens', `${c.command} is in the QuoteLens category`);
    }
  });

  it('menus and keybindings only name known commands', async () => {
    const p = await pkg();
    const known = new Set<string>(Object.values(COMMANDS));
    for (const [menu, items] of Object.entries(p.contributes.menus)) {
      for (const item of items) assert.ok(known.has(item.command), `${menu}: unknown command ${item.command}`);
    }
    for (const k of p.contributes.keybindings) assert.ok(known.has(k.command), `keybinding ${k.key}: unknown command ${k.command}`);
  });

  it('every setting constant is contributed with a description, and vice versa', async () => {
    const p = await pkg();
    const props = p.contributes.configuration.properties;
    assert.deepEqual(sorted(Object.keys(props)), sorted(Object.values(SETTINGS)));
    for (const [key, prop] of Object.entries(props)) {
      assert.ok(prop.description || prop.markdownDescription, `${key} has a description`);
      assert.ok('default' in prop, `${key} has a default`);
    }
  });

  it('views and view containers match', async () => {
    const p = await pkg();
    assert.deepEqual(sorted(Object.values(p.contributes.views).flat().map((v) => v.id)), sorted(Object.values(VIEWS)));
    assert.deepEqual(sorted(p.contributes.viewsContainers.activitybar.map((c) => c.id)), sorted(Object.values(VIEW_CONTAINERS)));
    assert.deepEqual(sorted(Object.keys(p.contributes.views)), sorted(Object.values(VIEW_CONTAINERS)));
    for (const w of p.contributes.viewsWelcome) assert.ok(Object.values(VIEWS).includes(w.view as never), `welcome for unknown view ${w.view}`);
  });

  it('colours match and have defaults for every theme kind', async () => {
    const p = await pkg();
    assert.deepEqual(sorted(p.contributes.colors.map((c) => c.id)), sorted(Object.values(COLORS)));
    for (const c of p.contributes.colors) {
      assert.deepEqual(sorted(Object.keys(c.defaults)), ['dark', 'highContrast', 'highContrastLight', 'light'], c.id);
      for (const v of Object.values(c.defaults)) assert.match(v, /^#[0-9a-f]{6}([0-9a-f]{2})?$/i, `${c.id}: ${v}`);
    }
  });

  it('when clauses use only known context keys, views and languages', async () => {
    const p = await pkg();
    const known = new Set<string>([...Object.values(CONTEXT_KEYS), ...Object.values(VIEWS)]);
    const clauses = [
      ...Object.values(p.contributes.menus).flat().map((m) => m.when ?? ''),
      ...p.contributes.keybindings.map((k) => k.when ?? ''),
    ];
    const used = new Set<string>();
    for (const clause of clauses) {
      for (const m of clause.matchAll(/\bquotelens\.[A-Za-z.]+/g)) {
        assert.ok(known.has(m[0]), `unknown identifier ${m[0]} in "${clause}"`);
        used.add(m[0]);
      }
    }
    for (const key of Object.values(CONTEXT_KEYS)) assert.ok(used.has(key), `context key ${key} is never used in package.json`);
  });

  it('activates on languages and sidecars, never on "*"', async () => {
    const p = await pkg();
    assert.ok(!p.activationEvents.includes('*'));
    assert.ok(p.activationEvents.includes('onLanguage:plaintext'));
    assert.ok(p.activationEvents.includes(`onLanguage:${LANGUAGE_ID}`));
    assert.ok(p.activationEvents.includes('workspaceContains:**/*.annotations.json'));
    assert.deepEqual(p.contributes.languages.map((l) => l.id), [LANGUAGE_ID]);
    assert.deepEqual(p.contributes.grammars.map((g) => g.language), [LANGUAGE_ID]);
  });

  it('keybindings are scoped to QuoteLens documents', async () => {
    const p = await pkg();
    for (const k of p.contributes.keybindings) {
      assert.match(k.when ?? '', /editorTextFocus && editorLangId =~ \/\^\(plaintext\|quotelens\)\$\//, k.key);
    }
    const keys = p.contributes.keybindings.map((k) => k.key);
    assert.equal(new Set(keys).size, keys.length, 'no key is bound twice');
  });
});
