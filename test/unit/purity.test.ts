import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const PURE_DIRS = ['src/core', 'src/sidecar', 'src/export'];
const FORBIDDEN = new Set(['vscode', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Module specifiers of every import/export/require/dynamic import, type-only ones included. */
export function importedModules(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\s+\w+\s*=\s*require\s*\(\s*['"]([^'"]+)['"]/g,
    /\/\/\/\s*<reference\s+types\s*=\s*['"]([^'"]+)['"]/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[1]);
  // Triple-slash references live in comments, so look for them in the raw source too.
  for (const m of source.matchAll(/\/\/\/\s*<reference\s+types\s*=\s*['"]([^'"]+)['"]/g)) found.push(m[1]);
  return found;
}

/** Problems in one pure-layer source file: forbidden modules and Node-only globals. */
export function purityProblems(source: string): string[] {
  const problems = importedModules(source)
    .filter((m) => FORBIDDEN.has(m) || m.startsWith('node:') || m === 'node' || m.startsWith('@types/node'))
    .map((m) => `imports "${m}"`);
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  for (const g of ['Buffer', '__dirname', '__filename', 'process']) {
    if (new RegExp(`(?<![\\w.'"])${g}\\s*[.(\\[]`).test(code)) problems.push(`uses the Node global ${g}`);
  }
  return problems;
}

async function tsFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await tsFiles(p)));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('purity of core, sidecar and export', () => {
  it('the checker catches every import form', () => {
    const bad = [
      "import * as fs from 'fs';",
      'import { readFile } from "node:fs/promises";',
      "import type { Stats } from 'node:fs';",
      "import type { Hash } from 'crypto';",
      "export { join } from 'path';",
      "const os = require('os');",
      "const v = await import('vscode');",
      "import 'node:util';",
      "import cp = require('child_process');",
      '/// <reference types="node" />',
      'const b = Buffer.from("x");',
      'const e = process.env.HOME;',
    ];
    for (const src of bad) assert.ok(purityProblems(src).length > 0, src);
    const good = ["import { z } from 'zod';", "import type { Span } from '../core/types';", '// we never import fs here', 'const processed = reprocess(x); // Buffer is not used'];
    for (const src of good) assert.deepEqual(purityProblems(src), [], src);
  });

  it('no file under src/core, src/sidecar, src/export imports vscode or a Node built-in', async () => {
    const files = (await Promise.all(PURE_DIRS.map((d) => tsFiles(path.join(ROOT, d))))).flat();
    assert.ok(files.some((f) => f.includes(`${path.sep}sidecar${path.sep}`)), `found no sources under ${ROOT}`);
    const problems: string[] = [];
    for (const f of files) {
      for (const p of purityProblems(await readFile(f, 'utf8'))) problems.push(`${path.relative(ROOT, f)}: ${p}`);
    }
    assert.deepEqual(problems, []);
  });
});
