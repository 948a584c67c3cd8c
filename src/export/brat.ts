/**
 * brat standoff: one `.ann` per document. Text-bound annotations Quote / Speaker / Figure with
 * code-point offsets (brat counts characters, not UTF-16 units); spans crossing a line break become
 * discontinuous fragments. Kind and status are attributes, speakers relations (when the quote's
 * speaker mention is itself annotated) and AnnotatorNotes. Orphaned annotations are left out.
 */
import type { Annotation } from '../sidecar/types';
import { codePointOffsets, type CodePointMap } from './offsets';
import type { ExportDocument, ExportedFile } from './types';
import { entityName } from './types';

const LABEL: Record<Annotation['type'], string> = { quote: 'Quote', speaker: 'Speaker', figure: 'Figure' };

/** UTF-16 fragments of [start, end) split at line breaks, empty pieces dropped. */
export function lineFragments(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    const atBreak = i < end && (text.charCodeAt(i) === 0x0a || text.charCodeAt(i) === 0x0d);
    if (atBreak || i === end) {
      if (i > from) out.push([from, i]);
      from = i + 1;
    }
  }
  return out;
}

/** `article.txt` → `article.ann`; `notes` → `notes.ann`. */
export function bratFileName(docPath: string): string {
  const slash = Math.max(docPath.lastIndexOf('/'), docPath.lastIndexOf('\\'));
  const dot = docPath.lastIndexOf('.');
  return (dot > slash + 1 ? docPath.slice(0, dot) : docPath) + '.ann';
}

function oneLine(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ');
}

export function toBrat(doc: ExportDocument): ExportedFile {
  const cp: CodePointMap = codePointOffsets(doc.text);
  const lines: string[] = [];
  const tIds = new Map<string, string>();
  const bySpan = new Map<string, string>();
  let t = 0, a = 0, r = 0, n = 0;
  const live = doc.sidecar.annotations.filter((x) => !x.orphaned && x.end > x.start);
  for (const ann of live) {
    const frags = lineFragments(doc.text, ann.start, ann.end);
    if (frags.length === 0) continue;
    const id = `T${++t}`;
    tIds.set(ann.id, id);
    if (ann.type === 'speaker') bySpan.set(`${ann.start}:${ann.end}`, id);
    const offsets = frags.map(([s, e]) => `${cp(s)} ${cp(e)}`).join(';');
    const covered = frags.map(([s, e]) => doc.text.slice(s, e)).join(' ');
    lines.push(`${id}\t${LABEL[ann.type]} ${offsets}\t${oneLine(covered)}`);
  }
  for (const ann of live) {
    const id = tIds.get(ann.id);
    if (!id) continue;
    if (ann.type !== 'speaker') lines.push(`A${++a}\tKind ${id} ${ann.kind}`);
    lines.push(`A${++a}\tStatus ${id} ${ann.status}`);
    if (ann.origin === 'manual') lines.push(`A${++a}\tManual ${id}`);
    if (ann.type === 'quote') {
      const mention = ann.speakerMention && bySpan.get(`${ann.speakerMention.start}:${ann.speakerMention.end}`);
      if (ann.speaker !== null && mention) lines.push(`R${++r}\tSpokenBy Arg1:${id} Arg2:${mention}`);
      if (ann.speaker !== null) lines.push(`#${++n}\tAnnotatorNotes ${id}\tspeaker: ${oneLine(entityName(doc.sidecar, ann.speaker))} (${ann.speaker})`);
    } else if (ann.type === 'speaker') {
      lines.push(`#${++n}\tAnnotatorNotes ${id}\tentity: ${oneLine(entityName(doc.sidecar, ann.entity))} (${ann.entity})`);
    } else if (ann.unit !== null) {
      lines.push(`#${++n}\tAnnotatorNotes ${id}\tunit: ${oneLine(ann.unit)}`);
    }
  }
  return { path: bratFileName(doc.path), content: lines.length ? lines.join('\n') + '\n' : '' };
}
