// The app's own packs are resolved once per day and province (bench/register.ts); a registry given explicitly
// is resolved afresh, so a what-if or a test pack is never answered from the app's cache, nor left in it.
import { describe, expect, it } from 'vitest';
import { NATIONAL_PACK } from './national';
import { resolveRules } from './resolve';

describe('rule snapshots by day', () => {
  it("answers the app's packs from one snapshot per day, and an explicit registry from its own packs", () => {
    const first = resolveRules('2026-08-01');
    expect(resolveRules('2026-08-01')).toBe(first);
    expect(resolveRules('2026-08-02')).not.toBe(first);
    const higher = {
      ...NATIONAL_PACK,
      standardLevels: NATIONAL_PACK.standardLevels.map((m) => ({ ...m, amount: m.amount + 1 })),
    };
    const whatIf = resolveRules('2026-08-01', undefined, { national: higher });
    expect(whatIf).not.toBe(first);
    expect(whatIf.standardLevel?.amount).toBe((first.standardLevel?.amount ?? 0) + 1);
    // The app's snapshot is untouched by it.
    expect(resolveRules('2026-08-01').standardLevel?.amount).toBe(first.standardLevel?.amount);
  });
});
