/**
 * Which spans get which highlight: a pure function of the sidecar and the settings. The adapter in
 * `features/decorations.ts` turns the spans into ranges with `document.positionAt`.
 */
import type { Span } from '../../core/types';
import type { AnnotationType, Sidecar } from '../../sidecar/types';

export type DecoratedStatus = 'accepted' | 'suggested';
export type DecorationKey = `${AnnotationType}.${DecoratedStatus}`;

export const DECORATION_KEYS: readonly DecorationKey[] = [
  'quote.accepted',
  'quote.suggested',
  'speaker.accepted',
  'speaker.suggested',
  'figure.accepted',
  'figure.suggested',
];

export interface DecorationSettings {
  quotes: boolean;
  speakers: boolean;
  figures: boolean;
  showSuggestions: boolean;
}

export type DecorationPlan = Record<DecorationKey, Span[]>;

export function emptyPlan(): DecorationPlan {
  const plan = {} as DecorationPlan;
  for (const key of DECORATION_KEYS) plan[key] = [];
  return plan;
}

/** Spans per decoration kind. Rejected and orphaned annotations are never shown. */
export function decorationPlan(sidecar: Sidecar | undefined, settings: DecorationSettings): DecorationPlan {
  const plan = emptyPlan();
  if (!sidecar) return plan;
  const enabled: Record<AnnotationType, boolean> = {
    quote: settings.quotes,
    speaker: settings.speakers,
    figure: settings.figures,
  };
  for (const a of sidecar.annotations) {
    if (a.orphaned || a.status === 'rejected' || !enabled[a.type]) continue;
    if (a.status === 'suggested' && !settings.showSuggestions) continue;
    if (a.end <= a.start) continue;
    plan[`${a.type}.${a.status}`].push({ start: a.start, end: a.end });
  }
  for (const key of DECORATION_KEYS) plan[key].sort((x, y) => x.start - y.start || x.end - y.end);
  return plan;
}
