/**
 * Where a string occurs in a (normalized) document, without one full scan per annotation. Every
 * window of the document of a fixed length (the gram) goes into a hash table built once with typed
 * arrays; a string is looked up through its window that is rarest in the document (quotes often
 * share their first words) and each hit is checked. Long strings use 8-unit windows, short ones
 * (figures, surnames) 2-unit windows; single characters are scanned for. Results are remembered.
 */

const LONG_GRAM = 8;
const SHORT_GRAM = 2;

// The hash only spreads windows over buckets: every candidate a bucket gives is checked with
// `startsWith`, so a mutant that merely changes the hash (or the bucket sizes, or which window of
// a needle is looked up) finds the same offsets. Such mutants are disabled below, each with why.
// Stryker disable next-line BlockStatement: a body-less hash is undefined, bucket 0 for every window: same results
function gramHash(s: string, at: number, gram: number): number {
  let h = 0;
  // Stryker disable next-line ConditionalExpression,BlockStatement: no loop (or an empty one) gives hash 0, bucket 0 for every window: same results
  for (let k = 0; k < gram; k++) {
    const code = s.charCodeAt(at + k);
    // Stryker disable next-line ArithmeticOperator: another hash function, the same for text and needle: same results
    h = (Math.imul(h, 31) + code) | 0;
  }
  return h;
}

/** The windows of one length, chained per hash bucket (later windows first), with bucket sizes. */
class GramTable {
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly count: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly text: string,
    private readonly gram: number,
  ) {
    const windows = Math.max(0, text.length - gram + 1);
    let size = 1024;
    // Stryker disable next-line ConditionalExpression: a smaller table only means more windows per bucket: same results
    while (size < windows) size *= 2;
    this.mask = size - 1;
    this.head = new Int32Array(size).fill(-1);
    // Stryker disable next-line UnaryOperator: the loop below sets every entry of next
    this.next = new Int32Array(windows).fill(-1);
    this.count = new Int32Array(size);
    for (let i = 0; i < windows; i++) {
      const bucket = gramHash(text, i, gram) & this.mask;
      this.next[i] = this.head[bucket];
      this.head[bucket] = i;
      // Stryker disable next-line UpdateOperator: counts only choose the needle's rarest window: same results
      this.count[bucket]++;
    }
  }

  /** Start offsets of `needle` (at least `gram` long), ascending. */
  find(needle: string): number[] {
    let offset = 0;
    let bucket = gramHash(needle, 0, this.gram) & this.mask;
    // Stryker disable next-line BlockStatement: without the search the first window is used: same results
    for (let k = 1; k + this.gram <= needle.length && this.count[bucket] > 1; k++) {
      const b = gramHash(needle, k, this.gram) & this.mask;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: any window of the needle gives the same results
      if (this.count[b] < this.count[bucket]) {
        bucket = b;
        offset = k;
      }
    }
    const out: number[] = [];
    for (let i = this.head[bucket]; i !== -1; i = this.next[i]) {
      if (i >= offset && this.text.startsWith(needle, i - offset)) out.push(i - offset);
    }
    return out.reverse();
  }
}

export class OccurrenceIndex {
  private readonly found = new Map<string, number[]>();
  private long: GramTable | undefined;
  private short: GramTable | undefined;

  constructor(readonly text: string) {}

  /** Every start offset of `needle` in the text (overlapping ones included), ascending. */
  occurrences(needle: string): number[] {
    if (needle.length === 0) return [];
    let list = this.found.get(needle);
    if (list === undefined) {
      if (needle.length >= LONG_GRAM) list = (this.long ??= new GramTable(this.text, LONG_GRAM)).find(needle);
      else if (needle.length >= SHORT_GRAM) list = (this.short ??= new GramTable(this.text, SHORT_GRAM)).find(needle);
      else list = this.scan(needle);
      this.found.set(needle, list);
    }
    return list;
  }

  private scan(needle: string): number[] {
    const out: number[] = [];
    for (let i = this.text.indexOf(needle); i !== -1; i = this.text.indexOf(needle, i + 1)) out.push(i);
    return out;
  }
}
