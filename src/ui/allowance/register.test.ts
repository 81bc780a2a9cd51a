import { describe, expect, it } from 'vitest';
import { allowanceApplication, LY_SON } from '../../../tests/support/fixtures';
import { ALLOWANCE_CATEGORIES } from '../../domain/packs/national/allowance-categories';
import type { AllowanceCase } from '../../db/cases';
import type { ChangeCase } from '../../db/change-cases';
import type { AllowanceChange, ChangeDecision } from '../../shared/records/allowance-change';
import type { CaseStatus } from '../../shared/workflow';
import { deskTexts } from './desk-texts';
import type { ListWords } from './lists';
import { beneficiaryRegister } from './register';
import { currentApplication, dueChanges, kindsThatApply, suggestedMonth } from './change-lists';

const vi = deskTexts.vi;
const words: ListWords = {
  lang: 'vi',
  neutralCategory: vi.allowanceNeutralCategory,
  neutralForm: vi.allowanceNeutralForm,
};
const hivText = /hiv|aids/i;
const titleOf = (code: string) => ALLOWANCE_CATEGORIES.find((c) => c.code === code)?.title.vi;

const decision = {
  number: '12/QĐ-UBND',
  signedOn: '2026-03-10',
  signer: 'Nguyễn Văn Chủ',
  categoryCode: 'elderly-poor-no-supporter-60-to-80',
  coefficient: 1.5,
  amount: 750_000,
  startMonth: '2026-03',
};

function grant(id: string, overrides: Partial<AllowanceCase> = {}): AllowanceCase {
  return {
    id,
    communeCode: LY_SON,
    subjectId: `member-${id}`,
    status: 'approved',
    // 79 when the grant starts, 80 on 15/08/2026.
    application: allowanceApplication({
      applicant: { ...allowanceApplication().applicant, fullName: `Người ${id}`, birthDate: '1946-08-15' },
    }),
    sensitive: undefined,
    idCheck: undefined,
    posting: undefined,
    decision,
    refusal: undefined,
    history: [],
    version: 1,
    ...overrides,
  };
}

let n = 0;
function change(
  of: string,
  status: CaseStatus,
  c: Partial<AllowanceChange> & Pick<AllowanceChange, 'change' | 'reason' | 'effectiveMonth'>,
  d?: Partial<ChangeDecision>,
): ChangeCase {
  n += 1;
  return {
    id: `change-${n}`,
    communeCode: LY_SON,
    subjectId: `member-${of}`,
    status,
    change: { grantCaseId: of, proposedOn: '2026-04-01', ...c },
    note: '',
    decision:
      status === 'approved'
        ? {
            number: `${20 + n}/QĐ-UBND`,
            signedOn: `2026-04-${String(n).padStart(2, '0')}`,
            signer: 'Nguyễn Văn Chủ',
            effectiveMonth: c.effectiveMonth,
            ...d,
          }
        : undefined,
    refusal: undefined,
    history: [],
    version: 1,
  };
}

describe('the beneficiary register after changes (issue 12, NĐ 20/2021 Art. 8–9, TT 02/2021 Art. 2)', () => {
  it('holds the approved grants where they stand this month, a count and the monthly total of those paid', () => {
    const elderly = grant('a', {
      decision: { ...decision, categoryCode: 'elderly-80-plus-no-pension', coefficient: 1, startMonth: '2026-04' },
      application: allowanceApplication({
        applicant: { ...allowanceApplication().applicant, fullName: 'Nguyễn Thị Hoa' },
      }),
    });
    const kin = grant('kin', {
      application: allowanceApplication({
        form: '1b',
        applicant: { ...allowanceApplication().applicant, fullName: 'Trần Văn Kín', birthDate: '1985-01-01' },
        papers: ['residence', 'citizen-id', 'hiv-certificate'],
        facts: { income: { stableMonthlyIncome: false } },
      }),
      sensitive: { hiv: true },
      decision: { ...decision, categoryCode: 'hiv-adult-poor', startMonth: '2026-04' },
    });
    const register = beneficiaryRegister([elderly, kin, grant('c', { status: 'posted' })], [], '2026-04', words);
    expect(register.count).toBe(2);
    expect(register.total).toBe(1_250_000);
    expect(register.rows.map((r) => [r.fullName, r.category, r.state, r.coefficient, r.amount])).toEqual([
      ['Nguyễn Thị Hoa', titleOf('elderly-80-plus-no-pension'), 'active', 1, 500_000],
      ['Trần Văn Kín', vi.allowanceNeutralCategory, 'active', 1.5, 750_000],
    ]);
    expect(register.rows[1]?.decision).toMatchObject({ number: '12/QĐ-UBND', startMonth: '2026-04' });
    expect(JSON.stringify(register.rows[1])).not.toMatch(hivText);
  });

  it('follows a new M without a decision: 1,5 × 540.000 from 07/2026', () => {
    const [row] = beneficiaryRegister([grant('a')], [], '2026-07', words).rows;
    expect([row?.coefficient, row?.amount]).toEqual([1.5, 810_000]);
  });

  it('Art. 8(1)(đ): turning 80 on 15/08/2026 is due from 08/2026 until a change covers it, then paid at 2 × M', () => {
    const g = grant('a');
    const due = beneficiaryRegister([g], [], '2026-05', words).rows[0]?.due;
    expect(due).toEqual([
      {
        kind: 'adjust',
        effectiveMonth: '2026-08',
        category: titleOf('elderly-poor-no-supporter-80-plus'),
        coefficient: 2,
      },
    ]);
    // Already due, not yet decided: still shown in September.
    expect(beneficiaryRegister([g], [], '2026-09', words).rows[0]?.due.map((d) => d.effectiveMonth)).toEqual([
      '2026-08',
    ]);
    const proposed = change('a', 'submitted', { change: 'adjust', reason: 'turned-age', effectiveMonth: '2026-08' });
    expect(beneficiaryRegister([g], [proposed], '2026-05', words).rows[0]?.due).toEqual([]);
    const decided = change(
      'a',
      'approved',
      { change: 'adjust', reason: 'turned-age', effectiveMonth: '2026-08' },
      { categoryCode: 'elderly-poor-no-supporter-80-plus', coefficient: 2, amount: 1_080_000 },
    );
    const after = beneficiaryRegister([g], [decided], '2026-08', words);
    expect(after.rows[0]).toMatchObject({
      state: 'active',
      coefficient: 2,
      amount: 1_080_000,
      category: titleOf('elderly-poor-no-supporter-80-plus'),
      lastChange: { kind: 'adjust', number: decided.decision?.number, effectiveMonth: '2026-08' },
      due: [],
    });
    expect(after.total).toBe(1_080_000);
  });

  it('Art. 8(2), Art. 11: a death on 20/05/2026 stops from 06/2026, with 20 × M burial support, not counted as paid', () => {
    const g = grant('a');
    const death = change(
      'a',
      'approved',
      { change: 'stop', reason: 'death', eventOn: '2026-05-20', effectiveMonth: '2026-06' },
      {},
    );
    const register = beneficiaryRegister([g, grant('b')], [death], '2026-06', words);
    const row = register.rows.find((r) => r.id === 'a');
    expect(row).toMatchObject({ state: 'stopped', since: '2026-06', amount: 0, burial: { amount: 10_000_000 } });
    expect(row?.due).toEqual([]);
    expect([register.count, register.total]).toEqual([1, 750_000]);
    // Another grant's change is none of this one's.
    expect(register.rows.find((r) => r.id === 'b')).toMatchObject({ state: 'active', burial: undefined });
  });

  it('TT 02/2021 Art. 2(3): suspended from 05/2026, then resumed with arrears; moved out from 07/2026', () => {
    const g = grant('a');
    const suspend = change('a', 'approved', { change: 'suspend', reason: 'not-collected', effectiveMonth: '2026-05' });
    const suspended = beneficiaryRegister([g], [suspend], '2026-06', words);
    expect(suspended.rows[0]).toMatchObject({ state: 'suspended', since: '2026-05', amount: 0 });
    expect(suspended.count).toBe(0);
    const resume = change('a', 'approved', {
      change: 'resume',
      reason: 'collected-again',
      withArrears: true,
      effectiveMonth: '2026-08',
    });
    expect(beneficiaryRegister([g], [suspend, resume], '2026-08', words).rows[0]).toMatchObject({
      state: 'active',
      lastChange: { kind: 'resume' },
    });
    const move = change('a', 'approved', {
      change: 'move-out',
      reason: 'moved',
      toCommune: '21604',
      effectiveMonth: '2026-07',
    });
    expect(beneficiaryRegister([g], [move], '2026-07', words).rows[0]).toMatchObject({
      state: 'moved-out',
      since: '2026-07',
    });
  });

  it('names no HIV category in what the engine finds due', () => {
    const child = grant('kin', {
      application: allowanceApplication({
        form: '1b',
        applicant: { ...allowanceApplication().applicant, fullName: 'Trẻ', birthDate: '2022-09-10' },
        papers: ['residence', 'birth-certificate', 'hiv-certificate'],
        facts: { income: { stableMonthlyIncome: false } },
      }),
      sensitive: { hiv: true },
      decision: { ...decision, categoryCode: 'hiv-child-under-4', coefficient: 2.5, startMonth: '2026-03' },
    });
    const [row] = beneficiaryRegister([child], [], '2026-04', words).rows;
    // Four on 10/09/2026: the next band from the month after (the engine's rule), said neutrally.
    expect(row?.due.map((d) => [d.effectiveMonth, d.category])).toEqual([['2026-10', vi.allowanceNeutralCategory]]);
    expect(JSON.stringify(row)).not.toMatch(hivText);
  });
});

describe('proposing a change (issue 12)', () => {
  it('offers only the kinds that fit where the grant stands', () => {
    expect(kindsThatApply('active')).toEqual(['adjust', 'stop', 'suspend', 'move-out']);
    expect(kindsThatApply('suspended')).toEqual(['stop', 'resume', 'move-out']);
    expect(kindsThatApply('stopped')).toEqual([]);
  });

  it('prefills the month: after a death, the engine’s month for an adjustment, next month otherwise', () => {
    const due = dueChanges(grant('a'), [], '2026-05');
    expect(suggestedMonth({ change: 'stop', reason: 'death', eventOn: '2026-05-20' }, due, '2026-05')).toBe('2026-06');
    expect(suggestedMonth({ change: 'adjust', reason: 'turned-age' }, due, '2026-05')).toBe('2026-08');
    expect(suggestedMonth({ change: 'suspend', reason: 'not-collected' }, due, '2026-05')).toBe('2026-06');
    expect(suggestedMonth({ change: 'resume', reason: 'collected-again' }, due, '2026-05')).toBe('2026-05');
    expect(suggestedMonth({ change: 'move-out', reason: 'moved', eventOn: '2026-06-10' }, due, '2026-05')).toBe(
      '2026-07',
    );
  });

  it('reads the application after a decided new disability level', () => {
    const disabled = grant('d', {
      application: allowanceApplication({ form: '1đ', disability: { level: 'severe' } }),
    });
    const higher = change(
      'd',
      'approved',
      { change: 'adjust', reason: 'disability-level', disabilityLevel: 'especially-severe', effectiveMonth: '2026-05' },
      {},
    );
    expect(currentApplication(disabled, [higher]).disability?.level).toBe('especially-severe');
    expect(currentApplication(disabled, []).disability?.level).toBe('severe');
  });
});
