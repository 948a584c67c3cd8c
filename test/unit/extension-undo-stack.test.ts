/**
 * The undo stack as a table: each row is a script of pushes, recorded events, pops and clears,
 * compared whole with what the stack shows after each step — its size, its top, what `pop` handed
 * back, and how many events its log still keeps. The last one is the stack's memory promise ("the
 * log only keeps what some value still needs"): events older than the oldest value, or recorded
 * while nothing could be undone, must be gone, or a long typing session grows the log without end.
 */
import assert from 'node:assert/strict';
import { UndoStack, type Undone } from '../../src/extension/model/undoStack';

type Op = ['push', string] | ['record', number] | ['pop'] | ['clear'];

interface Seen {
  size: number;
  peek: string | undefined;
  /** How many events the log keeps. */
  kept: number;
  /** Only after a pop. */
  popped?: Undone<string, number> | undefined;
}

/** The private log's length: not part of the API, but the memory bound the class documents. */
function keptEvents(stack: UndoStack<string, number>): number {
  return (stack as unknown as { log: readonly number[] }).log.length;
}

function run(limit: number, ops: readonly Op[]): Seen[] {
  const stack = new UndoStack<string, number>(limit);
  const seen = (): Seen => ({ size: stack.size, peek: stack.peek(), kept: keptEvents(stack) });
  const trace = [seen()];
  for (const op of ops) {
    if (op[0] === 'push') stack.push(op[1]);
    else if (op[0] === 'record') stack.record(op[1]);
    else if (op[0] === 'clear') stack.clear();
    else {
      const popped = stack.pop();
      trace.push({ ...seen(), popped });
      continue;
    }
    trace.push(seen());
  }
  return trace;
}

interface Row {
  name: string;
  limit: number;
  ops: Op[];
  /** One entry for the fresh stack, then one per op. */
  expected: Seen[];
}

const EMPTY: Seen = { size: 0, peek: undefined, kept: 0 };

const ROWS: Row[] = [
  {
    name: 'a fresh stack is empty: nothing to peek at or pop',
    limit: 3,
    ops: [['pop']],
    expected: [EMPTY, { ...EMPTY, popped: undefined }],
  },
  {
    name: 'events recorded while nothing can be undone are not kept',
    limit: 3,
    ops: [['record', 1], ['record', 2], ['push', 'a'], ['record', 3], ['pop'], ['record', 4]],
    expected: [
      EMPTY,
      EMPTY,
      EMPTY,
      { size: 1, peek: 'a', kept: 0 },
      { size: 1, peek: 'a', kept: 1 },
      { ...EMPTY, popped: { value: 'a', since: [3] } },
      EMPTY,
    ],
  },
  {
    name: 'popping the newest value keeps the events the older one still needs',
    limit: 3,
    ops: [['push', 'a'], ['record', 1], ['push', 'b'], ['record', 2], ['pop'], ['record', 3], ['pop']],
    expected: [
      EMPTY,
      { size: 1, peek: 'a', kept: 0 },
      { size: 1, peek: 'a', kept: 1 },
      { size: 2, peek: 'b', kept: 1 },
      { size: 2, peek: 'b', kept: 2 },
      { size: 1, peek: 'a', kept: 2, popped: { value: 'b', since: [2] } },
      { size: 1, peek: 'a', kept: 3 },
      { ...EMPTY, popped: { value: 'a', since: [1, 2, 3] } },
    ],
  },
  {
    name: 'a value pushed over the limit drops the oldest value and the events only it needed',
    limit: 2,
    ops: [['push', 'a'], ['record', 1], ['push', 'b'], ['record', 2], ['push', 'c'], ['record', 3], ['pop'], ['pop'], ['pop']],
    expected: [
      EMPTY,
      { size: 1, peek: 'a', kept: 0 },
      { size: 1, peek: 'a', kept: 1 },
      { size: 2, peek: 'b', kept: 1 },
      { size: 2, peek: 'b', kept: 2 },
      { size: 2, peek: 'c', kept: 1 },
      { size: 2, peek: 'c', kept: 2 },
      { size: 1, peek: 'b', kept: 2, popped: { value: 'c', since: [3] } },
      { ...EMPTY, popped: { value: 'b', since: [2, 3] } },
      { ...EMPTY, popped: undefined },
    ],
  },
  {
    name: 'after dropping events, later pushes still hand back exactly their own events',
    limit: 1,
    ops: [['push', 'a'], ['record', 1], ['push', 'b'], ['record', 2], ['record', 3], ['push', 'c'], ['record', 4], ['pop']],
    expected: [
      EMPTY,
      { size: 1, peek: 'a', kept: 0 },
      { size: 1, peek: 'a', kept: 1 },
      { size: 1, peek: 'b', kept: 0 },
      { size: 1, peek: 'b', kept: 1 },
      { size: 1, peek: 'b', kept: 2 },
      { size: 1, peek: 'c', kept: 0 },
      { size: 1, peek: 'c', kept: 1 },
      { ...EMPTY, popped: { value: 'c', since: [4] } },
    ],
  },
  {
    name: 'clear forgets the values and the events; the next value starts a new log',
    limit: 3,
    ops: [['push', 'a'], ['record', 1], ['push', 'b'], ['record', 2], ['clear'], ['record', 3], ['push', 'c'], ['record', 4], ['pop']],
    expected: [
      EMPTY,
      { size: 1, peek: 'a', kept: 0 },
      { size: 1, peek: 'a', kept: 1 },
      { size: 2, peek: 'b', kept: 1 },
      { size: 2, peek: 'b', kept: 2 },
      EMPTY,
      EMPTY,
      { size: 1, peek: 'c', kept: 0 },
      { size: 1, peek: 'c', kept: 1 },
      { ...EMPTY, popped: { value: 'c', since: [4] } },
    ],
  },
];

describe('extension model: UndoStack table', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      assert.deepStrictEqual(run(row.limit, row.ops), row.expected);
    });
  }

  it('keeps the last 100 values by default', () => {
    const stack = new UndoStack<number>();
    for (let n = 1; n <= 101; n++) stack.push(n);
    const popped: number[] = [];
    for (let top = stack.pop(); top; top = stack.pop()) popped.push(top.value);
    assert.deepStrictEqual(popped, Array.from({ length: 100 }, (_, i) => 101 - i));
  });
});
