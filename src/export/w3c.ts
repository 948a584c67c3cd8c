/**
 * W3C Web Annotation Data Model (JSON-LD): an AnnotationCollection with one page of Annotations.
 * Each Annotation has an IRI `id`, TextualBody bodies and a SpecificResource target whose `source`
 * is the document's IRI (its URI when the caller gives one, else a `urn:quotelens:document:` made
 * from its path). Selectors count Unicode code points, so UTF-16 offsets are converted, and `exact`
 * is the document text under the span. Orphaned annotations are left out (their positions mean
 * nothing).
 */
import { CONTEXT_LENGTH, type Annotation } from '../sidecar/types';
import { codePointOffsets } from './offsets';
import type { ExportDocument } from './types';
import { entityName } from './types';

interface Body {
  type: 'TextualBody';
  purpose: 'tagging' | 'identifying' | 'classifying';
  value: string;
}

function bodies(doc: ExportDocument, a: Annotation): Body[] {
  const tag = (value: string): Body => ({ type: 'TextualBody', purpose: 'tagging', value });
  const out: Body[] = [tag(a.type)];
  if (a.type === 'quote' || a.type === 'figure') out.push({ type: 'TextualBody', purpose: 'classifying', value: a.kind });
  if (a.type === 'quote' && a.speaker !== null) out.push({ type: 'TextualBody', purpose: 'identifying', value: entityName(doc.sidecar, a.speaker) });
  if (a.type === 'speaker') out.push({ type: 'TextualBody', purpose: 'identifying', value: entityName(doc.sidecar, a.entity) });
  if (a.type === 'figure' && a.unit !== null) out.push(tag(`unit:${a.unit}`));
  out.push(tag(`status:${a.status}`));
  return out;
}

/** Drops a lone surrogate half at either end (context cut inside an emoji is not valid text). */
function wholeCodePoints(s: string): string {
  return s.replace(/^[\uDC00-\uDFFF]/, '').replace(/[\uD800-\uDBFF]$/, '');
}

function sourceOf(doc: ExportDocument): string {
  return doc.source ?? `urn:quotelens:document:${encodeURIComponent(doc.path)}`;
}

function textQuoteSelector(doc: ExportDocument, a: Annotation): Record<string, string> {
  const selector: Record<string, string> = { type: 'TextQuoteSelector', exact: doc.text.slice(a.start, a.end) };
  const prefix = wholeCodePoints(doc.text.slice(Math.max(0, a.start - CONTEXT_LENGTH), a.start));
  const suffix = wholeCodePoints(doc.text.slice(a.end, a.end + CONTEXT_LENGTH));
  if (prefix) selector.prefix = prefix;
  if (suffix) selector.suffix = suffix;
  return selector;
}

export function toW3c(docs: readonly ExportDocument[]): { content: string; records: number } {
  const items: unknown[] = [];
  for (const doc of docs) {
    const cp = codePointOffsets(doc.text);
    for (const a of doc.sidecar.annotations) {
      if (a.orphaned) continue;
      items.push({
        id: `urn:quotelens:${encodeURIComponent(doc.path)}:${encodeURIComponent(a.id)}`,
        type: 'Annotation',
        motivation: a.type === 'speaker' ? 'identifying' : 'tagging',
        body: bodies(doc, a),
        target: {
          source: sourceOf(doc),
          selector: [
            textQuoteSelector(doc, a),
            { type: 'TextPositionSelector', start: cp(a.start), end: cp(a.end) },
          ],
        },
      });
    }
  }
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: 'QuoteLens annotations',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return { content: JSON.stringify(collection, null, 2) + '\n', records: items.length };
}
