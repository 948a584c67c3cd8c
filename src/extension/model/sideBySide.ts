/**
 * Runs an async task per item with at most `lanes` running at once (Analyse Workspace: one lane
 * per analysis worker thread). Items are started in order; a task that rejects does not stop the
 * others (its error goes to `onError`); once `stopped()` says so, no new item is started and the
 * running ones are waited for. Resolves to how many items were started.
 */
export async function forEachSideBySide<T>(
  items: readonly T[],
  lanes: number,
  task: (item: T, index: number) => Promise<void>,
  stopped: () => boolean = () => false,
  onError: (err: unknown, item: T) => void = () => undefined,
): Promise<number> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && !stopped()) {
      const index = next++;
      try {
        await task(items[index], index);
      } catch (err) {
        onError(err, items[index]);
      }
    }
  };
  const count = Math.max(1, Math.min(Math.floor(lanes), items.length));
  await Promise.all(Array.from({ length: count }, lane));
  return next;
}
