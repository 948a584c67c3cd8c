/** The Markdown shown when hovering an annotation. Pure: sidecar + document text + offset in. */
import type { Entity } from '../../core/types';
import type { Annotation, FigureAnnotation, QuoteAnnotation, Sidecar, SpeakerAnnotation } from '../../sidecar/types';
import { annotationsAt } from './targets';
import { escapeMarkdown, plural } from './text';

export interface HoverContent {
  markdown: string;
  /** The span of the innermost annotation (the hover's range). */
  start: number;
  end: number;
}

function entityById(sidecar: Sidecar, id: string | null): Entity | undefined {
  return id === null ? undefined : sidecar.entities.find((e) => e.id === id);
}

function liveQuotesOf(sidecar: Sidecar, entityId: string): QuoteAnnotation[] {
  return sidecar.annotations.filter(
    (a): a is QuoteAnnotation => a.type === 'quote' && a.speaker === entityId && a.status !== 'rejected',
  );
}

function statusLine(a: Annotation): string {
  const origin = a.origin === 'manual' ? 'tagged by hand' : 'found automatically';
  return `${a.status}, ${origin}${a.orphaned ? ' — **orphaned** (text no longer found)' : ''}`;
}

function quoteSection(sidecar: Sidecar, text: string, q: QuoteAnnotation): string {
  const lines = [`**Quote** (${q.kind}) · ${statusLine(q)}`];
  const speaker = entityById(sidecar, q.speaker);
  if (speaker) {
    lines.push(`Speaker: **${escapeMarkdown(speaker.name)}** (${speaker.kind})`);
    const others = liveQuotesOf(sidecar, speaker.id).filter((o) => o.id !== q.id).length;
    lines.push(`${plural(others, 'other quote')} by this speaker`);
  } else {
    lines.push('Speaker: _unknown_');
  }
  if (q.cue) lines.push(`Cue: “${escapeMarkdown(text.slice(q.cue.start, q.cue.end))}”`);
  return lines.join('  \n');
}

function figureSection(f: FigureAnnotation): string {
  const lines = [`**Figure** (${f.kind}) · ${statusLine(f)}`, `Value: \`${f.text.replace(/`/g, "'")}\``];
  if (f.unit) lines.push(`Unit: ${escapeMarkdown(f.unit)}`);
  return lines.join('  \n');
}

function speakerSection(sidecar: Sidecar, m: SpeakerAnnotation): string {
  const entity = entityById(sidecar, m.entity);
  if (!entity) return `**Mention** of an unknown entity · ${statusLine(m)}`;
  const lines = [`**${escapeMarkdown(entity.name)}** (${entity.kind}) · mention ${statusLine(m)}`];
  const aliases = entity.aliases.filter((a) => a !== entity.name);
  if (aliases.length > 0) lines.push(`Also: ${aliases.map(escapeMarkdown).join(', ')}`);
  lines.push(`${plural(liveQuotesOf(sidecar, entity.id).length, 'quote')} in this document`);
  return lines.join('  \n');
}

/** Hover content for every live annotation under `offset`, innermost first; undefined when none. */
export function hoverContent(sidecar: Sidecar | undefined, text: string, offset: number): HoverContent | undefined {
  if (!sidecar) return undefined;
  const here = annotationsAt(sidecar, offset).filter((a) => a.status !== 'rejected');
  if (here.length === 0) return undefined;
  const sections = here.map((a) => {
    switch (a.type) {
      case 'quote':
        return quoteSection(sidecar, text, a);
      case 'figure':
        return figureSection(a);
      case 'speaker':
        return speakerSection(sidecar, a);
    }
  });
  return { markdown: sections.join('\n\n---\n\n'), start: here[0].start, end: here[0].end };
}
