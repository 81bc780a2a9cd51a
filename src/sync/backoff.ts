/**
 * @module When to try again after a failed sync: exponential backoff with full jitter, so a hundred tablets
 * that regain signal together do not knock on the server in step.
 */
export const BACKOFF = { firstMs: 5_000, maxMs: 10 * 60_000 };

/** Delay before attempt `failures` + 1, with `random` in [0, 1). At least the server's Retry-After. */
export function retryDelay(failures: number, random: number, retryAfterMs = 0): number {
  const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** Math.max(0, failures - 1));
  return Math.max(retryAfterMs, Math.round(ceiling / 2 + (ceiling / 2) * random));
}
