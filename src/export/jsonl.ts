/** JSON Lines: one object per annotation, with the document path and entity names resolved. */
import type { ExportDocument } from './types';
import { entityName } from './types';

export function toJsonl(docs: readonly ExportDocument[]): { content: string; records: number } {
  let out = '';
  let records = 0;
  for (const doc of docs) {
    for (const a of doc.sidecar.annotations) {
      const common = { document: doc.path, id: a.id, type: a.type, start: a.start, end: a.end, text: a.text, status: a.status, origin: a.origin };
      let row: Record<string, unknown>;
      switch (a.type) {
        case 'quote':
          row = { ...common, kind: a.kind, speaker: a.speaker, speakerName: a.speaker === null ? null : entityName(doc.sidecar, a.speaker), cue: a.cue, speakerMention: a.speakerMention, rule: a.rule ?? null };
          break;
        case 'speaker':
          row = { ...common, entity: a.entity, entityName: entityName(doc.sidecar, a.entity) };
          break;
        case 'figure':
          row = { ...common, kind: a.kind, unit: a.unit };
          break;
      }
      row.orphaned = a.orphaned === true;
      out += JSON.stringify(row) + '\n';
      records++;
    }
  }
  return { content: out, records };
}
