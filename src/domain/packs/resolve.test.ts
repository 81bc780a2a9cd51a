import { describe, expect, it } from 'vitest';
import { resolveRules } from './resolve';
import { NATIONAL_PACK } from './national';

describe('rule packs: dated standard level M and layering', () => {
  it.each([
    ['2021-07-01', 'M-2021', 360_000, 'verified'],
    ['2024-06-30', 'M-2021', 360_000, 'verified'],
    ['2024-07-01', 'M-2024', 500_000, 'verified'],
    ['2026-06-30', 'M-2024', 500_000, 'verified'],
    ['2026-07-01', 'M-2026', 540_000, 'provisional'],
  ])('Art. 4(2) NĐ 20/2021 (as amended by NĐ 76/2024): M on %s is %s', (date, id, amount, status) => {
    const m = resolveRules(date).standardLevel;
    expect(m?.id).toBe(id);
    expect(m?.amount).toBe(amount);
    expect(m?.status).toBe(status);
  });

  it('Art. 4(3) NĐ 20/2021: a province may set a higher local M (Hà Nội 650,000 from 1/1/2026)', () => {
    expect(resolveRules('2025-12-31', 'ha-noi').standardLevel?.amount).toBe(500_000);
    expect(resolveRules('2026-01-01', 'ha-noi').standardLevel?.amount).toBe(650_000);
    expect(resolveRules('2026-01-01', 'ha-noi').cite(resolveRules('2026-01-01', 'ha-noi').standardLevel!).pack).toBe(
      'ha-noi',
    );
    expect(resolveRules('2026-01-01', 'quang-ngai').standardLevel?.amount).toBe(500_000);
  });

  it('NĐ 147/2025: the monthly allowance is decided by the district chairman before 1/7/2025, the commune chairman after', () => {
    expect(resolveRules('2025-06-30').decider('monthly-allowance')?.role).toBe('district-chairman');
    expect(resolveRules('2025-07-01').decider('monthly-allowance')?.role).toBe('commune-chairman');
    expect(resolveRules('2027-03-01').decider('monthly-allowance')?.status).toBe('secondary');
    expect(resolveRules('2027-03-02').decider('monthly-allowance')?.status).toBe('provisional');
  });

  it('Art. 4(2) NĐ 20/2021: a snapshot refuses to cite a rule of another date (no mixing of packs)', () => {
    const snap = resolveRules('2026-08-01');
    const old = NATIONAL_PACK.standardLevels.find((r) => r.id === 'M-2024')!;
    expect(() => snap.cite(old)).toThrow(/not in force/);
  });

  it('NĐ 351/2025: the poverty standard is 2022–2025 through 31/12/2026 and 2026–2030 from 1/1/2027', () => {
    expect(resolveRules('2025-12-31').povertyStandard?.id).toBe('POV-2022');
    expect(resolveRules('2026-12-31').povertyStandard?.id).toBe('POV-2022-EXT-2026');
    expect(resolveRules('2027-01-01').povertyStandard?.id).toBe('POV-2027');
  });

  it('unknown province pack is an error', () => {
    expect(() => resolveRules('2026-01-01', 'atlantis')).toThrow(/unknown province/);
  });
});
