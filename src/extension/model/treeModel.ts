/**
 * The entity tree as plain data, built from the loaded sidecars and the filter. The adapter in
 * `features/entityTree.ts` maps nodes to `TreeItem`s; nothing here touches VS Code.
 *
 * The first level (groups, entities, figure kinds) is built with its counts; the annotation nodes
 * under an entity, a figure kind or the Orphaned group (and the copies of repeated quotes) are
 * built the first time that node's `children` are read, and kept until the next rebuild.
 */
import type { EntityKind, FigureKind } from '../../core/types';
import { matchingForm } from '../../sidecar/normalize';
import type { Annotation, AnnotationStatus, AnnotationType, Sidecar } from '../../sidecar/types';
import { baseName, plural, shortenAtWord } from './text';

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
  /** Built on first read (see `childCount` for how many without building them). */
  children: AnnotationNode[];
  /** The catch-all node for quotes without a speaker (not a real entity: no rename/merge). */
  unattributed?: boolean;
}

export interface FigureKindNode extends NodeBase {
  nodeType: 'figureKind';
  figureKind: FigureKind;
  /** Built on first read (see `childCount` for how many without building them). */
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
  /** The annotated text as stored. */
  text: string;
  /**
   * Set on a quote repeated verbatim in its document (e.g. a duplicated paragraph): one node for
   * all of them, counted once; these are the copies (this node's own annotation is the first).
   */
  copies?: AnnotationNode[];
}

export interface NoteNode extends NodeBase {
  nodeType: 'note';
  /** What clicking the note does ('clearFilter': clears the tree filter). */
  action?: 'clearFilter';
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

/** What the tree counts, said where a reader looks for it. */
const SPEAKERS_TOOLTIP =
  'Entities with a quote, in every document with a sidecar and every article matching quotelens.files (one without a sidecar counts with its in-memory suggestions while quotelens.autoAnalyze is on). Open editors do not change the counts. A quote repeated verbatim in one article counts once.';

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

/** Longest label of a quote or figure: the start of its text (the rest is in the tooltip). */
const ANNOTATION_LABEL_MAX = 48;
/** Longest entity label before it is shortened (the full name is in the tooltip). */
const ENTITY_LABEL_MAX = 32;
/** How many document names an entity's tooltip lists. */
const TOOLTIP_DOCUMENTS = 8;

/**
 * The nodes built for annotations, by annotation object, with what else they were built from. The
 * store keeps a document's annotation objects until they change, so a rebuild of the tree (after
 * an edit elsewhere, a filter, a refresh) reuses the nodes of every unchanged document instead of
 * making their labels, tooltips and matching forms again. Nodes are never changed once built.
 */
const builtNodes = new WeakMap<Annotation, { uri: string; name: string; speaker: string | undefined; node: AnnotationNode }>();
/** The copy key of each annotation, with the document it was made for, kept while the store keeps the annotation. */
const copyKeys = new WeakMap<Annotation, { uri: string; key: string }>();
/** How many children each lazily built node has (known before they are built). */
const childCounts = new WeakMap<TreeNode, number>();

/** `speaker`: who a quote is attributed to, for its tooltip (undefined for other annotations). */
function annotationNode(doc: DocSidecar, a: Annotation, speaker?: string): AnnotationNode {
  const built = builtNodes.get(a);
  if (built && built.uri === doc.uri && built.name === doc.name && built.speaker === speaker) return built.node;
  const node = newAnnotationNode(doc, a, speaker);
  builtNodes.set(a, { uri: doc.uri, name: doc.name, speaker, node });
  return node;
}

function newAnnotationNode(doc: DocSidecar, a: Annotation, speaker?: string): AnnotationNode {
  const icon: AnnotationIcon = a.orphaned ? 'orphaned' : a.status;
  const typeLabel = a.type === 'figure' ? `${a.kind} figure` : a.type;
  const status = `${a.status}${a.orphaned ? ', orphaned' : ''}`;
  const by = speaker === undefined ? '' : `\n— ${speaker}`;
  return {
    nodeType: 'annotation',
    id: `annotation:${doc.uri}#${a.id}`,
    label: shortenAtWord(a.text, ANNOTATION_LABEL_MAX),
    description: `${doc.name} · ${a.orphaned ? 'orphaned' : a.status}`,
    tooltip: `${a.text.replace(/\s+/g, ' ').trim()}${by}\n\n${typeLabel} in ${doc.name} (${status})`,
    uri: doc.uri,
    annotationId: a.id,
    annotationType: a.type,
    status: a.status,
    orphaned: a.orphaned === true,
    start: a.start,
    end: a.end,
    icon,
    text: a.text,
  };
}

/** "accepted", or "1 accepted, 1 suggested" when the copies differ. */
function statusSummary(copies: readonly AnnotationNode[]): string {
  const order: AnnotationStatus[] = ['accepted', 'suggested', 'rejected'];
  const counts = order.map((s) => [s, copies.filter((c) => c.status === s).length] as const).filter(([, n]) => n > 0);
  return counts.length === 1 ? counts[0][0] : counts.map(([s, n]) => `${n} ${s}`).join(', ');
}

/**
 * One node for quotes repeated verbatim in one document: the first copy stands for all. Its status
 * is the copies' status when they agree; when they differ it is `suggested` (still to review) and
 * the description says how many copies have which status ("2 copies · 1 accepted, 1 suggested").
 */
function copiesNode(copies: AnnotationNode[]): AnnotationNode {
  const first = copies[0];
  // Stryker disable next-line OptionalChaining: annotation nodes always have a description
  const name = first.description?.split(' · ')[0] ?? '';
  const agree = copies.every((c) => c.status === first.status);
  const status: AnnotationStatus = agree ? first.status : 'suggested';
  return {
    ...first,
    id: `copies:${first.uri}#${first.annotationId}`,
    description: `${name} · ${copies.length} copies · ${statusSummary(copies)}`,
    tooltip: `${first.tooltip ?? ''}\n\nRepeated verbatim ${copies.length} times in ${name}: counted once. Expand to reach each copy.`,
    status,
    icon: status,
    copies,
  };
}

/** An annotation with the document it is in: what its node is built from. */
interface Pending {
  doc: DocSidecar;
  annotation: Annotation;
}

/** The matching form of a quote: copies that differ only in white space or quote marks are one. */
function copyKey({ doc, annotation }: Pending): string {
  const known = copyKeys.get(annotation);
  if (known?.uri === doc.uri) return known.key;
  const key = `${doc.uri}\u0000${matchingForm(annotation.text).trim()}`;
  copyKeys.set(annotation, { uri: doc.uri, key });
  return key;
}

/** Quotes (in document order) grouped by copy: verbatim repeats in the same document are one group. */
function copyGroups(quotes: readonly Pending[]): Pending[][] {
  const byKey = new Map<string, Pending[]>();
  for (const q of quotes) {
    const key = copyKey(q);
    const list = byKey.get(key);
    if (list) list.push(q);
    else byKey.set(key, [q]);
  }
  return [...byKey.values()];
}

/** Quotes counted in descriptions: each group of copies once, unless every copy is rejected. */
function countedQuotes(groups: readonly Pending[][]): number {
  return groups.filter((copies) => copies.some((c) => c.annotation.status !== 'rejected')).length;
}

function byDocThenOffset(x: Pending, y: Pending): number {
  return x.doc.uri.localeCompare(y.doc.uri) || x.annotation.start - y.annotation.start;
}

/**
 * Gives `node` its `children`, built by `build` the first time they are asked for and kept (the
 * node is dropped at the next rebuild); `count` says how many there will be, for the collapsible
 * state and the descriptions.
 */
function withLazyChildren<N extends TreeNode>(node: N, count: number, build: () => TreeNode[]): N {
  childCounts.set(node, count);
  Object.defineProperty(node, 'children', {
    enumerable: true,
    configurable: true,
    get(): TreeNode[] {
      const children = build();
      Object.defineProperty(node, 'children', { value: children, enumerable: true, configurable: true, writable: true });
      return children;
    },
  });
  return node;
}

/** The nodes of quotes grouped by copy: one node per group, folded when it has copies. */
function quoteNodes(groups: readonly Pending[][], speaker: string): AnnotationNode[] {
  return groups.map((copies) => {
    const nodes = copies.map((c) => annotationNode(c.doc, c.annotation, speaker));
    return nodes.length === 1 ? nodes[0] : copiesNode(nodes);
  });
}

/** How many children a node has, without building them. */
export function childCount(node: TreeNode): number {
  return childCounts.get(node) ?? childrenOf(node).length;
}

/** The tooltip of an entity: full name, kind, aliases, and the documents it is in. */
function entityTooltip(e: EntityNode, names: ReadonlyMap<string, string>): string {
  const docs = [...new Set(e.refs.map((r) => names.get(r.uri) ?? baseName(r.uri)))];
  const listed = docs.slice(0, TOOLTIP_DOCUMENTS).join(', ');
  const more = docs.length > TOOLTIP_DOCUMENTS ? ` and ${docs.length - TOOLTIP_DOCUMENTS} more` : '';
  return [
    `${e.name} (${e.kind})`,
    e.aliases.length ? `Also: ${e.aliases.join(', ')}` : '',
    `${plural(e.quoteCount, 'quote')} · ${plural(e.mentionCount, 'mention')}`,
    `In ${plural(docs.length, 'document')}: ${listed}${more}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** The filter in words ("suggested, quotes, a.txt"), or undefined when nothing is filtered. */
export function filterDescription(filter: TreeFilter): string | undefined {
  if (isFilterEmpty(filter)) return undefined;
  const parts = [filter.status, filter.type && `${filter.type}s`, filter.document && baseName(filter.document)].filter((p): p is string => Boolean(p));
  return `filtered: ${parts.join(', ')}`;
}

/** The view's message when the filter hides every annotation (undefined otherwise). */
export function emptyFilterMessage(filter: TreeFilter, roots: readonly TreeNode[]): string | undefined {
  if (isFilterEmpty(filter) || roots.some((r) => r.nodeType !== 'note')) return undefined;
  // Stryker disable next-line OptionalChaining,Regex: the filter is not empty here, so the description is there and starts with its only "filtered: "
  return `Nothing matches the filter (${filterDescription(filter)?.replace(/^filtered: /, '') ?? ''}). Clear it with the Clear Entity Filter button in the view's title bar.`;
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
  // What each lazily built node's children are made from: annotations, not yet nodes.
  const quotesOf = new Map<EntityNode, Pending[]>();
  const figureKinds = new Map<FigureKind, { node: FigureKindNode; figures: Pending[] }>();
  const orphaned: Pending[] = [];
  const unattributed: Pending[] = [];

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
          label: shortenAtWord(e.name, ENTITY_LABEL_MAX),
          name: e.name,
          kind: e.kind,
          aliases: [],
          refs: [],
          quoteCount: 0,
          mentionCount: 0,
          // Stryker disable next-line ArrayDeclaration: withLazyChildren replaces them (every entity is in quotesOf) before they are read
          children: [],
        };
        entities.set(key, node);
        quotesOf.set(node, []);
      }
      node.refs.push({ uri: doc.uri, entityId: e.id });
      for (const alias of e.aliases) if (!node.aliases.includes(alias) && alias !== node.name) node.aliases.push(alias);
    }
    for (const a of doc.sidecar.annotations) {
      if (a.orphaned) {
        if (passes(a, filter)) orphaned.push({ doc, annotation: a });
        continue;
      }
      if (!passes(a, filter)) continue;
      if (a.type === 'quote') {
        const node = a.speaker === null ? undefined : entities.get(keyOfId.get(a.speaker) ?? '');
        // Stryker disable next-line OptionalChaining: every entity node gets its list in quotesOf when it is made
        (node ? quotesOf.get(node) : unattributed)?.push({ doc, annotation: a });
      } else if (a.type === 'speaker') {
        const node = entities.get(keyOfId.get(a.entity) ?? '');
        if (node && a.status !== 'rejected') node.mentionCount++;
      } else if (a.type === 'figure') {
        let kind = figureKinds.get(a.kind);
        if (!kind) {
          kind = { node: { nodeType: 'figureKind', id: `figureKind:${a.kind}`, label: a.kind, figureKind: a.kind, children: [] }, figures: [] };
          figureKinds.set(a.kind, kind);
        }
        kind.figures.push({ doc, annotation: a });
      }
    }
  }

  const roots: TreeNode[] = [...(options.invalid ?? [])]
    .filter((d) => !filter.document || d.uri === filter.document)
    .sort((x, y) => x.uri.localeCompare(y.uri))
    .map(invalidSidecarNode);
  const names = new Map(shown.map((d) => [d.uri, d.name]));
  for (const [e, quotes] of quotesOf) {
    const groups = copyGroups(quotes.sort(byDocThenOffset));
    e.quoteCount = countedQuotes(groups);
    withLazyChildren(e, groups.length, () => quoteNodes(groups, e.name));
  }
  const filtering = Boolean(filter.status || filter.type);
  const speakerNodes = [...entities.values()]
    .filter((e) => (filtering ? childCount(e) > 0 || (filter.type === 'speaker' && e.mentionCount > 0) : true))
    .filter(() => !filter.type || filter.type !== 'figure')
    .sort((x, y) => y.quoteCount - x.quoteCount || x.name.localeCompare(y.name));
  for (const e of speakerNodes) {
    e.description = `${plural(e.quoteCount, 'quote')} · ${plural(e.mentionCount, 'mention')}`;
    e.tooltip = entityTooltip(e, names);
  }
  if (unattributed.length > 0 && filter.type !== 'figure' && filter.type !== 'speaker') {
    const groups = copyGroups(unattributed.sort(byDocThenOffset));
    const count = countedQuotes(groups);
    const node: EntityNode = {
      nodeType: 'entity',
      id: 'entity:unattributed',
      label: 'Unknown speaker',
      name: 'Unknown speaker',
      kind: 'person',
      aliases: [],
      refs: [],
      quoteCount: count,
      mentionCount: 0,
      // Stryker disable next-line ArrayDeclaration: withLazyChildren replaces them before they are read
      children: [],
      unattributed: true,
      description: plural(count, 'quote'),
      tooltip: 'Quotes without an identified speaker: use “Set Speaker of Quote…” on them.',
    };
    speakerNodes.push(withLazyChildren(node, groups.length, () => quoteNodes(groups, 'speaker unknown')));
  }
  // An entity is a speaker when a quote is listed under it; the others are only mentioned.
  const speaking = speakerNodes.filter((e) => childCount(e) > 0);
  const mentioned = speakerNodes
    .filter((e) => childCount(e) === 0)
    .sort((x, y) => y.mentionCount - x.mentionCount || x.name.localeCompare(y.name));
  if (speaking.length > 0) {
    roots.push({ nodeType: 'group', id: 'group:speakers', group: 'speakers', label: 'Speakers', description: `${speaking.length}`, tooltip: SPEAKERS_TOOLTIP, children: speaking });
  }
  if (mentioned.length > 0) {
    roots.push({ nodeType: 'group', id: 'group:mentioned', group: 'mentioned', label: 'Mentioned', description: `${mentioned.length}`, tooltip: 'Entities mentioned in the articles with no quote of their own', children: mentioned });
  }
  const figureNodes = [...figureKinds.values()]
    .sort((x, y) => x.node.figureKind.localeCompare(y.node.figureKind))
    .map(({ node, figures }) => {
      figures.sort(byDocThenOffset);
      node.description = `${figures.length}`;
      return withLazyChildren(node, figures.length, () => figures.map((f) => annotationNode(f.doc, f.annotation)));
    });
  if (figureNodes.length > 0) {
    const count = figureNodes.reduce((n, f) => n + childCount(f), 0);
    roots.push({ nodeType: 'group', id: 'group:figures', group: 'figures', label: 'Figures', description: `${count}`, children: figureNodes });
  }
  if (orphaned.length > 0) {
    orphaned.sort(byDocThenOffset);
    const node: GroupNode = {
      nodeType: 'group',
      id: 'group:orphaned',
      group: 'orphaned',
      label: 'Orphaned',
      description: `${orphaned.length}`,
      tooltip: 'Annotations whose text was not found after the document changed. Kept, never dropped: re-tag or remove them.',
      // Stryker disable next-line ArrayDeclaration: withLazyChildren replaces them before they are read
      children: [],
    };
    roots.push(withLazyChildren(node, orphaned.length, () => orphaned.map((o) => annotationNode(o.doc, o.annotation))));
  }
  if (!isFilterEmpty(filter) && roots.length === 0) {
    // Rather than the welcome view's "No annotations yet": say why the tree is empty, and a way out.
    roots.push({ nodeType: 'note', id: 'note:filterEmpty', label: 'Nothing matches the filter', description: 'click to clear it', tooltip: emptyFilterMessage(filter, []), action: 'clearFilter' });
  }
  if (options.truncatedAt !== undefined) {
    roots.push({ nodeType: 'note', id: 'note:truncated', label: `Showing the first ${options.truncatedAt} documents only` });
  }
  return roots;
}

export function childrenOf(node: TreeNode): TreeNode[] {
  if (node.nodeType === 'annotation') return node.copies ?? [];
  return node.nodeType === 'note' || node.nodeType === 'invalidSidecar' ? [] : node.children;
}
