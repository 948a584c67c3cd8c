/**
 * The edit between two versions of a document, as a word-level alignment of their matching forms
 * (see `normalize.ts`): white space and quote-mark changes are not edits at all, and words that
 * survive keep their pairing. The alignment takes the common prefix, then words that occur exactly
 * once on both sides (in increasing order: patience diff) as fixed points, recursing between them;
 * only a small leftover region without such words is aligned by a quadratic LCS, bounded by
 * LEAF_BUDGET cells. A bigger region is left unaligned: the annotations in it fall back to search.
 * There is no common-suffix step on purpose: it would pair the last paragraph with its copy when
 * paragraphs are duplicated, where "originals first" (like the prefix) is what the user did.
 */
import { lowerBoundOf } from '../core/text';
import type { Span } from '../core/types';
import type { NormalizedText } from './normalize';

interface Tokens {
  /** Interned word ids. */
  ids: Int32Array;
  /** Original start and end offset of each word. */
  starts: Int32Array;
  ends: Int32Array;
}

/** The most LCS cells a region without unique words may cost (a few MB, milliseconds). */
const LEAF_BUDGET = 4_000_000;

function tokenize(norm: NormalizedText, vocabulary: Map<string, number>): Tokens {
  const ids: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const text = norm.text;
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) === 32) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) !== 32) j++;
    const word = text.slice(i, j);
    let id = vocabulary.get(word);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(word, id);
    }
    ids.push(id);
    starts.push(norm.starts[i]);
    ends.push(norm.ends[j - 1]);
    i = j;
  }
  return { ids: Int32Array.from(ids), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/**
 * Indices (into `values`) of a longest non-decreasing subsequence, in O(k log k) (patience sorting).
 * Used for the word pairs of the diff (all distinct) and for the order of re-anchored annotations.
 */
export function longestNonDecreasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const previous = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[tails[mid]] <= values[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1] : -1; k !== -1; k = previous[k]) out.push(k);
  return out.reverse();
}

class Aligner {
  /** For each old word, the index of its new word, or -1. */
  readonly match: Int32Array;
  private readonly countA: Int32Array;
  private readonly countB: Int32Array;
  private readonly whereB: Int32Array;

  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    vocabularySize: number,
  ) {
    this.match = new Int32Array(a.length).fill(-1);
    this.countA = new Int32Array(vocabularySize);
    this.countB = new Int32Array(vocabularySize);
    this.whereB = new Int32Array(vocabularySize);
  }

  align(a0: number, a1: number, b0: number, b1: number): void {
    const { a, b } = this;
    while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) this.match[a0++] = b0++;
    if (a0 === a1 || b0 === b1) return;
    const pairs = this.uniquePairs(a0, a1, b0, b1);
    if (pairs.length > 0) {
      const chain = longestNonDecreasing(pairs.map(([, j]) => j));
      let pa = a0;
      let pb = b0;
      for (const k of chain) {
        const [i, j] = pairs[k];
        this.align(pa, i, pb, j);
        this.match[i] = j;
        pa = i + 1;
        pb = j + 1;
      }
      this.align(pa, a1, pb, b1);
    } else if ((a1 - a0) * (b1 - b0) <= LEAF_BUDGET) {
      this.lcs(a0, a1, b0, b1);
    }
  }

  /**
   * Slides each run of deleted old words over equal words next to it when that joins it to
   * another deleted run: one deleted paragraph instead of two pieces around a repeated name.
   * (The alignment itself may pair the repeated name with either copy; both are as long.)
   */
  compactDeletions(): void {
    const { a, match } = this;
    let x = 0;
    while (x < a.length) {
      if (match[x] !== -1) {
        x++;
        continue;
      }
      let y = x;
      while (y < a.length && match[y] === -1) y++;
      if (!this.slide(x, y, -1)) this.slide(x, y, 1);
      x = y;
    }
  }

  /** Slides the deleted run [x, y) up (-1) or down (1) if that makes it touch another one; else leaves it. */
  private slide(x: number, y: number, direction: -1 | 1): boolean {
    const { a, match } = this;
    const moves: [number, number][] = [];
    // Up: the matched word before the run moves to the run's last word; down: the one after to its first.
    let from = direction === -1 ? x - 1 : y;
    let to = direction === -1 ? y - 1 : x;
    while (from >= 0 && from < a.length && match[from] !== -1 && a[from] === a[to]) {
      match[to] = match[from];
      match[from] = -1;
      moves.push([from, to]);
      from += direction;
      to += direction;
    }
    if (moves.length > 0 && from >= 0 && from < a.length && match[from] === -1) return true;
    for (const [f, t] of moves.reverse()) {
      match[f] = match[t];
      match[t] = -1;
    }
    return false;
  }

  /** Words occurring exactly once in a[a0..a1) and once in b[b0..b1), as [i, j] in old order. */
  private uniquePairs(a0: number, a1: number, b0: number, b1: number): [number, number][] {
    const { a, b, countA, countB, whereB } = this;
    for (let j = b0; j < b1; j++) {
      countB[b[j]]++;
      whereB[b[j]] = j;
    }
    for (let i = a0; i < a1; i++) countA[a[i]]++;
    const pairs: [number, number][] = [];
    for (let i = a0; i < a1; i++) {
      const w = a[i];
      if (countA[w] === 1 && countB[w] === 1) pairs.push([i, whereB[w]]);
    }
    for (let j = b0; j < b1; j++) countB[b[j]] = 0;
    for (let i = a0; i < a1; i++) countA[a[i]] = 0;
    return pairs;
  }

  /** Classic LCS table on a small region. */
  private lcs(a0: number, a1: number, b0: number, b1: number): void {
    const { a, b } = this;
    const n = a1 - a0;
    const m = b1 - b0;
    const width = m + 1;
    const table = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * width + j] =
          a[a0 + i] === b[b0 + j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[a0 + i] === b[b0 + j]) {
        this.match[a0 + i] = b0 + j;
        i++;
        j++;
      } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) {
        i++;
      } else {
        j++;
      }
    }
  }
}

/** The first word whose end is after `offset`. */
function firstWordEndingAfter(t: Tokens, offset: number): number {
  return lowerBoundOf(t.ends, offset + 1);
}

/** The last word whose start is before `offset` (-1 when none). */
function lastWordStartingBefore(t: Tokens, offset: number): number {
  return lowerBoundOf(t.starts, offset) - 1;
}

/** Maps spans of the old document onto the new one through the word alignment. */
export class TextDiff {
  private constructor(
    private readonly oldWords: Tokens,
    private readonly newWords: Tokens,
    private readonly match: Int32Array,
  ) {}

  static between(oldNorm: NormalizedText, newNorm: NormalizedText): TextDiff {
    const vocabulary = new Map<string, number>();
    const oldWords = tokenize(oldNorm, vocabulary);
    const newWords = tokenize(newNorm, vocabulary);
    const aligner = new Aligner(oldWords.ids, newWords.ids, vocabulary.size);
    aligner.align(0, oldWords.ids.length, 0, newWords.ids.length);
    aligner.compactDeletions();
    return new TextDiff(oldWords, newWords, aligner.match);
  }

  /**
   * Where the old span [start, end) is in the new document: its first and last words must both
   * have survived, in order. Offsets inside a word carry over (folding quote marks keeps lengths).
   * Undefined when either edge word was edited away.
   */
  mapSpan(start: number, end: number): Span | undefined {
    const first = firstWordEndingAfter(this.oldWords, start);
    const last = lastWordStartingBefore(this.oldWords, end);
    if (first > last || first >= this.match.length) return undefined;
    const j0 = this.match[first];
    const j1 = this.match[last];
    if (j0 < 0 || j1 < 0 || j1 < j0) return undefined;
    const newStart = this.newWords.starts[j0] + Math.max(0, start - this.oldWords.starts[first]);
    const newEnd = this.newWords.ends[j1] - Math.max(0, this.oldWords.ends[last] - end);
    return newStart < newEnd ? { start: newStart, end: newEnd } : undefined;
  }
}
