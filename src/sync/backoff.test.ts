import { describe, expect, it } from 'vitest';
import { BACKOFF, retryDelay } from './backoff';

describe('retry backoff', () => {
  it('doubles per failure between half and all of the ceiling, and stops growing at the maximum', () => {
    expect(retryDelay(1, 0)).toBe(BACKOFF.firstMs / 2);
    expect(retryDelay(1, 0.999)).toBeLessThanOrEqual(BACKOFF.firstMs);
    expect(retryDelay(3, 0)).toBe(BACKOFF.firstMs * 2);
    expect(retryDelay(30, 0.5)).toBeLessThanOrEqual(BACKOFF.maxMs);
    expect(retryDelay(30, 0)).toBe(BACKOFF.maxMs / 2);
  });

  it('spreads devices that failed together', () => {
    const delays = new Set([0.1, 0.3, 0.5, 0.7, 0.9].map((r) => retryDelay(4, r)));
    expect(delays.size).toBe(5);
  });

  it('never retries sooner than the server asked', () => {
    expect(retryDelay(1, 0, 60_000)).toBe(60_000);
  });
});
