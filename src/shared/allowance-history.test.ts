import { describe, expect, it } from 'vitest';
import { allowanceApplication } from '../../tests/support/fixtures';
import {
  changeApplies,
  checkAdjustment,
  deathStopMonth,
  grantStanding,
  inForce,
  type DecidedChange,
  type DecidedGrant,
} from './allowance-history';
import type { AllowanceChange, ChangeDecision } from './records/allowance-change';

const GRANT_ID = '00000000-0000-4000-8000-000000000001';
const grant: DecidedGrant = {
  caseId: GRANT_ID,
  decision: {
    number: '12/QĐ-UBND',
    signedOn: '2026-03-10',
    signer: 'Chủ tịch UBND xã',
    categoryCode: 'elderly-poor-no-supporter-60-to-80',
    coefficient: 1.5,
    amount: 750_000,
    startMonth: '2026-03',
  },
};

let n = 0;
function decided(
  change: Partial<AllowanceChange> & Pick<AllowanceChange, 'change' | 'reason'>,
  decision: Partial<ChangeDecision> & { effectiveMonth: string },
): DecidedChange {
  n += 1;
  return {
    caseId: `change-${n}`,
    change: { grantCaseId: GRANT_ID, proposedOn: '2026-04-01', effectiveMonth: decision.effectiveMonth, ...change },
    decision: { number: `${20 + n}/QĐ-UBND`, signedOn: '2026-04-02', signer: 'Chủ tịch UBND xã', ...decision },
  };
}

describe('where a decided allowance stands after its changes (the register and the server read it the same way)', () => {
  it('Art. 8(1)(đ) NĐ 20/2021: turning 80 in August 2026, the higher level runs from August, not before', () => {
    const born1946 = allowanceApplication({
      applicant: { ...allowanceApplication().applicant, birthDate: '1946-08-15' },
    });
    const change: AllowanceChange = {
      change: 'adjust',
      grantCaseId: GRANT_ID,
      reason: 'turned-age',
      proposedOn: '2026-07-20',
      effectiveMonth: '2026-08',
    };
    const right: ChangeDecision = {
      number: '30/QĐ-UBND',
      signedOn: '2026-08-03',
      signer: 'Chủ tịch UBND xã',
      effectiveMonth: '2026-08',
      categoryCode: 'elderly-poor-no-supporter-80-plus',
      coefficient: 2,
      amount: 1_080_000,
    };
    expect(checkAdjustment(born1946, undefined, '21601', change, right)).toEqual({ ok: true });
    // A month early: the engine still gives 1,5 in July (M = 540.000 from 1/7/2026).
    expect(checkAdjustment(born1946, undefined, '21601', change, { ...right, effectiveMonth: '2026-07' })).toEqual({
      ok: false,
      expected: { categoryCode: 'elderly-poor-no-supporter-60-to-80', coefficient: 1.5, amount: 810_000 },
    });
    const changes = [{ caseId: 'c', change, decision: right }];
    expect(grantStanding(grant, changes, '2026-07').line?.amount).toBe(810_000);
    const august = grantStanding(grant, changes, '2026-08');
    expect(august.state).toBe('active');
    expect(august.line?.amount).toBe(1_080_000);
    expect(august.line?.coefficient).toBe(2);
    expect(august.line?.basis.vi).toContain('30/QĐ-UBND');
  });

  it('Art. 8(2), Art. 11 NĐ 20/2021: death on 20/05/2026 stops from June and gives 20 × M burial support', () => {
    const death = decided({ change: 'stop', reason: 'death', eventOn: '2026-05-20' }, { effectiveMonth: '2026-06' });
    expect(deathStopMonth(death.change)).toBe('2026-06');
    expect(grantStanding(grant, [death], '2026-05').state).toBe('active');
    const june = grantStanding(grant, [death], '2026-06');
    expect(june.state).toBe('stopped');
    expect(june.line?.amount).toBe(0);
    expect(june.burial?.amount).toBe(10_000_000);
    expect(inForce(grant, [death], '2026-06')).toBe(false);
    expect(inForce(grant, [death], '2026-05')).toBe(true);
  });

  it('TT 02/2021 Art. 2(3), Art. 6(1)(b): suspended from May, resumed in August with arrears for May–July', () => {
    const suspend = decided({ change: 'suspend', reason: 'not-collected' }, { effectiveMonth: '2026-05' });
    const resume = decided(
      { change: 'resume', reason: 'collected-again', withArrears: true },
      { effectiveMonth: '2026-08', signedOn: '2026-08-05' },
    );
    expect(grantStanding(grant, [suspend], '2026-06').state).toBe('suspended');
    expect(changeApplies('resume', 'suspended')).toBe(true);
    expect(changeApplies('resume', 'active')).toBe(false);
    const resumed = [suspend, resume];
    expect(grantStanding(grant, resumed, '2026-08').state).toBe('active');
    // The suspended months carry their amount once resumed with arrears: 2 × 750.000 + 810.000 (July, M = 540.000).
    const months = ['2026-05', '2026-06', '2026-07'].map((m) => grantStanding(grant, resumed, m).line?.amount);
    expect(months).toEqual([750_000, 750_000, 810_000]);
    const without = [suspend, decided({ change: 'resume', reason: 'collected-again' }, { effectiveMonth: '2026-08' })];
    expect(grantStanding(grant, without, '2026-06').line?.amount).toBe(0);
  });

  it('Art. 8(4) NĐ 20/2021 [U after 1/7/2025]: moved out from July, the old commune pays June last', () => {
    const move = decided(
      { change: 'move-out', reason: 'moved', eventOn: '2026-06-10', toCommune: '21604' },
      { effectiveMonth: '2026-07' },
    );
    expect(grantStanding(grant, [move], '2026-06').state).toBe('active');
    expect(grantStanding(grant, [move], '2026-07').state).toBe('moved-out');
    expect(inForce(grant, [move], '2026-07')).toBe(false);
    // A change of another grant is no change of this one.
    const other = { ...move, change: { ...move.change, grantCaseId: '00000000-0000-4000-8000-000000000009' } };
    expect(grantStanding(grant, [other], '2026-07').state).toBe('active');
  });

  it('a grant not begun yet is in force for a second decision from the same month', () => {
    expect(grantStanding(grant, [], '2026-02').state).toBe('not-yet');
    expect(inForce(grant, [], '2026-01')).toBe(true);
  });
});
