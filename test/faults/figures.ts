/**
 * Figures of the fault suite. Each fault test records what it measured (`recordFigure`); the root
 * hook in `hooks.ts` prints them all as the last lines of the run, grouped by section, so the
 * README's "How your work is kept safe" table can be read off one run.
 */
export interface Figure {
  section: string;
  name: string;
  value: string;
  /** The target this figure is held to, in words (e.g. "≥ 99.5%", "0"); empty when informative only. */
  target: string;
  met: boolean | undefined;
}

const figures: Figure[] = [];

export function recordFigure(section: string, name: string, value: string | number, target = '', met?: boolean): void {
  figures.push({ section, name, value: String(value), target, met });
}

export function allFigures(): readonly Figure[] {
  return figures;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(2)}%`;
}

/** The table printed after the run: one line per figure, sections in the order first recorded. */
export function formatFigures(list: readonly Figure[]): string {
  if (list.length === 0) return 'fault suite figures: none recorded\n';
  const sections = [...new Set(list.map((f) => f.section))];
  const width = Math.max(...list.map((f) => f.name.length));
  const lines = ['', 'Fault suite figures'];
  for (const section of sections) {
    lines.push(`  ${section}`);
    for (const f of list.filter((x) => x.section === section)) {
      const verdict = f.met === undefined ? '' : f.met ? '  ok' : '  NOT MET';
      const target = f.target ? `  (target ${f.target})` : '';
      lines.push(`    ${f.name.padEnd(width)}  ${f.value}${target}${verdict}`);
    }
  }
  return lines.join('\n') + '\n';
}
