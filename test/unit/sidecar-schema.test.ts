import assert from 'node:assert/strict';
import { formatIssues, parseJson, parseSidecar, sidecarSchema, type SidecarIssue } from '../../src/sidecar/schema';
import { serializeSidecar } from '../../src/sidecar/serialize';
import { sampleSidecar } from './sidecar-fixtures';

type Obj = Record<string, unknown>;
interface Loose extends Obj {
  document: Obj & { length: number };
  entities: Obj[];
  annotations: Obj[];
}

function valid(): Loose {
  return JSON.parse(serializeSidecar(sampleSidecar())) as Loose;
}

function issuesOf(mutate: (o: Loose) => void): SidecarIssue[] {
  const o = valid();
  mutate(o);
  const r = parseSidecar(JSON.stringify(o));
  assert.equal(r.ok, false, 'expected the mutated sidecar to be invalid');
  return r.ok ? [] : r.issues;
}

function quoteIndex(o: Loose): number {
  return o.annotations.findIndex((a) => a.type === 'quote');
}

describe('sidecar schema', () => {
  it('accepts a valid sidecar and returns it', () => {
    const r = parseSidecar(serializeSidecar(sampleSidecar()));
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.sidecar.annotations.length, 3);
    assert.equal(sidecarSchema.safeParse(valid()).success, true);
  });

  it('reports a wrong type with its path', () => {
    const issues = issuesOf((o) => (o.annotations[1].start = '12'));
    assert.deepEqual(issues.map((i) => i.path), ['annotations[1].start']);
    assert.match(issues[0].message, /^Expected number, received string$/);
  });

  it('reports unknown keys, at the root and inside annotations', () => {
    assert.deepEqual(issuesOf((o) => (o.extra = 1)).map((i) => i.path), ['extra']);
    const issues = issuesOf((o) => (o.annotations[0].colour = 'red'));
    assert.deepEqual(issues.map((i) => i.path), ['annotations[0].colour']);
    assert.match(issues[0].message, /Unknown key "colour"/);
  });

  it('reports bad enum values and a bad annotation type', () => {
    assert.deepEqual(issuesOf((o) => (o.annotations[2].status = 'maybe')).map((i) => i.path), ['annotations[2].status']);
    assert.deepEqual(issuesOf((o) => (o.annotations[2].type = 'note')).map((i) => i.path), ['annotations[2].type']);
    assert.deepEqual(issuesOf((o) => (o.entities[0].kind = 'animal')).map((i) => i.path), ['entities[0].kind']);
    assert.deepEqual(issuesOf((o) => (o.version = 2)).map((i) => i.path), ['version']);
  });

  it('reports an unknown speaker entity and an unknown mention entity', () => {
    const q = issuesOf((o) => (o.annotations[quoteIndex(o)].speaker = 'nobody'));
    assert.equal(q.length, 1);
    assert.match(q[0].path, /^annotations\[\d\]\.speaker$/);
    assert.match(q[0].message, /Unknown entity id "nobody"/);
    const m = issuesOf((o) => {
      const a = o.annotations.find((x) => x.type === 'speaker')!;
      a.entity = 'ghost';
    });
    assert.match(m[0].path, /\.entity$/);
  });

  it('reports end before start, end beyond the document, negative offsets, bad spans', () => {
    const i1 = issuesOf((o) => {
      o.annotations[0].end = (o.annotations[0].start as number) - 1;
    });
    assert.ok(i1.some((i) => i.path === 'annotations[0].end' && /before start/.test(i.message)), JSON.stringify(i1));
    const i2 = issuesOf((o) => {
      o.annotations[2].end = o.document.length + 5;
      o.annotations[2].orphaned = true;
    });
    assert.deepEqual(i2.map((i) => i.path), ['annotations[2].end']);
    assert.match(i2[0].message, /beyond the document length/);
    assert.deepEqual(issuesOf((o) => (o.annotations[0].start = -1)).map((i) => i.path), ['annotations[0].start']);
    assert.deepEqual(issuesOf((o) => (o.annotations[0].start = 1.5)).map((i) => i.path), ['annotations[0].start']);
    const cue = issuesOf((o) => (o.annotations[quoteIndex(o)].cue = { start: 9, end: 3 }));
    assert.match(cue[0].path, /^annotations\[\d\]\.cue\.end$/);
  });

  it('reports duplicate ids and a text that does not fit its span', () => {
    const dup = issuesOf((o) => (o.annotations[1].id = o.annotations[0].id));
    assert.deepEqual(dup.map((i) => i.path), ['annotations[1].id']);
    const txt = issuesOf((o) => (o.annotations[0].text = String(o.annotations[0].text) + 'x'));
    assert.deepEqual(txt.map((i) => i.path), ['annotations[0].text']);
  });

  it('reports JSON syntax errors at $ with line and column', () => {
    const r = parseSidecar('{\n  "version": 1,\n  "document": }\n');
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.issues[0].path, '$');
    assert.match(r.issues[0].message, /3:15/);
    const dupKey = parseSidecar('{"version": 1, "version": 1}');
    assert.ok(!dupKey.ok && /Duplicate key "version"/.test(dupKey.issues[0].message));
    const trailing = parseSidecar('{"version": 1},');
    assert.ok(!trailing.ok && /1:15/.test(trailing.issues[0].message));
  });

  it('parses JSON to what JSON.parse gives, "__proto__" as an own key, and a repeated "__proto__" as a duplicate', () => {
    const texts = [
      serializeSidecar(sampleSidecar()),
      '{"a": [1, -2.5, 3e2, 0, -0.125E-2], "b": "quote \\"x\\" \\n\\t\\u00e9\\/\\\\", "c": {"d": [true, false, null]}, "e": ""}',
      '{"__proto__": {"x": 1}, "y": 2}',
    ];
    assert.deepStrictEqual(
      texts.map((t) => parseJson(t)),
      texts.map((t) => ({ ok: true, value: JSON.parse(t) as unknown })),
    );
    const proto = parseJson('{"__proto__": {"x": 1}}');
    assert.ok(proto.ok && Object.getPrototypeOf(proto.value) === Object.prototype && Object.hasOwn(proto.value as object, '__proto__'));
    const repeated = parseJson('{"__proto__": 1, "__proto__": 2}');
    assert.ok(!repeated.ok && /Duplicate key "__proto__"/.test(repeated.issues[0].message));
  });

  it('never throws on garbage', () => {
    const garbage = ['', 'null', '[]', '"x"', '42', 'true', '{', '[[[[', '{"a":', '\u0000', '[' .repeat(100000), '{"version":1,"document":null,"entities":{},"annotations":"x"}', '{"__proto__": {"x": 1}}', '"\\ud800"', JSON.stringify({ version: 1, document: {}, entities: [null], annotations: [[]] })];
    for (const g of garbage) {
      const r = parseSidecar(g);
      assert.equal(r.ok, false, JSON.stringify(g.slice(0, 30)));
      if (!r.ok) assert.ok(r.issues.length > 0 && r.issues.every((i) => typeof i.path === 'string' && typeof i.message === 'string'));
    }
    assert.equal(parseSidecar(undefined as unknown as string).ok, false);
  });

  it('formats one line per issue', () => {
    const text = formatIssues('article.txt.annotations.json', [
      { path: 'annotations[3].start', message: 'Expected number, received string' },
      { path: '$', message: 'JSON syntax error at 1:2: x' },
    ]);
    assert.equal(text, 'article.txt.annotations.json: annotations[3].start: Expected number, received string\narticle.txt.annotations.json: $: JSON syntax error at 1:2: x');
  });
});
