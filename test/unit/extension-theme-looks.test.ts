/**
 * The theme check as a table: each row is one theme and a few fills, compared whole with the
 * report. The expected distances and contrasts are written as the colour-maths call on the pair
 * that should be the smallest (the maths itself is tested in extension-looks.test.ts), so each row
 * also says WHICH pair the report must have measured.
 */
import assert from 'node:assert/strict';
import { blend, contrastRatio, deltaE, parseHex, tintAngle, type Rgba } from '../../src/extension/model/colorContrast';
import { checkTheme, themeColor, type HighlightFill, type ThemeKind, type ThemeReport, type ThemeUnderTest } from '../../src/extension/model/themeLooks';

function rgba(hex: string): Rgba {
  const c = parseHex(hex);
  if (!c) throw new Error(`not a colour: ${hex}`);
  return c;
}

/** `hex` as drawn over the opaque background `bg`. */
const over = (hex: string, bg: string): Rgba => blend(rgba(hex), rgba(bg));
/** ΔE between two colours, both drawn over `bg`. */
const apart = (x: string, y: string, bg: string): number => deltaE(over(x, bg), over(y, bg));
/** Contrast of the text colour `fg` on `fill` drawn over `bg`. */
const textOn = (fg: string, fill: string, bg: string): number => contrastRatio(rgba(fg), over(fill, bg));

// VS Code's defaults, as the check must fall back to them (see the defaults row below).
const LIGHT = { bg: '#FFFFFF', fg: '#333333', selection: '#ADD6FF', find: '#EA5C0055' };
const DARK = { bg: '#1E1E1E', fg: '#BBBBBB', selection: '#264F78', find: '#EA5C0055' };
// A theme whose own text contrast (4.13) is below WCAG AA and whose selection is too faint to have a hue.
const SOLAR = { bg: '#FDF6E3', fg: '#657B83', selection: '#EEE8D5', find: '#EA5C0055' };
const SOLARIZED: ThemeUnderTest = {
  label: 'Solar',
  kind: 'light',
  colors: { 'editor.background': SOLAR.bg, 'editor.foreground': SOLAR.fg, 'editor.selectionBackground': SOLAR.selection },
};

interface Row {
  name: string;
  theme: ThemeUnderTest;
  fills: HighlightFill[];
  expected: ThemeReport;
}

const ROWS: Row[] = [
  {
    name: 'a fill drawn exactly like the selection is flagged (ΔE 0, tint angle 0)',
    theme: { label: 'Light', kind: 'light', colors: {} },
    fills: [{ name: 'quote.accepted', background: '#ADD6FF' }],
    expected: {
      problems: ['Light: quote.accepted #add6ff looks like editor.selectionBackground #add6ff (ΔE 0.0, tint angle 0°)'],
      minDeltaFromSelection: 0,
      minAngleWhenNear: 0,
      minTextContrast: textOn(LIGHT.fg, '#ADD6FF', LIGHT.bg),
    },
  },
  {
    name: 'a fill drawn like the find-match highlight is flagged too',
    theme: { label: 'Light', kind: 'light', colors: {} },
    // #EA5C00 at a third over white: 234/3 + 170 = 248, 92/3 + 170 = 201, 0 + 170 = 170.
    fills: [{ name: 'figure.suggested', background: '#EA5C0055' }],
    expected: {
      problems: ['Light: figure.suggested #f8c9aa looks like editor.findMatchHighlightBackground #f8c9aa (ΔE 0.0, tint angle 0°)'],
      minDeltaFromSelection: 0,
      minAngleWhenNear: 0,
      minTextContrast: textOn(LIGHT.fg, '#EA5C0055', LIGHT.bg),
    },
  },
  {
    name: 'high-contrast themes draw no find-match highlight: only the selection is compared',
    theme: { label: 'HC', kind: 'highContrast', colors: {} },
    fills: [{ name: 'quote.accepted', background: '#F3F518' }],
    expected: {
      problems: [
        'HC: quote.accepted #f3f518 looks like editor.selectionBackground #f3f518 (ΔE 0.0, tint angle 0°)',
        'HC: text #ffffff on quote.accepted #f3f518 has contrast 1.17',
      ],
      minDeltaFromSelection: 0,
      minAngleWhenNear: 0,
      minTextContrast: textOn('#FFFFFF', '#F3F518', '#000000'),
    },
  },
  {
    name: 'a theme colour that is not a colour is left out: the default selection blue passes when the theme has no selection',
    theme: { label: 'Dark', kind: 'dark', colors: { 'editor.selectionBackground': 'none' } },
    fills: [{ name: 'quote.accepted', background: DARK.selection }],
    expected: {
      problems: ['Dark: text #bbbbbb on quote.accepted #264f78 has contrast 4.42'],
      minDeltaFromSelection: apart(DARK.selection, DARK.find, DARK.bg),
      minAngleWhenNear: 180,
      minTextContrast: textOn(DARK.fg, DARK.selection, DARK.bg),
    },
  },
  {
    name: 'a fill tinting like the selection but 20 ΔE or more away is not selection-like and sets no angle',
    theme: { label: 'Dark', kind: 'dark', colors: {} },
    fills: [{ name: 'quote.accepted', background: '#3A7BD5' }],
    expected: {
      problems: ['Dark: text #bbbbbb on quote.accepted #3a7bd5 has contrast 2.20'],
      minDeltaFromSelection: apart('#3A7BD5', DARK.selection, DARK.bg),
      minAngleWhenNear: 180,
      minTextContrast: textOn(DARK.fg, '#3A7BD5', DARK.bg),
    },
  },
  {
    name: 'faint selection: a near fill of no common hue passes (angle 90), one tinting like the find match does not; text keeps 80 % of the theme contrast',
    theme: SOLARIZED,
    fills: [
      // Contrast 3.34: under 4.5, over 0.8 × 4.13 = 3.30.
      { name: 'quote.suggested', background: '#268BD230' },
      { name: 'quote.accepted', background: '#268BD250' },
      { name: 'figure.suggested', background: '#CB4B1620' },
    ],
    expected: {
      problems: [
        'Solar: text #657b83 on quote.accepted #bad4de has contrast 2.88',
        'Solar: figure.suggested #f7e1c9 looks like editor.findMatchHighlightBackground #f7c397 (ΔE 19.1, tint angle 13°)',
      ],
      minDeltaFromSelection: apart('#CB4B1620', SOLAR.selection, SOLAR.bg),
      minAngleWhenNear: tintAngle(over('#CB4B1620', SOLAR.bg), over(SOLAR.find, SOLAR.bg), rgba(SOLAR.bg)),
      minTextContrast: textOn(SOLAR.fg, '#268BD250', SOLAR.bg),
    },
  },
  {
    name: 'a fill without a colour is reported and the next fill is still checked',
    theme: { label: 'Dark', kind: 'dark', colors: {} },
    fills: [
      { name: 'quote.manual', background: 'transparent' },
      { name: 'quote.accepted', background: '#D1478C3C' },
    ],
    expected: {
      problems: ['Dark: quote.manual has no colour (transparent)'],
      minDeltaFromSelection: apart('#D1478C3C', DARK.selection, DARK.bg),
      minAngleWhenNear: 180,
      minTextContrast: textOn(DARK.fg, '#D1478C3C', DARK.bg),
    },
  },
  {
    name: 'only looks of one type are compared with each other',
    theme: { label: 'Dark', kind: 'dark', colors: {} },
    fills: [
      { name: 'figure.suggested', background: '#34B24940' },
      { name: 'quote.suggested', background: '#34B24940' },
      { name: 'figure.manual', background: '#34B24941' },
      { name: 'figure.accepted', background: '#D1478C3C' },
    ],
    expected: {
      problems: ['Dark: figure.suggested and figure.manual fills are too alike (ΔE 0.4)'],
      minDeltaFromSelection: apart('#D1478C3C', DARK.selection, DARK.bg),
      minAngleWhenNear: 180,
      minTextContrast: textOn(DARK.fg, '#34B24941', DARK.bg),
    },
  },
  {
    name: 'an unreadable editor background ends the check and names the colours',
    theme: { label: 'Dark', kind: 'dark', colors: { 'editor.background': 'white' } },
    fills: [{ name: 'quote.accepted', background: '#D1478C3C' }],
    expected: { problems: ['Dark: unreadable editor colours (background white, foreground #BBBBBB)'], minDeltaFromSelection: 0, minAngleWhenNear: 0, minTextContrast: 0 },
  },
  {
    name: 'an unreadable editor foreground ends the check and names the colours',
    theme: { label: 'Light', kind: 'light', colors: { 'editor.foreground': 'black' } },
    fills: [{ name: 'quote.accepted', background: '#D1478C3C' }],
    expected: { problems: ['Light: unreadable editor colours (background #FFFFFF, foreground black)'], minDeltaFromSelection: 0, minAngleWhenNear: 0, minTextContrast: 0 },
  },
];

describe('extension model: theme check table', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      assert.deepStrictEqual(checkTheme(row.theme, row.fills), row.expected);
    });
  }

  it("falls back to VS Code's defaults per kind of theme, and to nothing for colours it does not know", () => {
    const ids = ['editor.background', 'editor.foreground', 'editor.selectionBackground', 'editor.findMatchHighlightBackground', 'editor.lineHighlightBackground'];
    const kinds: ThemeKind[] = ['dark', 'light', 'highContrast', 'highContrastLight'];
    const table = Object.fromEntries(ids.map((id) => [id, kinds.map((kind) => themeColor({}, id, kind))]));
    assert.deepStrictEqual(table, {
      'editor.background': ['#1E1E1E', '#FFFFFF', '#000000', '#FFFFFF'],
      'editor.foreground': ['#BBBBBB', '#333333', '#FFFFFF', '#292929'],
      'editor.selectionBackground': ['#264F78', '#ADD6FF', '#F3F518', '#0F4A85'],
      'editor.findMatchHighlightBackground': ['#EA5C0055', '#EA5C0055', null, null],
      'editor.lineHighlightBackground': [null, null, null, null],
    });
  });
});
