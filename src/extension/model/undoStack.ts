/**
 * A bounded stack of previous values. Sidecar operations are immutable, so undoing a QuoteLens
 * edit is restoring the value pushed before it.
 *
 * Typing in the document moves the annotations, so an old value's offsets go out of date. Rather
 * than rewriting every stored value per keystroke, the stack keeps one log of the change events
 * (`record`, O(1)); `pop` hands back the value with the events recorded since it was pushed, for
 * the caller to move it through (`replayEdits`). The log only keeps what some value still needs.
 */
export interface Undone<T, E> {
  value: T;
  /** The events recorded after `value` was pushed, oldest first. */
  since: E[];
}

export class UndoStack<T, E = never> {
  /** Each value with the position in the log (counted from the start) at which it was pushed. */
  private items: { value: T; at: number }[] = [];
  private log: E[] = [];
  /** How many events were dropped from the front of the log. */
  private dropped = 0;

  constructor(private readonly limit = 100) {}

  get size(): number {
    return this.items.length;
  }

  push(value: T): void {
    this.items.push({ value, at: this.dropped + this.log.length });
    // Stryker disable next-line ConditionalExpression,EqualityOperator: at or under the limit the splice count is 0 or negative, which removes nothing
    if (this.items.length > this.limit) this.items.splice(0, this.items.length - this.limit);
    this.trimLog();
  }

  /** Notes an event that happened after the values on the stack (nothing kept when it is empty). */
  record(event: E): void {
    if (this.items.length > 0) this.log.push(event);
  }

  pop(): Undone<T, E> | undefined {
    const top = this.items.pop();
    if (!top) return undefined;
    const since = this.log.slice(top.at - this.dropped);
    this.trimLog();
    return { value: top.value, since };
  }

  peek(): T | undefined {
    return this.items[this.items.length - 1]?.value;
  }

  clear(): void {
    this.items = [];
    this.log = [];
    this.dropped = 0;
  }

  /** Drops the events older than the oldest value on the stack. */
  private trimLog(): void {
    const oldest = this.items[0]?.at ?? this.dropped + this.log.length;
    const stale = oldest - this.dropped;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: stale is never negative (the oldest value was pushed at or after `dropped`), and at 0 the block changes nothing
    if (stale > 0) {
      this.log.splice(0, stale);
      this.dropped = oldest;
    }
  }
}
