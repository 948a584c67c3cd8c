// The sidecars' JSON printed once each: what the store compares and writes.
import assert from 'node:assert/strict';
import { SidecarJson } from '../../src/extension/model/sidecarJson';
import { serializeSidecar } from '../../src/sidecar/serialize';
import { setStatus } from '../../src/sidecar/store';
import { buildSample } from './extension-fixtures';

describe('extension model: SidecarJson', () => {
  it('prints a sidecar as serializeSidecar does, once: the same text for the same object', () => {
    const { sidecar } = buildSample();
    const json = new SidecarJson();
    const first = json.of(sidecar);
    assert.equal(first, serializeSidecar(sidecar));
    assert.ok(json.of(sidecar) === first);
  });

  it('uses the text it was told (printed in the worker) and prints a changed copy anew', () => {
    const { sidecar } = buildSample();
    const json = new SidecarJson();
    json.remember(sidecar, 'printed elsewhere');
    assert.equal(json.of(sidecar), 'printed elsewhere');
    const changed = setStatus(sidecar, [sidecar.annotations[0].id], 'rejected');
    assert.equal(json.of(changed), serializeSidecar(changed));
  });
});
