// Issue 13, the payroll as a pure function, from worked figures: a small commune over four months (03–06/2026,
// M = 500.000 đ), then July at M = 540.000 đ (provisional). Each list is made from the decisions the commune had
// when it was made, and the next is made from it with the payer's returns.
import { describe, expect, it } from 'vitest';
import type { BenefitDecision } from '../allowance/benefit-timeline-schema';
import { payroll, type Payroll } from './payroll';
import type { EarlierList, PayrollBeneficiary } from './payroll-schema';

const grant = (id: string, effectiveMonth: string, over: Partial<BenefitDecision> = {}): BenefitDecision => ({
  id,
  kind: 'grant',
  signedOn: `${effectiveMonth}-05`,
  effectiveMonth,
  categoryCode: 'elderly-poor-no-supporter-80-plus',
  coefficient: 2,
  ...over,
});

const hoa: PayrollBeneficiary = {
  id: 'hoa',
  fullName: 'Nguyễn Thị Hoa',
  village: 'Thôn Đông',
  decisions: [grant('1/QĐ', '2026-03')],
};
const lan: PayrollBeneficiary = {
  id: 'lan',
  fullName: 'Trần Thị Lan',
  decisions: [
    grant('2/QĐ', '2026-03', { categoryCode: 'elderly-poor-no-supporter-60-to-80', coefficient: 1.5 }),
    // Turning 80 on 20/05/2026: the higher level from May (Art. 8(1)(đ)).
    {
      id: '20/QĐ',
      kind: 'adjust',
      signedOn: '2026-04-20',
      effectiveMonth: '2026-05',
      of: '2/QĐ',
      categoryCode: 'elderly-poor-no-supporter-80-plus',
      coefficient: 2,
    },
  ],
};
const cuc: PayrollBeneficiary = { id: 'cuc', fullName: 'Lê Thị Cúc', decisions: [grant('3/QĐ', '2026-03')] };
const cucDied: PayrollBeneficiary = {
  ...cuc,
  decisions: [
    ...cuc.decisions,
    { id: '21/QĐ', kind: 'stop', signedOn: '2026-04-15', effectiveMonth: '2026-05', of: '3/QĐ' },
  ],
  events: [{ kind: 'death', on: '2026-04-10' }],
};
const dung: PayrollBeneficiary = { id: 'dung', fullName: 'Phạm Văn Dũng', decisions: [grant('4/QĐ', '2026-03')] };
const dungMoved: PayrollBeneficiary = {
  ...dung,
  decisions: [
    ...dung.decisions,
    { id: '22/QĐ', kind: 'move-out', signedOn: '2026-05-20', effectiveMonth: '2026-06', of: '4/QĐ', commune: '21484' },
  ],
};
const gam: PayrollBeneficiary = { id: 'gam', fullName: 'Võ Thị Gấm', decisions: [grant('5/QĐ', '2026-03')] };
// Signed on 28/04, after the April list was made: April comes on the May list as arrears.
const binh: PayrollBeneficiary = {
  id: 'binh',
  fullName: 'Đỗ Văn Bình',
  decisions: [grant('6/QĐ', '2026-04', { signedOn: '2026-04-28' })],
};
// Moved in from another commune, paid here from May.
const em: PayrollBeneficiary = {
  id: 'em',
  fullName: 'Huỳnh Thị Em',
  decisions: [{ ...grant('7/QĐ', '2026-05'), kind: 'move-in', commune: '21548' }],
};

/** The list as the payer returned it: every line paid but those named. */
function returned(list: Payroll, unpaid: readonly string[] = []): EarlierList {
  return {
    month: list.month,
    lines: list.lines.map((l) => ({
      beneficiaryId: l.beneficiaryId,
      line: l.line,
      ...(l.careCode ? { careCode: l.careCode } : {}),
      covers: l.covers.map((c) => ({ ...c })),
      returned: unpaid.includes(l.beneficiaryId) ? ('unpaid' as const) : ('paid' as const),
    })),
  };
}

const totalOf = (list: Payroll, id: string) => list.lines.find((l) => l.beneficiaryId === id)?.total;
const listsSince = '2026-03';
const commune = '21548';

describe('the payroll of a small commune, 03–07/2026 (Decree 20/2021 Art. 34)', () => {
  const march = payroll({ commune, month: '2026-03', listsSince, beneficiaries: [hoa, lan, cuc, dung, gam] });
  const april = payroll({
    commune,
    month: '2026-04',
    listsSince,
    beneficiaries: [hoa, lan, cuc, dung, gam],
    earlierLists: [returned(march, ['gam'])],
  });
  const mayLists = [returned(march, ['gam']), returned(april, ['gam'])];
  const may = payroll({
    commune,
    month: '2026-05',
    listsSince,
    beneficiaries: [hoa, lan, cucDied, dung, gam, binh, em],
    earlierLists: mayLists,
  });
  const juneLists = [...mayLists, returned(may, ['gam'])];
  const june = payroll({
    commune,
    month: '2026-06',
    listsSince,
    beneficiaries: [hoa, lan, cucDied, dungMoved, gam, binh, em],
    earlierLists: juneLists,
  });

  it('03/2026, Art. 6 NĐ 20/2021: five people, 2,0 × 500.000 đ each and 1,5 × 500.000 đ for Lan — 4.750.000 đ', () => {
    expect(march.totals).toEqual({
      lines: 5,
      people: 5,
      thisMonth: 4_750_000,
      arrears: 0,
      carried: 0,
      oneOffs: 0,
      amount: 4_750_000,
    });
    expect(march.lines.find((l) => l.beneficiaryId === 'hoa')).toMatchObject({
      thisMonth: 1_000_000,
      coefficient: 2,
      decisionNumbers: ['1/QĐ'],
      village: 'Thôn Đông',
      covers: [{ month: '2026-03', amount: 1_000_000 }],
    });
    // The first list: every one of them is new.
    expect(march.changes.map((c) => `${c.group}:${c.reason}:${c.beneficiaryId}`).sort()).toEqual([
      'A:new:cuc',
      'A:new:dung',
      'A:new:gam',
      'A:new:hoa',
      'A:new:lan',
    ]);
  });

  it('04/2026, Art. 34(4): March returned unpaid for Gấm is carried onto April — 5.750.000 đ, no change', () => {
    expect(totalOf(april, 'gam')).toBe(2_000_000);
    expect(april.lines.find((l) => l.beneficiaryId === 'gam')?.carried).toEqual({
      months: ['2026-03'],
      amount: 1_000_000,
    });
    expect(april.totals).toMatchObject({ lines: 5, thisMonth: 4_750_000, carried: 1_000_000, amount: 5_750_000 });
    expect(april.changes).toEqual([]);
  });

  it('05/2026: turning 80, a decision signed after the April list, a death with burial support, a move in, two months unpaid', () => {
    // Lan at 80 (Art. 8(1)(đ)): 750.000 → 1.000.000 đ.
    expect(totalOf(may, 'lan')).toBe(1_000_000);
    // Bình: May and April as arrears (truy lĩnh).
    expect(may.lines.find((l) => l.beneficiaryId === 'binh')).toMatchObject({
      thisMonth: 1_000_000,
      arrears: { months: ['2026-04'], amount: 1_000_000 },
      total: 2_000_000,
    });
    // Cúc died on 10/04: nothing from May, burial support 20 × 500.000 đ (Art. 11).
    expect(may.lines.find((l) => l.beneficiaryId === 'cuc')).toMatchObject({
      thisMonth: 0,
      oneOffs: [{ kind: 'burial', month: '2026-04', amount: 10_000_000 }],
      total: 10_000_000,
    });
    expect(totalOf(may, 'em')).toBe(1_000_000);
    expect(totalOf(may, 'gam')).toBe(3_000_000);
    expect(may.totals).toEqual({
      lines: 7,
      people: 7,
      thisMonth: 6_000_000,
      arrears: 1_000_000,
      carried: 2_000_000,
      oneOffs: 10_000_000,
      amount: 19_000_000,
    });
    // A move is read as before 1/7/2025 [U]: the month is provisional.
    expect(may.provisional).toBe(true);
    expect(
      may.changes.map((c) => `${c.group}:${c.reason}:${c.beneficiaryId}:${c.oldAmount}→${c.newAmount}`).sort(),
    ).toEqual([
      'A:moved-in:em:0→1000000',
      'A:new:binh:0→1000000',
      'B:died:cuc:1000000→0',
      'C:level:lan:750000→1000000',
      'D:arrears:binh:0→1000000',
      'D:burial:cuc:0→10000000',
    ]);
    expect(may.proposals).toEqual([]);
  });

  it('06/2026, TT 02/2021 Art. 2(3): a move out, and three lists unpaid in a row propose suspending Gấm', () => {
    expect(june.lines.map((l) => l.beneficiaryId).sort()).toEqual(['binh', 'em', 'gam', 'hoa', 'lan']);
    expect(june.lines.find((l) => l.beneficiaryId === 'gam')?.carried).toEqual({
      months: ['2026-03', '2026-04', '2026-05'],
      amount: 3_000_000,
    });
    expect(june.totals).toMatchObject({
      lines: 5,
      people: 5,
      thisMonth: 5_000_000,
      carried: 3_000_000,
      oneOffs: 0,
      amount: 8_000_000,
    });
    expect(june.changes.map((c) => `${c.group}:${c.reason}:${c.beneficiaryId}`)).toEqual(['B:moved-out:dung']);
    expect(june.proposals).toEqual([
      {
        beneficiaryId: 'gam',
        kind: 'suspend',
        effectiveMonth: '2026-06',
        basis: {
          vi: 'không nhận trợ cấp 3 tháng liên tục (03/2026, 04/2026, 05/2026): đề nghị tạm dừng từ tháng 06/2026 (khoản 3 Điều 2 TT 02/2021)',
          en: 'not collected for 3 months in a row (03/2026, 04/2026, 05/2026): propose a suspension from 06/2026 (Circular 02/2021 Art. 2(3))',
        },
      },
    ]);
    // Nothing is paid twice: the burial support went on the May list, which was paid.
    expect(june.lines.find((l) => l.beneficiaryId === 'cuc')).toBeUndefined();
  });

  it('07/2026, M = 540.000 đ (provisional): every level follows M without a decision, 2,0 × 540.000 = 1.080.000 đ', () => {
    const july = payroll({
      commune,
      month: '2026-07',
      listsSince,
      beneficiaries: [hoa, lan, cucDied, dungMoved, binh, em],
      earlierLists: [...juneLists, returned(june)],
    });
    expect(totalOf(july, 'hoa')).toBe(1_080_000);
    expect(july.totals).toMatchObject({ lines: 4, thisMonth: 4_320_000, amount: 4_320_000 });
    expect(july.provisional).toBe(true);
    expect(
      july.changes.filter((c) => c.group === 'C').map((c) => `${c.beneficiaryId}:${c.oldAmount}→${c.newAmount}`),
    ).toEqual(['hoa:1000000→1080000', 'lan:1000000→1080000', 'binh:1000000→1080000', 'em:1000000→1080000']);
  });

  it('a list still being paid (no return yet) is neither owed nor listed again', () => {
    const pending = { ...returned(march), lines: returned(march).lines.map(({ returned: _r, ...l }) => l) };
    const april2 = payroll({ commune, month: '2026-04', listsSince, beneficiaries: [hoa], earlierLists: [pending] });
    expect(april2.lines.find((l) => l.beneficiaryId === 'hoa')?.total).toBe(1_000_000);
  });
});
