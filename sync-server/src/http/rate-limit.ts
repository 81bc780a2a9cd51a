/**
 * @module A token bucket per user on the sync endpoint. A device downloading a whole commune makes a few dozen
 * requests in a row; a loop gone wrong makes thousands — the second is stopped, the first is not.
 */
export interface RateLimit {
  /** Requests allowed in a burst. */
  burst: number;
  /** Requests per second, refilled continuously. */
  perSecond: number;
}

export const DEFAULT_SYNC_RATE: RateLimit = { burst: 120, perSecond: 2 };

export function rateLimiter(limit: RateLimit, clock: () => number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Takes one token; answers how many seconds to wait when there is none. */
    take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
      const now = clock();
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at: now };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return { ok: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / limit.perSecond) };
      bucket.tokens -= 1;
      return { ok: true };
    },
  };
}
