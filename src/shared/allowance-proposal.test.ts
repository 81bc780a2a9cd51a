import { describe, expect, it } from 'vitest';
import { allowanceApplication } from '../../tests/support/fixtures';
import { checkDecision, isHivCategory, proposeAllowance } from './allowance-proposal';

const LY_SON = '21548';

describe('the engine proposal for an allowance application (one reading for tablet and server)', () => {
  it('Decree 20/2021 Art. 5(5)(a), Art. 6: a poor woman of 81 with no supporter — coefficient 2.0 × 500.000 đ', () => {
    const proposal = proposeAllowance(allowanceApplication(), undefined, LY_SON, '2026-03');
    expect(proposal.categoryCode).toBe('elderly-poor-no-supporter-80-plus');
    expect(proposal.coefficient).toBe(2);
    expect(proposal.amount).toBe(1_000_000);
    expect(proposal.missing).toEqual([]);
  });

  it('Art. 8(1)(a): a paper not seen and a year of birth alone are said as missing, not guessed', () => {
    const noId = proposeAllowance(allowanceApplication({ papers: ['residence'] }), undefined, LY_SON, '2026-03');
    expect(noId.missing).toEqual([{ what: 'paper', paper: 'citizen-id' }]);
    const app = allowanceApplication();
    const yearOnly = proposeAllowance(
      { ...app, applicant: { ...app.applicant, birthDate: '1944' } },
      undefined,
      LY_SON,
      '2026-03',
    );
    expect(yearOnly.answer).toBeNull();
    expect(yearOnly.missing[0]).toEqual({ what: 'fullBirthDate' });
  });

  it('form 1b without the HIV status recorded is missing it; the HIV categories are never named on a posting', () => {
    const proposal = proposeAllowance(allowanceApplication({ form: '1b' }), undefined, LY_SON, '2026-03');
    expect(proposal.missing).toContainEqual({ what: 'hivStatus' });
    expect(isHivCategory('hiv-adult-poor')).toBe(true);
    expect(isHivCategory('elderly-poor-no-supporter-80-plus')).toBe(false);
  });

  it('a decision for an amount the engine does not give stands only with a reason', () => {
    const decision = {
      number: '12/QĐ-UBND',
      signedOn: '2026-03-10',
      signer: 'Chủ tịch UBND xã',
      categoryCode: 'elderly-poor-no-supporter-80-plus',
      coefficient: 2,
      amount: 1_000_000,
      startMonth: '2026-03',
    };
    expect(checkDecision(allowanceApplication(), undefined, LY_SON, decision)).toEqual({ ok: true });
    const more = { ...decision, amount: 1_200_000 };
    expect(checkDecision(allowanceApplication(), undefined, LY_SON, more)).toEqual({
      ok: false,
      expected: { categoryCode: 'elderly-poor-no-supporter-80-plus', coefficient: 2, amount: 1_000_000 },
    });
    const topUp = { ...more, overrideReason: 'Tỉnh hỗ trợ thêm 200.000 đ' };
    expect(checkDecision(allowanceApplication(), undefined, LY_SON, topUp)).toEqual({ ok: true });
  });
});
