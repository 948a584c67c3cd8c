#!/usr/bin/env node
// Regenerates the commands and settings tables of the README from package.json, between the
// markers <!-- commands:start --> … <!-- commands:end --> and <!-- settings:start --> … <!-- settings:end -->.
//
//   node scripts/readme-tables.mjs            rewrite README.md
//   node scripts/readme-tables.mjs --check    exit 1 (and say which) when a table is out of date
//   node scripts/readme-tables.mjs FILE...    only these files
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s) => `\`${s}\``;

function prettyKey(key) {
  return key.split('+').map((k) => (k.length === 1 ? k.toUpperCase() : k[0].toUpperCase() + k.slice(1))).join('+');
}

export function commandsTable(pkg) {
  const keys = new Map();
  for (const k of pkg.contributes.keybindings ?? []) keys.set(k.command, [...(keys.get(k.command) ?? []), prettyKey(k.key)]);
  const hidden = new Set((pkg.contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
  const rows = pkg.contributes.commands.map((c) => {
    const title = `${c.category ? `${c.category}: ` : ''}${c.title}`;
    const where = hidden.has(c.command) ? 'tree only' : 'palette';
    return `| ${cell(title)} | ${code(c.command)} | ${(keys.get(c.command) ?? []).map(code).join(', ') || '—'} | ${where} |`;
  });
  return ['| Command | ID | Keys | Where |', '|---|---|---|---|', ...rows].join('\n');
}

function defaultText(v) {
  return v === undefined ? '—' : code(JSON.stringify(v));
}

export function settingsTable(pkg) {
  const props = pkg.contributes.configuration.properties;
  const rows = Object.entries(props).map(([key, p]) => {
    const desc = (p.markdownDescription ?? p.description ?? '').replace(/`#([\w.]+)#`/g, '`$1`');
    const values = p.enum ? ` One of ${p.enum.map((e) => code(e)).join(', ')}.` : '';
    return `| ${code(key)} | ${defaultText(p.default)} | ${cell(desc + values)} |`;
  });
  return ['| Setting | Default | Description |', '|---|---|---|', ...rows].join('\n');
}

export function rewrite(text, pkg) {
  const put = (src, name, table) => {
    const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(src)) return src;
    return src.replace(re, (_m, a, b) => `${a}\n${table}\n${b}`);
  };
  return put(put(text, 'commands', commandsTable(pkg)), 'settings', settingsTable(pkg));
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const given = args.filter((a) => !a.startsWith('--'));
  const files = (given.length ? given : ['README.md'])
    .map((f) => path.resolve(ROOT, f));
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
  let stale = 0;
  for (const file of files) {
    if (!existsSync(file)) {
      stale++;
      console.error(`${path.relative(ROOT, file)}: missing`);
      continue;
    }
    const text = await readFile(file, 'utf8');
    if (!text.includes('<!-- commands:start -->') || !text.includes('<!-- settings:start -->')) {
      stale++;
      console.error(`${path.relative(ROOT, file)}: no commands/settings table markers`);
      continue;
    }
    const next = rewrite(text, pkg);
    if (next === text) continue;
    if (check) {
      stale++;
      console.error(`${path.relative(ROOT, file)}: tables out of date with package.json (run: node scripts/readme-tables.mjs)`);
    } else {
      await writeFile(file, next);
      console.log(`updated ${path.relative(ROOT, file)}`);
    }
  }
  process.exitCode = stale > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 2;
  });
}
