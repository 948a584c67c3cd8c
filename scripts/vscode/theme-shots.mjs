#!/usr/bin/env node
// `npm run screenshots:themes` (builds and compiles first): one picture per colour theme of the same
// short article with a suggested, an accepted and a hand-tagged quote (each with a speaker mention
// and a figure of the same status) and a real text selection on the last line, for comparison.
// Written to media/screenshots/themes/<theme>.png; look at them side by side when changing colours.
// Usage: node scripts/vscode/theme-shots.mjs [--out DIR] [--theme NAME]... [--verbose]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const require = createRequire(import.meta.url);

const DEFAULT_THEMES = [
  'Dark Modern',
  'Light Modern',
  'Default High Contrast',
  'Default High Contrast Light',
  'Monokai',
  'Solarized Light',
  'Solarized Dark',
  'Abyss',
];
const { values: opts } = parseArgs({
  options: {
    out: { type: 'string', default: path.join(ROOT, 'media', 'screenshots', 'themes') },
    theme: { type: 'string', multiple: true },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
});
const themes = opts.theme?.length ? opts.theme : DEFAULT_THEMES;

const sidecarLib = path.join(ROOT, 'out', 'src', 'sidecar', 'index.js');
if (!fs.existsSync(sidecarLib)) {
  console.error('theme-shots.mjs: out/src/sidecar missing: run "npx tsc -p ." first');
  process.exit(2);
}
const { addAnnotation, addEntity, emptySidecar, serializeSidecar, setStatus } = require(sidecarLib);

const ARTICLE = 'looks.txt';
const LINES = [
  'Suggested:  "The ferry will run 12 times a day," said Ana Ruiz.',
  'Accepted:   "We tested 40 engines this spring," said Tom Beck.',
  'Manual:     "Nobody told the 300 residents," said Lia Moss.',
  'Selection:  this line is selected with the keyboard, as a person would.',
  '',
];
const TEXT = LINES.join('\n');

/** The article's sidecar: line 1 machine-suggested, line 2 a machine suggestion accepted, line 3 tagged by hand. */
function buildSidecar() {
  const must = (r) => {
    if ('error' in r) throw new Error(r.error);
    return r;
  };
  const span = (needle) => {
    const start = TEXT.indexOf(needle);
    if (start < 0) throw new Error(`"${needle}" not in the article`);
    return { start, end: start + needle.length };
  };
  let s = emptySidecar(ARTICLE, TEXT, createHash('sha256').update(TEXT, 'utf8').digest('hex'));
  const rows = [
    ['"The ferry will run 12 times a day,"', 'Ana Ruiz', '12 times', 'suggested'],
    ['"We tested 40 engines this spring,"', 'Tom Beck', '40 engines', 'accepted'],
    ['"Nobody told the 300 residents,"', 'Lia Moss', '300 residents', 'manual'],
  ];
  const auto = new Map();
  for (const [quote, name, figure, look] of rows) {
    const e = addEntity(s, name, 'person');
    s = e.sidecar;
    const added = [
      must(addAnnotation(s, TEXT, { type: 'quote', ...span(quote), speaker: e.entity.id })),
    ];
    s = added[0].sidecar;
    added.push(must(addAnnotation(s, TEXT, { type: 'speaker', ...span(name), entity: e.entity.id })));
    s = added[1].sidecar;
    added.push(must(addAnnotation(s, TEXT, { type: 'figure', ...span(figure), kind: 'count', unit: null })));
    s = added[2].sidecar;
    if (look !== 'manual') for (const a of added) auto.set(a.annotation.id, look);
  }
  s = { ...s, annotations: s.annotations.map((a) => (auto.has(a.id) ? { ...a, origin: 'auto' } : a)) };
  return setStatus(s, [...auto].filter(([, look]) => look === 'suggested').map(([id]) => id), 'suggested');
}

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'quotelens-theme-shots-'));
let failed = 0;
try {
  fs.writeFileSync(path.join(workspace, ARTICLE), TEXT);
  fs.writeFileSync(path.join(workspace, `${ARTICLE}.annotations.json`), serializeSidecar(buildSidecar()));
  const setup = spawnSync('bash', [path.join(ROOT, 'test', 'vscode-host', 'setup.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
  fs.mkdirSync(path.resolve(opts.out), { recursive: true });

  for (const theme of themes) {
    const out = path.join(path.resolve(opts.out), `${theme.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.png`);
    const res = spawnSync(process.execPath, [
      path.join(HERE, 'run.mjs'),
      '--ext', ROOT,
      '--workspace', workspace,
      '--open', ARTICLE,
      '--installed',
      '--theme', theme,
      '--size', '900x300',
      '--setting', 'workbench.startupEditor="none"',
      '--setting', 'editor.minimap.enabled=false',
      '--setting', 'editor.fontSize=15',
      '--command', 'workbench.action.closeSidebar',
      // Select the fourth line's text (after its label) with the keyboard.
      '--keys', 'wait:4000,ctrl+g,4:13,Enter,shift+End,wait:500',
      '--wait-ms', '4000',
      '--screenshot', out,
      ...(opts.verbose ? ['--verbose'] : []),
    ], { stdio: 'inherit' });
    if (res.status !== 0) failed++;
    else console.log(`theme-shots: ${path.relative(ROOT, out)}`);
  }
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
