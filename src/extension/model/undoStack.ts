/**
 * A bounded stack of previous values. Sidecar operations are immutable, so undoing a QuoteLens
 * edit is restoring the value pushed before it.
 */
export class UndoStack<T> {
  private items: T[] = [];

  constructor(private readonly limit = 100) {}

  get size(): number {
    return this.items.length;
  }

  push(value: T): void {
    this.items.push(value);
    if (this.items.length > this.limit) this.items.splice(0, this.items.length - this.limit);
  }

  pop(): T | undefined {
    return this.items.pop();
  }

  peek(): T | undefined {
    return this.items[this.items.length - 1];
  }

  /** Rewrites every stored value, e.g. to shift old offsets after the document was typed in. */
  map(fn: (value: T) => T): void {
    this.items = this.items.map(fn);
  }

  clear(): void {
    this.items = [];
  }
}
