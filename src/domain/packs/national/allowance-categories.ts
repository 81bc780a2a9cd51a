// Beneficiary categories of Art. 5 and coefficients of Art. 6 of Decree 20/2021 (unchanged by Decree 76/2024,
// which changed only M). All [V] from the codified text (docs/sources.md, "Monthly allowance": PD20).
import { DOC } from '../legal-documents';
import type { AllowanceCategoryRule } from '../types';

type Row = Omit<AllowanceCategoryRule, 'effectiveFrom' | 'legalBasis' | 'status' | 'start'> &
  Partial<Pick<AllowanceCategoryRule, 'start'>>;

/** '5(5)(a)' → 'Điều 5 khoản 5 điểm a', the way Vietnamese legal texts cite a clause. */
function vietnameseClause(clause: string): string {
  const [, article, khoan, diem] = /^(\d+)\((\d+)\)(?:\((\w)\))?$/.exec(clause) ?? [];
  return `Điều ${article ?? clause} khoản ${khoan ?? ''}${diem ? ` điểm ${diem}` : ''}`;
}

function category(row: Row): AllowanceCategoryRule {
  return {
    start: 'decision-month',
    ...row,
    effectiveFrom: '2021-07-01',
    legalBasis: {
      document: DOC.ND20_2021,
      article: `${vietnameseClause(row.clause)}, Điều 6 / Art. ${row.clause}, Art. 6`,
      sources: ['PD20'],
    },
    status: 'verified',
  };
}

export const ALLOWANCE_CATEGORIES: readonly AllowanceCategoryRule[] = [
  category({
    id: 'TGXH-5.1-U4',
    code: 'orphan-under-4',
    clause: '5(1)',
    family: 'orphan',
    coefficient: 2.5,
    ages: { below: 4 },
    title: { vi: 'Trẻ em dưới 4 tuổi không có nguồn nuôi dưỡng', en: 'Child under 4 with no source of support' },
  }),
  category({
    id: 'TGXH-5.1-4-16',
    code: 'orphan-4-to-16',
    clause: '5(1)',
    family: 'orphan',
    coefficient: 1.5,
    ages: { from: 4, below: 16 },
    title: {
      vi: 'Trẻ em từ 4 đến dưới 16 tuổi không có nguồn nuôi dưỡng',
      en: 'Child 4 to under 16 with no source of support',
    },
  }),
  category({
    id: 'TGXH-5.2',
    code: 'orphan-studying-16-to-22',
    clause: '5(2)',
    family: 'orphan',
    coefficient: 1.5,
    ages: { from: 16, below: 22 },
    title: {
      vi: 'Người từ 16 đến 22 tuổi đang đi học, trước đó hưởng theo khoản 1',
      en: 'Person 16–22 studying, formerly under 5(1)',
    },
  }),
  category({
    id: 'TGXH-5.3-U4',
    code: 'hiv-child-under-4',
    clause: '5(3)',
    family: 'hiv',
    coefficient: 2.5,
    ages: { below: 4 },
    title: {
      vi: 'Trẻ em dưới 4 tuổi nhiễm HIV/AIDS thuộc hộ nghèo',
      en: 'Child under 4 with HIV/AIDS in a poor household',
    },
  }),
  category({
    id: 'TGXH-5.3-4-16',
    code: 'hiv-child-4-to-16',
    clause: '5(3)',
    family: 'hiv',
    coefficient: 2.0,
    ages: { from: 4, below: 16 },
    title: {
      vi: 'Trẻ em từ 4 đến dưới 16 tuổi nhiễm HIV/AIDS thuộc hộ nghèo',
      en: 'Child 4 to under 16 with HIV/AIDS in a poor household',
    },
  }),
  category({
    id: 'TGXH-5.4',
    code: 'single-parent-per-child',
    clause: '5(4)',
    family: 'single-parent',
    coefficient: 1.0,
    perChild: true,
    childAges: { below: 16, studyingBelow: 22 },
    stacksWithFamilies: ['elderly', 'disability', 'hiv'],
    title: {
      vi: 'Người đơn thân nghèo đang nuôi con (mỗi con)',
      en: 'Poor single parent raising children (per child)',
    },
  }),
  category({
    id: 'TGXH-5.5a-60-80',
    code: 'elderly-poor-no-supporter-60-to-80',
    clause: '5(5)(a)',
    family: 'elderly',
    coefficient: 1.5,
    ages: { from: 60, below: 80 },
    title: {
      vi: 'Người cao tuổi 60 đến dưới 80 tuổi, hộ nghèo, không có người phụng dưỡng',
      en: 'Elderly 60 to under 80, poor household, no supporter',
    },
  }),
  category({
    id: 'TGXH-5.5a-80',
    code: 'elderly-poor-no-supporter-80-plus',
    clause: '5(5)(a)',
    family: 'elderly',
    coefficient: 2.0,
    ages: { from: 80 },
    title: {
      vi: 'Người cao tuổi từ đủ 80 tuổi, hộ nghèo, không có người phụng dưỡng',
      en: 'Elderly 80 or over, poor household, no supporter',
    },
  }),
  category({
    id: 'TGXH-5.5b',
    code: 'elderly-75-to-80-ethnic-area',
    clause: '5(5)(b)',
    family: 'elderly',
    coefficient: 1.0,
    ages: { from: 75, below: 80 },
    start: 'eligibility-month',
    title: {
      vi: 'Người cao tuổi 75 đến 80 tuổi, hộ nghèo/cận nghèo, sống ở xã, thôn vùng DTTS & MN ĐBKK',
      en: 'Elderly 75–80, poor/near-poor household, in a DTTS & MN ĐBKK commune or village',
    },
  }),
  category({
    id: 'TGXH-5.5c',
    code: 'elderly-80-plus-no-pension',
    clause: '5(5)(c)',
    family: 'elderly',
    coefficient: 1.0,
    ages: { from: 80 },
    start: 'eligibility-month',
    title: {
      vi: 'Người từ đủ 80 tuổi không có lương hưu, trợ cấp BHXH, trợ cấp xã hội hằng tháng',
      en: 'Aged 80 or over with no pension, social-insurance or social allowance',
    },
  }),
  category({
    id: 'TGXH-5.5d',
    code: 'elderly-taken-in-community',
    clause: '5(5)(d)',
    family: 'elderly',
    coefficient: 3.0,
    ages: { from: 60 },
    title: {
      vi: 'Người cao tuổi hộ nghèo đủ điều kiện vào cơ sở, được nhận chăm sóc tại cộng đồng',
      en: 'Elderly eligible for a facility, taken in for care in the community',
    },
  }),
  category({
    id: 'TGXH-5.6-DBN',
    code: 'disability-especially-severe',
    clause: '5(6)',
    family: 'disability',
    coefficient: 2.0,
    ages: { from: 16, below: 60 },
    start: 'certificate-month',
    title: { vi: 'Người khuyết tật đặc biệt nặng', en: 'Person with an especially severe disability' },
  }),
  category({
    id: 'TGXH-5.6-DBN-TE-NCT',
    code: 'disability-especially-severe-child-or-elderly',
    clause: '5(6)',
    family: 'disability',
    coefficient: 2.5,
    start: 'certificate-month',
    title: {
      vi: 'Trẻ em, người cao tuổi khuyết tật đặc biệt nặng',
      en: 'Child or elderly person with an especially severe disability',
    },
  }),
  category({
    id: 'TGXH-5.6-N',
    code: 'disability-severe',
    clause: '5(6)',
    family: 'disability',
    coefficient: 1.5,
    ages: { from: 16, below: 60 },
    start: 'certificate-month',
    title: { vi: 'Người khuyết tật nặng', en: 'Person with a severe disability' },
  }),
  category({
    id: 'TGXH-5.6-N-TE-NCT',
    code: 'disability-severe-child-or-elderly',
    clause: '5(6)',
    family: 'disability',
    coefficient: 2.0,
    start: 'certificate-month',
    title: { vi: 'Trẻ em, người cao tuổi khuyết tật nặng', en: 'Child or elderly person with a severe disability' },
  }),
  category({
    id: 'TGXH-5.7',
    code: 'child-under-3-ethnic-area',
    clause: '5(7)',
    family: 'young-child',
    coefficient: 1.5,
    ages: { below: 3 },
    title: {
      vi: 'Trẻ em dưới 3 tuổi hộ nghèo/cận nghèo ở xã, thôn vùng DTTS & MN ĐBKK',
      en: 'Child under 3, poor/near-poor household, in a DTTS & MN ĐBKK commune or village',
    },
  }),
  category({
    id: 'TGXH-5.8',
    code: 'hiv-adult-poor',
    clause: '5(8)',
    family: 'hiv',
    coefficient: 1.5,
    title: {
      vi: 'Người nhiễm HIV/AIDS thuộc hộ nghèo không có thu nhập ổn định hằng tháng',
      en: 'Person with HIV/AIDS in a poor household with no stable monthly income',
    },
  }),
];
