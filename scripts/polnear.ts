/**
 * Speaker accuracy per attribution rule on PolNeAR-style brat files (Source / Cue / Content spans
 * joined by `E` lines): a quote QuoteLens finds inside a Content span is scored against that
 * attribution's Source. Only the train and dev splits are read; the test split is refused. The data
 * is fetched beside the project and never committed.
 */
import type { Analysis } from '../src/core';

export interface BratSpan { start: number; end: number; text: string }
/** One attribution: its Content pieces and its Source pieces (either may be missing). */
export interface BratAttribution { content: BratSpan[]; source: BratSpan[] }

/** The attributions of a brat .ann file (text-bound `T` lines joined by `E` lines). */
export function parseBratAttributions(ann: string): BratAttribution[] {
  const spans = new Map<string, { label: string; pieces: BratSpan[] }>();
  const events: string[] = [];
  for (const line of ann.split(/\r?\n/)) {
    const t = /^(T\d+)\t(\w+) ([\d ;]+)\t(.*)$/.exec(line);
    if (t) {
      const pieces = t[3].split(';').map((p) => p.trim().split(' ').map(Number)).map(([start, end]) => ({ start, end, text: '' }));
      spans.set(t[1], { label: t[2], pieces });
    } else if (line.startsWith('E')) events.push(line);
  }
  const out: BratAttribution[] = [];
  for (const e of events) {
    const roles = e.split('\t')[1]?.split(' ') ?? [];
    const att: BratAttribution = { content: [], source: [] };
    for (const r of roles) {
      const [role, id] = r.split(':');
      const span = spans.get(id);
      if (!span) continue;
      if (role.startsWith('Content')) att.content.push(...span.pieces);
      else if (role.startsWith('Source')) att.source.push(...span.pieces);
    }
    if (att.content.length > 0) out.push(att);
  }
  return out;
}

export interface RuleTally { fired: number; right: number }

/** A name as compared: accents dropped, lower case, runs of other characters as one space. */
export const norm = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Scores each quote of `analysis` that lies inside an attribution's Content: right when its speaker
 * mention overlaps the Source, or a name or alias of its speaker is the Source's text (or ends it:
 * "Republican nominee Donald Trump"). A quote without a speaker counts under "(none)", right when the
 * attribution has no Source. Adds to `tally` by rule id.
 */
export function scoreAgainstBrat(text: string, attributions: readonly BratAttribution[], analysis: Analysis, tally: Map<string, RuleTally>): void {
  const names = new Map(analysis.entities.map((e) => [e.id, [e.name, ...e.aliases].map(norm)]));
  // Each content from its first piece's start to its last piece's end, found once per document.
  const bounds = attributions.map((a) => ({ att: a, start: Math.min(...a.content.map((c) => c.start)), end: Math.max(...a.content.map((c) => c.end)) }));
  for (const q of analysis.quotes) {
    // Inside the content: the words between the quote marks (without closing punctuation) lie between
    // the content's first start and last end.
    let innerEnd = q.end - 1;
    while (innerEnd > q.start + 1 && /[,.;:?!]/.test(text[innerEnd - 1])) innerEnd--;
    const att = bounds.find((b) => b.start <= q.start + 1 && innerEnd <= b.end)?.att;
    if (!att) continue;
    const rule = q.rule ?? '(none)';
    const t = tally.get(rule) ?? { fired: 0, right: 0 };
    tally.set(rule, t);
    t.fired++;
    if (q.speaker === null) {
      if (att.source.length === 0) t.right++;
      continue;
    }
    const m = q.speakerMention;
    const overlaps = m !== null && att.source.some((s) => m.start < s.end && s.start < m.end);
    const sourceText = norm(att.source.map((s) => text.slice(s.start, s.end)).join(' '));
    const named = (names.get(q.speaker) ?? []).some((n) => n !== '' && (n === sourceText || sourceText.endsWith(` ${n}`)));
    if (overlaps || named) t.right++;
  }
}
