/** Issue 11, numbers: a value no household can have is refused saying the bound, not in valibot's English. */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { formatVi } from '../messages-vi';
import { DamageFields } from './emergency';
import { DistributionData } from './distribution';
import { SurveyAnswers } from './survey';
import { damageFields } from '../../../tests/support/fixtures';

const firstIssue = (schema: v.GenericSchema, value: unknown) => {
  const parsed = v.safeParse(schema, value);
  return parsed.success ? undefined : formatVi(parsed.issues[0].message);
};

describe('#11 the upper bound of a number is said in Vietnamese, with the bound', () => {
  it('an income of more than ten billion đồng a month, a floor area over 10.000 m²', () => {
    const answers = { period: 'annual', reviewDate: '2026-10-01', incomeMode: 'household' };
    expect(firstIssue(SurveyAnswers, { ...answers, householdIncome: 20_000_000_000 })).toBe(
      'Không được lớn hơn 10.000.000.000',
    );
    expect(firstIssue(SurveyAnswers, { ...answers, householdIncome: 1, floorAreaM2: 20_000 })).toBe(
      'Không được lớn hơn 10.000',
    );
  });

  it('a household of 150 people on a damage entry, a handout of 2 trillion', () => {
    const damage = damageFields('01890a5d-ac96-774b-bcce-b302099a8057', { members: 150, hungryMembers: 0 });
    expect(firstIssue(DamageFields, damage)).toBe('Không được lớn hơn 100');
    const handout = {
      communeCode: '21548',
      householdId: '01890a5d-ac96-774b-bcce-b302099a8057',
      roundId: 'r',
      item: 'cash',
      itemName: 'Tiền',
      quantity: 2e12,
      unit: 'VND',
      recipientName: 'Nguyễn Văn Đức',
      handedOutAt: 1,
      noReceiptReason: 'Ký trên danh sách giấy',
    };
    expect(firstIssue(DistributionData, handout)).toBe('Không được lớn hơn 1.000.000.000.000');
  });
});
