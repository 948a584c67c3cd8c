/** Review progress of a document and which unreviewed annotation comes next. */
import type { Annotation, Sidecar } from '../../sidecar/types';
import { navigationOrigin, neighbourAnnotation } from './targets';

/** A person has decided on it: accepted, rejected, or tagged by hand. */
export function isReviewed(a: Annotation): boolean {
  return a.status !== 'suggested' || a.origin === 'manual';
}

export interface ReviewProgress {
  reviewed: number;
  /** Every annotation of the document, orphaned ones included (they still need a decision). */
  total: number;
}

export function reviewProgress(sidecar: Sidecar | undefined): ReviewProgress {
  const annotations = sidecar?.annotations ?? [];
  return { reviewed: annotations.filter(isReviewed).length, total: annotations.length };
}

/** The status bar text, e.g. "QuoteLens 12/40 reviewed". */
export function progressText(p: ReviewProgress): string {
  return `QuoteLens ${p.reviewed}/${p.total} reviewed`;
}

/**
 * The next (1) or previous (-1) unreviewed annotation from a selection, wrapping around; rejected,
 * reviewed and orphaned ones are skipped. Same movement as Go to Next/Previous Annotation.
 */
export function nextUnreviewed(sidecar: Sidecar, selStart: number, selEnd: number, direction: 1 | -1): Annotation | undefined {
  return neighbourAnnotation(sidecar, navigationOrigin(selStart, selEnd, direction), direction, (a) => !isReviewed(a));
}

