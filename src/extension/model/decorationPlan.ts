/**
 * Which spans get which highlight: a pure function of the sidecar and the settings. The adapter in
 * `features/decorations.ts` turns the spans into ranges with `document.positionAt`.
 */
import type { Span } from '../../core/types';
import type { AnnotationType, Sidecar } from '../../sidecar/types';

/**
 * How a shown annotation looks: `suggested` is not reviewed yet, `accepted` an accepted suggestion,
 * `manual` an accepted annotation tagged by hand.
 */
export type DecoratedStatus = 'suggested' | 'accepted' | 'manual';
export type DecorationKey = `${AnnotationType}.${DecoratedStatus}`;

export const DECORATED_STATUSES: readonly DecoratedStatus[] = ['suggested', 'accepted', 'manual'];
export const DECORATED_TYPES: readonly AnnotationType[] = ['quote', 'speaker', 'figure'];
export const DECORATION_KEYS: readonly DecorationKey[] = DECORATED_TYPES.flatMap((t) => DECORATED_STATUSES.map((s): DecorationKey => `${t}.${s}`));

export interface DecorationSettings {
  quotes: boolean;
  speakers: boolean;
  figures: boolean;
  showSuggestions: boolean;
  /** Show "— Name" after each shown quote (`quotelens.showSpeakerAfterQuote`). */
  speakerAfterQuote: boolean;
}

/** Text shown after a quote: its speaker, at the quote's end offset. */
export interface SpeakerLabel {
  at: number;
  label: string;
}

export interface DecorationPlan extends Record<DecorationKey, Span[]> {
  /** One label per shown quote, in document order; empty when the setting is off. */
  speakerLabels: SpeakerLabel[];
}

export function emptyPlan(): DecorationPlan {
  const plan = { speakerLabels: [] } as unknown as DecorationPlan;
  for (const key of DECORATION_KEYS) plan[key] = [];
  return plan;
}

/** "— Keir Starmer", or "— ?" when the quote has no speaker (or its entity is missing). */
export function speakerLabel(sidecar: Sidecar, speaker: string | null): string {
  const entity = speaker === null ? undefined : sidecar.entities.find((e) => e.id === speaker);
  return `— ${entity ? entity.name.replace(/\s+/g, ' ').trim() : '?'}`;
}

/** Spans per decoration kind. Rejected and orphaned annotations are never shown. */
export function decorationPlan(sidecar: Sidecar | undefined, settings: DecorationSettings): DecorationPlan {
  const steps = decorationPlanInSteps(sidecar, settings, Infinity);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The plan of `decorationPlan`, built `perStep` annotations at a time: the generator stops after
 * each step (and before sorting) and returns the plan when done, so a caller on the extension
 * host can give the host a turn between steps (a 1 MB article has some 28,000 annotations).
 */
export function* decorationPlanInSteps(sidecar: Sidecar | undefined, settings: DecorationSettings, perStep: number): Generator<void, DecorationPlan> {
  const plan = emptyPlan();
  if (!sidecar) return plan;
  const enabled: Record<AnnotationType, boolean> = {
    quote: settings.quotes,
    speaker: settings.speakers,
    figure: settings.figures,
  };
  // One label per speaker, not per quote (a 1 MB article has thousands of quotes, a few dozen speakers).
  const labels = new Map<string | null, string>();
  const labelOf = (speaker: string | null): string => {
    let label = labels.get(speaker);
    if (label === undefined) {
      label = speakerLabel(sidecar, speaker);
      labels.set(speaker, label);
    }
    return label;
  };
  let inStep = 0;
  for (const a of sidecar.annotations) {
    if (++inStep > perStep) {
      yield;
      inStep = 1;
    }
    if (a.orphaned || a.status === 'rejected' || !enabled[a.type]) continue;
    const look: DecoratedStatus = a.status === 'accepted' && a.origin === 'manual' ? 'manual' : a.status;
    if (look === 'suggested' && !settings.showSuggestions) continue;
    if (a.end <= a.start) continue;
    plan[`${a.type}.${look}`].push({ start: a.start, end: a.end });
    if (a.type === 'quote' && settings.speakerAfterQuote) plan.speakerLabels.push({ at: a.end, label: labelOf(a.speaker) });
  }
  if (perStep < sidecar.annotations.length) yield;
  // Annotations usually come in document order already, which makes these sorts a single pass.
  for (const key of DECORATION_KEYS) plan[key].sort((x, y) => x.start - y.start || x.end - y.end);
  plan.speakerLabels.sort((x, y) => x.at - y.at);
  return plan;
}
