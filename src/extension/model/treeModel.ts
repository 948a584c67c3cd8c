/**
 * The entity tree as plain data, built from the loaded sidecars and the filter. The adapter in
 * `features/entityTree.ts` maps nodes to `TreeItem`s; nothing here touches VS Code.
 */
import type { EntityKind, FigureKind } from '../../core/types';
import type { Annotation, AnnotationStatus, AnnotationType, Sidecar } from '../../sidecar/types';
import { plural, shorten } from './text';

export interface DocSidecar {
  /** Document URI string. */
  uri: string;
  /** Short name for descriptions (file name). */
  name: string;
  sidecar: Sidecar;
}

export interface TreeFilter {
  status?: AnnotationStatus;
  /** Document URI string. */
  document?: string;
  type?: AnnotationType;
}

export type AnnotationIcon = AnnotationStatus | 'orphaned';

interface NodeBase {
  /** Stable id (TreeItem.id). */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
}

export interface GroupNode extends NodeBase {
  nodeType: 'group';
  group: 'speakers' | 'mentioned' | 'figures' | 'orphaned';
  children: TreeNode[];
}

export interface EntityRef {
  uri: string;
  entityId: string;
}

export interface EntityNode extends NodeBase {
  nodeType: 'entity';
  name: string;
  kind: EntityKind;
  aliases: string[];
  /** The same entity (kind + name) in each document that has it. */
  refs: EntityRef[];
  quoteCount: number;
  mentionCount: number;
  children: AnnotationNode[];
  /** The catch-all node for quotes without a speaker (not a real entity: no rename/merge). */
  unattributed?: boolean;
}

export interface FigureKindNode extends NodeBase {
  nodeType: 'figureKind';
  figureKind: FigureKind;
  children: AnnotationNode[];
}

export interface AnnotationNode extends NodeBase {
  nodeType: 'annotation';
  uri: string;
  annotationId: string;
  annotationType: AnnotationType;
  status: AnnotationStatus;
  orphaned: boolean;
  start: number;
  end: number;
  icon: AnnotationIcon;
}

export interface NoteNode extends NodeBase {
  nodeType: 'note';
}

/** A document whose sidecar file fails validation (its last valid annotations are shown read-only). */
export interface InvalidSidecarNode extends NodeBase {
  nodeType: 'invalidSidecar';
  /** Sidecar file URI string. */
  sidecarUri: string;
  /** Where the first problem is in the sidecar file (zero-based). */
  line: number;
  character: number;
}

export type TreeNode = GroupNode | EntityNode | FigureKindNode | AnnotationNode | NoteNode | InvalidSidecarNode;

/** A document whose sidecar file is invalid, and its first problem. */
export interface InvalidSidecar {
  /** Document URI string. */
  uri: string;
  /** Short name of the document. */
  name: string;
  /** Sidecar file URI string. */
  sidecarUri: string;
  /** The first problem, one line. */
  problem: string;
  line: number;
  character: number;
  /** How many problems the file has. */
  count: number;
}

export interface TreeOptions {
  /** Set when discovery stopped at a cap: a note says how many documents are shown. */
  truncatedAt?: number;
  /** Documents whose sidecar is invalid: each gets a marker at the top of the tree. */
  invalid?: readonly InvalidSidecar[];
}

/** The marker of an invalid sidecar: first under the root, so it is seen before the annotations. */
function invalidSidecarNode(doc: InvalidSidecar): InvalidSidecarNode {
  const more = doc.count > 1 ? ` (+${plural(doc.count - 1, 'more problem')})` : '';
  return {
    nodeType: 'invalidSidecar',
    id: `invalid:${doc.uri}`,
    label: `${doc.name}: sidecar invalid`,
    description: 'read-only until fixed',
    tooltip: `${doc.problem}${more}\n\nShown read-only: its last valid annotations are kept, and nothing is written until the file is fixed. Click to open the sidecar at the problem.`,
    sidecarUri: doc.sidecarUri,
    line: doc.line,
    character: doc.character,
  };
}

function entityKey(kind: string, name: string): string {
  return `${kind}:${name.trim().toLowerCase()}`;
}

function annotationNode(doc: DocSidecar, a: Annotation): AnnotationNode {
  const icon: AnnotationIcon = a.orphaned ? 'orphaned' : a.status;
  const typeLabel = a.type === 'figure' ? `${a.kind} figure` : a.type;
  return {
    nodeType: 'annotation',
    id: `annotation:${doc.uri}#${a.id}`,
    label: shorten(a.text, 60),
    description: `${doc.name} · ${a.orphaned ? 'orphaned' : a.status}`,
    tooltip: `${typeLabel} in ${doc.name} (${a.status}${a.orphaned ? ', orphaned' : ''})\n\n${a.text}`,
    uri: doc.uri,
    annotationId: a.id,
    annotationType: a.type,
    status: a.status,
    orphaned: a.orphaned === true,
    start: a.start,
    end: a.end,
    icon,
  };
}

function byDocThenOffset(x: AnnotationNode, y: AnnotationNode): number {
  return x.uri.localeCompare(y.uri) || x.start - y.start;
}

/** True when the annotation passes the status and type parts of the filter. */
function passes(a: Annotation, filter: TreeFilter): boolean {
  return (!filter.status || a.status === filter.status) && (!filter.type || a.type === filter.type);
}

export function isFilterEmpty(filter: TreeFilter): boolean {
  return !filter.status && !filter.document && !filter.type;
}

/**
 * Root nodes of the entity tree: Speakers (entities with a quote listed under them), Mentioned (the
 * other entities), Figures (by kind) and Orphaned, each only when non-empty.
 */
export function buildTree(docs: readonly DocSidecar[], filter: TreeFilter = {}, options: TreeOptions = {}): TreeNode[] {
  const shown = docs.filter((d) => !filter.document || d.uri === filter.document);
  const entities = new Map<string, EntityNode>();
  const figureKinds = new Map<FigureKind, FigureKindNode>();
  const orphaned: AnnotationNode[] = [];
  const unattributed: AnnotationNode[] = [];

  for (const doc of shown) {
    const keyOfId = new Map<string, string>();
    for (const e of doc.sidecar.entities) {
      const key = entityKey(e.kind, e.name);
      keyOfId.set(e.id, key);
      let node = entities.get(key);
      if (!node) {
        node = {
          nodeType: 'entity',
          id: `entity:${key}`,
          label: e.name,
          name: e.name,
          kind: e.kind,
          aliases: [],
          refs: [],
          quoteCount: 0,
          mentionCount: 0,
          children: [],
        };
        entities.set(key, node);
      }
      node.refs.push({ uri: doc.uri, entityId: e.id });
      for (const alias of e.aliases) if (!node.aliases.includes(alias) && alias !== node.name) node.aliases.push(alias);
    }
    for (const a of doc.sidecar.annotations) {
      if (a.orphaned) {
        if (passes(a, filter)) orphaned.push(annotationNode(doc, a));
        continue;
      }
      if (!passes(a, filter)) continue;
      if (a.type === 'quote') {
        const node = a.speaker === null ? undefined : entities.get(keyOfId.get(a.speaker) ?? '');
        if (node) {
          node.children.push(annotationNode(doc, a));
          if (a.status !== 'rejected') node.quoteCount++;
        } else {
          unattributed.push(annotationNode(doc, a));
        }
      } else if (a.type === 'speaker') {
        const node = entities.get(keyOfId.get(a.entity) ?? '');
        if (node && a.status !== 'rejected') node.mentionCount++;
      } else if (a.type === 'figure') {
        let node = figureKinds.get(a.kind);
        if (!node) {
          node = { nodeType: 'figureKind', id: `figureKind:${a.kind}`, label: a.kind, figureKind: a.kind, children: [] };
          figureKinds.set(a.kind, node);
        }
        node.children.push(annotationNode(doc, a));
      }
    }
  }

  const roots: TreeNode[] = [...(options.invalid ?? [])]
    .filter((d) => !filter.document || d.uri === filter.document)
    .sort((x, y) => x.uri.localeCompare(y.uri))
    .map(invalidSidecarNode);
  const filtering = Boolean(filter.status || filter.type);
  const speakerNodes = [...entities.values()]
    .filter((e) => (filtering ? e.children.length > 0 || (filter.type === 'speaker' && e.mentionCount > 0) : true))
    .filter(() => !filter.type || filter.type !== 'figure')
    .sort((x, y) => y.quoteCount - x.quoteCount || x.name.localeCompare(y.name));
  for (const e of speakerNodes) {
    e.children.sort(byDocThenOffset);
    e.description = `${plural(e.quoteCount, 'quote')} · ${plural(e.mentionCount, 'mention')}`;
    e.tooltip = [`${e.name} (${e.kind})`, e.aliases.length ? `Also: ${e.aliases.join(', ')}` : '', `In ${plural(e.refs.length, 'document')}`]
      .filter(Boolean)
      .join('\n');
  }
  if (unattributed.length > 0 && filter.type !== 'figure' && filter.type !== 'speaker') {
    unattributed.sort(byDocThenOffset);
    const count = unattributed.filter((n) => n.status !== 'rejected').length;
    speakerNodes.push({
      nodeType: 'entity',
      id: 'entity:unattributed',
      label: 'Unknown speaker',
      name: 'Unknown speaker',
      kind: 'person',
      aliases: [],
      refs: [],
      quoteCount: count,
      mentionCount: 0,
      children: unattributed,
      unattributed: true,
      description: plural(count, 'quote'),
      tooltip: 'Quotes without an identified speaker: use “Set Speaker of Quote…” on them.',
    });
  }
  // An entity is a speaker when a quote is listed under it; the others are only mentioned.
  const speaking = speakerNodes.filter((e) => e.children.length > 0);
  const mentioned = speakerNodes
    .filter((e) => e.children.length === 0)
    .sort((x, y) => y.mentionCount - x.mentionCount || x.name.localeCompare(y.name));
  if (speaking.length > 0) {
    roots.push({ nodeType: 'group', id: 'group:speakers', group: 'speakers', label: 'Speakers', description: `${speaking.length}`, children: speaking });
  }
  if (mentioned.length > 0) {
    roots.push({ nodeType: 'group', id: 'group:mentioned', group: 'mentioned', label: 'Mentioned', description: `${mentioned.length}`, tooltip: 'Entities mentioned in the articles with no quote of their own', children: mentioned });
  }
  const figureNodes = [...figureKinds.values()].sort((x, y) => x.figureKind.localeCompare(y.figureKind));
  for (const f of figureNodes) {
    f.children.sort(byDocThenOffset);
    f.description = `${f.children.length}`;
  }
  if (figureNodes.length > 0) {
    const count = figureNodes.reduce((n, f) => n + f.children.length, 0);
    roots.push({ nodeType: 'group', id: 'group:figures', group: 'figures', label: 'Figures', description: `${count}`, children: figureNodes });
  }
  if (orphaned.length > 0) {
    orphaned.sort(byDocThenOffset);
    roots.push({
      nodeType: 'group',
      id: 'group:orphaned',
      group: 'orphaned',
      label: 'Orphaned',
      description: `${orphaned.length}`,
      tooltip: 'Annotations whose text was not found after the document changed. Kept, never dropped: re-tag or remove them.',
      children: orphaned,
    });
  }
  if (options.truncatedAt !== undefined) {
    roots.push({ nodeType: 'note', id: 'note:truncated', label: `Showing the first ${options.truncatedAt} documents only` });
  }
  return roots;
}

export function childrenOf(node: TreeNode): TreeNode[] {
  return node.nodeType === 'note' || node.nodeType === 'annotation' || node.nodeType === 'invalidSidecar' ? [] : node.children;
}
