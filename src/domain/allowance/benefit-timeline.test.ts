import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { benefitTimeline, proposedChanges } from './benefit-timeline';
import { type BenefitDecision, BenefitTimelineInputSchema } from './benefit-timeline-schema';

const grant = (id: string, effectiveMonth: string, extra: Partial<BenefitDecision> = {}): BenefitDecision => ({
  id,
  kind: 'grant',
  signedOn: `${effectiveMonth}-10`,
  effectiveMonth,
  categoryCode: 'disability-severe',
  ...extra,
});
const decision = (
  id: string,
  kind: BenefitDecision['kind'],
  effectiveMonth: string,
  extra: Partial<BenefitDecision> = {},
): BenefitDecision => ({ id, kind, signedOn: `${effectiveMonth}-05`, effectiveMonth, ...extra });
const own = (t: ReturnType<typeof benefitTimeline>) => t.months.filter((m) => m.line === 'allowance');
const at = (t: ReturnType<typeof benefitTimeline>, month: string) => own(t).find((m) => m.month === month);

describe('benefit timeline: amounts month by month (NĐ 20/2021 Art. 4, 6, 8)', () => {
  it('Art. 4(2) NĐ 20/2021 as amended by NĐ 76/2024: M is the level in force on the 1st of each month (360.000 → 500.000 from 07/2024)', () => {
    const t = benefitTimeline({ decisions: [grant('QD1', '2024-05')], from: '2024-04', to: '2024-08' });
    expect(own(t).map((m) => [m.month, m.status, m.amount])).toEqual([
      ['2024-04', 'none', 0],
      ['2024-05', 'due', 540_000],
      ['2024-06', 'due', 540_000],
      ['2024-07', 'due', 750_000],
      ['2024-08', 'due', 750_000],
    ]);
    expect(at(t, '2024-06')?.ruleIds).toEqual(expect.arrayContaining(['M-2021', 'TGXH-5.6-N']));
    expect(at(t, '2024-07')?.ruleIds).toContain('M-2024');
    expect(at(t, '2024-07')?.coefficient).toBe(1.5);
    expect(t.totals.monthly).toBe(2 * 540_000 + 2 * 750_000);
  });

  it('Art. 4 NĐ 335/2026 [U]: from 07/2026 M = 540.000 is provisional, and so is every line it prices', () => {
    const t = benefitTimeline({ decisions: [grant('QD1', '2026-05')], from: '2026-06', to: '2026-07' });
    expect(own(t).map((m) => [m.amount, m.provisional])).toEqual([
      [750_000, false],
      [810_000, true],
    ]);
    expect(at(t, '2026-07')?.ruleIds).toContain('M-2026');
    expect(t.provisional).toBe(true);
  });

  it('Art. 8(1)(đ) NĐ 20/2021, NĐ 147/2025: a grant signed on 31/7/2025 pays the whole of July (the month signed)', () => {
    const t = benefitTimeline({
      decisions: [grant('QD1', '2025-07', { signedOn: '2025-07-31' })],
      from: '2025-06',
      to: '2025-08',
    });
    expect(own(t).map((m) => m.amount)).toEqual([0, 750_000, 750_000]);
    expect(at(t, '2025-07')?.basis.vi).toContain('31/07/2025');
    expect(t.notes).toEqual([]);
  });

  it('NĐ 147/2025: from 1/7/2025 a grant whose effective month is not the month signed is noted', () => {
    const t = benefitTimeline({
      decisions: [grant('QD1', '2025-09', { signedOn: '2025-07-31' })],
      from: '2025-07',
      to: '2025-09',
    });
    expect(own(t).map((m) => m.amount)).toEqual([0, 0, 750_000]);
    expect(t.notes.map((n) => n.en).join(' ')).toContain('QD1');
  });

  it('Art. 6 NĐ 20/2021: a decided amount is paid as decided, and the basis says so', () => {
    const t = benefitTimeline({
      decisions: [grant('QD1', '2025-01', { amount: 800_000 })],
      from: '2025-01',
      to: '2025-01',
    });
    expect(at(t, '2025-01')?.amount).toBe(800_000);
    expect(at(t, '2025-01')?.basis.en).toContain('amount fixed by decision QD1');
  });
});

describe('benefit timeline: changes (NĐ 20/2021 Art. 8, TT 02/2021 Art. 2 and 6)', () => {
  const elderly = { dateOfBirth: '1945-09-15', householdPoverty: 'poor', supporter: 'none' } as const;

  it('Art. 5(5)(a) + 8(1)(đ) NĐ 20/2021: turning 80 in 09/2025 — an adjust effective that month pays 2.0 × M from it', () => {
    const t = benefitTimeline({
      decisions: [
        grant('QD1', '2025-01', { categoryCode: 'elderly-poor-no-supporter-60-to-80' }),
        decision('QD2', 'adjust', '2025-09', { categoryCode: 'elderly-poor-no-supporter-80-plus' }),
      ],
      from: '2025-08',
      to: '2025-10',
    });
    expect(own(t).map((m) => [m.amount, m.categoryCode])).toEqual([
      [750_000, 'elderly-poor-no-supporter-60-to-80'],
      [1_000_000, 'elderly-poor-no-supporter-80-plus'],
      [1_000_000, 'elderly-poor-no-supporter-80-plus'],
    ]);
    expect(at(t, '2025-09')?.basis.vi).toContain('QD2');
  });

  it('Art. 8(1)(đ) NĐ 20/2021: proposedChanges proposes the adjust in the month of the 80th birthday', () => {
    const p = proposedChanges(elderly, '2025-01', 24);
    expect(p[0]).toMatchObject({
      kind: 'adjust',
      effectiveMonth: '2025-09',
      categoryCode: 'elderly-poor-no-supporter-80-plus',
      coefficient: 2,
    });
  });

  it('Art. 8(2) NĐ 20/2021, TT 02/2021 Art. 2(1): proposedChanges proposes a stop from the month after death', () => {
    const p = proposedChanges({ ...elderly, deceasedOn: '2025-04-20' }, '2025-01', 24);
    expect(p.map((x) => [x.kind, x.effectiveMonth])).toEqual([['stop', '2025-05']]);
  });

  it('Art. 8(2) + 11 NĐ 20/2021: death on 10/03/2025 — March is due, stopped from April, burial support 20 × M', () => {
    const t = benefitTimeline({
      decisions: [grant('QD1', '2025-01')],
      events: [{ kind: 'death', on: '2025-03-10' }],
      from: '2025-02',
      to: '2025-05',
    });
    expect(own(t).map((m) => [m.status, m.amount])).toEqual([
      ['due', 750_000],
      ['due', 750_000],
      ['stopped', 0],
      ['stopped', 0],
    ]);
    expect(t.oneOffs).toEqual([
      expect.objectContaining({ kind: 'burial', month: '2025-03', amount: 10_000_000, ruleId: 'KC-11' }),
    ]);
    expect(t.totals.oneOffs).toBe(10_000_000);
  });

  it('Art. 11 NĐ 20/2021: no burial support for a person who was not a beneficiary when they died', () => {
    const t = benefitTimeline({
      decisions: [grant('QD1', '2025-06')],
      events: [{ kind: 'death', on: '2025-03-10' }],
      from: '2025-01',
      to: '2025-07',
    });
    expect(t.oneOffs).toEqual([]);
    expect(own(t).every((m) => m.amount === 0)).toBe(true);
  });

  it('TT 02/2021 Art. 2(3) + 6(1)(b): suspension pays nothing; resumption with arrears pays the suspended months', () => {
    const input = (withArrears: boolean) => ({
      decisions: [
        grant('QD1', '2025-01'),
        decision('QD2', 'suspend', '2025-03'),
        decision('QD3', 'resume', '2025-06', { withArrears }),
      ],
      paidMonths: ['2025-01', '2025-02'],
      asOfMonth: '2025-06',
      from: '2025-01',
      to: '2025-06',
    });
    const with_ = benefitTimeline(input(true));
    expect(own(with_).map((m) => [m.status, m.amount])).toEqual([
      ['due', 750_000],
      ['due', 750_000],
      ['suspended', 750_000],
      ['suspended', 750_000],
      ['suspended', 750_000],
      ['due', 750_000],
    ]);
    expect(with_.arrears.map((a) => [a.month, a.amount])).toEqual([
      ['2025-03', 750_000],
      ['2025-04', 750_000],
      ['2025-05', 750_000],
    ]);
    expect(with_.arrears[0]?.basis.en).toContain('QD3');
    const without = benefitTimeline(input(false));
    expect(own(without).map((m) => m.amount)).toEqual([750_000, 750_000, 0, 0, 0, 750_000]);
    expect(without.arrears).toEqual([]);
  });

  it('RULES.md correction 5: a month paid at a lower amount leaves the difference as arrears', () => {
    const t = benefitTimeline({
      decisions: [grant('QD1', '2024-06')],
      paidMonths: ['2024-06', { month: '2024-07', amount: 540_000 }],
      asOfMonth: '2024-08',
      from: '2024-06',
      to: '2024-08',
    });
    expect(t.arrears.map((a) => [a.month, a.amount])).toEqual([['2024-07', 210_000]]);
  });

  it('Art. 8(3)–(4) NĐ 20/2021, NĐ 147/2025 [U]: moving communes — the new commune pays from the month after the old one stopped, provisional', () => {
    const t = benefitTimeline({
      decisions: [
        grant('QD1', '2025-01', { commune: 'A' }),
        decision('QD2', 'move-out', '2025-05', { commune: 'A' }),
        decision('QD3', 'move-in', '2025-05', { commune: 'B' }),
      ],
      from: '2025-04',
      to: '2025-06',
    });
    expect(own(t).map((m) => [m.month, m.status, m.amount, m.commune, m.provisional])).toEqual([
      ['2025-04', 'due', 750_000, 'A', false],
      ['2025-05', 'due', 750_000, 'B', true],
      ['2025-06', 'due', 750_000, 'B', true],
    ]);
    expect(t.provisional).toBe(true);
  });

  it('Art. 8(4) NĐ 20/2021 [U]: until the new commune decides, the months after the move are stopped and the gap is noted', () => {
    const t = benefitTimeline({
      decisions: [
        grant('QD1', '2025-01', { commune: 'A' }),
        decision('QD2', 'move-out', '2025-05', { commune: 'A' }),
        decision('QD3', 'move-in', '2025-07', { commune: 'B' }),
      ],
      from: '2025-04',
      to: '2025-07',
    });
    expect(own(t).map((m) => [m.status, m.amount])).toEqual([
      ['due', 750_000],
      ['stopped', 0],
      ['stopped', 0],
      ['due', 750_000],
    ]);
    expect(t.notes.map((n) => n.en).join(' ')).toContain('QD3');
  });
});

describe('benefit timeline: one payment (NĐ 20/2021 Art. 6(2), NĐ 176/2025) and care support (Art. 20)', () => {
  it('Art. 6(2) NĐ 20/2021: two active grants of different categories pay only the higher, and say so', () => {
    const t = benefitTimeline({
      decisions: [
        grant('QD1', '2025-01', { categoryCode: 'elderly-poor-no-supporter-60-to-80' }),
        grant('QD2', '2025-02', { categoryCode: 'disability-severe-child-or-elderly' }),
      ],
      from: '2025-01',
      to: '2025-02',
    });
    expect(own(t).map((m) => [m.amount, m.categoryCode])).toEqual([
      [750_000, 'elderly-poor-no-supporter-60-to-80'],
      [1_000_000, 'disability-severe-child-or-elderly'],
    ]);
    expect(at(t, '2025-02')?.setAside).toEqual([
      { categoryCode: 'elderly-poor-no-supporter-60-to-80', decisionId: 'QD1', amount: 750_000 },
    ]);
    expect(at(t, '2025-02')?.basis.en).toContain('Art. 6(2)');
  });

  it('Art. 6(2) NĐ 20/2021: a poor single parent who is also disabled is paid both', () => {
    const t = benefitTimeline({
      decisions: [
        grant('QD1', '2025-01', { categoryCode: 'single-parent-per-child', coefficient: 2 }),
        grant('QD2', '2025-01', { categoryCode: 'disability-severe' }),
      ],
      from: '2025-01',
      to: '2025-01',
    });
    expect(at(t, '2025-01')?.amount).toBe(1_000_000 + 750_000);
    expect(at(t, '2025-01')?.setAside).toEqual([]);
  });

  it('NĐ 176/2025: the social pension and the monthly allowance are one payment, the higher', () => {
    const t = benefitTimeline({
      decisions: [
        grant('QD1', '2025-06', { categoryCode: 'elderly-80-plus-no-pension', amount: 360_000 }),
        grant('QD2', '2025-07', { categoryCode: 'social-pension' }),
      ],
      from: '2025-06',
      to: '2025-07',
    });
    expect(own(t).map((m) => [m.amount, m.categoryCode])).toEqual([
      [360_000, 'elderly-80-plus-no-pension'],
      [500_000, 'social-pension'],
    ]);
    expect(at(t, '2025-07')?.ruleIds).toContain('SP-2025');
    expect(at(t, '2025-07')?.basis.en).toContain('176/2025');
  });

  it('Art. 20 NĐ 20/2021: a care support decision is its own line beside the person’s allowance', () => {
    const t = benefitTimeline({
      decisions: [
        grant('QD1', '2025-01', { categoryCode: 'disability-especially-severe-child-or-elderly' }),
        decision('QD2', 'grant', '2025-01', { careCode: 'household-caring-especially-severe-pwd' }),
      ],
      from: '2025-01',
      to: '2025-02',
    });
    const care = t.months.filter((m) => m.line === 'care');
    expect(care.map((m) => [m.month, m.amount, m.careCode])).toEqual([
      ['2025-01', 500_000, 'household-caring-especially-severe-pwd'],
      ['2025-02', 500_000, 'household-caring-especially-severe-pwd'],
    ]);
    expect(own(t).map((m) => m.amount)).toEqual([1_250_000, 1_250_000]);
    expect(t.totals).toMatchObject({ allowance: 2_500_000, care: 1_000_000, monthly: 3_500_000 });
  });

  it('TT 02/2021 Art. 6(1)(b): an amount paid for a month covers the allowance first, then the care lines', () => {
    const t = benefitTimeline({
      decisions: [
        grant('QD1', '2025-01', { categoryCode: 'disability-especially-severe-child-or-elderly' }),
        decision('QD2', 'grant', '2025-01', { careCode: 'household-caring-especially-severe-pwd' }),
      ],
      paidMonths: [{ month: '2025-01', amount: 1_250_000 }],
      asOfMonth: '2025-02',
      from: '2025-01',
      to: '2025-01',
    });
    expect(t.arrears.map((a) => [a.line, a.due, a.paid, a.amount])).toEqual([['care', 500_000, 0, 500_000]]);
  });

  it('TT 02/2021 Art. 2(3): three months not collected in a row propose a suspension from the next month', () => {
    const t = benefitTimeline({
      decisions: [grant('QD1', '2025-01')],
      events: ['2025-02', '2025-03', '2025-04'].map((m) => ({
        kind: 'not-collected' as const,
        on: `${m}-28`,
        month: m,
      })),
      from: '2025-01',
      to: '2025-05',
    });
    expect(t.proposals).toEqual([expect.objectContaining({ kind: 'suspend', effectiveMonth: '2025-05' })]);
  });
});

describe('benefit timeline input (valibot)', () => {
  it('refuses a range that ends before it starts, and an unknown category', () => {
    const bad = v.safeParse(BenefitTimelineInputSchema, { decisions: [], from: '2025-05', to: '2025-01' });
    expect(bad.success).toBe(false);
    const code = v.safeParse(BenefitTimelineInputSchema, {
      decisions: [{ ...grant('QD1', '2025-01'), categoryCode: 'rich' }],
      from: '2025-01',
      to: '2025-02',
    });
    expect(code.success).toBe(false);
    expect(
      v.safeParse(BenefitTimelineInputSchema, { decisions: [grant('QD1', '2025-01')], from: '2025-01', to: '2025-02' })
        .success,
    ).toBe(true);
  });
});
