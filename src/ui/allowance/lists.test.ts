import { describe, expect, it } from 'vitest';
import { allowanceApplication, LY_SON } from '../../../tests/support/fixtures';
import { ALLOWANCE_CATEGORIES } from '../../domain/packs/national/allowance-categories';
import { proposeAllowance } from '../../shared/allowance-proposal';
import type { AllowanceCase } from '../../db/cases';
import type { CaseStatus } from '../../shared/workflow';
import { deskTexts } from './desk-texts';
import { dossierRows, postingList, publicCategory, type ListWords } from './lists';

const vi = deskTexts.vi;
const words: ListWords = {
  lang: 'vi',
  neutralCategory: vi.allowanceNeutralCategory,
  neutralForm: vi.allowanceNeutralForm,
};
const MONTH = '2026-04';

function aCase(id: string, status: CaseStatus, overrides: Partial<AllowanceCase> = {}): AllowanceCase {
  return {
    id,
    communeCode: LY_SON,
    subjectId: `member-${id}`,
    status,
    application: allowanceApplication(),
    sensitive: undefined,
    idCheck: undefined,
    posting: undefined,
    decision: undefined,
    refusal: undefined,
    history: [],
    version: 1,
    ...overrides,
  };
}

/** Form 1b: a poor adult with HIV and no stable income, as the officer's device holds it. */
const hivCase = (status: CaseStatus, overrides: Partial<AllowanceCase> = {}) =>
  aCase('kin', status, {
    application: allowanceApplication({
      form: '1b',
      applicant: { ...allowanceApplication().applicant, fullName: 'Trần Văn Kín', birthDate: '1985-01-01' },
      papers: ['residence', 'citizen-id', 'hiv-certificate'],
      facts: { income: { stableMonthlyIncome: false } },
    }),
    sensitive: { hiv: true },
    ...overrides,
  });

const hivText = /hiv|aids/i;
const titleOf = (code: string | null) => {
  const title = ALLOWANCE_CATEGORIES.find((c) => c.code === code)?.title.vi;
  if (!title) throw new Error(`no category ${code}`);
  return title;
};

describe('the posting list (issue 12)', () => {
  it('lists the posted dossiers with birth year, residence, category title, the proposed amount and the window', () => {
    const posting = { from: '2026-04-01', until: '2026-04-07', complaintsUntil: '2026-04-14', ruleId: 'r' };
    const elderly = aCase('a', 'posted', { posting });
    const rows = postingList([aCase('b', 'verified'), elderly], MONTH, words);
    const proposal = proposeAllowance(elderly.application, undefined, LY_SON, MONTH);
    expect(proposal.amount).toBeGreaterThan(0);
    expect(rows).toEqual([
      {
        id: 'a',
        fullName: 'Nguyễn Thị Hoa',
        birthYear: '1944',
        residence: 'Thôn Đông An Vĩnh, xã Lý Sơn',
        category: titleOf(proposal.categoryCode),
        proposedAmount: proposal.amount,
        from: '2026-04-01',
        until: '2026-04-07',
        complaintsUntil: '2026-04-14',
      },
    ]);
  });

  it('names an HIV case with the neutral label, and nothing in its row tells HIV', () => {
    const c = hivCase('posted');
    // The engine does pay it an HIV category: the test is about hiding it, not about a case that has none.
    expect(proposeAllowance(c.application, c.sensitive, LY_SON, MONTH).categoryCode).toBe('hiv-adult-poor');
    const [row] = postingList([c], MONTH, words);
    expect(row?.category).toBe(vi.allowanceNeutralCategory);
    expect(row?.proposedAmount).toBeGreaterThan(0);
    expect(JSON.stringify(row)).not.toMatch(hivText);
  });
});

describe('the desk’s list of dossiers (issue 12)', () => {
  it('gives an open dossier its decision due date, 10 working days after it was filed, and flags it overdue', () => {
    // Filed Monday 2/3/2026 (no holiday in March): the count starts the next day, the 10th working day is 16/3.
    const filed = (status: CaseStatus) =>
      aCase(status, status, { application: allowanceApplication({ filedOn: '2026-03-02' }) });
    const [onTime] = dossierRows([filed('submitted')], words, '2026-03-05');
    expect(onTime?.deadline).toMatchObject({ due: '2026-03-16', overdue: false });
    expect(onTime?.deadline?.daysLeft).toBeGreaterThan(0);
    const [late] = dossierRows([filed('posted')], words, '2026-03-20');
    expect(late?.deadline).toMatchObject({ due: '2026-03-16', overdue: true });
    expect(late?.deadline?.daysLeft).toBeLessThan(0);
    // A decided dossier has no deadline left; one filed before 1/7/2025 had the district's procedure.
    expect(dossierRows([filed('approved')], words, '2026-03-20')[0]?.deadline).toBeUndefined();
    const old = aCase('old', 'submitted', { application: allowanceApplication({ filedOn: '2025-06-02' }) });
    expect(dossierRows([old], words, '2025-06-05')[0]?.deadline).toBeUndefined();
  });

  it('lists every dossier with the same neutral wording, so a form 1b one does not stand out; open dossiers first', () => {
    const rows = dossierRows(
      [aCase('done', 'approved'), hivCase('submitted'), aCase('draft', 'draft')],
      words,
      '2026-03-05',
    );
    expect(rows.map((r) => [r.id, r.form])).toEqual([
      ['kin', vi.allowanceNeutralForm],
      ['done', vi.allowanceNeutralForm],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(hivText);
  });
});

describe('#12 what a list calls a care support', () => {
  it('names the support of Art. 20 a care form grants, as the rule pack titles it; a code it does not know, neutrally', () => {
    expect(publicCategory('household-caring-especially-severe-pwd', '2a', words)).toBe(
      'Hộ gia đình trực tiếp chăm sóc người khuyết tật đặc biệt nặng',
    );
    expect(publicCategory('no-such-support', '2a', words)).toBe(vi.allowanceNeutralCategory);
  });
});
