/**
 * A small hand-written two-document workspace for the export tests, and checkers written from the
 * brat standoff/configuration format and the W3C Web Annotation data model.
 */
import assert from 'node:assert/strict';
import type { ExportDocument } from '../../src/export';
import { addAnnotation, addEntity, emptySidecar } from '../../src/sidecar/store';
import type { Annotation, Sidecar } from '../../src/sidecar/types';
import { at, unwrap } from './sidecar-fixtures';
import { sha256Of } from '../hash';

/** Two emoji (two UTF-16 units each, one code point) before the quote. */
export const HARBOUR = 'Crowds 🎉🎉 cheered at the quay. "We kept the ferry running, all winter," said Mara Quill. Fares rose 5% in May.\n';
/** Curly quotes, and a quote that crosses a line break. */
export const VOTE = 'The council met on Tuesday.\n“The vote was close,” Ana Ruiz told reporters. “Nobody expected\nit.” In all, 312 votes were cast.\n';

/** harbour.txt: reviewed by hand (manual, accepted), with one orphaned quote. */
export function harbourDoc(): ExportDocument {
  const t = HARBOUR;
  let s = emptySidecar('harbour.txt', t, sha256Of(t));
  s = addEntity(s, 'Mara Quill', 'person').sidecar;
  const quote = at(t, '"We kept the ferry running, all winter,"');
  s = unwrap(addAnnotation(s, t, { type: 'quote', ...quote, kind: 'direct', speaker: 'mara-quill', cue: at(t, 'said'), speakerMention: at(t, 'Mara Quill') }, { id: 'q-a1' })).sidecar;
  s = unwrap(addAnnotation(s, t, { type: 'speaker', ...at(t, 'Mara Quill'), entity: 'mara-quill' }, { id: 's-a1' })).sidecar;
  s = unwrap(addAnnotation(s, t, { type: 'figure', ...at(t, '5%'), kind: 'percent', unit: null }, { id: 'f-a1' })).sidecar;
  const orphan: Annotation = { ...s.annotations.find((a) => a.id === 'q-a1')!, id: 'q-a2', text: '"The old pier is gone."', orphaned: true, status: 'rejected' };
  s = { ...s, annotations: [...s.annotations, orphan] };
  return { path: 'harbour.txt', text: t, sidecar: s };
}

/** notes/vote.txt: as the analysis would give it (origin auto, status suggested). */
export function voteDoc(): ExportDocument {
  const t = VOTE;
  let s = emptySidecar('vote.txt', t, sha256Of(t));
  s = addEntity(s, 'Ana Ruiz', 'person').sidecar;
  s = unwrap(addAnnotation(s, t, { type: 'quote', ...at(t, '“The vote was close,”'), speaker: 'ana-ruiz', cue: at(t, 'told'), speakerMention: at(t, 'Ana Ruiz') }, { id: 'q-b1' })).sidecar;
  s = unwrap(addAnnotation(s, t, { type: 'quote', ...at(t, '“Nobody expected\nit.”'), kind: 'partial', speaker: null }, { id: 'q-b2' })).sidecar;
  s = unwrap(addAnnotation(s, t, { type: 'speaker', ...at(t, 'Ana Ruiz'), entity: 'ana-ruiz' }, { id: 's-b1' })).sidecar;
  s = unwrap(addAnnotation(s, t, { type: 'figure', ...at(t, '312'), kind: 'count', unit: 'votes' }, { id: 'f-b1' })).sidecar;
  const suggested: Sidecar = { ...s, annotations: s.annotations.map((a) => ({ ...a, origin: 'auto' as const, status: 'suggested' as const })) };
  return { path: 'notes/vote.txt', text: t, sidecar: suggested };
}

export function workspaceDocs(): ExportDocument[] {
  return [harbourDoc(), voteDoc()];
}

// ---- brat ----------------------------------------------------------------------------------

interface BratConf {
  entities: Set<string>;
  events: Set<string>;
  /** relation → [Arg1 types, Arg2 types] */
  relations: Map<string, [string[], string[]]>;
  /** attribute → allowed entity types ('<ENTITY>': any) and values (empty: a flag) */
  attributes: Map<string, { args: string[]; values: string[] }>;
}

/** Parses annotation.conf: sections [entities] [relations] [events] [attributes]; `#` comments. */
export function parseBratConf(conf: string): BratConf {
  const out: BratConf = { entities: new Set(), events: new Set(), relations: new Map(), attributes: new Map() };
  const sections = new Set<string>();
  let section = '';
  for (const raw of conf.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      section = header[1];
      assert.ok(['entities', 'relations', 'events', 'attributes'].includes(section), `unknown section ${line}`);
      sections.add(section);
      continue;
    }
    const [name, rest = ''] = line.split(/\s+(.*)/s);
    const args = new Map(rest.split(/\s*,\s*/).filter(Boolean).map((kv) => kv.split(':') as [string, string]));
    if (section === 'entities') out.entities.add(name);
    else if (section === 'events') out.events.add(name);
    else if (section === 'relations') out.relations.set(name, [(args.get('Arg1') ?? '').split('|'), (args.get('Arg2') ?? '').split('|')]);
    else if (section === 'attributes') out.attributes.set(name, { args: (args.get('Arg') ?? '').split('|'), values: args.get('Value')?.split('|') ?? [] });
    else assert.fail(`line outside a section: ${line}`);
  }
  assert.deepEqual([...sections].sort(), ['attributes', 'entities', 'events', 'relations'], 'all four sections');
  return out;
}

/**
 * Checks one .ann against its .txt and the configuration: every line is a T/A/R/E/# line, ids are
 * unique, every type, attribute (and value) and relation is declared for the types it joins, and
 * every T span's text equals the .txt's code-point slices joined by a space, character for character
 * (what brat's reader requires; a piece never holds a line break). Returns the problems.
 */
export function bratProblems(ann: string, txt: string, confText: string): string[] {
  const conf = parseBratConf(confText);
  const cps = [...txt];
  const problems: string[] = [];
  const types = new Map<string, string>();
  const lines = ann.split('\n').filter((l) => l !== '');
  for (const line of lines) {
    const id = line.split('\t')[0];
    if (types.has(id)) problems.push(`duplicate id ${id}`);
    const t = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/.exec(line);
    if (t) {
      types.set(id, t[2]);
      if (!conf.entities.has(t[2])) problems.push(`${id}: entity type ${t[2]} not declared`);
      const pieces = t[3].split(';').map((r) => r.split(' ').map(Number));
      if (pieces.some(([s, e]) => !(s < e && e <= cps.length))) problems.push(`${id}: bad offsets ${t[3]}`);
      const covered = pieces.map(([s, e]) => cps.slice(s, e).join('')).join(' ');
      if (covered !== t[4]) problems.push(`${id}: text "${t[4]}" but the .txt has "${covered}"`);
      continue;
    }
    if (/^(E\d+)\t/.test(line) || /^(R\d+)\t/.test(line) || /^(A\d+)\t/.test(line) || /^#\d+\t/.test(line)) types.set(id, id[0]);
    else problems.push(`not a brat line: ${JSON.stringify(line)}`);
  }
  for (const line of lines) {
    const id = line.split('\t')[0];
    const a = /^(A\d+)\t(\S+) ([TE]\d+)(?: (\S+))?$/.exec(line);
    const r = /^(R\d+)\t(\S+) Arg1:(T\d+) Arg2:(T\d+)$/.exec(line);
    const e = /^(E\d+)\t(\S+):(T\d+)(?: \S+:[TE]\d+)*$/.exec(line);
    const n = /^#\d+\tAnnotatorNotes ([TERA]\d+)\t.*$/.exec(line);
    if (a) {
      const decl = conf.attributes.get(a[2]);
      const target = types.get(a[3]);
      if (!decl) problems.push(`${id}: attribute ${a[2]} not declared`);
      else if (target === undefined) problems.push(`${id}: unknown target ${a[3]}`);
      else {
        if (!decl.args.includes('<ENTITY>') && !decl.args.includes(target)) problems.push(`${id}: ${a[2]} not declared for ${target}`);
        if (a[4] === undefined ? decl.values.length > 0 : !decl.values.includes(a[4])) problems.push(`${id}: value ${a[4] ?? '(none)'} not declared for ${a[2]}`);
      }
    } else if (r) {
      const decl = conf.relations.get(r[2]);
      if (!decl) problems.push(`${id}: relation ${r[2]} not declared`);
      else if (!decl[0].includes(types.get(r[3]) ?? '') || !decl[1].includes(types.get(r[4]) ?? '')) problems.push(`${id}: ${r[2]} arguments of undeclared types`);
    } else if (e) {
      if (!conf.events.has(e[2])) problems.push(`${id}: event ${e[2]} not declared`);
    } else if (n) {
      if (!types.has(n[1])) problems.push(`${id}: note on unknown ${n[1]}`);
    } else if (!/^T\d+\t/.test(line)) {
      problems.push(`malformed line: ${JSON.stringify(line)}`);
    }
  }
  return problems;
}

// ---- W3C Web Annotation ----------------------------------------------------------------------

const MOTIVATIONS = new Set(['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging']);
const isIri = (x: unknown): boolean => typeof x === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/.test(x);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

function keysOutside(o: object, allowed: readonly string[]): string[] {
  return Object.keys(o).filter((k) => !allowed.includes(k));
}

/**
 * Checks a W3C Web Annotation export against the data model's requirements (as written in the
 * W3C Recommendation), and every selector against the document text in code points. `texts` maps
 * each target source IRI to its document. Returns the problems.
 */
export function w3cProblems(json: string, texts: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const doc = JSON.parse(json) as Record<string, unknown>;
  if (doc['@context'] !== 'http://www.w3.org/ns/anno.jsonld') problems.push('@context');
  if (doc.type !== 'AnnotationCollection') problems.push('collection type');
  const page = doc.first as Record<string, unknown> | undefined;
  if (page?.type !== 'AnnotationPage' || !Array.isArray(page.items)) return [...problems, 'first must be an AnnotationPage with items'];
  const items = page.items as Record<string, unknown>[];
  if (doc.total !== items.length) problems.push('total differs from the items');
  const ids = new Set<unknown>();
  items.forEach((anno, i) => {
    const where = `item ${i}`;
    if (!isIri(anno.id)) problems.push(`${where}: id is not an IRI: ${String(anno.id)}`);
    if (ids.has(anno.id)) problems.push(`${where}: duplicate id`);
    ids.add(anno.id);
    if (anno.type !== 'Annotation') problems.push(`${where}: type must be "Annotation"`);
    if (anno.motivation !== undefined && !MOTIVATIONS.has(anno.motivation as string)) problems.push(`${where}: motivation`);
    const bodies = Array.isArray(anno.body) ? (anno.body as Record<string, unknown>[]) : anno.body === undefined ? [] : [anno.body as Record<string, unknown>];
    for (const b of bodies) {
      if (b.type !== 'TextualBody' || typeof b.value !== 'string') problems.push(`${where}: a body must be a TextualBody with a string value`);
      if (b.purpose !== undefined && !MOTIVATIONS.has(b.purpose as string)) problems.push(`${where}: body purpose ${JSON.stringify(b.purpose)}`);
      if (keysOutside(b, ['type', 'value', 'purpose', 'format', 'language']).length) problems.push(`${where}: unknown body members`);
    }
    const target = anno.target as Record<string, unknown> | undefined;
    if (!target || !isIri(target.source)) return problems.push(`${where}: target needs an IRI source`);
    const text = texts.get(target.source as string);
    if (text === undefined) return problems.push(`${where}: unknown source ${String(target.source)}`);
    const cps = [...text];
    const selectors = (Array.isArray(target.selector) ? target.selector : [target.selector]) as Record<string, unknown>[];
    let exact: string | undefined;
    let position: string | undefined;
    let before = '';
    let after = '';
    // The position first, so that the quote selector's prefix and suffix can be checked against it.
    const positionFirst = [...selectors].sort((a, b) => Number(b.type === 'TextPositionSelector') - Number(a.type === 'TextPositionSelector'));
    for (const s of positionFirst) {
      if (s.type === 'TextPositionSelector') {
        if (keysOutside(s, ['type', 'start', 'end']).length || !isCount(s.start) || !isCount(s.end) || s.end < s.start || s.end > cps.length) problems.push(`${where}: bad TextPositionSelector`);
        else {
          position = cps.slice(s.start, s.end).join('');
          before = cps.slice(0, s.start).join('');
          after = cps.slice(s.end).join('');
        }
      } else if (s.type === 'TextQuoteSelector') {
        if (keysOutside(s, ['type', 'exact', 'prefix', 'suffix']).length || typeof s.exact !== 'string') problems.push(`${where}: bad TextQuoteSelector`);
        for (const k of ['prefix', 'suffix']) if (s[k] !== undefined && typeof s[k] !== 'string') problems.push(`${where}: ${k} must be a string`);
        exact = s.exact as string;
        if (typeof s.prefix === 'string' && position !== undefined && !before.endsWith(s.prefix)) problems.push(`${where}: prefix does not precede the span`);
        if (typeof s.suffix === 'string' && position !== undefined && !after.startsWith(s.suffix)) problems.push(`${where}: suffix does not follow the span`);
      } else problems.push(`${where}: unexpected selector ${String(s.type)}`);
    }
    if (position === undefined || exact === undefined) problems.push(`${where}: needs a TextPositionSelector and a TextQuoteSelector`);
    else if (exact !== position) problems.push(`${where}: exact "${exact}" but the code points there are "${position}"`);
    return undefined;
  });
  return problems;
}
