/**
 * Pathological inputs for the analysis core, each built to about `n` characters: the shapes that
 * once made `analyze` super-linear (reported cases and their relatives). Shared by
 * `scripts/bench-scaling.ts` (timings) and `test/unit/core-scaling.test.ts` (work counts).
 */

/** Repeats `unit(i)` (i = 0, 1, 2, …) until the text is at least n characters long. */
function build(n: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < n; i++) {
    const piece = unit(i);
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('');
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'be', 'do', 'ga', 'ho', 'ji', 'pe', 'zu', 'we'];

/** A capitalised made-up word, different for each i (so names and entities do not repeat). */
export function madeUpName(i: number): string {
  let s = '';
  let v = i;
  do {
    s += SYLLABLES[v % SYLLABLES.length];
    v = Math.floor(v / SYLLABLES.length);
  } while (v > 0);
  s += SYLLABLES[(i * 7) % SYLLABLES.length];
  return s[0].toUpperCase() + s.slice(1);
}

/** Line and paragraph separators and NUL, taken in turn. */
const ODD_BREAKS = ['\r', '\u2028', '\u2029', '\0', '\r\n'];

export interface ScalingInput {
  name: string;
  make: (n: number) => string;
  /** The scans counted in `work.steps` (src/core/work.ts) run on this input (the others only time it). */
  counted?: boolean;
}

/** The generators, by name. Each one stresses a different stage of `analyze`. */
export const SCALING_INPUTS: readonly ScalingInput[] = [
  { name: 'line `A "b" said C.` repeated', counted: true, make: (n) => build(n, () => 'A "b" said C.\n') },
  { name: 'quotes with \\r U+2028 U+2029 NUL inside', counted: true, make: (n) => build(n, (i) => `He said "one${ODD_BREAKS[i % 5]}two${ODD_BREAKS[(i + 1) % 5]}three" and ${ODD_BREAKS[(i + 2) % 5]}`) },
  { name: '`1,` repeated', counted: true, make: (n) => build(n, () => '1,') },
  { name: '`$1 ` repeated (currency)', counted: true, make: (n) => build(n, () => '$1 ') },
  { name: 'one paragraph, no line breaks', counted: true, make: (n) => build(n, (i) => `${madeUpName(i)} said the plan would cost $${i % 90 + 10} million, and "it is ready," she added. `) },
  { name: 'unclosed opening quotes', counted: true, make: (n) => build(n, (i) => (i % 2 === 0 ? 'He said "word ' : 'and ‘more ')) },
  { name: 'closing quotes', counted: true, make: (n) => build(n, (i) => (i % 2 === 0 ? 'members’ soldiers ' : 'word" ')) },
  { name: 'run of capitalised words', make: (n) => build(n, (i) => `${madeUpName(i)} `) },
  { name: 'names with "said"', make: (n) => build(n, (i) => `${madeUpName(i)} ${madeUpName(i + 1)} said `) },
  { name: 'deep nesting of quote marks', counted: true, make: (n) => build(n / 2, (i) => '“‘«"\''[i % 5] + 'a ') + build(n / 2, (i) => ' b' + '\'"»’”'[i % 5]) },
  { name: 'one very long word', make: (n) => build(n, () => 'ab1') },
  { name: 'one very long dotted word with a slash', counted: true, make: (n) => `In 2024 ${build(n, () => 'a.')} /` },
  // (First names three edits apart or more, so that none is taken for a misspelling of another.)
  { name: 'many people of one surname', counted: true, make: (n) => build(n, (i) => `${madeUpName(i)}${madeUpName(i).toLowerCase().repeat(2)} Smith said it. `) },
  { name: 'two very long names a letter apart', counted: true, make: (n) => { const name = `A${'a'.repeat(Math.max(1, n / 2 - 20))}`; return `${name}x Smith said it. ${name}y Smith said it.`; } },
  { name: 'only punctuation', counted: true, make: (n) => build(n, () => '.,;:!?"\'()—…-') },
  { name: 'a paragraph and its copy', counted: true, make: (n) => { const p = build(n / 2, (i) => `"It is ready," he said. ${madeUpName(i)} ${madeUpName(i + 7)}son agreed. `); return `${p}\n${p}`; } },
];
