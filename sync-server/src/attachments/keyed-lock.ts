/** @module Runs tasks of the same key one after another (in this process), tasks of different keys side by side. */
export function keyedLock() {
  const tails = new Map<string, Promise<unknown>>();
  return async function serially<T>(key: string, task: () => Promise<T>): Promise<T> {
    const run = (tails.get(key) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      // Forget the key once nothing waits behind this task, so the map does not grow with every uploader.
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
