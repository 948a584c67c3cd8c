/**
 * Exporters: sidecars (+ document texts) in, file contents out. No `vscode`, no Node built-ins; the
 * caller decides where the files go.
 */
import { orderedSidecar, serializeSidecar } from '../sidecar/serialize';
import { SIDECAR_VERSION } from '../sidecar/types';
import { toBrat } from './brat';
import { toCsv } from './csv';
import { toJsonl } from './jsonl';
import type { ExportDocument, ExportFormat, ExportOptions, ExportResult } from './types';
import { toW3c } from './w3c';

export * from './types';
export { codePointOffsets } from './offsets';
export { CSV_COLUMNS, SENTENCE_REACH, csvRows, csvText, sentenceAround } from './csv';
export { bratAnnotationConf, bratFileName, bratTextName, bratVisualConf, lineFragments } from './brat';

/** Default output file name of a single-file format. */
export function defaultExportName(format: Exclude<ExportFormat, 'brat'>): string {
  return { json: 'annotations.json', csv: 'annotations.csv', jsonl: 'annotations.jsonl', w3c: 'annotations.jsonld' }[format];
}

/**
 * Exports documents in a format. json/csv/jsonl/w3c give one file (named by `defaultExportName`);
 * brat gives a `.ann` and a `.txt` per document and `annotation.conf` + `visual.conf` per folder.
 * Orphaned annotations are flagged in json/jsonl/csv and left out of the position-based formats
 * (w3c, brat). `records` counts what was written (see ExportResult).
 */
export function exportAnnotations(format: ExportFormat, docs: readonly ExportDocument[], options: ExportOptions = {}): ExportResult {
  const single = (result: { content: string; records: number }): ExportResult => ({
    files: [{ path: defaultExportName(format as Exclude<ExportFormat, 'brat'>), content: result.content }],
    records: result.records,
  });
  switch (format) {
    case 'json': {
      const content =
        docs.length === 1
          ? serializeSidecar(docs[0].sidecar)
          : JSON.stringify({ version: SIDECAR_VERSION, documents: docs.map((d) => orderedSidecar(d.sidecar)) }, null, 2) + '\n';
      return single({ content, records: docs.reduce((n, d) => n + d.sidecar.annotations.length, 0) });
    }
    case 'csv':
      return single(toCsv(docs, options.csvBom ?? true));
    case 'jsonl':
      return single(toJsonl(docs));
    case 'w3c':
      return single(toW3c(docs));
    case 'brat':
      return toBrat(docs);
  }
}
