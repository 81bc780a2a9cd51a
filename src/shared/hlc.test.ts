import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc, tick, type Hlc } from './hlc';

describe('hybrid logical clock', () => {
  it('[G3] the device clock goes backwards: later stamps still sort after earlier ones', () => {
    const clock = [1_000_000, 1_000_500, 999_000, 999_000, 1_000_600, 5];
    let last: Hlc | undefined;
    const stamps = clock.map((now) => {
      last = tick(last, now, 'dev-a');
      return encodeHlc(last);
    });
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('round-trips through its string form', () => {
    const hlc = { ms: 1_764_300_000_000, counter: 12, node: 'abc-123' };
    expect(decodeHlc(encodeHlc(hlc))).toEqual(hlc);
    expect(decodeHlc('nonsense')).toBeUndefined();
  });
});
