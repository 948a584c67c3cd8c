// Mutation testing of the analysis core (src/core) with only the tests that check the core's
// behaviour (see docs/mutation-testing.md, "Areas"). `npm run test:mutation` uses it for every
// src/core pattern; by hand:
//   npx stryker run stryker.core.config.mjs --mutate src/core/figures.ts --concurrency 1 --ignoreStatic
// Left out, compared with stryker.config.mjs: the CLI tests (cli-*: files, batches, progress bars
// with real timers, worker threads; what they check of the analysis, "1 quote, 1 speaker, 1 figure"
// of two short texts, is compared with an in-process analyze() or decided by the core tables too),
// extension-analysis-worker (worker threads: they load the instrumented core without the active
// mutant, so they only ever kill a mutant by disagreeing with the mutated main thread), and the
// tests that do not reach src/core (scripts, grammar, extension models other than the analysis
// protocol). A smaller test set can only lower the score, never raise it.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/core/**/*.ts', '!src/**/index.ts'],
  mochaOptions: {
    ...base.mochaOptions,
    spec: [
      'out/test/unit/core-*.test.js', // the core's own tests and tables (scaling: the work counter)
      'out/test/unit/golden.test.js', // every sample, fixture and edge-case text, whole sidecars
      'out/test/unit/export-*.test.js', // CSV figure values and sentence windows from analyze/text
      'out/test/unit/sidecar-*.test.js', // anchoring and diffs use text.ts (surrogates, lowerBoundOf); merge re-analyses
      'out/test/unit/extension-analysis-protocol-table.test.js', // the worker's job, run in process
    ],
  },
  incrementalFile: 'reports/mutation/stryker-incremental-core.json',
};
