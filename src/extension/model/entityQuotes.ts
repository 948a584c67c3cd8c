/** The quotes of one entity across the loaded documents, for the "Show all quotes" quick pick. Pure. */
import type { AnnotationStatus, QuoteAnnotation, Sidecar } from '../../sidecar/types';
import { shorten } from './text';

export interface DocumentSidecar {
  /** The document URI as a string. */
  uri: string;
  /** What the list shows for the document (e.g. its file name). */
  name: string;
  sidecar: Sidecar;
}

export interface EntityQuote {
  uri: string;
  document: string;
  annotationId: string;
  status: AnnotationStatus;
  orphaned: boolean;
  start: number;
  end: number;
  /** The quote's text on one line, shortened. */
  text: string;
}

/**
 * Every quote whose speaker has the id `entityId`, by document name then position. Entity ids come
 * from names, so one person keeps the same id in every document.
 */
export function quotesOfEntity(docs: readonly DocumentSidecar[], entityId: string): EntityQuote[] {
  const found: EntityQuote[] = [];
  for (const doc of docs) {
    const quotes = doc.sidecar.annotations.filter((a): a is QuoteAnnotation => a.type === 'quote' && a.speaker === entityId);
    for (const q of quotes) {
      found.push({ uri: doc.uri, document: doc.name, annotationId: q.id, status: q.status, orphaned: q.orphaned === true, start: q.start, end: q.end, text: shorten(q.text, 80) });
    }
  }
  return found.sort((a, b) => a.document.localeCompare(b.document) || a.uri.localeCompare(b.uri) || a.start - b.start);
}

/** The entity's name as the first document that knows it spells it; undefined when none does. */
export function entityName(docs: readonly DocumentSidecar[], entityId: string): string | undefined {
  for (const doc of docs) {
    const e = doc.sidecar.entities.find((x) => x.id === entityId);
    if (e) return e.name;
  }
  return undefined;
}
