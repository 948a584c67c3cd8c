/**
 * Three-way merge of sidecars, for a writer that finds the file changed since it read it.
 *
 *   mergeSidecars(base, mine, theirs, { documentText }) → { sidecar, conflicts }
 *
 * - `base`: the sidecar the writer read (undefined when there was no file);
 * - `mine`: what the writer wants to write now;
 * - `theirs`: what is on disk now (written by someone else meanwhile).
 *
 * Annotations and entities are matched by id. Per annotation:
 * - changed on one side only → that side's version;
 * - changed on both sides (or added on both with the same id) → reviewed work wins (a manual,
 *   accepted or rejected version over a suggestion); both reviewed and different → theirs, and a
 *   conflict is reported; both suggestions → mine (the writer's newer analysis);
 * - added on one side → kept, except a suggestion that overlaps reviewed work of the same type from
 *   the other side (as `analyze` does); added on both sides with different ids but the same type
 *   and span → one of them (the reviewed one; otherwise theirs, reporting a conflict if both reviewed);
 * - deleted on one side and unchanged (or only changed as a suggestion) on the other → deleted;
 *   deleted on one side but changed into reviewed work on the other → kept.
 * Entities likewise (both changed → theirs' name and kind with the aliases of both). Every entity an
 * annotation refers to is kept, so the result always passes `validateSidecar`.
 *
 * The document info is mine when mine changed it (e.g. the writer re-analysed an edited document),
 * theirs otherwise. Annotations taken from a side whose document hash differs from the result's are
 * re-anchored when `documentText` and its `documentHash` (the host's SHA-256) are given; any that
 * still lie beyond the document are kept as orphaned (never dropped). Pure: no I/O, inputs are not
 * mutated.
 */
import type { Entity } from '../core/types';
import { reanchor } from './anchor';
import { compareAnnotations, compareEntities, orderedAnnotation, orderedSidecar } from './serialize';
import type { Annotation, DocumentInfo, Sidecar } from './types';

export interface MergeOptions {
  /** The current document text, used to re-anchor annotations written against another version. */
  documentText?: string;
  /** The host's SHA-256 of `documentText` (this layer does not hash); without it nothing is re-anchored. */
  documentHash?: string;
}

export interface MergeResult {
  sidecar: Sidecar;
  /** One line per annotation or entity changed differently on both sides (theirs was kept). */
  conflicts: string[];
}

/** Reviewed work: anything a person made or decided on. */
export function isReviewed(a: Annotation): boolean {
  return a.origin === 'manual' || a.status !== 'suggested';
}

function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return JSON.stringify(orderedAnnotation(a)) === JSON.stringify(orderedAnnotation(b));
}

function sameEntity(a: Entity, b: Entity): boolean {
  return a.name === b.name && a.kind === b.kind && a.aliases.length === b.aliases.length && a.aliases.every((x, i) => x === b.aliases[i]);
}

function sameDocument(a: DocumentInfo, b: DocumentInfo): boolean {
  return a.path === b.path && a.sha256 === b.sha256 && a.length === b.length;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}

type Side = 'mine' | 'theirs';
interface Picked {
  annotation: Annotation;
  side: Side;
  /** True when neither base nor the other side had this id. */
  added: boolean;
}

/** Both sides changed (or added) the same id differently: reviewed work wins, else theirs/mine. */
function resolveBothChanged(m: Annotation, t: Annotation, conflicts: string[]): { annotation: Annotation; side: Side } {
  const mr = isReviewed(m);
  const tr = isReviewed(t);
  if (mr && !tr) return { annotation: m, side: 'mine' };
  if (tr && !mr) return { annotation: t, side: 'theirs' };
  if (mr && tr) {
    conflicts.push(`annotation ${t.id}: reviewed differently on both sides; kept the version on disk (${t.status}, ${t.origin})`);
    return { annotation: t, side: 'theirs' };
  }
  return { annotation: m, side: 'mine' };
}

/** The three-way decision for one annotation id; undefined = deleted. */
function pickAnnotation(b: Annotation | undefined, m: Annotation | undefined, t: Annotation | undefined, conflicts: string[]): Picked | undefined {
  if (m && t) {
    if (b && sameAnnotation(m, b)) return { annotation: t, side: 'theirs', added: false };
    if ((b && sameAnnotation(t, b)) || sameAnnotation(m, t)) return { annotation: m, side: 'mine', added: !b };
    return { ...resolveBothChanged(m, t, conflicts), added: !b };
  }
  const only = m ?? t;
  if (!only) return undefined;
  const side: Side = m ? 'mine' : 'theirs';
  if (!b) return { annotation: only, side, added: true };
  // Deleted on the other side: the deletion wins unless this side turned it into reviewed work.
  const changedIntoReviewed = !sameAnnotation(only, b) && isReviewed(only);
  return changedIntoReviewed ? { annotation: only, side, added: false } : undefined;
}

function overlaps(a: Annotation, b: Annotation): boolean {
  return a.type === b.type && a.start < b.end && b.start < a.end;
}

/**
 * Additions that collide with the other side's work: a suggestion added on one side is dropped when
 * it overlaps reviewed work of the same type from the other side (as `analyze` does), and of two
 * annotations added on both sides with the same type and span only theirs is kept.
 */
function dropCollidingAdds(picked: Picked[], conflicts: string[]): Picked[] {
  const dropped = new Set<Picked>();
  for (const p of picked) {
    if (!p.added) continue;
    const a = p.annotation;
    for (const other of picked) {
      if (other === p || other.side === p.side || dropped.has(other) || a.orphaned || other.annotation.orphaned) continue;
      const b = other.annotation;
      if (!overlaps(a, b)) continue;
      if (!isReviewed(a) && isReviewed(b)) {
        dropped.add(p);
      } else if (other.added && a.start === b.start && a.end === b.end && p.side === 'mine' && isReviewed(a) === isReviewed(b)) {
        if (isReviewed(a)) conflicts.push(`annotation ${a.id}: ${a.type} added on both sides on the same span; kept ${b.id} from disk`);
        dropped.add(p);
      }
      if (dropped.has(p)) break;
    }
  }
  return picked.filter((p) => !dropped.has(p));
}

function mergeEntity(b: Entity | undefined, m: Entity | undefined, t: Entity | undefined, conflicts: string[]): Entity | undefined {
  if (m && t) {
    if (b && sameEntity(m, b)) return t;
    if ((b && sameEntity(t, b)) || sameEntity(m, t)) return m;
    const bothChanged = (key: 'name' | 'kind') => m[key] !== t[key] && (!b || (m[key] !== b[key] && t[key] !== b[key]));
    if (bothChanged('name') || bothChanged('kind')) conflicts.push(`entity ${t.id}: changed on both sides; kept the name and kind on disk ("${t.name}", ${t.kind})`);
    const names = new Set([t.name.toLowerCase(), ...t.aliases.map((x) => x.toLowerCase())]);
    const extra = [m.name, ...m.aliases].filter((x) => !names.has(x.toLowerCase()) && names.add(x.toLowerCase()));
    return { id: t.id, name: t.name, kind: t.kind, aliases: [...t.aliases, ...extra] };
  }
  const only = m ?? t;
  if (!only) return undefined;
  if (!b) return only;
  // Deleted on one side: deleted unless the other side changed it (a rename is reviewed work).
  return sameEntity(only, b) ? undefined : only;
}

function referencedEntities(annotations: readonly Annotation[]): Set<string> {
  const ids = new Set<string>();
  for (const a of annotations) {
    if (a.type === 'quote' && a.speaker !== null) ids.add(a.speaker);
    if (a.type === 'speaker') ids.add(a.entity);
  }
  return ids;
}

/** Keeps an annotation valid against a document of `length` without dropping it: out of reach → orphaned. */
function withinDocument(a: Annotation, length: number): Annotation {
  let out = a;
  if (out.end > length) {
    const start = Math.min(out.start, length);
    out = { ...out, start, end: length, orphaned: true };
  }
  if (out.type === 'quote') {
    const cue = out.cue && out.cue.end > length ? null : out.cue;
    const speakerMention = out.speakerMention && out.speakerMention.end > length ? null : out.speakerMention;
    if (cue !== out.cue || speakerMention !== out.speakerMention) out = { ...out, cue, speakerMention };
  }
  return out;
}

function chooseDocument(base: Sidecar | undefined, mine: Sidecar, theirs: Sidecar): DocumentInfo {
  return !base || !sameDocument(mine.document, base.document) ? mine.document : theirs.document;
}

/** Annotations taken from a side written against another document version are re-anchored to this one. */
function anchorToDocument(picked: readonly Picked[], sides: Record<Side, Sidecar>, document: DocumentInfo, options: MergeOptions): Picked[] {
  const text = options.documentText;
  const usable = text !== undefined && text.length === document.length && options.documentHash === document.sha256;
  const out: Picked[] = [];
  for (const side of ['mine', 'theirs'] as const) {
    const own = picked.filter((p) => p.side === side);
    const stale = usable && sides[side].document.sha256 !== document.sha256;
    const anchored = stale ? reanchor(text, own.map((p) => p.annotation)) : own.map((p) => p.annotation);
    own.forEach((p, i) => out.push({ ...p, annotation: withinDocument(anchored[i], document.length) }));
  }
  return out;
}

export function mergeSidecars(base: Sidecar | undefined, mine: Sidecar, theirs: Sidecar, options: MergeOptions = {}): MergeResult {
  const conflicts: string[] = [];
  const [bA, mA, tA] = [byId(base?.annotations ?? []), byId(mine.annotations), byId(theirs.annotations)];
  const ids = [...new Set([...mA.keys(), ...tA.keys(), ...bA.keys()])].sort();
  const picked: Picked[] = [];
  for (const id of ids) {
    const p = pickAnnotation(bA.get(id), mA.get(id), tA.get(id), conflicts);
    if (p) picked.push(p);
  }
  const document = chooseDocument(base, mine, theirs);
  const anchored = anchorToDocument(picked, { mine, theirs }, document, options);
  const annotations = dropCollidingAdds(anchored, conflicts).map((p) => p.annotation);

  const [bE, mE, tE] = [byId(base?.entities ?? []), byId(mine.entities), byId(theirs.entities)];
  const entities = new Map<string, Entity>();
  for (const id of [...new Set([...mE.keys(), ...tE.keys(), ...bE.keys()])].sort()) {
    const e = mergeEntity(bE.get(id), mE.get(id), tE.get(id), conflicts);
    if (e) entities.set(id, e);
  }
  // A kept annotation may refer to an entity the other side deleted: bring it back.
  for (const id of referencedEntities(annotations)) {
    if (!entities.has(id)) entities.set(id, tE.get(id) ?? mE.get(id) ?? bE.get(id) ?? { id, name: id, kind: 'person', aliases: [] });
  }

  const sidecar = orderedSidecar({
    version: mine.version,
    document,
    entities: [...entities.values()].sort(compareEntities),
    annotations: annotations.sort(compareAnnotations),
  });
  return { sidecar, conflicts };
}
