/**
 * The sidecar contract: `article.txt` → `article.txt.annotations.json`. The zod schema in
 * `schema.ts` validates exactly these shapes. Offsets are UTF-16 code units.
 */
import type { Entity, FigureKind, QuoteKind, Span } from '../core/types';

export const SIDECAR_VERSION = 1;
export const SIDECAR_SUFFIX = '.annotations.json';
/** Characters of context stored before/after each annotation for re-anchoring. */
export const CONTEXT_LENGTH = 32;

export type AnnotationStatus = 'suggested' | 'accepted' | 'rejected';
export type AnnotationOrigin = 'auto' | 'manual';
export type AnnotationType = 'quote' | 'speaker' | 'figure';

export interface DocumentInfo {
  /** Path of the document relative to the sidecar's folder (normally just the file name). */
  path: string;
  sha256: string;
  /** Length in UTF-16 code units. */
  length: number;
  offsetUnit: 'utf16';
}

interface AnnotationBase extends Span {
  id: string;
  text: string;
  prefix: string;
  suffix: string;
  status: AnnotationStatus;
  origin: AnnotationOrigin;
  /** Set when re-anchoring could not find the text any more: kept, never dropped. */
  orphaned?: boolean;
}

export interface QuoteAnnotation extends AnnotationBase {
  type: 'quote';
  kind: QuoteKind;
  speaker: string | null;
  cue: Span | null;
  speakerMention: Span | null;
  /** The attribution rule that found the speaker of a suggested quote (`ATTRIBUTION_RULES` in the
   *  core); absent for quotes tagged by hand and once the speaker is changed by hand. */
  rule?: string;
}

/** One mention of an entity. */
export interface SpeakerAnnotation extends AnnotationBase {
  type: 'speaker';
  entity: string;
}

export interface FigureAnnotation extends AnnotationBase {
  type: 'figure';
  kind: FigureKind;
  unit: string | null;
}

export type Annotation = QuoteAnnotation | SpeakerAnnotation | FigureAnnotation;

export interface Sidecar {
  version: typeof SIDECAR_VERSION;
  document: DocumentInfo;
  entities: Entity[];
  annotations: Annotation[];
}
