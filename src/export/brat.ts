/**
 * brat standoff, ready to load as a brat collection: per document a `.ann` and the `.txt` it
 * refers to, plus `annotation.conf` and `visual.conf` in every folder that holds `.ann` files
 * (brat looks for them beside the documents). Text-bound annotations Quote / Speaker / Figure with
 * code-point offsets (brat counts characters, not UTF-16 units); spans crossing a line break become
 * discontinuous fragments. Kind, status and "manual" are attributes, a quote's speaker a SpokenBy
 * relation (when the speaker mention is itself annotated) and AnnotatorNotes. The configuration
 * declares exactly the entity, relation and attribute types the .ann files use. Orphaned
 * annotations are left out.
 */
import { FIGURE_KINDS, QUOTE_KINDS } from '../core/types';
import type { Annotation, AnnotationStatus } from '../sidecar/types';
import { codePointOffsets, type CodePointMap } from './offsets';
import type { ExportDocument, ExportedFile } from './types';
import { entityName } from './types';

const LABEL: Record<Annotation['type'], string> = { quote: 'Quote', speaker: 'Speaker', figure: 'Figure' };
const STATUSES: readonly AnnotationStatus[] = ['suggested', 'accepted', 'rejected'];
const KIND_ATTRIBUTE = { quote: 'QuoteKind', figure: 'FigureKind' } as const;

/** The types one or more .ann files use: what annotation.conf must declare. */
export interface BratTypes {
  entities: Set<string>;
  attributes: Set<string>;
  relations: Set<string>;
}

export function emptyBratTypes(): BratTypes {
  return { entities: new Set(), attributes: new Set(), relations: new Set() };
}

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

function withoutExtension(docPath: string): string {
  const slash = Math.max(docPath.lastIndexOf('/'), docPath.lastIndexOf('\\'));
  const dot = docPath.lastIndexOf('.');
  return dot > slash + 1 ? docPath.slice(0, dot) : docPath;
}

/** `article.txt` → `article.ann`; `notes` → `notes.ann`. */
export function bratFileName(docPath: string): string {
  return withoutExtension(docPath) + '.ann';
}

/** The text file brat reads beside `bratFileName(docPath)`: `article.txt`; `notes.md` → `notes.txt`. */
export function bratTextName(docPath: string): string {
  return withoutExtension(docPath) + '.txt';
}

/** The folder part of a path ('' for none), with its trailing slash. */
function folderOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(0, slash + 1);
}

/** A note's text (a name, a unit) on one line: runs of tabs and line breaks become one space. */
function oneLine(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ');
}

/** The `.ann` content of one document; the types it uses are added to `used`. */
export function toBratAnn(doc: ExportDocument, used: BratTypes = emptyBratTypes()): { content: string; records: number } {
  const cp: CodePointMap = codePointOffsets(doc.text);
  const lines: string[] = [];
  const tIds = new Map<string, string>();
  const bySpan = new Map<string, string>();
  let t = 0, a = 0, r = 0, n = 0;
  const attribute = (name: string, id: string, value?: string): void => {
    used.attributes.add(name);
    lines.push(`A${++a}\t${name} ${id}${value === undefined ? '' : ` ${value}`}`);
  };
  const live = doc.sidecar.annotations.filter((x) => !x.orphaned && x.end > x.start);
  for (const ann of live) {
    const frags = lineFragments(doc.text, ann.start, ann.end);
    if (frags.length === 0) continue;
    const id = `T${++t}`;
    tIds.set(ann.id, id);
    if (ann.type === 'speaker') bySpan.set(`${ann.start}:${ann.end}`, id);
    const offsets = frags.map(([s, e]) => `${cp(s)} ${cp(e)}`).join(';');
    // Verbatim, tabs included (the fragments hold no line break): brat reads as many characters as
    // the fragments cover, joined by one space, and rejects the line unless they equal the .txt's.
    const covered = frags.map(([s, e]) => doc.text.slice(s, e)).join(' ');
    used.entities.add(LABEL[ann.type]);
    lines.push(`${id}\t${LABEL[ann.type]} ${offsets}\t${covered}`);
  }
  for (const ann of live) {
    const id = tIds.get(ann.id);
    if (!id) continue;
    if (ann.type !== 'speaker') attribute(KIND_ATTRIBUTE[ann.type], id, ann.kind);
    attribute('Status', id, ann.status);
    if (ann.origin === 'manual') attribute('Manual', id);
    if (ann.type === 'quote') {
      const mention = ann.speakerMention && bySpan.get(`${ann.speakerMention.start}:${ann.speakerMention.end}`);
      if (ann.speaker !== null && mention) {
        used.relations.add('SpokenBy');
        lines.push(`R${++r}\tSpokenBy Arg1:${id} Arg2:${mention}`);
      }
      if (ann.speaker !== null) lines.push(`#${++n}\tAnnotatorNotes ${id}\tspeaker: ${oneLine(entityName(doc.sidecar, ann.speaker))} (${ann.speaker})`);
    } else if (ann.type === 'speaker') {
      lines.push(`#${++n}\tAnnotatorNotes ${id}\tentity: ${oneLine(entityName(doc.sidecar, ann.entity))} (${ann.entity})`);
    } else if (ann.unit !== null) {
      lines.push(`#${++n}\tAnnotatorNotes ${id}\tunit: ${oneLine(ann.unit)}`);
    }
  }
  return { content: lines.length ? lines.join('\n') + '\n' : '', records: t };
}

/** Attribute declarations: what they attach to (`Arg:`) and their values (none: a flag). */
const ATTRIBUTE_DECLARATIONS: Record<string, { arg: string; values: readonly string[] }> = {
  QuoteKind: { arg: 'Quote', values: QUOTE_KINDS },
  FigureKind: { arg: 'Figure', values: FIGURE_KINDS },
  Status: { arg: '<ENTITY>', values: STATUSES },
  Manual: { arg: '<ENTITY>', values: [] },
};

const ENTITY_ORDER = ['Quote', 'Speaker', 'Figure'];

/** brat's annotation.conf (sections [entities], [relations], [events], [attributes]) declaring the used types. */
export function bratAnnotationConf(used: BratTypes): string {
  const entities = ENTITY_ORDER.filter((e) => used.entities.has(e));
  const relations = used.relations.has('SpokenBy') ? ['SpokenBy\tArg1:Quote, Arg2:Speaker'] : [];
  const attributes = Object.entries(ATTRIBUTE_DECLARATIONS)
    .filter(([name]) => used.attributes.has(name))
    .map(([name, { arg, values }]) => (values.length ? `${name}\tArg:${arg}, Value:${values.join('|')}` : `${name}\tArg:${arg}`));
  return ['[entities]', ...entities, '', '[relations]', ...relations, '', '[events]', '', '[attributes]', ...attributes, ''].join('\n');
}

/** brat's visual.conf: labels and the colours the editor uses. */
export function bratVisualConf(used: BratTypes): string {
  const labels: Record<string, string> = { Quote: 'Quote | Q', Speaker: 'Speaker | Spk | S', Figure: 'Figure | Fig | F', SpokenBy: 'spoken by' };
  const colours: Record<string, string> = { Quote: 'bgColor:#9fc2ee', Speaker: 'bgColor:#f0b878', Figure: 'bgColor:#8fd4b0', SpokenBy: 'color:#555555' };
  const names = [...ENTITY_ORDER.filter((e) => used.entities.has(e)), ...(used.relations.has('SpokenBy') ? ['SpokenBy'] : [])];
  return ['[labels]', ...names.map((x) => `${x} | ${labels[x]}`), '', '[drawing]', ...names.map((x) => `${x}\t${colours[x]}`), ''].join('\n');
}

/**
 * The whole collection: per document its `.ann` and `.txt`, then `annotation.conf` and
 * `visual.conf` in every folder holding a document. `records` counts text-bound annotations.
 */
export function toBrat(docs: readonly ExportDocument[]): { files: ExportedFile[]; records: number } {
  const used = emptyBratTypes();
  const files: ExportedFile[] = [];
  let records = 0;
  for (const doc of docs) {
    const ann = toBratAnn(doc, used);
    records += ann.records;
    files.push({ path: bratFileName(doc.path), content: ann.content }, { path: bratTextName(doc.path), content: doc.text });
  }
  const annotationConf = bratAnnotationConf(used);
  const visualConf = bratVisualConf(used);
  for (const folder of new Set(docs.map((d) => folderOf(d.path)))) {
    files.push({ path: `${folder}annotation.conf`, content: annotationConf }, { path: `${folder}visual.conf`, content: visualConf });
  }
  return { files, records };
}
