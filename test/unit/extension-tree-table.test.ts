/**
 * The entity tree as whole results: the order of speakers, figure kinds and annotations when the
 * sidecars and documents come unsorted, entities merged across documents (names with stray spaces,
 * repeated and redundant aliases), dangling ids, filters by status and by type, copies that differ
 * only in white space, the tooltips' document lists, notes, and the nodes a rebuild reuses.
 */
import assert from 'node:assert/strict';
import type { Entity, EntityKind, FigureKind } from '../../src/core/types';
import {
  buildTree,
  childrenOf,
  type AnnotationNode,
  type DocSidecar,
  type EntityNode,
  type GroupNode,
  type InvalidSidecar,
  type TreeFilter,
  type TreeNode,
} from '../../src/extension/model/treeModel';
import { SIDECAR_VERSION, type Annotation, type FigureAnnotation, type QuoteAnnotation, type Sidecar, type SpeakerAnnotation } from '../../src/sidecar/types';

function sidecar(entities: Entity[], annotations: Annotation[]): Sidecar {
  return { version: SIDECAR_VERSION, document: { path: 'x.txt', sha256: '0'.repeat(64), length: 1000, offsetUnit: 'utf16' }, entities, annotations };
}

function base(id: string, start: number, text: string, more: Partial<QuoteAnnotation>) {
  return { id, start, end: start + text.length, text, prefix: '', suffix: '', status: more.status ?? 'accepted', origin: more.origin ?? 'manual', ...(more.orphaned ? { orphaned: true } : {}) };
}
const quote = (id: string, start: number, text: string, speaker: string | null, more: Partial<QuoteAnnotation> = {}): QuoteAnnotation => ({
  ...base(id, start, text, more),
  type: 'quote',
  kind: 'direct',
  speaker,
  cue: null,
  speakerMention: null,
});
const mention = (id: string, start: number, text: string, entity: string, more: Partial<QuoteAnnotation> = {}): SpeakerAnnotation => ({ ...base(id, start, text, more), type: 'speaker', entity });
const figure = (id: string, start: number, text: string, kind: FigureKind): FigureAnnotation => ({ ...base(id, start, text, {}), type: 'figure', kind, unit: null });
const entity = (id: string, name: string, aliases: string[] = [], kind: EntityKind = 'person'): Entity => ({ id, name, kind, aliases });

/** Label and description of each node and its children, recursively: what the view shows. */
function view(nodes: readonly TreeNode[]): unknown[] {
  return nodes.map((n) => {
    const kids = childrenOf(n);
    return kids.length === 0 ? [n.label, n.description] : [n.label, n.description, view(kids)];
  });
}

function group(roots: readonly TreeNode[], name: string): GroupNode | undefined {
  return roots.find((r): r is GroupNode => r.nodeType === 'group' && r.group === name);
}

const A = 'file:///ws/a.txt';
const B = 'file:///ws/b.txt';
const C = 'file:///ws/c.txt';

/**
 * Three documents given out of order (b, a, c), each sidecar's annotations out of order too. The
 * names are relative paths, not the URIs' file names. In c.txt Anna Berg's name has a stray space
 * and her aliases repeat one of a.txt and her own name.
 */
function unsorted(): DocSidecar[] {
  const a = sidecar(
    [entity('zoe', 'Zoe Lind'), entity('anna', 'Anna Berg', ['Berg', 'A. Berg']), entity('carl', 'Carl Ek'), entity('ola', 'Ola Dahl'), entity('per', 'Per Holm')],
    [
      quote('a3', 300, 'Anna three', 'anna'),
      quote('a1', 100, 'Anna one', 'anna'),
      quote('z1', 50, 'Zoe one', 'zoe'),
      quote('c1', 60, 'Carl one', 'carl'),
      quote('u2', 200, 'Nobody two', null),
      quote('u1', 20, 'Nobody one', null),
      quote('g1', 210, 'Ghost one', 'ghost'),
      mention('m1', 1, 'Ola', 'ola'),
      mention('m2', 2, 'Ola', 'ola'),
      mention('m3', 3, 'Per', 'per'),
      mention('m4', 4, 'Per', 'per', { status: 'rejected' }),
      mention('m5', 5, 'Ghost', 'ghost'),
      figure('y1', 400, '2025', 'year'),
      figure('n2', 250, 'nine', 'count'),
      figure('n1', 150, 'three', 'count'),
      quote('o2', 500, 'Lost two', 'anna', { orphaned: true }),
      quote('o1', 10, 'Lost one', null, { orphaned: true }),
    ],
  );
  const b = sidecar([], [quote('ub', 5, 'Nobody in b', null), figure('yb', 1, '1999', 'year'), quote('ob', 3, 'Lost in b', null, { orphaned: true })]);
  const c = sidecar([entity('anna-berg', 'Anna Berg ', ['Berg', 'Anna Berg'])], [quote('ca', 5, 'Anna in c', 'anna-berg')]);
  return [
    { uri: B, name: 'docs/b.txt', sidecar: b },
    { uri: A, name: 'docs/a.txt', sidecar: a },
    { uri: C, name: 'docs/c.txt', sidecar: c },
  ];
}

describe('extension model: tree table', () => {
  it('sorts speakers by quotes then name, and every list by document then offset', () => {
    const roots = buildTree(unsorted());
    const q = (text: string, doc: string, status = 'accepted') => [text, `${doc} · ${status}`];
    assert.deepStrictEqual(view(roots), [
      [
        'Speakers',
        '4',
        [
          ['Anna Berg', '3 quotes · 0 mentions', [q('Anna one', 'docs/a.txt'), q('Anna three', 'docs/a.txt'), q('Anna in c', 'docs/c.txt')]],
          ['Carl Ek', '1 quote · 0 mentions', [q('Carl one', 'docs/a.txt')]],
          ['Zoe Lind', '1 quote · 0 mentions', [q('Zoe one', 'docs/a.txt')]],
          ['Unknown speaker', '4 quotes', [q('Nobody one', 'docs/a.txt'), q('Nobody two', 'docs/a.txt'), q('Ghost one', 'docs/a.txt'), q('Nobody in b', 'docs/b.txt')]],
        ],
      ],
      [
        'Mentioned',
        '2',
        [
          ['Ola Dahl', '0 quotes · 2 mentions'],
          ['Per Holm', '0 quotes · 1 mention'],
        ],
      ],
      [
        'Figures',
        '4',
        [
          ['count', '2', [['three', 'docs/a.txt · accepted'], ['nine', 'docs/a.txt · accepted']]],
          ['year', '2', [['2025', 'docs/a.txt · accepted'], ['1999', 'docs/b.txt · accepted']]],
        ],
      ],
      ['Orphaned', '3', [['Lost one', 'docs/a.txt · orphaned'], ['Lost two', 'docs/a.txt · orphaned'], ['Lost in b', 'docs/b.txt · orphaned']]],
    ]);
    const anna = group(roots, 'speakers')?.children[0] as EntityNode;
    assert.deepStrictEqual([anna.id, anna.aliases, anna.refs, anna.tooltip], [
      'entity:person:anna berg',
      ['Berg', 'A. Berg'],
      [
        { uri: A, entityId: 'anna' },
        { uri: C, entityId: 'anna-berg' },
      ],
      'Anna Berg (person)\nAlso: Berg, A. Berg\n3 quotes · 0 mentions\nIn 2 documents: docs/a.txt, docs/c.txt',
    ]);
  });

  it('filters: entities with only mentions go under a status filter, stay under the mention filter', () => {
    const docs = unsorted();
    // Per Holm's only rejected annotation is a mention: a status filter does not list him.
    assert.deepStrictEqual(view(buildTree(docs, { status: 'rejected' })), [['Nothing matches the filter', 'click to clear it']]);
    const accepted = buildTree(docs, { status: 'accepted', document: C });
    assert.deepStrictEqual(view(accepted), [['Speakers', '1', [['Anna Berg', '1 quote · 0 mentions', [['Anna in c', 'docs/c.txt · accepted']]]]]]);
    const mentions: TreeFilter = { type: 'speaker' };
    assert.deepStrictEqual(view(buildTree(docs, mentions)), [
      [
        'Mentioned',
        '2',
        [
          ['Ola Dahl', '0 quotes · 2 mentions'],
          ['Per Holm', '0 quotes · 1 mention'],
        ],
      ],
    ]);
    assert.deepStrictEqual(view(buildTree(docs, { status: 'accepted', document: A })).map((r) => (r as unknown[])[0]), ['Speakers', 'Figures', 'Orphaned']);
  });

  it('lists eight documents in an entity\'s tooltip, and how many more', () => {
    const docs = Array.from({ length: 9 }, (_, i): DocSidecar => {
      const entities = [entity('mira', 'Mira Holt'), ...(i < 8 ? [entity('olaf', 'Olaf Kr')] : [])];
      return { uri: `file:///ws/d${i + 1}.txt`, name: `d${i + 1}.txt`, sidecar: sidecar(entities, [quote('q', 0, 'Hello', 'mira'), ...(i < 8 ? [quote('r', 9, 'Bye', 'olaf')] : [])]) };
    });
    const speakers = group(buildTree(docs), 'speakers')?.children as EntityNode[];
    const first8 = 'd1.txt, d2.txt, d3.txt, d4.txt, d5.txt, d6.txt, d7.txt, d8.txt';
    assert.deepStrictEqual(
      speakers.map((e) => e.tooltip),
      [`Mira Holt (person)\n9 quotes · 0 mentions\nIn 9 documents: ${first8} and 1 more`, `Olaf Kr (person)\n8 quotes · 0 mentions\nIn 8 documents: ${first8}`],
    );
  });

  it('copies that differ only in white space are one; their statuses counted, rejected too', () => {
    const doc = { uri: A, name: 'a.txt', sidecar: sidecar([entity('anna', 'Anna Berg')], [quote('g2', 50, '"Go."', 'anna'), quote('g1', 10, ' "Go."\n', 'anna', { status: 'rejected' })]) };
    const anna = group(buildTree([doc]), 'speakers')?.children[0] as EntityNode;
    const folded = anna.children[0];
    assert.deepStrictEqual(
      [anna.children.length, folded.label, folded.description, folded.tooltip, folded.status],
      [
        1,
        '"Go."',
        'a.txt · 2 copies · 1 accepted, 1 rejected',
        '"Go."\n— Anna Berg\n\nquote in a.txt (rejected)\n\nRepeated verbatim 2 times in a.txt: counted once. Expand to reach each copy.',
        'suggested',
      ],
    );
  });

  it('notes and invalid sidecars: no children, one problem or more', () => {
    const invalid = (count: number): InvalidSidecar => ({ uri: `file:///ws/bad${count}.txt`, name: `bad${count}.txt`, sidecarUri: `file:///ws/bad${count}.txt.annotations.json`, problem: 'not JSON', line: 0, character: 0, count });
    const roots = buildTree([], {}, { truncatedAt: 3, invalid: [invalid(1), invalid(2)] });
    const after = '\n\nShown read-only: its last valid annotations are kept, and nothing is written until the file is fixed. Click to open the sidecar at the problem.';
    assert.deepStrictEqual(
      roots.map((r) => [r.id, r.label, r.tooltip, childrenOf(r)]),
      [
        ['invalid:file:///ws/bad1.txt', 'bad1.txt: sidecar invalid', `not JSON${after}`, []],
        ['invalid:file:///ws/bad2.txt', 'bad2.txt: sidecar invalid', `not JSON (+1 more problem)${after}`, []],
        ['note:truncated', 'Showing the first 3 documents only', undefined, []],
      ],
    );
  });

  it('a rebuild reuses the nodes of unchanged annotations, and remakes them when the document or speaker changes', () => {
    const docs = unsorted();
    const nodesOf = (roots: TreeNode[]): AnnotationNode[] => (group(roots, 'speakers')?.children[0] as EntityNode).children;
    const first = nodesOf(buildTree(docs));
    const again = nodesOf(buildTree(docs));
    assert.deepStrictEqual(
      first.map((n, i) => n === again[i]),
      [true, true, true],
    );
    // Each change right after a build of the unchanged documents: only that one differs.
    const a = docs[1];
    const after = (changed: DocSidecar): AnnotationNode[] => {
      nodesOf(buildTree(docs));
      return nodesOf(buildTree([changed]));
    };
    const moved = after({ ...a, uri: 'file:///ws/moved.txt' });
    const renamed = after({ ...a, name: 'moved.txt' });
    const respoken = after({ ...a, sidecar: { ...a.sidecar, entities: a.sidecar.entities.map((e) => (e.id === 'anna' ? { ...e, name: 'Anna Ek' } : e)) } });
    assert.deepStrictEqual(
      [moved[0].id, moved[0].uri, renamed[0].description, respoken[0].tooltip],
      ['annotation:file:///ws/moved.txt#a1', 'file:///ws/moved.txt', 'moved.txt · accepted', 'Anna one\n— Anna Ek\n\nquote in docs/a.txt (accepted)'],
    );
  });

  it('children, once built, are a plain property like the others', () => {
    const speakers = group(buildTree(unsorted()), 'speakers')?.children as EntityNode[];
    const children = speakers[0].children;
    assert.deepStrictEqual(Object.getOwnPropertyDescriptor(speakers[0], 'children'), { value: children, writable: true, enumerable: true, configurable: true });
  });
});
