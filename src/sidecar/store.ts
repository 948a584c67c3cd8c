/**
 * Pure sidecar operations. Every function returns a NEW sidecar and never mutates its input, so
 * callers can keep an undo stack of plain values.
 */
import { kebab } from '../core/text';
import type { Analysis, Entity, EntityKind, FigureKind, QuoteKind, Span } from '../core/types';
import { contextOf, reanchor } from './anchor';
import { compareAnnotations, compareEntities } from './serialize';
import { stableHashHex } from './stableHash';
import {
  SIDECAR_VERSION,
  type Annotation,
  type AnnotationStatus,
  type AnnotationType,
  type DocumentInfo,
  type FigureAnnotation,
  type QuoteAnnotation,
  type Sidecar,
  type SpeakerAnnotation,
} from './types';

const ID_PREFIX: Record<AnnotationType, string> = { quote: 'q', speaker: 's', figure: 'f' };

/**
 * The document part of a sidecar. `sha256` is the SHA-256 (hex) of `docText`'s UTF-8 bytes,
 * computed by the host with its own crypto (`node:crypto` in the CLI and the extension host,
 * WebCrypto in a browser, which is asynchronous): this layer never hashes documents itself.
 */
export function documentInfo(docPath: string, docText: string, sha256: string): DocumentInfo {
  return { path: docPath, sha256, length: docText.length, offsetUnit: 'utf16' };
}

/** A sidecar without annotations; `sha256` as for `documentInfo`. */
export function emptySidecar(docPath: string, docText: string, sha256: string): Sidecar {
  return { version: SIDECAR_VERSION, document: documentInfo(docPath, docText, sha256), entities: [], annotations: [] };
}

/**
 * Deterministic short id: `q-`/`s-`/`f-` + 10 hex digits of a stable non-cryptographic hash
 * (`stableHash.ts`) of type, span and text. Sidecars written before used the first 10 hex digits
 * of a SHA-256 of the same key; such ids stay valid (ids are only ever compared, never recomputed).
 */
export function annotationId(type: AnnotationType, start: number, end: number, text: string, salt?: string | number): string {
  const key = `${type}\u0000${start}\u0000${end}\u0000${text}` + (salt === undefined ? '' : `\u0000${salt}`);
  return `${ID_PREFIX[type]}-${stableHashHex(key).slice(0, 10)}`;
}

function uniqueAnnotationId(used: Set<string>, type: AnnotationType, start: number, end: number, text: string): string {
  let id = annotationId(type, start, end, text);
  for (let salt = 1; used.has(id); salt++) id = annotationId(type, start, end, text, salt);
  used.add(id);
  return id;
}


function cloneEntity(e: Entity): Entity {
  return { id: e.id, name: e.name, kind: e.kind, aliases: [...e.aliases] };
}

function cloneAnnotation<T extends Annotation>(a: T): T {
  const out: T = { ...a };
  if (out.type === 'quote' && a.type === 'quote') {
    out.cue = a.cue && { ...a.cue };
    out.speakerMention = a.speakerMention && { ...a.speakerMention };
  }
  return out;
}

function withParts(s: Sidecar, entities: Entity[], annotations: Annotation[], document = s.document): Sidecar {
  return {
    version: s.version,
    document: { ...document },
    entities: entities.map(cloneEntity).sort(compareEntities),
    annotations: annotations.map(cloneAnnotation).sort(compareAnnotations),
  };
}

function surfaceForms(e: Entity): string[] {
  return [e.name, ...e.aliases].map((n) => n.toLowerCase());
}

function addAliases(e: Entity, names: readonly string[]): Entity {
  const known = new Set(surfaceForms(e));
  const aliases = [...e.aliases];
  for (const n of names) {
    const key = n.toLowerCase();
    if (n.trim() && !known.has(key)) {
      known.add(key);
      aliases.push(n);
    }
  }
  return { ...e, aliases };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function validSpan(docText: string, span: Span): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start < span.end && span.end <= docText.length;
}

function spanOrNull(docText: string, span: Span | null): Span | null {
  return span && validSpan(docText, span) ? { start: span.start, end: span.end } : null;
}

/**
 * The merge used by `quotelens analyze` and "Analyse document":
 * previous annotations are re-anchored; reviewed ones (manual, accepted, rejected — orphaned
 * included) are kept and previous auto suggestions dropped; new findings become suggestions unless a
 * kept annotation of the same type overlaps them; analysis entities are mapped onto previous
 * entities by id, name or alias (case-insensitive); only referenced entities are kept.
 * `sha256` is the host's hash of `docText` (see `documentInfo`).
 */
export function buildSidecar(docPath: string, docText: string, sha256: string, analysis: Analysis, previous?: Sidecar): Sidecar {
  const kept = (previous ? reanchor(docText, previous.annotations) : []).filter(
    (a) => a.origin === 'manual' || a.status !== 'suggested',
  );

  // Entities: previous ones by id, then analysis ones mapped onto them.
  const entities = new Map<string, Entity>();
  for (const e of previous?.entities ?? []) entities.set(e.id, cloneEntity(e));
  const previousIds = [...entities.keys()];
  const idMap = new Map<string, string>();
  for (const e of analysis.entities) {
    const forms = new Set(surfaceForms(e));
    let target = entities.has(e.id) && previousIds.includes(e.id) ? e.id : undefined;
    target ??= previousIds.find((id) => surfaceForms(entities.get(id)!).some((f) => forms.has(f)));
    if (target !== undefined) {
      idMap.set(e.id, target);
      entities.set(target, addAliases(entities.get(target)!, [e.name, ...e.aliases]));
    } else if (entities.has(e.id)) {
      // A second analysis entity with the same id: merge the surface forms.
      idMap.set(e.id, e.id);
      entities.set(e.id, addAliases(entities.get(e.id)!, [e.name, ...e.aliases]));
    } else {
      idMap.set(e.id, e.id);
      entities.set(e.id, cloneEntity(e));
    }
  }
  const mapEntity = (id: string): string | undefined => {
    const mapped = idMap.get(id) ?? id;
    return entities.has(mapped) ? mapped : undefined;
  };

  const usedIds = new Set(kept.map((a) => a.id));
  const live = kept.filter((a) => !a.orphaned);
  const covered = (type: AnnotationType, span: Span): boolean => live.some((k) => k.type === type && overlaps(k, span));
  // The text, context and id of a new suggestion. The annotations below are spelled out as whole
  // object literals: V8 builds `{ ...common, more }` over ten times slower, and a 1 MB article
  // has some 25,000 suggestions.
  const common = (type: AnnotationType, span: Span) => {
    const text = docText.slice(span.start, span.end);
    const { prefix, suffix } = contextOf(docText, span.start, span.end);
    return { id: uniqueAnnotationId(usedIds, type, span.start, span.end, text), text, prefix, suffix };
  };

  const added: Annotation[] = [];
  for (const q of analysis.quotes) {
    if (!validSpan(docText, q) || covered('quote', q)) continue;
    const speaker = q.speaker === null ? null : mapEntity(q.speaker) ?? null;
    const { id, text, prefix, suffix } = common('quote', q);
    const cue = spanOrNull(docText, q.cue);
    const speakerMention = spanOrNull(docText, q.speakerMention);
    const quote: QuoteAnnotation = { id, type: 'quote', start: q.start, end: q.end, text, prefix, suffix, status: 'suggested', origin: 'auto', kind: q.kind, speaker, cue, speakerMention };
    if (speaker !== null && q.rule !== undefined) quote.rule = q.rule;
    added.push(quote);
  }
  for (const m of analysis.mentions) {
    const entity = mapEntity(m.entity);
    if (entity === undefined || !validSpan(docText, m) || covered('speaker', m)) continue;
    const { id, text, prefix, suffix } = common('speaker', m);
    added.push({ id, type: 'speaker', start: m.start, end: m.end, text, prefix, suffix, status: 'suggested', origin: 'auto', entity });
  }
  for (const f of analysis.figures) {
    if (!validSpan(docText, f) || covered('figure', f)) continue;
    const { id, text, prefix, suffix } = common('figure', f);
    added.push({ id, type: 'figure', start: f.start, end: f.end, text, prefix, suffix, status: 'suggested', origin: 'auto', kind: f.kind, unit: f.unit });
  }

  const annotations = [...kept, ...added];
  const referenced = new Set<string>();
  for (const a of annotations) {
    if (a.type === 'quote' && a.speaker !== null) referenced.add(a.speaker);
    if (a.type === 'speaker') referenced.add(a.entity);
  }
  const finalEntities: Entity[] = [];
  for (const id of referenced) {
    // A kept annotation can only reference an entity of the (validated) previous sidecar; the
    // placeholder guards against hand-made input so that the result always validates.
    finalEntities.push(entities.get(id) ?? { id, name: id, kind: 'person', aliases: [] });
  }
  const template = previous ?? emptySidecar(docPath, docText, sha256);
  return withParts(template, finalEntities, annotations, documentInfo(docPath, docText, sha256));
}

export type AnnotationInit =
  | { type: 'quote'; start: number; end: number; kind?: QuoteKind; speaker?: string | null; cue?: Span | null; speakerMention?: Span | null }
  | { type: 'speaker'; start: number; end: number; entity: string }
  | { type: 'figure'; start: number; end: number; kind?: FigureKind; unit?: string | null };

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

/**
 * Adds a manual annotation (origin manual, status accepted). The span is trimmed of surrounding
 * whitespace; empty or out-of-range spans and unknown entities give `{ error }`. `docText` is the
 * text the sidecar describes: its document info is left as it is (refreshing it, with the host's
 * hash, is the caller's job when the text changed, e.g. on save).
 */
export function addAnnotation(
  s: Sidecar,
  docText: string,
  init: AnnotationInit,
  opts: { id?: string } = {},
): { sidecar: Sidecar; annotation: Annotation } | { error: string } {
  let { start, end } = init;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return { error: 'Offsets must be whole numbers' };
  if (start < 0 || end > docText.length || start > end) return { error: `Span ${start}-${end} is outside the document (length ${docText.length})` };
  while (start < end && isSpace(docText.charAt(start))) start++;
  while (end > start && isSpace(docText.charAt(end - 1))) end--;
  if (start === end) return { error: 'The selection is empty' };
  const entityIds = new Set(s.entities.map((e) => e.id));
  const text = docText.slice(start, end);
  const used = new Set(s.annotations.map((a) => a.id));
  if (opts.id !== undefined && (opts.id === '' || used.has(opts.id))) return { error: `Annotation id "${opts.id}" is empty or already used` };
  const id = opts.id ?? uniqueAnnotationId(used, init.type, start, end, text);
  const base = { id, start, end, text, ...contextOf(docText, start, end), status: 'accepted' as const, origin: 'manual' as const };
  let annotation: Annotation;
  switch (init.type) {
    case 'quote': {
      const speaker = init.speaker ?? null;
      if (speaker !== null && !entityIds.has(speaker)) return { error: `Unknown entity "${speaker}"` };
      annotation = { ...base, type: 'quote', kind: init.kind ?? 'direct', speaker, cue: spanOrNull(docText, init.cue ?? null), speakerMention: spanOrNull(docText, init.speakerMention ?? null) } satisfies QuoteAnnotation;
      break;
    }
    case 'speaker':
      if (!entityIds.has(init.entity)) return { error: `Unknown entity "${init.entity}"` };
      annotation = { ...base, type: 'speaker', entity: init.entity } satisfies SpeakerAnnotation;
      break;
    case 'figure':
      annotation = { ...base, type: 'figure', kind: init.kind ?? 'count', unit: init.unit ?? null } satisfies FigureAnnotation;
      break;
  }
  return { sidecar: withParts(s, s.entities, [...s.annotations, annotation]), annotation };
}

/** Sets the status of the annotations with the given ids. */
export function setStatus(s: Sidecar, ids: readonly string[], status: AnnotationStatus): Sidecar {
  const set = new Set(ids);
  return withParts(s, s.entities, s.annotations.map((a) => (set.has(a.id) ? { ...a, status } : a)));
}

/** Accepts every suggested annotation. */
export function acceptAll(s: Sidecar): Sidecar {
  return withParts(s, s.entities, s.annotations.map((a) => (a.status === 'suggested' ? { ...a, status: 'accepted' as const } : a)));
}

export function removeAnnotation(s: Sidecar, id: string): Sidecar {
  return withParts(s, s.entities, s.annotations.filter((a) => a.id !== id));
}

/**
 * Sets (or clears) the speaker of a quote. Unknown quote or entity ids leave the sidecar unchanged.
 * A new speaker is the annotator's, not a rule's: the quote's `rule` goes with the old one.
 */
export function setQuoteSpeaker(s: Sidecar, quoteId: string, entityId: string | null): Sidecar {
  if (entityId !== null && !s.entities.some((e) => e.id === entityId)) return withParts(s, s.entities, s.annotations);
  return withParts(
    s,
    s.entities,
    s.annotations.map((a): Annotation => {
      if (a.id !== quoteId || a.type !== 'quote' || a.speaker === entityId) return a;
      const out: QuoteAnnotation = { ...a, speaker: entityId };
      delete out.rule;
      return out;
    }),
  );
}

/**
 * Adds an entity with the id the analysis would give its name (`kebab`: "U.S. Army" → `us-army`,
 * "The Mayor" → `mayor`), de-duplicated with -2, -3, …
 */
export function addEntity(s: Sidecar, name: string, kind: EntityKind): { sidecar: Sidecar; entity: Entity } {
  const clean = name.trim().replace(/\s+/g, ' ') || 'Unnamed';
  const baseId = kebab(clean);
  const ids = new Set(s.entities.map((e) => e.id));
  let id = baseId;
  for (let n = 2; ids.has(id); n++) id = `${baseId}-${n}`;
  const entity: Entity = { id, name: clean, kind, aliases: [] };
  return { sidecar: withParts(s, [...s.entities, entity], s.annotations), entity: cloneEntity(entity) };
}

/** Renames an entity; the old name becomes an alias and the id stays stable. */
export function renameEntity(s: Sidecar, id: string, newName: string): Sidecar {
  const clean = newName.trim().replace(/\s+/g, ' ');
  const entities = s.entities.map((e) => {
    if (e.id !== id || !clean || clean === e.name) return e;
    const aliases = e.aliases.filter((a) => a.toLowerCase() !== clean.toLowerCase());
    if (e.name.toLowerCase() !== clean.toLowerCase() && !aliases.some((a) => a.toLowerCase() === e.name.toLowerCase())) aliases.push(e.name);
    return { ...e, name: clean, aliases };
  });
  return withParts(s, entities, s.annotations);
}

/** Merges `fromId` into `intoId`: names and aliases move over, every reference is repointed. */
export function mergeEntities(s: Sidecar, fromId: string, intoId: string): Sidecar {
  const from = s.entities.find((e) => e.id === fromId);
  const into = s.entities.find((e) => e.id === intoId);
  if (!from || !into || fromId === intoId) return withParts(s, s.entities, s.annotations);
  const merged = addAliases(into, [from.name, ...from.aliases]);
  const entities = s.entities.filter((e) => e.id !== fromId).map((e) => (e.id === intoId ? merged : e));
  const annotations = s.annotations.map((a): Annotation => {
    if (a.type === 'quote' && a.speaker === fromId) return { ...a, speaker: intoId };
    if (a.type === 'speaker' && a.entity === fromId) return { ...a, entity: intoId };
    return a;
  });
  return withParts(s, entities, annotations);
}

