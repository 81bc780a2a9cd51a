import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { answerEmergency } from './answer';
import { EmergencyQuestionSchema } from './schema';
import { toEmergencyQuestion } from './from-registry';
import type { DamageFields } from '../../shared/records/emergency';

const damage = (overrides: Partial<DamageFields> = {}): DamageFields => ({
  communeCode: '21548',
  emergencyId: '0190f0f0-0000-7000-8000-000000000000',
  headName: 'Võ Văn Biển',
  village: 'Thôn An Bình',
  followUp: false,
  members: 4,
  status: 'poor',
  hungryMembers: 4,
  deaths: 0,
  missing: 0,
  deadMonthlyBeneficiaries: 0,
  injuredDays: [],
  houseLost: false,
  hasOtherHome: false,
  relocationOrdered: false,
  severeDamage: false,
  childrenWithoutParents: 0,
  assessedOn: '2026-10-21',
  ...overrides,
});

describe('recorded damage → emergency question (NĐ 20/2021 Ch. III)', () => {
  it('a flood with four hungry members gives rice for four people (Art. 12(1)), as a valid question', () => {
    const q = toEmergencyQuestion({ type: 'flood', date: '2026-10-20' }, damage());
    expect(v.safeParse(EmergencyQuestionSchema, q).success).toBe(true);
    const answer = answerEmergency(q);
    const rice = answer.entitlements.find((e) => e.unit === 'kg-rice' && e.payable);
    expect(rice?.quantity).toBe(4 * 15 * 3);
  });

  it('a house swept away with nowhere else to live, a death and an injury of 5 days each bring their support (Art. 13, 14, 15)', () => {
    const answer = answerEmergency(
      toEmergencyQuestion(
        { type: 'storm', date: '2026-10-20' },
        damage({ houseLost: true, deaths: 1, injuredDays: [5] }),
      ),
    );
    const payable = answer.entitlements.filter((e) => e.payable).map((e) => e.code);
    expect(payable.length).toBeGreaterThanOrEqual(3);
    expect(answer.totals.vnd).toBeGreaterThan(40_000_000);
  });

  it('nothing recorded, nothing given', () => {
    const answer = answerEmergency(
      toEmergencyQuestion({ type: 'flood', date: '2026-10-20' }, damage({ hungryMembers: 0 })),
    );
    expect(answer.entitlements.filter((e) => e.payable)).toEqual([]);
  });
});
