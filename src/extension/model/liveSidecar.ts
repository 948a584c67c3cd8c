/**
 * The store's current sidecar of one document, while it is typed in (pure: no `vscode`).
 *
 * Typing moves offsets in a `LiveAnnotations` model; the Sidecar value with annotation objects is
 * made when it is read (`value`): once per pause in typing for the decorations, tree and status
 * readers (the store tells them after a pause), not per keystroke. Setting `value` starts again
 * from the new sidecar.
 *
 * The sidecar's `document` (length and hash) is left as it was while typing: `settle` brings it
 * up to date from the text the annotations follow — before saving, before an operation, before
 * comparing the hash with a text. Readers of offsets and annotation text need not settle.
 */
import { LiveAnnotations, settleDocument, type TextEdit, type TextWindow } from '../../sidecar';
import type { Annotation, Sidecar } from '../../sidecar/types';

export class LiveSidecar {
  private base: Sidecar | undefined;
  private live: LiveAnnotations<Annotation> | undefined;
  /** Set while `document` describes an older text than the annotations follow: reads that text. */
  private followed: (() => string) | undefined;

  get value(): Sidecar | undefined {
    if (this.base && this.live?.changed) this.base = { ...this.base, annotations: this.live.annotations() };
    return this.base;
  }

  set value(sidecar: Sidecar | undefined) {
    this.base = sidecar;
    this.live = undefined;
    this.followed = undefined;
  }

  get loaded(): boolean {
    return this.base !== undefined;
  }

  /** Whether any annotation is orphaned now (without making the objects). */
  get hasOrphans(): boolean {
    if (this.live) return this.live.orphanCount > 0;
    return this.base?.annotations.some((a) => a.orphaned) ?? false;
  }

  /**
   * One change event of the document (`after`: its text now, read by range; `text`: reads it
   * whole, for `settle`). Returns the ids of the annotations it orphaned.
   */
  type(edits: readonly TextEdit[], after: TextWindow, text: () => string): string[] {
    if (!this.base) return [];
    this.live ??= new LiveAnnotations(this.base.annotations);
    this.followed = text;
    return this.live.apply(edits, after);
  }

  /** Other annotations for the same text (the document is as up to date as before). */
  replaceAnnotations(annotations: Annotation[]): void {
    const current = this.value;
    if (!current) return;
    const followed = this.followed;
    this.value = { ...current, annotations };
    this.followed = followed;
  }

  /** A sidecar whose annotations follow `text()`, its document not yet (an undo step moved through typing). */
  setFollowing(sidecar: Sidecar, text: () => string): void {
    this.value = sidecar;
    this.followed = text;
  }

  /** The sidecar with its document length and hash up to date. The one place typing hashes the text. */
  settle(sha256: (text: string) => string): Sidecar | undefined {
    const current = this.value;
    if (!current || !this.followed) return current;
    const text = this.followed();
    this.base = settleDocument(current, text, sha256(text));
    this.followed = undefined;
    return this.base;
  }
}
