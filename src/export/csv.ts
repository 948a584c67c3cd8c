/** RFC 4180 CSV: one row per quote. */
import type { ExportDocument } from './types';
import { entityName } from './types';

const HEADER = ['document', 'speaker', 'quote', 'start', 'end', 'status', 'kind', 'orphaned', 'id'];

/** Quotes a field when it contains a comma, a double quote, CR or LF; doubles inner quotes. */
export function csvField(value: string | number | boolean): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly (string | number | boolean)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export function toCsv(docs: readonly ExportDocument[]): string {
  let out = csvRow(HEADER);
  for (const doc of docs) {
    for (const a of doc.sidecar.annotations) {
      if (a.type !== 'quote') continue;
      out += csvRow([doc.path, entityName(doc.sidecar, a.speaker), a.text, a.start, a.end, a.status, a.kind, a.orphaned === true, a.id]);
    }
  }
  return out;
}
