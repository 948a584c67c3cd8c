#!/usr/bin/env node
// `npm start` (after `npm run build`): opens the sample articles with QuoteLens loaded.
//   - desktop VS Code (`code` on PATH): code --extensionDevelopmentPath=<repo> samples
//   - otherwise: code-server on 127.0.0.1 (installed by test/vscode-host/setup.sh), printing the
//     URL to open in a browser; Ctrl-C stops it. `--serve` forces this route.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const args = process.argv.slice(2);
const forceServe = args.includes('--serve');
const hasFiles = (d) => fs.existsSync(d) && fs.readdirSync(d).some((f) => !f.startsWith('.'));
const workspace = [path.join(ROOT, 'samples'), path.join(ROOT, 'test', 'fixtures', 'workspace')].find(hasFiles);
if (!workspace) {
  console.error('start.mjs: no sample articles (samples/ is empty)');
  process.exit(2);
}

function onPath(cmd) {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        fs.accessSync(path.join(dir, cmd), fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

function run(cmd, cmdArgs) {
  const child = spawn(cmd, cmdArgs, { stdio: 'inherit', cwd: ROOT });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, sig) => process.exit(code ?? (sig ? 1 : 0)));
}

if (!forceServe && onPath('code')) {
  console.log(`Opening ${path.relative(ROOT, workspace)} in VS Code with QuoteLens under development`);
  run('code', [`--extensionDevelopmentPath=${ROOT}`, workspace]);
} else {
  console.log('No desktop "code" on PATH: serving VS Code (code-server) on 127.0.0.1 instead.');
  const setup = spawnSync('bash', [path.join(ROOT, 'test', 'vscode-host', 'setup.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
  run(process.execPath, [path.join(HERE, 'run.mjs'), '--serve', '--workspace', workspace, ...args.filter((a) => a !== '--serve')]);
}
