// Pure entity-tree model, sidecar paths and glob matching.
import { sha256Of } from '../hash';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchesAny, globToRegExp } from '../../src/extension/model/glob';
import { documentPathInSidecar, documentPathOfSidecar, joinPath, relativePath, sidecarPathFor } from '../../src/extension/model/sidecarPath';
import { buildTree, childrenOf, isFilterEmpty, type EntityNode, type GroupNode } from '../../src/extension/model/treeModel';
import { addAnnotation, addEntity, emptySidecar, setStatus } from '../../src/sidecar';
import type { Sidecar } from '../../src/sidecar/types';
import { emptyFilterMessage, filterDescription, type AnnotationNode, type DocSidecar, type TreeFilter, type TreeNode } from '../../src/extension/model/treeModel';
import { shortenAtWord } from '../../src/extension/model/text';
import { buildSample, span } from './extension-fixtures';

function group(roots: ReturnType<typeof buildTree>, name: string): GroupNode | undefined {
  return roots.find((r): r is GroupNode => r.nodeType === 'group' && r.group === name);
}

describe('extension model: buildTree', () => {
  const doc = () => ({ uri: 'file:///ws/sample.txt', name: 'sample.txt', sidecar: buildSample().sidecar });

  it('lists speakers by quote count with their quotes, figures by kind, and unattributed quotes', () => {
    const roots = buildTree([doc()]);
    assert.deepEqual(roots.map((r) => r.label), ['Speakers', 'Mentioned', 'Figures']);
    const speakers = group(roots, 'speakers')!.children as EntityNode[];
    assert.deepEqual(speakers.map((s) => s.label), ['Ilse Brandt', 'Unknown speaker']);
    assert.equal(speakers[0].description, '2 quotes · 1 mention');
    assert.equal(speakers[0].children.length, 2);
    assert.match(speakers[0].children[0].description ?? '', /sample\.txt · accepted/);
    assert.equal(speakers[1].unattributed, true);
    assert.equal(speakers[1].children[0].status, 'rejected');
    assert.deepEqual(group(roots, 'mentioned')!.children.map((e) => e.label), ['Critics'], 'no quote of its own: mentioned, not a speaker');
    const figures = group(roots, 'figures')!;
    assert.deepEqual(figures.children.map((f) => f.label), ['count', 'money']);
    assert.equal(childrenOf(figures.children[0]).length, 1);
  });

  it('puts entities with mentions but no quote under Mentioned, most mentioned first; a rejected quote still lists its speaker', () => {
    const d = doc();
    const mention = d.sidecar.annotations.find((a) => a.type === 'speaker')!;
    const critics = d.sidecar.entities.find((e) => e.name === 'Critics')!;
    const quiet = { id: 'quiet-person', name: 'Quiet Person', kind: 'person' as const, aliases: [] };
    const mentions = (entity: string, n: number) => Array.from({ length: n }, (_, i) => ({ ...mention, id: `s-${entity}-${i}`, entity }));
    const ilse = d.sidecar.annotations.filter((a) => a.type === 'quote' && a.speaker !== null).map((a) => ({ ...a, status: 'rejected' as const }));
    const others = d.sidecar.annotations.filter((a) => !(a.type === 'quote' && a.speaker !== null));
    const sidecar = { ...d.sidecar, entities: [...d.sidecar.entities, quiet], annotations: [...others, ...ilse, ...mentions(critics.id, 2), ...mentions(quiet.id, 31)] };
    const roots = buildTree([{ ...d, sidecar }]);
    const speakers = group(roots, 'speakers')!.children as EntityNode[];
    assert.deepEqual(
      speakers.map((e) => [e.label, e.description]),
      [
        ['Ilse Brandt', '0 quotes · 1 mention'],
        ['Unknown speaker', '0 quotes'],
      ],
    );
    const mentioned = group(roots, 'mentioned')!;
    assert.equal(mentioned.description, '2');
    assert.deepEqual(
      (mentioned.children as EntityNode[]).map((e) => [e.label, e.description]),
      [
        ['Quiet Person', '0 quotes · 31 mentions'],
        ['Critics', '0 quotes · 2 mentions'],
      ],
    );
  });

  it('merges the same entity across documents and counts them', () => {
    const a = doc();
    const b = { ...doc(), uri: 'file:///ws/other.txt', name: 'other.txt' };
    const speakers = group(buildTree([a, b]), 'speakers')!.children as EntityNode[];
    assert.equal(speakers[0].refs.length, 2);
    assert.equal(speakers[0].quoteCount, 4);
    assert.equal(speakers[0].children.length, 4);
  });

  it('filters by status, type and document', () => {
    const d = doc();
    const accepted = buildTree([d], { status: 'accepted' });
    const sp = group(accepted, 'speakers')!.children as EntityNode[];
    assert.deepEqual(sp.map((s) => s.label), ['Ilse Brandt']);
    assert.equal(sp[0].children.length, 1);
    assert.deepEqual(group(accepted, 'figures')!.children.map((f) => f.label), ['money']);
    const figuresOnly = buildTree([d], { type: 'figure' });
    assert.deepEqual(figuresOnly.map((r) => r.label), ['Figures']);
    // A filter that hides everything says so (rather than the welcome view's "No annotations yet").
    assert.deepEqual(buildTree([d], { document: 'file:///elsewhere.txt' }), [
      {
        nodeType: 'note',
        id: 'note:filterEmpty',
        label: 'Nothing matches the filter',
        description: 'click to clear it',
        tooltip: "Nothing matches the filter (elsewhere.txt). Clear it with the Clear Entity Filter button in the view's title bar.",
        action: 'clearFilter',
      },
    ]);
    assert.ok(isFilterEmpty({}));
    assert.ok(!isFilterEmpty({ status: 'accepted' }));
  });

  it('shows orphaned annotations under their own node and notes truncation', () => {
    const d = doc();
    const first = d.sidecar.annotations[0];
    const orphaned = { ...d, sidecar: { ...d.sidecar, annotations: d.sidecar.annotations.map((a) => (a.id === first.id ? { ...a, orphaned: true } : a)) } };
    const roots = buildTree([orphaned], {}, { truncatedAt: 2000 });
    const o = group(roots, 'orphaned')!;
    assert.equal(o.children.length, 1);
    assert.equal(o.children[0].nodeType === 'annotation' && o.children[0].icon, 'orphaned');
    assert.equal(roots[roots.length - 1].nodeType, 'note');
    assert.match(roots[roots.length - 1].label, /2000/);
  });

  it('marks a document whose sidecar is invalid first, with its first problem, beside its last valid annotations', () => {
    const invalid = {
      uri: 'file:///ws/sample.txt',
      name: 'sample.txt',
      sidecarUri: 'file:///ws/sample.txt.annotations.json',
      problem: 'annotations[2].start: Expected number, received string',
      line: 40,
      character: 6,
      count: 3,
    };
    const other = { ...invalid, uri: 'file:///ws/other.txt', name: 'other.txt' };
    const roots = buildTree([doc()], {}, { invalid: [invalid, other] });
    assert.deepEqual(roots.map((r) => r.label), ['other.txt: sidecar invalid', 'sample.txt: sidecar invalid', 'Speakers', 'Mentioned', 'Figures']);
    assert.deepEqual(roots[1], {
      nodeType: 'invalidSidecar',
      id: 'invalid:file:///ws/sample.txt',
      label: 'sample.txt: sidecar invalid',
      description: 'read-only until fixed',
      tooltip:
        'annotations[2].start: Expected number, received string (+2 more problems)\n\nShown read-only: its last valid annotations are kept, and nothing is written until the file is fixed. Click to open the sidecar at the problem.',
      sidecarUri: 'file:///ws/sample.txt.annotations.json',
      line: 40,
      character: 6,
    });
    assert.deepEqual(childrenOf(roots[1]), []);
    // The document filter applies to the markers too.
    const filtered = buildTree([doc()], { document: 'file:///ws/sample.txt' }, { invalid: [invalid, other] });
    assert.deepEqual(filtered.map((r) => r.label), ['sample.txt: sidecar invalid', 'Speakers', 'Mentioned', 'Figures']);
  });

  it('gives no roots for no documents (the welcome view shows)', () => {
    assert.deepEqual(buildTree([]), []);
  });
});

/** A sidecar whose text repeats a paragraph (the second copy re-wrapped, with curly quotes). */
function duplicated(): { sidecar: Sidecar; ids: string[] } {
  const text = [
    'Ilse Brandt said: "We will open three parks."',
    'Ilse Brandt said: \u201cWe will open  three\nparks.\u201d',
    'She added: "Nobody waits."',
    'Ilse Brandt said: "We will open three parks."',
  ].join('\n\n');
  let s = emptySidecar('dup.txt', text, sha256Of(text));
  const b = addEntity(s, 'Ilse Brandt', 'person');
  s = b.sidecar;
  const ids: string[] = [];
  const quote = (needle: string, from: number): void => {
    const r = addAnnotation(s, text, { type: 'quote', ...span(text, needle, from), speaker: b.entity.id });
    if ('error' in r) throw new Error(r.error);
    s = r.sidecar;
    ids.push(r.annotation.id);
  };
  quote('"We will open three parks."', 0);
  quote('\u201cWe will open  three\nparks.\u201d', 0);
  quote('"Nobody waits."', 0);
  quote('"We will open three parks."', text.lastIndexOf('Ilse'));
  s = setStatus(s, [ids[1], ids[3]], 'suggested');
  return { sidecar: s, ids };
}

/** Label, description and the children's ids of each node, recursively: what the view shows. */
function shape(nodes: readonly TreeNode[]): unknown[] {
  return nodes.map((n) => {
    const kids = childrenOf(n);
    return kids.length === 0 ? [n.label, n.description] : [n.label, n.description, shape(kids)];
  });
}

describe('extension model: verbatim repeats', () => {
  const dupDoc = (uri = 'file:///ws/dup.txt') => ({ uri, name: baseNameOf(uri), sidecar: duplicated().sidecar });
  function baseNameOf(uri: string): string {
    return uri.slice(uri.lastIndexOf('/') + 1);
  }

  it('counts a quote repeated in the same document once and lists its copies under it', () => {
    const roots = buildTree([dupDoc()]);
    assert.deepEqual(shape(roots), [
      [
        'Speakers',
        '1',
        [
          [
            'Ilse Brandt',
            '2 quotes · 0 mentions',
            [
              [
                '"We will open three parks."',
                'dup.txt · 3 copies · 1 accepted, 2 suggested',
                [
                  ['"We will open three parks."', 'dup.txt · accepted'],
                  ['“We will open three parks.”', 'dup.txt · suggested'],
                  ['"We will open three parks."', 'dup.txt · suggested'],
                ],
              ],
              ['"Nobody waits."', 'dup.txt · accepted'],
            ],
          ],
        ],
      ],
    ]);
  });

  it('gives the folded node the first copy to review and reveal, each copy its own target and a unique id', () => {
    const { ids } = duplicated();
    const speakers = group(buildTree([dupDoc()]), 'speakers')!.children as EntityNode[];
    const folded = speakers[0].children[0];
    assert.equal(folded.annotationId, ids[0]);
    assert.equal(folded.status, 'suggested', 'copies that differ still need review');
    assert.deepEqual(
      childrenOf(folded).map((c) => [(c as AnnotationNode).annotationId, c.id]),
      [ids[0], ids[1], ids[3]].map((id) => [id, `annotation:file:///ws/dup.txt#${id}`]),
    );
    assert.notEqual(folded.id, childrenOf(folded)[0].id);
    assert.match(folded.tooltip ?? '', /Repeated verbatim 3 times in dup\.txt: counted once/);
  });

  it('does not merge the same quote across documents, and counts copies that agree by their status', () => {
    const a = dupDoc('file:///ws/a.txt');
    const b = dupDoc('file:///ws/b.txt');
    const accepted = { ...b, sidecar: setStatus(b.sidecar, b.sidecar.annotations.map((x) => x.id), 'accepted') };
    const ilse = (group(buildTree([a, accepted]), 'speakers')!.children as EntityNode[])[0];
    assert.deepEqual(shape([ilse]), [
      [
        'Ilse Brandt',
        '4 quotes · 0 mentions',
        [
          ['"We will open three parks."', 'a.txt · 3 copies · 1 accepted, 2 suggested', shape(childrenOf(ilse.children[0]))],
          ['"Nobody waits."', 'a.txt · accepted'],
          ['"We will open three parks."', 'b.txt · 3 copies · accepted', shape(childrenOf(ilse.children[2]))],
          ['"Nobody waits."', 'b.txt · accepted'],
        ],
      ],
    ]);
    // Rejecting every copy takes the quote out of the count; rejecting one does not.
    const { ids } = duplicated();
    const oneRejected = { ...a, sidecar: setStatus(a.sidecar, [ids[0]], 'rejected') };
    const allRejected = { ...a, sidecar: setStatus(a.sidecar, [ids[0], ids[1], ids[3]], 'rejected') };
    const describe1 = (d: typeof a) => (group(buildTree([d]), 'speakers')!.children[0] as EntityNode).description;
    assert.deepEqual([describe1(oneRejected), describe1(allRejected)], ['2 quotes · 0 mentions', '1 quote · 0 mentions']);
  });
});

describe('extension model: readable labels and the filter in words', () => {
  it('labels an entity with its (shortened) name; counts go in the description, the rest in the tooltip', () => {
    const d = { uri: 'file:///ws/sample.txt', name: 'sample.txt', sidecar: buildSample().sidecar };
    const long = 'Permanent Representative of the Kingdom of the Netherlands to the United Nations';
    const sidecar = { ...d.sidecar, entities: d.sidecar.entities.map((e) => (e.name === 'Ilse Brandt' ? { ...e, name: long, aliases: ['Brandt'] } : e)) };
    const speaker = (group(buildTree([{ ...d, sidecar }, { ...d, uri: 'file:///ws/other.txt', name: 'other.txt' }]), 'speakers')!.children as EntityNode[]).find((e) => e.name === long)!;
    assert.deepEqual([speaker.label, speaker.description, speaker.tooltip], [
      'Permanent Representative of the…',
      '2 quotes · 1 mention',
      `${long} (person)\nAlso: Brandt\n2 quotes · 1 mention\nIn 1 document: sample.txt`,
    ]);
    const quote = speaker.children[0];
    assert.deepEqual([quote.label, quote.description, quote.tooltip], [
      '"We will open 3 new parks by 2027."',
      'sample.txt · accepted',
      `"We will open 3 new parks by 2027."\n— ${long}\n\nquote in sample.txt (accepted)`,
    ]);
  });

  it('shortens at a word boundary when one is near', () => {
    assert.deepEqual(
      [shortenAtWord('Minister of Foreign Affairs', 20), shortenAtWord('Supercalifragilisticexpialidocious', 12), shortenAtWord('short', 12)],
      ['Minister of Foreign…', 'Supercalifr…', 'short'],
    );
  });

  it('says what is filtered, and when the filter hides everything, how to clear it', () => {
    assert.deepEqual(
      [filterDescription({}), filterDescription({ status: 'suggested', type: 'quote', document: 'file:///ws/a%20b/c.txt' })],
      [undefined, 'filtered: suggested, quotes, c.txt'],
    );
    const d = { uri: 'file:///ws/sample.txt', name: 'sample.txt', sidecar: buildSample().sidecar };
    const none = buildTree([d], { status: 'rejected', type: 'figure' });
    assert.deepEqual(
      [emptyFilterMessage({ status: 'rejected', type: 'figure' }, none), emptyFilterMessage({ status: 'rejected' }, buildTree([d], { status: 'rejected' })), emptyFilterMessage({}, [])],
      ["Nothing matches the filter (rejected, figures). Clear it with the Clear Entity Filter button in the view's title bar.", undefined, undefined],
    );
  });
});

describe('extension model: sidecar paths', () => {
  it('places sidecars beside the document or in the sidecar folder', () => {
    assert.equal(sidecarPathFor('/ws/news/a.txt', { location: 'beside', sidecarFolder: '.quotelens' }), '/ws/news/a.txt.annotations.json');
    assert.equal(
      sidecarPathFor('/ws/news/a.txt', { location: 'folder', workspaceFolderPath: '/ws', sidecarFolder: '.quotelens' }),
      '/ws/.quotelens/news/a.txt.annotations.json',
    );
    assert.equal(
      sidecarPathFor('/elsewhere/a.txt', { location: 'folder', workspaceFolderPath: '/ws', sidecarFolder: '.quotelens' }),
      '/elsewhere/a.txt.annotations.json',
      'outside the workspace folder: beside',
    );
  });

  it('stores the document path relative to the sidecar and resolves it back', () => {
    assert.equal(documentPathInSidecar('/ws/news/a.txt.annotations.json', '/ws/news/a.txt'), 'a.txt');
    assert.equal(documentPathInSidecar('/ws/.quotelens/news/a.txt.annotations.json', '/ws/news/a.txt'), '../../news/a.txt');
    assert.equal(documentPathOfSidecar('/ws/.quotelens/news/a.txt.annotations.json', '../../news/a.txt'), '/ws/news/a.txt');
    assert.equal(documentPathOfSidecar('/ws/news/a.txt.annotations.json'), '/ws/news/a.txt');
    assert.equal(relativePath('/a/b', '/a/b'), '.');
    assert.equal(joinPath('/a/b', '../c', 'd.txt'), '/a/c/d.txt');
  });
});

describe('extension model: glob', () => {
  it('matches VS Code style globs on relative paths', () => {
    assert.ok(matchesAny('news/a.txt', ['**/*.txt']));
    assert.ok(matchesAny('a.txt', ['**/*.txt']));
    assert.ok(!matchesAny('a.txt.annotations.json', ['**/*.txt']));
    assert.ok(matchesAny('node_modules/x/a.txt', ['**/node_modules/**']));
    assert.ok(matchesAny('news/a.md', ['**/*.{txt,md}']));
    assert.ok(matchesAny('a1.txt', ['a[0-9].txt']));
    assert.ok(!matchesAny('news/a.txt', ['*.txt']), '* does not cross folders');
    assert.ok(globToRegExp('x?.txt').test('xy.txt'));
  });
});

/**
 * Documents with every kind of tree child: quotes of a speaker and without one, a quote repeated
 * verbatim (copies that differ and copies that agree), rejected, orphaned, manual and automatic
 * annotations, mentions and figures.
 */
function mixedDocs(): DocSidecar[] {
  const sample = buildSample();
  const mixed = sample.sidecar.annotations.map((a) =>
    a.id === sample.ids.q2 ? { ...a, origin: 'auto' as const } : a.id === sample.ids.money ? { ...a, orphaned: true } : a,
  );
  const dup = duplicated();
  return [
    { uri: 'file:///ws/sample.txt', name: 'sample.txt', sidecar: { ...sample.sidecar, annotations: mixed } },
    { uri: 'file:///ws/dup.txt', name: 'dup.txt', sidecar: setStatus(dup.sidecar, [dup.ids[2]], 'rejected') },
    { uri: 'file:///ws/agree.txt', name: 'agree.txt', sidecar: setStatus(dup.sidecar, dup.ids, 'accepted') },
  ];
}

/** The filters the eager build was recorded under (test/unit/fixtures/eager-tree.json). */
const RECORDED_FILTERS: Record<string, TreeFilter> = {
  none: {},
  suggested: { status: 'suggested' },
  rejected: { status: 'rejected' },
  quotes: { type: 'quote' },
  figures: { type: 'figure' },
  dup: { document: 'file:///ws/dup.txt' },
};

/** Every node with its children and copies expanded, as plain data. */
function expandAll(nodes: readonly TreeNode[]): unknown {
  return JSON.parse(JSON.stringify(nodes));
}

describe('extension model: the tree builds annotation nodes when a node is expanded', () => {
  const unbuilt = (node: TreeNode): boolean => typeof Object.getOwnPropertyDescriptor(node, 'children')?.get === 'function';

  it('builds no annotation node of an entity, figure kind or orphaned group until its children are asked for', () => {
    const docs = mixedDocs();
    const first = buildTree(docs);
    const speakers = group(first, 'speakers')!.children as EntityNode[];
    childrenOf(speakers[0]);
    const rebuilt = buildTree(docs);
    const lazyNodes = (roots: TreeNode[]): TreeNode[] => roots.flatMap((r) => (r.nodeType === 'group' ? (r.group === 'orphaned' ? [r] : childrenOf(r)) : []));
    assert.deepEqual(
      [first, rebuilt].map((roots) => lazyNodes(roots).map((n) => [n.id, unbuilt(n)])),
      [
        [['entity:person:ilse brandt', false], ['entity:unattributed', true], ['entity:group:critics', true], ['figureKind:count', true], ['group:orphaned', true]],
        [['entity:person:ilse brandt', true], ['entity:unattributed', true], ['entity:group:critics', true], ['figureKind:count', true], ['group:orphaned', true]],
      ],
    );
  });

  it('gives, once expanded, exactly the nodes the eager build gave, under every filter', () => {
    const recorded = JSON.parse(readFileSync(join(__dirname, '../../../test/unit/fixtures/eager-tree.json'), 'utf8')) as Record<string, unknown>;
    const docs = mixedDocs();
    const now = Object.fromEntries(Object.entries(RECORDED_FILTERS).map(([name, filter]) => [name, expandAll(buildTree(docs, filter))]));
    assert.deepStrictEqual(now, recorded);
  });
});
