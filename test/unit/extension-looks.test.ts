// Highlight looks: the colour maths, the theme check and the three look styles.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { blend, contrastRatio, deltaE, parseHex, tintAngle, toHex, toLab } from '../../src/extension/model/colorContrast';
import { DECORATED_STATUSES, DECORATED_TYPES } from '../../src/extension/model/decorationPlan';
import { LOOK_STYLES, lookColors } from '../../src/extension/model/looks';
import { checkTheme, themeColor, themeKind, type ThemeKind } from '../../src/extension/model/themeLooks';

// `+ 0` turns -0 into 0.
const round = (n: number, digits = 2): number => Number(n.toFixed(digits)) + 0;

describe('extension model: colour maths', () => {
  it('parses the hex forms theme files use', () => {
    assert.deepStrictEqual(parseHex('#264F78'), { r: 0x26, g: 0x4f, b: 0x78, a: 1 });
    assert.deepStrictEqual(parseHex('#f00'), { r: 255, g: 0, b: 0, a: 1 });
    assert.deepStrictEqual(parseHex('#ff000080'), { r: 255, g: 0, b: 0, a: 128 / 255 });
    assert.deepStrictEqual(parseHex('#f008'), { r: 255, g: 0, b: 0, a: 136 / 255 });
    assert.deepStrictEqual([parseHex('red'), parseHex('#12345'), parseHex('')], [undefined, undefined, undefined]);
  });

  it('blends a translucent colour over an opaque one', () => {
    const black = parseHex('#000000')!;
    assert.equal(toHex(blend(parseHex('#ffffff80')!, black)), '#808080');
    assert.deepStrictEqual(blend(parseHex('#12345600')!, black), black);
    assert.deepStrictEqual(blend(parseHex('#123456')!, black), parseHex('#123456'));
  });

  it('converts to CIELAB and measures ΔE and contrast like the references', () => {
    const lab = (hex: string) => {
      const c = toLab(parseHex(hex)!);
      return [round(c.l), round(c.a), round(c.b)];
    };
    // Reference values (D65): white L 100, black 0, sRGB red L 53.24 a 80.09 b 67.20.
    assert.deepStrictEqual(lab('#ffffff'), [100, 0, 0]);
    assert.deepStrictEqual(lab('#000000'), [0, 0, 0]);
    assert.deepStrictEqual(lab('#ff0000'), [53.24, 80.09, 67.2]);
    assert.equal(round(deltaE(parseHex('#ffffff')!, parseHex('#000000')!)), 100);
    assert.equal(round(contrastRatio(parseHex('#ffffff')!, parseHex('#000000')!)), 21);
    assert.equal(round(contrastRatio(parseHex('#777777')!, parseHex('#ffffff')!)), 4.48);
  });

  it('measures the hue angle between two tints of a background', () => {
    const white = parseHex('#ffffff')!;
    const over = (hex: string) => blend(parseHex(hex)!, white);
    // Two strengths of one colour: nearly the same hue (Lab is not linear in alpha).
    assert.equal(round(tintAngle(over('#ff000040'), over('#ff000080'), white), 1), 3.9);
    assert.ok(tintAngle(over('#00ff0060'), over('#ff00ff60'), white) > 170, 'green and magenta tints point apart');
    assert.equal(tintAngle(over('#80808060'), over('#ff000060'), white), 90, 'grey has no hue');
  });
});

describe('extension model: theme check', () => {
  const DARK_MODERN = { label: 'Dark Modern', kind: 'dark' as const, colors: { 'editor.background': '#1F1F1F', 'editor.foreground': '#CCCCCC' } };

  it('maps uiTheme to our default keys and falls back to VS Code defaults', () => {
    assert.deepStrictEqual(['vs', 'vs-dark', 'hc-black', 'hc-light', 'other'].map(themeKind), ['light', 'dark', 'highContrast', 'highContrastLight', undefined]);
    assert.equal(themeColor(DARK_MODERN.colors, 'editor.selectionBackground', 'dark'), '#264F78');
    assert.equal(themeColor({ 'editor.selectionBackground': '#abcdef' }, 'editor.selectionBackground', 'light'), '#abcdef');
    assert.equal(themeColor({}, 'editor.findMatchHighlightBackground', 'highContrast'), null);
  });

  it('flags the old blue accepted quote as selection-like in Dark Modern, and passes a distinct one', () => {
    const old = checkTheme(DARK_MODERN, [{ name: 'quote.accepted', background: '#3a7bd555' }]);
    assert.deepStrictEqual(old.problems, ['Dark Modern: quote.accepted #283e5c looks like editor.selectionBackground #264f78 (ΔE 10.0, tint angle 4°)']);
    const ok = checkTheme(DARK_MODERN, [{ name: 'quote.accepted', background: '#d1478c3c' }]);
    assert.deepStrictEqual(ok.problems, []);
  });

  it('flags unreadable text and looks of one type that are too alike', () => {
    const report = checkTheme(DARK_MODERN, [
      { name: 'figure.suggested', background: '#34b249f0' },
      { name: 'figure.manual', background: '#34b249f2' },
    ]);
    assert.deepStrictEqual(report.problems, [
      'Dark Modern: text #cccccc on figure.suggested #33a947 has contrast 1.89',
      'Dark Modern: text #cccccc on figure.manual #33ab47 has contrast 1.86',
      'Dark Modern: figure.suggested and figure.manual fills are too alike (ΔE 0.6)',
    ]);
  });
});

describe('extension model: looks', () => {
  it('gives the three statuses different border shapes', () => {
    const shapes = DECORATED_STATUSES.map((s) => JSON.stringify(LOOK_STYLES[s]));
    assert.equal(new Set(shapes).size, DECORATED_STATUSES.length);
  });

  it('draws each status with the border its doc names: dashed outline, solid underline, solid outline with a thick left bar', () => {
    assert.deepStrictEqual(LOOK_STYLES, {
      suggested: { borderStyle: 'dashed', borderWidth: '1px' },
      accepted: { borderStyle: 'solid', borderWidth: '0 0 2px 0' },
      manual: { borderStyle: 'solid', borderWidth: '1px 1px 1px 3px' },
    });
  });

  it('gives each type and status its own background and border colour ids (accepted: the plain type background)', () => {
    const table = DECORATED_TYPES.map((t) => DECORATED_STATUSES.map((s) => { const c = lookColors(t, s); return `${t}.${s}: ${c.background} ${c.border}`; }));
    assert.deepStrictEqual(table, [
      [
        'quote.suggested: quotelens.quoteSuggestedBackground quotelens.quoteSuggestedBorder',
        'quote.accepted: quotelens.quoteBackground quotelens.quoteAcceptedBorder',
        'quote.manual: quotelens.quoteManualBackground quotelens.quoteManualBorder',
      ],
      [
        'speaker.suggested: quotelens.speakerSuggestedBackground quotelens.speakerSuggestedBorder',
        'speaker.accepted: quotelens.speakerBackground quotelens.speakerAcceptedBorder',
        'speaker.manual: quotelens.speakerManualBackground quotelens.speakerManualBorder',
      ],
      [
        'figure.suggested: quotelens.figureSuggestedBackground quotelens.figureSuggestedBorder',
        'figure.accepted: quotelens.figureBackground quotelens.figureAcceptedBorder',
        'figure.manual: quotelens.figureManualBackground quotelens.figureManualBorder',
      ],
    ]);
  });

  it('names a contributed colour with a default for every kind for each look', async () => {
    const pkg = JSON.parse(await readFile(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { colors: { id: string; defaults: Record<ThemeKind, string> }[] };
    };
    const ids = new Set(pkg.contributes.colors.map((c) => c.id));
    const used = DECORATED_TYPES.flatMap((t) => DECORATED_STATUSES.flatMap((s): string[] => [lookColors(t, s).background, lookColors(t, s).border]));
    assert.deepStrictEqual([...new Set(used)].sort(), [...ids].sort());
  });
});
