/**
 * Checks QuoteLens's highlight colours against one colour theme: no highlight may look like the
 * theme's selection or find-match colour, text must stay readable on it, and the three looks of an
 * annotation type must differ in colour too (their shapes differ anyway, see `looks.ts`).
 * Pure: the caller reads the theme files and our `contributes.colors` defaults.
 */
import { blend, contrastRatio, deltaE, parseHex, tintAngle, toHex, type Rgba } from './colorContrast';

/** The keys of a `contributes.colors` default, one per kind of theme. */
export type ThemeKind = 'dark' | 'light' | 'highContrast' | 'highContrastLight';

/** The kind of a theme from its `uiTheme` in `contributes.themes`. */
export function themeKind(uiTheme: string): ThemeKind | undefined {
  const kinds: Record<string, ThemeKind> = { vs: 'light', 'vs-dark': 'dark', 'hc-black': 'highContrast', 'hc-light': 'highContrastLight' };
  return kinds[uiTheme];
}

/**
 * VS Code's own defaults (its colour registry) for the colours the check reads, used when a theme
 * leaves them unset; `null` means "not drawn" in that kind of theme.
 */
const VSCODE_DEFAULTS: Readonly<Record<string, Readonly<Record<ThemeKind, string | null>>>> = {
  'editor.background': { dark: '#1E1E1E', light: '#FFFFFF', highContrast: '#000000', highContrastLight: '#FFFFFF' },
  'editor.foreground': { dark: '#BBBBBB', light: '#333333', highContrast: '#FFFFFF', highContrastLight: '#292929' },
  'editor.selectionBackground': { dark: '#264F78', light: '#ADD6FF', highContrast: '#F3F518', highContrastLight: '#0F4A85' },
  'editor.findMatchHighlightBackground': { dark: '#EA5C0055', light: '#EA5C0055', highContrast: null, highContrastLight: null },
};

/** A theme's colour: its own value, else VS Code's default for its kind. */
export function themeColor(colors: Readonly<Record<string, string>>, id: string, kind: ThemeKind): string | null {
  return colors[id] ?? VSCODE_DEFAULTS[id]?.[kind] ?? null;
}

/**
 * A highlight "looks like" the selection (or find match) when, both drawn over the editor
 * background, they are closer than this CIE76 ΔE (20: another colour at a glance) AND tint the
 * background in a similar direction (angle below `MIN_TINT_ANGLE`). The second condition matters
 * in themes whose selection is itself faint (Solarized Light, Quiet Light): there a faint fill is
 * near it in ΔE yet plainly another hue; a fill tinting the same way must be 20 ΔE away.
 */
export const MIN_DELTA_E_FROM_SELECTION = 20;
export const MIN_TINT_ANGLE = 45;
/** How far apart the fills of two looks of one type must be. */
export const MIN_DELTA_E_BETWEEN_LOOKS = 3;
/**
 * Text on a fill keeps WCAG AA (4.5), or, in themes whose own text contrast is lower (Solarized),
 * at least this share of the theme's own contrast: the fill may not make text notably harder to read.
 */
export const MIN_TEXT_CONTRAST = 4.5;
export const MIN_TEXT_CONTRAST_SHARE = 0.8;

export interface ThemeUnderTest {
  label: string;
  kind: ThemeKind;
  /** The theme's `colors`, with its `include` chain merged in. */
  colors: Readonly<Record<string, string>>;
}

/** One highlight fill: `type.status` and its default colour for the theme's kind. */
export interface HighlightFill {
  name: string;
  background: string;
}

/** What one theme's check measured: the problems found (empty when all is well) and the smallest distances. */
export interface ThemeReport {
  problems: string[];
  minDeltaFromSelection: number;
  /** The smallest tint angle among fills closer than `MIN_DELTA_E_FROM_SELECTION` (180 if none). */
  minAngleWhenNear: number;
  minTextContrast: number;
}

function opaque(hex: string, over: Rgba): Rgba | undefined {
  const c = parseHex(hex);
  return c && blend(c, over);
}

/**
 * Compares every fill with the theme's selection and find-match highlight (each blended over the
 * editor background, as drawn), checks the text contrast on it, and compares the looks of each type
 * (fills named `type.status`) pairwise.
 */
export function checkTheme(theme: ThemeUnderTest, fills: readonly HighlightFill[]): ThemeReport {
  const problems: string[] = [];
  const color = (id: string): string | null => themeColor(theme.colors, id, theme.kind);
  // Stryker disable next-line StringLiteral: unreachable, VS Code's defaults give both colours for every kind of theme
  const bgHex = color('editor.background') ?? '#000000';
  // Stryker disable next-line StringLiteral: as above
  const fgHex = color('editor.foreground') ?? '#808080';
  const bg = opaque(bgHex, { r: 0, g: 0, b: 0, a: 1 });
  const fg = bg && opaque(fgHex, bg);
  if (!bg || !fg) {
    return { problems: [`${theme.label}: unreadable editor colours (background ${bgHex}, foreground ${fgHex})`], minDeltaFromSelection: 0, minAngleWhenNear: 0, minTextContrast: 0 };
  }
  const textContrastNeeded = Math.min(MIN_TEXT_CONTRAST, MIN_TEXT_CONTRAST_SHARE * contrastRatio(fg, bg));

  const avoid: { id: string; drawn: Rgba }[] = [];
  for (const id of ['editor.selectionBackground', 'editor.findMatchHighlightBackground']) {
    const hex = color(id);
    const drawn = hex === null ? undefined : opaque(hex, bg);
    if (drawn) avoid.push({ id, drawn });
  }

  let minDeltaFromSelection = Infinity;
  let minTextContrast = Infinity;
  let minAngleWhenNear = 180;
  const drawnFills = new Map<string, Rgba>();
  for (const fill of fills) {
    const drawn = opaque(fill.background, bg);
    if (!drawn) {
      problems.push(`${theme.label}: ${fill.name} has no colour (${fill.background})`);
      continue;
    }
    drawnFills.set(fill.name, drawn);
    for (const a of avoid) {
      const d = deltaE(drawn, a.drawn);
      minDeltaFromSelection = Math.min(minDeltaFromSelection, d);
      if (d >= MIN_DELTA_E_FROM_SELECTION) continue;
      const angle = tintAngle(drawn, a.drawn, bg);
      minAngleWhenNear = Math.min(minAngleWhenNear, angle);
      if (angle < MIN_TINT_ANGLE) {
        problems.push(`${theme.label}: ${fill.name} ${toHex(drawn)} looks like ${a.id} ${toHex(a.drawn)} (ΔE ${d.toFixed(1)}, tint angle ${angle.toFixed(0)}°)`);
      }
    }
    const contrast = contrastRatio(fg, drawn);
    minTextContrast = Math.min(minTextContrast, contrast);
    if (contrast < textContrastNeeded) {
      problems.push(`${theme.label}: text ${toHex(fg)} on ${fill.name} ${toHex(drawn)} has contrast ${contrast.toFixed(2)}`);
    }
  }

  const names = [...drawnFills.keys()];
  for (const [i, x] of names.entries()) {
    for (const y of names.slice(i + 1)) {
      if (x.split('.')[0] !== y.split('.')[0]) continue;
      const d = deltaE(drawnFills.get(x)!, drawnFills.get(y)!);
      if (d < MIN_DELTA_E_BETWEEN_LOOKS) problems.push(`${theme.label}: ${x} and ${y} fills are too alike (ΔE ${d.toFixed(1)})`);
    }
  }
  return { problems, minDeltaFromSelection, minAngleWhenNear, minTextContrast };
}
