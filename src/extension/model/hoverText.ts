/** The Markdown shown when hovering an annotation. Pure: sidecar + document text + offset in. */
import { attributionRule } from '../../core/attributionRules';
import type { Entity } from '../../core/types';
import type { Annotation, FigureAnnotation, QuoteAnnotation, Sidecar, SpeakerAnnotation } from '../../sidecar/types';
import { COMMANDS } from '../constants';
import { annotationsAt } from './targets';
import { escapeMarkdown, plural } from './text';

/**
 * The only commands a hover's links may run (the hover's `isTrusted.enabledCommands`). Their
 * arguments are ids only; the commands act on the active editor's document.
 */
export const HOVER_COMMANDS: readonly string[] = [COMMANDS.accept, COMMANDS.reject, COMMANDS.setSpeaker, COMMANDS.showQuotesOfEntity];

/**
 * URI-encodes a command's JSON arguments. Beyond `encodeURIComponent`, also `( ) ' ! *`: ids come from
 * the sidecar, and a bare `)` would end the Markdown link early and let the rest render as Markdown.
 */
export function encodeCommandArgs(args: readonly string[]): string {
  return encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A Markdown link that runs `command` with `args` (the command receives them as its arguments). */
export function commandLink(label: string, command: string, args: readonly string[]): string {
  return `[${label}](command:${command}?${encodeCommandArgs(args)})`;
}

function actionLine(links: string[]): string {
  return links.join(' · ');
}

/** Accept (unless already accepted) and Reject, for any annotation. */
function reviewLinks(a: Annotation): string[] {
  const links = a.status === 'accepted' ? [] : [commandLink('Accept', COMMANDS.accept, [a.id])];
  links.push(commandLink('Reject', COMMANDS.reject, [a.id]));
  return links;
}

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
  return `${escapeMarkdown(a.status)}, ${origin}${a.orphaned ? ' — **orphaned** (text no longer found)' : ''}`;
}

/** "Found by: *X said* after the quote (rule after.x-said)"; an id this version does not know, alone. */
function ruleLine(id: string): string {
  const rule = attributionRule(id);
  return rule ? `Found by: ${rule.says} (rule ${escapeMarkdown(id)})` : `Found by rule ${escapeMarkdown(id)}`;
}

function quoteSection(sidecar: Sidecar, text: string, q: QuoteAnnotation): string {
  const lines = [`**Quote** (${escapeMarkdown(q.kind)}) · ${statusLine(q)}`];
  const speaker = entityById(sidecar, q.speaker);
  if (speaker) {
    lines.push(`Speaker: **${escapeMarkdown(speaker.name)}** (${escapeMarkdown(speaker.kind)})`);
    const others = liveQuotesOf(sidecar, speaker.id).filter((o) => o.id !== q.id).length;
    lines.push(`${plural(others, 'other quote')} by this speaker`);
  } else {
    lines.push('Speaker: _unknown_');
  }
  if (q.cue) lines.push(`Cue: “${escapeMarkdown(text.slice(q.cue.start, q.cue.end))}”`);
  if (q.rule !== undefined && speaker) lines.push(ruleLine(q.rule));
  const links = [...reviewLinks(q), commandLink('Set Speaker…', COMMANDS.setSpeaker, [q.id])];
  if (speaker) links.push(commandLink('Show all quotes by this speaker', COMMANDS.showQuotesOfEntity, [speaker.id]));
  lines.push(actionLine(links));
  return lines.join('  \n');
}

function figureSection(f: FigureAnnotation): string {
  const lines = [`**Figure** (${escapeMarkdown(f.kind)}) · ${statusLine(f)}`, `Value: ${escapeMarkdown(f.text)}`];
  if (f.unit) lines.push(`Unit: ${escapeMarkdown(f.unit)}`);
  lines.push(actionLine(reviewLinks(f)));
  return lines.join('  \n');
}

function speakerSection(sidecar: Sidecar, m: SpeakerAnnotation): string {
  const entity = entityById(sidecar, m.entity);
  if (!entity) return [`**Mention** of an unknown entity · ${statusLine(m)}`, actionLine(reviewLinks(m))].join('  \n');
  const lines = [`**${escapeMarkdown(entity.name)}** (${escapeMarkdown(entity.kind)}) · mention ${statusLine(m)}`];
  const aliases = entity.aliases.filter((a) => a !== entity.name);
  if (aliases.length > 0) lines.push(`Also: ${aliases.map(escapeMarkdown).join(', ')}`);
  lines.push(`${plural(liveQuotesOf(sidecar, entity.id).length, 'quote')} in this document`);
  lines.push(actionLine([...reviewLinks(m), commandLink('Show all quotes by this entity', COMMANDS.showQuotesOfEntity, [entity.id])]));
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
