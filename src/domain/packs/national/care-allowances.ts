// Kinh phí hỗ trợ chăm sóc, nuôi dưỡng: minimum levels of Art. 20 of Decree 20/2021, as coefficients of M.
// All [V] (docs/sources.md, "Care allowances": PD20 §Điều 6.1.NĐ.20). Paid to the carer, on top of the person's
// own allowance.
import { DOC } from '../legal-documents';
import type { CareAllowanceRule } from '../types';

type Row = Pick<CareAllowanceRule, 'id' | 'code' | 'coefficient' | 'group' | 'title'> & { clause: `khoản ${number}` };

function care({ clause, ...row }: Row): CareAllowanceRule {
  return {
    ...row,
    clause: `20(${clause.slice('khoản '.length)})`,
    effectiveFrom: '2021-07-01',
    legalBasis: { document: DOC.ND20_2021, article: `Điều 20 ${clause} / Art. 20`, sources: ['PD20'] },
    status: 'verified',
  };
}

export const CARE_ALLOWANCES: readonly CareAllowanceRule[] = [
  care({
    id: 'CS-20.1a-U4',
    code: 'take-in-orphan-under-4',
    coefficient: 2.5,
    group: 'take-in',
    clause: 'khoản 1',
    title: { vi: 'Nhận chăm sóc trẻ em (khoản 1 Điều 5) dưới 4 tuổi', en: 'Taking in a child under 5(1) aged under 4' },
  }),
  care({
    id: 'CS-20.1b-4-16',
    code: 'take-in-orphan-4-to-16',
    coefficient: 1.5,
    group: 'take-in',
    clause: 'khoản 1',
    title: {
      vi: 'Nhận chăm sóc trẻ em (khoản 1 Điều 5) từ 4 đến dưới 16 tuổi',
      en: 'Taking in a child under 5(1) aged 4 to under 16',
    },
  }),
  care({
    id: 'CS-20.1b-NCT',
    code: 'take-in-elderly-5d',
    coefficient: 1.5,
    group: 'take-in',
    clause: 'khoản 1',
    title: {
      vi: 'Nhận chăm sóc người cao tuổi (điểm d khoản 5 Điều 5)',
      en: 'Taking in an elderly person under 5(5)(d)',
    },
  }),
  care({
    id: 'CS-20.2a',
    code: 'pwd-pregnant-or-one-child-under-36-months',
    coefficient: 1.5,
    group: 'pwd-parent',
    clause: 'khoản 2',
    title: {
      vi: 'Người khuyết tật nặng/đặc biệt nặng đang mang thai hoặc nuôi một con dưới 36 tháng',
      en: 'Person with a severe or especially severe disability, pregnant or raising one child under 36 months',
    },
  }),
  care({
    id: 'CS-20.2b',
    code: 'pwd-pregnant-and-child-or-two-children-under-36-months',
    coefficient: 2.0,
    group: 'pwd-parent',
    clause: 'khoản 2',
    title: {
      vi: 'Người khuyết tật nặng/đặc biệt nặng mang thai và nuôi một con, hoặc nuôi từ hai con dưới 36 tháng',
      en: 'Person with a severe or especially severe disability, pregnant and raising a child, or raising two or more children under 36 months',
    },
  }),
  care({
    id: 'CS-20.3',
    code: 'household-caring-especially-severe-pwd',
    coefficient: 1.0,
    group: 'household-care',
    clause: 'khoản 3',
    title: {
      vi: 'Hộ gia đình trực tiếp chăm sóc người khuyết tật đặc biệt nặng',
      en: 'Household directly caring for a person with an especially severe disability',
    },
  }),
  care({
    id: 'CS-20.4a',
    code: 'take-in-especially-severe-pwd',
    coefficient: 1.5,
    group: 'take-in',
    clause: 'khoản 4',
    title: {
      vi: 'Nhận chăm sóc người khuyết tật đặc biệt nặng',
      en: 'Taking in a person with an especially severe disability',
    },
  }),
  care({
    id: 'CS-20.4b',
    code: 'take-in-especially-severe-pwd-child',
    coefficient: 2.5,
    group: 'take-in',
    clause: 'khoản 4',
    title: {
      vi: 'Nhận chăm sóc trẻ em khuyết tật đặc biệt nặng',
      en: 'Taking in a child with an especially severe disability',
    },
  }),
];
