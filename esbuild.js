// Bundles the extension (CommonJS, `vscode` external) and its analysis worker, the CLI (with a
// shebang) and the CLI's pool worker (dist/analyzeWorker.js, which the CLI finds beside itself) into dist/.
// `node esbuild.js --watch` rebuilds on change; `--production` minifies.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints esbuild problems in the form VS Code's `$esbuild-watch` problem matcher reads. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [problemMatcherPlugin],
  // jsonc-parser's default (UMD) entry loads its parts with a require esbuild cannot follow, so
  // the bundle would fail at load time; its ES module build bundles cleanly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

async function main() {
  const contexts = await Promise.all([
    esbuild.context({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
    // tinypool starts its workers from its own files (found relative to its module), so it stays a
    // runtime dependency instead of being bundled.
    esbuild.context({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: ['tinypool'] }),
    esbuild.context({ ...common, entryPoints: ['src/cli/analyzeWorker.ts'], outfile: 'dist/analyzeWorker.js' }),
    // The extension's analysis worker (worker_threads), loaded by dist/extension.js from beside it.
    esbuild.context({ ...common, entryPoints: ['src/extension/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' }),
  ]);
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
