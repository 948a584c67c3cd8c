// Mutation testing (StrykerJS): small changes are made to the pure modules one at a time and the
// unit tests are run against each; a mutant no test fails shows a behaviour nothing checks.
//   npm run test:mutation                      every pure module (long; incremental after the first run)
//   npm run test:mutation -- --mutate src/sidecar/schema.ts   one module
// `npm run test:mutation` mutates src/core with stryker.core.config.mjs (only the tests that check
// the core's behaviour: a surviving core mutant no longer runs the CLI and worker-thread tests)
// and the rest with this configuration (scripts/mutation/areas.mjs; docs/mutation-testing.md).
// The incremental file (reports/mutation/stryker-incremental.json) lets a re-run after a change
// test only the mutants whose code or tests changed. The JSON report follows the
// mutation-testing-report schema and is committed with the tests (reports/mutation/mutation.json).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'mocha',
  mochaOptions: { config: '.mocharc.json', spec: ['out/test/unit/**/*.test.js'] },
  // The tests run from out/; the sandbox compiles the instrumented sources there.
  buildCommand: 'npx tsc -p .',
  mutate: [
    'src/core/**/*.ts',
    'src/sidecar/**/*.ts',
    'src/export/**/*.ts',
    'src/cli/**/*.ts',
    'src/extension/model/**/*.ts',
    '!src/**/index.ts',
  ],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 75, break: null },
  concurrency: 2,
  timeoutMS: 10000,
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['.stryker-tmp', 'reports', 'test/vscode-host', 'dist', 'media', '.ci'],
};
