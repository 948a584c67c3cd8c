import assert from 'node:assert/strict';
import { forEachSideBySide } from '../../src/extension/model/sideBySide';

/** A task per item that waits until released; records starts, ends and the most running at once. */
function gatedTasks() {
  const log: string[] = [];
  const gates = new Map<string, () => void>();
  let running = 0;
  let most = 0;
  const task = async (item: string): Promise<void> => {
    log.push(`start ${item}`);
    running++;
    most = Math.max(most, running);
    await new Promise<void>((resolve) => gates.set(item, resolve));
    running--;
    log.push(`end ${item}`);
    if (item.startsWith('bad')) throw new Error(`${item} failed`);
  };
  const release = async (item: string): Promise<void> => {
    gates.get(item)?.();
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  return { log, task, release, most: () => most };
}

describe('forEachSideBySide (Analyse Workspace lanes)', () => {
  it('runs at most `lanes` tasks at once, starting items in order as lanes free up', async () => {
    const g = gatedTasks();
    const done = forEachSideBySide(['a', 'b', 'c', 'd'], 2, g.task);
    await g.release('none');
    assert.deepStrictEqual(g.log, ['start a', 'start b']);
    await g.release('b');
    assert.deepStrictEqual(g.log, ['start a', 'start b', 'end b', 'start c']);
    await g.release('a');
    await g.release('c');
    await g.release('d');
    assert.equal(await done, 4);
    assert.deepStrictEqual(g.log, ['start a', 'start b', 'end b', 'start c', 'end a', 'start d', 'end c', 'end d']);
    assert.equal(g.most(), 2);
  });

  it('one lane runs the items one after another; more lanes than items start them all', async () => {
    const one = gatedTasks();
    const first = forEachSideBySide(['a', 'b'], 1, one.task);
    await one.release('a');
    await one.release('b');
    assert.equal(await first, 2);
    assert.deepStrictEqual([one.log, one.most()], [['start a', 'end a', 'start b', 'end b'], 1]);
    const many = gatedTasks();
    const second = forEachSideBySide(['a', 'b'], 8, many.task);
    await many.release('none');
    assert.deepStrictEqual(many.log, ['start a', 'start b']);
    await many.release('a');
    await many.release('b');
    assert.equal(await second, 2);
    assert.equal(await forEachSideBySide([], 4, many.task), 0);
  });

  it('a failing task is reported and the others go on; stopping starts nothing new', async () => {
    const g = gatedTasks();
    const errors: string[] = [];
    let stop = false;
    const done = forEachSideBySide(['bad1', 'b', 'c', 'd'], 2, g.task, () => stop, (err, item) => errors.push(`${item}: ${(err as Error).message}`));
    await g.release('bad1');
    assert.deepStrictEqual(g.log, ['start bad1', 'start b', 'end bad1', 'start c']);
    stop = true;
    await g.release('b');
    await g.release('c');
    assert.equal(await done, 3);
    assert.deepStrictEqual([g.log, errors], [['start bad1', 'start b', 'end bad1', 'start c', 'end b', 'end c'], ['bad1: bad1 failed']]);
  });
});
