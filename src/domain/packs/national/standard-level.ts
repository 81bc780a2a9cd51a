// Mức chuẩn trợ giúp xã hội (M) and the social pension: dated amounts, newest wins (see pickInEffect).
import { DOC } from '../legal-documents';
import type { SocialPensionRule, StandardLevelRule } from '../types';

export const STANDARD_LEVELS: readonly StandardLevelRule[] = [
  {
    id: 'M-2021',
    amount: 360_000,
    effectiveFrom: '2021-07-01',
    effectiveTo: '2024-06-30',
    legalBasis: { document: DOC.ND20_2021, article: 'Điều 4 khoản 2 / Art. 4(2)', sources: ['PD20', 'R136'] },
    status: 'verified',
    title: { vi: 'Mức chuẩn trợ giúp xã hội 360.000 đồng/tháng', en: 'Standard level 360,000 VND/month' },
  },
  {
    // No effectiveTo: if the 540,000 rule below is withdrawn, 500,000 simply stays in force.
    id: 'M-2024',
    amount: 500_000,
    effectiveFrom: '2024-07-01',
    legalBasis: {
      document: DOC.ND76_2024,
      article: 'Điều 1 (sửa Điều 4 khoản 2 NĐ 20/2021) / amends Art. 4(2)',
      sources: ['D76a', 'D76b', 'LDdis'],
    },
    status: 'verified',
    title: { vi: 'Mức chuẩn trợ giúp xã hội 500.000 đồng/tháng', en: 'Standard level 500,000 VND/month' },
  },
  {
    id: 'M-2026',
    amount: 540_000,
    effectiveFrom: '2026-07-01',
    legalBasis: { document: DOC.ND335_2026, article: 'Điều 4 / Art. 4', sources: ['GH335'] },
    status: 'provisional',
    title: { vi: 'Mức chuẩn trợ giúp xã hội 540.000 đồng/tháng', en: 'Standard level 540,000 VND/month' },
    note: {
      vi: 'Chỉ thấy trong tệp không chính thức; ngày hiệu lực của Nghị định 335/2026 mâu thuẫn (1/9 hay 5/10/2026).',
      en: 'Seen only in unofficial files; the effective date of Decree 335/2026 conflicts (1/9 or 5/10/2026).',
    },
  },
];

export const SOCIAL_PENSIONS: readonly SocialPensionRule[] = [
  {
    id: 'SP-2025',
    amount: 500_000,
    ageFrom: 75,
    ageFromPoorOrNearPoor: 70,
    effectiveFrom: '2025-07-01',
    legalBasis: {
      document: DOC.ND176_2025,
      article: 'Luật BHXH 2024 Điều 21–22; NĐ 176/2025 Điều 3–5',
      sources: ['SP176a', 'SP176b'],
    },
    status: 'secondary',
    title: { vi: 'Trợ cấp hưu trí xã hội 500.000 đồng/tháng', en: 'Social pension 500,000 VND/month' },
    note: {
      vi: 'Chỉ xác nhận qua báo chí; người đang hưởng trợ cấp xã hội hằng tháng nhận mức cao hơn.',
      en: 'Confirmed by news reports only; a monthly-allowance beneficiary receives the higher of the two.',
    },
  },
  {
    id: 'SP-2026',
    amount: 540_000,
    ageFrom: 75,
    ageFromPoorOrNearPoor: 70,
    effectiveFrom: '2026-07-01',
    legalBasis: { document: DOC.ND335_2026, article: 'chưa rõ / unknown', sources: ['GH335'] },
    status: 'provisional',
    title: { vi: 'Trợ cấp hưu trí xã hội 540.000 đồng/tháng', en: 'Social pension 540,000 VND/month' },
    note: {
      vi: 'Một tệp không chính thức nói trợ cấp hưu trí xã hội cũng là 540.000 đồng từ 1/7/2026.',
      en: 'One unofficial file says the social pension is also 540,000 VND from 1/7/2026.',
    },
  },
];
