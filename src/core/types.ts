/**
 * Plain data shapes shared by the analysis core, the sidecar, the exporters, the CLI and the
 * extension. Offsets are UTF-16 code units into the document string (what VS Code and
 * `String.prototype.slice` use), `end` exclusive.
 */
import type { AttributionRuleId, TriedStep } from './attributionRules';

export interface Span {
  start: number;
  end: number;
}

export type QuoteKind = 'direct' | 'partial';
export type FigureKind = 'count' | 'money' | 'percent' | 'date' | 'year' | 'duration' | 'vague';
export type EntityKind = 'person' | 'organization' | 'country' | 'group';

export const QUOTE_KINDS: readonly QuoteKind[] = ['direct', 'partial'];
export const FIGURE_KINDS: readonly FigureKind[] = ['count', 'money', 'percent', 'date', 'year', 'duration', 'vague'];
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organization', 'country', 'group'];

/** An entity that speaks or is mentioned: one id, a canonical name, and the other surface forms. */
export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
}

export interface QuoteFinding extends Span {
  text: string;
  kind: QuoteKind;
  /** Entity id of the speaker, or null when no source can be identified. */
  speaker: string | null;
  /** The speech verb or phrase the attribution relied on. */
  cue: Span | null;
  /** The mention (name, pronoun or nominal) of the speaker the attribution relied on. */
  speakerMention: Span | null;
  /** The attribution rule that found the speaker (`ATTRIBUTION_RULES`); absent with no speaker. */
  rule?: AttributionRuleId;
}

/** One textual mention of an entity. */
export interface MentionFinding extends Span {
  text: string;
  entity: string;
}

export interface FigureFinding extends Span {
  text: string;
  kind: FigureKind;
  /** Counted head noun for count/vague figures, otherwise null. */
  unit: string | null;
  /** Numeric value where one can be read (e.g. 30000, 3000000000, 20, 2030), otherwise null. */
  value: number | null;
}

export interface Analysis {
  entities: Entity[];
  quotes: QuoteFinding[];
  mentions: MentionFinding[];
  figures: FigureFinding[];
  /** With `AnalyzeOptions.explain`: per quote (same order as `quotes`), the steps tried in order. */
  explanations?: TriedStep[][];
}

export interface AnalyzeOptions {
  /** Entities already known for the document (e.g. from its sidecar): their names and aliases are
   *  recognised as mentions and their ids are reused. */
  knownEntities?: readonly Entity[];
  /** Also return, per quote, the attribution steps tried (`Analysis.explanations`). */
  explain?: boolean;
}
