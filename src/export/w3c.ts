/**
 * W3C Web Annotation Data Model (JSON-LD): an AnnotationCollection with one page of Annotations.
 * Selectors count Unicode code points, so UTF-16 offsets are converted. Orphaned annotations are
 * left out (their positions mean nothing).
 */
import type { Annotation } from '../sidecar/types';
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

export function toW3c(docs: readonly ExportDocument[]): string {
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
          source: doc.path,
          selector: [
            { type: 'TextQuoteSelector', exact: a.text, prefix: a.prefix, suffix: a.suffix },
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
  return JSON.stringify(collection, null, 2) + '\n';
}
