/**
 * `quotelens analyze --explain`: for every quote of a document, where it is, who said it, which
 * attribution rule found the speaker, and every step the attributor tried before, in order.
 * Pure: text in, the printed report out.
 */
import { analyze, attributionRule, type Analysis, type Span, type TriedStep } from '../core';
import { lowerBoundOf } from '../core/text';

const QUOTE_WIDTH = 70;

/** 1-based line and column (in UTF-16 code units) of `offset`; \r\n, \n and \r end lines. */
function lineCol(lineStarts: readonly number[], offset: number): string {
  const line = lowerBoundOf(lineStarts, offset + 1) - 1;
  return `${line + 1}:${offset - lineStarts[line] + 1}`;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\n|\r/g)) starts.push(m.index + m[0].length);
  return starts;
}

/** The quote on one line: line breaks as ⏎, long ones cut in the middle. */
function shown(text: string): string {
  const one = text.replace(/\r\n|\n|\r/g, '⏎');
  if (one.length <= QUOTE_WIDTH) return one;
  const half = (QUOTE_WIDTH - 3) >> 1;
  return `${one.slice(0, half)} … ${one.slice(one.length - half)}`;
}

/** The hover's words without their Markdown emphasis. */
function plain(says: string): string {
  return says.replace(/\*/g, '');
}

/** Explains the analysis of `text` (`path` only names it in the report). */
export function explainDocument(path: string, text: string): string {
  const analysis: Analysis = analyze(text, { explain: true });
  const starts = lineStartsOf(text);
  const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
  const nameOf = (id: string | null): string => (id === null ? 'nobody' : names.get(id) ?? id);
  const at = (s: Span): string => lineCol(starts, s.start);
  const quotes = analysis.quotes;
  const out = [`${path}: ${quotes.length === 1 ? '1 quote' : `${quotes.length} quotes`}, ${quotes.filter((q) => q.speaker !== null).length} with a speaker`];
  quotes.forEach((q, i) => {
    out.push(`  ${at(q)}  ${shown(q.text)}  (${q.kind})`);
    const rule = q.rule === undefined ? undefined : attributionRule(q.rule);
    if (q.speaker === null || rule === undefined) out.push('    speaker  none found');
    else {
      const cue = q.cue ? `, cue “${text.slice(q.cue.start, q.cue.end)}” at ${at(q.cue)}` : '';
      const mention = q.speakerMention ? `, mention “${text.slice(q.speakerMention.start, q.speakerMention.end)}” at ${at(q.speakerMention)}` : '';
      out.push(`    speaker  ${nameOf(q.speaker)} by ${rule.id} (${plain(rule.says)})${cue}${mention}`);
    }
    const tried: readonly TriedStep[] = analysis.explanations?.[i] ?? [];
    out.push(`    tried    ${tried.map((t) => `${t.step}: ${t.rule === null ? 'nothing' : `${t.rule} → ${nameOf(t.speaker)}`}`).join(' · ')}`);
  });
  return `${out.join('\n')}\n`;
}
