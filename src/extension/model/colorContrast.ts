/**
 * Colour maths for checking QuoteLens's highlight colours against a colour theme: parse `#rrggbbaa`,
 * blend a translucent colour over the editor background (what the eye sees), convert to CIELAB
 * and measure the CIE76 distance ΔE, plus the WCAG contrast ratio for text on top.
 *
 * Why CIE76 ΔE: it is the plain Euclidean distance in a space built to be perceptually even, easy
 * to check by hand; ΔE ≈ 2.3 is a just-noticeable difference, and 20 or more reads as "another
 * colour" at a glance (the threshold the theme check uses for "not the selection colour").
 * Pure: no `vscode`, no I/O.
 */

export interface Rgba {
  /** 0..255 */
  r: number;
  g: number;
  b: number;
  /** 0..1 */
  a: number;
}

export interface Lab {
  l: number;
  a: number;
  b: number;
}

/** `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` (as in theme files); undefined for anything else. */
export function parseHex(hex: string): Rgba | undefined {
  const m = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(hex.trim());
  if (!m) return undefined;
  let digits = m[1];
  if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('');
  const byte = (i: number): number => parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return { r: byte(0), g: byte(1), b: byte(2), a: digits.length === 8 ? byte(3) / 255 : 1 };
}

/** `#rrggbb`, or `#rrggbbaa` when not opaque (for messages). */
export function toHex(c: Rgba): string {
  const h = (v: number): string => Math.round(v).toString(16).padStart(2, '0');
  return `#${h(c.r)}${h(c.g)}${h(c.b)}${c.a < 1 ? h(c.a * 255) : ''}`;
}

/** `top` painted over `bottom` (source-over); the result is opaque when `bottom` is. */
export function blend(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (t: number, b: number): number => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/** sRGB channel (0..255) to linear light (0..1). */
function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** CIELAB (D65 white) of an opaque sRGB colour; alpha is ignored, so blend first. */
export function toLab(c: Rgba): Lab {
  const [r, g, b] = [linear(c.r), linear(c.g), linear(c.b)];
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return { l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

/** CIE76 colour difference of two opaque colours. */
export function deltaE(x: Rgba, y: Rgba): number {
  const [p, q] = [toLab(x), toLab(y)];
  return Math.hypot(p.l - q.l, p.a - q.a, p.b - q.b);
}

/** WCAG 2 relative luminance of an opaque colour. */
export function luminance(c: Rgba): number {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

/** WCAG 2 contrast ratio (1..21) of two opaque colours. */
export function contrastRatio(x: Rgba, y: Rgba): number {
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The hue angle in degrees (0..180) between the casts two colours give the background: the
 * directions, in the a*b* (chroma) plane of CIELAB, from the background to each. Lightness is left
 * out because on a dark theme every highlight lightens and on a light one every highlight darkens.
 * 90 when either cast is too weak (chroma shift < 2) to have a hue.
 */
export function tintAngle(x: Rgba, y: Rgba, background: Rgba): number {
  const [p, q, o] = [toLab(x), toLab(y), toLab(background)];
  const [ua, ub, va, vb] = [p.a - o.a, p.b - o.b, q.a - o.a, q.b - o.b];
  const [nu, nv] = [Math.hypot(ua, ub), Math.hypot(va, vb)];
  if (nu < 2 || nv < 2) return 90;
  const cos = (ua * va + ub * vb) / (nu * nv);
  return (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
}
