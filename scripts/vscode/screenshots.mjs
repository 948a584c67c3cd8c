#!/usr/bin/env node
// `npm run screenshots` (after `npm run build`): README pictures of QuoteLens in a real VS Code
// (code-server + headless Chromium, see run.mjs), written to media/screenshots/*.png:
//   overview.png the article under review (some quotes accepted, one rejected), the Entities view,
//                the review status in the status bar, the next unreviewed quote selected
//   editor.png  a sample article with QuoteLens's decorations
//   tree.png    the same with the QuoteLens view (entities tree) open
//   speaker.png the Quotes of Speaker panel of the most quoted speaker
//   hover.png   the hover on the article's first quote
// Usage: node scripts/vscode/screenshots.mjs [--workspace DIR] [--article FILE] [--out DIR] [--ext DIR]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const { values: opts } = parseArgs({
  options: {
    workspace: { type: 'string' },
    article: { type: 'string' },
    out: { type: 'string', default: path.join(ROOT, 'media', 'screenshots') },
    ext: { type: 'string', default: ROOT },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
});
const hasTxt = (d) => fs.existsSync(d) && fs.readdirSync(d).some((f) => f.endsWith('.txt'));
const source = path.resolve(
  opts.workspace ?? [path.join(ROOT, 'samples'), path.join(ROOT, 'test', 'fixtures', 'workspace')].find(hasTxt) ?? 'samples',
);
// A copy of the articles in a temporary folder, analysed by the CLI, with part of the opened article
// reviewed (a review in progress), so the pictures show every look and the review status.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'quotelens-shots-'));
for (const f of fs.readdirSync(source).filter((f) => f.endsWith('.txt'))) fs.copyFileSync(path.join(source, f), path.join(workspace, f));
// As the README suggests: articles in the QuoteLens language (quote colouring, long lines wrapped).
fs.mkdirSync(path.join(workspace, '.vscode'));
fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'files.associations': { '*.txt': 'quotelens' } }, null, 2) + '\n');
const article = opts.article ?? fs.readdirSync(workspace).filter((f) => f.endsWith('.txt')).sort()[0];
if (!article || !fs.existsSync(path.join(workspace, article))) {
  console.error(`screenshots.mjs: no article to open in ${workspace}`);
  process.exit(2);
}

// The cursor position (1-based line:column) just inside the article's first quotation.
function firstQuote(text) {
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    const m = /(^|[\s(])["'\u201c\u2018]/.exec(line);
    if (m) return `${i + 1}:${m.index + m[1].length + 3}`;
  }
  return '1:1';
}
const quoteAt = firstQuote(fs.readFileSync(path.join(workspace, article), 'utf8'));

// Sidecars from the built CLI; in the opened article the first three quotes and their speaker
// mentions are accepted and the fourth quote is rejected.
const articles = fs.readdirSync(workspace).filter((f) => f.endsWith('.txt')).map((f) => path.join(workspace, f));
const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'analyze', '--jobs', '1', '--quiet', ...articles], { stdio: 'inherit' });
if (cli.status !== 0) process.exit(cli.status ?? 1);
const sidecarPath = path.join(workspace, `${article}.annotations.json`);
const sidecar = JSON.parse(fs.readFileSync(sidecarPath, 'utf8'));
const quotes = sidecar.annotations.filter((a) => a.type === 'quote').sort((a, b) => a.start - b.start);
const review = (a, status) => {
  a.status = status;
};
for (const q of quotes.slice(0, 3)) {
  review(q, 'accepted');
  const mention = q.speakerMention && sidecar.annotations.find((a) => a.type === 'speaker' && a.start === q.speakerMention.start);
  if (mention) review(mention, 'accepted');
}
if (quotes[3]) review(quotes[3], 'rejected');
fs.writeFileSync(sidecarPath, JSON.stringify(sidecar, null, 2) + '\n');
const valid = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'validate', sidecarPath], { stdio: 'inherit' });
if (valid.status !== 0) process.exit(valid.status ?? 1);

const setup = spawnSync('bash', [path.join(ROOT, 'test', 'vscode-host', 'setup.sh')], { stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status ?? 1);

const shots = [
  {
    // The first screen of the README: the article under review, the Entities view, the review status.
    name: 'overview.png',
    args: [
      '--command', 'workbench.view.extension.quotelens',
      '--keys', 'wait:2500,command:quotelens.nextUnreviewed,wait:1500',
      '--wait-for', '.part.sidebar .monaco-list-row',
    ],
  },
  { name: 'editor.png', args: ['--command', 'workbench.action.closeSidebar'] },
  {
    name: 'tree.png',
    args: ['--command', 'workbench.view.extension.quotelens', '--keys', 'wait:2500', '--wait-for', '.part.sidebar .monaco-list-row'],
  },
  {
    // Quotes of Speaker: the palette command asks for a speaker; the first (most quoted) is taken.
    name: 'speaker.png',
    args: ['--command', 'workbench.action.closeSidebar', '--keys', 'wait:2000,command:quotelens.showQuotesOfEntity,wait:1500,Enter,wait:3000'],
  },
  {
    name: 'hover.png',
    args: ['--command', 'workbench.action.closeSidebar', '--keys', `ctrl+g,${quoteAt},Enter,wait:300,command:editor.action.showHover,wait:1200`],
  },
];
let failed = 0;
for (const shot of shots) {
  const out = path.join(path.resolve(opts.out), shot.name);
  const res = spawnSync(process.execPath, [
    path.join(HERE, 'run.mjs'),
    '--ext', path.resolve(opts.ext),
    '--workspace', workspace,
    '--open', article,
    '--installed', // as a user has it: no "Extension Development Host" title, toasts shown
    '--size', '1400x900',
    '--wait-ms', '2500',
    ...shot.args,
    '--screenshot', out,
    ...(opts.verbose ? ['--verbose'] : []),
  ], { stdio: 'inherit' });
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
