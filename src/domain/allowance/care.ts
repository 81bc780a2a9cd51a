// Care and nurture support of Art. 20 (kinh phí hỗ trợ chăm sóc, nuôi dưỡng), paid to the carer on top of the
// person's own allowance. Within a group (taking in; the disabled parent's care; the own household's care) the
// cases are alternatives for the same person, so only the highest of a group is paid (our reading of Art. 20).
import { ageOn, firstDayOf, lastDayOf, type IsoMonth } from '../common/dates';
import type { Bilingual } from '../common/rule';
import type { RuleSnapshot } from '../packs/resolve';
import type { CareAllowanceCode, CareAllowanceRule } from '../packs/types';
import type { CategoryResult } from './evaluate-month';
import type { AllowancePerson } from './schema';

export interface CareCase {
  readonly rule: CareAllowanceRule;
  readonly recipient: 'household-taking-in' | 'person' | 'own-household';
  readonly reason: Bilingual;
}

const MONTHS_36 = 36;

/** Completed months of age on a date. */
function monthsOld(dob: string, date: string): number {
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [dy, dm, dd] = date.split('-').map(Number) as [number, number, number];
  return (dy - by) * 12 + (dm - bm) - (dd < bd ? 1 : 0);
}

export function careCases(
  snap: RuleSnapshot,
  person: AllowancePerson,
  month: IsoMonth,
  categories: readonly CategoryResult[],
): CareCase[] {
  const met = (code: string) => categories.some((c) => c.check.ok && c.rule.code === code);
  const wanted: { code: CareAllowanceCode; recipient: CareCase['recipient']; reason: Bilingual }[] = [];
  const takenIn = person.takenInByHousehold === true;
  const esd = met('disability-especially-severe') || met('disability-especially-severe-child-or-elderly');
  const childAge = snap.ageDefinitions?.childBelow ?? 16;
  const isChild =
    ageOn(person.dateOfBirth, lastDayOf(month)) < childAge || ageOn(person.dateOfBirth, firstDayOf(month)) < childAge;

  if (takenIn && met('orphan-under-4'))
    wanted.push({
      code: 'take-in-orphan-under-4',
      recipient: 'household-taking-in',
      reason: { vi: 'nhận chăm sóc trẻ em dưới 4 tuổi thuộc khoản 1 Điều 5', en: 'taking in a 5(1) child under 4' },
    });
  if (takenIn && met('orphan-4-to-16'))
    wanted.push({
      code: 'take-in-orphan-4-to-16',
      recipient: 'household-taking-in',
      reason: { vi: 'nhận chăm sóc trẻ em 4–16 tuổi thuộc khoản 1 Điều 5', en: 'taking in a 5(1) child aged 4–16' },
    });
  if (met('elderly-taken-in-community'))
    wanted.push({
      code: 'take-in-elderly-5d',
      recipient: 'household-taking-in',
      reason: {
        vi: 'nhận chăm sóc người cao tuổi thuộc điểm d khoản 5 Điều 5',
        en: 'taking in an elderly person under 5(5)(d)',
      },
    });
  if (takenIn && esd) {
    wanted.push(
      isChild
        ? {
            code: 'take-in-especially-severe-pwd-child',
            recipient: 'household-taking-in',
            reason: {
              vi: 'nhận chăm sóc trẻ em khuyết tật đặc biệt nặng',
              en: 'taking in a child with an especially severe disability',
            },
          }
        : {
            code: 'take-in-especially-severe-pwd',
            recipient: 'household-taking-in',
            reason: {
              vi: 'nhận chăm sóc người khuyết tật đặc biệt nặng',
              en: 'taking in a person with an especially severe disability',
            },
          },
    );
  }
  if (!takenIn && esd && person.caredForByOwnHousehold === true) {
    wanted.push({
      code: 'household-caring-especially-severe-pwd',
      recipient: 'own-household',
      reason: {
        vi: 'hộ gia đình trực tiếp chăm sóc người khuyết tật đặc biệt nặng',
        en: 'own household directly caring for a person with an especially severe disability',
      },
    });
  }
  const severeOrEsd = categories.some((c) => c.check.ok && c.rule.family === 'disability');
  if (severeOrEsd && person.spouseReceivesPwdCareAllowance !== true) {
    const young = (person.children ?? []).filter(
      (ch) => ch.dateOfBirth <= lastDayOf(month) && monthsOld(ch.dateOfBirth, firstDayOf(month)) < MONTHS_36,
    ).length;
    const pregnant = person.pregnant === true;
    if ((pregnant && young >= 1) || young >= 2) {
      wanted.push({
        code: 'pwd-pregnant-and-child-or-two-children-under-36-months',
        recipient: 'person',
        reason: {
          vi: `người khuyết tật ${pregnant ? 'mang thai và ' : ''}nuôi ${young} con dưới 36 tháng`,
          en: `person with a disability ${pregnant ? 'pregnant and ' : ''}raising ${young} child(ren) under 36 months`,
        },
      });
    } else if (pregnant || young === 1) {
      wanted.push({
        code: 'pwd-pregnant-or-one-child-under-36-months',
        recipient: 'person',
        reason: {
          vi: pregnant ? 'người khuyết tật đang mang thai' : 'người khuyết tật nuôi một con dưới 36 tháng',
          en: pregnant
            ? 'person with a disability, pregnant'
            : 'person with a disability raising one child under 36 months',
        },
      });
    }
  }

  const cases = wanted.flatMap((w) => {
    const rule = snap.careAllowance(w.code);
    return rule ? [{ rule, recipient: w.recipient, reason: w.reason }] : [];
  });
  // Highest of each group only.
  const best = new Map<string, CareCase>();
  for (const c of cases) {
    const prev = best.get(c.rule.group);
    if (!prev || c.rule.coefficient > prev.rule.coefficient) best.set(c.rule.group, c);
  }
  return [...best.values()];
}
