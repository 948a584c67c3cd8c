/** Small pure text helpers for labels, tooltips and Markdown. */

/** Collapses whitespace and cuts to `max` characters with an ellipsis. */
export function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/**
 * Like `shorten`, but cuts at the last word boundary when one is near enough (a label reads
 * "Minister of Foreign Affairs…" rather than "Minister of Foreign Aff…").
 */
export function shortenAtWord(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // A space right after the last kept character ends a whole word too.
  const space = flat.slice(0, max).lastIndexOf(' ');
  const head = space >= max / 2 ? flat.slice(0, space) : flat.slice(0, Math.max(0, max - 1));
  return `${head.replace(/[\s,;:.-]+$/, '')}…`;
}

/**
 * Makes article or sidecar text show literally in Markdown: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows it for all of them, so no emphasis, link, HTML tag, entity or
 * `command:` link survives) and line breaks become spaces (so no heading, list or rule can start).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** "1 quote", "2 quotes". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** Last path segment of a slash-separated path or URI string. */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  return i < 0 ? trimmed : trimmed.slice(i + 1);
}
