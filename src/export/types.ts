import type { Sidecar } from '../sidecar/types';

export type ExportFormat = 'json' | 'csv' | 'jsonl' | 'w3c' | 'brat';

export interface ExportFormatInfo {
  format: ExportFormat;
  label: string;
  /** File extension of the output, with the dot. */
  extension: string;
  /** True when the format writes one file per document (brat). */
  perDocument: boolean;
}

export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { format: 'json', label: 'QuoteLens JSON (sidecar schema)', extension: '.json', perDocument: false },
  { format: 'csv', label: 'CSV: one row per quote and per figure', extension: '.csv', perDocument: false },
  { format: 'jsonl', label: 'JSON Lines: one annotation per line', extension: '.jsonl', perDocument: false },
  { format: 'w3c', label: 'W3C Web Annotation (JSON-LD)', extension: '.jsonld', perDocument: false },
  { format: 'brat', label: 'brat standoff (.ann + .txt per document, annotation.conf)', extension: '.ann', perDocument: true },
];

export interface ExportDocument {
  /** Path of the document as it should appear in the export (and the base of brat file names). */
  path: string;
  text: string;
  sidecar: Sidecar;
  /** Absolute IRI of the document (e.g. its file: URI), the W3C target source; a `urn:` is made from `path` without it. */
  source?: string;
}

export interface ExportOptions {
  /** CSV: start with a UTF-8 byte order mark (so Excel reads UTF-8). Default true. */
  csvBom?: boolean;
}

export interface ExportResult {
  files: ExportedFile[];
  /** Rows or annotations written: CSV data rows, JSON Lines lines, W3C annotations, brat T lines, JSON annotations. */
  records: number;
}

export interface ExportedFile {
  path: string;
  content: string;
}

export function entityName(sidecar: Sidecar, id: string | null): string {
  if (id === null) return '';
  return sidecar.entities.find((e) => e.id === id)?.name ?? id;
}
