/**
 * @module A counting semaphore with a short, bounded queue. Work beyond the queue is refused at once (BusyError)
 * instead of piling up: a flood then costs the server nothing but the refusal.
 */
export class BusyError extends Error {
  override readonly name = 'BusyError';
}

export interface Semaphore {
  /** Runs `work` when a slot is free; rejects with BusyError when `queue` callers are already waiting. */
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function semaphore(limits: { concurrency: number; queue: number }): Semaphore {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next)
      next(); // the slot passes straight to the next caller: `active` stays the same
    else active -= 1;
  };
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (active >= limits.concurrency) {
        if (waiting.length >= limits.queue) throw new BusyError('too many waiting');
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        active += 1;
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
