import assert from 'node:assert/strict';
import { parseSidecar } from '../../src/sidecar/schema';
import { serializeSidecar } from '../../src/sidecar/serialize';
import type { Sidecar } from '../../src/sidecar/types';
import { sampleSidecar } from './sidecar-fixtures';

function reverseKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(reverseKeys) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) as T;
  return v;
}

describe('sidecar serialize', () => {
  it('prints fixed key orders, 2-space indent and a trailing newline', () => {
    const text = serializeSidecar(sampleSidecar());
    assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
    assert.deepEqual(Object.keys(JSON.parse(text) as object), ['version', 'document', 'entities', 'annotations']);
    assert.match(text, /^\{\n {2}"version": 1,\n {2}"document": \{\n {4}"path"/);
    const parsed = JSON.parse(text) as { annotations: Record<string, unknown>[] };
    const quote = parsed.annotations.find((a) => a.type === 'quote')!;
    assert.deepEqual(Object.keys(quote), ['id', 'type', 'start', 'end', 'text', 'prefix', 'suffix', 'status', 'origin', 'kind', 'speaker', 'cue', 'speakerMention']);
    const figure = parsed.annotations.find((a) => a.type === 'figure')!;
    assert.deepEqual(Object.keys(figure).slice(9), ['kind', 'unit']);
  });

  it('puts orphaned last and only when set', () => {
    const s = sampleSidecar();
    const withOrphan: Sidecar = { ...s, annotations: s.annotations.map((a, i) => (i === 0 ? { ...a, orphaned: true } : { ...a, orphaned: false })) };
    const parsed = JSON.parse(serializeSidecar(withOrphan)) as { annotations: Record<string, unknown>[] };
    const keys = parsed.annotations.map((a) => Object.keys(a));
    assert.equal(keys.filter((k) => k.includes('orphaned')).length, 1);
    const orphan = keys.find((k) => k.includes('orphaned'))!;
    assert.equal(orphan[orphan.length - 1], 'orphaned');
  });

  it('sorts entities by id and annotations by start, end, type, id', () => {
    const s = sampleSidecar();
    const shuffled: Sidecar = {
      ...s,
      entities: [{ id: 'zed', name: 'Zed', kind: 'group', aliases: [] }, ...s.entities, { id: 'abe', name: 'Abe', kind: 'person', aliases: [] }],
      annotations: [...s.annotations].reverse(),
    };
    const out = JSON.parse(serializeSidecar(shuffled)) as Sidecar;
    assert.deepEqual(out.entities.map((e) => e.id), ['abe', 'anna-berg', 'zed']);
    const starts = out.annotations.map((a) => a.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    const tie: Sidecar = { ...s, annotations: [{ ...s.annotations[2], id: 'f-b' }, { ...s.annotations[2], id: 'f-a' }] };
    assert.deepEqual((JSON.parse(serializeSidecar(tie)) as Sidecar).annotations.map((a) => a.id), ['f-a', 'f-b']);
  });

  it('is independent of the input key order and round-trips byte-identically', () => {
    const s = sampleSidecar();
    const a = serializeSidecar(s);
    assert.equal(serializeSidecar(reverseKeys(s)), a);
    const r = parseSidecar(a);
    assert.ok(r.ok);
    assert.equal(serializeSidecar(r.sidecar), a);
  });
});
