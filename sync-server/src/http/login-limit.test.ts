import { describe, expect, it } from 'vitest';
import { loginLimiter, type LoginLimits } from './login-limit';

const limits: LoginLimits = {
  account: { free: 5, baseMs: 2_000, maxMs: 15 * 60_000 },
  address: { free: 30, baseMs: 1_000, maxMs: 15 * 60_000 },
  forgetAfterMs: 24 * 3600_000,
  maxKeys: 100,
};

describe('sign-in limits', () => {
  it('#9.7 a flood of refused sign-ins under new names does not set a guessed account free', () => {
    const now = 1_000_000;
    const limiter = loginLimiter(limits, () => now);
    for (let i = 0; i < 6; i++) expect(limiter.begin('admin', 'a').ok).toBe(true);
    expect(limiter.begin('admin', 'b').ok).toBe(false);
    // The guesser's own address is waiting too (30 free): every further name is refused, none is kept.
    for (let i = 0; i <= limits.address.free; i++) limiter.begin(`x${i}`, 'c');
    for (let i = 0; i < 5 * limits.maxKeys; i++) expect(limiter.begin(`name-${i}`, 'c').ok).toBe(false);
    expect(limiter.begin('admin', 'd')).toMatchObject({ ok: false });
  });

  it('#9.7 when every kept key waits, a new one is refused for now instead of pushing a waiting one out', () => {
    const now = 1_000_000;
    const limiter = loginLimiter({ ...limits, account: { ...limits.account, free: 0 } }, () => now);
    for (let i = 0; i < limits.maxKeys; i++) expect(limiter.begin(`user-${i}`, `addr-${i}`).ok).toBe(true);
    expect(limiter.begin('user-new', 'addr-new').ok).toBe(false);
    expect(limiter.begin('user-0', 'addr-other')).toMatchObject({ ok: false });
  });
});
