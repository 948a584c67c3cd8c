/**
 * Exporters: sidecars (+ document texts) in, file contents out. No `vscode`, no Node built-ins; the
 * caller decides where the files go.
 */
import { orderedSidecar, serializeSidecar } from '../sidecar/serialize';
import { SIDECAR_VERSION } from '../sidecar/types';
import { toBrat } from './brat';
import { toCsv } from './csv';
import { toJsonl } from './jsonl';
import type { ExportDocument, ExportedFile, ExportFormat } from './types';
import { toW3c } from './w3c';

export * from './types';
export { codePointOffsets } from './offsets';
export { csvField, csvRow } from './csv';
export { bratFileName, lineFragments } from './brat';

/** Default output file name of a single-file format. */
export function defaultExportName(format: Exclude<ExportFormat, 'brat'>): string {
  return { json: 'annotations.json', csv: 'annotations.csv', jsonl: 'annotations.jsonl', w3c: 'annotations.jsonld' }[format];
}

/**
 * Exports documents in a format. json/csv/jsonl/w3c give one file (named by `defaultExportName`);
 * brat gives one `.ann` file per document. Orphaned annotations are flagged in json/jsonl/csv and
 * left out of the position-based formats (w3c, brat).
 */
export function exportAnnotations(format: ExportFormat, docs: readonly ExportDocument[]): { files: ExportedFile[] } {
  switch (format) {
    case 'json': {
      const content =
        docs.length === 1
          ? serializeSidecar(docs[0].sidecar)
          : JSON.stringify({ version: SIDECAR_VERSION, documents: docs.map((d) => orderedSidecar(d.sidecar)) }, null, 2) + '\n';
      return { files: [{ path: defaultExportName('json'), content }] };
    }
    case 'csv':
      return { files: [{ path: defaultExportName('csv'), content: toCsv(docs) }] };
    case 'jsonl':
      return { files: [{ path: defaultExportName('jsonl'), content: toJsonl(docs) }] };
    case 'w3c':
      return { files: [{ path: defaultExportName('w3c'), content: toW3c(docs) }] };
    case 'brat':
      return { files: docs.map(toBrat) };
  }
}
