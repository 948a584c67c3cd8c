/**
 * The JSON text of sidecars, each printed once. The sidecar of a 1 MB article prints to some
 * 10 MB of JSON, 40–250 ms of work on the extension host thread; Analyse Document compared two
 * sidecars by their JSON and then wrote one of them, printing three times in one step. The
 * analysis worker prints the sidecars it builds (off the host thread) and sends the text along
 * (`remember`); `of` prints a sidecar only when its text is not known yet.
 *
 * Sidecars are never changed in place (every change makes a new object), so a sidecar's text
 * stays right for as long as the object lives; the texts go with their sidecars (weakly held).
 */
import { serializeSidecar } from '../../sidecar/serialize';
import type { Sidecar } from '../../sidecar/types';

export class SidecarJson {
  private readonly known = new WeakMap<Sidecar, string>();

  /** `serializeSidecar(sidecar)`, printed at most once per sidecar object. */
  of(sidecar: Sidecar): string {
    let json = this.known.get(sidecar);
    if (json === undefined) {
      json = serializeSidecar(sidecar);
      this.known.set(sidecar, json);
    }
    return json;
  }

  /** Notes `json`, which must be `serializeSidecar(sidecar)` (printed elsewhere, e.g. in the worker). */
  remember(sidecar: Sidecar, json: string): void {
    this.known.set(sidecar, json);
  }
}
