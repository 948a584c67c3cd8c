// Which StrykerJS configuration mutates which source files (see docs/mutation-testing.md, "Areas"):
// src/core with stryker.core.config.mjs (only the tests that check the core's behaviour), the
// rest with stryker.config.mjs (every unit test). `planRuns` turns the arguments of
// `npm run test:mutation -- ARGS` into one Stryker run per area that has files to mutate.

export const CORE_CONFIG = 'stryker.core.config.mjs';
export const MAIN_CONFIG = 'stryker.config.mjs';

/** A mutate pattern (a glob, maybe with `:lines`) of the core area: it names files under src/core/. */
const isCore = (pattern) => pattern.replace(/^\.\//, '').startsWith('src/core/');

/**
 * The Stryker runs for `args`, in order, each `{ config, args }`, and whether the report of the
 * runs is to be laid over the previous report (only some files mutated: `--mutate` given).
 * Without `--mutate`, the core area runs with its configuration's files and the main configuration
 * with its own files minus those under src/core. With `--mutate` (or `-m`, comma-separated as in
 * Stryker), each pattern goes to the core area when it starts with `src/core/`, else to the main
 * configuration; a negated pattern (`!…`) goes to both. An area without a pattern of its own does
 * not run. Every other argument is passed to each run.
 * @param {string[]} args
 * @param {string[]} mainMutate the `mutate` list of stryker.config.mjs
 * @returns {{ runs: { config: string, args: string[] }[], overPrevious: boolean }}
 */
export function planRuns(args, mainMutate) {
  const rest = [];
  let patterns = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const inline = /^--mutate=(.*)$/.exec(a);
    if (a === '--mutate' || a === '-m' || inline) {
      const value = inline ? inline[1] : args[++i];
      if (value === undefined || value === '') throw new Error(`${a} needs a comma-separated list of files`);
      patterns = [...(patterns ?? []), ...value.split(',').filter(Boolean)];
    } else {
      rest.push(a);
    }
  }
  if (patterns === null) {
    return {
      runs: [
        { config: CORE_CONFIG, args: rest },
        { config: MAIN_CONFIG, args: ['--mutate', mainMutate.filter((p) => !isCore(p.replace(/^!/, ''))).join(','), ...rest] },
      ],
      overPrevious: false,
    };
  }
  const negated = patterns.filter((p) => p.startsWith('!'));
  const core = patterns.filter((p) => !p.startsWith('!') && isCore(p));
  const main = patterns.filter((p) => !p.startsWith('!') && !isCore(p));
  if (core.length + main.length === 0) throw new Error('--mutate names no file to mutate (only negated patterns)');
  const runs = [];
  if (core.length > 0) runs.push({ config: CORE_CONFIG, args: ['--mutate', [...core, ...negated].join(','), ...rest] });
  if (main.length > 0) runs.push({ config: MAIN_CONFIG, args: ['--mutate', [...main, ...negated].join(','), ...rest] });
  return { runs, overPrevious: true };
}
