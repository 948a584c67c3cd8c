// Pure entity-tree model, sidecar paths and glob matching.
import assert from 'node:assert/strict';
import { matchesAny, globToRegExp } from '../../src/extension/model/glob';
import { documentPathInSidecar, documentPathOfSidecar, joinPath, relativePath, sidecarPathFor } from '../../src/extension/model/sidecarPath';
import { buildTree, childrenOf, isFilterEmpty, type EntityNode, type GroupNode } from '../../src/extension/model/treeModel';
import { buildSample } from './extension-fixtures';

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
    assert.deepEqual(buildTree([d], { document: 'file:///elsewhere.txt' }), []);
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
