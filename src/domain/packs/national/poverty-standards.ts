// Multidimensional poverty standards by review date (docs/sources.md, "Poverty standards"). The 2022–2025 standard
// is applied through 31/12/2026 (Decree 351/2025 keeps it for 2026); the 2027–2030 standard of Decree 351/2025
// applies from 1/1/2027.
import { DOC } from '../legal-documents';
import type { PovertyStandardRule } from '../poverty-types';
import { INDICATORS_2022, INDICATORS_2027 } from './poverty-indicators';

const STANDARD_2022: Omit<
  PovertyStandardRule,
  'id' | 'effectiveFrom' | 'effectiveTo' | 'legalBasis' | 'status' | 'title'
> = {
  incomeLine: { rural: 1_500_000, urban: 2_000_000 },
  minDeprivationsForPoor: 3,
  averageBandUpTo: {
    id: 'POV22-AVG',
    value: { rural: 2_250_000, urban: 3_000_000 },
    status: 'secondary',
    legalBasis: { document: DOC.ND07_2021, article: 'Điều 3 khoản 2 điểm c / Art. 3(2)(c)', sources: ['P07avg'] },
  },
  indicators: INDICATORS_2022,
};

export const POVERTY_STANDARDS: readonly PovertyStandardRule[] = [
  {
    ...STANDARD_2022,
    id: 'POV-2022',
    effectiveFrom: '2022-01-01',
    effectiveTo: '2025-12-31',
    legalBasis: { document: DOC.ND07_2021, article: 'Điều 3 / Art. 3', sources: ['P07en', 'P07def', 'P07ind'] },
    status: 'verified',
    title: { vi: 'Chuẩn nghèo đa chiều giai đoạn 2022–2025', en: 'Multidimensional poverty standard 2022–2025' },
  },
  {
    ...STANDARD_2022,
    id: 'POV-2022-EXT-2026',
    effectiveFrom: '2026-01-01',
    effectiveTo: '2026-12-31',
    legalBasis: {
      document: `${DOC.ND351_2025}; ${DOC.ND07_2021}`,
      article: 'NĐ 351/2025 (áp dụng chuẩn 2022–2025 trong năm 2026); NĐ 07/2021 Điều 3',
      sources: ['P351a', 'P351b'],
    },
    status: 'secondary',
    title: {
      vi: 'Chuẩn nghèo đa chiều 2022–2025, tiếp tục áp dụng năm 2026',
      en: 'Multidimensional poverty standard 2022–2025, still applied in 2026',
    },
  },
  {
    id: 'POV-2027',
    incomeLine: { rural: 2_200_000, urban: 2_800_000 },
    minDeprivationsForPoor: 3,
    averageBandUpTo: {
      id: 'POV27-AVG',
      value: null,
      status: 'provisional',
      legalBasis: { document: DOC.ND351_2025, article: 'chưa tìm thấy / not found', sources: [] },
    },
    indicators: INDICATORS_2027,
    effectiveFrom: '2027-01-01',
    legalBasis: { document: DOC.ND351_2025, article: 'Điều 3 (chuẩn nghèo 2026–2030)', sources: ['P351a', 'P351b'] },
    status: 'provisional',
    title: {
      vi: 'Chuẩn nghèo đa chiều giai đoạn 2026–2030 (áp dụng từ 2027)',
      en: 'Multidimensional poverty standard 2026–2030 (applied from 2027)',
    },
    note: {
      vi: 'Chỉ xác nhận qua báo chí; dự thảo có thêm ngưỡng 1,9/2,5 triệu nhưng văn bản cuối có vẻ đã bỏ.',
      en: 'Known from news reports only; the draft had a 1.9M/2.5M tier that the final text appears to drop.',
    },
  },
];
