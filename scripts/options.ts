/** Command-line options shared by the benchmark scripts. */

/** The number after `name` in `args` (e.g. `--runs 7`), or `def` when the option is absent. */
export function numberOption(args: readonly string[], name: string, def: number): number {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
}
